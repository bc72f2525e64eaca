#pragma once

#include <QWidget>

class CodeEditor;

// The line-number side bar of the editor. It only sizes itself; the editor paints it, because only
// the editor knows where its blocks are (as in KSyntaxHighlighting's codeeditor example).
class LineNumberArea final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineNumberArea)

public:
    explicit LineNumberArea(CodeEditor *editor);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    CodeEditor *m_editor;
};
