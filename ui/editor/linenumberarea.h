#pragma once

#include <QWidget>

class CodeEditor;

// The line-number side bar of the editor, with the bracket of the window sent (EditorDecorations).
// It sizes itself to the line count and keeps the editor's left margin for it; it paints from the
// editor's block geometry (as in KSyntaxHighlighting's codeeditor example).
class LineNumberArea final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineNumberArea)

public:
    explicit LineNumberArea(CodeEditor *editor);
    QSize sizeHint() const override;
    // Follows the editor's line count and scrolling from now on.
    void follow();
    // The editor's left margin to this bar's width.
    void updateWidth();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void onUpdateRequest(const QRect &rect, int dy);

    CodeEditor *m_editor;
};
