#pragma once

#include "wire/clienttimeouts.h"
#include "wire/endpoint.h"
#include "wire/fimerror.h"
#include "wire/fimrequest.h"
#include "wire/requesttiming.h"
#include "wire/streamdecoder.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class FimBackend;
class FimClient;
class QNetworkAccessManager;
class QNetworkReply;
struct WireRequest;

struct CompletionResult
{
    QString text;
    QString finishReason;
    QString model; // the model that answered, when the server says
    std::optional<Usage> usage;
    RequestTiming timing; // timing.server holds the server's own figures when it gave them
    // Each token of text with its probability, when the request asked (nProbs) and the server gave
    // them: the tokens' texts join to text.
    QList<TokenProbability> probs;
};

// What went over the wire for one request, for the request inspector. The Authorization header is
// recorded only as "Bearer <redacted>": the secret never leaves the client.
struct Exchange
{
    quint64 id = 0;
    EndpointKind kind = EndpointKind::Proxy;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> requestHeaders;
    QByteArray requestBody;
    // The prompt as the model reads it, and whose: the template the playground built it with, or
    // the server's own words for it (llama-server repeats it in its answer). Empty when unknown.
    QString templateTitle;
    QString rawPrompt;
    bool promptFromServer = false; // rawPrompt is the server's (templateTitle is then empty)
    // What the client did on its own, in words ("sent again as a raw prompt: ..."), or empty.
    QString note;
    int httpStatus = 0;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    QByteArray rawAnswer; // first 256 KiB of the body or stream
    QString answerText;   // the answer's text as read from it (streamed pieces joined), before any cleaning
    // When each piece of the answer arrived (ms since the request was asked) and its bytes, for
    // the history and a replay with the original timing (the first 4,096 pieces).
    QList<QPair<double, qsizetype>> chunks;
    FimRequest request; // as asked (prefix, suffix, model, parameters)
    QString error;      // in words, when it failed
    RequestTiming timing; // as it ended
};

// One FIM request in flight, made by FimClient::complete(). It reads the answer in the wire format
// of its endpoint's kind (through a FimBackend), whole or streamed (SSE or NDJSON, whichever the
// server's Content-Type says: StreamDecoder), and applies the four timeouts and the size cap.
//
// - Exactly one of finished() or failed() is emitted, unless abort() came first; after it no
//   signal of this reply follows.
// - The reply deletes itself (deleteLater) once it is over: hold it in a QPointer.
// - No signal is emitted from within FimClient::complete().
class FimReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FimReply)

public:
    ~FimReply() override;

    quint64 id() const { return m_id; }
    // The request as asked, with the model defaulted for the endpoint.
    const FimRequest &request() const { return m_request; }
    const Exchange &exchange() const { return m_exchange; }
    const RequestTiming &timing() const { return m_timing; }
    bool isFinished() const { return m_done; }
    // The probabilities of the tokens so far (a stream's, as it grows; complete when delta() fires).
    const QList<TokenProbability> &probabilities() const { return m_probs; }
    // Stops the request at once; no signal of this reply follows.
    void abort();

signals:
    void delta(const QString &text); // streamed text as it arrives (and a whole answer to a stream request)
    void finished(const CompletionResult &result);
    void failed(const FimError &error);

private:
    friend class FimClient;
    struct Setup
    {
        Endpoint endpoint;
        const FimBackend *backend = nullptr;
        QString secret;
        ClientTimeouts timeouts;
        qint64 maxAnswerBytes = 0;
        // A body the user edited (Edit and resend), sent as it is to this URL instead of the one
        // the backend builds.
        std::optional<QByteArray> editedBody;
        QUrl editedUrl;
    };
    enum class Phase { Connecting, WaitingForHeaders, Receiving };

    FimReply(FimClient *client, quint64 id, const FimRequest &request, Setup setup, qint64 scheduledNs);
    void start(QNetworkAccessManager *network);
    bool retryAsRawPrompt(); // after a refusal of "suffix": true when sent again

    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimer();
    void readEvents(const QList<QByteArray> &payloads);
    bool readEvent(const QByteArray &payload); // false when the reply is over
    void readWholeBody();
    void endStream(bool cutMidEvent);
    void noteServerPrompt(const QString &prompt);
    void armTimer();
    void succeed();
    void fail(const FimError &error);
    void finish(RequestTiming::Outcome outcome, const std::optional<FimError> &error);
    double elapsedMs() const;
    QString host() const { return m_setup.endpoint.baseUrl.host(); }

    FimClient *m_client;
    quint64 m_id;
    FimRequest m_request;
    Setup m_setup;
    qint64 m_scheduledNs;
    QNetworkAccessManager *m_network = nullptr;
    QNetworkReply *m_reply = nullptr;
    bool m_retried = false;
    QTimer m_timer;
    RequestTiming m_timing;
    Exchange m_exchange;
    std::optional<FimError> m_configError; // reported from the timer: never from within complete()

    Phase m_phase = Phase::Connecting;
    StreamDecoder m_decoder;
    bool m_sawEnd = false;
    bool m_done = false;
    QByteArray m_body; // whole answer, or an error body (capped)
    QString m_text;
    QString m_finishReason;
    QString m_model;
    std::optional<Usage> m_usage;
    QList<TokenProbability> m_probs;
    qint64 m_received = 0;
};
