#include "net/endpointdetector.h"

#include "wire/endpointrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace {

struct Route
{
    EndpointKind kind;
    const char *path;
};

// In the order of precedence: llama-server also has /health and /v1/models, Ollama has /v1/models.
constexpr Route Routes[] = {
    {EndpointKind::Ollama, "/api/version"},
    {EndpointKind::LlamaCpp, "/props"},
    {EndpointKind::Proxy, "/health"},
    {EndpointKind::OpenAi, "/v1/models"},
};

// Whether an answer is this kind's, and what it says of the server.
bool matches(EndpointKind kind, const QJsonObject &o, QString *what)
{
    switch (kind) {
    case EndpointKind::Ollama:
        if (!o.value(u"version").isString())
            return false;
        *what = QStringLiteral("Ollama %1").arg(o.value(u"version").toString());
        return true;
    case EndpointKind::LlamaCpp: {
        if (!o.value(u"default_generation_settings").isObject())
            return false;
        const int nCtx = o.value(u"default_generation_settings").toObject().value(u"n_ctx").toInt(o.value(u"n_ctx").toInt());
        *what = nCtx > 0 ? QStringLiteral("llama-server, n_ctx %1").arg(nCtx) : QStringLiteral("llama-server");
        return true;
    }
    case EndpointKind::Proxy:
        if (o.value(u"status").toString() != u"ok" || !(o.contains(u"service") || o.contains(u"timestamp")))
            return false;
        *what = o.value(u"service").toString(EndpointDetector::tr("FIM proxy"));
        return true;
    case EndpointKind::OpenAi:
        if (!o.value(u"data").isArray())
            return false;
        *what = EndpointDetector::tr("OpenAI-style API, %n model(s)", nullptr, int(o.value(u"data").toArray().size()));
        return true;
    case EndpointKind::Codestral:
    case EndpointKind::Replay:
        break;
    }
    return false;
}

} // namespace

EndpointDetector::EndpointDetector(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

EndpointDetector::~EndpointDetector()
{
    cancel();
}

void EndpointDetector::cancel()
{
    for (Probe &p : m_pending)
        abandonReply(p.reply, this);
    m_pending.clear();
}

void EndpointDetector::probe(const QUrl &baseUrl, int timeoutMs)
{
    cancel();
    m_url = baseUrl;
    m_timeoutMs = timeoutMs;
    m_routesAsked = false;
    Endpoint e;
    e.baseUrl = baseUrl;
    if (const QString why = e.validationError(); !why.isEmpty()) {
        QTimer::singleShot(0, this, [this, baseUrl, why] { emit failed(baseUrl, why); });
        return;
    }
    if (baseUrl.host().endsWith(u"mistral.ai")) {
        QTimer::singleShot(0, this, [this, baseUrl] { emit detected(baseUrl, EndpointKind::Codestral, tr("Mistral's API")); });
        return;
    }
    for (const Route &route : Routes) {
        QNetworkRequest req = makeEndpointRequest(e.url(QString::fromLatin1(route.path)), QString(), "application/json");
        req.setTransferTimeout(timeoutMs);
        m_pending.append(Probe{route.kind, m_network->get(req), false, false, {}, {}});
    }
    for (int i = 0; i < m_pending.size(); ++i)
        connect(m_pending[i].reply, &QNetworkReply::finished, this, [this, i] { onProbeFinished(i); });
}

void EndpointDetector::onProbeFinished(int index)
{
    if (index >= m_pending.size())
        return;
    Probe &p = m_pending[index];
    QNetworkReply *reply = p.reply;
    if (!reply)
        return;
    reply->deleteLater();
    p.reply = nullptr;
    p.done = true;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_routesAsked) {
        // A route that exists answers an empty body with its own refusal (or an answer); one that
        // does not answers 404 or 405.
        p.matched = status != 0 && status != 404 && status != 405;
        p.what = p.kind == EndpointKind::Codestral ? tr("a Mistral-style FIM API (/v1/fim/completions)") : m_modelsWhat;
        if (status == 0)
            p.error = reply->errorString();
    } else if (status == 200) {
        const QJsonDocument doc = QJsonDocument::fromJson(reply->read(256 * 1024));
        p.matched = doc.isObject() && matches(p.kind, doc.object(), &p.what);
    } else if (status == 0) {
        p.error = reply->errorString();
    } else if (p.kind == EndpointKind::LlamaCpp && status == 503) {
        // llama-server answers 503 on every route while it loads the model: still llama-server.
        p.matched = QJsonDocument::fromJson(reply->read(64 * 1024)).object().value(u"error").isObject();
        p.what = tr("llama-server, loading the model");
    }
    decide();
}

void EndpointDetector::decide()
{
    // The first route in precedence order that matched wins, once every route before it is done.
    for (const Probe &p : std::as_const(m_pending)) {
        if (!p.done)
            return;
        if (p.matched && p.kind == EndpointKind::OpenAi && !m_routesAsked) {
            const QString what = p.what; // probeRoutes() clears the probes
            probeRoutes(what);
            return;
        }
        if (p.matched) {
            const QUrl url = m_url;
            const EndpointKind kind = p.kind;
            const QString what = p.what;
            cancel();
            emit detected(url, kind, what);
            return;
        }
    }
    QString reason = m_routesAsked
        ? tr("%1 lists models at /v1/models, but neither /v1/fim/completions nor /v1/completions is there (404): no FIM "
             "route to send to.").arg(m_url.toString())
        : tr("Nothing at %1 answers like a FIM server (tried /api/version, /props, /health, /v1/models).").arg(m_url.toString());
    for (const Probe &p : std::as_const(m_pending))
        if (!p.error.isEmpty()) {
            reason = tr("No FIM server answers at %1: %2").arg(m_url.toString(), p.error);
            break;
        }
    cancel();
    emit failed(m_url, reason);
}

void EndpointDetector::probeRoutes(const QString &modelsWhat)
{
    cancel();
    m_routesAsked = true;
    m_modelsWhat = modelsWhat;
    Endpoint e;
    e.baseUrl = m_url;
    // In the order of precedence: a server with both is Mistral-shaped (its FIM route is the real one).
    const Route routes[] = {{EndpointKind::Codestral, "/v1/fim/completions"}, {EndpointKind::OpenAi, "/v1/completions"}};
    for (const Route &route : routes) {
        QNetworkRequest req = makeEndpointRequest(e.url(QString::fromLatin1(route.path)), QString(), "application/json");
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setTransferTimeout(m_timeoutMs);
        m_pending.append(Probe{route.kind, m_network->post(req, QByteArrayLiteral("{}")), false, false, {}, {}});
    }
    for (int i = 0; i < m_pending.size(); ++i)
        connect(m_pending[i].reply, &QNetworkReply::finished, this, [this, i] { onProbeFinished(i); });
}
