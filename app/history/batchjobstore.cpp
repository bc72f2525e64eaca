#include "history/batchjobstore.h"

#include "history/historyschema.h"
#include "history/historystore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace {

// Messages under the context "BatchJobStore"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BatchJobStore)
};

const QStringList &columns()
{
    static const QStringList all{QStringLiteral("job_id"),      QStringLiteral("created"),     QStringLiteral("updated"),
                                 QStringLiteral("suite_path"),  QStringLiteral("suite_hash"),  QStringLiteral("profile"),
                                 QStringLiteral("endpoint_url"), QStringLiteral("model"),      QStringLiteral("parameters"),
                                 QStringLiteral("input_file"),  QStringLiteral("status"),      QStringLiteral("total"),
                                 QStringLiteral("completed"),   QStringLiteral("succeeded"),   QStringLiteral("failed"),
                                 QStringLiteral("output_file"), QStringLiteral("error_file"),  QStringLiteral("error")};
    return all;
}

BatchJobRecord readRecord(const QSqlQuery &q)
{
    BatchJobRecord r;
    r.jobId = q.value(0).toString();
    r.created = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    r.updated = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    r.suitePath = q.value(3).toString();
    r.suiteHash = q.value(4).toString();
    r.profile = q.value(5).toString();
    r.endpointUrl = q.value(6).toString();
    r.model = q.value(7).toString();
    r.parameters = q.value(8).toString().toUtf8();
    r.inputFile = q.value(9).toString();
    r.status = BatchJob::statusFromName(q.value(10).toString());
    r.total = q.value(11).toInt();
    r.completed = q.value(12).toInt();
    r.succeeded = q.value(13).toInt();
    r.failed = q.value(14).toInt();
    r.outputFile = q.value(15).toString();
    r.errorFile = q.value(16).toString();
    r.error = q.value(17).toString();
    return r;
}

} // namespace

void BatchJobRecord::take(const BatchJob &job)
{
    status = job.status;
    total = job.total;
    completed = job.completed;
    succeeded = job.succeeded;
    failed = job.failed;
    if (!job.outputFile.isEmpty())
        outputFile = job.outputFile;
    if (!job.errorFile.isEmpty())
        errorFile = job.errorFile;
}

BatchJobStore::BatchJobStore()
{
    static std::atomic<int> next{0};
    m_connection = QStringLiteral("fim-batch-jobs-%1").arg(next.fetch_add(1));
}

BatchJobStore::~BatchJobStore()
{
    close();
}

bool BatchJobStore::open(const QString &path, QString *error)
{
    close();
    m_path = path;
    {
        // The schema is HistoryStore's: it creates and migrates the file (WAL, busy timeout).
        HistoryStore history;
        if (!history.open(path, error))
            return false;
    }
    bool opened = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        opened = db.open();
        if (!opened)
            *error = Tr::tr("Cannot open %1: %2").arg(path, HistorySchema::reason(db.lastError()));
    }
    if (!opened)
        close();
    return opened;
}

void BatchJobStore::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool BatchJobStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

bool BatchJobStore::save(const BatchJobRecord &r, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO batch_jobs (%1) VALUES (%2)")
                  .arg(columns().join(QStringLiteral(", ")), QStringList(columns().size(), QStringLiteral("?")).join(QStringLiteral(", "))));
    const QDateTime created = r.created.isValid() ? r.created : QDateTime::currentDateTimeUtc();
    q.addBindValue(r.jobId);
    q.addBindValue(created.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(r.suitePath);
    q.addBindValue(r.suiteHash);
    q.addBindValue(r.profile);
    q.addBindValue(r.endpointUrl);
    q.addBindValue(r.model);
    q.addBindValue(QString::fromUtf8(r.parameters));
    q.addBindValue(r.inputFile);
    q.addBindValue(BatchJob::statusName(r.status));
    q.addBindValue(r.total);
    q.addBindValue(r.completed);
    q.addBindValue(r.succeeded);
    q.addBindValue(r.failed);
    q.addBindValue(r.outputFile);
    q.addBindValue(r.errorFile);
    q.addBindValue(r.error);
    if (!q.exec()) {
        *error = Tr::tr("Cannot write to %1: %2").arg(m_path, HistorySchema::reason(q.lastError()));
        return false;
    }
    return true;
}

std::optional<BatchJobRecord> BatchJobStore::find(const QString &jobId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM batch_jobs WHERE job_id = ?").arg(columns().join(QStringLiteral(", "))));
    q.addBindValue(jobId);
    if (q.exec() && q.next())
        return readRecord(q);
    return std::nullopt;
}

QList<BatchJobRecord> BatchJobStore::all() const
{
    QList<BatchJobRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT %1 FROM batch_jobs ORDER BY created DESC, rowid DESC").arg(columns().join(QStringLiteral(", ")))))
        return out;
    while (q.next())
        out.append(readRecord(q));
    return out;
}

QList<BatchJobRecord> BatchJobStore::unfinished() const
{
    QList<BatchJobRecord> out;
    const QList<BatchJobRecord> every = all();
    for (const BatchJobRecord &r : every)
        if (r.isUnfinished())
            out.append(r);
    return out;
}

bool BatchJobStore::remove(const QString &jobId, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM batch_jobs WHERE job_id = ?"));
    q.addBindValue(jobId);
    if (!q.exec()) {
        *error = Tr::tr("Cannot delete from %1: %2").arg(m_path, HistorySchema::reason(q.lastError()));
        return false;
    }
    return true;
}

QString BatchJobStore::hashOf(const QByteArray &suiteBytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(suiteBytes, QCryptographicHash::Sha1).toHex());
}
