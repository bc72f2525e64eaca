#pragma once

#include "suite/completionmetrics.h"
#include "suite/promptsuite.h"

#include <QPlainTextEdit>

#include <optional>

// Compare's Expected field: what the answer at the cursor should be, typed in or taken from a case
// saved in this session (Save Cursor as Case…) whose prefix and suffix are those of the run. What
// the user typed is never replaced; what was taken for one place is cleared at another.
class ExpectedAnswerEdit final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExpectedAnswerEdit)

public:
    explicit ExpectedAnswerEdit(QWidget *parent = nullptr);

    // A saved case; one with no expected answer is not kept.
    void rememberCase(const SuiteCase &suiteCase);
    // For a run at prefix and suffix: the newest remembered case there gives its expected answer,
    // unless the field holds text the user typed. Returns that case's name, or empty.
    QString takeFor(const QString &prefix, const QString &suffix);
    // An answer's metrics against the field's text; none while it is empty.
    std::optional<CompletionScores> scoresOf(const QString &answer, IdentifierLexer::Language language) const;

private:
    QList<SuiteCase> m_cases; // newest last
    QString m_taken;          // what takeFor() put in (not typed)
};
