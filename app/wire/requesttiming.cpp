#include "wire/requesttiming.h"

#include <QJsonObject>

namespace {
QJsonValue msOrNull(double ms)
{
    return ms < 0 ? QJsonValue() : QJsonValue(qRound64(ms * 1000) / 1000.0);
}
QString outcomeName(RequestTiming::Outcome o)
{
    switch (o) {
    case RequestTiming::Outcome::Pending: return QStringLiteral("pending");
    case RequestTiming::Outcome::Ok: return QStringLiteral("ok");
    case RequestTiming::Outcome::Failed: return QStringLiteral("failed");
    case RequestTiming::Outcome::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}
} // namespace

QJsonObject requestTimingToJson(const RequestTiming &t)
{
    QJsonObject o{
        {QStringLiteral("id"), qint64(t.id)},
        {QStringLiteral("scheduled_at"), t.scheduledAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("endpoint"), t.endpointName},
        {QStringLiteral("host"), t.host},
        {QStringLiteral("kind"), t.kind},
        {QStringLiteral("model"), t.answeredModel.isEmpty() ? t.model : t.answeredModel},
        {QStringLiteral("stream"), t.stream},
        {QStringLiteral("cache_hit"), t.cacheHit},
        {QStringLiteral("edge_cache"), t.edgeCache.isEmpty() ? QJsonValue() : QJsonValue(t.edgeCache)},
        {QStringLiteral("sent_ms"), msOrNull(t.sentMs)},
        {QStringLiteral("first_byte_ms"), msOrNull(t.firstByteMs)},
        {QStringLiteral("first_token_ms"), msOrNull(t.firstTokenMs)},
        {QStringLiteral("total_ms"), msOrNull(t.totalMs)},
        {QStringLiteral("status"), t.httpStatus},
        {QStringLiteral("prompt_chars"), t.promptChars},
        {QStringLiteral("suffix_chars"), t.suffixChars},
        {QStringLiteral("completion_chars"), t.completionChars},
        {QStringLiteral("request_bytes"), t.requestBytes},
        {QStringLiteral("response_bytes"), t.responseBytes},
        {QStringLiteral("outcome"), outcomeName(t.outcome)},
    };
    if (!t.errorKind.isEmpty())
        o.insert(QStringLiteral("error_kind"), t.errorKind);
    if (t.usage) {
        o.insert(QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), t.usage->promptTokens},
                                                      {QStringLiteral("completion_tokens"), t.usage->completionTokens},
                                                      {QStringLiteral("total_tokens"), t.usage->totalTokens}});
    }
    if (t.server)
        o.insert(QStringLiteral("server"), serverTimingsToJson(*t.server));
    return o;
}
