#include "fakeservers.h"
#include "fakeupstream.h"
#include "fimcompleterun.h"
#include "humanevalfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

// fim-complete --suite with a HumanEval-infilling file, run as a user runs it (app/cli/testoptions.cpp
// and the test columns of app/cli/suitecommand.cpp): --run-tests warns that it runs the model's
// code, runs each case's test in the real sandbox (one passes, one fails, one times out under a
// lowered --test-time-limit, one that tries the network and a write outside reaches and writes
// nothing), and prints "test" in the JSON lines and pass@1 in the table; without --run-tests
// nothing is executed; the options go with --suite and take sane values only.
class TestTestOptions : public QObject
{
    Q_OBJECT

    static FimCompleteRun run(const QStringList &args, const QStringList &set = {})
    {
        return FimCompleteRun::run(args, {QStringLiteral("CODESTRAL_API_KEY"), QStringLiteral("FIM_PROXY_TOKEN")}, set, 60000);
    }

    static QHash<QString, QJsonObject> linesByCase(const QByteArray &out)
    {
        QHash<QString, QJsonObject> lines;
        for (const QByteArray &line : out.trimmed().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            lines.insert(o.value(u"case").toString().section(u'/', -1), o);
        }
        return lines;
    }

private slots:
    void runTestsRunsEachCaseTestInTheSandbox()
    {
        HumanEvalFile::CountingListener listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("outside")));
        const QString outside = dir.filePath(QStringLiteral("outside/escaped.txt"));
        const QString suite = dir.filePath(QStringLiteral("humaneval.jsonl"));
        QVERIFY(HumanEvalFile::write(suite, true));
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::Proxy, HumanEvalFile::answers(listener.serverPort(), outside), 0, 2);

        FimCompleteRun r = run({QStringLiteral("--suite"), suite, QStringLiteral("--endpoint"), server.url().toString(), QStringLiteral("--json"),
                                QStringLiteral("--run-tests"), QStringLiteral("--test-time-limit"), QStringLiteral("1.5")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("warning: --run-tests runs the code the model wrote") && r.err.contains("1.5 s and 512 MiB"), r.err.constData());
        QHash<QString, QJsonObject> lines = linesByCase(r.out);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.value(QStringLiteral("add")).value(u"test").toString(), QStringLiteral("pass"));
        QCOMPARE(lines.value(QStringLiteral("sub")).value(u"test").toString(), QStringLiteral("fail"));
        QVERIFY(lines.value(QStringLiteral("sub")).value(u"test_output").toString().endsWith(u"AssertionError"));
        QCOMPARE(lines.value(QStringLiteral("spin")).value(u"test").toString(), QStringLiteral("timeout"));
        QCOMPARE(lines.value(QStringLiteral("spin")).value(u"test_detail").toString(), QStringLiteral("still running after 1.5 s: killed"));
        const QJsonObject escape = lines.value(QStringLiteral("escape"));
        QVERIFY2(escape.value(u"test").toString() == u"pass", qPrintable(escape.value(u"test_output").toString()));
        QVERIFY(escape.value(u"test_output").toString().contains(u"not written:"));
        QCoreApplication::processEvents();
        QCOMPARE(listener.connections, 0);
        QVERIFY(!QFile::exists(outside));
        // The table: 2 of 4 passed, one failure, one timeout.
        QVERIFY2(r.err.contains("humaneval.jsonl (HumanEval-infilling): 4 cases"), r.err.constData());
        const QByteArray table = r.err.mid(r.err.indexOf("endpoint"));
        QVERIFY2(table.contains("pass@1") && table.contains("2/4 50%"), table.constData());

        // Without --run-tests: "not run", and no sandbox was even tried (a bwrap first on PATH notes calls).
        const QString called = dir.filePath(QStringLiteral("bwrap-called"));
        QVERIFY(HumanEvalFile::writeFakeBwrap(dir.path(), called));
        const QString path = dir.path() + u':' + qEnvironmentVariable("PATH");
        r = run({QStringLiteral("--suite"), suite, QStringLiteral("--endpoint"), server.url().toString(), QStringLiteral("--json")},
                {QStringLiteral("PATH=") + path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("humaneval.jsonl: 4 cases with a test; --run-tests would run them"), r.err.constData());
        QVERIFY(!r.err.contains("warning"));
        lines = linesByCase(r.out);
        QCOMPARE(lines.size(), 4);
        for (const QJsonObject &o : std::as_const(lines)) {
            QCOMPARE(o.value(u"test").toString(), QStringLiteral("not run"));
            QCOMPARE(o.value(u"test_detail").toString(), QStringLiteral("not run: running tests is off"));
        }
        QVERIFY(!QFile::exists(called));
        QVERIFY2(r.err.contains("–"), r.err.constData()); // pass@1 of no test that ran
        // With it, the same PATH: bwrap is called, and its failure is an error, never an unsandboxed run.
        r = run({QStringLiteral("--suite"), suite, QStringLiteral("--endpoint"), server.url().toString(), QStringLiteral("--json"),
                 QStringLiteral("--run-tests")},
                {QStringLiteral("PATH=") + path});
        QVERIFY(QFile::exists(called));
        lines = linesByCase(r.out);
        for (const QJsonObject &o : std::as_const(lines)) {
            QCOMPARE(o.value(u"test").toString(), QStringLiteral("error"));
            QVERIFY(o.value(u"test_detail").toString().startsWith(u"sandbox unavailable: bwrap: fake"));
        }

        // A suite of the playground's own format has no test column.
        const QString own = dir.filePath(QStringLiteral("own.jsonl"));
        QFile file(own);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"name\": \"add\", \"prompt\": \"def add(a, b):\\n\"}\n");
        file.close();
        r = run({QStringLiteral("--suite"), own, QStringLiteral("--endpoint"), server.url().toString(), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(r.out.trimmed()).object().value(u"test").isNull());
        QVERIFY2(!r.err.contains("pass@1"), r.err.constData());
    }

    void theOptionsGoWithASuiteAndTakeSaneValues()
    {
        FimCompleteRun r = run({QStringLiteral("--prefix"), QStringLiteral("x"), QStringLiteral("--run-tests")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--run-tests, --test-time-limit and --test-memory go with --suite"), r.err.constData());
        QTemporaryDir dir;
        const QString suite = dir.filePath(QStringLiteral("h.jsonl"));
        QVERIFY(HumanEvalFile::write(suite, false));
        r = run({QStringLiteral("--suite"), suite, QStringLiteral("--run-tests"), QStringLiteral("--test-time-limit"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--test-time-limit needs seconds"), r.err.constData());
        r = run({QStringLiteral("--suite"), suite, QStringLiteral("--run-tests"), QStringLiteral("--test-memory"), QStringLiteral("lots")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--test-memory needs 16 MiB or more"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestTestOptions)
#include "tst_testoptions.moc"
