#include "text/stopsequences.h"

namespace {

// The character an escape stands for (\n, \t, and those in `literal` as themselves), or the
// escape as typed when it is none.
QString unescaped(QChar next, QStringView literal)
{
    if (next == u'n')
        return QStringLiteral("\n");
    if (next == u't')
        return QStringLiteral("\t");
    if (literal.contains(next))
        return QString(next);
    return QStringLiteral("\\") + next;
}

// What parse() or parseLines() reads back as s: backslashes, line breaks, tabs and (bar) bars escaped.
QString escaped(QString s, bool bar)
{
    s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    if (bar)
        s.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    s.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    return s;
}

} // namespace

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
            current += unescaped(text.at(++i), u"|\\"); // an unknown escape stays as typed
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
    for (const QString &s : stops)
        out << escaped(s, true);
    return out.join(QLatin1Char('|'));
}

QStringList parseLines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QString s;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (c == u'\\' && i + 1 < line.size())
                s += unescaped(line.at(++i), u"\\");
            else
                s += c;
        }
        out.append(s);
    }
    return out;
}

QString formatLines(const QStringList &stops)
{
    QStringList out;
    for (const QString &s : stops)
        out << escaped(s, false);
    return out.join(QLatin1Char('\n'));
}

} // namespace StopSequences
