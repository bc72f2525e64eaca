#include "history/historystore.h"
#include "history/historywriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The history in a real SQLite file: every field back as written, WAL, migrations from the first
// schema, a newer schema refused, pruning of the oldest, a corrupt file, a lock that outlasts the
// timeout, a folder that cannot be written, the writer thread, and two processes writing 1,000
// rows each at once.
class TestHistoryStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name + QStringLiteral("/history.sqlite")); }

    static HistoryRecord sample(int i)
    {
        HistoryRecord r;
        r.time = QDateTime(QDate(2026, 11, 25), QTime(21, 0, 0, 125), QTimeZone::UTC).addSecs(i);
        r.source = QStringLiteral("playground");
        r.profile = QStringLiteral("Ollama (local)");
        r.kind = EndpointKind::Ollama;
        r.url = QStringLiteral("http://127.0.0.1:11434/api/generate");
        r.model = QStringLiteral("qwen2.5-coder:1.5b");
        r.parameters = R"({"max_tokens":64,"temperature":0.2})";
        r.prefix = QStringLiteral("def add(a, b):\r\n    \u00a0ret");
        r.suffix = QStringLiteral("\n\nprint(add(1, 2)) # é 😀 %1").arg(i);
        r.fileName = QStringLiteral("/home/ada/add.py");
        r.line = 2;
        r.column = 9;
        r.requestBody = R"({"model":"qwen2.5-coder:1.5b","prompt":"..."})";
        r.rawAnswer = QByteArray("{\"response\":\"urn a + b\"}\n\0binary", 32);
        r.cleanedAnswer = QStringLiteral("urn a + b");
        r.chunkTimings = "[[12.5,40],[30.1,38]]";
        r.httpStatus = 200;
        r.outcome = QStringLiteral("ok");
        r.timings = R"({"total_ms":42.5})";
        return r;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyFieldComesBack()
    {
        HistoryStore store;
        QString error;
        QVERIFY2(store.open(path(QStringLiteral("fields")), &error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), HistoryStore::SchemaVersion);
        HistoryRecord r = sample(1);
        QVERIFY(store.append(r, &error));
        QVERIFY(r.id > 0);
        const QList<HistoryRecord> back = store.newest(5);
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first(), r);
        // WAL: a reader never blocks the writer, and the other way round.
        QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        check.setDatabaseName(path(QStringLiteral("fields")));
        QVERIFY(check.open());
        QSqlQuery mode(check);
        QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
        QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
        mode = QSqlQuery();
        check.close();
        check = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    }

    // A file of the first schema (no cleaned answer, chunk timings or source; no key to find a row
    // by its prefix and suffix) is brought up to date and keeps its rows, found by their context.
    void migratesFromTheFirstSchema()
    {
        const QString file = path(QStringLiteral("v1"));
        QDir().mkpath(QFileInfo(file).absolutePath());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE exchanges (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, profile TEXT,"
                                          " kind TEXT, url TEXT, model TEXT, parameters TEXT, prefix TEXT, suffix TEXT, file_name TEXT,"
                                          " line INTEGER, col INTEGER, request_body BLOB, raw_answer BLOB, http_status INTEGER,"
                                          " outcome TEXT, error TEXT, timings TEXT)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO exchanges (time, model, prefix, http_status, outcome) VALUES "
                                          "('2026-11-01T10:00:00.000Z', 'codestral-latest', 'old prefix', 200, 'ok')")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        HistoryStore store;
        QString error;
        QVERIFY2(store.open(file, &error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), HistoryStore::SchemaVersion);
        QCOMPARE(store.count(), 1);
        const QList<HistoryRecord> old = store.withContext(QStringLiteral("old prefix"), QString(), 5);
        QCOMPARE(old.size(), 1);
        QCOMPARE(old.at(0).model, QStringLiteral("codestral-latest"));
        QVERIFY(store.withContext(QStringLiteral("old prefix"), QStringLiteral("x"), 5).isEmpty());
        HistoryRecord r = sample(2);
        QVERIFY(store.append(r, &error));
        const QList<HistoryRecord> rows = store.newest(2);
        QCOMPARE(rows.at(1).prefix, QStringLiteral("old prefix"));
        QVERIFY(rows.at(1).cleanedAnswer.isEmpty());
        QCOMPARE(rows.at(0).cleanedAnswer, QStringLiteral("urn a + b"));
    }

    void aNewerSchemaIsRefused()
    {
        const QString file = path(QStringLiteral("newer"));
        {
            HistoryStore store;
            QString error;
            QVERIFY(store.open(file, &error));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 9")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        HistoryStore store;
        QString error;
        QVERIFY(!store.open(file, &error));
        QVERIFY2(error.contains(u"newer FIM Playground (schema 9"), qPrintable(error));
    }

    void theOldestArePruned()
    {
        HistoryStore store;
        store.setMaxRows(100);
        QString error;
        QVERIFY(store.open(path(QStringLiteral("prune")), &error));
        qint64 last = 0;
        for (int i = 0; i < 250; ++i) {
            HistoryRecord r = sample(i);
            QVERIFY(store.append(r, &error));
            last = r.id;
        }
        QVERIFY(store.count() <= 150); // pruned every 100 writes
        store.prune();
        QCOMPARE(store.count(), 100);
        const QList<HistoryRecord> rows = store.newest(100);
        QCOMPARE(rows.first().id, last);
        QCOMPARE(rows.last().id, last - 99);
    }

    void aCorruptFileIsRefusedInWords()
    {
        const QString file = path(QStringLiteral("corrupt"));
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is not a database, it is a text file that got here somehow\n").repeated(100));
        f.close();
        HistoryStore store;
        QString error;
        QVERIFY(!store.open(file, &error));
        QVERIFY2(error.contains(u"not a database"), qPrintable(error));
        // The writer says so once, then drops records quietly; nothing was written over the file.
        HistoryWriter writer(file, 100);
        QSignalSpy unavailable(&writer, &HistoryWriter::unavailable);
        QVERIFY(unavailable.wait());
        for (int i = 0; i < 5; ++i)
            writer.record(sample(i));
        writer.flush();
        QCOMPARE(unavailable.size(), 1);
        QVERIFY(!writer.isAvailable());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("this is not a database"));
    }

    void aFolderThatCannotBeWritten()
    {
        const QString blocker = m_dir.filePath(QStringLiteral("a-file"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        HistoryStore store;
        QString error;
        QVERIFY(!store.open(blocker + QStringLiteral("/sub/history.sqlite"), &error));
        QVERIFY2(error.contains(u"Cannot create the folder"), qPrintable(error));
    }

    // Another process holds the write lock past the timeout: the write fails in words and the
    // writer goes off once.
    void aLockThatOutlastsTheTimeout()
    {
        const QString file = path(QStringLiteral("locked"));
        {
            HistoryStore first;
            QString error;
            QVERIFY(first.open(file, &error));
        }
        QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        holder.setDatabaseName(file);
        QVERIFY(holder.open());
        QSqlQuery hold(holder);
        QVERIFY(hold.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        HistoryStore store;
        store.setBusyTimeout(200);
        QString error;
        // WAL lets it open and read; the write waits 200 ms, then gives up.
        QVERIFY2(store.open(file, &error), qPrintable(error));
        HistoryRecord r = sample(3);
        QVERIFY(!store.append(r, &error));
        QVERIFY2(error.contains(u"locked"), qPrintable(error));
        QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
        QVERIFY2(store.append(r, &error), qPrintable(error)); // free again
        hold = QSqlQuery();
        holder.close();
        holder = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    }

    void theWriterWritesInOrderOffTheThread()
    {
        const QString file = path(QStringLiteral("writer"));
        {
            HistoryWriter writer(file, 1000);
            QSignalSpy recorded(&writer, &HistoryWriter::recorded);
            for (int i = 0; i < 50; ++i)
                writer.record(sample(i));
            writer.flush();
            QCOMPARE(recorded.size(), 50);
            QVERIFY(writer.isAvailable());
            for (int i = 50; i < 60; ++i)
                writer.record(sample(i));
        } // the destructor writes what was queued
        HistoryStore store;
        QString error;
        QVERIFY(store.open(file, &error));
        const QList<HistoryRecord> rows = store.newest(100);
        QCOMPARE(rows.size(), 60);
        QVERIFY(rows.first().suffix.endsWith(u" 59"));
        QVERIFY(rows.last().suffix.endsWith(u" 0"));
    }

    // The playground and fim-complete at once: two processes, 1,000 rows each, at the same moment.
    void twoProcessesWriteAtOnce()
    {
        const QString file = path(QStringLiteral("two"));
        const QString helper = QCoreApplication::applicationDirPath() + QStringLiteral("/history-writer");
        QVERIFY(QFile::exists(helper));
        QProcess a;
        QProcess b;
        a.start(helper, {file, QStringLiteral("A"), QStringLiteral("1000")});
        b.start(helper, {file, QStringLiteral("B"), QStringLiteral("1000")});
        QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
        HistoryStore store;
        QString error;
        QVERIFY(store.open(file, &error));
        QCOMPARE(store.count(), 2000);
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
        int fromA = 0;
        for (const HistoryRecord &r : store.newest(2000))
            fromA += r.source == u"A";
        QCOMPARE(fromA, 1000);
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
