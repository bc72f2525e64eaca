#include "healthmonitor.h"

#include "endpointrequest.h"
#include "errorparser.h"
#include "fimclient.h"
#include "networkfailure.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

HealthMonitor::HealthMonitor(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::checkNow);
}

HealthMonitor::~HealthMonitor()
{
    abandonReply(m_reply, this);
}

void HealthMonitor::setEndpoint(const Endpoint &endpoint, const QString &secret)
{
    m_endpoint = endpoint;
    m_secret = secret;
    m_backoff = 1;
    m_last = HealthReport{};
    abandonReply(m_reply, this);
    m_reply = nullptr;
    if (m_running)
        checkNow();
}

void HealthMonitor::setInterval(int ms)
{
    m_intervalMs = std::max(ms, 100);
    if (m_running && m_timer.isActive())
        m_timer.start(m_intervalMs * m_backoff);
}

void HealthMonitor::start()
{
    m_running = true;
    checkNow();
}

void HealthMonitor::stop()
{
    m_running = false;
    m_timer.stop();
}

bool HealthMonitor::checkNow()
{
    if (m_reply)
        return false;
    m_timer.stop();
    if (const QString why = m_endpoint.validationError(); !why.isEmpty()) {
        m_last = HealthReport{HealthReport::State::Down, QDateTime::currentDateTime(), -1, 0, {}, {}, why, std::nullopt};
        emit reportChanged(m_last);
        scheduleNext();
        return true;
    }
    QNetworkRequest req = makeEndpointRequest(m_endpoint.healthUrl(), m_secret, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(m_timeoutMs);
    m_startedNs = FimClient::monotonicNs();
    m_reply = m_network->get(req);
    connect(m_reply, &QNetworkReply::finished, this, &HealthMonitor::onFinished);
    emit checkStarted();
    return true;
}

void HealthMonitor::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    HealthReport r;
    r.checkedAt = QDateTime::currentDateTime();
    r.roundTripMs = double(FimClient::monotonicNs() - m_startedNs) / 1e6;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->read(64 * 1024) : QByteArray();
    const QString host = m_endpoint.baseUrl.host();
    using S = HealthReport::State;

    if (r.httpStatus == 0) {
        r.state = S::Down;
        r.detail = reply->error() == QNetworkReply::OperationCanceledError
            ? tr("No answer from %1 within %2 s.").arg(host).arg(m_timeoutMs / 1000.0)
            : networkFailure(reply->error(), reply->errorString(), m_endpoint).message;
    } else if (r.httpStatus == 401 || r.httpStatus == 403) {
        r.state = S::Unauthorized;
        r.detail = ErrorParser::fromHttp(r.httpStatus, body, reply->rawHeader("Retry-After"), host).message;
    } else if (r.httpStatus == 404 && m_endpoint.kind == EndpointKind::Codestral) {
        // codestral.mistral.ai may have no model route: the host answered, which is what we ask.
        r.state = S::Ok;
        r.detail = tr("%1 answers but has no model list.").arg(host);
    } else if (r.httpStatus == 429) {
        r.state = S::Degraded;
        r.detail = ErrorParser::fromHttp(r.httpStatus, body, reply->rawHeader("Retry-After"), host).message;
    } else if (r.httpStatus >= 400) {
        r.state = S::Down;
        r.detail = ErrorParser::fromHttp(r.httpStatus, body, reply->rawHeader("Retry-After"), host).message;
    } else {
        r.state = S::Ok;
        if (m_endpoint.kind == EndpointKind::Proxy) {
            const HealthBody health = parseHealthBody(body);
            r.service = health.service;
            r.upstreamKey = health.upstreamKey;
            r.serverTime = health.timestamp;
            if (!health.valid || health.status != u"ok") {
                r.state = S::Degraded;
                r.detail = health.valid ? tr("The health check says \"%1\", not \"ok\".").arg(health.status)
                                        : tr("The health check did not answer with JSON.");
            } else if (health.upstreamKey == false) {
                // Up, but every completion would fail: not "ok".
                r.state = S::Degraded;
                r.detail = tr("The proxy has no Codestral API key: completions fail until it gets one.");
            }
        }
        if (r.state == S::Ok && r.roundTripMs > m_slowMs) {
            r.state = S::Degraded;
            r.detail = tr("Slow: %1 ms for a health check.").arg(qRound(r.roundTripMs));
        }
    }
    m_backoff = r.state == S::Down ? std::min(m_backoff * 2, 8) : 1;
    m_last = r;
    emit reportChanged(m_last);
    scheduleNext();
}

void HealthMonitor::scheduleNext()
{
    if (m_running)
        m_timer.start(m_intervalMs * m_backoff);
}
