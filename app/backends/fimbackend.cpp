#include "backends/fimbackend.h"

#include "backends/llamacppbackend.h"
#include "backends/mistralbackend.h"
#include "backends/ollamabackend.h"
#include "backends/openaibackend.h"
#include "wire/errorparser.h"
#include "wire/streamdecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {
// Messages under the context "FimBackend"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FimBackend)
};
} // namespace

const FimBackend &FimBackend::forKind(EndpointKind kind)
{
    static const MistralBackend proxy(EndpointKind::Proxy);
    static const MistralBackend codestral(EndpointKind::Codestral);
    static const LlamaCppBackend llamacpp;
    static const OllamaBackend ollama;
    static const OpenAiBackend openai;
    static const MistralBackend replay(EndpointKind::Replay); // ReplayNetworkAccess speaks the proxy's format
    switch (kind) {
    case EndpointKind::Proxy: return proxy;
    case EndpointKind::Codestral: return codestral;
    case EndpointKind::LlamaCpp: return llamacpp;
    case EndpointKind::Ollama: return ollama;
    case EndpointKind::OpenAi: return openai;
    case EndpointKind::Replay: return replay;
    }
    return proxy;
}

SuggestionText::Family FimBackend::answerFamily(const Endpoint &endpoint, const QString &model)
{
    QString noTemplate;
    if (const std::optional<FimTemplate> tmpl = templateFor(endpoint, model, &noTemplate))
        return tmpl->family();
    return SuggestionText::familyForModel(model, endpoint.kind == EndpointKind::Codestral || endpoint.kind == EndpointKind::Proxy);
}

std::optional<FimTemplate> FimBackend::templateFor(const Endpoint &endpoint, const QString &model, QString *error)
{
    const QString &choice = endpoint.promptTemplate;
    if (choice.isEmpty() || !endpoint.takesTemplates())
        return std::nullopt;
    if (choice == u"custom") {
        FimTemplate t{QStringLiteral("custom"), Tr::tr("Custom"), endpoint.customTemplate, endpoint.customStops};
        if (const QString why = t.validationError(); !why.isEmpty()) {
            *error = Tr::tr("The profile's custom template cannot be used: %1").arg(why);
            return std::nullopt;
        }
        return t;
    }
    if (choice == u"auto") {
        if (auto t = FimTemplate::forModel(model))
            return t;
        *error = model.isEmpty()
            ? Tr::tr("The profile builds the prompt from a template chosen by the model's name, but no model is chosen. "
                     "Pick a model in the toolbar or a template in Settings ▸ Endpoints.")
            : Tr::tr("The model name \"%1\" does not tell which FIM template it needs. Pick one in Settings ▸ "
                     "Endpoints ▸ Prompt.")
                  .arg(model);
        return std::nullopt;
    }
    if (auto t = FimTemplate::builtIn(choice))
        return t;
    *error = Tr::tr("The profile names a template \"%1\" that does not exist. Pick one in Settings ▸ Endpoints ▸ Prompt.").arg(choice);
    return std::nullopt;
}

FimError FimBackend::explainError(int status, QByteArrayView body, QByteArrayView retryAfter, const Endpoint &endpoint) const
{
    FimError e = ErrorParser::fromHttp(status, body, retryAfter, endpoint.baseUrl.host());
    if ((status == 401 || status == 403) && endpoint.kind != EndpointKind::Proxy && endpoint.kind != EndpointKind::Codestral) {
        const QString said = ErrorParser::serverMessage(body);
        e.message = QCoreApplication::translate("FimBackend", "%1 refused the request as unauthorized (HTTP %2)%3. Set the "
                                                              "endpoint's API key in Settings or %4.")
                        .arg(endpoint.baseUrl.host())
                        .arg(status)
                        .arg(said.isEmpty() ? QString() : QStringLiteral(" (") + said + QLatin1Char(')'),
                             endpoint.secretEnvironmentVariable());
    }
    return e;
}

void FimBackend::readHealth(const Endpoint &, int, QByteArrayView, HealthReport &) const {}

QList<TokenProbability> FimBackend::probabilitiesIn(const QByteArray &answer) const
{
    QString ignored;
    if (const std::optional<QList<QByteArray>> payloads = StreamDecoder::payloadsOfUnlabelledStream(answer)) {
        QList<TokenProbability> out;
        for (const QByteArray &payload : *payloads) {
            if (const std::optional<StreamChunk> chunk = parseEvent(payload, &ignored))
                out += chunk->probs;
        }
        return out;
    }
    const std::optional<CompletionBody> body = parseBody(answer, &ignored);
    return body ? body->probs : QList<TokenProbability>();
}

std::optional<ModelList> FimBackend::parseModels(QByteArrayView body, QString *error) const
{
    return ModelListParser::parse(body, error);
}

std::optional<WireRequest> FimBackend::withTemplate(const Endpoint &endpoint, const FimRequest &request, QString *error)
{
    QString why;
    WireRequest w;
    w.usedTemplate = templateFor(endpoint, request.model, &why);
    if (!why.isEmpty()) {
        *error = why;
        return std::nullopt;
    }
    if (w.usedTemplate)
        w.rawPrompt = w.usedTemplate->render(request.prompt, request.suffix, request.extra, request.fileName, request.marker());
    return w;
}

QStringList FimBackend::stopsWith(const FimRequest &request, const std::optional<FimTemplate> &tmpl)
{
    QStringList stops = request.stop;
    if (tmpl) {
        for (const QString &s : tmpl->stops)
            if (!stops.contains(s))
                stops.append(s);
    }
    return stops;
}

QString FimBackend::errorIn(const QJsonObject &object)
{
    const QJsonValue e = object.value(u"error");
    if (e.isString())
        return e.toString();
    if (e.isObject())
        return e.toObject().value(u"message").toString(QStringLiteral("error"));
    return {};
}

void FimBackend::writeSampling(QJsonObject &o, const FimRequest &request, const std::optional<FimTemplate> &tmpl,
                               const QString &maxTokensKey, const QString &seedKey)
{
    if (request.maxTokens)
        o.insert(maxTokensKey, *request.maxTokens);
    if (request.temperature)
        o.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.topP)
        o.insert(QStringLiteral("top_p"), *request.topP);
    if (const QStringList stops = stopsWith(request, tmpl); !stops.isEmpty())
        o.insert(QStringLiteral("stop"), QJsonArray::fromStringList(stops));
    if (request.randomSeed)
        o.insert(seedKey, *request.randomSeed);
}

std::optional<CompletionBody> FimBackend::bodyFromObject(QByteArrayView body, QString *error, ObjectReader read)
{
    const std::optional<QJsonObject> o = CompletionParser::parseObject(body, error);
    if (!o)
        return std::nullopt;
    const std::optional<StreamChunk> c = read(*o, error);
    if (!c)
        return std::nullopt;
    CompletionBody out;
    out.text = c->delta;
    out.finishReason = c->end ? c->finishReason : QStringLiteral("stop");
    out.model = o->value(u"model").toString();
    out.usage = c->usage;
    out.server = c->server;
    out.prompt = c->prompt;
    out.probs = c->probs;
    return out;
}

std::optional<StreamChunk> FimBackend::eventFromObject(QByteArrayView data, QString *error, ObjectReader read)
{
    const std::optional<QJsonObject> o = CompletionParser::parseObject(data, error);
    if (!o)
        return std::nullopt;
    return read(*o, error);
}
