#include "history/historystore.h"

#include "history/historyschema.h"
#include "history/suggestionlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <atomic>

namespace {

// Messages under the context "HistoryStore"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HistoryStore)
};

// The record's columns, in the order append() binds them and readRecord() reads them (after id).
const QStringList &recordColumns()
{
    static const QStringList all{QStringLiteral("time"), QStringLiteral("source"), QStringLiteral("profile"), QStringLiteral("kind"),
                                 QStringLiteral("url"), QStringLiteral("model"), QStringLiteral("parameters"), QStringLiteral("prefix"),
                                 QStringLiteral("suffix"), QStringLiteral("file_name"), QStringLiteral("line"), QStringLiteral("col"),
                                 QStringLiteral("request_body"), QStringLiteral("raw_answer"), QStringLiteral("cleaned_answer"),
                                 QStringLiteral("chunk_timings"), QStringLiteral("http_status"), QStringLiteral("outcome"),
                                 QStringLiteral("error"), QStringLiteral("timings"), QStringLiteral("response_headers"),
                                 QStringLiteral("context_key")};
    return all;
}

// "id, time, ..." for a SELECT; without the bodies, the request is left out and the raw answer
// cut to its start (a table row needs no more, and a thousand rows of 256 KiB would be slow).
QString selectColumns(bool bodies)
{
    QStringList columns = recordColumns();
    if (!bodies) {
        columns.replace(columns.indexOf(QStringLiteral("request_body")), QStringLiteral("NULL"));
        columns.replace(columns.indexOf(QStringLiteral("raw_answer")), QStringLiteral("substr(raw_answer, 1, 256)"));
    }
    return QStringLiteral("id, ") + columns.join(QStringLiteral(", "));
}

HistoryRecord readRecord(const QSqlQuery &q)
{
    HistoryRecord r;
    r.id = q.value(0).toLongLong();
    r.time = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    r.source = q.value(2).toString();
    r.profile = q.value(3).toString();
    r.kind = endpointKindFromName(q.value(4).toString()).value_or(EndpointKind::Proxy);
    r.url = q.value(5).toString();
    r.model = q.value(6).toString();
    r.parameters = q.value(7).toString().toUtf8();
    r.prefix = q.value(8).toString();
    r.suffix = q.value(9).toString();
    r.fileName = q.value(10).toString();
    r.line = q.value(11).isNull() ? -1 : q.value(11).toInt();
    r.column = q.value(12).isNull() ? -1 : q.value(12).toInt();
    r.requestBody = q.value(13).toByteArray();
    r.rawAnswer = q.value(14).toByteArray();
    r.cleanedAnswer = q.value(15).toString();
    r.chunkTimings = q.value(16).toString().toUtf8();
    r.httpStatus = q.value(17).toInt();
    r.outcome = q.value(18).toString();
    r.error = q.value(19).toString();
    r.timings = q.value(20).toString().toUtf8();
    r.responseHeaders = q.value(21).toString().toUtf8();
    return r;
}


} // namespace

HistoryStore::HistoryStore()
{
    static std::atomic<int> next{0};
    m_connection = QStringLiteral("fim-history-%1").arg(next.fetch_add(1));
}

HistoryStore::~HistoryStore()
{
    close();
}

QString HistoryStore::defaultPath()
{
    // $XDG_DATA_HOME/fim-playground on Linux (GenericDataLocation + our folder, as for the other files).
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/fim-playground/history.sqlite");
}

QSqlDatabase HistoryStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool HistoryStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && database().isOpen();
}

bool HistoryStore::open(const QString &path, QString *error)
{
    close();
    m_path = path;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        *error = Tr::tr("Qt's SQLite driver (QSQLITE) is not installed.");
        return false;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = Tr::tr("Cannot create the folder %1.").arg(QFileInfo(path).absolutePath());
        return false;
    }
    bool opened = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
        if (!db.open()) {
            *error = Tr::tr("Cannot open %1: %2").arg(path, HistorySchema::reason(db.lastError()));
        } else {
            QSqlQuery q(db);
            // The first statement that reads the file tells a file that is no database.
            opened = true;
            for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA user_version"}) {
                if (!HistorySchema::execWaiting(q, QString::fromLatin1(pragma), m_busyTimeoutMs)) {
                    *error = Tr::tr("%1 cannot be used: %2").arg(path, HistorySchema::reason(q.lastError()));
                    opened = false;
                    break;
                }
            }
        }
    }
    if (!opened) {
        close(); // with no query or handle of this connection left alive
        return false;
    }
    if (!HistorySchema::migrate(database(), m_path, m_busyTimeoutMs, error)) {
        close();
        return false;
    }
    return true;
}

void HistoryStore::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = database();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

int HistoryStore::schemaVersion() const
{
    return HistorySchema::schemaVersion(database());
}

bool HistoryStore::append(HistoryRecord &r, QString *error)
{
    QSqlQuery q(database());
    const QStringList &columns = recordColumns();
    q.prepare(QStringLiteral("INSERT INTO exchanges (%1) VALUES (%2)")
                  .arg(columns.join(QStringLiteral(", ")), QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
    q.addBindValue(r.time.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(r.source);
    q.addBindValue(r.profile);
    q.addBindValue(endpointKindName(r.kind));
    q.addBindValue(r.url);
    q.addBindValue(r.model);
    q.addBindValue(QString::fromUtf8(r.parameters));
    q.addBindValue(r.prefix);
    q.addBindValue(r.suffix);
    q.addBindValue(r.fileName);
    q.addBindValue(r.line);
    q.addBindValue(r.column);
    q.addBindValue(r.requestBody);
    q.addBindValue(r.rawAnswer);
    q.addBindValue(r.cleanedAnswer);
    q.addBindValue(QString::fromUtf8(r.chunkTimings));
    q.addBindValue(r.httpStatus);
    q.addBindValue(r.outcome);
    q.addBindValue(r.error);
    q.addBindValue(QString::fromUtf8(r.timings));
    q.addBindValue(QString::fromUtf8(r.responseHeaders));
    q.addBindValue(HistorySchema::contextKey(r.prefix, r.suffix));
    if (!q.exec()) {
        *error = Tr::tr("Cannot write to %1: %2").arg(m_path, HistorySchema::reason(q.lastError()));
        return false;
    }
    r.id = q.lastInsertId().toLongLong();
    // Pruning costs a scan: not on every write.
    if (++m_sincePrune >= 100) {
        m_sincePrune = 0;
        prune();
    }
    return true;
}

int HistoryStore::prune(QString *error)
{
    if (m_maxRows <= 0)
        return 0;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("DELETE FROM exchanges WHERE id <= (SELECT id FROM exchanges ORDER BY id DESC LIMIT 1 OFFSET %1)")
                    .arg(m_maxRows))) {
        if (error)
            *error = Tr::tr("Cannot prune %1: %2").arg(m_path, HistorySchema::reason(q.lastError()));
        return 0;
    }
    SuggestionLog::prune(database(), m_maxRows);
    return q.numRowsAffected();
}

bool HistoryStore::appendSuggestion(SuggestionRecord &record, QString *error)
{
    QString why;
    if (!SuggestionLog::append(database(), record, &why)) {
        *error = Tr::tr("Cannot write to %1: %2").arg(m_path, why);
        return false;
    }
    return true;
}

bool HistoryStore::setSuggestionPersistence(qint64 id, double persistence, QString *error)
{
    QString why;
    if (!SuggestionLog::setPersistence(database(), id, persistence, &why)) {
        *error = Tr::tr("Cannot write to %1: %2").arg(m_path, why);
        return false;
    }
    return true;
}

bool HistoryStore::linkSuggestions(const QList<qint64> &ids, qint64 exchangeId, QString *error)
{
    QString why;
    if (!SuggestionLog::linkExchange(database(), ids, exchangeId, &why)) {
        *error = Tr::tr("Cannot write to %1: %2").arg(m_path, why);
        return false;
    }
    return true;
}

QList<SuggestionRecord> HistoryStore::suggestions(const QDateTime &since, int limit) const
{
    return SuggestionLog::read(database(), since, limit);
}

int HistoryStore::count() const
{
    QSqlQuery q(database());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM exchanges")) && q.next() ? q.value(0).toInt() : -1;
}

QString HistoryStore::integrityCheck() const
{
    QSqlQuery q(database());
    return q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next() ? q.value(0).toString() : HistorySchema::reason(q.lastError());
}

QList<HistoryRecord> HistoryStore::newest(int limit) const
{
    return search(Query{}, limit);
}

QList<HistoryRecord> HistoryStore::search(const Query &query, int limit) const
{
    QList<HistoryRecord> out;
    QStringList where;
    QVariantList values;
    auto like = [](const QString &text) -> QString {
        QString escaped = text;
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
        return QStringLiteral("%") + escaped + QStringLiteral("%");
    };
    if (!query.text.isEmpty()) {
        where << QStringLiteral("(prefix LIKE ? ESCAPE '\\' OR suffix LIKE ? ESCAPE '\\' OR cleaned_answer LIKE ? ESCAPE '\\'"
                                " OR CAST(raw_answer AS TEXT) LIKE ? ESCAPE '\\')");
        for (int i = 0; i < 4; ++i)
            values << like(query.text);
    }
    if (!query.model.isEmpty()) {
        where << QStringLiteral("model LIKE ? ESCAPE '\\'");
        values << like(query.model);
    }
    if (!query.profile.isEmpty()) {
        // The endpoint field finds what asked too: "compare", "suite", "fim-complete".
        where << QStringLiteral("(profile LIKE ? ESCAPE '\\' OR kind LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\')");
        values << like(query.profile) << like(query.profile) << like(query.profile);
    }
    if (!query.status.isEmpty()) {
        where << QStringLiteral("(outcome LIKE ? ESCAPE '\\' OR CAST(http_status AS TEXT) = ?)");
        values << like(query.status) << query.status;
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM exchanges%2 ORDER BY id DESC LIMIT ?")
                  .arg(selectColumns(query.bodies),
                       where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next())
        out.append(readRecord(q));
    return out;
}

QList<HistoryRecord> HistoryStore::byIds(const QList<qint64> &ids) const
{
    QList<HistoryRecord> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM exchanges WHERE id = ?").arg(selectColumns(true)));
    for (qint64 id : ids) {
        q.addBindValue(id);
        if (q.exec() && q.next())
            out.append(readRecord(q));
    }
    return out;
}

bool HistoryStore::remove(const QList<qint64> &ids, QString *error)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM exchanges WHERE id = ?"));
    QVariantList list;
    for (qint64 id : ids)
        list << id;
    q.addBindValue(list);
    if (!q.execBatch()) {
        *error = Tr::tr("Cannot delete from %1: %2").arg(m_path, HistorySchema::reason(q.lastError()));
        return false;
    }
    return true;
}

QList<HistoryRecord> HistoryStore::withContext(const QString &prefix, const QString &suffix, int limit) const
{
    QList<HistoryRecord> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM exchanges WHERE context_key = ? ORDER BY id DESC LIMIT ?").arg(selectColumns(false)));
    q.addBindValue(HistorySchema::contextKey(prefix, suffix));
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        HistoryRecord r = readRecord(q);
        if (r.prefix == prefix && r.suffix == suffix) // a key is a hash: make sure
            out.append(r);
    }
    return out;
}

HistoryStore::Answered HistoryStore::answered() const
{
    Answered out;
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT model, COUNT(*) FROM exchanges WHERE outcome = 'ok' GROUP BY model ORDER BY MAX(id) DESC"))) {
        while (q.next()) {
            out.count += q.value(1).toInt();
            if (!q.value(0).toString().isEmpty())
                out.models.append(q.value(0).toString());
        }
    }
    return out;
}
