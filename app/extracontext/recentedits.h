#pragma once

#include "extracontext/contextitem.h"

#include <QList>

class TextSource;

// The ranges of the current file edited lately, newest first: an edit within contextLines of a
// range joins it (and makes it the newest), else starts one; at most maxRanges are kept. Lines
// added or removed above a range move it. edited() costs a few integer compares: it runs on every
// keystroke. The chunks are read from the document only when a request is built.
class RecentEdits
{
public:
    static constexpr int DefaultRanges = 4;
    static constexpr int ContextLines = 8;

    explicit RecentEdits(int maxRanges = DefaultRanges) : m_max(std::max(1, maxRanges)) {}

    // Lines were edited at line (0-based); linesAdded lines were added there (negative: removed).
    void edited(int line, int linesAdded);
    void clear() { m_ranges.clear(); }
    bool isEmpty() const { return m_ranges.isEmpty(); }

    // Each range with ContextLines around it, at most chunkLines lines, from the document as it is
    // now; newest first.
    QList<ContextItem> chunks(const TextSource &document, int chunkLines, const QString &filename, const QString &path) const;

private:
    struct Range
    {
        int first;
        int last;
        quint64 serial;
    };
    QList<Range> m_ranges; // newest first
    int m_max;
    quint64 m_serial = 0;
};
