#pragma once

#include "extracontext/contextitem.h"

#include <QList>
#include <QStringList>

// The ring of chunks llama.vim and llama.vscode keep: parts of files opened and saved, copies from
// the editor and the lines around big cursor jumps, newest last. A new chunk evicts every chunk
// more than 90 % like it (ContextSimilarity) and, when the ring is full, the oldest; a chunk equal
// to one in the ring, or of fewer than 3 lines, is not added. Plain data: the window feeds it off
// the keystroke path (open, save, copy, a jump), the assembler reads it when a request is built.
class ContextRing
{
public:
    static constexpr int DefaultCapacity = 16;
    static constexpr int DefaultChunkLines = 64;
    static constexpr double EvictAbove = 0.9;

    explicit ContextRing(int capacity = DefaultCapacity, int chunkLines = DefaultChunkLines);

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    void setChunkLines(int lines) { m_chunkLines = std::max(3, lines); }
    int chunkLines() const { return m_chunkLines; }

    // The chunk of chunkLines() lines centred on line (0-based) of lines, for a file opened or
    // saved (centred on the cursor) or a cursor jump (on where it landed). firstLine/lastLine 1-based.
    ContextItem chunkAround(const QStringList &lines, int line, ContextItem::Reason reason,
                            const QString &filename, const QString &path) const;
    // A copied text, its first chunkLines() lines.
    ContextItem chunkOf(const QString &text, ContextItem::Reason reason, const QString &filename,
                        const QString &path, int firstLine) const;

    // Adds a chunk (its serial set here); false when it was not added (too short, already there).
    bool add(ContextItem item);
    bool remove(quint64 serial);
    // The file was saved under another name (Save As): its chunks take the new one.
    void rename(const QString &oldPath, const QString &oldName, const QString &newPath, const QString &newName);
    void clear() { m_chunks.clear(); }
    // Oldest first.
    const QList<ContextItem> &chunks() const { return m_chunks; }
    // Increases on every change: whoever shows or warms the ring knows it changed.
    quint64 revision() const { return m_revision; }

private:
    QList<ContextItem> m_chunks;
    int m_capacity;
    int m_chunkLines;
    quint64 m_serial = 0;
    quint64 m_revision = 0;
};
