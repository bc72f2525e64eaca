#include "wire/ndjsonparser.h"

QList<QByteArray> NdjsonParser::feed(QByteArrayView bytes)
{
    QList<QByteArray> out;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype end = bytes.indexOf('\n', pos);
        if (end < 0) {
            m_line.append(bytes.sliced(pos));
            break;
        }
        m_line.append(bytes.sliced(pos, end - pos));
        complete(out);
        pos = end + 1;
    }
    if (m_line.size() > MaxLineBytes) {
        m_overflowed = true;
        m_line.clear();
    }
    return out;
}

QByteArray NdjsonParser::finish()
{
    QList<QByteArray> out;
    complete(out);
    return out.isEmpty() ? QByteArray() : out.constFirst();
}

void NdjsonParser::complete(QList<QByteArray> &out)
{
    if (m_line.endsWith('\r'))
        m_line.chop(1);
    // A byte order mark at the start of the stream is not part of the JSON.
    if (m_line.startsWith("\xEF\xBB\xBF"))
        m_line.remove(0, 3);
    if (!m_line.trimmed().isEmpty())
        out.append(m_line);
    m_line.clear();
}
