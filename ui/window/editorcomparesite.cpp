#include "window/editorcomparesite.h"

#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "editor/documenttextsource.h"

#include <QTextBlock>
#include <QTextDocument>

EditorCompareSite::EditorCompareSite(CodeEditor *editor, CompletionController *completion)
    : m_editor(editor)
    , m_completion(completion)
{
}

QTextDocument *EditorCompareSite::document() const
{
    return m_editor->document();
}

QTextCursor EditorCompareSite::cursor() const
{
    return m_editor->textCursor();
}

FimContext EditorCompareSite::contextAt(const QTextCursor &at, const ContextLimits &limits, const QString &lineBreak) const
{
    return ContextExtractor::extract(DocumentTextSource(at.document()), at.block().blockNumber(), at.positionInBlock(),
                                     limits, lineBreak);
}

ContextLimits EditorCompareSite::contextLimits() const
{
    return m_completion->contextLimits();
}

QString EditorCompareSite::lineBreak() const
{
    return m_completion->lineBreak();
}

AnswerCleaner::Rules EditorCompareSite::cleaningRules() const
{
    return m_completion->cleaningRules();
}

QString EditorCompareSite::definitionName() const
{
    return m_editor->definitionName();
}

KSyntaxHighlighting::Theme EditorCompareSite::theme() const
{
    return m_editor->theme();
}

void EditorCompareSite::insert(const QTextCursor &where, const QString &text)
{
    m_editor->clearSuggestion(CodeEditor::SuggestionEnd::Replaced);
    QTextCursor insert(where);
    insert.beginEditBlock(); // one undo step, however many lines
    insert.insertText(text);
    insert.endEditBlock();
    m_editor->setTextCursor(insert);
    m_editor->setFocus();
}

void EditorCompareSite::addContext(const FimContext &window, std::optional<ContextScope> scope, FimRequest &request) const
{
    m_completion->addContext(window, request, scope);
}
