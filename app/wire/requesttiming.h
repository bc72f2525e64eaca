#pragma once

#include "wire/completionparser.h"
#include "wire/servertimings.h"

#include <QDateTime>
#include <QString>

#include <optional>

// What happened to one request, for the latency panel and fim-complete --json. Times are
// milliseconds since the request was scheduled (monotonic clock); -1 when the step never happened.
struct RequestTiming
{
    enum class Outcome { Pending, Ok, Failed, Cancelled };

    quint64 id = 0;
    QDateTime scheduledAt; // wall clock, for display
    QString endpointName;
    QString host;
    QString kind; // endpointKindName()
    QString model;         // asked for; empty: the server's default
    QString answeredModel; // what the server says answered (llama-server: the .gguf's path), or empty
    bool stream = false;
    bool cacheHit = false; // answered from the playground's own cache, with no request
    // What an edge cache in front of the model said of this answer (our proxy's X-Cache): "HIT",
    // "MISS" or "BYPASS"; empty when the server said nothing.
    QString edgeCache;
    // A request asked ahead for what follows the suggestion on screen (the speculative next
    // suggestion), and whether Tab then used it; or one that only warms the server's prompt cache
    // (n_predict 0, nothing shown: CacheWarmer).
    enum class Prefetch { No, Pending, Used, Unused, Warm };
    Prefetch prefetch = Prefetch::No;
    // The answer came but was not drawn: its probability was below Hide below p (this one).
    std::optional<double> hiddenProbability;

    double sentMs = -1;       // request written to the socket
    double firstByteMs = -1;  // response headers arrived
    double firstTokenMs = -1; // first non-empty completion text
    double totalMs = -1;      // finished, failed or cancelled

    int httpStatus = 0;
    qint64 promptChars = 0;
    qint64 suffixChars = 0;
    qint64 completionChars = 0;
    qint64 requestBytes = 0;
    qint64 responseBytes = 0;
    std::optional<Usage> usage;
    std::optional<ServerTimings> server; // the server's own timings, when it gave them

    Outcome outcome = Outcome::Pending;
    QString errorKind; // FimError::kindName() when failed
};

class QJsonObject;
// Every field, with the names fim-complete --json prints (sent_ms, first_byte_ms, ...); "model" is
// the one that answered when the server said, else the one asked for.
QJsonObject requestTimingToJson(const RequestTiming &timing);
