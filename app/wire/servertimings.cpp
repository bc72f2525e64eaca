#include "wire/servertimings.h"

#include <QJsonObject>
#include <QJsonValue>

std::optional<ServerTimings> serverTimingsFromLlamaCpp(const QJsonObject &answer)
{
    const QJsonObject t = answer.value(u"timings").toObject();
    if (t.isEmpty())
        return std::nullopt;
    ServerTimings s;
    s.promptMs = t.value(u"prompt_ms").toDouble(-1);
    s.generationMs = t.value(u"predicted_ms").toDouble(-1);
    s.promptTokens = t.value(u"prompt_n").toInt(-1);
    s.generatedTokens = t.value(u"predicted_n").toInt(-1);
    s.cachedTokens = t.value(u"cache_n").toInt(answer.value(u"tokens_cached").toInt(-1));
    return s;
}

QJsonObject serverTimingsToJson(const ServerTimings &t)
{
    const auto ms = [](double v) { return v < 0 ? QJsonValue() : QJsonValue(qRound64(v * 1000) / 1000.0); };
    const auto count = [](int v) { return v < 0 ? QJsonValue() : QJsonValue(v); };
    return QJsonObject{{QStringLiteral("prompt_ms"), ms(t.promptMs)},
                       {QStringLiteral("generation_ms"), ms(t.generationMs)},
                       {QStringLiteral("prompt_tokens"), count(t.promptTokens)},
                       {QStringLiteral("generated_tokens"), count(t.generatedTokens)},
                       {QStringLiteral("cached_tokens"), count(t.cachedTokens)}};
}
