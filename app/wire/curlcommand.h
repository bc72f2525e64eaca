#pragma once

#include "wire/endpoint.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

// A curl command line that repeats a request from a terminal. The secret is never in it: the
// Authorization header names the environment variable ($CODESTRAL_API_KEY, $FIM_PROXY_TOKEN or $FIM_API_KEY).
// url: where the request went (each kind has its own route).
QString curlCommand(const Endpoint &endpoint, const QUrl &url, const QByteArray &jsonBody, bool withAuthorization, bool stream);
