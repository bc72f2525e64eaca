#include "servertimings.h"

#include <QJsonObject>
#include <QJsonValue>

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
