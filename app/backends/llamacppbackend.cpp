#include "backends/llamacppbackend.h"

#include "wire/errorparser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Messages under the context "LlamaCppBackend"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LlamaCppBackend)
};

// One answer object, whole or streamed: {content, stop, stop_type, timings, tokens_*, ...}.
std::optional<StreamChunk> readObject(const QJsonObject &o, QString *error)
{
    if (o.contains(u"error")) {
        *error = ErrorParser::serverMessage(QJsonDocument(o).toJson(QJsonDocument::Compact));
        return std::nullopt;
    }
    const QJsonValue content = o.value(u"content");
    if (!content.isString()) {
        *error = Tr::tr("The answer has no \"content\": it does not look like llama-server's.");
        return std::nullopt;
    }
    StreamChunk out;
    out.delta = content.toString();
    if (o.value(u"stop").toBool()) {
        out.end = true;
        out.finishReason = LlamaCppBackend::finishReason(o.value(u"stop_type").toString());
    }
    out.server = serverTimingsFromLlamaCpp(o);
    // With "n_probs": each event carries its own tokens', the whole answer all of them.
    out.probs = TokenProbabilities::fromLlamaCpp(o.value(u"completion_probabilities").toArray());
    // The final object repeats the prompt as the server built it, FIM tokens and all.
    out.prompt = o.value(u"prompt").toString();
    out.model = o.value(u"model").toString(); // the last event's, or the whole answer's: the .gguf it loaded
    const int evaluated = o.value(u"tokens_evaluated").toInt(-1);
    const int predicted = o.value(u"tokens_predicted").toInt(-1);
    if (evaluated >= 0 || predicted >= 0)
        out.usage = Usage{evaluated, predicted, evaluated >= 0 && predicted >= 0 ? evaluated + predicted : -1};
    return out;
}

} // namespace

QString LlamaCppBackend::finishReason(const QString &stopType)
{
    if (stopType == u"limit")
        return QStringLiteral("length");
    return QStringLiteral("stop"); // eos, word, or an older server that does not say
}

std::optional<WireRequest> LlamaCppBackend::buildRequest(const Endpoint &endpoint, const FimRequest &request, QString *error) const
{
    std::optional<WireRequest> wire = withTemplate(endpoint, request, error);
    if (!wire)
        return std::nullopt;
    WireRequest &w = *wire;
    const std::optional<FimTemplate> &tmpl = w.usedTemplate;
    QJsonObject o;
    if (tmpl) {
        w.url = endpoint.url(QStringLiteral("/completion"));
        o.insert(QStringLiteral("prompt"), w.rawPrompt);
    } else {
        w.url = endpoint.url(QStringLiteral("/infill"));
        o.insert(QStringLiteral("input_prefix"), request.prompt);
        o.insert(QStringLiteral("input_suffix"), request.suffix);
        // The server builds the repository prompt from input_extra (llama.vim's form); the prompt it
        // reports in its answer is the one the model read.
        if (!request.extra.isEmpty())
            o.insert(QStringLiteral("input_extra"), ExtraContext::toJson(request.extra));
    }
    if (!request.model.isEmpty())
        o.insert(QStringLiteral("model"), request.model);
    writeSampling(o, request, tmpl, QStringLiteral("n_predict"), QStringLiteral("seed"));
    if (request.nProbs)
        o.insert(QStringLiteral("n_probs"), *request.nProbs);
    o.insert(QStringLiteral("stream"), request.stream);
    o.insert(QStringLiteral("cache_prompt"), true);
    w.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    w.accept = request.stream ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json");
    return wire;
}

std::optional<CompletionBody> LlamaCppBackend::parseBody(QByteArrayView body, QString *error) const
{
    return bodyFromObject(body, error, readObject);
}

std::optional<StreamChunk> LlamaCppBackend::parseEvent(QByteArrayView data, QString *error) const
{
    // Some proxies in front of llama-server add an OpenAI-style end marker: harmless.
    if (data == "[DONE]") {
        StreamChunk done;
        done.end = true;
        return done;
    }
    return eventFromObject(data, error, readObject);
}

FimError LlamaCppBackend::explainError(int status, QByteArrayView body, QByteArrayView retryAfter, const Endpoint &endpoint) const
{
    FimError e = FimBackend::explainError(status, body, retryAfter, endpoint);
    const QString host = endpoint.baseUrl.host();
    if (status == 501) {
        e.kind = FimError::Kind::Invalid;
        e.message = Tr::tr("The model loaded in llama-server at %1 has no FIM tokens, so /infill cannot work (HTTP 501). "
                           "Start llama-server with a FIM model (Qwen2.5-Coder, StarCoder2, CodeLlama, DeepSeek-Coder), or pick "
                           "a template in Settings ▸ Endpoints ▸ Prompt to send a raw prompt to /completion.")
                        .arg(host);
    } else if (status == 400) {
        // {"error": {"type": "exceed_context_size_error", "n_prompt_tokens": 1540, "n_ctx": 256, ...}}
        const QJsonObject err = QJsonDocument::fromJson(body.toByteArray()).object().value(u"error").toObject();
        if (err.value(u"type").toString() == u"exceed_context_size_error") {
            e.kind = FimError::Kind::Invalid;
            e.message = Tr::tr("llama-server at %1 refused the prompt: it is %2 tokens, and its context holds %3 per slot "
                               "(nothing was truncated, nothing generated). Send less context (a shorter prefix or suffix), "
                               "or start llama-server with a larger context: -c %4 per slot, times the slots of -np.")
                            .arg(host)
                            .arg(err.value(u"n_prompt_tokens").toInt())
                            .arg(err.value(u"n_ctx").toInt())
                            .arg(std::max(4096, err.value(u"n_prompt_tokens").toInt() * 2));
        }
    } else if (status == 503) {
        e.message = Tr::tr("llama-server at %1 is still loading the model (HTTP 503). Wait until the Health panel says "
                           "ready, then ask again.")
                        .arg(host);
    }
    return e;
}

FimBackend::BodyFields LlamaCppBackend::bodyFields(const QUrl &url) const
{
    // /infill builds the prompt from the text around the cursor; /completion (a template) takes it whole.
    if (url.path().endsWith(u"/infill"))
        return {{QStringLiteral("input_prefix")}, {QStringLiteral("input_prefix"), QStringLiteral("input_suffix"), QStringLiteral("prompt")}};
    return {{QStringLiteral("prompt")}, {QStringLiteral("prompt")}};
}

QString LlamaCppBackend::answerNote(QByteArrayView, QByteArrayView answer) const
{
    // Older llama-servers cut a prompt longer than the context and say so in the answer's last
    // object; today's refuse it (400, exceed_context_size_error: see explainError).
    if (answer.contains(QByteArrayView("\"truncated\":true")))
        return Tr::tr("llama-server truncated the prompt (\"truncated\": true): it was longer than the context, and the "
                      "model did not see all of it.");
    return {};
}

void LlamaCppBackend::readHealth(const Endpoint &endpoint, int status, QByteArrayView body, HealthReport &r) const
{
    if (status == 503) {
        r.state = HealthReport::State::Degraded;
        r.detail = Tr::tr("llama-server at %1 is loading the model.").arg(endpoint.baseUrl.host());
        r.facts.append({Tr::tr("State"), Tr::tr("loading")});
        return;
    }
    if (status >= 200 && status < 300) {
        const QJsonObject o = QJsonDocument::fromJson(body.toByteArray()).object();
        const QString said = o.value(u"status").toString();
        r.facts.append({Tr::tr("State"), said == u"ok" || said.isEmpty() ? Tr::tr("ready") : said});
    }
}

void LlamaCppBackend::readInfo(QByteArrayView body, HealthReport &r) const
{
    const QJsonObject o = QJsonDocument::fromJson(body.toByteArray()).object();
    const QJsonObject settings = o.value(u"default_generation_settings").toObject();
    const int nCtx = settings.value(u"n_ctx").toInt(o.value(u"n_ctx").toInt(0));
    if (nCtx > 0)
        r.facts.append({Tr::tr("Context (n_ctx)"), QString::number(nCtx)});
    r.contextTokens = std::max(0, nCtx);
    if (const QString path = o.value(u"model_path").toString(); !path.isEmpty())
        r.facts.append({Tr::tr("Model file"), path.section(QLatin1Char('/'), -1)});
    if (const int slotCount = o.value(u"total_slots").toInt(0); slotCount > 0)
        r.facts.append({Tr::tr("Slots"), QString::number(slotCount)});
}
