#include "history/batchjobstore.h"
#include "history/historystore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The batch_jobs table: made by the history's newest migration (from a file of the schema before,
// its exchanges kept), a job saved, replaced and found again by a second store on the same file
// (what the next start sees), the unfinished ones listed, and no secret in any column.
class TestBatchJobStore : public QObject
{
    Q_OBJECT

    static BatchJobRecord record(const QString &id, BatchJob::Status status)
    {
        BatchJobRecord r;
        r.jobId = id;
        r.suitePath = u"/tmp/suite.jsonl"_s;
        r.suiteHash = BatchJobStore::hashOf("{\"prompt\": \"x\"}\n");
        r.profile = u"Codestral"_s;
        r.endpointUrl = u"https://api.mistral.ai"_s;
        r.model = u"codestral-latest"_s;
        r.parameters = R"({"model":"codestral-latest","prompt":"","max_tokens":64})";
        r.inputFile = u"file-1"_s;
        r.status = status;
        r.total = 10;
        return r;
    }

private slots:
    void migratesFromTheSchemaBefore()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"history.sqlite"_s);
        {
            HistoryStore history;
            QString error;
            QVERIFY2(history.open(file, &error), qPrintable(error));
            HistoryRecord r;
            r.time = QDateTime::currentDateTimeUtc();
            r.prefix = u"kept"_s;
            QVERIFY2(history.append(r, &error), qPrintable(error));
        }
        {
            // Back to the schema before this table: the migration must make it again.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"older"_s);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"DROP TABLE batch_jobs"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(HistoryStore::SchemaVersion - 1)));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"older"_s);
        BatchJobStore store;
        QString error;
        QVERIFY2(store.open(file, &error), qPrintable(error));
        QVERIFY2(store.save(record(u"job-1"_s, BatchJob::Status::Queued), &error), qPrintable(error));
        HistoryStore history;
        QVERIFY2(history.open(file, &error), qPrintable(error));
        QCOMPARE(history.schemaVersion(), HistoryStore::SchemaVersion);
        QCOMPARE(history.count(), 1);
        QCOMPARE(history.newest(1).first().prefix, u"kept"_s);
    }

    void keepsJobsAcrossStores()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"history.sqlite"_s);
        QString error;
        {
            BatchJobStore store;
            QVERIFY2(store.open(file, &error), qPrintable(error));
            QVERIFY(store.save(record(u"job-old"_s, BatchJob::Status::Success), &error));
            BatchJobRecord running = record(u"job-new"_s, BatchJob::Status::Queued);
            QVERIFY(store.save(running, &error));
            BatchJob polled;
            polled.status = BatchJob::Status::Running;
            polled.total = 10;
            polled.completed = 4;
            polled.succeeded = 3;
            polled.failed = 1;
            running.take(polled);
            QVERIFY(store.save(running, &error)); // replaces, not a second row
        }
        BatchJobStore store; // the next start
        QVERIFY2(store.open(file, &error), qPrintable(error));
        QCOMPARE(store.all().size(), 2);
        const QList<BatchJobRecord> unfinished = store.unfinished();
        QCOMPARE(unfinished.size(), 1);
        const BatchJobRecord &r = unfinished.first();
        QCOMPARE(r.jobId, u"job-new"_s);
        QCOMPARE(r.status, BatchJob::Status::Running);
        QCOMPARE(r.completed, 4);
        QCOMPARE(r.succeeded, 3);
        QCOMPARE(r.failed, 1);
        QCOMPARE(r.suitePath, u"/tmp/suite.jsonl"_s);
        QCOMPARE(r.endpointUrl, u"https://api.mistral.ai"_s);
        QCOMPARE(r.parameters, QByteArray(R"({"model":"codestral-latest","prompt":"","max_tokens":64})"));
        QVERIFY(r.created.isValid());
        QVERIFY(!store.find(u"job-nothing"_s));
        QVERIFY(store.remove(u"job-old"_s, &error));
        QCOMPARE(store.all().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBatchJobStore)
#include "tst_batchjobstore.moc"
