#pragma once

#include "endpoint.h"

#include <QByteArray>
#include <QString>

// A curl command line that repeats a request from a terminal. The secret is never in it: the
// Authorization header names the environment variable ($CODESTRAL_API_KEY or $FIM_PROXY_TOKEN).
QString curlCommand(const Endpoint &endpoint, const QByteArray &jsonBody, bool withAuthorization, bool stream);
