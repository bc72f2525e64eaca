#include "wire/sseparser.h"

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> out;
    qsizetype pos = 0;
    const qsizetype size = bytes.size();
    if (m_skipLeadingLf && size > 0) {
        m_skipLeadingLf = false;
        if (bytes.at(0) == '\n')
            pos = 1;
    }
    while (pos < size) {
        // Find the next line ending (CR or LF) from pos.
        qsizetype end = pos;
        while (end < size && bytes.at(end) != '\n' && bytes.at(end) != '\r')
            ++end;
        m_line.append(bytes.sliced(pos, end - pos));
        if (end == size)
            break;
        processLine(out);
        if (bytes.at(end) == '\r') {
            if (end + 1 < size) {
                if (bytes.at(end + 1) == '\n')
                    ++end;
            } else {
                m_skipLeadingLf = true;
            }
        }
        pos = end + 1;
    }
    return out;
}

bool SseParser::finish()
{
    // A last line without its line ending is processed, but the event it may belong to has no
    // closing blank line, so it is not dispatched.
    QList<SseEvent> ignored;
    if (!m_line.isEmpty())
        processLine(ignored);
    const bool cut = m_hasData;
    m_data.clear();
    m_type.clear();
    m_hasData = false;
    m_skipLeadingLf = false;
    return cut;
}

void SseParser::processLine(QList<SseEvent> &out)
{
    QByteArrayView line(m_line);
    if (m_firstLine) {
        m_firstLine = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }
    if (line.isEmpty()) {
        if (m_hasData) {
            SseEvent event;
            if (!m_type.isEmpty())
                event.type = m_type;
            event.data = m_data;
            event.id = m_lastId;
            out.append(std::move(event));
        }
        m_data.clear();
        m_type.clear();
        m_hasData = false;
        m_line.clear();
        return;
    }
    if (line.at(0) == ':') { // comment
        m_line.clear();
        return;
    }
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = value.toByteArray();
    }
    // "retry" and unknown fields are ignored: the client does not reconnect.
    m_line.clear();
}
