#include "net/modelsfetcher.h"

#include "backends/fimbackend.h"
#include "wire/endpointrequest.h"
#include "wire/errorparser.h"
#include "wire/networkfailure.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

ModelsFetcher::ModelsFetcher(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

ModelsFetcher::~ModelsFetcher()
{
    abandonReply(m_reply, this);
    for (QNetworkReply *r : std::as_const(m_details))
        abandonReply(r, this);
}

void ModelsFetcher::fetch(const Endpoint &endpoint, const QString &secret)
{
    abandonReply(m_reply, this);
    m_reply = nullptr;
    m_endpoint = endpoint;
    if (const QString why = endpoint.validationError(); !why.isEmpty()) {
        QTimer::singleShot(0, this, [this, why] { emit failed(FimError{FimError::Kind::Config, 0, why, {}}); });
        return;
    }
    m_secret = secret;
    for (QNetworkReply *r : std::as_const(m_details))
        abandonReply(r, this);
    m_details.clear();
    QNetworkRequest req = makeEndpointRequest(FimBackend::forKind(endpoint.kind).modelsUrl(endpoint), secret,
                                              QByteArrayLiteral("application/json"));
    req.setTransferTimeout(10000);
    m_reply = m_network->get(req);
    connect(m_reply, &QNetworkReply::finished, this, &ModelsFetcher::onFinished);
}

void ModelsFetcher::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    const FimBackend &backend = FimBackend::forKind(m_endpoint.kind);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->read(4 * 1024 * 1024) : QByteArray();
    const QString host = m_endpoint.baseUrl.host();
    if (status == 404) {
        if (const std::optional<ModelList> known = backend.modelsWhenMissing()) {
            emit fetched(*known, tr("%1 has no model list; showing the known Codestral models.").arg(host));
            return;
        }
    }
    if (status >= 400) {
        emit failed(backend.explainError(status, body, reply->rawHeader("Retry-After"), m_endpoint));
        return;
    }
    if (status == 0) {
        emit failed(networkFailure(reply->error(), reply->errorString(), m_endpoint));
        return;
    }
    QString why;
    const std::optional<ModelList> list = backend.parseModels(body, &why);
    if (!list) {
        emit failed(FimError{FimError::Kind::Parse, status, tr("The model list from %1 could not be read: %2").arg(host, why), {}});
        return;
    }
    m_list = *list;
    m_note.clear();
    if (list->filteredByCapability)
        m_note = tr("Showing the models that can do fill-in-the-middle.");
    if (list->models.isEmpty())
        m_note = m_endpoint.kind == EndpointKind::Ollama
            ? tr("Ollama at %1 has no model yet. Pull one: ollama pull qwen2.5-coder:1.5b").arg(host)
            : m_endpoint.kind == EndpointKind::Replay
            ? tr("No answer in the history names its model. With no model chosen, a replay takes the newest answer of any model.")
            : tr("%1 lists no FIM-capable model.").arg(host);
    // Per-model details (Ollama's capabilities) for the first models; the list is shown at once and
    // again when they are in.
    for (const ModelInfo &model : std::as_const(m_list.models).first(std::min<qsizetype>(m_list.models.size(), MaxDetails))) {
        const auto [url, requestBody] = backend.modelDetailsRequest(m_endpoint, model);
        if (!url.isValid())
            break;
        QNetworkRequest req = makeEndpointRequest(url, m_secret, QByteArrayLiteral("application/json"));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setTransferTimeout(10000);
        QNetworkReply *details = m_network->post(req, requestBody);
        m_details.append(details);
        const QString id = model.id;
        connect(details, &QNetworkReply::finished, this, [this, details, id] {
            m_details.removeOne(details);
            details->deleteLater();
            if (details->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                const QByteArray answer = details->read(1024 * 1024);
                for (ModelInfo &m : m_list.models)
                    if (m.id == id)
                        FimBackend::forKind(m_endpoint.kind).readModelDetails(answer, m);
            }
            if (m_details.isEmpty())
                emit fetched(m_list, m_note);
        });
    }
    emit fetched(m_list, m_note);
}
