#include "fakebatchserver.h"
#include "history/batchjobstore.h"
#include "history/historystore.h"
#include "suite/batchrun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// A suite through Mistral's Batch API against the fake batch server over real loopback HTTP: the
// upload is the FIM bodies as the backend builds them (no stream, no key), the job is polled to its
// end, every line is scored as a normal answer (cleaned, matched; a failed line is an error in its
// words), and the job is kept in the history's batch_jobs. The server's misbehaviour: a lost job,
// a refused key, 429 with Retry-After and 5xx (retried), a cancel; a restart resumes from the store.
class TestBatchRun : public QObject
{
    Q_OBJECT

    static constexpr auto Key = "sk-batch-secret-0123456789";

    QTemporaryDir m_dir;

    // Three cases: an answer in a code fence (cleaned), one the server fails, one that differs.
    QString writeSuite(const QString &name = u"suite.jsonl"_s)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(R"({"name": "add", "prompt": "def add(a, b):\n    ", "suffix": "\n", "expected": "return a + b", "max_tokens": 16})"
                "\n"
                R"({"name": "boom", "prompt": "def boom():\n    ", "expected": "raise"})"
                "\n"
                R"({"name": "mul", "prompt": "def mul(a, b):\n    ", "expected": "return a * b", "temperature": 0.1})"
                "\n");
        return path;
    }

    static QByteArray bytesOf(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static SuiteTarget target(const QUrl &url, const QString &secret = QString::fromLatin1(Key))
    {
        SuiteTarget t;
        t.label = u"Codestral"_s;
        t.endpoint = Endpoint(u"Codestral"_s, EndpointKind::Codestral, url);
        t.secret = secret;
        t.parameters.maxTokens = 64;
        return t;
    }

    static void serveAnswers(FakeBatchServer &server)
    {
        server.key = QString::fromLatin1(Key);
        server.failCustomId = u"case-1"_s;
        server.answer = [](const QJsonObject &body) {
            const QString prompt = body.value(u"prompt").toString();
            if (prompt.startsWith(u"def add"))
                return u"```python\nreturn a + b\n```"_s; // the code-fence rule takes the fence off
            return u"return a + b"_s;
        };
    }

    static void fast(BatchRun &run)
    {
        run.setPollInterval(5, 20);
    }

private slots:
    void runsASuiteAsABatchJob()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serveAnswers(server);
        const QString suitePath = writeSuite();
        const PromptSuite suite = PromptSuite::parse(bytesOf(suitePath));
        QCOMPARE(suite.cases.size(), 3);

        BatchJobStore store;
        QString error;
        QVERIFY2(store.open(m_dir.filePath(u"history.sqlite"_s), &error), qPrintable(error));
        QNetworkAccessManager network;
        BatchRun run(&network, &store);
        fast(run);
        QSignalSpy finished(&run, &BatchRun::finished);
        QSignalSpy failed(&run, &BatchRun::failed);
        QList<int> completed;
        connect(&run, &BatchRun::progress, this, [&completed](const BatchJob &job) { completed << job.completed; });
        run.start(suite.cases, target(server.url()), suitePath, bytesOf(suitePath));
        QVERIFY(finished.wait(10000));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY2(server.problems.isEmpty(), qPrintable(server.problems.join(u"; "_s)));

        // The upload: one line per case, each body the backend's FIM body without "stream"; the key
        // only in the header.
        QCOMPARE(server.uploads.size(), 1);
        QVERIFY(!server.uploads.first().contains(Key));
        const FakeBatchServer::Job &job = server.jobs.value(run.job().id);
        QCOMPARE(job.lines.size(), 3);
        QCOMPARE(job.model, u"codestral-latest"_s);
        QCOMPARE(job.endpoint, u"/v1/fim/completions"_s);
        const QJsonObject first = job.lines.at(0);
        QCOMPARE(first.value(u"custom_id").toString(), u"case-0"_s);
        const QJsonObject body = first.value(u"body").toObject();
        QCOMPARE(body.value(u"prompt").toString(), u"def add(a, b):\n    "_s);
        QCOMPARE(body.value(u"suffix").toString(), u"\n"_s);
        QCOMPARE(body.value(u"max_tokens").toInt(), 16); // the case's own wins over the target's 64
        QCOMPARE(body.value(u"model").toString(), u"codestral-latest"_s);
        QVERIFY(!body.contains(u"stream"));
        QCOMPARE(job.lines.at(2).value(u"body").toObject().value(u"temperature").toDouble(), 0.1);
        for (const FakeUpstream::Recorded &r : server.http().requests())
            QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer ") + Key);

        // Polled until done, with the progress growing: 0 → 1 → 2 → 3 of 3.
        QCOMPARE(server.polls, 3);
        QCOMPARE(completed, (QList<int>{0, 1, 2, 3}));

        // Scored as a normal run: the answer cleaned and matched; the failed line an error.
        QCOMPARE(run.results().size(), 3);
        const SuiteResult add = run.results().at(0);
        QVERIFY(add.answered);
        QVERIFY(add.batch);
        QCOMPARE(add.answer, u"return a + b"_s);
        QVERIFY(add.match.exact);
        QCOMPARE(add.totalMs, -1.0);
        const SuiteResult boom = run.results().at(1);
        QVERIFY(!boom.answered);
        QCOMPARE(boom.error, u"The model failed on this request (fake)"_s);
        QCOMPARE(boom.httpStatus, 500);
        const SuiteResult mul = run.results().at(2);
        QVERIFY(mul.answered);
        QVERIFY(!mul.match.exact);
        const SuiteSummary s = run.summary(0);
        QCOMPARE(s.cases, 3);
        QCOMPARE(s.errors, 1);
        QCOMPARE(s.withExpected, 2);
        QCOMPARE(s.exact, 1);
        QVERIFY(!s.totalP50); // no latency from a batch

        // Kept: finished, with its progress, and never the key.
        const std::optional<BatchJobRecord> kept = store.find(run.job().id);
        QVERIFY(kept);
        QCOMPARE(kept->status, BatchJob::Status::Success);
        QCOMPARE(kept->total, 3);
        QCOMPARE(kept->completed, 3);
        QCOMPARE(kept->failed, 1);
        QCOMPARE(kept->suitePath, QFileInfo(suitePath).absoluteFilePath());
        QCOMPARE(kept->endpointUrl, server.url().toString());
        QCOMPARE(kept->model, u"codestral-latest"_s);
        QVERIFY(store.unfinished().isEmpty());
        store.close();
        QVERIFY(!bytesOf(m_dir.filePath(u"history.sqlite"_s)).contains(Key));
        QVERIFY(!bytesOf(m_dir.filePath(u"history.sqlite-wal"_s)).contains(Key));
    }

    void aLostJobIsSaidSo()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serveAnswers(server);
        server.loseJobs = true;
        const QString suitePath = writeSuite();
        QNetworkAccessManager network;
        BatchRun run(&network, nullptr);
        fast(run);
        QSignalSpy finished(&run, &BatchRun::finished);
        QSignalSpy failed(&run, &BatchRun::failed);
        run.start(PromptSuite::parse(bytesOf(suitePath)).cases, target(server.url()), suitePath, bytesOf(suitePath));
        QVERIFY(finished.wait(10000));
        QCOMPARE(failed.size(), 1);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(u"no longer knows job " + run.job().id), qPrintable(message));
        QVERIFY(run.results().isEmpty());
    }

    void aFailedJobIsSaidSo()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serveAnswers(server);
        server.failJobs = true;
        const QString suitePath = writeSuite();
        QNetworkAccessManager network;
        BatchRun run(&network, nullptr);
        fast(run);
        QSignalSpy finished(&run, &BatchRun::finished);
        QSignalSpy failed(&run, &BatchRun::failed);
        run.start(PromptSuite::parse(bytesOf(suitePath)).cases, target(server.url()), suitePath, bytesOf(suitePath));
        QVERIFY(finished.wait(10000));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), u"Batch job "_s + run.job().id + u" failed: The model is not available for batch."_s);
        QCOMPARE(run.job().status, BatchJob::Status::Failed);
    }

    void aRefusedKeyStopsAtOnce()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serveAnswers(server);
        const QString suitePath = writeSuite();
        QNetworkAccessManager network;
        BatchRun run(&network, nullptr);
        fast(run);
        QSignalSpy finished(&run, &BatchRun::finished);
        QSignalSpy failed(&run, &BatchRun::failed);
        run.start(PromptSuite::parse(bytesOf(suitePath)).cases, target(server.url(), u"wrong-key"_s), suitePath, bytesOf(suitePath));
        QVERIFY(finished.wait(10000));
        QCOMPARE(failed.size(), 1);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.startsWith(u"Uploading the suite failed:"), qPrintable(message));
        QVERIFY2(message.contains(u"Unauthorized"), qPrintable(message));
        QVERIFY(!message.contains(u"wrong-key"));
        QCOMPARE(server.http().requests().size(), 1); // not retried
        QVERIFY(server.jobs.isEmpty());
    }

    void rateLimitsAndServerErrorsAreWaitedOut()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serveAnswers(server);
        server.failNext("POST", "/v1/files", FakeUpstream::text(502, "<html>Bad gateway</html>", "text/html"));
        server.failNext("GET", "/v1/batch/jobs/",
                        FakeUpstream::json(429, R"({"message":"Requests rate limit exceeded"})", {{"Retry-After", "1"}}));
        server.failNext("GET", "/v1/files/", FakeUpstream::json(503, R"({"message":"busy"})"));
        const QString suitePath = writeSuite();
        QNetworkAccessManager network;
        BatchRun run(&network, nullptr);
        fast(run);
        QSignalSpy finished(&run, &BatchRun::finished);
        QSignalSpy failed(&run, &BatchRun::failed);
        QElapsedTimer waited;
        waited.start();
        run.start(PromptSuite::parse(bytesOf(suitePath)).cases, target(server.url()), suitePath, bytesOf(suitePath));
        QVERIFY(finished.wait(15000));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(run.results().size(), 3);
        QVERIFY(run.results().at(0).match.exact);
        const auto uploads = std::count_if(server.http().requests().cbegin(), server.http().requests().cend(),
                                           [](const FakeUpstream::Recorded &r) { return r.path == "/v1/files"; });
        QCOMPARE(uploads, 2); // the 502, then the upload that worked
        QVERIFY2(waited.elapsed() >= 1000, "Retry-After: 1 is waited for");
    }

    void tooManyTransientErrorsGiveUp()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serveAnswers(server);
        for (int i = 0; i < 3; ++i)
            server.failNext("GET", "/v1/batch/jobs/", FakeUpstream::json(500, R"({"message":"Internal error"})"));
        const QString suitePath = writeSuite();
        QNetworkAccessManager network;
        BatchRun run(&network, nullptr);
        fast(run);
        run.setRetryLimit(2);
        QSignalSpy finished(&run, &BatchRun::finished);
        QSignalSpy failed(&run, &BatchRun::failed);
        run.start(PromptSuite::parse(bytesOf(suitePath)).cases, target(server.url()), suitePath, bytesOf(suitePath));
        QVERIFY(finished.wait(10000));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().startsWith(u"Following batch job"), qPrintable(failed.first().first().toString()));
        QVERIFY2(failed.first().first().toString().contains(u"500"), qPrintable(failed.first().first().toString()));
    }

    void cancelledJobReportsWhatRan()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serveAnswers(server);
        server.failCustomId.clear();
        server.pollsUntilDone = 3;
        const QString suitePath = writeSuite();
        QNetworkAccessManager network;
        BatchRun run(&network, nullptr);
        fast(run);
        QSignalSpy finished(&run, &BatchRun::finished);
        QSignalSpy failed(&run, &BatchRun::failed);
        // After the first poll (one of three lines done), cancel.
        connect(&run, &BatchRun::progress, this, [&run](const BatchJob &job) {
            if (job.status == BatchJob::Status::Running)
                run.cancelJob();
        });
        run.start(PromptSuite::parse(bytesOf(suitePath)).cases, target(server.url()), suitePath, bytesOf(suitePath));
        QVERIFY(finished.wait(10000));
        QVERIFY(failed.isEmpty());
        QCOMPARE(server.cancelled, QStringList{run.job().id});
        QCOMPARE(run.job().status, BatchJob::Status::Cancelled);
        QCOMPARE(run.results().size(), 3);
        QVERIFY(run.results().at(0).answered);
        QVERIFY(!run.results().at(1).answered);
        QCOMPARE(run.results().at(1).error, u"The batch job was cancelled before this case ran."_s);
    }

    void onlyCodestralRunsAsABatch()
    {
        const QString suitePath = writeSuite();
        QNetworkAccessManager network;
        BatchRun run(&network, nullptr);
        SuiteTarget proxy = target(QUrl(u"http://127.0.0.1:9"_s));
        proxy.endpoint.kind = EndpointKind::Proxy;
        proxy.label = u"Local proxy"_s;
        QSignalSpy failed(&run, &BatchRun::failed);
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start(PromptSuite::parse(bytesOf(suitePath)).cases, proxy, suitePath, bytesOf(suitePath));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().contains(u"not Codestral"), qPrintable(failed.first().first().toString()));
        QCOMPARE(finished.size(), 1);
        QVERIFY(BatchRun::unsuitableReason(target(QUrl(u"http://127.0.0.1:9"_s), QString())).contains(u"CODESTRAL_API_KEY"));
    }

    // Start a job, destroy the runner (the process quits), make a new one from the store, resume.
    void resumesAfterARestart()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serveAnswers(server);
        server.pollsUntilDone = 4;
        const QString suitePath = writeSuite(u"restart.jsonl"_s);
        const QString history = m_dir.filePath(u"restart.sqlite"_s);
        QNetworkAccessManager network;
        QString jobId;
        {
            BatchJobStore store;
            QString error;
            QVERIFY2(store.open(history, &error), qPrintable(error));
            BatchRun run(&network, &store);
            fast(run);
            QSignalSpy progress(&run, &BatchRun::progress);
            run.start(PromptSuite::parse(bytesOf(suitePath)).cases, target(server.url()), suitePath, bytesOf(suitePath));
            QTRY_VERIFY_WITH_TIMEOUT(run.job().status == BatchJob::Status::Running, 10000);
            jobId = run.job().id;
        }
        QCOMPARE(server.jobs.value(jobId).status, u"RUNNING"_s);

        BatchJobStore store;
        QString error;
        QVERIFY2(store.open(history, &error), qPrintable(error));
        const QList<BatchJobRecord> unfinished = store.unfinished();
        QCOMPARE(unfinished.size(), 1);
        QCOMPARE(unfinished.first().jobId, jobId);
        QCOMPARE(unfinished.first().status, BatchJob::Status::Running);
        const std::optional<BatchRun::Resumable> resumable = BatchRun::prepareResume(unfinished.first(), &error);
        QVERIFY2(resumable, qPrintable(error));
        QCOMPARE(resumable->cases.size(), 3);
        QCOMPARE(resumable->target.endpoint.kind, EndpointKind::Codestral);
        QCOMPARE(resumable->target.endpoint.baseUrl, server.url());
        QCOMPARE(resumable->target.parameters.maxTokens, 64);
        SuiteTarget t = resumable->target;
        t.secret = QString::fromLatin1(Key); // read again, as the front ends do
        BatchRun again(&network, &store);
        fast(again);
        QSignalSpy finished(&again, &BatchRun::finished);
        QSignalSpy failed(&again, &BatchRun::failed);
        again.resume(unfinished.first(), resumable->cases, t);
        QVERIFY(finished.wait(10000));
        QVERIFY(failed.isEmpty());
        QCOMPARE(server.jobs.size(), 1); // the same job, not a new one
        QCOMPARE(again.results().size(), 3);
        QVERIFY(again.results().at(0).match.exact);
        QCOMPARE(store.find(jobId)->status, BatchJob::Status::Success);
        QVERIFY(store.unfinished().isEmpty());

        // A suite changed since: its answers cannot be matched, and resuming says so.
        QFile f(suitePath);
        QVERIFY(f.open(QIODevice::Append));
        f.write(R"({"prompt": "x"})" "\n");
        f.close();
        QVERIFY(!BatchRun::prepareResume(*store.find(jobId), &error));
        QVERIFY2(error.contains(u"has changed since job " + jobId), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestBatchRun)
#include "tst_batchrun.moc"
