#pragma once

#include "wire/endpoint.h"

#include <QByteArray>
#include <QCache>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

// One token as the server split the text: its id, its text, and whether it is one of the model's
// special tokens (<|fim_prefix|>, <file_sep>, [SUFFIX]...) rather than text.
struct TokenPiece
{
    int id = -1;
    QString piece;
    bool special = false;

    friend bool operator==(const TokenPiece &, const TokenPiece &) = default;
};

// The server's own tokenisation of a text, where the server has a route for it (llama-server's
// POST /tokenize {content, with_pieces, parse_special}); other kinds have none, and their counts
// stay estimates. Asked off the keystroke path, one request at a time per text, the answers kept
// per endpoint and text (the last 64), so asking again for the same text costs nothing.
class ServerTokenizer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerTokenizer)

public:
    explicit ServerTokenizer(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ServerTokenizer() override;

    static bool canTokenize(const Endpoint &endpoint) { return endpoint.kind == EndpointKind::LlamaCpp; }

    // The endpoint whose tokenisation is asked for next (requests in flight keep theirs).
    void setEndpoint(const Endpoint &endpoint, const QString &secret);
    bool available() const { return canTokenize(m_endpoint); }
    const Endpoint &endpoint() const { return m_endpoint; }
    // Asks for text's tokens; tokenized() follows (at once from the cache, never from within this
    // call), or failed(). Nothing happens for an endpoint that cannot tokenize. After a failure the
    // server is not asked for RestAfterFailureMs (failed() follows at once, with the last reason),
    // and not at all, until the endpoint changes, when it has no such route (404, 501).
    void tokenize(const QString &text);
    static constexpr int RestAfterFailureMs = 10000;
    void setRestAfterFailure(int ms) { m_restMs = ms; }
    // The tokens already known for text on the current endpoint, or nullptr.
    const QList<TokenPiece> *cached(const QString &text) const;

    // {tokens: [{id, piece}]} as llama-server answers (a piece comes as a list of bytes when it
    // is no whole UTF-8 character); nullopt when the body is not that.
    static std::optional<QList<TokenPiece>> parse(QByteArrayView body);
    // Whether a piece is a special token by its shape: <|...|>, the named ones of StarCoder and
    // CodeLlama (<fim_prefix>, <file_sep>, <PRE>, </s>...), [UPPER_CASE], DeepSeek-Coder's <｜...｜>.
    static bool looksSpecial(const QString &piece);

signals:
    void tokenized(const QUrl &baseUrl, const QString &text, const QList<TokenPiece> &tokens);
    void failed(const QUrl &baseUrl, const QString &text, const QString &reason);

private:
    static QByteArray keyOf(const Endpoint &endpoint, const QString &text);

    QNetworkAccessManager *m_network;
    Endpoint m_endpoint;
    QString m_secret;
    QCache<QByteArray, QList<TokenPiece>> m_cache{64};
    QHash<QByteArray, QPointer<QNetworkReply>> m_pending;
    QElapsedTimer m_failedAt; // the last ask failed: none again for m_restMs
    int m_restMs = RestAfterFailureMs;
    bool m_noRoute = false;   // 404 or 501: none again until the endpoint changes
    QString m_lastFailure;
};
