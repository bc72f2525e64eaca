#include "wire/streamdecoder.h"

void StreamDecoder::start(int httpStatus, QByteArrayView contentType)
{
    const QByteArray type = contentType.trimmed().toByteArray().toLower();
    m_framing = Framing::Body;
    if (httpStatus >= 300)
        return;
    if (type.startsWith("text/event-stream"))
        m_framing = Framing::Sse;
    else if (type.contains("ndjson") || type.contains("jsonl") || type.contains("json-seq"))
        m_framing = Framing::Ndjson;
}

StreamDecoder::Piece StreamDecoder::feed(QByteArrayView bytes)
{
    Piece out;
    if (m_framing == Framing::Ndjson) {
        out.payloads = m_ndjson.feed(bytes);
    } else if (m_framing == Framing::Sse) {
        for (const SseEvent &event : m_sse.feed(bytes)) {
            if (event.type == "error") {
                out.error = event.data;
                break;
            }
            out.payloads.append(event.data);
        }
    }
    return out;
}

QList<QByteArray> StreamDecoder::finish(bool *cut)
{
    *cut = false;
    if (m_framing == Framing::Sse) {
        *cut = m_sse.finish();
        return {};
    }
    if (m_framing == Framing::Ndjson) {
        if (const QByteArray last = m_ndjson.finish(); !last.isEmpty())
            return {last};
    }
    return {};
}

std::optional<QList<QByteArray>> StreamDecoder::payloadsOfUnlabelledStream(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    StreamDecoder d;
    if (trimmed.startsWith("data:")) {
        d.m_framing = Framing::Sse;
        QList<QByteArray> out = d.feed(QByteArray(body + "\n\n")).payloads;
        return out;
    }
    // Several JSON objects, one a line: NDJSON sent as application/json.
    if (trimmed.startsWith('{') && trimmed.contains("}\n{")) {
        d.m_framing = Framing::Ndjson;
        return d.feed(QByteArray(body + '\n')).payloads;
    }
    return std::nullopt;
}
