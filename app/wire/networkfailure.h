#pragma once

#include "wire/endpoint.h"
#include "wire/fimerror.h"

#include <QNetworkReply>

// A FimError for a request that failed below HTTP (refused, reset, DNS, TLS, cut short), worded for
// the endpoint it was sent to. received: bytes of the answer that did arrive.
FimError networkFailure(QNetworkReply::NetworkError code, const QString &errorString, const Endpoint &endpoint,
                        qint64 received = 0, int httpStatus = 0);
