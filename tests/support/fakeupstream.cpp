#include "fakeupstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

struct FakeUpstream::Connection
{
    QPointer<QTcpSocket> socket;
    QByteArray buffer;
    int number = 0;
    bool busy = false; // answering; further requests wait (HTTP/1.1 without pipelining)
};

QJsonObject FakeUpstream::Recorded::json() const
{
    return QJsonDocument::fromJson(body).object();
}

FakeUpstream::FakeUpstream(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeUpstream::onNewConnection);
    setReply("/health", json(200, seedHealthBody()));
    setReply("/v1/models", json(200, seedModelsBody()));
    setReply("/v1/fim/completions", codestralCompletion(QStringLiteral("return a + b")));
}

FakeUpstream::~FakeUpstream()
{
    for (Connection *c : std::as_const(m_open)) {
        if (c->socket)
            c->socket->abort();
        delete c;
    }
}

bool FakeUpstream::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QUrl FakeUpstream::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void FakeUpstream::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *c = new Connection{socket, {}, ++m_connections, false};
        m_open.append(c);
        connect(socket, &QTcpSocket::readyRead, this, [this, c] { onReadyRead(c); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeUpstream::onReadyRead(Connection *c)
{
    if (!c->socket)
        return;
    c->buffer += c->socket->readAll();
    // A TLS ClientHello sent to this plain HTTP server: answer as a real one would, in plain text,
    // which the client's TLS layer then refuses.
    if (c->buffer.startsWith("\x16\x03")) {
        c->socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        c->socket->disconnectFromHost();
        c->buffer.clear();
        return;
    }
    while (!c->busy) {
        const qsizetype headerEnd = c->buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = c->buffer.left(headerEnd).split('\n');
        Recorded r;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        r.method = requestLine.value(0);
        r.path = requestLine.value(1);
        r.connection = c->number;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length", "0").toLongLong();
        if (c->buffer.size() < headerEnd + 4 + length)
            return;
        r.body = c->buffer.mid(headerEnd + 4, length);
        c->buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(r);
        emit requestReceived(r);
        c->busy = true;
        respond(c, r);
    }
}

void FakeUpstream::respond(Connection *c, const Recorded &request)
{
    QByteArray path = request.path;
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path.truncate(q);
    Reply reply;
    if (auto it = m_queued.find(path); it != m_queued.end() && !it->isEmpty())
        reply = it->takeFirst();
    else
        reply = m_replies.value(path, json(404, R"({"error":{"message":"Route not found","type":"not_found"}})"));

    auto start = [this, c, reply] {
        if (!c->socket)
            return;
        QTcpSocket *socket = c->socket;
        if (reply.fault == Reply::Fault::CloseWithoutAnswer) {
            socket->close();
            return;
        }
        if (reply.fault == Reply::Fault::StallBeforeHeaders)
            return;
        QByteArray body;
        for (const QByteArray &piece : reply.chunks)
            body += piece;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n";
        for (const auto &[name, value] : reply.headers)
            head += name + ": " + value + "\r\n";
        const bool chunked = reply.chunked || reply.fault == Reply::Fault::Endless;
        if (chunked)
            head += "Transfer-Encoding: chunked\r\n";
        else
            head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        head += "\r\n";
        socket->write(head);
        switch (reply.fault) {
        case Reply::Fault::StallAfterHeaders:
            return;
        case Reply::Fault::Endless:
            sendEndless(c, 0);
            return;
        case Reply::Fault::ResetMidBody:
            socket->write(chunked ? QByteArray::number(body.size() / 2, 16) + "\r\n" + body.left(body.size() / 2)
                                  : body.left(body.size() / 2));
            socket->flush();
            QTimer::singleShot(20, socket, [socket] { socket->abort(); });
            return;
        case Reply::Fault::Truncate:
            socket->write(body.left(body.size() / 2));
            socket->flush();
            QTimer::singleShot(20, socket, [socket] { socket->disconnectFromHost(); });
            return;
        default:
            break;
        }
        sendPieces(c, reply, 0);
    };
    if (reply.firstDelayMs > 0)
        QTimer::singleShot(reply.firstDelayMs, this, start);
    else
        start();
}

void FakeUpstream::sendPieces(Connection *c, const Reply &reply, int index)
{
    if (!c->socket)
        return;
    QTcpSocket *socket = c->socket;
    const bool chunked = reply.chunked;
    if (index >= reply.chunks.size()) {
        if (chunked)
            socket->write("0\r\n\r\n");
        socket->flush();
        c->busy = false;
        if (!c->buffer.isEmpty())
            QTimer::singleShot(0, this, [this, c] { onReadyRead(c); });
        return;
    }
    const QByteArray &piece = reply.chunks.at(index);
    if (!piece.isEmpty())
        socket->write(chunked ? QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n" : piece);
    socket->flush();
    if (reply.chunkDelayMs > 0 && index + 1 < reply.chunks.size())
        QTimer::singleShot(reply.chunkDelayMs, socket, [this, c, reply, index] { sendPieces(c, reply, index + 1); });
    else
        sendPieces(c, reply, index + 1);
}

void FakeUpstream::sendEndless(Connection *c, qint64 sent)
{
    // Bounded so that a broken client cannot make the test run forever: 256 MiB at most.
    if (!c->socket || c->socket->state() != QAbstractSocket::ConnectedState || sent > (qint64(256) << 20))
        return;
    static const QByteArray piece(64 * 1024, 'x');
    if (c->socket->bytesToWrite() < 1024 * 1024) {
        c->socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        sent += piece.size();
    }
    QTimer::singleShot(1, c->socket, [this, c, sent] { sendEndless(c, sent); });
}

FakeUpstream::Reply FakeUpstream::json(int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers)
{
    Reply r;
    r.status = status;
    r.headers = std::move(headers);
    r.headers.prepend({"Content-Type", "application/json"});
    r.chunks = {body};
    return r;
}

FakeUpstream::Reply FakeUpstream::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    Reply r;
    r.status = status;
    r.headers = {{"Content-Type", contentType}};
    r.chunks = {body};
    return r;
}

FakeUpstream::Reply FakeUpstream::codestralCompletion(const QString &text, const QString &finishReason)
{
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), text}};
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("message"), message},
                             {QStringLiteral("finish_reason"), finishReason}};
    const QJsonObject usage{{QStringLiteral("prompt_tokens"), 12},
                            {QStringLiteral("completion_tokens"), 5},
                            {QStringLiteral("total_tokens"), 17}};
    const QJsonObject body{{QStringLiteral("id"), QStringLiteral("cmpl-1")},
                           {QStringLiteral("object"), QStringLiteral("chat.completion")},
                           {QStringLiteral("model"), QStringLiteral("codestral-latest")},
                           {QStringLiteral("created"), 1704020400},
                           {QStringLiteral("usage"), usage},
                           {QStringLiteral("choices"), QJsonArray{choice}}};
    return json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

FakeUpstream::Reply FakeUpstream::seedCompletion(const QString &text)
{
    const QJsonObject choice{{QStringLiteral("text"), text},
                             {QStringLiteral("index"), 0},
                             {QStringLiteral("finish_reason"), QStringLiteral("stop")}};
    const QJsonObject body{{QStringLiteral("id"), QStringLiteral("fim-1704020400000")},
                           {QStringLiteral("object"), QStringLiteral("text_completion")},
                           {QStringLiteral("created"), 1704020400},
                           {QStringLiteral("model"), QStringLiteral("codestral-latest")},
                           {QStringLiteral("choices"), QJsonArray{choice}}};
    return json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

FakeUpstream::Reply FakeUpstream::codestralStream(const QStringList &deltas, int delayMs, bool done)
{
    QList<QByteArray> pieces;
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        const bool last = i + 1 == deltas.size();
        QJsonObject choice{{QStringLiteral("index"), 0},
                           {QStringLiteral("delta"), QJsonObject{{QStringLiteral("content"), deltas.at(i)}}},
                           {QStringLiteral("finish_reason"), last ? QJsonValue(QStringLiteral("stop")) : QJsonValue()}};
        QJsonObject chunk{{QStringLiteral("id"), QStringLiteral("cmpl-1")},
                          {QStringLiteral("model"), QStringLiteral("codestral-latest")},
                          {QStringLiteral("choices"), QJsonArray{choice}}};
        if (last)
            chunk.insert(QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 12},
                                                             {QStringLiteral("completion_tokens"), int(deltas.size())},
                                                             {QStringLiteral("total_tokens"), 12 + int(deltas.size())}});
        pieces << "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
    }
    if (done)
        pieces << "data: [DONE]\n\n";
    return sse(pieces, delayMs);
}

FakeUpstream::Reply FakeUpstream::sse(const QList<QByteArray> &rawPieces, int delayMs)
{
    Reply r;
    r.headers = {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}};
    r.chunks = rawPieces;
    r.chunked = true;
    r.chunkDelayMs = delayMs;
    return r;
}

QByteArray FakeUpstream::seedHealthBody()
{
    return R"({"status":"ok","timestamp":"2026-11-23T10:00:00.000Z","service":"cloudflare-backend"})";
}

QByteArray FakeUpstream::seedModelsBody()
{
    return R"({"object":"list","data":[{"id":"codestral-latest","object":"model","created":1704020400,"owned_by":"mistral"}]})";
}
