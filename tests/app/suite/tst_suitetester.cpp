#include "fakeservers.h"
#include "humanevalfile.h"
#include "suite/suiterun.h"
#include "suite/suitetester.h"

#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// The tests of answers run in the real sandbox: SAFIM's unit tests one after another (stdin in,
// stdout compared, stopping at the first wrong answer), HumanEval's program, a language this build
// does not run said as such, never more programs at once than asked, and nothing reported after
// cancel(). Through SuiteRun, a HumanEval-infilling file answered by a fake server: one case
// passing its test in the sandbox, one failing, one timing out, and one whose answer tries to reach
// the network and write outside its folder (nothing arrives, nothing is written); pass@1 in the
// summary; with testing off nothing is executed at all.
class TestSuiteTester : public QObject
{
    Q_OBJECT

    static CaseTest safim(const QString &language = QStringLiteral("python"))
    {
        CaseTest t;
        t.kind = CaseTest::Kind::Safim;
        t.language = language;
        t.evalPrompt = QStringLiteral("t = int(input())\nfor _ in range(t):\n    a, b = map(int, input().split())\n    {{completion}}\n    print(c)\n");
        t.unitTests = {{QStringLiteral("2\n1 2\n3 4\n"), {QStringLiteral("3\n7")}}, {QStringLiteral("1\n5 5\n"), {QStringLiteral("10")}}};
        return t;
    }

    static QHash<quint64, TestOutcome> outcomes(const QSignalSpy &spy)
    {
        QHash<quint64, TestOutcome> out;
        for (const QList<QVariant> &args : spy)
            out.insert(args.at(0).toULongLong(), args.at(1).value<TestOutcome>());
        return out;
    }

private slots:
    void safimUnitTests()
    {
        SuiteTester tester;
        QSignalSpy tested(&tester, &SuiteTester::tested);
        const CaseTest t = safim();
        tester.test(1, t, t.program({}, {}, QStringLiteral("c = a + b")));
        tester.test(2, t, t.program({}, {}, QStringLiteral("c = a * b"))); // 2, 12: wrong on the first
        tester.test(3, t, t.program({}, {}, QStringLiteral("c = a + b if a != 5 else 0"))); // wrong on the second
        tester.test(4, t, t.program({}, {}, QStringLiteral("c = a +"))); // a syntax error
        const CaseTest cpp = safim(QStringLiteral("cpp"));
        tester.test(5, cpp, cpp.program({}, {}, QStringLiteral("c = a + b;")));
        QVERIFY(tester.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 5, 30000);
        QVERIFY(!tester.isBusy());
        const QHash<quint64, TestOutcome> o = outcomes(tested);
        QCOMPARE(o.value(1).status, TestOutcome::Status::Pass);
        QCOMPARE(o.value(1).detail, QStringLiteral("2 unit test(s) passed"));
        QVERIFY(o.value(1).ms > 0);
        QCOMPARE(o.value(2).status, TestOutcome::Status::Fail);
        QCOMPARE(o.value(2).detail, QStringLiteral("unit test 1 of 2: wrong answer"));
        QCOMPARE(o.value(2).outputTail, QStringLiteral("2\n12"));
        QCOMPARE(o.value(3).status, TestOutcome::Status::Fail);
        QCOMPARE(o.value(3).detail, QStringLiteral("unit test 2 of 2: wrong answer"));
        QCOMPARE(o.value(4).status, TestOutcome::Status::Fail);
        QCOMPARE(o.value(4).detail, QStringLiteral("unit test 1 of 2: exit code 1"));
        QVERIFY2(o.value(4).outputTail.contains(u"SyntaxError"), qPrintable(o.value(4).outputTail));
        QCOMPARE(o.value(5).status, TestOutcome::Status::NotRun);
        QCOMPARE(o.value(5).detail, QStringLiteral("not run: language cpp (this build runs python)"));
        QCOMPARE(o.value(5).ms, -1.0);
    }

    void humanEvalTimeoutAndParallelism()
    {
        SuiteTester tester;
        SandboxLimits limits;
        limits.timeLimitMs = 800;
        tester.setLimits(limits);
        tester.setParallel(1);
        QSignalSpy tested(&tester, &SuiteTester::tested);
        CaseTest t;
        t.language = QStringLiteral("python");
        t.entryPoint = QStringLiteral("f");
        t.test = QStringLiteral("def check(candidate):\n    assert candidate() == 1\n");
        QElapsedTimer clock;
        clock.start();
        // Three programs of 0.4 s one after another: at least 1.2 s.
        for (quint64 k = 1; k <= 3; ++k)
            tester.test(k, t, t.program(QStringLiteral("import time\ndef f():\n"), QStringLiteral("\n"), QStringLiteral("    time.sleep(0.4)\n    return 1")));
        tester.test(4, t, t.program(QStringLiteral("def f():\n"), QStringLiteral("\n"), QStringLiteral("    while True: pass")));
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 4, 30000);
        QVERIFY2(clock.elapsed() >= 3 * 400 + 800, QByteArray::number(clock.elapsed()).constData());
        const QHash<quint64, TestOutcome> o = outcomes(tested);
        for (quint64 k = 1; k <= 3; ++k)
            QCOMPARE(o.value(k).status, TestOutcome::Status::Pass);
        QCOMPARE(o.value(4).status, TestOutcome::Status::Timeout);
        QCOMPARE(o.value(4).detail, QStringLiteral("still running after 0.8 s: killed"));
    }

    // An answer that ends the program early with a clean exit (exit(0), sys.exit(0), os._exit(0))
    // fails, as in the reference harness: check() never came back.
    void aCleanExitBeforeTheCheckFails()
    {
        SuiteTester tester;
        QSignalSpy tested(&tester, &SuiteTester::tested);
        CaseTest t;
        t.language = QStringLiteral("python");
        t.entryPoint = QStringLiteral("f");
        t.test = QStringLiteral("def check(candidate):\n    assert candidate() == 1\n");
        tester.test(1, t, t.program(QStringLiteral("def f():\n"), QStringLiteral("\n"), QStringLiteral("    exit(0)")));
        tester.test(2, t, t.program(QStringLiteral("import os\ndef f():\n"), QStringLiteral("\n"), QStringLiteral("    os._exit(0)")));
        tester.test(3, t, t.program(QStringLiteral("def f():\n"), QStringLiteral("\n"), QStringLiteral("    return 1")));
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 3, 30000);
        const QHash<quint64, TestOutcome> o = outcomes(tested);
        QCOMPARE(o.value(1).status, TestOutcome::Status::Fail);
        QVERIFY2(o.value(1).detail.contains(u"before check() came back"), qPrintable(o.value(1).detail));
        QCOMPARE(o.value(2).status, TestOutcome::Status::Fail);
        QCOMPARE(o.value(3).status, TestOutcome::Status::Pass);
    }

    static QList<SuiteTarget> target(const FakeUpstream &server)
    {
        return {{QStringLiteral("proxy"), Endpoint(QStringLiteral("p"), EndpointKind::Proxy, server.url()), QString(), {}}};
    }

    static QHash<QString, SuiteResult> byCase(const SuiteRun &run)
    {
        QHash<QString, SuiteResult> out;
        for (const SuiteResult &r : run.results())
            out.insert(run.cases().at(r.caseIndex).name.section(u'/', -1), r);
        return out;
    }

    void aHumanEvalFileThroughSuiteRun()
    {
        HumanEvalFile::CountingListener listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        const QString outside = dir.filePath(QStringLiteral("outside/escaped.txt"));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("outside")));
        const QString path = dir.filePath(QStringLiteral("humaneval.jsonl"));
        QVERIFY(HumanEvalFile::write(path, true));
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::Proxy, HumanEvalFile::answers(listener.serverPort(), outside), 0, 3);
        QString error;
        const std::optional<PromptSuite> suite = PromptSuite::load(path, &error);
        QVERIFY2(suite, qPrintable(error));
        QCOMPARE(suite->cases.size(), 4);

        QNetworkAccessManager network;
        SuiteRun run(&network);
        SuiteTesting testing;
        testing.run = true;
        testing.limits.timeLimitMs = 1500;
        run.setTesting(testing);
        QSignalSpy finished(&run, &SuiteRun::finished);
        run.start(suite->cases, target(server), 4);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!run.isRunning());
        QCOMPARE(run.results().size(), 4);
        const QHash<QString, SuiteResult> r = byCase(run);
        QCOMPARE(r.value(QStringLiteral("add")).test.status, TestOutcome::Status::Pass);
        QCOMPARE(r.value(QStringLiteral("sub")).test.status, TestOutcome::Status::Fail);
        QVERIFY2(r.value(QStringLiteral("sub")).test.outputTail.endsWith(u"AssertionError"), qPrintable(r.value(QStringLiteral("sub")).test.outputTail));
        QCOMPARE(r.value(QStringLiteral("spin")).test.status, TestOutcome::Status::Timeout);
        const TestOutcome escape = r.value(QStringLiteral("escape")).test;
        QVERIFY2(escape.status == TestOutcome::Status::Pass, qPrintable(escape.detail + u'\n' + escape.outputTail));
        QVERIFY2(escape.outputTail.contains(u"no network: ('127.0.0.1', %1)"_s.arg(listener.serverPort())), qPrintable(escape.outputTail));
        QVERIFY2(escape.outputTail.contains(u"no network: ('1.1.1.1', 80)"), qPrintable(escape.outputTail));
        QVERIFY2(escape.outputTail.contains(u"not written:"), qPrintable(escape.outputTail));
        QCoreApplication::processEvents();
        QCOMPARE(listener.connections, 0);
        QVERIFY(!QFile::exists(outside));
        QVERIFY(QDir(dir.filePath(QStringLiteral("outside"))).isEmpty());

        const SuiteSummary s = run.summary(0);
        QCOMPARE(s.withTest, 4);
        QCOMPARE(s.passed, 2);
        QCOMPARE(s.failed, 1);
        QCOMPARE(s.timedOut, 1);
        QCOMPARE(s.testErrors, 0);
        QCOMPARE(s.passAt1(), std::optional<double>(0.5));
        QCOMPARE(s.exact, 1); // add: the answer is the canonical solution
    }

    // Testing off: every test "not run", and nothing tried to start a sandbox (a bwrap first on
    // PATH notes each call); on, the same bwrap is called and its failure is an error, not a result.
    void withTestingOffNothingIsExecuted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("humaneval.jsonl"));
        QVERIFY(HumanEvalFile::write(path, false));
        const QString called = dir.filePath(QStringLiteral("bwrap-called"));
        QVERIFY(HumanEvalFile::writeFakeBwrap(dir.path(), called));
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", QByteArray(dir.path().toUtf8() + ':' + oldPath));
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::Proxy, HumanEvalFile::answers(), 0, 1);
        QString error;
        const std::optional<PromptSuite> suite = PromptSuite::load(path, &error);
        QNetworkAccessManager network;
        SuiteRun run(&network);
        QSignalSpy finished(&run, &SuiteRun::finished);
        run.start(suite->cases, target(server), 4);
        QVERIFY(finished.wait(20000));
        for (const SuiteResult &r : run.results()) {
            QCOMPARE(r.test.status, TestOutcome::Status::NotRun);
            QCOMPARE(r.test.detail, QStringLiteral("not run: running tests is off"));
        }
        QCOMPARE(run.summary(0).notRun, 3);
        QCOMPARE(run.summary(0).passAt1(), std::nullopt);
        QVERIFY(!QFile::exists(called));

        SuiteTesting testing;
        testing.run = true;
        run.setTesting(testing);
        run.start(suite->cases, target(server), 4);
        QVERIFY(finished.wait(20000));
        qputenv("PATH", oldPath);
        QVERIFY(QFile::exists(called));
        for (const SuiteResult &r : run.results()) {
            QCOMPARE(r.test.status, TestOutcome::Status::Error);
            QCOMPARE(r.test.detail, QStringLiteral("sandbox unavailable: bwrap: fake, for the test; nothing was run"));
        }
        QCOMPARE(run.summary(0).testErrors, 3);
        QCOMPARE(run.summary(0).passAt1(), std::nullopt);
    }

    void cancelReportsNothing()
    {
        SuiteTester tester;
        QSignalSpy tested(&tester, &SuiteTester::tested);
        CaseTest t = safim();
        for (quint64 k = 1; k <= 4; ++k)
            tester.test(k, t, QStringLiteral("import time\ntime.sleep(20)\n"));
        QTest::qWait(200); // two of them started
        const CaseTest cpp = safim(QStringLiteral("cpp"));
        tester.test(9, cpp, QString()); // its "not run" still to come
        tester.cancel();
        QVERIFY(!tester.isBusy());
        QTest::qWait(300);
        QCOMPARE(tested.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSuiteTester)
#include "tst_suitetester.moc"
