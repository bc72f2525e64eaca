#include "history/suggestionlog.h"

#include "history/historyschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QVariant orNull(double value)
{
    return value >= 0 ? QVariant(value) : QVariant(QMetaType::fromType<double>());
}

QVariant orNull(int value)
{
    return value >= 0 ? QVariant(value) : QVariant(QMetaType::fromType<int>());
}

} // namespace

bool SuggestionLog::append(const QSqlDatabase &db, SuggestionRecord &r, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO suggestions (exchange_id, shown_at, profile, model, template, context, origin, shown_chars,"
                             " accepted_chars, typed_chars, outcome, latency_ms, visible_ms, accept_ms, completion_tokens, persistence)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(r.exchangeId > 0 ? QVariant(r.exchangeId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(r.shownAt.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(r.profile);
    q.addBindValue(r.model);
    q.addBindValue(r.promptTemplate);
    q.addBindValue(r.context);
    q.addBindValue(r.origin);
    q.addBindValue(r.shownChars);
    q.addBindValue(r.acceptedChars);
    q.addBindValue(r.typedChars);
    q.addBindValue(suggestionOutcomeName(r.outcome));
    q.addBindValue(orNull(r.latencyMs));
    q.addBindValue(r.visibleMs);
    q.addBindValue(orNull(r.acceptMs));
    q.addBindValue(orNull(r.completionTokens));
    q.addBindValue(r.persistence ? QVariant(*r.persistence) : QVariant(QMetaType::fromType<double>()));
    if (!q.exec()) {
        *error = HistorySchema::reason(q.lastError());
        return false;
    }
    r.id = q.lastInsertId().toLongLong();
    return true;
}

bool SuggestionLog::linkExchange(const QSqlDatabase &db, const QList<qint64> &ids, qint64 exchangeId, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE suggestions SET exchange_id = ? WHERE id = ?"));
    for (const qint64 id : ids) {
        q.addBindValue(exchangeId);
        q.addBindValue(id);
        if (!q.exec()) {
            *error = HistorySchema::reason(q.lastError());
            return false;
        }
    }
    return true;
}

bool SuggestionLog::setPersistence(const QSqlDatabase &db, qint64 id, double persistence, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE suggestions SET persistence = ? WHERE id = ?"));
    q.addBindValue(persistence);
    q.addBindValue(id);
    if (!q.exec()) {
        *error = HistorySchema::reason(q.lastError());
        return false;
    }
    return true;
}

QList<SuggestionRecord> SuggestionLog::read(const QSqlDatabase &db, const QDateTime &since, int limit)
{
    QList<SuggestionRecord> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, exchange_id, shown_at, profile, model, template, context, origin, shown_chars, accepted_chars,"
                             " typed_chars, outcome, latency_ms, visible_ms, accept_ms, completion_tokens, persistence FROM suggestions"
                             " WHERE shown_at >= ? ORDER BY id LIMIT ?"));
    // ISO 8601 in UTC sorts as text; "" is before every date.
    q.addBindValue(since.isValid() ? since.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral(""));
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        SuggestionRecord r;
        r.id = q.value(0).toLongLong();
        r.exchangeId = q.value(1).toLongLong();
        r.shownAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
        r.profile = q.value(3).toString();
        r.model = q.value(4).toString();
        r.promptTemplate = q.value(5).toString();
        r.context = q.value(6).toString();
        r.origin = q.value(7).toString();
        r.shownChars = q.value(8).toInt();
        r.acceptedChars = q.value(9).toInt();
        r.typedChars = q.value(10).toInt();
        r.outcome = suggestionOutcomeFromName(q.value(11).toString()).value_or(SuggestionOutcome::Unused);
        r.latencyMs = q.value(12).isNull() ? -1 : q.value(12).toDouble();
        r.visibleMs = q.value(13).toDouble();
        r.acceptMs = q.value(14).isNull() ? -1 : q.value(14).toDouble();
        r.completionTokens = q.value(15).isNull() ? -1 : q.value(15).toInt();
        if (!q.value(16).isNull())
            r.persistence = q.value(16).toDouble();
        out.append(r);
    }
    return out;
}

int SuggestionLog::prune(const QSqlDatabase &db, int maxRows)
{
    if (maxRows <= 0)
        return 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DELETE FROM suggestions WHERE id <= (SELECT id FROM suggestions ORDER BY id DESC LIMIT 1 OFFSET %1)")
                    .arg(maxRows)))
        return 0;
    return q.numRowsAffected();
}
