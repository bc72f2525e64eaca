#include "panels/expectedansweredit.h"

#include <algorithm>

ExpectedAnswerEdit::ExpectedAnswerEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("compareExpected"));
    setTabChangesFocus(true);
    setAccessibleName(tr("Expected answer"));
    setAccessibleDescription(tr("Optional: each column scores its answer against it (EM, ES, chrF, identifier F1)"));
    setPlaceholderText(tr("Expected answer (optional): each column then shows EM, ES, chrF and identifier F1"));
    setToolTip(tr("What the answer should be. Taken from a case you saved at this place (Save Cursor as Case…), "
                  "or typed here; each column scores its answer against it."));
    // Up to three lines high, down to one where the dock is short: it asks for no room of its own.
    document()->setDocumentMargin(2);
    const int margins = 2 * frameWidth() + 2 * 2 + 2;
    setMaximumHeight(fontMetrics().lineSpacing() * 3 + margins);
    setMinimumHeight(fontMetrics().lineSpacing() + margins);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
}

void ExpectedAnswerEdit::rememberCase(const SuiteCase &suiteCase)
{
    if (suiteCase.expected)
        m_cases.append(suiteCase);
}

QString ExpectedAnswerEdit::takeFor(const QString &prefix, const QString &suffix)
{
    const QString now = toPlainText();
    if (!now.isEmpty() && now != m_taken)
        return {}; // typed: the user's word stands
    const auto known = std::find_if(m_cases.crbegin(), m_cases.crend(), [&](const SuiteCase &c) {
        return c.request.prompt == prefix && c.request.suffix == suffix;
    });
    if (known == m_cases.crend()) {
        // What was taken belongs to another place: it does not follow the cursor here.
        if (!m_taken.isEmpty())
            clear();
        m_taken.clear();
        return {};
    }
    m_taken = *known->expected;
    setPlainText(m_taken);
    return known->name;
}

std::optional<CompletionScores> ExpectedAnswerEdit::scoresOf(const QString &answer, IdentifierLexer::Language language) const
{
    const QString expected = toPlainText();
    if (expected.isEmpty())
        return std::nullopt;
    return CompletionScores::of(answer, expected, language);
}
