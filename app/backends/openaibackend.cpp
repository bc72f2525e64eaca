#include "backends/openaibackend.h"

#include "wire/errorparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Messages under the context "OpenAiBackend"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OpenAiBackend)
};
} // namespace

QUrl OpenAiBackend::route(const Endpoint &endpoint, const QString &path)
{
    const bool bareHost = endpoint.url(QString()).path().isEmpty();
    return endpoint.url(bareHost ? QStringLiteral("/v1") + path : path);
}

std::optional<WireRequest> OpenAiBackend::buildRequest(const Endpoint &endpoint, const FimRequest &request, QString *error) const
{
    std::optional<WireRequest> wire = withTemplate(endpoint, request, error);
    if (!wire)
        return std::nullopt;
    WireRequest &w = *wire;
    const std::optional<FimTemplate> &tmpl = w.usedTemplate;
    w.url = route(endpoint, QStringLiteral("/completions"));
    QJsonObject o;
    if (!request.model.isEmpty())
        o.insert(QStringLiteral("model"), request.model);
    if (tmpl) {
        o.insert(QStringLiteral("prompt"), w.rawPrompt);
    } else {
        o.insert(QStringLiteral("prompt"), request.promptWithExtra()); // no field for extra context: comments first
        o.insert(QStringLiteral("suffix"), request.suffix);
    }
    writeSampling(o, request, tmpl, QStringLiteral("max_tokens"), QStringLiteral("seed"));
    if (request.nProbs)
        o.insert(QStringLiteral("logprobs"), *request.nProbs);
    if (request.stream)
        o.insert(QStringLiteral("stream"), true);
    w.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    w.accept = request.stream ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json");
    return wire;
}

std::optional<CompletionBody> OpenAiBackend::parseBody(QByteArrayView body, QString *error) const
{
    return CompletionParser::parseBody(body, error);
}

std::optional<StreamChunk> OpenAiBackend::parseEvent(QByteArrayView data, QString *error) const
{
    if (data == "[DONE]") {
        StreamChunk done;
        done.end = true;
        return done;
    }
    return CompletionParser::parseChunk(data, error);
}

FimError OpenAiBackend::explainError(int status, QByteArrayView body, QByteArrayView retryAfter, const Endpoint &endpoint) const
{
    FimError e = FimBackend::explainError(status, body, retryAfter, endpoint);
    const QString said = ErrorParser::serverMessage(body);
    if ((status == 400 || status == 422) && said.contains(u"suffix", Qt::CaseInsensitive)) {
        e.message = Tr::tr("%1 refuses \"suffix\" (%2): this server does not do fill-in-the-middle by itself. Pick a template "
                           "for the model in Settings ▸ Endpoints ▸ Prompt: the prompt then carries the FIM tokens.")
                        .arg(endpoint.baseUrl.host(), said);
    }
    return e;
}

QString OpenAiBackend::answerNote(QByteArrayView requestBody, QByteArrayView answer) const
{
    // Seen on Debian's llama-server: its OpenAI-style /v1/completions takes "suffix" without a word
    // and ignores it (prompt_tokens counts the prefix alone). Its answers carry llama.cpp's own
    // "timings", which no other OpenAI-style server sends.
    const QJsonObject request = QJsonDocument::fromJson(requestBody.toByteArray()).object();
    if (!request.contains(u"suffix") || request.value(u"suffix").toString().isEmpty())
        return {};
    if (!answer.contains(QByteArrayView("\"timings\":{")) || !answer.contains(QByteArrayView("\"prompt_n\"")))
        return {};
    return Tr::tr("This is llama-server: its /v1/completions ignores \"suffix\", so the model saw only the text before the "
                  "cursor. Choose the kind llama.cpp (/infill), or a FIM template, to fill in the middle.");
}

bool OpenAiBackend::refusesSuffix(int status, QByteArrayView body) const
{
    return (status == 400 || status == 422) && ErrorParser::serverMessage(body).contains(u"suffix", Qt::CaseInsensitive);
}
