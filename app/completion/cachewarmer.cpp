#include "completion/cachewarmer.h"

#include "net/fimreply.h"

#include <QCryptographicHash>

CacheWarmer::CacheWarmer(QNetworkAccessManager *network, const FimClient *main, QObject *parent)
    : QObject(parent)
    , m_main(main)
    , m_client(network)
{
    connect(&m_client, &FimClient::timingRecorded, this, [this](RequestTiming t) {
        t.prefetch = RequestTiming::Prefetch::Warm;
        emit timingRecorded(t);
    });
}

CacheWarmer::~CacheWarmer()
{
    cancel();
}

bool CacheWarmer::warm(FimRequest request)
{
    const Endpoint &endpoint = m_main->endpoint();
    if (endpoint.kind != EndpointKind::LlamaCpp)
        return false;
    if (!(m_client.endpoint() == endpoint) || m_client.secret() != m_main->secret())
        m_client.setEndpoint(endpoint, m_main->secret());
    m_client.setTimeouts(m_main->timeouts());
    request.maxTokens = 0; // llama-server: n_predict 0, the prompt evaluated and cached only
    request.stream = false;
    request.nProbs.reset();
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(endpoint.baseUrl.toEncoded());
    h.addData(request.parameterKey());
    h.addData(request.prompt.toUtf8());
    h.addData(QByteArrayView("\0", 1));
    h.addData(request.suffix.toUtf8());
    const QByteArray key = h.result();
    if (key == m_lastKey)
        return false;
    cancel();
    m_lastKey = key;
    FimReply *reply = m_client.complete(request);
    m_reply = reply;
    const auto done = [this, reply] {
        if (m_reply == reply)
            m_reply = nullptr;
    };
    connect(reply, &FimReply::finished, this, done);
    connect(reply, &FimReply::failed, this, [this, done] {
        done();
        m_lastKey.clear(); // not warmed: another try may
    });
    return true;
}

void CacheWarmer::cancel()
{
    if (FimReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->abort();
        m_lastKey.clear();
    }
}
