#include "suite/benchmarkformat.h"

#include "wire/contextchunk.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace BenchmarkFormat {

namespace {

// Messages under the context "PromptSuite"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PromptSuite)
};

// The strings a format needs; what is missing or no string, in words, else empty.
QString missing(const QJsonObject &o, std::initializer_list<const char16_t *> fields, const QString &format)
{
    QStringList wrong;
    for (const char16_t *field : fields) {
        const QString name = QString::fromUtf16(field);
        if (!o.contains(name))
            wrong << Tr::tr("\"%1\" is missing").arg(name);
        else if (!o.value(name).isString())
            wrong << Tr::tr("\"%1\" must be a string").arg(name);
    }
    return wrong.isEmpty() ? QString() : Tr::tr("%1 line: %2").arg(format, wrong.join(QStringLiteral("; ")));
}

std::optional<SuiteCase> humanEval(const QJsonObject &o, QString *problem)
{
    const QString format = name(Format::HumanEvalInfilling);
    if (*problem = missing(o, {u"task_id", u"prompt", u"suffix", u"canonical_solution", u"test", u"entry_point"}, format); !problem->isEmpty())
        return std::nullopt;
    SuiteCase c;
    c.name = o.value(u"task_id").toString();
    c.request.prompt = o.value(u"prompt").toString();
    c.request.suffix = o.value(u"suffix").toString();
    c.request.commentMarker = QStringLiteral("#");
    c.expected = o.value(u"canonical_solution").toString();
    CaseTest test;
    test.kind = CaseTest::Kind::HumanEval;
    test.language = QStringLiteral("python");
    test.test = o.value(u"test").toString();
    test.entryPoint = o.value(u"entry_point").toString();
    c.test = test;
    return c;
}

std::optional<QList<UnitTest>> unitTests(const QJsonValue &value, QString *problem)
{
    QJsonArray list;
    if (value.isUndefined() || value.isNull())
        return QList<UnitTest>();
    if (value.isString()) { // as SAFIM's Hugging Face copy has it: a JSON text
        const QString text = value.toString();
        if (text.trimmed().isEmpty())
            return QList<UnitTest>();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (!doc.isArray()) {
            *problem = Tr::tr("SAFIM line: \"unit_tests\" is a string but not a JSON list");
            return std::nullopt;
        }
        list = doc.array();
    } else if (value.isArray()) {
        list = value.toArray();
    } else {
        *problem = Tr::tr("SAFIM line: \"unit_tests\" must be a list of {\"input\", \"output\"}");
        return std::nullopt;
    }
    QList<UnitTest> tests;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject t = list.at(i).toObject();
        UnitTest unit;
        unit.input = t.value(u"input").toString();
        const QJsonValue output = t.value(u"output");
        if (output.isString()) {
            unit.outputs << output.toString();
        } else {
            const QJsonArray outputs = output.toArray();
            for (const QJsonValue &v : outputs)
                if (v.isString())
                    unit.outputs << v.toString();
        }
        if (!list.at(i).isObject() || !t.value(u"input").isString() || unit.outputs.isEmpty()) {
            *problem = Tr::tr("SAFIM line: unit test %1 must be {\"input\": string, \"output\": [strings]}").arg(i + 1);
            return std::nullopt;
        }
        tests.append(unit);
    }
    return tests;
}

std::optional<SuiteCase> safim(const QJsonObject &o, QString *problem)
{
    const QString format = name(Format::Safim);
    if (*problem = missing(o, {u"task_id", u"lang", u"prompt", u"eval_prompt", u"ground_truth"}, format); !problem->isEmpty())
        return std::nullopt;
    const QString lang = o.value(u"lang").toString();
    const QString prompt = o.value(u"prompt").toString();
    const QString evalPrompt = o.value(u"eval_prompt").toString();
    const QString hole = lang == u"python" ? QStringLiteral("# TODO: Your code here") : QStringLiteral("/* TODO: Your code here */");
    const QString completion = QStringLiteral("{{completion}}");
    const QString &source = prompt.count(hole) == 1 ? prompt : evalPrompt;
    const QString &mark = prompt.count(hole) == 1 ? hole : completion;
    if (source.count(mark) != 1) {
        *problem = Tr::tr("SAFIM line: neither \"prompt\" has the hole \"%1\" once nor \"eval_prompt\" \"{{completion}}\"").arg(hole);
        return std::nullopt;
    }
    const std::optional<QList<UnitTest>> units = unitTests(o.value(u"unit_tests"), problem);
    if (!units)
        return std::nullopt;
    if (!units->isEmpty() && evalPrompt.count(completion) != 1) {
        *problem = Tr::tr("SAFIM line: \"eval_prompt\" must hold \"{{completion}}\" once to run its unit tests");
        return std::nullopt;
    }
    SuiteCase c;
    c.name = o.value(u"task_id").toString();
    const qsizetype at = source.indexOf(mark);
    c.request.prompt = source.left(at);
    c.request.suffix = source.mid(at + mark.size());
    c.request.commentMarker = lang == u"python" ? QStringLiteral("#") : QStringLiteral("//");
    c.expected = o.value(u"ground_truth").toString();
    if (!units->isEmpty()) {
        CaseTest test;
        test.kind = CaseTest::Kind::Safim;
        test.language = lang;
        test.evalPrompt = evalPrompt;
        test.unitTests = *units;
        c.test = test;
    }
    return c;
}

std::optional<SuiteCase> crossCodeEval(const QJsonObject &o, QString *problem)
{
    const QString format = name(Format::CrossCodeEval);
    if (*problem = missing(o, {u"task_id", u"prompt", u"right_context", u"groundtruth"}, format); !problem->isEmpty())
        return std::nullopt;
    SuiteCase c;
    c.name = o.value(u"task_id").toString();
    c.request.prompt = o.value(u"prompt").toString();
    c.request.suffix = o.value(u"right_context").toString();
    c.expected = o.value(u"groundtruth").toString();
    if (o.contains(u"metadata")) {
        const QJsonValue file = o.value(u"metadata").toObject().value(u"file");
        if (!o.value(u"metadata").isObject() || !(file.isString() || file.isUndefined())) {
            *problem = Tr::tr("CrossCodeEval line: \"metadata\" must be an object whose \"file\" is a string");
            return std::nullopt;
        }
        c.request.fileName = file.toString();
    }
    if (o.contains(u"crossfile_context")) {
        const QJsonObject cross = o.value(u"crossfile_context").toObject();
        if (!o.value(u"crossfile_context").isObject() || !(cross.value(u"list").isArray() || cross.value(u"list").isUndefined())
            || !(cross.value(u"text").isString() || cross.value(u"text").isUndefined())) {
            *problem = Tr::tr("CrossCodeEval line: \"crossfile_context\" must be an object with a string \"text\" and a list \"list\"");
            return std::nullopt;
        }
        const QJsonArray list = cross.value(u"list").toArray();
        for (qsizetype i = list.size() - 1; i >= 0; --i) {
            const QJsonObject item = list.at(i).toObject();
            if (!item.value(u"retrieved_chunk").isString() || !item.value(u"filename").isString()) {
                *problem = Tr::tr("CrossCodeEval line: \"crossfile_context\" list item %1 must have the strings \"retrieved_chunk\" and \"filename\"")
                               .arg(i + 1);
                return std::nullopt;
            }
            c.request.extra.append({item.value(u"filename").toString(), item.value(u"retrieved_chunk").toString()});
        }
        if (list.isEmpty() && !cross.value(u"text").toString().isEmpty())
            c.request.extra.append({QStringLiteral("crossfile_context"), cross.value(u"text").toString()});
    }
    return c;
}

} // namespace

Format detect(const QJsonObject &o)
{
    if (o.contains(u"canonical_solution") || o.contains(u"entry_point"))
        return Format::HumanEvalInfilling;
    if (o.contains(u"eval_prompt") || o.contains(u"ground_truth") || o.contains(u"unit_tests"))
        return Format::Safim;
    if (o.contains(u"groundtruth") || o.contains(u"right_context") || o.contains(u"crossfile_context"))
        return Format::CrossCodeEval;
    return Format::Native;
}

QString name(Format format)
{
    switch (format) {
    case Format::Native:
        return Tr::tr("prompt suite");
    case Format::HumanEvalInfilling:
        return QStringLiteral("HumanEval-infilling");
    case Format::Safim:
        return QStringLiteral("SAFIM");
    case Format::CrossCodeEval:
        return QStringLiteral("CrossCodeEval");
    }
    return {};
}

std::optional<SuiteCase> read(Format format, const QJsonObject &o, int number, QString *problem)
{
    std::optional<SuiteCase> c;
    switch (format) {
    case Format::Native:
        *problem = Tr::tr("not a benchmark line");
        return std::nullopt;
    case Format::HumanEvalInfilling:
        c = humanEval(o, problem);
        break;
    case Format::Safim:
        c = safim(o, problem);
        break;
    case Format::CrossCodeEval:
        c = crossCodeEval(o, problem);
        break;
    }
    if (c) {
        c->line = number;
        if (c->name.isEmpty())
            c->name = Tr::tr("line %1").arg(number);
    }
    return c;
}

} // namespace BenchmarkFormat
