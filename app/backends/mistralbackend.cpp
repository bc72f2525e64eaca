#include "backends/mistralbackend.h"

#include "wire/errorparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Messages under the context "MistralBackend"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MistralBackend)
};
} // namespace

std::optional<WireRequest> MistralBackend::buildRequest(const Endpoint &endpoint, const FimRequest &request, QString *) const
{
    WireRequest w;
    w.url = endpoint.url(QStringLiteral("/v1/fim/completions"));
    if (m_kind == EndpointKind::Replay)
        w.url.setQuery(QStringLiteral("speed=%1").arg(endpoint.replaySpeed));
    // Replay matches the extra context against the history: it goes apart, not as comments.
    w.body = request.toJson(m_kind == EndpointKind::Replay ? FimRequest::Extra::Apart : FimRequest::Extra::AsComments);
    w.accept = request.stream ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json");
    return w;
}

std::optional<CompletionBody> MistralBackend::parseBody(QByteArrayView body, QString *error) const
{
    return CompletionParser::parseBody(body, error);
}

std::optional<StreamChunk> MistralBackend::parseEvent(QByteArrayView data, QString *error) const
{
    if (data == "[DONE]") {
        StreamChunk done;
        done.end = true;
        return done;
    }
    return CompletionParser::parseChunk(data, error);
}

FimError MistralBackend::explainError(int status, QByteArrayView body, QByteArrayView retryAfter, const Endpoint &endpoint) const
{
    FimError e = FimBackend::explainError(status, body, retryAfter, endpoint);
    const QString host = endpoint.baseUrl.host();
    if (m_kind == EndpointKind::Replay && status == 404) {
        // "Not recorded: ..." in the replay's own words, which say what was recorded instead.
        e.message = ErrorParser::serverMessage(body);
        return e;
    }
    if (m_kind == EndpointKind::Proxy && status == 502
        && QJsonDocument::fromJson(body.toByteArray()).object().value(u"error").toObject().value(u"type").toString()
            == u"upstream_auth_error") {
        // Our proxy's own Codestral key was refused: only its owner can act, and its words say how.
        e.kind = FimError::Kind::Config;
        e.message = ErrorParser::serverMessage(body);
        return e;
    }
    if (m_kind == EndpointKind::Codestral && (status == 401 || status == 403)) {
        // The two hosts take different keys; say which one refused and what it takes.
        const QString said = ErrorParser::serverMessage(body);
        const QString server = said.isEmpty() ? QString() : QStringLiteral(" (") + said + QLatin1Char(')');
        if (host == u"codestral.mistral.ai")
            e.message = Tr::tr("codestral.mistral.ai refused the key%1. It takes Codestral keys (console.mistral.ai ▸ "
                               "Codestral). A general La Plateforme key works only with https://api.mistral.ai: change the "
                               "URL, or set the Codestral key in Settings or CODESTRAL_API_KEY.")
                            .arg(server);
        else if (host == u"api.mistral.ai")
            e.message = Tr::tr("api.mistral.ai refused the key%1. It takes La Plateforme API keys (console.mistral.ai ▸ API "
                               "keys). A Codestral key works only with https://codestral.mistral.ai: change the URL, or set "
                               "an API key in Settings or CODESTRAL_API_KEY.")
                            .arg(server);
    }
    return e;
}

QUrl MistralBackend::healthUrl(const Endpoint &endpoint) const
{
    // Codestral has no /health: the model list answers only with a valid key, which is what matters.
    return m_kind == EndpointKind::Codestral ? modelsUrl(endpoint) : endpoint.url(QStringLiteral("/health"));
}

void MistralBackend::readHealth(const Endpoint &endpoint, int status, QByteArrayView body, HealthReport &r) const
{
    using S = HealthReport::State;
    if (m_kind == EndpointKind::Codestral) {
        if (status == 404) {
            // codestral.mistral.ai may have no model route: the host answered, which is what we ask.
            r.state = S::Ok;
            r.detail = Tr::tr("%1 answers but has no model list.").arg(endpoint.baseUrl.host());
        }
        return;
    }
    if (status < 200 || status >= 300)
        return;
    if (m_kind == EndpointKind::Replay && QJsonDocument::fromJson(body.toByteArray()).object().value(u"answered").toInt(-1) == 0) {
        r.state = S::Degraded;
        r.detail = Tr::tr("Nothing to replay yet: the history holds no answered exchange. Ask a live endpoint once, then come back.");
    }
    const HealthBody health = parseHealthBody(body);
    r.service = health.service;
    r.upstreamKey = health.upstreamKey;
    r.serverTime = health.timestamp;
    if (!health.valid || health.status != u"ok") {
        r.state = S::Degraded;
        r.detail = health.valid ? Tr::tr("The health check says \"%1\", not \"ok\".").arg(health.status)
                                : Tr::tr("The health check did not answer with JSON.");
    } else if (health.upstreamKey == false) {
        // Up, but every completion would fail: not "ok".
        r.state = S::Degraded;
        r.detail = Tr::tr("The proxy has no Codestral API key: completions fail until it gets one.");
    }
}

std::optional<ModelList> MistralBackend::modelsWhenMissing() const
{
    if (m_kind != EndpointKind::Codestral)
        return std::nullopt;
    return ModelListParser::builtInCodestralModels();
}

QUrl MistralBackend::infoUrl(const Endpoint &endpoint) const
{
    return m_kind == EndpointKind::Proxy ? endpoint.url(QStringLiteral("/v1/usage")) : QUrl();
}

namespace {

// "12 of 1000" against a quota, "12 (no daily quota)" without one.
QString againstQuota(qint64 used, const QJsonValue &quota)
{
    if (!quota.isDouble())
        return Tr::tr("%1 (no daily quota)").arg(used);
    const auto limit = qint64(quota.toDouble());
    return used >= limit ? Tr::tr("%1 of %2, used up").arg(used).arg(limit) : Tr::tr("%1 of %2").arg(used).arg(limit);
}

} // namespace

void MistralBackend::readInfo(QByteArrayView body, HealthReport &r) const
{
    // {"object":"usage","member","quota":{"daily_requests","daily_tokens"},"today":{...},"resets_in_s","days":[...]};
    // a day: requests, prompt_tokens, completion_tokens, estimated_prompt_tokens, estimated_completion_tokens, ...
    const QJsonObject o = QJsonDocument::fromJson(body.toByteArray()).object();
    if (o.value(u"object").toString() != u"usage")
        return;
    const QJsonObject today = o.value(u"today").toObject();
    const QJsonObject quota = o.value(u"quota").toObject();
    const auto requests = qint64(today.value(u"requests").toDouble());
    // Counted by Codestral, and estimated by the proxy where no count came (a stream left early).
    const auto estimatedOf = [](const QJsonObject &d) {
        return qint64(d.value(u"estimated_prompt_tokens").toDouble() + d.value(u"estimated_completion_tokens").toDouble());
    };
    const auto tokensOf = [&](const QJsonObject &d) {
        return qint64(d.value(u"prompt_tokens").toDouble() + d.value(u"completion_tokens").toDouble()) + estimatedOf(d);
    };
    const qint64 tokens = tokensOf(today);
    const qint64 estimated = estimatedOf(today);
    r.facts.append({Tr::tr("Member"), o.value(u"member").toString()});
    r.facts.append({Tr::tr("Requests today"), againstQuota(requests, quota.value(u"daily_requests"))});
    r.facts.append({Tr::tr("Tokens today"), againstQuota(tokens, quota.value(u"daily_tokens"))
                                            + (estimated > 0 ? Tr::tr(", %1 of them estimated").arg(estimated) : QString())});
    if (const auto hits = qint64(today.value(u"cache_hits").toDouble()); hits > 0)
        r.facts.append({Tr::tr("Edge-cache hits today"), QString::number(hits)});
    const bool usedUp = (quota.value(u"daily_requests").isDouble() && requests >= quota.value(u"daily_requests").toDouble())
        || (quota.value(u"daily_tokens").isDouble() && tokens >= quota.value(u"daily_tokens").toDouble());
    if (usedUp) {
        const int minutes = qMax(1, (o.value(u"resets_in_s").toInt() + 59) / 60);
        r.facts.append({Tr::tr("Quota"), Tr::tr("used up until midnight UTC, in %1 h %2 min").arg(minutes / 60).arg(minutes % 60)});
    }
    qint64 monthRequests = 0, monthTokens = 0;
    const QJsonArray days = o.value(u"days").toArray();
    for (const QJsonValue &day : days) {
        const QJsonObject d = day.toObject();
        monthRequests += qint64(d.value(u"requests").toDouble());
        monthTokens += tokensOf(d);
    }
    r.facts.append({Tr::tr("Last 30 days"), Tr::tr("%1 requests, %2 tokens").arg(monthRequests).arg(monthTokens)});
}
