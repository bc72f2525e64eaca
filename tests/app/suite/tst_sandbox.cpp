#include "humanevalfile.h"
#include "suite/sandbox.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The sandbox with the real bubblewrap and python3 (inside packaging/devenv: a bubblewrap root
// itself): a program's exit code, output and stdin; the wall-clock limit; and what it must not
// do — reach a server this test listens on or a public address, write outside its folder (a file
// under this test's folder, the root, /usr, /dev), allocate past the memory limit — each tried by
// the program and checked from outside. Without bwrap nothing runs, and says so.
class TestSandbox : public QObject
{
    Q_OBJECT

    static SandboxResult run(const QByteArray &python, const SandboxLimits &limits = {}, const QByteArray &input = {})
    {
        Sandbox sandbox;
        sandbox.setLimits(limits);
        QSignalSpy finished(&sandbox, &Sandbox::finished);
        sandbox.start({QStringLiteral("program.py"), python, {QStringLiteral("python3"), QStringLiteral("-I"), QStringLiteral("program.py")}, input});
        if (!finished.wait(limits.timeLimitMs + 20000))
            return {};
        return finished.at(0).at(0).value<SandboxResult>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!Sandbox::bwrapPath().isEmpty(), "bubblewrap is part of packaging/devenv.packages");
        const SandboxResult r = run("print('hello from', __name__)\n");
        QVERIFY2(r.status == SandboxResult::Status::Exited, qPrintable(r.error));
    }

    void exitCodeOutputAndInput()
    {
        SandboxResult r = run("import sys\nprint(sys.stdin.read().upper(), end='')\nprint('to stderr', file=sys.stderr)\n", {}, "abc\ndef\n");
        QCOMPARE(r.status, SandboxResult::Status::Exited);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.stdOut, QByteArray("ABC\nDEF\n"));
        QVERIFY2(r.outputTail.contains(u"ABC") && r.outputTail.contains(u"to stderr"), qPrintable(r.outputTail));
        QVERIFY(r.ms > 0);

        r = run("assert 1 + 1 == 3, 'arithmetic'\n");
        QCOMPARE(r.status, SandboxResult::Status::Exited);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.outputTail.endsWith(u"AssertionError: arithmetic"), qPrintable(r.outputTail));

        // Killed by a signal: 128 + its number, as a shell says.
        r = run("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n");
        QCOMPARE(r.status, SandboxResult::Status::Exited);
        QCOMPARE(r.exitCode, 128 + 11);

        // Only the last lines are kept.
        r = run("for i in range(5000): print('line', i)\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outputTail.endsWith(u"line 4999"));
        QVERIFY(!r.outputTail.contains(u"line 4979\n"));
        QCOMPARE(r.outputTail.count(u'\n'), 19);
    }

    // Processes whose command line holds marker (in this PID namespace's /proc).
    static int processesWith(const QByteArray &marker)
    {
        int n = 0;
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
        for (const QString &pid : pids) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(marker))
                ++n;
        }
        return n;
    }

    // Killed at the limit with everything it started: a child that ignores SIGTERM and would outlive its parent too.
    void theTimeLimitKillsIt()
    {
        SandboxLimits limits;
        limits.timeLimitMs = 700;
        const QByteArray marker = "marker-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        Sandbox sandbox;
        sandbox.setLimits(limits);
        QSignalSpy finished(&sandbox, &Sandbox::finished);
        QElapsedTimer clock;
        clock.start();
        sandbox.start({QStringLiteral("program.py"),
                       "import os, signal, sys\nif os.fork() == 0:\n    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                       "    os.execv('/usr/bin/python3', ['python3', '-c', 'while True: pass', sys.argv[1] + '-child'])\n"
                       "print('started', flush=True)\nwhile True:\n    pass\n",
                       {QStringLiteral("python3"), QStringLiteral("program.py"), QString::fromLatin1(marker)},
                       {}});
        QTRY_COMPARE(processesWith(marker + "-child"), 1);
        QVERIFY(finished.wait(10000));
        const auto r = finished.at(0).at(0).value<SandboxResult>();
        QCOMPARE(r.status, SandboxResult::Status::TimedOut);
        QVERIFY2(clock.elapsed() < 5000, QByteArray::number(clock.elapsed()).constData());
        QVERIFY(r.ms >= 700);
        QCOMPARE(r.outputTail, QStringLiteral("started"));
        QTRY_COMPARE(processesWith(marker), 0);
    }

    // A server on 127.0.0.1 here and a public address: neither is reached; a file under this
    // test's folder, at the root, in /usr and in /dev is not written; the folder it ran in is
    // gone afterwards. The program checks every attempt failed and says how (exit 0 only then).
    void itReachesNoNetworkAndWritesNothingOutsideItsFolder()
    {
        HumanEvalFile::CountingListener listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        QTemporaryDir outside;
        const QString target = outside.filePath(QStringLiteral("escaped.txt"));
        const QByteArray program = QStringLiteral(R"(import os, socket
failures = []
for address in [("127.0.0.1", %1), ("1.1.1.1", 80), ("8.8.8.8", 53)]:
    s = socket.socket()
    s.settimeout(2)
    try:
        s.connect(address)
        failures.append("connected to %s:%d" % address)
    except OSError as e:
        print("no network:", address, e)
for path in ["%2", "/escape.txt", "/usr/escape.txt", "/dev/escape.txt"]:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("out")
        failures.append("wrote " + path)
    except OSError as e:
        print("not written:", path, e)
with open("mine.txt", "w") as f:
    f.write("in my own folder")
print("own folder:", os.getcwd(), os.listdir("."))
assert not failures, failures
)")
                                     .arg(listener.serverPort())
                                     .arg(target)
                                     .toUtf8();
        const SandboxResult r = run(program);
        QCOMPARE(r.status, SandboxResult::Status::Exited);
        QVERIFY2(r.exitCode == 0, qPrintable(r.outputTail));
        QVERIFY2(r.outputTail.contains(u"own folder: /sandbox ['program.py', 'mine.txt']")
                     || r.outputTail.contains(u"own folder: /sandbox ['mine.txt', 'program.py']"),
                 qPrintable(r.outputTail));
        QVERIFY2(r.outputTail.contains(u"Network is unreachable"), qPrintable(r.outputTail)); // the public addresses
        QCoreApplication::processEvents();
        QCOMPARE(listener.connections, 0);
        QVERIFY(!QFile::exists(target));
        QVERIFY(QDir(outside.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
        QVERIFY(!QFile::exists(QStringLiteral("/escape.txt")));
    }

    void theMemoryLimitHolds()
    {
        SandboxLimits limits;
        limits.memoryBytes = 256LL * 1024 * 1024;
        const SandboxResult r = run("x = bytearray(600 * 1024 * 1024)\nprint('allocated', len(x))\n", limits);
        QCOMPARE(r.status, SandboxResult::Status::Exited);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.outputTail.contains(u"MemoryError"), qPrintable(r.outputTail));
        // Under the limit it works.
        const SandboxResult small = run("x = bytearray(64 * 1024 * 1024)\nprint('allocated', len(x))\n", limits);
        QVERIFY2(small.exitCode == 0, qPrintable(small.outputTail));
    }

    // Cancelled or destroyed while running: killed, nothing reported, its folder removed.
    void cancelAndDestructionKillIt()
    {
        QTemporaryDir marker;
        auto *sandbox = new Sandbox;
        QSignalSpy finished(sandbox, &Sandbox::finished);
        sandbox->start({QStringLiteral("program.py"), "import time\nprint('up', flush=True)\ntime.sleep(30)\n",
                        {QStringLiteral("python3"), QStringLiteral("program.py")}, {}});
        QVERIFY(sandbox->isRunning());
        QTest::qWait(300);
        QElapsedTimer clock;
        clock.start();
        sandbox->cancel();
        QVERIFY(!sandbox->isRunning());
        QVERIFY(clock.elapsed() < 2500);
        QTest::qWait(100);
        QCOMPARE(finished.size(), 0);

        sandbox->start({QStringLiteral("program.py"), "import time\ntime.sleep(30)\n", {QStringLiteral("python3"), QStringLiteral("program.py")}, {}});
        QTest::qWait(300);
        clock.restart();
        delete sandbox;
        QVERIFY(clock.elapsed() < 2500);
    }

    void withoutBubblewrapNothingRuns()
    {
        QTemporaryDir empty;
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", empty.path().toUtf8());
        const SandboxResult r = run("print('ran')\n");
        qputenv("PATH", path);
        QCOMPARE(r.status, SandboxResult::Status::Error);
        QVERIFY2(r.error.startsWith(u"sandbox unavailable: bubblewrap (bwrap) is not installed"), qPrintable(r.error));
        QVERIFY(r.stdOut.isEmpty());

        // An interpreter the sandbox does not have: bwrap's own words, not a failed test.
        Sandbox sandbox;
        QSignalSpy finished(&sandbox, &Sandbox::finished);
        sandbox.start({QStringLiteral("p.x"), "x", {QStringLiteral("no-such-interpreter"), QStringLiteral("p.x")}, {}});
        QVERIFY(finished.wait(10000));
        const auto missing = finished.at(0).at(0).value<SandboxResult>();
        QCOMPARE(missing.status, SandboxResult::Status::Error);
        QVERIFY2(missing.error.contains(u"no-such-interpreter"), qPrintable(missing.error));
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
