#include "net/fimclient.h"

#include "backends/fimbackend.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>

#include <atomic>
#include <chrono>

FimClient::FimClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

FimClient::~FimClient()
{
    // The replies are children: they go with the client, aborting silently. Nobody is left to tell.
    m_replies.clear();
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
    if (!hostChanged || !endpoint.validationError().isEmpty() || endpoint.kind == EndpointKind::Replay)
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

FimReply *FimClient::complete(const FimRequest &request, qint64 scheduledNs)
{
    const quint64 id = nextId();
    FimReply::Setup setup{m_endpoint, &FimBackend::forKind(m_endpoint.kind), m_secret, m_timeouts, m_maxAnswerBytes, std::nullopt, QUrl()};
    auto *reply = new FimReply(this, id, request, std::move(setup), scheduledNs >= 0 ? scheduledNs : monotonicNs());
    m_replies.insert(id, reply);
    reply->start(m_network);
    return reply;
}

FimReply *FimClient::resend(const QUrl &url, const QByteArray &body)
{
    QString unreadable; // a body that is no request still goes as it is: the server says what is wrong
    FimRequest request = FimRequest::fromJson(body, &unreadable).value_or(FimRequest{});
    // Ollama streams unless told not to; the others only when asked.
    if (!QJsonDocument::fromJson(body).object().contains(u"stream"))
        request.stream = m_endpoint.kind == EndpointKind::Ollama;
    const quint64 id = nextId();
    FimReply::Setup setup{m_endpoint, &FimBackend::forKind(m_endpoint.kind), m_secret, m_timeouts, m_maxAnswerBytes, body, url};
    if (url.host() != m_endpoint.baseUrl.host() || url.port() != m_endpoint.baseUrl.port()) {
        // Never the key to another host: an edited URL stays on the endpoint's.
        setup.editedUrl = m_endpoint.baseUrl;
        setup.secret.clear();
        setup.endpoint.baseUrl = QUrl();
    }
    auto *reply = new FimReply(this, id, request, std::move(setup), monotonicNs());
    m_replies.insert(id, reply);
    reply->start(m_network);
    return reply;
}

quint64 FimClient::nextId()
{
    static std::atomic<quint64> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

void FimClient::cancelAll()
{
    const QList<QPointer<FimReply>> replies = m_replies.values();
    for (const QPointer<FimReply> &reply : replies)
        if (reply)
            reply->abort();
}

void FimClient::release(quint64 id, const RequestTiming &timing, const Exchange &exchange, bool sent)
{
    if (const QPointer<FimReply> reply = m_replies.take(id))
        reply->deleteLater();
    if (timing.outcome != RequestTiming::Outcome::Cancelled && sent)
        emit exchangeRecorded(exchange);
    emit timingRecorded(timing);
}
