#include "fimclient.h"

#include "endpointrequest.h"
#include "errorparser.h"
#include "networkfailure.h"
#include "sseparser.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

#include <chrono>

namespace {

constexpr qsizetype MaxRecordedAnswer = 256 * 1024;
constexpr qsizetype MaxErrorBody = 64 * 1024;

QString hostAndPort(const QUrl &url)
{
    const int port = url.port(url.scheme() == u"https" ? 443 : 80);
    return url.host() + QLatin1Char(':') + QString::number(port);
}

} // namespace

struct FimClient::Pending
{
    quint64 id = 0;
    FimRequest request;
    QNetworkReply *reply = nullptr;
    QTimer timer;
    qint64 scheduledNs = 0;
    RequestTiming timing;
    Exchange exchange;
    std::optional<FimError> configError; // reported from the timer: never from within complete()

    enum class Phase { Connecting, WaitingForHeaders, Receiving } phase = Phase::Connecting;
    bool isSse = false;
    bool sawDone = false;
    bool reportedError = false;
    SseParser sse;
    QByteArray body; // whole JSON answer, or an error body (capped)
    QString text;
    QString finishReason;
    std::optional<Usage> usage;
    qint64 received = 0;
};

FimClient::FimClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

FimClient::~FimClient()
{
    // Abort silently: nobody is left to tell.
    for (auto &[id, p] : m_requests) {
        if (p->reply) {
            p->reply->disconnect(this);
            p->reply->abort();
            p->reply->deleteLater();
        }
    }
}

qint64 FimClient::monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void FimClient::setEndpoint(const Endpoint &endpoint, const QString &secret)
{
    const bool hostChanged = hostAndPort(endpoint.baseUrl) != hostAndPort(m_endpoint.baseUrl)
        || endpoint.baseUrl.scheme() != m_endpoint.baseUrl.scheme();
    m_endpoint = endpoint;
    m_secret = secret;
    if (!hostChanged || !endpoint.validationError().isEmpty())
        return;
    // Warm a connection so the first completion does not pay for the TCP/TLS handshake.
    const QUrl &url = endpoint.baseUrl;
    if (url.scheme() == u"https") {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2, QSslConfiguration::NextProtocolHttp1_1});
        m_network->connectToHostEncrypted(url.host(), quint16(url.port(443)), ssl);
    } else {
        m_network->connectToHost(url.host(), quint16(url.port(80)));
    }
}

quint64 FimClient::complete(const FimRequest &request, qint64 scheduledNs)
{
    const quint64 id = m_nextId++;
    auto owned = std::make_unique<Pending>();
    Pending &p = *owned;
    m_requests.emplace(id, std::move(owned));
    p.id = id;
    p.request = request;
    if (p.request.model.isEmpty())
        p.request.model = m_endpoint.defaultModel();
    p.scheduledNs = scheduledNs >= 0 ? scheduledNs : monotonicNs();
    p.timing.id = id;
    p.timing.scheduledAt = QDateTime::currentDateTime().addMSecs(-qint64((monotonicNs() - p.scheduledNs) / 1000000));
    p.timing.endpointName = m_endpoint.name;
    p.timing.host = m_endpoint.baseUrl.host();
    p.timing.model = p.request.model;
    p.timing.stream = request.stream;
    p.timing.promptChars = request.prompt.size();
    p.timing.suffixChars = request.suffix.size();
    p.timer.setSingleShot(true);
    connect(&p.timer, &QTimer::timeout, this, [this, id] {
        if (auto it = m_requests.find(id); it != m_requests.end())
            onTimer(*it->second);
    });

    if (const QString why = m_endpoint.validationError(); !why.isEmpty()) {
        p.configError = FimError{FimError::Kind::Config, 0, tr("The endpoint URL cannot be used: %1").arg(why), {}};
    } else if (m_endpoint.requiresSecret() && m_secret.isEmpty()) {
        p.configError = FimError{FimError::Kind::Config, 0,
                                 tr("No API key for %1. Set %2 or store the key in the endpoint's settings.")
                                     .arg(m_endpoint.baseUrl.host(), m_endpoint.secretEnvironmentVariable()),
                                 {}};
    }
    if (p.configError) {
        p.timer.start(0);
        return id;
    }

    QNetworkRequest req = makeEndpointRequest(
        m_endpoint.fimUrl(), m_secret,
        request.stream ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(0); // our own timers distinguish connect, first byte, idle and total
    p.exchange.id = id;
    p.exchange.url = req.url();
    p.exchange.requestHeaders = {{"Content-Type", "application/json"}, {"Accept", req.rawHeader("Accept")}};
    if (!m_secret.isEmpty())
        p.exchange.requestHeaders.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer <redacted>")));
    p.exchange.requestBody = p.request.toJson();
    p.timing.requestBytes = p.exchange.requestBody.size();

    p.reply = m_network->post(req, p.exchange.requestBody);
    QNetworkReply *reply = p.reply;
    auto with = [this, id](void (FimClient::*handler)(Pending &)) {
        return [this, id, handler] {
            if (auto it = m_requests.find(id); it != m_requests.end())
                (this->*handler)(*it->second);
        };
    };
    connect(reply, &QNetworkReply::requestSent, this, [this, id] {
        if (auto it = m_requests.find(id); it != m_requests.end()) {
            Pending &q = *it->second;
            q.timing.sentMs = elapsedMs(q);
            q.phase = Pending::Phase::WaitingForHeaders;
            armTimer(q);
        }
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, with(&FimClient::onMetaData));
    connect(reply, &QNetworkReply::readyRead, this, with(&FimClient::onReadyRead));
    connect(reply, &QNetworkReply::finished, this, with(&FimClient::onFinished));
    armTimer(p);
    return id;
}

void FimClient::cancel(quint64 id)
{
    auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    report(*finalize(*it->second, RequestTiming::Outcome::Cancelled));
}

void FimClient::cancelAll()
{
    while (!m_requests.empty())
        report(*finalize(*m_requests.begin()->second, RequestTiming::Outcome::Cancelled));
}

double FimClient::elapsedMs(const Pending &p) const
{
    return double(monotonicNs() - p.scheduledNs) / 1e6;
}

void FimClient::armTimer(Pending &p)
{
    const int phaseLimit = p.phase == Pending::Phase::Connecting ? m_timeouts.connectMs
        : p.phase == Pending::Phase::WaitingForHeaders           ? m_timeouts.firstByteMs
                                                                 : m_timeouts.idleMs;
    const qint64 totalLeft = std::max<qint64>(0, qint64(m_timeouts.totalMs - elapsedMs(p)));
    p.timer.start(int(std::min<qint64>(phaseLimit, totalLeft)));
}

void FimClient::onTimer(Pending &p)
{
    if (p.configError) {
        fail(p, *p.configError);
        return;
    }
    const QString where = hostAndPort(m_endpoint.baseUrl);
    FimError e{FimError::Kind::Timeout, p.timing.httpStatus, {}, {}};
    if (elapsedMs(p) + 1 >= m_timeouts.totalMs) {
        e.message = tr("No complete answer from %1 within %2 s. Raise the total timeout in Settings ▸ Network, "
                       "or try a smaller max_tokens.")
                        .arg(where)
                        .arg(m_timeouts.totalMs / 1000.0);
    } else if (p.phase == Pending::Phase::Connecting) {
        e.message = tr("Could not connect to %1 within %2 s. Is the server running and reachable? (Connect "
                       "timeout: Settings ▸ Network.)")
                        .arg(where)
                        .arg(m_timeouts.connectMs / 1000.0);
    } else if (p.phase == Pending::Phase::WaitingForHeaders) {
        e.message = tr("%1 accepted the request but sent no answer within %2 s. (First byte timeout: Settings ▸ "
                       "Network.)")
                        .arg(where)
                        .arg(m_timeouts.firstByteMs / 1000.0);
    } else {
        e.message = tr("%1 stopped sending for %2 s in the middle of the answer. (Idle timeout: Settings ▸ "
                       "Network.)")
                        .arg(where)
                        .arg(m_timeouts.idleMs / 1000.0);
    }
    fail(p, e);
}

void FimClient::onMetaData(Pending &p)
{
    if (p.timing.firstByteMs < 0)
        p.timing.firstByteMs = elapsedMs(p);
    if (p.timing.sentMs < 0)
        p.timing.sentMs = p.timing.firstByteMs;
    p.phase = Pending::Phase::Receiving;
    p.timing.httpStatus = p.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray contentType = p.reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    p.isSse = p.timing.httpStatus < 300 && contentType.trimmed().toLower().startsWith("text/event-stream");
    p.exchange.httpStatus = p.timing.httpStatus;
    p.exchange.responseHeaders = p.reply->rawHeaderPairs();
    const qint64 declared = p.reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (declared > m_maxAnswerBytes) {
        fail(p, {FimError::Kind::TooLarge, p.timing.httpStatus,
                 tr("The answer from %1 would be %2 KiB, more than the %3 KiB allowed.")
                     .arg(m_endpoint.baseUrl.host())
                     .arg(declared / 1024)
                     .arg(m_maxAnswerBytes / 1024),
                 {}});
        return;
    }
    armTimer(p);
}

void FimClient::onReadyRead(Pending &p)
{
    if (p.timing.firstByteMs < 0)
        onMetaData(p);
    if (!m_requests.contains(p.id))
        return;
    const QByteArray bytes = p.reply->readAll();
    p.received += bytes.size();
    p.timing.responseBytes = p.received;
    if (p.exchange.rawAnswer.size() < MaxRecordedAnswer)
        p.exchange.rawAnswer.append(bytes.left(MaxRecordedAnswer - p.exchange.rawAnswer.size()));
    if (p.received > m_maxAnswerBytes) {
        fail(p, {FimError::Kind::TooLarge, p.timing.httpStatus,
                 tr("The answer from %1 passed %2 KiB and was cut off. The server may be sending an endless body.")
                     .arg(m_endpoint.baseUrl.host())
                     .arg(m_maxAnswerBytes / 1024),
                 {}});
        return;
    }
    armTimer(p);
    if (p.isSse) {
        handleSseEvents(p, bytes);
    } else if (p.body.size() < (p.timing.httpStatus >= 400 ? MaxErrorBody : m_maxAnswerBytes)) {
        p.body.append(bytes);
    }
}

void FimClient::handleSseEvents(Pending &p, const QByteArray &bytes)
{
    const QList<SseEvent> events = p.sse.feed(bytes);
    const quint64 id = p.id;
    for (const SseEvent &event : events) {
        if (event.data == "[DONE]") {
            p.sawDone = true;
            continue;
        }
        if (event.type == "error") {
            const QString said = ErrorParser::serverMessage(event.data);
            fail(p, {FimError::Kind::Http, p.timing.httpStatus,
                     tr("%1 reported an error in the stream: %2").arg(m_endpoint.baseUrl.host(), said), {}});
            return;
        }
        QString why;
        const std::optional<StreamChunk> chunk = CompletionParser::parseChunk(event.data, &why);
        if (!chunk) {
            const QString said = ErrorParser::serverMessage(event.data);
            fail(p, {FimError::Kind::Parse, p.timing.httpStatus,
                     said.isEmpty() ? tr("A stream event from %1 could not be read: %2").arg(m_endpoint.baseUrl.host(), why)
                                    : tr("%1 reported an error in the stream: %2").arg(m_endpoint.baseUrl.host(), said),
                     {}});
            return;
        }
        if (chunk->usage)
            p.usage = chunk->usage;
        if (!chunk->finishReason.isEmpty())
            p.finishReason = chunk->finishReason;
        if (!chunk->delta.isEmpty()) {
            if (p.timing.firstTokenMs < 0)
                p.timing.firstTokenMs = elapsedMs(p);
            p.text += chunk->delta;
            emit delta(id, chunk->delta);
            if (!m_requests.contains(id)) // the receiver cancelled
                return;
        }
    }
}

void FimClient::onFinished(Pending &p)
{
    p.timer.stop();
    if (p.timing.firstByteMs < 0 && p.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        onMetaData(p);
    if (!m_requests.contains(p.id))
        return;
    const int status = p.timing.httpStatus;
    if (status >= 400) {
        p.body.append(p.reply->readAll().left(MaxErrorBody));
        fail(p, ErrorParser::fromHttp(status, p.body, p.reply->rawHeader("Retry-After"), m_endpoint.baseUrl.host()));
        return;
    }
    // A connection closed before the declared Content-Length arrived is not always reported as an
    // error by QNetworkReply: check the length ourselves.
    const QVariant declared = p.reply->header(QNetworkRequest::ContentLengthHeader);
    const bool shortBody = declared.isValid() && !p.isSse && p.received < declared.toLongLong();
    if (p.reply->error() != QNetworkReply::NoError || status == 0 || shortBody) {
        fail(p, networkError(p));
        return;
    }
    if (p.isSse) {
        const bool cut = p.sse.finish();
        if (!p.sawDone && p.finishReason.isEmpty()) {
            fail(p, {FimError::Kind::Network, status,
                     tr("The stream from %1 ended before the completion was finished%2 (%3 characters arrived).")
                         .arg(m_endpoint.baseUrl.host(), cut ? tr(", in the middle of an event") : QString())
                         .arg(p.text.size()),
                     {}});
            return;
        }
        succeed(p);
        return;
    }
    QString why;
    const std::optional<CompletionBody> body = CompletionParser::parseBody(p.body, &why);
    if (!body) {
        fail(p, {FimError::Kind::Parse, status,
                 tr("The answer from %1 could not be read: %2").arg(m_endpoint.baseUrl.host(), why), {}});
        return;
    }
    p.text = body->text;
    p.finishReason = body->finishReason;
    p.usage = body->usage;
    if (!p.text.isEmpty())
        p.timing.firstTokenMs = elapsedMs(p);
    // A stream was asked for but the server (the seed proxy) answered with one body: deliver it as
    // one delta so streaming consumers need no second path.
    if (p.request.stream && !p.text.isEmpty()) {
        const quint64 id = p.id;
        emit delta(id, p.text);
        if (!m_requests.contains(id))
            return;
    }
    succeed(p);
}

FimError FimClient::networkError(const Pending &p) const
{
    return networkFailure(p.reply->error(), p.reply->errorString(), m_endpoint, p.received, p.timing.httpStatus);
}

void FimClient::succeed(Pending &p)
{
    const quint64 id = p.id;
    p.timing.completionChars = p.text.size();
    p.timing.usage = p.usage;
    p.timing.totalMs = elapsedMs(p);
    p.timing.outcome = RequestTiming::Outcome::Ok;
    std::unique_ptr<Pending> owned = finalize(p, RequestTiming::Outcome::Ok);
    emit finished(id, CompletionResult{owned->text, owned->finishReason, owned->usage, owned->timing});
    report(*owned);
}

void FimClient::fail(Pending &p, FimError error)
{
    const quint64 id = p.id;
    p.timing.errorKind = error.kindName();
    std::unique_ptr<Pending> owned = finalize(p, RequestTiming::Outcome::Failed);
    emit failed(id, error);
    report(*owned);
}

std::unique_ptr<FimClient::Pending> FimClient::finalize(Pending &p, RequestTiming::Outcome outcome)
{
    // Take the request out first: whatever the receivers of the signals that follow do (start or
    // cancel requests), this one is over.
    auto node = m_requests.extract(p.id);
    std::unique_ptr<Pending> owned = std::move(node.mapped());
    owned->timer.stop();
    if (owned->reply) {
        owned->reply->disconnect(this);
        if (outcome != RequestTiming::Outcome::Ok)
            owned->reply->abort();
        owned->reply->deleteLater();
        owned->reply = nullptr;
    }
    owned->timing.outcome = outcome;
    if (owned->timing.totalMs < 0)
        owned->timing.totalMs = elapsedMs(*owned);
    owned->timing.completionChars = owned->text.size();
    return owned;
}

void FimClient::report(const Pending &p)
{
    if (p.timing.outcome != RequestTiming::Outcome::Cancelled && !p.configError)
        emit exchangeRecorded(p.exchange);
    emit timingRecorded(p.timing);
}
