#pragma once

#include "wire/fimerror.h"

#include <QUrl>

// The four limits on one request, each named in the message when it runs out.
struct ClientTimeouts
{
    int connectMs = 5000;     // until the request is on the wire
    int firstByteMs = 20000;  // until the response headers arrive
    int idleMs = 15000;       // longest silence while the answer arrives
    int totalMs = 60000;      // whole request

    enum class Limit { Connect, FirstByte, Idle, Total };
    // The Timeout error for a limit that ran out at this endpoint, with where to change it.
    FimError failure(Limit limit, const QUrl &baseUrl, int httpStatus) const;
};
