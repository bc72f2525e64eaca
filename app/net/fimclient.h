#pragma once

#include "net/fimreply.h"
#include "wire/endpoint.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

// Sends FIM requests to one endpoint through a QNetworkAccessManager it does not own. Knows no
// wire format: the endpoint's kind picks the FimBackend that writes requests and reads answers.
// Each request is a FimReply with its own signals; the client itself reports every request's
// timing and exchange, for the panels that watch all of them.
//
// - timingRecorded() follows every request, finished, failed or aborted, after the reply's own
//   signal; exchangeRecorded() every request that went on the wire and was not aborted.
class FimClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FimClient)

public:
    explicit FimClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~FimClient() override;

    // Sets the endpoint for the next requests and warms a connection to it. secret may be empty.
    // Requests in flight keep the endpoint they were made for.
    void setEndpoint(const Endpoint &endpoint, const QString &secret);
    const Endpoint &endpoint() const { return m_endpoint; }
    bool hasSecret() const { return !m_secret.isEmpty(); }
    // For a client that goes to the same endpoint beside this one (CacheWarmer): never shown or written.
    const QString &secret() const { return m_secret; }

    void setTimeouts(const ClientTimeouts &timeouts) { m_timeouts = timeouts; }
    ClientTimeouts timeouts() const { return m_timeouts; }
    void setMaxAnswerBytes(qint64 bytes) { m_maxAnswerBytes = bytes; }
    qint64 maxAnswerBytes() const { return m_maxAnswerBytes; }

    // Starts a request. scheduledNs: monotonic time (monotonicNs()) when the caller decided to ask,
    // so latency includes the caller's wait; now by default. The reply belongs to the client and
    // deletes itself when it is over: keep it in a QPointer.
    FimReply *complete(const FimRequest &request, qint64 scheduledNs = -1);
    // Sends a request body as the user edited it (the inspector's Edit and resend) to url, which
    // must be on this endpoint's host. Streaming, model, prompt and suffix are read from the body.
    // An empty body or a URL elsewhere fails with a Config error (reported later, like others).
    FimReply *resend(const QUrl &url, const QByteArray &body);
    void cancelAll();
    int inFlight() const { return int(m_replies.size()); }

    static qint64 monotonicNs();

signals:
    void timingRecorded(const RequestTiming &timing);
    void exchangeRecorded(const Exchange &exchange);

private:
    friend class FimReply;
    void release(quint64 id, const RequestTiming &timing, const Exchange &exchange, bool sent);

    QNetworkAccessManager *m_network;
    Endpoint m_endpoint;
    QString m_secret;
    ClientTimeouts m_timeouts;
    qint64 m_maxAnswerBytes = 1024 * 1024;
    // Request ids are unique in the process, across clients (Compare runs have their own): the
    // latency panel and the inspector find an exchange by its id.
    static quint64 nextId();
    QHash<quint64, QPointer<FimReply>> m_replies;
};
