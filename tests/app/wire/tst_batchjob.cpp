#include "wire/batchjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

// The Batch API's values: a job object read with every field (and one status this code does not
// know kept as written), the input line and job body written as the API takes them, and output
// lines with an answer, with an error as a string or an object, and lines that are none.
class TestBatchJob : public QObject
{
    Q_OBJECT

private slots:
    void readsAJob()
    {
        QString error;
        const auto job = BatchJob::fromJson(
            R"({"id":"b6b2a3c4-1","object":"batch","input_files":["f-1"],"endpoint":"/v1/fim/completions","model":"codestral-latest",)"
            R"("status":"RUNNING","created_at":1,"total_requests":10,"completed_requests":4,"succeeded_requests":3,"failed_requests":1,)"
            R"("output_file":null,"error_file":"e-1","errors":[{"message":"line 3 was too long","count":1}]})",
            &error);
        QVERIFY2(job, qPrintable(error));
        QCOMPARE(job->id, u"b6b2a3c4-1"_s);
        QCOMPARE(job->status, BatchJob::Status::Running);
        QVERIFY(!job->isFinal());
        QCOMPARE(job->total, 10);
        QCOMPARE(job->completed, 4);
        QCOMPARE(job->succeeded, 3);
        QCOMPARE(job->failed, 1);
        QVERIFY(job->outputFile.isEmpty());
        QCOMPARE(job->errorFile, u"e-1"_s);
        QCOMPARE(job->errors, QStringList{u"line 3 was too long"_s});

        const auto odd = BatchJob::fromJson(R"({"id":"x","status":"PAUSED"})", &error);
        QVERIFY(odd);
        QCOMPARE(odd->status, BatchJob::Status::Unknown);
        QCOMPARE(odd->statusText, u"PAUSED"_s);

        QVERIFY(!BatchJob::fromJson(R"({"status":"RUNNING"})", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!BatchJob::fromJson(R"({"id":"../../v1/files","status":"RUNNING"})", &error)); // no route in an id
        QVERIFY(!BatchJob::fromJson("<html>", &error));
    }

    void statusNamesGoBothWays()
    {
        for (auto s : {BatchJob::Status::Queued, BatchJob::Status::Running, BatchJob::Status::Success, BatchJob::Status::Failed,
                       BatchJob::Status::TimeoutExceeded, BatchJob::Status::CancellationRequested, BatchJob::Status::Cancelled})
            QCOMPARE(BatchJob::statusFromName(BatchJob::statusName(s)), s);
        QCOMPARE(BatchJob::statusName(BatchJob::Status::TimeoutExceeded), u"TIMEOUT_EXCEEDED"_s);
        QVERIFY(BatchJob::isFinal(BatchJob::Status::Cancelled));
        QVERIFY(!BatchJob::isFinal(BatchJob::Status::CancellationRequested));
    }

    void writesWhatTheApiTakes()
    {
        const QByteArray line = BatchWire::inputLine(u"case-0"_s, R"({"model":"codestral-latest","prompt":"a"})");
        QVERIFY(!line.contains('\n'));
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value(u"custom_id").toString(), u"case-0"_s);
        QCOMPARE(o.value(u"body").toObject().value(u"prompt").toString(), u"a"_s);
        const QJsonObject job = QJsonDocument::fromJson(BatchWire::createJobBody(u"f-1"_s, u"/v1/fim/completions"_s, u"codestral-latest"_s)).object();
        QCOMPARE(job.value(u"input_files").toArray().first().toString(), u"f-1"_s);
        QCOMPARE(job.value(u"endpoint").toString(), u"/v1/fim/completions"_s);
        QCOMPARE(job.value(u"model").toString(), u"codestral-latest"_s);
        QString error;
        QCOMPARE(BatchWire::uploadedFileId(R"({"id":"f-9","purpose":"batch"})", &error), u"f-9"_s);
        QVERIFY(BatchWire::uploadedFileId(R"({"purpose":"batch"})", &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void readsOutputLines()
    {
        QStringList problems;
        const QList<BatchOutputLine> lines = BatchWire::parseOutput(
            R"({"id":"1","custom_id":"case-0","response":{"status_code":200,"body":{"choices":[{"message":{"content":"x"}}]}},"error":null})"
            "\n\n"
            R"({"id":"2","custom_id":"case-1","response":{"status_code":500,"body":{"message":"boom"}},"error":{"message":"failed","code":3000}})"
            "\r\n"
            R"({"id":"3","custom_id":"case-2","response":null,"error":"timed out"})"
            "\nnot json\n"
            R"({"id":"4"})",
            &problems);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).customId, u"case-0"_s);
        QCOMPARE(lines.at(0).statusCode, 200);
        QVERIFY(lines.at(0).body.contains("\"content\":\"x\""));
        QVERIFY(lines.at(0).error.isEmpty());
        QCOMPARE(lines.at(1).statusCode, 500);
        QCOMPARE(lines.at(1).error, u"failed"_s);
        QCOMPARE(lines.at(2).statusCode, 0);
        QCOMPARE(lines.at(2).error, u"timed out"_s);
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems.at(0).startsWith(u"line 5:"), qPrintable(problems.at(0)));
    }
};

QTEST_GUILESS_MAIN(TestBatchJob)
#include "tst_batchjob.moc"
