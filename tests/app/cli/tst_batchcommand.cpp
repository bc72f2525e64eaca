#include "fakebatchserver.h"
#include "fimcompleterun.h"

#include <QFile>
#include <QProcess>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// fim-complete --suite FILE --batch, --batch-list, --batch-resume and --batch-cancel run as a user
// runs them (app/cli/batchcommand.cpp, suitecommand.cpp), against the fake batch server: the table
// with "batch" for latency, one JSON line per case, a failed line an error, the job kept in the
// history file (and never its key), a process killed mid-job resumed by the next one, a job
// cancelled, and clear errors for an endpoint that is not Codestral, a lost job and a wrong id.
class TestBatchCommand : public QObject
{
    Q_OBJECT

    static constexpr auto Key = "sk-cli-batch-key-42";
    QTemporaryDir m_dir;

    QString suite()
    {
        const QString path = m_dir.filePath(u"cli.jsonl"_s);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(R"({"name": "add", "prompt": "def add(a, b):\n    ", "expected": "return a + b"})"
                    "\n"
                    R"({"name": "boom", "prompt": "def boom():\n    ", "expected": "raise"})"
                    "\n");
        return path;
    }

    QString history() const { return m_dir.filePath(u"history.sqlite"_s); }

    // fim-complete started on a job and killed while it follows it (Ctrl+C, a crash).
    static void startAndKill(const QStringList &args, FakeBatchServer &server)
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"CODESTRAL_API_KEY"_s, QString::fromLatin1(Key));
        p.setProcessEnvironment(e);
        const int before = server.polls;
        p.start(qEnvironmentVariable("FIM_COMPLETE_PATH"), args);
        // A second poll is sent only once the first answer (RUNNING) is kept in the history.
        QTRY_VERIFY_WITH_TIMEOUT(server.polls >= before + 2, 10000);
        p.kill();
        p.waitForFinished(5000);
    }

    static FimCompleteRun run(const QStringList &args, int timeoutMs = 20000)
    {
        return FimCompleteRun::run(args, {u"CODESTRAL_API_KEY"_s, u"FIM_PROXY_TOKEN"_s, u"FIM_API_KEY"_s},
                                   {u"CODESTRAL_API_KEY="_s + QString::fromLatin1(Key)}, timeoutMs);
    }

    QStringList batch(const FakeBatchServer &server) const
    {
        return {u"--suite"_s, m_dir.filePath(u"cli.jsonl"_s), u"--batch"_s, u"--endpoint"_s, server.url().toString(),
                u"--kind"_s, u"codestral"_s, u"--history"_s, history(), u"--batch-poll"_s, u"5"_s};
    }

    static void serve(FakeBatchServer &server)
    {
        server.key = QString::fromLatin1(Key);
        server.failCustomId = u"case-1"_s;
        server.answer = [](const QJsonObject &) { return u"return a + b"_s; };
    }

private slots:
    void initTestCase() { QVERIFY(!suite().isEmpty()); }

    void runsASuiteAsABatchJob()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serve(server);
        FimCompleteRun r = run(batch(server) << u"--json"_s);
        QCOMPARE(r.exitCode, 1); // one line failed
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject add = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(add.value(u"case").toString(), u"add"_s);
        QVERIFY(add.value(u"answered").toBool());
        QVERIFY(add.value(u"exact").toBool());
        QVERIFY(add.value(u"batch").toBool());
        QVERIFY(add.value(u"total_ms").isNull());
        const QJsonObject boom = QJsonDocument::fromJson(lines.at(1)).object();
        QVERIFY(!boom.value(u"answered").toBool());
        QCOMPARE(boom.value(u"error").toString(), u"The model failed on this request (fake)"_s);
        // The table (stderr with --json): latency says "batch".
        QVERIFY2(r.err.contains("batch job job-2"), r.err.constData());
        QVERIFY2(r.err.contains("cli.jsonl: 2 cases, one batch job"), r.err.constData());
        const QByteArray row = r.err.mid(r.err.lastIndexOf('\n', r.err.size() - 2) + 1);
        QVERIFY2(row.contains("batch") && row.contains("1/1 100%"), row.constData());
        QVERIFY(!r.err.contains(Key) && !r.out.contains(Key));

        // Kept in the history: --batch-list says so, without the key in the file.
        FimCompleteRun list = run({u"--batch-list"_s, u"--history"_s, history(), u"--json"_s});
        QCOMPARE(list.exitCode, 0);
        const QJsonObject job = QJsonDocument::fromJson(list.out.trimmed().split('\n').first()).object();
        QCOMPARE(job.value(u"job").toString(), u"job-2"_s);
        QCOMPARE(job.value(u"status").toString(), u"SUCCESS"_s);
        QCOMPARE(job.value(u"completed").toInt(), 2);
        QCOMPARE(job.value(u"failed").toInt(), 1);
        QFile file(history());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(Key));
    }

    void aKilledRunIsResumedThenCancelledJobsStop()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serve(server);
        server.failCustomId.clear();
        server.pollsUntilDone = 1000000;
        // The first process is killed while its job runs (as Ctrl+C or a crash would end it).
        startAndKill(batch(server), server);
        QCOMPARE(server.jobs.size(), 1);
        const QString id = server.jobs.keys().constFirst();
        QCOMPARE(server.jobs.value(id).status, u"RUNNING"_s);
        FimCompleteRun list = run({u"--batch-list"_s, u"--history"_s, history()});
        QVERIFY2(list.out.contains(QByteArray(id.toUtf8() + "  RUNNING")), list.out.constData());

        // The next one follows the same job to its end.
        server.pollsUntilDone = server.jobs.value(id).polls + 2;
        FimCompleteRun resumed = run({u"--batch-resume"_s, id, u"--history"_s, history(), u"--batch-poll"_s, u"5"_s});
        QCOMPARE(resumed.exitCode, 0);
        QVERIFY2(resumed.out.contains("cli.jsonl: 2 cases, one batch job"), resumed.out.constData());
        QCOMPARE(server.jobs.size(), 1);
        QCOMPARE(server.jobs.value(id).status, u"SUCCESS"_s);

        // Another job, cancelled from a second process.
        server.pollsUntilDone = 1000000;
        startAndKill(batch(server), server);
        QCOMPARE(server.jobs.size(), 2);
        QString second;
        for (const auto &job : std::as_const(server.jobs))
            if (job.id != id)
                second = job.id;
        FimCompleteRun cancel = run({u"--batch-cancel"_s, second, u"--history"_s, history()});
        QCOMPARE(cancel.exitCode, 0);
        QVERIFY2(cancel.err.contains("is being cancelled"), cancel.err.constData());
        QCOMPARE(server.cancelled, QStringList{second});
        list = run({u"--batch-list"_s, u"--history"_s, history()});
        QVERIFY2(list.out.contains(QByteArray(second.toUtf8() + "  CANCELLATION_REQUESTED")), list.out.constData());
    }

    void saysWhatIsWrong()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serve(server);
        // Not Codestral.
        FimCompleteRun proxy = run({u"--suite"_s, m_dir.filePath(u"cli.jsonl"_s), u"--batch"_s, u"--endpoint"_s, server.url().toString()});
        QCOMPARE(proxy.exitCode, 2);
        QVERIFY2(proxy.err.contains("only Codestral has") && proxy.err.contains("is kind proxy"), proxy.err.constData());
        QVERIFY(server.http().requests().isEmpty());
        // --batch without --suite; an id that is none; one the history does not keep.
        QCOMPARE(run({u"--batch"_s}).exitCode, 2);
        FimCompleteRun both = run({u"--batch-resume"_s, u"job-1"_s, u"--suite"_s, m_dir.filePath(u"cli.jsonl"_s)});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains("leave out --suite"), both.err.constData());
        FimCompleteRun badId = run({u"--batch-resume"_s, u"../x"_s, u"--history"_s, history()});
        QCOMPARE(badId.exitCode, 2);
        QVERIFY2(badId.err.contains("is not a batch job id"), badId.err.constData());
        FimCompleteRun unknown = run({u"--batch-resume"_s, u"job-404"_s, u"--history"_s, history()});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("keeps no batch job job-404"), unknown.err.constData());
        // The server lost the job.
        server.loseJobs = true;
        FimCompleteRun lost = run(batch(server));
        QCOMPARE(lost.exitCode, 1);
        QVERIFY2(lost.err.contains("The server no longer knows job"), lost.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestBatchCommand)
#include "tst_batchcommand.moc"
