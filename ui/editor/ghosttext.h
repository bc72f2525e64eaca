#pragma once

#include "completion/suggestionconfidence.h"

#include <QColor>
#include <QString>
#include <QTextCursor>

class QPlainTextEdit;

// A suggestion drawn at a position of a QPlainTextEdit's document without being part of it.
//
// The text is laid out in the block's pre-edit area (the mechanism input methods use): it appears
// inline after the cursor in a faded colour, pushes the rest of the line to the right, and line
// breaks in it push the following lines down, so the user sees the code as it would read once
// accepted. The document, its revision, toPlainText() and the undo stack never change; the
// highlighter's format ranges are shifted around the pre-edit text.
//
// The editor owns it; it must be cleared before the document is edited (the editor does so).
class GhostText final
{
    Q_DISABLE_COPY_MOVE(GhostText)

public:
    explicit GhostText(QPlainTextEdit *editor);

    void setColor(const QColor &color);
    const QColor &color() const { return m_color; }

    // Shows text at a document position, replacing what was shown. Where shades say how likely a
    // stretch of text was (spans in text's coordinates), it is drawn at opacityFor() its
    // probability; the rest in the plain ghost colour.
    void show(int position, const QString &text, const QList<ConfidenceSpan> &shades = {});
    void clear();
    // The ghost colour's opacity for text of this probability: from a quarter of the plain ghost's
    // (p = 0) to all of it (p = 1), linear in p.
    static double opacityFor(double baseOpacity, double probability);

    bool isVisible() const { return !m_text.isEmpty(); }
    int position() const { return isVisible() ? m_anchor.position() : -1; }
    const QString &text() const { return m_text; }

private:
    void relayout(const QTextBlock &block);

    QPlainTextEdit *m_editor;
    QColor m_color;
    QTextCursor m_anchor; // follows the position if the document changes behind our back
    // The start of the block whose layout holds the pre-edit text. An insert of several lines
    // before the anchor moves the anchor blocks away, while the pre-edit area stays in the layout
    // of the block's first part, which is where this cursor stays (it keeps its position on
    // inserts). A cursor, unlike a QTextBlock handle, always names a live block.
    QTextCursor m_blockStart;
    QString m_text;
    QList<ConfidenceSpan> m_shades;
};
