#pragma once

#include "history/suggestionrecord.h"

#include <QDateTime>
#include <QList>
#include <QString>

class QSqlDatabase;

// The "suggestions" table of the history (schema 4): one row per suggestion the editor showed.
// HistoryStore forwards to it; used on the store's thread only.
namespace SuggestionLog {

bool append(const QSqlDatabase &db, SuggestionRecord &record, QString *error);
// The exchange the suggestions came from, written after them.
bool linkExchange(const QSqlDatabase &db, const QList<qint64> &ids, qint64 exchangeId, QString *error);
// Persistence, measured after the accept (one UPDATE by the row's id).
bool setPersistence(const QSqlDatabase &db, qint64 id, double persistence, QString *error);
// The rows shown at or after since (all when invalid), oldest first, at most limit.
QList<SuggestionRecord> read(const QSqlDatabase &db, const QDateTime &since, int limit);
// Deletes the oldest rows past maxRows; returns how many went.
int prune(const QSqlDatabase &db, int maxRows);

} // namespace SuggestionLog
