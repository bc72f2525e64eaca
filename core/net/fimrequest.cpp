#include "fimrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QJsonObject parameters(const FimRequest &r)
{
    QJsonObject o;
    if (!r.model.isEmpty())
        o.insert(QStringLiteral("model"), r.model);
    if (r.maxTokens)
        o.insert(QStringLiteral("max_tokens"), *r.maxTokens);
    if (r.minTokens)
        o.insert(QStringLiteral("min_tokens"), *r.minTokens);
    if (r.temperature)
        o.insert(QStringLiteral("temperature"), *r.temperature);
    if (r.topP)
        o.insert(QStringLiteral("top_p"), *r.topP);
    if (r.stop.size() == 1)
        o.insert(QStringLiteral("stop"), r.stop.constFirst());
    else if (!r.stop.isEmpty())
        o.insert(QStringLiteral("stop"), QJsonArray::fromStringList(r.stop));
    if (r.randomSeed)
        o.insert(QStringLiteral("random_seed"), *r.randomSeed);
    if (r.stream)
        o.insert(QStringLiteral("stream"), true);
    return o;
}
} // namespace

QByteArray FimRequest::toJson() const
{
    QJsonObject o = parameters(*this);
    o.insert(QStringLiteral("prompt"), prompt);
    o.insert(QStringLiteral("suffix"), suffix);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray FimRequest::parameterKey() const
{
    return QJsonDocument(parameters(*this)).toJson(QJsonDocument::Compact);
}
