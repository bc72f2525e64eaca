#include "editor/linenumberarea.h"

#include "editor/codeeditor.h"

#include <KSyntaxHighlighting/Theme>

#include <QPainter>
#include <QTextBlock>

LineNumberArea::LineNumberArea(CodeEditor *editor)
    : QWidget(editor)
    , m_editor(editor)
{
}

QSize LineNumberArea::sizeHint() const
{
    int digits = 1;
    for (int max = std::max(1, m_editor->blockCount()); max >= 10; max /= 10)
        ++digits;
    return {12 + m_editor->fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(digits, 3), 0};
}

void LineNumberArea::follow()
{
    connect(m_editor, &QPlainTextEdit::blockCountChanged, this, &LineNumberArea::updateWidth);
    connect(m_editor, &QPlainTextEdit::updateRequest, this, &LineNumberArea::onUpdateRequest);
    updateWidth();
}

void LineNumberArea::updateWidth()
{
    m_editor->setViewportMargins(sizeHint().width(), 0, 0, 0);
}

void LineNumberArea::onUpdateRequest(const QRect &rect, int dy)
{
    if (dy)
        scroll(0, dy);
    else
        update(0, rect.y(), width(), rect.height());
    if (rect.contains(m_editor->viewport()->rect()))
        updateWidth();
}

void LineNumberArea::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const KSyntaxHighlighting::Theme t = m_editor->theme();
    painter.fillRect(event->rect(), QColor::fromRgba(t.editorColor(KSyntaxHighlighting::Theme::IconBorder)));
    QTextBlock block = m_editor->firstVisibleBlock();
    int top = qRound(m_editor->blockBoundingGeometry(block).translated(m_editor->contentOffset()).top());
    const int current = m_editor->textCursor().blockNumber();
    const int lineHeight = m_editor->fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(m_editor->blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool isCurrent = block.blockNumber() == current;
            painter.setPen(QColor::fromRgba(t.editorColor(isCurrent ? KSyntaxHighlighting::Theme::CurrentLineNumber
                                                   : KSyntaxHighlighting::Theme::LineNumbers)));
            QFont f = m_editor->font();
            f.setBold(isCurrent);
            painter.setFont(f);
            painter.drawText(0, top, width() - 6, lineHeight, Qt::AlignRight, QString::number(block.blockNumber() + 1));
            m_editor->m_decorations.paintGutter(painter, block, top, bottom - top, width());
        }
        block = block.next();
        top = bottom;
    }
}
