#include "net/healthmonitor.h"

#include "backends/fimbackend.h"
#include "net/fimclient.h"
#include "wire/endpointrequest.h"
#include "wire/errorparser.h"
#include "wire/networkfailure.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>

HealthMonitor::HealthMonitor(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::checkNow);
    m_infoTimer.setSingleShot(true);
    connect(&m_infoTimer, &QTimer::timeout, this, &HealthMonitor::fetchInfoWhenDue);
}

void HealthMonitor::infoMayHaveChanged(bool refused)
{
    const FimBackend &backend = FimBackend::forKind(m_endpoint.kind);
    // Each request pushes the read back: it comes once the burst is over (or when the minute since
    // the last read is, if that is later). The first refusal (429) after requests that went
    // through is read once the burst is over whatever the minute says: Health then shows the quota
    // used up, without the user asking again.
    if (!backend.infoChanges() || !backend.infoUrl(m_endpoint).isValid() || m_infoMissing
        || m_last.state != HealthReport::State::Ok)
        return;
    if (!refused)
        m_readAfterRefusal = false;
    else if (!m_readAfterRefusal)
        m_readOnRefusal = true;
    m_infoTimer.start(InfoRefreshDelayMs);
}

bool HealthMonitor::infoDue() const
{
    return !m_infoAsked.isValid() || m_infoAsked.elapsed() >= m_infoIntervalMs;
}

void HealthMonitor::fetchInfoWhenDue()
{
    if (m_readOnRefusal) {
        m_readOnRefusal = false;
        m_readAfterRefusal = true;
        fetchInfo();
    } else if (infoDue())
        fetchInfo();
    else
        m_infoTimer.start(int(m_infoIntervalMs - m_infoAsked.elapsed()));
}

HealthMonitor::~HealthMonitor()
{
    abandonReply(m_reply, this);
    abandonReply(m_infoReply, this);
}

void HealthMonitor::fetchInfo()
{
    if (m_infoReply)
        return;
    m_infoTimer.stop();
    m_infoAsked.start();
    QNetworkRequest req = makeEndpointRequest(FimBackend::forKind(m_endpoint.kind).infoUrl(m_endpoint), m_secret,
                                              QByteArrayLiteral("application/json"));
    req.setTransferTimeout(m_timeoutMs);
    m_infoReply = m_network->get(req);
    connect(m_infoReply, &QNetworkReply::finished, this, [this] {
        QNetworkReply *reply = m_infoReply;
        m_infoReply = nullptr;
        if (!reply)
            return;
        reply->deleteLater();
        const FimBackend &backend = FimBackend::forKind(m_endpoint.kind);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->isOpen() ? reply->read(256 * 1024) : QByteArray();
        if (status == 401 || status == 403) {
            // /health may be open while the secret is refused: every completion would fail.
            m_last.state = HealthReport::State::Unauthorized;
            m_last.detail = backend.explainError(status, body, reply->rawHeader("Retry-After"), m_endpoint).message;
        } else if (status == 404) {
            m_infoMissing = true; // this server has no such route (the seed proxy): not asked again
        } else if (status == 200) {
            HealthReport facts;
            backend.readInfo(body, facts);
            m_info = facts.facts;
            if (backend.infoChanges() && !m_info.isEmpty()) // read at most once a minute: say when
                m_info.prepend({tr("Usage"), tr("as of %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm")))});
            m_last.facts = m_checkFacts + m_info;
        }
        emit reportChanged(m_last); // also when nothing changed: whoever waits for the info is told
    });
}

void HealthMonitor::setEndpoint(const Endpoint &endpoint, const QString &secret)
{
    m_endpoint = endpoint;
    m_secret = secret;
    m_backoff = 1;
    m_last = HealthReport{};
    m_info.clear();
    m_checkFacts.clear();
    m_infoMissing = false;
    m_readOnRefusal = false;
    m_readAfterRefusal = false;
    m_infoAsked.invalidate();
    m_infoTimer.stop();
    abandonReply(m_reply, this);
    abandonReply(m_infoReply, this);
    m_reply = nullptr;
    m_infoReply = nullptr;
    if (m_running)
        checkNow();
}

void HealthMonitor::setInterval(int ms)
{
    m_intervalMs = std::max(ms, 100);
    if (m_running && m_timer.isActive())
        m_timer.start(nextDelay());
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
        m_last = HealthReport{HealthReport::State::Down, QDateTime::currentDateTime(), -1, 0, {}, {}, why, std::nullopt, {}};
        emit reportChanged(m_last);
        scheduleNext();
        return true;
    }
    QNetworkRequest req = makeEndpointRequest(FimBackend::forKind(m_endpoint.kind).healthUrl(m_endpoint), m_secret,
                                              QByteArrayLiteral("application/json"));
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
    const FimBackend &backend = FimBackend::forKind(m_endpoint.kind);
    using S = HealthReport::State;

    if (r.httpStatus == 0) {
        r.state = S::Down;
        r.detail = reply->error() == QNetworkReply::OperationCanceledError
            ? tr("No answer from %1 within %2 s.").arg(host).arg(m_timeoutMs / 1000.0)
            : networkFailure(reply->error(), reply->errorString(), m_endpoint).message;
    } else if (r.httpStatus == 401 || r.httpStatus == 403) {
        r.state = S::Unauthorized;
        r.detail = backend.explainError(r.httpStatus, body, reply->rawHeader("Retry-After"), m_endpoint).message;
    } else if (r.httpStatus == 429) {
        r.state = S::Degraded;
        r.detail = backend.explainError(r.httpStatus, body, reply->rawHeader("Retry-After"), m_endpoint).message;
    } else if (r.httpStatus >= 400) {
        r.state = S::Down;
        r.detail = backend.explainError(r.httpStatus, body, reply->rawHeader("Retry-After"), m_endpoint).message;
    } else {
        r.state = S::Ok;
    }
    if (r.httpStatus != 0 && r.state != S::Unauthorized)
        backend.readHealth(m_endpoint, r.httpStatus, body, r);
    if (r.state == S::Ok && r.roundTripMs > m_slowMs) {
        r.state = S::Degraded;
        r.detail = tr("Slow: %1 ms for a health check.").arg(qRound(r.roundTripMs));
    }
    // What the server told of itself once it answered (llama.cpp /props) stays until the endpoint
    // changes; what changes (a proxy's usage) is asked again with a check once a minute has passed.
    const bool askInfo = r.state != S::Down && r.state != S::Unauthorized && backend.infoUrl(m_endpoint).isValid()
        && !m_infoMissing && (backend.infoChanges() ? infoDue() : m_info.isEmpty());
    m_checkFacts = r.facts;
    if (r.state == S::Down) // what it said of itself may not hold when it is back (another model)
        m_info.clear();
    r.facts += m_info;
    m_backoff = r.state == S::Down ? std::min(m_backoff * 2, 8) : 1;
    m_last = r;
    if (askInfo)
        fetchInfo();
    emit reportChanged(m_last);
    scheduleNext();
}

int HealthMonitor::nextDelay() const
{
    const int delay = m_intervalMs * m_backoff;
    const QString host = m_endpoint.baseUrl.host();
    const bool local = host == u"localhost" || QHostAddress(host).isLoopback();
    // A server on this machine is checked at least every LocalCheckMs: stopped between two
    // requests (a demo), Health says so within seconds; a check of it costs nothing.
    if (m_last.state != HealthReport::State::Down)
        return local ? std::min(delay, LocalCheckMs) : delay;
    // Backing off, but a server coming back is seen soon: a refused connection costs nothing, least
    // of all on this machine (a local server restarted with another model).
    return std::min(delay, local ? LocalDownRecheckMs : DownRecheckMs);
}

void HealthMonitor::scheduleNext()
{
    if (m_running)
        m_timer.start(nextDelay());
}
