#include "backends/ollamabackend.h"

#include "wire/errorparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

// Messages under the context "OllamaBackend"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OllamaBackend)
};

double nsToMs(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() / 1e6 : -1;
}

// One object, whole or a stream line: {model, response, done, done_reason, *_count, *_duration}.
std::optional<StreamChunk> readObject(const QJsonObject &o, QString *error)
{
    if (const QJsonValue e = o.value(u"error"); e.isString()) {
        *error = e.toString();
        return std::nullopt;
    }
    const QJsonValue response = o.value(u"response");
    if (!response.isString() && !o.contains(u"done")) {
        *error = Tr::tr("The answer has no \"response\": it does not look like Ollama's /api/generate.");
        return std::nullopt;
    }
    StreamChunk out;
    out.delta = response.toString();
    out.model = o.value(u"model").toString();
    if (o.value(u"done").toBool()) {
        out.end = true;
        out.finishReason = o.value(u"done_reason").toString(QStringLiteral("stop"));
        ServerTimings s;
        s.promptMs = nsToMs(o.value(u"prompt_eval_duration"));
        s.generationMs = nsToMs(o.value(u"eval_duration"));
        s.promptTokens = o.value(u"prompt_eval_count").toInt(-1);
        s.generatedTokens = o.value(u"eval_count").toInt(-1);
        if (s != ServerTimings{})
            out.server = s;
        if (s.promptTokens >= 0 || s.generatedTokens >= 0)
            out.usage = Usage{s.promptTokens, s.generatedTokens,
                              s.promptTokens >= 0 && s.generatedTokens >= 0 ? s.promptTokens + s.generatedTokens : -1};
    }
    return out;
}

} // namespace

std::optional<WireRequest> OllamaBackend::buildRequest(const Endpoint &endpoint, const FimRequest &request, QString *error) const
{
    if (request.model.isEmpty()) {
        *error = Tr::tr("Ollama needs a model name. Pick one in the toolbar (the Models panel lists what %1 has), or pull "
                        "one first: ollama pull qwen2.5-coder:1.5b")
                     .arg(endpoint.baseUrl.host());
        return std::nullopt;
    }
    std::optional<WireRequest> wire = withTemplate(endpoint, request, error);
    if (!wire)
        return std::nullopt;
    WireRequest &w = *wire;
    const std::optional<FimTemplate> &tmpl = w.usedTemplate;
    w.url = endpoint.url(QStringLiteral("/api/generate"));
    QJsonObject o{{QStringLiteral("model"), request.model}};
    if (tmpl) {
        o.insert(QStringLiteral("prompt"), w.rawPrompt);
        o.insert(QStringLiteral("raw"), true);
    } else {
        o.insert(QStringLiteral("prompt"), request.promptWithExtra()); // no field for extra context: comments first
        o.insert(QStringLiteral("suffix"), request.suffix);
    }
    o.insert(QStringLiteral("stream"), request.stream); // Ollama streams unless told not to
    QJsonObject options;
    writeSampling(options, request, tmpl, QStringLiteral("num_predict"), QStringLiteral("seed"));
    if (!options.isEmpty())
        o.insert(QStringLiteral("options"), options);
    w.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    w.accept = request.stream ? QByteArrayLiteral("application/x-ndjson") : QByteArrayLiteral("application/json");
    return wire;
}

std::optional<CompletionBody> OllamaBackend::parseBody(QByteArrayView body, QString *error) const
{
    return bodyFromObject(body, error, readObject);
}

std::optional<StreamChunk> OllamaBackend::parseEvent(QByteArrayView data, QString *error) const
{
    return eventFromObject(data, error, readObject);
}

FimError OllamaBackend::explainError(int status, QByteArrayView body, QByteArrayView retryAfter, const Endpoint &endpoint) const
{
    FimError e = FimBackend::explainError(status, body, retryAfter, endpoint);
    const QString said = ErrorParser::serverMessage(body);
    const QString host = endpoint.baseUrl.host();
    if (status == 404 && said.contains(u"not found")) {
        // {"error":"model \"x\" not found, try pulling it first"}
        const QString model = said.section(QLatin1Char('"'), 1, 1);
        e.message = model.isEmpty()
            ? Tr::tr("Ollama at %1 does not have that model (%2). Pull it first: ollama pull NAME").arg(host, said)
            : Tr::tr("Ollama at %1 does not have the model \"%2\". Pull it first: ollama pull %2").arg(host, model);
    } else if (status == 400 && said.contains(u"does not support insert")) {
        e.message = Tr::tr("The model cannot fill in the middle through Ollama: its template has no suffix (%1). Choose a "
                           "FIM model (the Models panel marks them, e.g. qwen2.5-coder:1.5b), or pick a template in "
                           "Settings ▸ Endpoints ▸ Prompt to send a raw prompt.")
                        .arg(said);
    }
    return e;
}

void OllamaBackend::readHealth(const Endpoint &, int status, QByteArrayView body, HealthReport &r) const
{
    if (status < 200 || status >= 300)
        return;
    const QJsonObject o = QJsonDocument::fromJson(body.toByteArray()).object();
    if (const QString version = o.value(u"version").toString(); !version.isEmpty()) {
        r.facts.append({Tr::tr("Ollama version"), version});
    } else {
        r.state = HealthReport::State::Degraded;
        r.detail = Tr::tr("/api/version did not say a version: is this Ollama?");
    }
}

std::optional<ModelList> OllamaBackend::parseModels(QByteArrayView body, QString *error) const
{
    const std::optional<QJsonObject> o = CompletionParser::parseObject(body, error);
    if (!o)
        return std::nullopt;
    if (!o->value(u"models").isArray()) {
        *error = Tr::tr("The answer has no \"models\" list: it does not look like Ollama's /api/tags.");
        return std::nullopt;
    }
    ModelList list;
    for (const QJsonValue &v : o->value(u"models").toArray()) {
        const QJsonObject m = v.toObject();
        ModelInfo info;
        info.id = m.value(u"name").toString(m.value(u"model").toString());
        if (info.id.isEmpty())
            continue;
        info.sizeBytes = m.value(u"size").toInteger();
        const QJsonObject details = m.value(u"details").toObject();
        info.details = QStringList{details.value(u"family").toString(), details.value(u"parameter_size").toString(),
                                   details.value(u"quantization_level").toString()}
                           .filter(QRegularExpression(QStringLiteral(".")))
                           .join(QStringLiteral(" · "));
        list.models.append(info);
    }
    return list;
}

std::pair<QUrl, QByteArray> OllamaBackend::modelDetailsRequest(const Endpoint &endpoint, const ModelInfo &model) const
{
    return {endpoint.url(QStringLiteral("/api/show")),
            QJsonDocument(QJsonObject{{QStringLiteral("model"), model.id}}).toJson(QJsonDocument::Compact)};
}

void OllamaBackend::readModelDetails(QByteArrayView body, ModelInfo &model) const
{
    const QJsonObject o = QJsonDocument::fromJson(body.toByteArray()).object();
    const QJsonValue caps = o.value(u"capabilities");
    if (caps.isArray())
        model.fimCapable = caps.toArray().contains(QStringLiteral("insert"));
    const QJsonObject info = o.value(u"model_info").toObject();
    for (auto it = info.begin(); it != info.end(); ++it) {
        if (it.key().endsWith(u".context_length") && model.maxContextLength == 0)
            model.maxContextLength = it.value().toInt();
    }
}

bool OllamaBackend::refusesSuffix(int status, QByteArrayView body) const
{
    return status == 400 && ErrorParser::serverMessage(body).contains(u"does not support insert");
}
