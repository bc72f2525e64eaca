#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Incremental splitter for newline-delimited JSON (application/x-ndjson, as Ollama streams): one
// JSON text per line, lines ending in LF or CRLF, blank lines ignored. A line, a CRLF pair or a
// UTF-8 sequence may be split across any number of feed() calls. It only frames: each line's JSON
// is parsed by whoever reads it. Plain value code: no QObject, no I/O.
class NdjsonParser
{
public:
    // Parses the next bytes of the stream; returns the lines they completed, without line endings.
    QList<QByteArray> feed(QByteArrayView bytes);
    // The stream ended: returns the last line when it had no line ending (servers may omit it), or
    // an empty array.
    QByteArray finish();
    qsizetype pendingBytes() const { return m_line.size(); }
    // A line longer than this is a broken stream, not a JSON object: feed() reports it through
    // overflowed() and drops what it held.
    static constexpr qsizetype MaxLineBytes = 8 * 1024 * 1024;
    bool overflowed() const { return m_overflowed; }

private:
    void complete(QList<QByteArray> &out);

    QByteArray m_line;
    bool m_overflowed = false;
};
