#include "fakeservers.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject llamaTimings(int predicted)
{
    return QJsonObject{{QStringLiteral("cache_n"), 12},
                       {QStringLiteral("prompt_n"), 30},
                       {QStringLiteral("prompt_ms"), 41.5},
                       {QStringLiteral("prompt_per_token_ms"), 1.383},
                       {QStringLiteral("prompt_per_second"), 722.9},
                       {QStringLiteral("predicted_n"), predicted},
                       {QStringLiteral("predicted_ms"), 80.25},
                       {QStringLiteral("predicted_per_token_ms"), 80.25 / std::max(predicted, 1)},
                       {QStringLiteral("predicted_per_second"), predicted * 1000.0 / 80.25}};
}

QJsonObject llamaFinal(const QString &content, const QString &stopType, int predicted)
{
    return QJsonObject{{QStringLiteral("index"), 0},
                       {QStringLiteral("content"), content},
                       {QStringLiteral("tokens"), QJsonArray()},
                       {QStringLiteral("id_slot"), 0},
                       {QStringLiteral("stop"), true},
                       {QStringLiteral("model"), QStringLiteral("qwen2.5-coder-1.5b-q8_0.gguf")},
                       {QStringLiteral("tokens_predicted"), predicted},
                       {QStringLiteral("tokens_evaluated"), 42},
                       {QStringLiteral("has_new_line"), false},
                       {QStringLiteral("truncated"), false},
                       {QStringLiteral("stop_type"), stopType},
                       // As Debian's llama-server builds it for a model with repo and file-separator tokens (Qwen2.5-Coder):
                       // a repository header first, then the FIM tokens.
                       {QStringLiteral("prompt"), QStringLiteral("<|repo_name|>myproject\n<|file_sep|>filename\n<|fim_prefix|>def add(a, b):\n    <|fim_suffix|>\n<|fim_middle|>")},
                       {QStringLiteral("stopping_word"), QString()},
                       {QStringLiteral("tokens_cached"), 12},
                       {QStringLiteral("timings"), llamaTimings(predicted)}};
}

QJsonObject ollamaObject(const QString &model, const QString &response, bool done, const QString &doneReason, int count)
{
    QJsonObject o{{QStringLiteral("model"), model},
                  {QStringLiteral("created_at"), QStringLiteral("2026-11-25T10:00:00.123456789Z")},
                  {QStringLiteral("response"), response},
                  {QStringLiteral("done"), done}};
    if (done) {
        o.insert(QStringLiteral("done_reason"), doneReason);
        o.insert(QStringLiteral("context"), QJsonArray{151659, 750, 912});
        o.insert(QStringLiteral("total_duration"), 412345678);
        o.insert(QStringLiteral("load_duration"), 20123456);
        o.insert(QStringLiteral("prompt_eval_count"), 26);
        o.insert(QStringLiteral("prompt_eval_duration"), 130079000);
        o.insert(QStringLiteral("eval_count"), count);
        o.insert(QStringLiteral("eval_duration"), 250500000);
    }
    return o;
}

QJsonObject openaiObject(const QString &model, const QString &text, const QJsonValue &finishReason)
{
    const QJsonObject choice{{QStringLiteral("text"), text},
                             {QStringLiteral("index"), 0},
                             {QStringLiteral("logprobs"), QJsonValue()},
                             {QStringLiteral("finish_reason"), finishReason}};
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("cmpl-7f3a")},
                       {QStringLiteral("object"), QStringLiteral("text_completion")},
                       {QStringLiteral("created"), 1764064800},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("choices"), QJsonArray{choice}}};
}

FakeUpstream::Reply chunkedWith(const QByteArray &contentType, const QList<QByteArray> &pieces, int delayMs)
{
    FakeUpstream::Reply r;
    r.headers = {{"Content-Type", contentType}};
    r.chunks = pieces;
    r.chunked = true;
    r.chunkDelayMs = delayMs;
    return r;
}

} // namespace

namespace FakeServers {

FakeUpstream::Reply llamaAnswer(const QString &text, const QString &stopType)
{
    return FakeUpstream::json(200, compact(llamaFinal(text, stopType, 5)));
}

FakeUpstream::Reply llamaStream(const QStringList &deltas, int delayMs, bool last)
{
    QList<QByteArray> pieces;
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        const QJsonObject o{{QStringLiteral("index"), 0},
                            {QStringLiteral("content"), deltas.at(i)},
                            {QStringLiteral("tokens"), QJsonArray{int(100 + i)}},
                            {QStringLiteral("stop"), false},
                            {QStringLiteral("id_slot"), -1},
                            {QStringLiteral("tokens_predicted"), int(i + 1)},
                            {QStringLiteral("tokens_evaluated"), 42}};
        pieces << "data: " + compact(o) + "\n\n";
    }
    if (last)
        pieces << "data: " + compact(llamaFinal(QString(), QStringLiteral("eos"), int(deltas.size()))) + "\n\n";
    // No [DONE] on /infill: the chunked body just ends.
    return FakeUpstream::sse(pieces, delayMs);
}

QByteArray llamaProps(int nCtx)
{
    const QJsonObject settings{{QStringLiteral("n_ctx"), nCtx}, {QStringLiteral("temperature"), 0.8}};
    return compact(QJsonObject{{QStringLiteral("default_generation_settings"), settings},
                               {QStringLiteral("total_slots"), 1},
                               {QStringLiteral("model_path"), QStringLiteral("/models/qwen2.5-coder-1.5b-q8_0.gguf")},
                               {QStringLiteral("build_info"), QStringLiteral("b4500-abcdef1")}});
}

FakeUpstream::Reply llamaLoading()
{
    return FakeUpstream::json(503, R"({"error":{"code":503,"message":"Loading model","type":"unavailable_error"}})");
}

FakeUpstream::Reply llamaNoInfill()
{
    return FakeUpstream::json(
        501, R"({"error":{"code":501,"message":"Infill is not supported by this model: prefix token is missing. ","type":"not_supported_error"}})");
}

FakeUpstream::Reply ollamaAnswer(const QString &text, const QString &model, const QString &doneReason)
{
    FakeUpstream::Reply r = FakeUpstream::json(200, compact(ollamaObject(model, text, true, doneReason, 7)));
    r.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    return r;
}

FakeUpstream::Reply ollamaStream(const QStringList &deltas, const QString &model, int delayMs, bool done)
{
    QList<QByteArray> pieces;
    for (const QString &d : deltas)
        pieces << compact(ollamaObject(model, d, false, {}, 0)) + '\n';
    if (done)
        pieces << compact(ollamaObject(model, QString(), true, QStringLiteral("stop"), int(deltas.size()))) + '\n';
    return chunkedWith("application/x-ndjson", pieces, delayMs);
}

QByteArray ollamaVersion()
{
    return R"({"version":"0.12.6"})";
}

QByteArray ollamaTags()
{
    const QJsonObject qwen{{QStringLiteral("name"), QStringLiteral("qwen2.5-coder:1.5b")},
                           {QStringLiteral("model"), QStringLiteral("qwen2.5-coder:1.5b")},
                           {QStringLiteral("modified_at"), QStringLiteral("2026-11-20T09:00:00Z")},
                           {QStringLiteral("size"), qint64(986061892)},
                           {QStringLiteral("digest"), QStringLiteral("6d3abb8d2d53")},
                           {QStringLiteral("details"),
                            QJsonObject{{QStringLiteral("format"), QStringLiteral("gguf")},
                                        {QStringLiteral("family"), QStringLiteral("qwen2")},
                                        {QStringLiteral("parameter_size"), QStringLiteral("1.5B")},
                                        {QStringLiteral("quantization_level"), QStringLiteral("Q4_K_M")}}}};
    const QJsonObject llama{{QStringLiteral("name"), QStringLiteral("llama3.2:1b")},
                            {QStringLiteral("model"), QStringLiteral("llama3.2:1b")},
                            {QStringLiteral("size"), qint64(1321098329)},
                            {QStringLiteral("details"),
                             QJsonObject{{QStringLiteral("family"), QStringLiteral("llama")},
                                         {QStringLiteral("parameter_size"), QStringLiteral("1.2B")}}}};
    return compact(QJsonObject{{QStringLiteral("models"), QJsonArray{qwen, llama}}});
}

QByteArray ollamaShow(bool insert)
{
    QJsonArray caps{QStringLiteral("completion")};
    if (insert)
        caps.append(QStringLiteral("insert"));
    return compact(QJsonObject{{QStringLiteral("capabilities"), caps},
                               {QStringLiteral("model_info"), QJsonObject{{QStringLiteral("qwen2.context_length"), 32768}}}});
}

FakeUpstream::Reply ollamaNotFound(const QString &model)
{
    return FakeUpstream::json(404, compact(QJsonObject{
                                       {QStringLiteral("error"), QStringLiteral("model \"%1\" not found, try pulling it first").arg(model)}}));
}

FakeUpstream::Reply ollamaNoInsert(const QString &model)
{
    return FakeUpstream::json(400, compact(QJsonObject{
                                       {QStringLiteral("error"), QStringLiteral("registry.ollama.ai/library/%1 does not support insert").arg(model)}}));
}

FakeUpstream::Reply openaiAnswer(const QString &text, const QString &model, const QString &finishReason)
{
    QJsonObject o = openaiObject(model, text, finishReason);
    o.insert(QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 31},
                                                  {QStringLiteral("completion_tokens"), 6},
                                                  {QStringLiteral("total_tokens"), 37}});
    return FakeUpstream::json(200, compact(o));
}

FakeUpstream::Reply openaiStream(const QStringList &deltas, const QString &model, int delayMs, bool done)
{
    QList<QByteArray> pieces;
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        const bool last = i + 1 == deltas.size();
        pieces << "data: " + compact(openaiObject(model, deltas.at(i), last ? QJsonValue(QStringLiteral("stop")) : QJsonValue()))
                + "\n\n";
    }
    if (done)
        pieces << "data: [DONE]\n\n";
    return FakeUpstream::sse(pieces, delayMs);
}

QByteArray openaiModels()
{
    return R"({"object":"list","data":[{"id":"deepseek-coder","object":"model","owned_by":"deepseek"},{"id":"qwen2.5-coder-7b-instruct","object":"model","owned_by":"organization_owner"}]})";
}

FakeUpstream::Reply openaiSuffixRefused()
{
    return FakeUpstream::json(
        400, R"({"object":"error","message":"suffix is not currently supported","type":"BadRequestError","param":null,"code":400})");
}

QByteArray proxyUsage(const QString &member, int requests, int tokens, int dailyRequests, int dailyTokens,
                      const QList<QPair<int, int>> &earlierDays)
{
    const auto quota = [](int n) { return n < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(n); };
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const auto day = [](const QDate &date, int requests, int tokens) {
        // The upstream counts about two prompt tokens for each completion token.
        return QJsonObject{{QStringLiteral("day"), date.toString(Qt::ISODate)},
                           {QStringLiteral("requests"), requests},
                           {QStringLiteral("prompt_tokens"), tokens - tokens / 3},
                           {QStringLiteral("completion_tokens"), tokens / 3},
                           {QStringLiteral("errors"), 0},
                           {QStringLiteral("cache_hits"), requests / 4},
                           {QStringLiteral("latency_ms"), requests * 230}};
    };
    QJsonArray days;
    if (requests > 0)
        days.append(day(today, requests, tokens));
    for (qsizetype i = 0; i < earlierDays.size(); ++i)
        days.append(day(today.addDays(-1 - i), earlierDays[i].first, earlierDays[i].second));
    const QTime now = QDateTime::currentDateTimeUtc().time();
    return compact(QJsonObject{{QStringLiteral("object"), QStringLiteral("usage")},
                               {QStringLiteral("member"), member},
                               {QStringLiteral("quota"), QJsonObject{{QStringLiteral("daily_requests"), quota(dailyRequests)},
                                                                     {QStringLiteral("daily_tokens"), quota(dailyTokens)}}},
                               {QStringLiteral("today"), day(today, requests, tokens)},
                               {QStringLiteral("resets_in_s"), 86400 - now.msecsSinceStartOfDay() / 1000},
                               {QStringLiteral("days"), days}});
}

QByteArray completionPath(EndpointKind kind)
{
    switch (kind) {
    case EndpointKind::Proxy:
    case EndpointKind::Codestral:
    case EndpointKind::Replay: return "/v1/fim/completions"; // no fake: ReplayNetworkAccess answers in-process
    case EndpointKind::LlamaCpp: return "/infill";
    case EndpointKind::Ollama: return "/api/generate";
    case EndpointKind::OpenAi: return "/v1/completions";
    }
    return {};
}

void serve(FakeUpstream &server, EndpointKind kind, const QString &text, int chunkDelayMs, int chunks, int firstDelayMs, bool tag)
{
    const QString tagged = tag ? text + QStringLiteral(" /*%1*/").arg(endpointKindName(kind)) : text;
    serveWith(server, kind, [tagged](const QJsonObject &) { return tagged; }, chunkDelayMs, chunks, firstDelayMs);
}

QString seedAndModel(const QJsonObject &body)
{
    const QJsonObject options = body.value(u"options").toObject(); // Ollama's sampling
    const QJsonValue seed = body.contains(u"random_seed") ? body.value(u"random_seed")
        : body.contains(u"seed")                          ? body.value(u"seed")
                                                          : options.value(u"seed");
    const QJsonValue temperature = body.contains(u"temperature") ? body.value(u"temperature") : options.value(u"temperature");
    return QStringLiteral("seed=%1 model=%2 temperature=%3")
        .arg(seed.isUndefined() ? QStringLiteral("none") : QString::number(seed.toInteger()),
             body.value(u"model").toString(QStringLiteral("none")),
             temperature.isUndefined() ? QStringLiteral("none") : QString::number(temperature.toDouble()));
}

void serveWith(FakeUpstream &server, EndpointKind kind, const Answerer &answer, int chunkDelayMs, int chunks, int firstDelayMs,
               const std::function<bool(const QJsonObject &body)> &fails)
{
    const QByteArray path = completionPath(kind);
    // FakeUpstream starts as a seed proxy: routes this kind does not have answer 404, as its own do.
    const FakeUpstream::Reply missing = kind == EndpointKind::Ollama ? FakeUpstream::text(404, "404 page not found")
        : kind == EndpointKind::LlamaCpp ? FakeUpstream::json(404, R"({"error":{"code":404,"message":"File Not Found","type":"not_found_error"}})")
                                         : FakeUpstream::json(404, R"({"detail":"Not Found"})");
    for (const char *route : {"/health", "/v1/models", "/v1/fim/completions"})
        server.setReply(route, missing);
    switch (kind) {
    case EndpointKind::Proxy:
        server.setReply("/health", FakeUpstream::json(200, FakeUpstream::seedHealthBody()));
        server.setReply("/v1/models", FakeUpstream::json(200, FakeUpstream::seedModelsBody()));
        server.setReply("/v1/fim/completions", FakeUpstream::codestralCompletion(answer(QJsonObject{})));
        break;
    case EndpointKind::Codestral:
        server.setReply("/v1/models", FakeUpstream::json(200, FakeUpstream::seedModelsBody()));
        server.setReply("/v1/fim/completions", FakeUpstream::codestralCompletion(answer(QJsonObject{})));
        break;
    case EndpointKind::LlamaCpp:
        server.setReply("/health", FakeUpstream::json(200, R"({"status":"ok"})"));
        server.setReply("/props", FakeUpstream::json(200, llamaProps()));
        server.setReply("/v1/models", FakeUpstream::json(200, R"({"object":"list","data":[{"id":"qwen2.5-coder-1.5b-q8_0.gguf","object":"model","owned_by":"llamacpp"}]})"));
        break;
    case EndpointKind::Ollama:
        server.setReply("/api/version", FakeUpstream::json(200, ollamaVersion()));
        server.setReply("/api/tags", FakeUpstream::json(200, ollamaTags()));
        server.setReply("/", FakeUpstream::text(200, "Ollama is running"));
        server.setReply("/v1/models", FakeUpstream::json(200, openaiModels())); // Ollama's OpenAI-compatible side
        break;
    case EndpointKind::OpenAi:
        server.setReply("/v1/models", FakeUpstream::json(200, openaiModels()));
        break;
    case EndpointKind::Replay:
        break;
    }
    // The request decides whole or streamed, as each server does; answered by enqueueing for it.
    QObject::connect(&server, &FakeUpstream::requestReceived, &server, [&server, kind, path, answer, fails, chunks, chunkDelayMs, firstDelayMs](const FakeUpstream::Recorded &r) {
        if (kind == EndpointKind::Ollama && r.path == "/api/show") {
            const bool insert = !r.json().value(u"model").toString().startsWith(u"llama3");
            server.enqueue(r.path, FakeUpstream::json(200, ollamaShow(insert)));
            return;
        }
        if (r.path != path && !(kind == EndpointKind::LlamaCpp && r.path == "/completion"))
            return;
        const QJsonObject body = r.json();
        const QString model = body.value(u"model").toString();
        const QString tagged = answer(body);
        QStringList deltas;
        const qsizetype step = std::max<qsizetype>(1, (tagged.size() + chunks - 1) / chunks);
        for (qsizetype i = 0; i < tagged.size(); i += step)
            deltas << tagged.mid(i, step);
        const bool stream = kind == EndpointKind::Ollama ? body.value(u"stream").toBool(true) : body.value(u"stream").toBool();
        FakeUpstream::Reply reply;
        if (fails && fails(body)) {
            reply = kind == EndpointKind::Ollama ? ollamaNotFound(model)
                                                 : FakeUpstream::json(404, QJsonDocument(QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid model: %1").arg(model)},
                                                                                                     {QStringLiteral("type"), QStringLiteral("invalid_model")}})
                                                                               .toJson(QJsonDocument::Compact));
            reply.firstDelayMs = firstDelayMs;
            server.enqueue(r.path, reply);
            return;
        }
        switch (kind) {
        case EndpointKind::Proxy:
        case EndpointKind::Codestral:
        case EndpointKind::Replay:
            reply = stream ? FakeUpstream::codestralStream(deltas, chunkDelayMs) : FakeUpstream::codestralCompletion(tagged);
            break;
        case EndpointKind::LlamaCpp:
            reply = stream ? llamaStream(deltas, chunkDelayMs) : llamaAnswer(tagged);
            break;
        case EndpointKind::Ollama:
            if (model.isEmpty() || model == u"missing:latest") {
                reply = ollamaNotFound(model.isEmpty() ? QStringLiteral("") : model);
            } else if (model.startsWith(u"llama3") && !body.value(u"raw").toBool()) {
                reply = ollamaNoInsert(model);
            } else {
                reply = stream ? ollamaStream(deltas, model, chunkDelayMs) : ollamaAnswer(tagged, model);
            }
            break;
        case EndpointKind::OpenAi:
            reply = stream ? openaiStream(deltas, model, chunkDelayMs) : openaiAnswer(tagged, model);
            break;
        }
        reply.firstDelayMs = firstDelayMs;
        server.enqueue(r.path, reply);
    }, Qt::DirectConnection);
}

} // namespace FakeServers
