#include "suite/promptsuite.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The suite format: cases from a real file with a byte order mark, CRLF and blank lines; every
// kind of bad line reported with its number while the rest still make cases; lines written by
// "Save cursor as case" read back the same; a case's context read, and a malformed one said; the
// example suite is exactly the four samples.
class TestPromptSuite : public QObject
{
    Q_OBJECT

private slots:
    void goodLinesAreCasesAndBadOnesAreSaid()
    {
        const QByteArray jsonl = "\xEF\xBB\xBF"
                                 "{\"name\":\"add\",\"prompt\":\"def add(a, b):\\n    \",\"suffix\":\"\\n\",\"expected\":\"return a + b\",\"max_tokens\":16,\"stop\":\"\\n\\n\"}\r\n"
                                 "\r\n"
                                 "{\"prompt\": \"x = \", \"temperature\": 0.5, \"model\": \"qwen\", \"stop\": [\"a\", \"b\"], \"random_seed\": 9007199254740993}\n"
                                 "{\"name\": \"cut\", \"prompt\": \"y\n"
                                 "{\"name\": \"no prompt\"}\n"
                                 "{\"prompt\": \"z\", \"temperature\": \"hot\", \"max_tokens\": 1.5}\n"
                                 "{\"prompt\": \"z\", \"temprature\": 0.2}\n"
                                 "[\"prompt\", \"z\"]\n"
                                 "{\"name\": \"caf\xC3\xA9 \xF0\x9F\x98\x80\", \"prompt\": \"\\u00e9\", \"suffix\": \"\"}";
        const PromptSuite suite = PromptSuite::parse(jsonl);
        QCOMPARE(suite.cases.size(), 3);
        const SuiteCase &add = suite.cases.at(0);
        QCOMPARE(add.name, QStringLiteral("add"));
        QCOMPARE(add.line, 1);
        QCOMPARE(add.request.prompt, QStringLiteral("def add(a, b):\n    "));
        QCOMPARE(add.request.suffix, QStringLiteral("\n"));
        QCOMPARE(add.expected, std::optional<QString>(QStringLiteral("return a + b")));
        QCOMPARE(add.request.maxTokens, std::optional<int>(16));
        QCOMPARE(add.request.stop, QStringList{QStringLiteral("\n\n")});
        const SuiteCase &unnamed = suite.cases.at(1);
        QCOMPARE(unnamed.name, QStringLiteral("line 3"));
        QCOMPARE(unnamed.line, 3);
        QVERIFY(!unnamed.expected);
        QCOMPARE(unnamed.request.temperature, std::optional<double>(0.5));
        QCOMPARE(unnamed.request.model, QStringLiteral("qwen"));
        QCOMPARE(unnamed.request.stop, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(unnamed.request.randomSeed, std::optional<qint64>(9007199254740993LL));
        QCOMPARE(suite.cases.at(2).name, QStringLiteral("café 😀"));
        QCOMPARE(suite.cases.at(2).line, 9);

        QCOMPARE(suite.problems.size(), 5);
        QCOMPARE(suite.problems.at(0).line, 4);
        QVERIFY2(suite.problems.at(0).message.startsWith(u"not JSON:"), qPrintable(suite.problems.at(0).message));
        QCOMPARE(suite.problems.at(1).line, 5);
        QCOMPARE(suite.problems.at(1).message, QStringLiteral("\"prompt\" is missing"));
        QCOMPARE(suite.problems.at(2).line, 6);
        QVERIFY2(suite.problems.at(2).message.contains(u"\"temperature\" must be a number"), qPrintable(suite.problems.at(2).message));
        QVERIFY2(suite.problems.at(2).message.contains(u"\"max_tokens\" must be a whole number"), qPrintable(suite.problems.at(2).message));
        QCOMPARE(suite.problems.at(3).line, 7);
        QCOMPARE(suite.problems.at(3).message, QStringLiteral("unknown field \"temprature\""));
        QCOMPARE(suite.problems.at(4).line, 8);
        QCOMPARE(suite.problems.at(4).message, QStringLiteral("not a JSON object"));
    }

    // "context" and "file" go into the request's extra and fileName; a context that is not a list
    // of {"filename", "text"} strings is said with its line, and what is wrong with which item.
    void contextIsReadAndMalformedContextIsSaid()
    {
        const QByteArray jsonl = "{\"name\":\"ctx\",\"prompt\":\"total = \",\"file\":\"main.py\",\"context\":["
                                 "{\"filename\":\"helpers.py\",\"text\":\"def helper():\\n    return 1\\n\"},{\"filename\":\"b.py\",\"text\":\"\"}]}\n"
                                 "{\"name\":\"plain\",\"prompt\":\"x\"}\n"
                                 "{\"prompt\":\"x\",\"context\":{\"filename\":\"a.py\",\"text\":\"t\"}}\n"
                                 "{\"prompt\":\"x\",\"context\":[{\"filename\":\"a.py\",\"text\":\"t\"},\"b.py\"]}\n"
                                 "{\"prompt\":\"x\",\"context\":[{\"filename\":\"a.py\"}]}\n"
                                 "{\"prompt\":\"x\",\"context\":[{\"filename\":7,\"text\":\"t\"}]}\n"
                                 "{\"prompt\":\"x\",\"context\":[{\"filename\":\"a.py\",\"text\":\"t\",\"line\":3}]}\n"
                                 "{\"prompt\":\"x\",\"file\":3,\"context\":null}\n"
                                 "{\"name\":\"empty\",\"prompt\":\"x\",\"context\":[]}\n";
        const PromptSuite suite = PromptSuite::parse(jsonl);
        QCOMPARE(suite.cases.size(), 3);
        const SuiteCase &ctx = suite.cases.at(0);
        QCOMPARE(ctx.request.prompt, QStringLiteral("total = ")); // the context is not in the prompt
        QCOMPARE(ctx.request.fileName, QStringLiteral("main.py"));
        const QList<ContextChunk> chunks{{QStringLiteral("helpers.py"), QStringLiteral("def helper():\n    return 1\n")},
                                         {QStringLiteral("b.py"), QString()}};
        QCOMPARE(ctx.request.extra, chunks);
        // Without context, a case is what it always was.
        FimRequest plain;
        plain.prompt = QStringLiteral("x");
        QCOMPARE(suite.cases.at(1).name, QStringLiteral("plain"));
        QVERIFY(suite.cases.at(1).request == plain);
        QCOMPARE(suite.cases.at(2).name, QStringLiteral("empty"));
        QCOMPARE(suite.cases.at(2).line, 9);
        QVERIFY(suite.cases.at(2).request == plain);

        const QList<std::pair<int, QString>> problems{
            {3, QStringLiteral("\"context\" must be a list of {\"filename\", \"text\"} objects")},
            {4, QStringLiteral("\"context\" item 2 must be an object with the strings \"filename\" and \"text\"")},
            {5, QStringLiteral("\"context\" item 1 must be an object with the strings \"filename\" and \"text\"")},
            {6, QStringLiteral("\"context\" item 1 must be an object with the strings \"filename\" and \"text\"")},
            {7, QStringLiteral("\"context\" item 1: unknown field \"line\"")},
            {8, QStringLiteral("\"context\" must be a list of {\"filename\", \"text\"} objects; \"file\" must be a string")},
        };
        QCOMPARE(suite.problems.size(), problems.size());
        for (qsizetype i = 0; i < problems.size(); ++i) {
            QCOMPARE(suite.problems.at(i).line, problems.at(i).first);
            QCOMPARE(suite.problems.at(i).message, problems.at(i).second);
        }

        // Written back, the context has its own field (not comments in the prompt), and reads back.
        SuiteCase c = ctx;
        c.request.extra.removeLast();
        const QByteArray line = PromptSuite::lineOf(c);
        QCOMPARE(line, QByteArray("{\"context\":[{\"filename\":\"helpers.py\",\"text\":\"def helper():\\n    return 1\\n\"}],"
                                  "\"file\":\"main.py\",\"name\":\"ctx\",\"prompt\":\"total = \",\"suffix\":\"\"}"));
        const PromptSuite back = PromptSuite::parse(line);
        QCOMPARE(back.cases.size(), 1);
        QVERIFY(back.cases.at(0).request == c.request);
    }

    void anUnreadableFileIsSaid()
    {
        QString error;
        QVERIFY(!PromptSuite::load(QStringLiteral("/nonexistent/suite.jsonl"), &error));
        QVERIFY2(error.startsWith(u"Cannot read /nonexistent/suite.jsonl"), qPrintable(error));
    }

    // Appended lines read back as the cases they were; a file without a final newline gets one.
    void appendedCasesReadBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.jsonl"));
        QFile seed(path);
        QVERIFY(seed.open(QIODevice::WriteOnly));
        seed.write("{\"prompt\":\"first\"}"); // no newline at the end
        seed.close();
        SuiteCase c;
        c.name = QStringLiteral("tabs\tand \"quotes\"");
        c.request.prompt = QStringLiteral("def f():\r\n\t");
        c.request.suffix = QStringLiteral("\n# é 😀 \\ end");
        c.expected = QStringLiteral("return 1");
        QString error;
        QVERIFY2(PromptSuite::append(path, c, &error), qPrintable(error));
        c.expected.reset();
        c.name = QStringLiteral("second");
        QVERIFY2(PromptSuite::append(path, c, &error), qPrintable(error));
        const std::optional<PromptSuite> suite = PromptSuite::load(path, &error);
        QVERIFY(suite);
        QVERIFY(suite->problems.isEmpty());
        QCOMPARE(suite->cases.size(), 3);
        QCOMPARE(suite->cases.at(1).name, QStringLiteral("tabs\tand \"quotes\""));
        QCOMPARE(suite->cases.at(1).request.prompt, QStringLiteral("def f():\r\n\t"));
        QCOMPARE(suite->cases.at(1).request.suffix, QStringLiteral("\n# é 😀 \\ end"));
        QCOMPARE(suite->cases.at(1).expected, std::optional<QString>(QStringLiteral("return 1")));
        QVERIFY(!suite->cases.at(2).expected);
        QVERIFY(!PromptSuite::append(dir.filePath(QStringLiteral("no/such/dir/x.jsonl")), c, &error));
        QVERIFY2(error.startsWith(u"Cannot write"), qPrintable(error));
    }

    void matchesAreExactOrPrefix_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("exact");
        QTest::addColumn<bool>("prefix");
        QTest::newRow("same") << "return a + b" << "return a + b" << true << true;
        QTest::newRow("trailing space") << "return a + b\n  " << "return a + b" << true << true;
        QTest::newRow("went on") << "return a + b\nprint(1)" << "return a + b" << false << true;
        QTest::newRow("stopped early") << "return a" << "return a + b" << false << true;
        QTest::newRow("other") << "return b + a" << "return a + b" << false << false;
        QTest::newRow("empty answer") << "" << "return a + b" << false << false;
        QTest::newRow("both empty") << "" << "" << true << true;
    }

    void matchesAreExactOrPrefix()
    {
        QFETCH(QString, answer);
        QFETCH(QString, expected);
        QFETCH(bool, exact);
        QFETCH(bool, prefix);
        const SuiteMatch m = SuiteMatch::of(answer, expected);
        QCOMPARE(m.exact, exact);
        QCOMPARE(m.prefix, prefix);
    }

    // resources/suites/samples.jsonl is the four samples, cut at their <CURSOR>.
    void theExampleSuiteIsTheFourSamples()
    {
        const QDir source(qEnvironmentVariable("FIM_SOURCE_DIR"));
        QString error;
        const std::optional<PromptSuite> suite = PromptSuite::load(source.filePath(QStringLiteral("resources/suites/samples.jsonl")), &error);
        QVERIFY2(suite, qPrintable(error));
        QVERIFY(suite->problems.isEmpty());
        const QStringList samples = QDir(source.filePath(QStringLiteral("resources/samples"))).entryList(QDir::Files);
        QCOMPARE(suite->cases.size(), samples.size());
        for (const SuiteCase &c : suite->cases) {
            const auto sample = std::find_if(samples.cbegin(), samples.cend(), [&](const QString &f) { return f.startsWith(c.name + u'.'); });
            QVERIFY2(sample != samples.cend(), qPrintable(c.name));
            QFile file(source.filePath(QStringLiteral("resources/samples/") + *sample));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(c.request.prompt + QStringLiteral("<CURSOR>") + c.request.suffix, QString::fromUtf8(file.readAll()));
            QVERIFY(c.expected && !c.expected->isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestPromptSuite)
#include "tst_promptsuite.moc"
