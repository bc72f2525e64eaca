#include "editor/editordecorations.h"

#include "editor/codeeditor.h"

#include <QMetaObject>
#include <QPainter>
#include <QTextBlock>
#include <QTextLayout>

#include <utility>

EditorDecorations::EditorDecorations(CodeEditor *editor)
    : m_editor(editor)
{
}

void EditorDecorations::setSentWindow(int start, int end)
{
    QTextDocument *doc = m_editor->document();
    m_start = QTextCursor(doc);
    m_start.setPosition(std::clamp(start, 0, doc->characterCount() - 1));
    m_end = QTextCursor(doc);
    m_end.setPosition(std::clamp(end, 0, doc->characterCount() - 1));
}

void EditorDecorations::clearSentWindow(bool amidChange)
{
    if (amidChange && !m_start.isNull()) {
        // Kept alive by the queued call's copies until the event loop runs it.
        QMetaObject::invokeMethod(m_editor, [start = std::exchange(m_start, QTextCursor()),
                                             end = std::exchange(m_end, QTextCursor())] {}, Qt::QueuedConnection);
        return;
    }
    m_start = QTextCursor();
    m_end = QTextCursor();
}

bool EditorDecorations::isShading() const
{
    return m_show && hasSentWindow()
        && (m_start.position() > 0 || m_end.position() < m_editor->document()->characterCount() - 1);
}

void EditorDecorations::paintViewport(QPainter &painter, const QRect &area)
{
    if (isShading())
        paintShade(painter, area);
    if (!m_badge.isEmpty() && m_editor->hasSuggestion())
        paintBadge(painter);
}

void EditorDecorations::paintShade(QPainter &painter, const QRect &area)
{
    // The background colour laid thinly over the text fades it, whatever the theme.
    QColor veil = m_editor->palette().color(QPalette::Base);
    veil.setAlphaF(0.62f);
    const int start = m_start.position();
    const int end = m_end.position();
    const int width = m_editor->viewport()->width();
    const QTextBlock startBlock = m_start.block();
    const QTextBlock endBlock = m_end.block();
    QTextBlock block = m_editor->firstVisibleBlock();
    const QPointF offset = m_editor->contentOffset();
    while (block.isValid()) {
        const QRectF r = m_editor->blockBoundingGeometry(block).translated(offset);
        if (r.top() > area.bottom())
            break;
        if (block.isVisible() && r.bottom() >= area.top()) {
            const int top = qRound(r.top());
            const int height = qRound(r.height());
            if (block.position() + block.length() - 1 < start && block != startBlock) {
                painter.fillRect(QRect(0, top, width, height), veil);
            } else if (block.position() > end && block != endBlock) {
                painter.fillRect(QRect(0, top, width, height), veil);
            } else {
                // The lines the window begins or ends in: only the part outside it.
                if (block == startBlock && start > block.position()) {
                    QTextCursor c(m_start);
                    const int x = m_editor->cursorRect(c).left();
                    painter.fillRect(QRect(0, top, x, height), veil);
                }
                if (block == endBlock && end < block.position() + block.length() - 1) {
                    const int x = m_editor->cursorRect(m_end).left();
                    painter.fillRect(QRect(x, top, width - x, height), veil);
                }
            }
        }
        block = block.next();
    }
}

void EditorDecorations::paintBadge(QPainter &painter)
{
    const int position = m_editor->suggestionPosition();
    const QTextBlock block = m_editor->document()->findBlock(position);
    if (!block.isValid() || !block.layout())
        return;
    const QTextLine line = block.layout()->lineForTextPosition(position - block.position());
    if (!line.isValid())
        return;
    const QRectF geometry = m_editor->blockBoundingGeometry(block).translated(m_editor->contentOffset());
    QFont font = m_editor->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics fm(font);
    const QRectF text(geometry.left() + line.naturalTextWidth() + fm.horizontalAdvance(QLatin1Char(' ')) * 2,
                      geometry.top() + line.y(), fm.horizontalAdvance(m_badge) + 12, line.height());
    QColor fill = markColor();
    fill.setAlphaF(0.18f);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(text.adjusted(0, 1, 0, -1), 4, 4);
    painter.setPen(m_editor->palette().color(QPalette::Text));
    painter.setFont(font);
    painter.drawText(text, Qt::AlignCenter, m_badge);
    painter.restore();
}

void EditorDecorations::paintGutter(QPainter &painter, const QTextBlock &block, int top, int height, int right)
{
    // Only where something was left out: a bracket round the whole document says nothing.
    if (!isShading())
        return;
    const int first = m_start.blockNumber();
    const int last = m_end.blockNumber();
    const int n = block.blockNumber();
    if (n < first || n > last)
        return;
    // A bracket along the gutter's right edge: ticks where the prefix starts and the suffix ends.
    painter.save();
    painter.setPen(QPen(markColor(), 2));
    const int x = right - 2;
    const int y0 = n == first ? top + 2 : top;
    const int y1 = n == last ? top + height - 2 : top + height;
    painter.drawLine(x, y0, x, y1);
    if (n == first)
        painter.drawLine(x - 5, y0, x, y0);
    if (n == last)
        painter.drawLine(x - 5, y1, x, y1);
    painter.restore();
}
