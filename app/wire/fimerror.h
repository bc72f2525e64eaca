#pragma once

#include <QString>

#include <optional>

// An error as data: what kind it is, the HTTP status when there was one, and a message a person
// can act on. Carried by signals; never only logged.
struct FimError
{
    enum class Kind {
        Network,     // connection refused, reset, DNS, TLS
        Timeout,     // connect, first byte, idle or total time ran out
        Http,        // any other HTTP error status (404, 5xx, ...)
        Parse,       // the answer was not in a shape we understand
        Auth,        // 401/403: key missing or refused
        RateLimited, // 429, with retryAfterSeconds when the server said
        Config,      // the request could not be made: bad URL, missing key
        TooLarge,    // the answer passed the size cap
        Invalid,     // 400/422: the server refused the request's fields
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString message;
    std::optional<int> retryAfterSeconds;

    // "network", "timeout", ... as shown in panels and printed by fim-complete --json.
    QString kindName() const;
};
