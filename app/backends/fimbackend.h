#pragma once

#include "text/suggestiontext.h"
#include "wire/completionparser.h"
#include "wire/endpoint.h"
#include "wire/fimerror.h"
#include "wire/fimrequest.h"
#include "wire/fimtemplate.h"
#include "wire/healthreport.h"
#include "wire/modellistparser.h"

#include <QByteArray>
#include <QUrl>

#include <optional>

// How a streamed answer is framed on the wire.
enum class StreamFraming { Sse, Ndjson };

// One request as it goes on the wire, built by a backend from a FimRequest.
struct WireRequest
{
    QUrl url;
    QByteArray body;
    QByteArray accept;
    // Set when the playground built the prompt itself from a template: the template and the raw
    // prompt as the model reads it. Unset when the server builds the prompt from prefix and suffix.
    std::optional<FimTemplate> usedTemplate;
    QString rawPrompt;
};

// One wire format: how a request is written, how answers, streams, errors, health and model lists
// read. One subclass per format, each in its own file; stateless, so one instance per kind serves
// every request (forKind). FimClient, HealthMonitor and ModelsFetcher know no format of their own.
class FimBackend
{
public:
    virtual ~FimBackend() = default;

    static const FimBackend &forKind(EndpointKind kind);
    // The template a request for this model is rendered with, or nullopt when the server builds
    // the prompt (the profile says so, or the kind takes no template). When the profile asks for
    // one that cannot be had ("auto" for a model whose name tells nothing), *error says why.
    static std::optional<FimTemplate> templateFor(const Endpoint &endpoint, const QString &model, QString *error);
    // Whose special tokens an answer may leak: the template's family, else the model name's (an
    // empty name on Codestral or a proxy is Codestral).
    static SuggestionText::Family answerFamily(const Endpoint &endpoint, const QString &model);

    virtual EndpointKind kind() const = 0;

    // The request for one completion; nullopt with *error when it cannot be made (a model is
    // needed, the template is unusable). request.model is already defaulted by the caller.
    virtual std::optional<WireRequest> buildRequest(const Endpoint &endpoint, const FimRequest &request,
                                                    QString *error) const = 0;
    // The framing the server streams in. A server that answers in the other framing is read anyway:
    // the Content-Type decides.
    virtual StreamFraming streamFraming() const { return StreamFraming::Sse; }
    virtual std::optional<CompletionBody> parseBody(QByteArrayView body, QString *error) const = 0;
    // One event of a stream: an SSE event's data or an NDJSON line.
    virtual std::optional<StreamChunk> parseEvent(QByteArrayView data, QString *error) const = 0;
    // The token probabilities of a recorded answer, whole or a stream (as the inspector and the
    // history keep it): read as parseBody() or parseEvent() read them. Empty when it has none.
    QList<TokenProbability> probabilitiesIn(const QByteArray &answer) const;
    // An HTTP error status as a FimError whose message says what to do about it on this kind of
    // server. The default reads every shape ErrorParser knows.
    virtual FimError explainError(int status, QByteArrayView body, QByteArrayView retryAfter, const Endpoint &endpoint) const;

    // Whether an error answer says the server cannot fill in the middle from prefix and suffix for
    // this model (vLLM's 400 on "suffix", Ollama's "does not support insert"): the request can then
    // go again as a raw prompt, with the template the model's name gives.
    virtual bool refusesSuffix(int, QByteArrayView) const { return false; }

    // What the inspector should say of a successful answer beyond its text, in words, from the
    // request body and the answer's bytes (llama-server truncated the prompt; a server that took
    // the request but ignores "suffix"), or empty.
    virtual QString answerNote(QByteArrayView, QByteArrayView) const { return {}; }

    // What a request body sent to url must hold, as Edit and resend checks it: the fields that
    // must be there (as strings), and those that must be strings when there. Each route its own:
    // llama.cpp's /infill takes input_prefix and input_suffix, every other route a prompt.
    struct BodyFields
    {
        QStringList required;
        QStringList text;
    };
    virtual BodyFields bodyFields(const QUrl &) const
    {
        return {{QStringLiteral("prompt")}, {QStringLiteral("prompt"), QStringLiteral("suffix")}};
    }

    virtual QUrl healthUrl(const Endpoint &endpoint) const = 0;
    // Adjusts a health report from the answer to healthUrl(): r already holds the generic verdict
    // for the status (ok, down, unauthorized, ...); this adds what the body says on this kind.
    virtual void readHealth(const Endpoint &endpoint, int status, QByteArrayView body, HealthReport &r) const;
    // A second look once the server answers (llama.cpp /props, our proxy's /v1/usage): its facts
    // join the report. Asked once per endpoint, or after every check when the facts change
    // (infoChanges). A 401/403 there means the secret is refused even where /health is open.
    virtual QUrl infoUrl(const Endpoint &) const { return {}; }
    virtual void readInfo(QByteArrayView, HealthReport &) const {}
    virtual bool infoChanges() const { return false; }

    virtual QUrl modelsUrl(const Endpoint &endpoint) const = 0;
    virtual std::optional<ModelList> parseModels(QByteArrayView body, QString *error) const;
    // The list to show when the model route answers 404 (codestral.mistral.ai), or nullopt.
    virtual std::optional<ModelList> modelsWhenMissing() const { return std::nullopt; }
    // Per-model details asked for after the list (Ollama's POST /api/show): URL and body, or no URL.
    virtual std::pair<QUrl, QByteArray> modelDetailsRequest(const Endpoint &, const ModelInfo &) const { return {}; }
    virtual void readModelDetails(QByteArrayView, ModelInfo &) const {}

protected:
    // A wire request with the template settled: usedTemplate and rawPrompt set when one applies;
    // nullopt with *error when the profile asks for one that cannot be had.
    static std::optional<WireRequest> withTemplate(const Endpoint &endpoint, const FimRequest &request, QString *error);
    // The request's stop sequences and the template's.
    static QStringList stopsWith(const FimRequest &request, const std::optional<FimTemplate> &tmpl);
    // Writes max tokens (under the format's own name), temperature, top_p, the stops (the
    // template's too) and the seed, each only when set.
    static void writeSampling(QJsonObject &o, const FimRequest &request, const std::optional<FimTemplate> &tmpl,
                              const QString &maxTokensKey, const QString &seedKey);
    // For formats whose whole answer is shaped like their last stream event (llama.cpp, Ollama):
    // the body or event read by the format's reader of one object.
    using ObjectReader = std::optional<StreamChunk> (*)(const QJsonObject &object, QString *error);
    static std::optional<CompletionBody> bodyFromObject(QByteArrayView body, QString *error, ObjectReader read);
    static std::optional<StreamChunk> eventFromObject(QByteArrayView data, QString *error, ObjectReader read);
    // The JSON answer's error text ({"error": "..."} or {"error": {"message": ...}}), or empty.
    static QString errorIn(const QJsonObject &object);
};
