#include "net/servertokenizer.h"

#include "wire/endpointrequest.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

ServerTokenizer::ServerTokenizer(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

ServerTokenizer::~ServerTokenizer()
{
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_pending)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

QByteArray ServerTokenizer::keyOf(const Endpoint &endpoint, const QString &text)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(endpoint.baseUrl.toEncoded());
    hash.addData(QByteArrayView("\n"));
    hash.addData(text.toUtf8());
    return hash.result();
}

const QList<TokenPiece> *ServerTokenizer::cached(const QString &text) const
{
    return m_cache.object(keyOf(m_endpoint, text));
}

void ServerTokenizer::setEndpoint(const Endpoint &endpoint, const QString &secret)
{
    m_endpoint = endpoint;
    m_secret = secret;
    m_failedAt.invalidate();
    m_noRoute = false;
    m_lastFailure.clear();
}

void ServerTokenizer::tokenize(const QString &text)
{
    const Endpoint &endpoint = m_endpoint;
    if (!canTokenize(endpoint))
        return;
    const QByteArray key = keyOf(endpoint, text);
    const QUrl base = endpoint.baseUrl;
    if (const QList<TokenPiece> *known = m_cache.object(key)) {
        const QList<TokenPiece> tokens = *known;
        QTimer::singleShot(0, this, [this, base, text, tokens] { emit tokenized(base, text, tokens); });
        return;
    }
    if (m_pending.value(key))
        return; // already asked: its answer will say
    // After a failure the server rests: a server down, or one without the route, is not asked
    // again for every exchange the inspector shows (a route it lacks, until the endpoint changes).
    if (m_noRoute || (m_failedAt.isValid() && m_failedAt.elapsed() < m_restMs)) {
        QTimer::singleShot(0, this, [this, base, text, why = m_lastFailure] { emit failed(base, text, why); });
        return;
    }
    QNetworkRequest request = makeEndpointRequest(endpoint.url(QStringLiteral("/tokenize")), m_secret, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(10000);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("content"), text},
                                                      {QStringLiteral("with_pieces"), true},
                                                      {QStringLiteral("parse_special"), true}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_network->post(request, body);
    m_pending.insert(key, reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, key, base, text] {
        reply->deleteLater();
        m_pending.remove(key);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            if (base == m_endpoint.baseUrl) {
                m_failedAt.start();
                m_noRoute = status == 404 || status == 501;
                m_lastFailure = reply->errorString();
            }
            emit failed(base, text, reply->errorString());
            return;
        }
        m_failedAt.invalidate();
        std::optional<QList<TokenPiece>> tokens = parse(reply->readAll());
        if (!tokens) {
            emit failed(base, text, tr("The answer of /tokenize could not be read."));
            return;
        }
        m_cache.insert(key, new QList<TokenPiece>(*tokens));
        emit tokenized(base, text, *tokens);
    });
}

std::optional<QList<TokenPiece>> ServerTokenizer::parse(QByteArrayView body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray());
    if (!doc.isObject() || !doc.object().value(u"tokens").isArray())
        return std::nullopt;
    QList<TokenPiece> out;
    const QJsonArray tokens = doc.object().value(u"tokens").toArray();
    out.reserve(tokens.size());
    for (const QJsonValue &v : tokens) {
        TokenPiece t;
        if (v.isDouble()) { // without with_pieces: ids alone
            t.id = v.toInt();
        } else {
            const QJsonObject o = v.toObject();
            t.id = o.value(u"id").toInt(-1);
            const QJsonValue piece = o.value(u"piece");
            if (piece.isArray()) {
                QByteArray bytes;
                for (const QJsonValue &b : piece.toArray())
                    bytes.append(char(b.toInt()));
                t.piece = QString::fromUtf8(bytes);
            } else {
                t.piece = piece.toString();
            }
        }
        t.special = looksSpecial(t.piece);
        out.append(t);
    }
    return out;
}

bool ServerTokenizer::looksSpecial(const QString &piece)
{
    // <|...|> (Qwen, CodeGemma), StarCoder's and CodeLlama's named ones (not any <word>: "<div>" is
    // text), Codestral's [SUFFIX], DeepSeek-Coder's full-width bars.
    static const QRegularExpression shape(QStringLiteral(
        R"(^(<\|[^|\s]+\|>|<(fim_[a-z]+|file_sep|repo_name|filename|gh_stars|issue_[a-z]+|jupyter_[a-z]+|commit_[a-z]+|)"
        R"(empty_output|PRE|SUF|MID|EOT|s|/s|unk|pad)>|\[[A-Z_]{3,}\]|<｜[^｜]+｜>)$)"));
    return piece.size() >= 3 && shape.match(piece).hasMatch();
}
