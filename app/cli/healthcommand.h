#pragma once

#include "wire/endpoint.h"

class QNetworkAccessManager;

// fim-complete --health: one health check of an endpoint, as the Health panel shows it — state,
// round trip, details, and what the server tells of itself (llama.cpp's context, a proxy member's
// usage against the quota). The secret comes from the environment. Prints "Label: value" lines,
// or one JSON object with json; returns 0 when the state is OK, 1 otherwise.
int runHealthCommand(QNetworkAccessManager *network, const Endpoint &endpoint, bool json);
