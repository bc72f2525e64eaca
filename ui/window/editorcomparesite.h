#pragma once

#include "panels/comparesite.h"

class CodeEditor;
class CompletionController;

// The Compare view's view of the editor: the window's editor and its completion controller (both
// the window's children, made before the panel that owns this).
class EditorCompareSite final : public CompareSite
{
public:
    EditorCompareSite(CodeEditor *editor, CompletionController *completion);

    QTextDocument *document() const override;
    QTextCursor cursor() const override;
    FimContext contextAt(const QTextCursor &at, const ContextLimits &limits, const QString &lineBreak) const override;
    ContextLimits contextLimits() const override;
    QString lineBreak() const override;
    AnswerCleaner::Rules cleaningRules() const override;
    QString definitionName() const override;
    KSyntaxHighlighting::Theme theme() const override;
    void insert(const QTextCursor &where, const QString &text) override;
    void addContext(const FimContext &window, std::optional<ContextScope> scope, FimRequest &request) const override;

private:
    CodeEditor *m_editor;
    CompletionController *m_completion;
};
