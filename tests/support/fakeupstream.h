#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// An HTTP/1.1 server on 127.0.0.1:<free port> that answers like Codestral or the seed proxy and
// misbehaves on demand: delays, streams, resets, truncation, stalls, endless bodies, each error
// shape. Keep-alive is supported so tests can check connection reuse. Single-threaded: it runs in
// the test's event loop.
class FakeUpstream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeUpstream)

public:
    struct Reply
    {
        enum class Fault {
            None,
            ResetMidBody,        // send the headers and part of the body, then reset the connection
            Truncate,            // declare a Content-Length, send half of it, close
            StallAfterHeaders,   // send the headers, then nothing
            StallBeforeHeaders,  // accept the request, send nothing
            Endless,             // a chunked body that never ends
            CloseWithoutAnswer,  // close the connection as soon as the request arrives
        };
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QList<QByteArray> chunks; // the body, in pieces
        bool chunked = false;     // Transfer-Encoding: chunked (else Content-Length)
        int firstDelayMs = 0;     // before the status line
        int chunkDelayMs = 0;     // between pieces
        Fault fault = Fault::None;
    };

    struct Recorded
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        int connection = 0; // which connection (1-based) carried it
        QJsonObject json() const;
    };

    explicit FakeUpstream(QObject *parent = nullptr);
    ~FakeUpstream() override;

    // On 127.0.0.1: a free port, or the one given (fake-upstream --port, to stand where a real server would).
    bool listen(quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const;

    // The answer for a path from now on; enqueue() answers the next request only.
    void setReply(const QByteArray &path, const Reply &reply) { m_replies.insert(path, reply); }
    void enqueue(const QByteArray &path, const Reply &reply) { m_queued[path].append(reply); }

    const QList<Recorded> &requests() const { return m_requests; }
    // The last request to a path, or an empty one: the completion a test sent, while health checks
    // (a proxy's /v1/usage after each) come and go.
    Recorded lastRequestTo(const QByteArray &path) const
    {
        for (auto it = m_requests.crbegin(); it != m_requests.crend(); ++it)
            if (it->path == path)
                return *it;
        return {};
    }
    int connectionCount() const { return m_connections; }

    // Canned answers.
    static Reply json(int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers = {});
    static Reply text(int status, const QByteArray &body, const QByteArray &contentType = "text/plain");
    static Reply codestralCompletion(const QString &text, const QString &finishReason = QStringLiteral("stop"));
    static Reply seedCompletion(const QString &text);
    // An SSE stream with one event per piece of text, in Codestral's chunk shape, ending in [DONE].
    static Reply codestralStream(const QStringList &deltas, int delayMs = 0, bool done = true);
    static Reply sse(const QList<QByteArray> &rawPieces, int delayMs = 0);
    static QByteArray seedHealthBody();
    static QByteArray seedModelsBody();

signals:
    void requestReceived(const FakeUpstream::Recorded &request);

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(Connection *c);
    void respond(Connection *c, const Recorded &request);
    void sendPieces(Connection *c, const Reply &reply, int index);
    void sendEndless(Connection *c, qint64 sent);

    QTcpServer m_server;
    QHash<QByteArray, Reply> m_replies;
    QHash<QByteArray, QList<Reply>> m_queued;
    QList<Recorded> m_requests;
    QList<Connection *> m_open;
    int m_connections = 0;
};
