#include "suite/benchmarkformat.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// Benchmark files read as suites, from files this test writes in each format (no data set is
// downloaded): HumanEval-infilling, SAFIM (unit tests as a list and as SAFIM's JSON string) and
// CrossCodeEval (its cross-file context as the case's extra context, the best chunk last); the
// format told by the first object's fields; bad lines said with their numbers, the rest loaded.
class TestBenchmarkFormat : public QObject
{
    Q_OBJECT

    static QByteArray line(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n'; }

    static PromptSuite load(const QByteArray &bytes)
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bench.jsonl"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        file.close();
        QString error;
        const std::optional<PromptSuite> suite = PromptSuite::load(path, &error);
        return suite ? *suite : PromptSuite{};
    }

    static QJsonObject humanEval(const QString &id)
    {
        return {{QStringLiteral("task_id"), id},
                {QStringLiteral("entry_point"), QStringLiteral("add")},
                {QStringLiteral("prompt"), QStringLiteral("def add(a, b):\n    \"\"\"Add.\"\"\"\n")},
                {QStringLiteral("suffix"), QStringLiteral("\n\nprint(add(1, 2))\n")},
                {QStringLiteral("canonical_solution"), QStringLiteral("    return a + b\n")},
                {QStringLiteral("test"), QStringLiteral("def check(candidate):\n    assert candidate(2, 3) == 5\n")}};
    }

private slots:
    void humanEvalInfilling()
    {
        QJsonObject noSuffix = humanEval(QStringLiteral("x"));
        noSuffix.remove(QStringLiteral("suffix"));
        QJsonObject badType = humanEval(QStringLiteral("y"));
        badType.insert(QStringLiteral("test"), 5);
        QJsonObject extra = humanEval(QStringLiteral("RandomSpanInfilling/HumanEval/0/3"));
        extra.insert(QStringLiteral("something_else"), true); // data sets carry more: ignored
        const PromptSuite suite = load(line(humanEval(QStringLiteral("SingleLineInfilling/HumanEval/0/1"))) + "\n" + line(noSuffix)
                                       + "{\"task_id\": \n" + line(badType) + line(extra));
        QCOMPARE(suite.format, QStringLiteral("HumanEval-infilling"));
        QCOMPARE(suite.cases.size(), 2);
        const SuiteCase &c = suite.cases.at(0);
        QCOMPARE(c.name, QStringLiteral("SingleLineInfilling/HumanEval/0/1"));
        QCOMPARE(c.line, 1);
        QCOMPARE(c.request.prompt, QStringLiteral("def add(a, b):\n    \"\"\"Add.\"\"\"\n"));
        QCOMPARE(c.request.suffix, QStringLiteral("\n\nprint(add(1, 2))\n"));
        QCOMPARE(c.expected, std::optional<QString>(QStringLiteral("    return a + b\n")));
        QCOMPARE(c.request.marker(), QStringLiteral("#"));
        QVERIFY(c.test);
        QCOMPARE(c.test->kind, CaseTest::Kind::HumanEval);
        QCOMPARE(c.test->language, QStringLiteral("python"));
        QCOMPARE(c.test->entryPoint, QStringLiteral("add"));
        // The program HumanEval-infilling runs: prompt + answer + suffix, the test, check(entry_point).
        QCOMPARE(c.test->program(c.request.prompt, c.request.suffix, QStringLiteral("    return b + a\n")),
                 QStringLiteral("def add(a, b):\n    \"\"\"Add.\"\"\"\n    return b + a\n\n\nprint(add(1, 2))\n\n"
                                "def check(candidate):\n    assert candidate(2, 3) == 5\n\ncheck(add)\nprint('FIM-PLAYGROUND-CHECK-PASSED')\n"));
        QCOMPARE(suite.cases.at(1).line, 6);

        QCOMPARE(suite.problems.size(), 3);
        QCOMPARE(suite.problems.at(0).line, 3);
        QCOMPARE(suite.problems.at(0).message, QStringLiteral("HumanEval-infilling line: \"suffix\" is missing"));
        QCOMPARE(suite.problems.at(1).line, 4);
        QVERIFY2(suite.problems.at(1).message.startsWith(u"not JSON"), qPrintable(suite.problems.at(1).message));
        QCOMPARE(suite.problems.at(2).line, 5);
        QCOMPARE(suite.problems.at(2).message, QStringLiteral("HumanEval-infilling line: \"test\" must be a string"));
    }

    void safim()
    {
        const QString prompt = QStringLiteral("t = int(input())\nfor _ in range(t):\n    a, b = map(int, input().split())\n    # TODO: Your code here\n    print(c)\n");
        const QString evalPrompt = QStringLiteral("t = int(input())\nfor _ in range(t):\n    a, b = map(int, input().split())\n    {{completion}}\n    print(c)\n");
        const QJsonArray units{QJsonObject{{QStringLiteral("input"), QStringLiteral("2\n1 2\n3 4\n")}, {QStringLiteral("output"), QJsonArray{QStringLiteral("3\n7")}}},
                               QJsonObject{{QStringLiteral("input"), QStringLiteral("1\n5 5\n")}, {QStringLiteral("output"), QJsonArray{QStringLiteral("10\n")}}}};
        const QJsonObject block{{QStringLiteral("task_id"), QStringLiteral("block_completion_000001")},
                                {QStringLiteral("lang"), QStringLiteral("python")},
                                {QStringLiteral("prompt"), prompt},
                                {QStringLiteral("eval_prompt"), evalPrompt},
                                {QStringLiteral("ground_truth"), QStringLiteral("c = a + b")},
                                {QStringLiteral("unit_tests"), units}};
        // As SAFIM's Hugging Face copy writes it: the unit tests as a JSON string; C++, which this build does not run.
        QJsonObject cpp{{QStringLiteral("task_id"), QStringLiteral("control_completion_000002")},
                        {QStringLiteral("lang"), QStringLiteral("cpp")},
                        {QStringLiteral("prompt"), QStringLiteral("int main() {\n    for (/* TODO: Your code here */) {}\n}\n")},
                        {QStringLiteral("eval_prompt"), QStringLiteral("int main() {\n    for ({{completion}}) {}\n}\n")},
                        {QStringLiteral("ground_truth"), QStringLiteral("int i = 0; i < 3; i++")},
                        {QStringLiteral("unit_tests"), QString::fromUtf8(QJsonDocument(units).toJson(QJsonDocument::Compact))}};
        // An API completion: no unit tests, no test; no hole in "prompt": eval_prompt's is used.
        const QJsonObject api{{QStringLiteral("task_id"), QStringLiteral("api_completion_000003")},
                              {QStringLiteral("lang"), QStringLiteral("python")},
                              {QStringLiteral("prompt"), QStringLiteral("import numpy as np\na = ")},
                              {QStringLiteral("eval_prompt"), QStringLiteral("import numpy as np\na = {{completion}}\nprint(a)\n")},
                              {QStringLiteral("ground_truth"), QStringLiteral("np.ones(3)")},
                              {QStringLiteral("unit_tests"), QStringLiteral("[]")}};
        QJsonObject noHole = block;
        noHole.insert(QStringLiteral("prompt"), QStringLiteral("no hole"));
        noHole.insert(QStringLiteral("eval_prompt"), QStringLiteral("no hole either"));
        QJsonObject badUnits = block;
        badUnits.insert(QStringLiteral("unit_tests"), QJsonArray{QJsonObject{{QStringLiteral("input"), 3}}});
        QJsonObject noLang = block;
        noLang.remove(QStringLiteral("lang"));
        const PromptSuite suite = load(line(block) + line(cpp) + line(api) + line(noHole) + line(badUnits) + line(noLang));
        QCOMPARE(suite.format, QStringLiteral("SAFIM"));
        QCOMPARE(suite.cases.size(), 3);
        const SuiteCase &b = suite.cases.at(0);
        QCOMPARE(b.name, QStringLiteral("block_completion_000001"));
        QCOMPARE(b.request.prompt, QStringLiteral("t = int(input())\nfor _ in range(t):\n    a, b = map(int, input().split())\n    "));
        QCOMPARE(b.request.suffix, QStringLiteral("\n    print(c)\n"));
        QCOMPARE(b.expected, std::optional<QString>(QStringLiteral("c = a + b")));
        QVERIFY(b.test);
        QCOMPARE(b.test->kind, CaseTest::Kind::Safim);
        QCOMPARE(b.test->unitTests.size(), 2);
        QCOMPARE(b.test->unitTests.at(0).input, QStringLiteral("2\n1 2\n3 4\n"));
        QCOMPARE(b.test->unitTests.at(0).outputs, QStringList{QStringLiteral("3\n7")});
        QCOMPARE(b.test->program(b.request.prompt, b.request.suffix, QStringLiteral("c = a + b")),
                 QStringLiteral("t = int(input())\nfor _ in range(t):\n    a, b = map(int, input().split())\n    c = a + b\n    print(c)\n"));
        QVERIFY(b.test->languageSupported());

        const SuiteCase &c = suite.cases.at(1);
        QCOMPARE(c.request.prompt, QStringLiteral("int main() {\n    for ("));
        QCOMPARE(c.request.suffix, QStringLiteral(") {}\n}\n"));
        QCOMPARE(c.request.marker(), QStringLiteral("//"));
        QCOMPARE(c.test->language, QStringLiteral("cpp"));
        QCOMPARE(c.test->unitTests.size(), 2);
        QVERIFY(!c.test->languageSupported());

        const SuiteCase &a = suite.cases.at(2);
        QCOMPARE(a.request.prompt, QStringLiteral("import numpy as np\na = "));
        QCOMPARE(a.request.suffix, QStringLiteral("\nprint(a)\n"));
        QVERIFY(!a.test);

        QCOMPARE(suite.problems.size(), 3);
        QCOMPARE(suite.problems.at(0).line, 4);
        QVERIFY2(suite.problems.at(0).message.contains(u"# TODO: Your code here"), qPrintable(suite.problems.at(0).message));
        QCOMPARE(suite.problems.at(1).line, 5);
        QCOMPARE(suite.problems.at(1).message, QStringLiteral("SAFIM line: unit test 1 must be {\"input\": string, \"output\": [strings]}"));
        QCOMPARE(suite.problems.at(2).line, 6);
        QCOMPARE(suite.problems.at(2).message, QStringLiteral("SAFIM line: \"lang\" is missing"));

        // Outputs compare line by line, trailing white space and empty lines aside.
        QVERIFY(CaseTest::outputMatches(QStringLiteral("3  \n7\n\n"), {QStringLiteral("3\n7")}));
        QVERIFY(CaseTest::outputMatches(QStringLiteral("7\n"), {QStringLiteral("3\n7"), QStringLiteral("7")}));
        QVERIFY(!CaseTest::outputMatches(QStringLiteral("3 7\n"), {QStringLiteral("3\n7")}));
        QVERIFY(!CaseTest::outputMatches(QStringLiteral(" 3\n7"), {QStringLiteral("3\n7")}));
    }

    void crossCodeEval()
    {
        const QJsonObject cce{
            {QStringLiteral("task_id"), QStringLiteral("project_cc_python/42")},
            {QStringLiteral("prompt"), QStringLiteral("from utils import helper\n\nresult = ")},
            {QStringLiteral("right_context"), QStringLiteral("\nprint(result)\n")},
            {QStringLiteral("groundtruth"), QStringLiteral("helper(3)")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("file"), QStringLiteral("src/main.py")}, {QStringLiteral("repository"), QStringLiteral("x/y")}}},
            {QStringLiteral("crossfile_context"),
             QJsonObject{{QStringLiteral("text"), QStringLiteral("# Here are some relevant code fragments\n")},
                         {QStringLiteral("list"),
                          QJsonArray{QJsonObject{{QStringLiteral("retrieved_chunk"), QStringLiteral("def helper(n):\n    return n\n")},
                                                 {QStringLiteral("filename"), QStringLiteral("src/utils.py")},
                                                 {QStringLiteral("score"), 0.9}},
                                     QJsonObject{{QStringLiteral("retrieved_chunk"), QStringLiteral("X = 1\n")},
                                                 {QStringLiteral("filename"), QStringLiteral("src/consts.py")},
                                                 {QStringLiteral("score"), 0.2}}}}}}};
        QJsonObject textOnly = cce;
        textOnly.insert(QStringLiteral("crossfile_context"), QJsonObject{{QStringLiteral("text"), QStringLiteral("# def helper(n): ...\n")}});
        textOnly.remove(QStringLiteral("metadata"));
        QJsonObject badChunk = cce;
        badChunk.insert(QStringLiteral("crossfile_context"),
                        QJsonObject{{QStringLiteral("list"), QJsonArray{QJsonObject{{QStringLiteral("filename"), QStringLiteral("a.py")}}}}});
        QJsonObject noTruth = cce;
        noTruth.remove(QStringLiteral("groundtruth"));
        const PromptSuite suite = load(line(cce) + line(textOnly) + line(badChunk) + line(noTruth));
        QCOMPARE(suite.format, QStringLiteral("CrossCodeEval"));
        QCOMPARE(suite.cases.size(), 2);
        const SuiteCase &c = suite.cases.at(0);
        QCOMPARE(c.name, QStringLiteral("project_cc_python/42"));
        QCOMPARE(c.request.prompt, QStringLiteral("from utils import helper\n\nresult = "));
        QCOMPARE(c.request.suffix, QStringLiteral("\nprint(result)\n"));
        QCOMPARE(c.expected, std::optional<QString>(QStringLiteral("helper(3)")));
        QCOMPARE(c.request.fileName, QStringLiteral("src/main.py"));
        QCOMPARE(c.request.marker(), QStringLiteral("#"));
        // The best-ranked chunk last, next to the prefix.
        QCOMPARE(c.request.extra, (QList<ContextChunk>{{QStringLiteral("src/consts.py"), QStringLiteral("X = 1\n")},
                                                       {QStringLiteral("src/utils.py"), QStringLiteral("def helper(n):\n    return n\n")}}));
        QVERIFY(!c.test);
        QCOMPARE(suite.cases.at(1).request.extra,
                 (QList<ContextChunk>{{QStringLiteral("crossfile_context"), QStringLiteral("# def helper(n): ...\n")}}));
        QCOMPARE(suite.problems.size(), 2);
        QCOMPARE(suite.problems.at(0).line, 3);
        QVERIFY2(suite.problems.at(0).message.contains(u"list item 1 must have the strings \"retrieved_chunk\" and \"filename\""),
                 qPrintable(suite.problems.at(0).message));
        QCOMPARE(suite.problems.at(1).line, 4);
        QCOMPARE(suite.problems.at(1).message, QStringLiteral("CrossCodeEval line: \"groundtruth\" is missing"));
    }

    // A suite of the playground's own format stays one: a field of a benchmark on a later line is
    // an unknown field there, and a suite's first line decides.
    void theFirstObjectDecides()
    {
        const PromptSuite own = load("not json\n{\"name\": \"a\", \"prompt\": \"x\"}\n" + line(humanEval(QStringLiteral("h"))));
        QVERIFY(own.format.isEmpty());
        QCOMPARE(own.cases.size(), 1);
        QCOMPARE(own.problems.size(), 2);
        QCOMPARE(own.problems.at(1).line, 3);
        QVERIFY2(own.problems.at(1).message.contains(u"unknown field \"canonical_solution\""), qPrintable(own.problems.at(1).message));

        const PromptSuite bench = load(line(humanEval(QStringLiteral("h"))) + "{\"name\": \"a\", \"prompt\": \"x\"}\n");
        QCOMPARE(bench.format, QStringLiteral("HumanEval-infilling"));
        QCOMPARE(bench.cases.size(), 1);
        QCOMPARE(bench.problems.size(), 1);
        QCOMPARE(bench.problems.at(0).line, 2);
        QVERIFY(bench.problems.at(0).message.startsWith(u"HumanEval-infilling line: \"task_id\" is missing"));
    }
};

QTEST_GUILESS_MAIN(TestBenchmarkFormat)
#include "tst_benchmarkformat.moc"
