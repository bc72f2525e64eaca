#include "extracontext/contextring.h"

#include <algorithm>

ContextRing::ContextRing(int capacity, int chunkLines)
    : m_capacity(std::max(1, capacity))
    , m_chunkLines(std::max(3, chunkLines))
{
}

void ContextRing::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    if (m_chunks.size() > m_capacity) {
        m_chunks.remove(0, m_chunks.size() - m_capacity);
        ++m_revision;
    }
}

ContextItem ContextRing::chunkAround(const QStringList &lines, int line, ContextItem::Reason reason,
                                     const QString &filename, const QString &path) const
{
    ContextItem item;
    item.reason = reason;
    item.filename = filename;
    item.path = path;
    const int n = int(lines.size());
    if (n == 0)
        return item;
    const int size = std::min(m_chunkLines, n);
    const int first = std::clamp(line - size / 2, 0, n - size);
    item.firstLine = first + 1;
    item.lastLine = first + size;
    item.text = lines.mid(first, size).join(QLatin1Char('\n')) + QLatin1Char('\n');
    return item;
}

ContextItem ContextRing::chunkOf(const QString &text, ContextItem::Reason reason, const QString &filename,
                                 const QString &path, int firstLine) const
{
    ContextItem item;
    item.text = text;
    const QStringList lines = item.lines().mid(0, m_chunkLines);
    item.reason = reason;
    item.filename = filename;
    item.path = path;
    item.firstLine = firstLine;
    item.lastLine = firstLine + int(lines.size()) - 1;
    item.text = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return item;
}

bool ContextRing::add(ContextItem item)
{
    const QStringList lines = item.lines();
    if (lines.size() < 3)
        return false;
    for (const ContextItem &c : std::as_const(m_chunks))
        if (c.text == item.text)
            return false;
    m_chunks.removeIf([&](const ContextItem &c) { return ContextSimilarity::of(c.lines(), lines) > EvictAbove; });
    while (m_chunks.size() >= m_capacity)
        m_chunks.removeFirst();
    item.source = ContextItem::Source::Ring;
    item.serial = ++m_serial;
    m_chunks.append(item);
    ++m_revision;
    return true;
}

bool ContextRing::remove(quint64 serial)
{
    const bool removed = m_chunks.removeIf([&](const ContextItem &c) { return c.serial == serial; }) > 0;
    if (removed)
        ++m_revision;
    return removed;
}

void ContextRing::rename(const QString &oldPath, const QString &oldName, const QString &newPath, const QString &newName)
{
    for (ContextItem &c : m_chunks) {
        if (c.path == oldPath && c.filename == oldName) {
            c.path = newPath;
            c.filename = newName;
            ++m_revision;
        }
    }
}
