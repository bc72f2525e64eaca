#pragma once

#include "completion/answercleaner.h"
#include "completion/contextextractor.h"
#include "wire/fimrequest.h"

#include <KSyntaxHighlighting/Theme>

#include <QString>
#include <QTextCursor>

class QTextDocument;

// What the Compare view reads from the editor and writes into it, and no more: the panel asks the
// same window the editor's completion would send and puts an answer in as the editor would. The
// window implements it (ui/window/editorcomparesite.h); panels never include the editor.
class CompareSite
{
public:
    virtual ~CompareSite() = default;

    // The document compared in, and the editor's cursor in it.
    virtual QTextDocument *document() const = 0;
    virtual QTextCursor cursor() const = 0;
    // Prefix and suffix around at, as the completion would cut them with limits and lineBreak.
    virtual FimContext contextAt(const QTextCursor &at, const ContextLimits &limits, const QString &lineBreak) const = 0;
    virtual ContextLimits contextLimits() const = 0;
    virtual QString lineBreak() const = 0;
    virtual AnswerCleaner::Rules cleaningRules() const = 0;
    // The editor's highlighting, for the columns.
    virtual QString definitionName() const = 0;
    virtual KSyntaxHighlighting::Theme theme() const = 0;
    // Puts text in at where as one undo step, leaves the cursor after it and gives the editor focus.
    virtual void insert(const QTextCursor &where, const QString &text) = 0;
    // Adds the extra context a request for this window would carry, narrowed to scope when set
    // (the Context dimension), and the file's name; nothing is shown as sent.
    virtual void addContext(const FimContext &window, std::optional<ContextScope> scope, FimRequest &request) const = 0;

protected:
    CompareSite() = default;
    Q_DISABLE_COPY_MOVE(CompareSite)
};
