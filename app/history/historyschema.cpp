#include "history/historyschema.h"

#include "history/historystore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

using namespace HistorySchema;

namespace {

// Messages under the context "HistoryStore"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HistoryStore)
};

// Each migration takes the schema from its index to the next version.
const QStringList &migrations()
{
    static const QStringList all{
        // 0 → 1
        QStringLiteral("CREATE TABLE exchanges (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, profile TEXT,"
                       " kind TEXT, url TEXT, model TEXT, parameters TEXT, prefix TEXT, suffix TEXT, file_name TEXT,"
                       " line INTEGER, col INTEGER, request_body BLOB, raw_answer BLOB, http_status INTEGER,"
                       " outcome TEXT, error TEXT, timings TEXT);"
                       "CREATE INDEX exchanges_time ON exchanges(time)"),
        // 1 → 2: the cleaned answer, when each piece came, who wrote it
        QStringLiteral("ALTER TABLE exchanges ADD COLUMN cleaned_answer TEXT;"
                       "ALTER TABLE exchanges ADD COLUMN chunk_timings TEXT;"
                       "ALTER TABLE exchanges ADD COLUMN source TEXT;"
                       "CREATE INDEX exchanges_model ON exchanges(model)"),
        // 2 → 3: the answer's headers and a key to find an exchange by its prefix and suffix (a
        // replay); older rows get their key in backfillContextKeys()
        QStringLiteral("ALTER TABLE exchanges ADD COLUMN response_headers TEXT;"
                       "ALTER TABLE exchanges ADD COLUMN context_key TEXT;"
                       "CREATE INDEX exchanges_context ON exchanges(context_key)"),
        // 3 → 4: each suggestion the editor showed and what became of it (acceptance analytics);
        // the exchanges are untouched
        QStringLiteral("CREATE TABLE suggestions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " exchange_id INTEGER, shown_at TEXT NOT NULL,"
                       " profile TEXT, model TEXT, template TEXT, context TEXT, origin TEXT, shown_chars INTEGER,"
                       " accepted_chars INTEGER, typed_chars INTEGER, outcome TEXT NOT NULL, latency_ms REAL,"
                       " visible_ms REAL, accept_ms REAL, completion_tokens INTEGER, persistence REAL);"
                       "CREATE INDEX suggestions_shown ON suggestions(shown_at)"),
        // 4 → 5: Mistral batch jobs, kept so that they outlive the process that started them
        // (BatchJobStore); never a secret
        QStringLiteral("CREATE TABLE batch_jobs (job_id TEXT PRIMARY KEY, created TEXT NOT NULL, updated TEXT,"
                       " suite_path TEXT, suite_hash TEXT, profile TEXT, endpoint_url TEXT, model TEXT, parameters TEXT,"
                       " input_file TEXT, status TEXT, total INTEGER, completed INTEGER, succeeded INTEGER,"
                       " failed INTEGER, output_file TEXT, error_file TEXT, error TEXT)"),
    };
    return all;
}

} // namespace

bool HistorySchema::execWaiting(QSqlQuery &q, const QString &statement, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        if (q.exec(statement))
            return true;
        const int code = q.lastError().nativeErrorCode().toInt() & 0xff; // the primary code of an extended one
        const bool busy = code == 5 /* SQLITE_BUSY */ || code == 6 /* SQLITE_LOCKED */;
        if (!busy || waited.elapsed() >= timeoutMs)
            return false;
        QThread::msleep(20);
    }
}

QString HistorySchema::contextKey(const QString &prefix, const QString &suffix)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(prefix.toUtf8());
    hash.addData(QByteArrayView("\x1f"));
    hash.addData(suffix.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

QString HistorySchema::reason(const QSqlError &e)
{
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return text.trimmed();
}

int HistorySchema::schemaVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
}

namespace {

bool backfillContextKeys(const QSqlDatabase &db, const QString &path, QString *error)
{
    QSqlQuery read(db);
    QSqlQuery write(db);
    write.prepare(QStringLiteral("UPDATE exchanges SET context_key = ? WHERE id = ?"));
    if (!read.exec(QStringLiteral("SELECT id, prefix, suffix FROM exchanges WHERE context_key IS NULL"))) {
        *error = Tr::tr("Cannot update %1 to schema 3: %2").arg(path, reason(read.lastError()));
        return false;
    }
    while (read.next()) {
        write.addBindValue(contextKey(read.value(1).toString(), read.value(2).toString()));
        write.addBindValue(read.value(0));
        if (!write.exec()) {
            *error = Tr::tr("Cannot update %1 to schema 3: %2").arg(path, reason(write.lastError()));
            return false;
        }
    }
    return true;
}

} // namespace

bool HistorySchema::migrate(const QSqlDatabase &db, const QString &path, int busyTimeoutMs, QString *error)
{
    const int version = schemaVersion(db);
    if (version > HistoryStore::SchemaVersion) {
        *error = Tr::tr("%1 was written by a newer FIM Playground (schema %2; this one knows up to %3).")
                     .arg(path)
                     .arg(version)
                     .arg(HistoryStore::SchemaVersion);
        return false;
    }
    if (version == HistoryStore::SchemaVersion)
        return true;
    // BEGIN IMMEDIATE: a second process opening a fresh file at the same moment waits, then sees
    // the version this one wrote.
    QSqlQuery q(db);
    if (!execWaiting(q, QStringLiteral("BEGIN IMMEDIATE"), busyTimeoutMs)) {
        *error = Tr::tr("Cannot update %1: %2").arg(path, reason(q.lastError()));
        return false;
    }
    const int current = schemaVersion(db);
    for (int v = std::max(current, 0); v < HistoryStore::SchemaVersion; ++v) {
        for (const QString &statement : migrations().at(v).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (!q.exec(statement)) {
                *error = Tr::tr("Cannot update %1 to schema %2: %3").arg(path).arg(v + 1).arg(reason(q.lastError()));
                q.exec(QStringLiteral("ROLLBACK"));
                return false;
            }
        }
        if (v + 1 == 3 && !backfillContextKeys(db, path, error)) {
            q.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(HistoryStore::SchemaVersion)) || !q.exec(QStringLiteral("COMMIT"))) {
        *error = Tr::tr("Cannot update %1: %2").arg(path, reason(q.lastError()));
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

