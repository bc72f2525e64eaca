#include "editor/ghosttext.h"

#include <QPlainTextEdit>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTextLayout>

#include <algorithm>

namespace {

// The layout's format ranges are in layout coordinates, which include the pre-edit text: ranges
// after the pre-edit position move by its length. Shifting them ourselves (instead of asking the
// highlighter to run again) leaves the document's revision and undo stack untouched.
QList<QTextLayout::FormatRange> shifted(const QList<QTextLayout::FormatRange> &ranges, int at, int by)
{
    QList<QTextLayout::FormatRange> out;
    out.reserve(ranges.size() + 1);
    for (QTextLayout::FormatRange r : ranges) {
        if (r.start >= at) {
            r.start += by;
            out.append(r);
        } else if (r.start + r.length > at) { // straddles the position: split it
            QTextLayout::FormatRange tail = r;
            r.length = at - r.start;
            tail.start = at + by;
            tail.length -= r.length;
            out.append(r);
            out.append(tail);
        } else {
            out.append(r);
        }
    }
    return out;
}

// Removes the pre-edit area of a block, with its format range, and shifts the other ranges back.
bool clearPreedit(const QTextBlock &block)
{
    if (!block.isValid() || !block.layout() || block.layout()->preeditAreaText().isEmpty())
        return false;
    QTextLayout *layout = block.layout();
    const int start = layout->preeditAreaPosition();
    const int length = int(layout->preeditAreaText().size());
    QList<QTextLayout::FormatRange> kept;
    for (QTextLayout::FormatRange r : layout->formats()) {
        if (r.start >= start && r.start + r.length <= start + length)
            continue; // ours
        if (r.start >= start + length)
            r.start -= length;
        kept.append(r);
    }
    layout->setPreeditArea(-1, QString());
    layout->setFormats(kept);
    return true;
}

} // namespace

GhostText::GhostText(QPlainTextEdit *editor)
    : m_editor(editor)
    , m_color(editor->palette().color(QPalette::Text))
{
    m_color.setAlphaF(0.45f);
}

void GhostText::setColor(const QColor &color)
{
    m_color = color;
    if (isVisible())
        show(position(), QString(m_text), QList<ConfidenceSpan>(m_shades));
}

double GhostText::opacityFor(double baseOpacity, double probability)
{
    return baseOpacity * (0.25 + 0.75 * std::clamp(probability, 0.0, 1.0));
}

void GhostText::show(int position, const QString &text, const QList<ConfidenceSpan> &shades)
{
    clear();
    QTextDocument *doc = m_editor->document();
    if (text.isEmpty() || position < 0 || position >= doc->characterCount())
        return;
    const QTextBlock block = doc->findBlock(position);
    QTextLayout *layout = block.layout();
    if (!layout)
        return;
    m_text = text;
    m_shades = shades;
    // Each character's opacity (shades may be of a text with "\r" in it, which is not drawn).
    QList<double> opacity(text.size(), m_color.alphaF());
    for (const ConfidenceSpan &s : shades) {
        for (qsizetype i = std::max<qsizetype>(0, s.start); i < std::min(text.size(), s.start + s.length); ++i)
            opacity[i] = opacityFor(m_color.alphaF(), s.probability);
    }
    QString shown;
    QList<double> shownOpacity;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\r'))
            continue;
        shown += text.at(i) == QLatin1Char('\n') ? QChar(QChar::LineSeparator) : text.at(i);
        shownOpacity.append(opacity.at(i));
    }
    const int inBlock = position - block.position();
    QList<QTextLayout::FormatRange> formats = shifted(layout->formats(), inBlock, int(shown.size()));
    // One format range per run of equal opacity: a single one when nothing is shaded.
    for (qsizetype start = 0; start < shown.size();) {
        qsizetype end = start + 1;
        while (end < shown.size() && shownOpacity.at(end) == shownOpacity.at(start))
            ++end;
        QColor color = m_color;
        color.setAlphaF(float(shownOpacity.at(start)));
        QTextCharFormat format;
        format.setForeground(color);
        formats.append({inBlock + int(start), int(end - start), format});
        start = end;
    }
    layout->setPreeditArea(inBlock, shown);
    layout->setFormats(formats);
    // The cursors only now: placing a cursor lays its block out, and laid out without its pre-edit
    // text a block can shrink below the widest one, which makes QPlainTextDocumentLayout scan every
    // block of the document for the new widest (milliseconds per key in a large file).
    m_anchor = QTextCursor(doc);
    m_anchor.setPosition(position);
    m_blockStart = QTextCursor(block); // at the block's start, without laying anything out
    m_blockStart.setKeepPositionOnInsert(true);
    relayout(block);
}

void GhostText::clear()
{
    if (m_text.isEmpty())
        return;
    m_text.clear();
    // The block we drew in holds the pre-edit area, wherever the anchor went since; a block that
    // was deleted took its layout with it. The anchor's neighbourhood is checked too, in case the
    // block was merged into another.
    const QTextBlock anchorBlock = m_anchor.block();
    const QTextBlock drawn = m_blockStart.block();
    for (const QTextBlock &b : {drawn.previous(), drawn, anchorBlock.previous(), anchorBlock, anchorBlock.next()}) {
        if (clearPreedit(b))
            relayout(b);
    }
    m_anchor = QTextCursor();
    m_blockStart = QTextCursor();
}

void GhostText::relayout(const QTextBlock &block)
{
    // Lay the block out again (its height changes with the lines of the suggestion). Unlike
    // QSyntaxHighlighter::rehighlightBlock(), this is no edit: revision and undo stack stay.
    m_editor->document()->markContentsDirty(block.position(), block.length());
    m_editor->viewport()->update();
}
