#include "stopsequences.h"

namespace StopSequences {

QStringList parse(const QString &text)
{
    QStringList out;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty())
            out.append(current);
        current.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'|') {
            flush();
        } else if (c == u'\\' && i + 1 < text.size()) {
            const QChar next = text.at(++i);
            if (next == u'n')
                current += u'\n';
            else if (next == u't')
                current += u'\t';
            else if (next == u'|' || next == u'\\')
                current += next;
            else
                current += c, current += next; // an unknown escape stays as typed
        } else {
            current += c;
        }
    }
    flush();
    return out;
}

QString format(const QStringList &stops)
{
    QStringList out;
    for (QString s : stops) {
        s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        s.replace(QLatin1Char('|'), QStringLiteral("\\|"));
        s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        s.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
        out << s;
    }
    return out.join(QLatin1Char('|'));
}

QStringList parseLines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QString s;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (c == u'\\' && i + 1 < line.size()) {
                const QChar next = line.at(++i);
                if (next == u'n')
                    s += u'\n';
                else if (next == u't')
                    s += u'\t';
                else if (next == u'\\')
                    s += next;
                else
                    s += c, s += next;
            } else {
                s += c;
            }
        }
        out.append(s);
    }
    return out;
}

QString formatLines(const QStringList &stops)
{
    QStringList out;
    for (QString s : stops) {
        s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        s.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
        out << s;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace StopSequences
