#include "endpointrequest.h"

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
