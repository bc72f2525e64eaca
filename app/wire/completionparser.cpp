#include "wire/completionparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Messages under the context "CompletionParser"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CompletionParser)
};

} // namespace

std::optional<QJsonObject> CompletionParser::parseObject(QByteArrayView bytes, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Tr::tr("The answer is not valid JSON (%1 at byte %2).").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = Tr::tr("The answer is JSON but not an object.");
        return std::nullopt;
    }
    return doc.object();
}

namespace {

std::optional<Usage> parseUsage(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    Usage u;
    u.promptTokens = o.value(u"prompt_tokens").toInt(-1);
    u.completionTokens = o.value(u"completion_tokens").toInt(-1);
    u.totalTokens = o.value(u"total_tokens").toInt(-1);
    if (u.totalTokens < 0 && u.promptTokens >= 0 && u.completionTokens >= 0)
        u.totalTokens = u.promptTokens + u.completionTokens;
    return u;
}

QString finishReasonOf(const QJsonObject &choice)
{
    const QJsonValue v = choice.value(u"finish_reason");
    return v.isString() ? v.toString() : QString();
}

} // namespace

namespace CompletionParser {

std::optional<CompletionBody> parseBody(QByteArrayView body, QString *error)
{
    const std::optional<QJsonObject> root = parseObject(body, error);
    if (!root)
        return std::nullopt;
    const QJsonArray choices = root->value(u"choices").toArray();
    if (choices.isEmpty() || !choices.at(0).isObject()) {
        *error = Tr::tr("The answer has no choices: it does not look like a FIM completion.");
        return std::nullopt;
    }
    const QJsonObject choice = choices.at(0).toObject();
    CompletionBody out;
    const QJsonValue message = choice.value(u"message");
    const QJsonValue text = choice.value(u"text");
    if (message.isObject()) {
        const QJsonValue content = message.toObject().value(u"content");
        if (!content.isString() && !content.isNull()) {
            *error = Tr::tr("choices[0].message.content is not a string.");
            return std::nullopt;
        }
        out.text = content.toString();
    } else if (text.isString()) {
        out.text = text.toString();
    } else {
        *error = Tr::tr("The first choice has neither message.content nor text.");
        return std::nullopt;
    }
    out.finishReason = finishReasonOf(choice);
    out.model = root->value(u"model").toString();
    out.usage = parseUsage(root->value(u"usage"));
    out.server = serverTimingsFromLlamaCpp(*root); // llama-server's /v1/completions adds its own
    out.probs = TokenProbabilities::fromOpenAi(choice.value(u"logprobs"));
    return out;
}

std::optional<StreamChunk> parseChunk(QByteArrayView data, QString *error)
{
    const std::optional<QJsonObject> root = parseObject(data, error);
    if (!root)
        return std::nullopt;
    StreamChunk out;
    out.usage = parseUsage(root->value(u"usage"));
    const QJsonArray choices = root->value(u"choices").toArray();
    if (choices.isEmpty()) {
        // A usage-only chunk is fine; anything else has no business in the stream.
        if (out.usage)
            return out;
        if (root->contains(u"error") || root->contains(u"message") || root->contains(u"detail")) {
            *error = Tr::tr("The stream carried an error.");
            return std::nullopt;
        }
        *error = Tr::tr("A stream event has no choices.");
        return std::nullopt;
    }
    const QJsonObject choice = choices.at(0).toObject();
    const QJsonValue delta = choice.value(u"delta");
    if (delta.isObject())
        out.delta = delta.toObject().value(u"content").toString();
    else
        out.delta = choice.value(u"text").toString();
    out.finishReason = finishReasonOf(choice);
    out.server = serverTimingsFromLlamaCpp(*root);
    out.probs = TokenProbabilities::fromOpenAi(choice.value(u"logprobs"));
    out.model = root->value(u"model").toString();
    return out;
}

} // namespace CompletionParser
