#pragma once

#include <QNetworkRequest>

// A request to an endpoint with the headers every call carries: Accept, User-Agent and, when there
// is a secret, "Authorization: Bearer". Shared by the FIM client, the health monitor and the models
// fetcher so they cannot drift apart.
QNetworkRequest makeEndpointRequest(const QUrl &url, const QString &secret, const QByteArray &accept);
