#include "modelsfetcher.h"

#include "endpointrequest.h"
#include "errorparser.h"
#include "networkfailure.h"

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
    QNetworkRequest req = makeEndpointRequest(endpoint.modelsUrl(), secret, QByteArrayLiteral("application/json"));
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
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->read(4 * 1024 * 1024) : QByteArray();
    const QString host = m_endpoint.baseUrl.host();
    if (status == 404 && m_endpoint.kind == EndpointKind::Codestral) {
        emit fetched(ModelListParser::builtInCodestralModels(),
                     tr("%1 has no model list; showing the known Codestral models.").arg(host));
        return;
    }
    if (status >= 400) {
        emit failed(ErrorParser::fromHttp(status, body, reply->rawHeader("Retry-After"), host));
        return;
    }
    if (status == 0) {
        emit failed(networkFailure(reply->error(), reply->errorString(), m_endpoint));
        return;
    }
    QString why;
    const std::optional<ModelList> list = ModelListParser::parse(body, &why);
    if (!list) {
        emit failed(FimError{FimError::Kind::Parse, status, tr("The model list from %1 could not be read: %2").arg(host, why), {}});
        return;
    }
    QString note;
    if (list->filteredByCapability)
        note = tr("Showing the models that can do fill-in-the-middle.");
    if (list->models.isEmpty())
        note = tr("%1 lists no FIM-capable model.").arg(host);
    emit fetched(*list, note);
}
