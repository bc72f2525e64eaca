#pragma once

#include <QNetworkRequest>

// A request to an endpoint with the headers every call carries: Accept, User-Agent and, when there
// is a secret, "Authorization: Bearer". Shared by the FIM client, the health monitor and the models
// fetcher so they cannot drift apart.
QNetworkRequest makeEndpointRequest(const QUrl &url, const QString &secret, const QByteArray &accept);

class QNetworkReply;
class QObject;
// Stops listening to a reply, aborts it and schedules its deletion; null is fine.
void abandonReply(QNetworkReply *reply, const QObject *receiver);
