#include "wire/fimrequest.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace {
// What toJson() writes besides prompt and suffix; with probabilities, the parameter key's too.
QJsonObject parameters(const FimRequest &r, bool withProbabilities)
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
    if (withProbabilities && r.nProbs)
        o.insert(QStringLiteral("n_probs"), *r.nProbs);
    return o;
}
} // namespace

QByteArray FimRequest::toJson(Extra extraForm) const
{
    QJsonObject o = parameters(*this, false);
    o.insert(QStringLiteral("suffix"), suffix);
    if (extraForm == Extra::AsComments || extra.isEmpty()) {
        o.insert(QStringLiteral("prompt"), promptWithExtra());
    } else {
        o.insert(QStringLiteral("prompt"), prompt);
        o.insert(QStringLiteral("context"), ExtraContext::toJson(extra));
        o.insert(QStringLiteral("file"), fileName);
        o.insert(QStringLiteral("comment_marker"), marker());
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString FimRequest::extraDigest() const
{
    if (extra.isEmpty())
        return {};
    QCryptographicHash h(QCryptographicHash::Sha1);
    for (const ContextChunk &c : extra) {
        h.addData(c.filename.toUtf8());
        h.addData(QByteArrayView("\0", 1));
        h.addData(c.text.toUtf8());
        h.addData(QByteArrayView("\0", 1));
    }
    h.addData(fileName.toUtf8());
    h.addData(marker().toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

QByteArray FimRequest::parameterKey() const
{
    QJsonObject o = parameters(*this, true);
    if (!extra.isEmpty())
        o.insert(QStringLiteral("extra"), extraDigest());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<FimRequest> FimRequest::fromJson(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString() : QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (!o.value(u"prompt").isString()) {
        *error = QStringLiteral("\"prompt\" is missing or not a string");
        return std::nullopt;
    }
    FimRequest r;
    r.model = o.value(u"model").toString();
    r.prompt = o.value(u"prompt").toString();
    r.suffix = o.value(u"suffix").toString();
    // Extra context sent apart (Replay; a suite's "context"): only {filename, text} objects, so
    // another format's "context" (Ollama's token numbers) is not taken for chunks.
    for (const QJsonValue &chunk : o.value(u"context").toArray())
        if (chunk[u"filename"].isString() && chunk[u"text"].isString())
            r.extra.append({chunk[u"filename"].toString(), chunk[u"text"].toString()});
    r.fileName = o.value(u"file").toString();
    r.commentMarker = o.value(u"comment_marker").toString();
    if (o.contains(u"max_tokens"))
        r.maxTokens = o.value(u"max_tokens").toInt();
    if (o.contains(u"min_tokens"))
        r.minTokens = o.value(u"min_tokens").toInt();
    if (o.contains(u"temperature"))
        r.temperature = o.value(u"temperature").toDouble();
    if (o.contains(u"top_p"))
        r.topP = o.value(u"top_p").toDouble();
    const QJsonValue stop = o.value(u"stop");
    if (stop.isString())
        r.stop = QStringList{stop.toString()};
    for (const QJsonValue &v : stop.toArray())
        r.stop.append(v.toString());
    // 64 bits: a number, or text where JSON numbers would lose digits (the history keeps it so).
    const QJsonValue seed = o.value(u"random_seed");
    if (seed.isString())
        r.randomSeed = seed.toString().toLongLong();
    else if (!seed.isUndefined())
        r.randomSeed = seed.toInteger();
    r.stream = o.value(u"stream").toBool();
    // A llama.cpp or OpenAI-style body (an edited resend) asks for probabilities by its own name.
    for (const QStringView key : {u"n_probs", u"logprobs"}) {
        if (o.value(key).isDouble() && !r.nProbs)
            r.nProbs = o.value(key).toInt();
    }
    return r;
}
