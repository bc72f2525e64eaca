#include "suite/promptsuite.h"

#include "suite/benchmarkformat.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Messages under the context "PromptSuite"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PromptSuite)
};

enum class Type { String, Number, Integer, Stop, Context };

struct Field
{
    const char16_t *name;
    Type type;
};

constexpr Field Fields[] = {{u"name", Type::String},        {u"prompt", Type::String},     {u"suffix", Type::String},
                            {u"expected", Type::String},    {u"model", Type::String},      {u"max_tokens", Type::Integer},
                            {u"min_tokens", Type::Integer}, {u"temperature", Type::Number}, {u"top_p", Type::Number},
                            {u"stop", Type::Stop},          {u"random_seed", Type::Integer}, {u"file", Type::String},
                            {u"context", Type::Context}};

// Empty when "context" is a list of {"filename", "text"} objects; else what is wrong with it.
QString contextError(const QJsonValue &v)
{
    if (!v.isArray())
        return Tr::tr("\"context\" must be a list of {\"filename\", \"text\"} objects");
    const QJsonArray chunks = v.toArray();
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const QJsonObject o = chunks.at(i).toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != u"filename" && it.key() != u"text")
                return Tr::tr("\"context\" item %1: unknown field \"%2\"").arg(i + 1).arg(it.key());
        if (!chunks.at(i).isObject() || !o.value(u"filename").isString() || !o.value(u"text").isString())
            return Tr::tr("\"context\" item %1 must be an object with the strings \"filename\" and \"text\"")
                .arg(i + 1);
    }
    return {};
}

// Empty when the value fits the field; else what it should be.
QString typeError(Type type, const QJsonValue &v)
{
    switch (type) {
    case Type::String:
        return v.isString() ? QString() : Tr::tr("a string");
    case Type::Number:
        return v.isDouble() ? QString() : Tr::tr("a number");
    case Type::Integer:
        return v.isDouble() && v.toDouble() == double(v.toInteger()) ? QString() : Tr::tr("a whole number");
    case Type::Stop:
        if (v.isString())
            return {};
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            if (std::all_of(a.begin(), a.end(), [](const QJsonValue &s) { return s.isString(); }))
                return {};
        }
        return Tr::tr("a string or a list of strings");
    case Type::Context: // contextError() says what is wrong, in its own words
        return {};
    }
    return {};
}

QString trimmedEnd(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    return text.left(end);
}

} // namespace

PromptSuite PromptSuite::parse(QByteArrayView jsonl)
{
    PromptSuite suite;
    if (jsonl.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte order mark some editors write
        jsonl = jsonl.sliced(3);
    int number = 0;
    qsizetype start = 0;
    std::optional<BenchmarkFormat::Format> format; // the first JSON object's

    while (start < jsonl.size()) {
        qsizetype end = jsonl.indexOf('\n', start);
        if (end < 0)
            end = jsonl.size();
        QByteArrayView line = jsonl.sliced(start, end - start);
        start = end + 1;
        ++number;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &parseError);
        if (!doc.isObject()) {
            suite.problems.append({number, parseError.error != QJsonParseError::NoError
                                               ? Tr::tr("not JSON: %1 at column %2").arg(parseError.errorString()).arg(parseError.offset + 1)
                                               : Tr::tr("not a JSON object")});
            continue;
        }
        const QJsonObject o = doc.object();
        if (!format) {
            format = BenchmarkFormat::detect(o);
            if (*format != BenchmarkFormat::Format::Native)
                suite.format = BenchmarkFormat::name(*format);
        }
        if (*format != BenchmarkFormat::Format::Native) {
            QString problem;
            if (std::optional<SuiteCase> c = BenchmarkFormat::read(*format, o, number, &problem))
                suite.cases.append(*c);
            else
                suite.problems.append({number, problem});
            continue;
        }
        QStringList wrong;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const auto field = std::find_if(std::begin(Fields), std::end(Fields), [&](const Field &f) { return it.key() == QStringView(f.name); });
            if (field == std::end(Fields))
                wrong << Tr::tr("unknown field \"%1\"").arg(it.key());
            else if (field->type == Type::Context)
                wrong << contextError(it.value()); // empty when it is right: dropped below
            else if (const QString should = typeError(field->type, it.value()); !should.isEmpty())
                wrong << Tr::tr("\"%1\" must be %2").arg(it.key(), should);
        }
        wrong.removeAll(QString());
        if (!o.contains(u"prompt"))
            wrong.prepend(Tr::tr("\"prompt\" is missing"));
        if (!wrong.isEmpty()) {
            suite.problems.append({number, wrong.join(QStringLiteral("; "))});
            continue;
        }
        SuiteCase c;
        QString why;
        c.request = *FimRequest::fromJson(line.toByteArray(), &why); // checked above; "file" and "context" too
        c.name = o.value(u"name").toString(Tr::tr("line %1").arg(number));
        if (o.contains(u"expected"))
            c.expected = o.value(u"expected").toString();
        c.line = number;
        suite.cases.append(c);
    }
    return suite;
}

std::optional<PromptSuite> PromptSuite::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll());
}

QByteArray PromptSuite::lineOf(const SuiteCase &c)
{
    // toJson() would put the context before the prompt as comments: it gets its own field here.
    FimRequest own = c.request;
    own.extra.clear();
    QJsonObject o = QJsonDocument::fromJson(own.toJson()).object();
    o.remove(QStringLiteral("stream"));
    o.insert(QStringLiteral("name"), c.name);
    if (c.expected)
        o.insert(QStringLiteral("expected"), *c.expected);
    if (!c.request.fileName.isEmpty())
        o.insert(QStringLiteral("file"), c.request.fileName);
    if (!c.request.extra.isEmpty())
        o.insert(QStringLiteral("context"), ExtraContext::toJson(c.request.extra));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool PromptSuite::append(const QString &path, const SuiteCase &c, QString *error)
{
    QFile file(path);
    bool needsNewline = false;
    if (file.exists() && file.size() > 0 && file.open(QIODevice::ReadOnly)) {
        file.seek(file.size() - 1);
        needsNewline = file.read(1) != "\n";
        file.close();
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = Tr::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray line = (needsNewline ? QByteArray("\n") : QByteArray()) + lineOf(c) + '\n';
    if (file.write(line) != line.size() || !file.flush()) {
        *error = Tr::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

SuiteMatch SuiteMatch::of(const QString &answer, const QString &expected)
{
    const QString a = trimmedEnd(answer);
    const QString e = trimmedEnd(expected);
    SuiteMatch m;
    m.exact = a == e;
    m.prefix = m.exact || (!a.isEmpty() && (a.startsWith(e) || e.startsWith(a)));
    return m;
}
