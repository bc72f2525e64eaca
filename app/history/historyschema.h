#pragma once

#include <QString>

class QSqlDatabase;
class QSqlError;
class QSqlQuery;

// The history file's schema: its version (PRAGMA user_version) and the migrations from every older
// one, run in one transaction that a second process opening the file at the same moment waits for.
namespace HistorySchema {

// Brings the file to HistoryStore::SchemaVersion; refuses a newer one, saying so in *error.
bool migrate(const QSqlDatabase &db, const QString &path, int busyTimeoutMs, QString *error);
// -1 when it cannot be read.
int schemaVersion(const QSqlDatabase &db);
// Runs a statement, waiting up to timeoutMs for a lock SQLite takes without calling its busy
// handler (switching to WAL while another process creates the file, for one).
bool execWaiting(QSqlQuery &q, const QString &statement, int timeoutMs);
// The key a row is found by from its prefix and suffix (a replay): a hash of both.
QString contextKey(const QString &prefix, const QString &suffix);
// SQLite's own words for an error, else Qt's.
QString reason(const QSqlError &error);

} // namespace HistorySchema
