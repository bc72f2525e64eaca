#include "wire/contextchunk.h"

#include <QFileInfo>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

namespace {
// Messages under the context "ExtraContext"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ExtraContext)
};
} // namespace

namespace ExtraContext {

QList<ContextScope> scopes()
{
    return {ContextScope::None, ContextScope::ThisFile, ContextScope::Pinned, ContextScope::Ring, ContextScope::All};
}

QString scopeKey(ContextScope scope)
{
    switch (scope) {
    case ContextScope::None: return QStringLiteral("none");
    case ContextScope::ThisFile: return QStringLiteral("file");
    case ContextScope::Pinned: return QStringLiteral("pinned");
    case ContextScope::Ring: return QStringLiteral("ring");
    case ContextScope::All: return QStringLiteral("all");
    }
    return {};
}

QString scopeText(ContextScope scope)
{
    switch (scope) {
    case ContextScope::None: return Tr::tr("no extra context");
    case ContextScope::ThisFile: return Tr::tr("this file only");
    case ContextScope::Pinned: return Tr::tr("pinned");
    case ContextScope::Ring: return Tr::tr("ring");
    case ContextScope::All: return Tr::tr("all context");
    }
    return {};
}

std::optional<ContextScope> scopeFromKey(QStringView key)
{
    for (ContextScope s : scopes())
        if (key == scopeKey(s))
            return s;
    return std::nullopt;
}

QString commentMarkerFor(const QString &fileName)
{
    static const QHash<QString, QString> markers = [] {
        QHash<QString, QString> m;
        for (const char *ext : {"py", "pyi", "sh", "bash", "zsh", "rb", "pl", "r", "yaml", "yml", "toml", "cmake",
                                "txt", "conf", "mk", "jl", "nim", "ex", "exs", "ps1", "dockerfile"})
            m.insert(QString::fromLatin1(ext), QStringLiteral("#"));
        for (const char *ext : {"sql", "lua", "hs", "elm", "ada", "adb", "ads", "vhd", "vhdl"})
            m.insert(QString::fromLatin1(ext), QStringLiteral("--"));
        for (const char *ext : {"el", "lisp", "clj", "cljs", "scm", "asm", "s", "ini"})
            m.insert(QString::fromLatin1(ext), QStringLiteral(";"));
        for (const char *ext : {"tex", "sty", "m", "erl"})
            m.insert(QString::fromLatin1(ext), QStringLiteral("%"));
        m.insert(QStringLiteral("vim"), QStringLiteral("\""));
        m.insert(QStringLiteral("f90"), QStringLiteral("!"));
        return m;
    }();
    const QFileInfo info(fileName);
    const QString name = info.fileName().toLower();
    if (name == u"cmakelists.txt" || name == u"makefile" || name == u"dockerfile")
        return QStringLiteral("#");
    return markers.value(info.suffix().toLower(), QStringLiteral("//"));
}

QString asComments(const QList<ContextChunk> &chunks, const QString &marker)
{
    QString out;
    const QString m = marker.isEmpty() ? QStringLiteral("//") : marker;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const ContextChunk &c = chunks.at(i);
        if (i > 0)
            out += m + QLatin1Char('\n');
        out += m + QStringLiteral(" Path: ") + c.filename + QLatin1Char('\n');
        QStringView text(c.text);
        if (text.endsWith(u'\n'))
            text.chop(1);
        for (const QStringView line : text.tokenize(u'\n')) {
            out += m;
            if (!line.isEmpty())
                out += QLatin1Char(' ') + line;
            out += QLatin1Char('\n');
        }
    }
    return out;
}

QJsonArray toJson(const QList<ContextChunk> &chunks)
{
    QJsonArray out;
    for (const ContextChunk &c : chunks)
        out.append(QJsonObject{{QStringLiteral("filename"), c.filename}, {QStringLiteral("text"), c.text}});
    return out;
}

QString withComments(const QList<ContextChunk> &chunks, const QString &marker, const QString &prompt)
{
    return chunks.isEmpty() ? prompt : asComments(chunks, marker) + prompt;
}

} // namespace ExtraContext
