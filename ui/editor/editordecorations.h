#pragma once

#include <QColor>
#include <QString>
#include <QTextCursor>

class CodeEditor;
class QPainter;
class QTextBlock;

// What the code editor draws over its text and in its gutter besides the text itself:
// - the window that went to the model: text before the prefix and after the suffix is faded, and
//   the gutter has a bracket from the line where the prefix starts to the one where the suffix
//   ends (held by QTextCursors, so it follows edits until the next request replaces it);
// - the badge beside the ghost text ("2 / 4" while cycling candidates);
// - the progress sign at the cursor while a request runs.
// Painting costs what the visible lines cost, whatever the document's size.
class EditorDecorations final
{
    Q_DISABLE_COPY_MOVE(EditorDecorations)

public:
    explicit EditorDecorations(CodeEditor *editor);

    void setSentWindow(int start, int end);
    // Forgets the window. Amid a change of the document (a slot of contentsChange), its cursors
    // are let go only once the change is over: the document still holds them (finishEdit() goes
    // over the cursors it moved), and one destroyed there is written to after it was freed.
    void clearSentWindow(bool amidChange = false);
    bool hasSentWindow() const { return !m_start.isNull(); }
    int sentStart() const { return m_start.isNull() ? -1 : m_start.position(); }
    int sentEnd() const { return m_end.isNull() ? -1 : m_end.position(); }
    void setShowSentWindow(bool on) { m_show = on; }
    bool showsSentWindow() const { return m_show; }
    // Whether anything of the document lies outside the window (something to shade).
    bool isShading() const;

    void setBadge(const QString &text) { m_badge = text; }
    const QString &badge() const { return m_badge; }

    void paintViewport(QPainter &painter, const QRect &area);
    // The gutter's part for one visible line: the bracket, where the line lies in the window.
    void paintGutter(QPainter &painter, const QTextBlock &block, int top, int height, int right);

    static QColor markColor() { return QColor(0x3d, 0xae, 0xe9); }

private:
    void paintShade(QPainter &painter, const QRect &area);
    void paintBadge(QPainter &painter);

    CodeEditor *m_editor;
    QTextCursor m_start;
    QTextCursor m_end;
    bool m_show = true;
    QString m_badge;
};
