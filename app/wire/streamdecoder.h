#pragma once

#include "wire/ndjsonparser.h"
#include "wire/sseparser.h"

#include <QByteArray>
#include <QList>

#include <optional>

// How the bytes of one answer are framed, and the payloads they carry: the data of SSE events or
// the lines of NDJSON, each one JSON text for a backend to read. The Content-Type decides, whatever
// the endpoint's kind usually sends, so a server that streams NDJSON where SSE was expected (or the
// reverse) is read all the same. Plain value code: no QObject, no I/O.
class StreamDecoder
{
public:
    enum class Framing { Body, Sse, Ndjson };

    // The answer's headers arrived: a 2xx with text/event-stream is SSE, with *ndjson / *jsonl /
    // json-seq NDJSON; anything else is one body.
    void start(int httpStatus, QByteArrayView contentType);
    Framing framing() const { return m_framing; }
    bool isStream() const { return m_framing != Framing::Body; }

    struct Piece
    {
        QList<QByteArray> payloads;
        std::optional<QByteArray> error; // the data of an SSE "error" event (payloads before it come first)
    };
    // The next bytes of a stream: the payloads they completed.
    Piece feed(QByteArrayView bytes);
    // The stream ended: what was left (NDJSON's last line without its line break), and whether an
    // SSE event was cut off.
    QList<QByteArray> finish(bool *cut);

    // A body that is a stream under a Content-Type that did not say so (NDJSON lines, or SSE
    // events): its payloads; nullopt when it is one JSON text (or nothing we know).
    static std::optional<QList<QByteArray>> payloadsOfUnlabelledStream(const QByteArray &body);

private:
    Framing m_framing = Framing::Body;
    SseParser m_sse;
    NdjsonParser m_ndjson;
};
