#include "wire/tokenprobability.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double NoLogprob = std::numeric_limits<double>::quiet_NaN();

double logOf(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : NoLogprob;
}

// The top entries of llama.cpp's answers and of OpenAI's newer shape: [{token, logprob}, ...].
QList<QPair<QString, double>> topList(const QJsonArray &array)
{
    QList<QPair<QString, double>> out;
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        out.append({o.value(u"token").toString(), logOf(o.value(u"logprob"))});
    }
    return out;
}

} // namespace

double TokenProbability::probability() const
{
    return std::exp(logprob);
}

QList<TokenProbability> TokenProbabilities::fromLlamaCpp(const QJsonArray &array)
{
    QList<TokenProbability> out;
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        out.append({o.value(u"token").toString(), logOf(o.value(u"logprob")), topList(o.value(u"top_logprobs").toArray())});
    }
    return out;
}

QList<TokenProbability> TokenProbabilities::fromOpenAi(const QJsonValue &logprobs)
{
    const QJsonObject o = logprobs.toObject();
    if (o.value(u"content").isArray())
        return fromLlamaCpp(o.value(u"content").toArray()); // the same entries as llama.cpp's own
    const QJsonArray tokens = o.value(u"tokens").toArray();
    const QJsonArray logs = o.value(u"token_logprobs").toArray();
    const QJsonArray tops = o.value(u"top_logprobs").toArray();
    QList<TokenProbability> out;
    out.reserve(tokens.size());
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        TokenProbability t{tokens.at(i).toString(), logOf(logs.at(i)), {}};
        // {token: logprob, ...}: a JSON object keeps no order, so likeliest first by value.
        const QJsonObject top = tops.at(i).toObject();
        for (auto it = top.constBegin(); it != top.constEnd(); ++it)
            t.top.append({it.key(), logOf(it.value())});
        std::stable_sort(t.top.begin(), t.top.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
        out.append(t);
    }
    return out;
}

std::optional<double> TokenProbabilities::suggestionProbability(const QList<TokenProbability> &tokens)
{
    double sum = 0;
    int counted = 0;
    for (const TokenProbability &t : tokens) {
        if (std::isnan(t.logprob))
            continue;
        sum += t.logprob;
        ++counted;
    }
    if (counted == 0)
        return std::nullopt;
    return std::exp(sum / counted);
}
