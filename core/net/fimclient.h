#pragma once

#include "endpoint.h"
#include "fimerror.h"
#include "fimrequest.h"
#include "requesttiming.h"

#include <QList>
#include <QObject>
#include <QPair>

#include <memory>
#include <unordered_map>

class QNetworkAccessManager;
class QNetworkReply;

struct ClientTimeouts
{
    int connectMs = 5000;     // until the request is on the wire
    int firstByteMs = 20000;  // until the response headers arrive
    int idleMs = 15000;       // longest silence while the answer arrives
    int totalMs = 60000;      // whole request
};

struct CompletionResult
{
    QString text;
    QString finishReason;
    std::optional<Usage> usage;
    RequestTiming timing;
};

// What went over the wire for one request, for the request inspector. The Authorization header is
// recorded only as "Bearer <redacted>": the secret never leaves the client.
struct Exchange
{
    quint64 id = 0;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> requestHeaders;
    QByteArray requestBody;
    int httpStatus = 0;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    QByteArray rawAnswer; // first 256 KiB of the body or SSE stream
};

// Sends FIM requests to one endpoint through a QNetworkAccessManager it does not own, streaming or
// not, and reports each as signals carrying its id. Knows nothing of editors or painting.
//
// - complete() never emits from within itself; every signal for a request comes later.
// - cancel(id) aborts the request at once; no signal for it follows, except timingRecorded with
//   Outcome::Cancelled.
// - For each request exactly one of finished() or failed() is emitted, unless it was cancelled;
//   timingRecorded() follows in every case.
class FimClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FimClient)

public:
    explicit FimClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~FimClient() override;

    // Sets the endpoint for the next requests and warms a connection to it. secret may be empty.
    void setEndpoint(const Endpoint &endpoint, const QString &secret);
    const Endpoint &endpoint() const { return m_endpoint; }
    bool hasSecret() const { return !m_secret.isEmpty(); }

    void setTimeouts(const ClientTimeouts &timeouts) { m_timeouts = timeouts; }
    ClientTimeouts timeouts() const { return m_timeouts; }
    void setMaxAnswerBytes(qint64 bytes) { m_maxAnswerBytes = bytes; }
    qint64 maxAnswerBytes() const { return m_maxAnswerBytes; }

    // Starts a request and returns its id (never 0). scheduledNs: monotonic time (monotonicNs())
    // when the caller decided to ask, so latency includes the caller's wait; now by default.
    quint64 complete(const FimRequest &request, qint64 scheduledNs = -1);
    void cancel(quint64 id);
    void cancelAll();
    int inFlight() const { return int(m_requests.size()); }

    static qint64 monotonicNs();

signals:
    void delta(quint64 id, const QString &text); // streamed text, as it arrives (stream requests)
    void finished(quint64 id, const CompletionResult &result);
    void failed(quint64 id, const FimError &error);
    void timingRecorded(const RequestTiming &timing);
    void exchangeRecorded(const Exchange &exchange);

private:
    struct Pending;
    void onMetaData(Pending &p);
    void onReadyRead(Pending &p);
    void onFinished(Pending &p);
    void onTimer(Pending &p);
    void handleSseEvents(Pending &p, const QByteArray &bytes);
    void armTimer(Pending &p);
    void succeed(Pending &p);
    void fail(Pending &p, FimError error);
    std::unique_ptr<Pending> finalize(Pending &p, RequestTiming::Outcome outcome);
    void report(const Pending &p);
    double elapsedMs(const Pending &p) const;
    FimError networkError(const Pending &p) const;

    QNetworkAccessManager *m_network;
    Endpoint m_endpoint;
    QString m_secret;
    ClientTimeouts m_timeouts;
    qint64 m_maxAnswerBytes = 1024 * 1024;
    quint64 m_nextId = 1;
    std::unordered_map<quint64, std::unique_ptr<Pending>> m_requests;
};
