#include "extracontext/recentedits.h"

#include "completion/contextextractor.h"

#include <algorithm>

void RecentEdits::edited(int line, int linesAdded)
{
    for (Range &r : m_ranges) {
        if (r.first > line) {
            r.first = std::max(line, r.first + linesAdded);
            r.last = std::max(r.first, r.last + linesAdded);
        } else if (r.last >= line) {
            r.last = std::max(r.first, r.last + linesAdded);
        }
    }
    const int last = line + std::max(0, linesAdded);
    for (qsizetype i = 0; i < m_ranges.size(); ++i) {
        Range r = m_ranges.at(i);
        if (line >= r.first - ContextLines && line <= r.last + ContextLines) {
            r.first = std::min(r.first, line);
            r.last = std::max(r.last, last);
            r.serial = ++m_serial;
            m_ranges.remove(i);
            m_ranges.prepend(r);
            return;
        }
    }
    m_ranges.prepend({line, last, ++m_serial});
    while (m_ranges.size() > m_max)
        m_ranges.removeLast();
}

QList<ContextItem> RecentEdits::chunks(const TextSource &document, int chunkLines, const QString &filename,
                                       const QString &path) const
{
    QList<ContextItem> out;
    const int n = document.lineCount();
    for (const Range &r : m_ranges) {
        if (n == 0 || r.first >= n)
            continue;
        int first = std::max(0, r.first - ContextLines);
        int last = std::min(n - 1, r.last + ContextLines);
        if (last - first + 1 > chunkLines) { // keep the edit's middle
            const int middle = (r.first + std::min(r.last, n - 1)) / 2;
            first = std::clamp(middle - chunkLines / 2, 0, std::max(0, n - chunkLines));
            last = std::min(n - 1, first + chunkLines - 1);
        }
        ContextItem item;
        item.source = ContextItem::Source::Edit;
        item.reason = ContextItem::Reason::Edited;
        item.filename = filename;
        item.path = path;
        item.firstLine = first + 1;
        item.lastLine = last + 1;
        for (int i = first; i <= last; ++i)
            item.text += document.line(i) + QLatin1Char('\n');
        item.serial = r.serial;
        out.append(item);
    }
    return out;
}
