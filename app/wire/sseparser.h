#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// One Server-Sent Event: its type ("message" unless an event: field said otherwise), its data
// (data: lines joined with '\n') and its id.
struct SseEvent
{
    QByteArray type = QByteArrayLiteral("message");
    QByteArray data;
    QByteArray id;

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

// Incremental parser for the text/event-stream framing (WHATWG HTML §9.2.6): lines may end in LF,
// CRLF or CR; an event, a line, a CRLF pair or a UTF-8 sequence may be split across any number of
// feed() calls; ':' lines are comments; an event is dispatched at a blank line. Plain value code: no
// QObject, no I/O.
class SseParser
{
public:
    // Parses the next bytes of the stream; returns the events they completed.
    QList<SseEvent> feed(QByteArrayView bytes);
    // The stream ended. Per the standard an event without its closing blank line is dropped;
    // returns true when that happened (the stream was cut mid-event).
    bool finish();
    // Bytes held for an unfinished line or event.
    qsizetype pendingBytes() const { return m_line.size() + m_data.size(); }

private:
    void processLine(QList<SseEvent> &out);

    QByteArray m_line;
    QByteArray m_data;
    QByteArray m_type;
    QByteArray m_lastId;
    bool m_hasData = false;
    bool m_skipLeadingLf = false; // the previous chunk ended in CR: a following LF belongs to it
    bool m_firstLine = true;      // a UTF-8 byte order mark is ignored at the very start
};
