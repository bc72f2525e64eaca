#include "wire/endpointrequest.h"

#include <QNetworkReply>

QNetworkRequest makeEndpointRequest(const QUrl &url, const QString &secret, const QByteArray &accept)
{
    QNetworkRequest req(url);
    req.setRawHeader("Accept", accept);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("fim-playground/" FIM_VERSION));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    if (!secret.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + secret.toUtf8());
    return req;
}

void abandonReply(QNetworkReply *reply, const QObject *receiver)
{
    if (!reply)
        return;
    reply->disconnect(receiver);
    reply->abort();
    reply->deleteLater();
}
