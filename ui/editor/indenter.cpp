#include "editor/indenter.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace Indenter {

namespace {

// The blocks a selection touches; a selection that ends at a line's start leaves that line out.
std::pair<QTextBlock, QTextBlock> selectedBlocks(const QTextCursor &cursor)
{
    QTextDocument *doc = cursor.document();
    const int start = cursor.selectionStart();
    int end = cursor.selectionEnd();
    const QTextBlock last = doc->findBlock(end);
    if (cursor.hasSelection() && end == last.position() && end > start)
        --end;
    return {doc->findBlock(start), doc->findBlock(end)};
}

} // namespace

void insertTab(QTextCursor &cursor, int width)
{
    const int column = cursor.positionInBlock();
    cursor.insertText(QString(width - column % width, QLatin1Char(' ')));
}

void indentLines(QTextCursor &cursor, int width)
{
    const auto [first, last] = selectedBlocks(cursor);
    QTextCursor edit(cursor.document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        if (!b.text().isEmpty()) {
            edit.setPosition(b.position());
            edit.insertText(QString(width, QLatin1Char(' ')));
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
}

void unindentLines(QTextCursor &cursor, int width)
{
    const auto [first, last] = selectedBlocks(cursor);
    QTextCursor edit(cursor.document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        int remove = 0;
        if (text.startsWith(QLatin1Char('\t'))) {
            remove = 1;
        } else {
            while (remove < width && remove < text.size() && text.at(remove) == QLatin1Char(' '))
                ++remove;
        }
        if (remove > 0) {
            edit.setPosition(b.position());
            edit.setPosition(b.position() + remove, QTextCursor::KeepAnchor);
            edit.removeSelectedText();
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
}

void insertNewline(QTextCursor &cursor, int width)
{
    const QString line = cursor.block().text();
    qsizetype indentEnd = 0;
    while (indentEnd < line.size() && (line.at(indentEnd) == QLatin1Char(' ') || line.at(indentEnd) == QLatin1Char('\t')))
        ++indentEnd;
    QString indentation = line.left(std::min<qsizetype>(indentEnd, cursor.positionInBlock()));
    const QString head = line.left(cursor.positionInBlock()).trimmed();
    if (head.endsWith(QLatin1Char(':')) || head.endsWith(QLatin1Char('{')) || head.endsWith(QLatin1Char('('))
        || head.endsWith(QLatin1Char('[')))
        indentation += QString(width, QLatin1Char(' '));
    // A paragraph break, never U+2028: the document holds exactly what the file will.
    cursor.insertText(QLatin1Char('\n') + indentation);
}

bool handleKey(QTextCursor &cursor, int key, Qt::KeyboardModifiers mods, int width)
{
    // Shift+Tab arrives as Backtab from a real keyboard and as Tab+Shift from some input paths.
    const bool shiftTab = (key == Qt::Key_Backtab && (mods == Qt::ShiftModifier || mods == Qt::NoModifier))
        || (key == Qt::Key_Tab && mods == Qt::ShiftModifier);
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && (mods == Qt::NoModifier || mods == Qt::ShiftModifier)) {
        // Shift+Enter too: QPlainTextEdit would insert U+2028, a character the file never had.
        insertNewline(cursor, width);
    } else if (key == Qt::Key_Tab && mods == Qt::NoModifier) {
        if (cursor.hasSelection()
            && cursor.document()->findBlock(cursor.selectionStart()) != cursor.document()->findBlock(cursor.selectionEnd()))
            indentLines(cursor, width);
        else
            insertTab(cursor, width);
    } else if (shiftTab) {
        unindentLines(cursor, width);
    } else {
        return false;
    }
    return true;
}

} // namespace Indenter
