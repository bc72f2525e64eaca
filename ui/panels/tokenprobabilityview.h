#pragma once

#include "wire/tokenprobability.h"

#include <QWidget>

class QLabel;
class QListWidget;

// The inspector's view of an answer's token probabilities: a line with the suggestion's
// probability (TokenProbabilities::suggestionProbability), then each token in a flowing list with
// its probability, tinted by it; hovering a token shows its likeliest alternatives with theirs.
class TokenProbabilityView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenProbabilityView)

public:
    explicit TokenProbabilityView(QWidget *parent = nullptr);

    // Shows these tokens (none: the view says the answer has no probabilities).
    void setTokens(const QList<TokenProbability> &tokens);

    QLabel *summary() const { return m_summary; }
    QListWidget *tokenList() const { return m_list; }

    // How a token reads in the list: blanks made visible ("·" for a space, "↵", "→"), "∅" for a
    // token that added no text (llama-server held it back), then its probability.
    static QString tokenLabel(const TokenProbability &token);
    // The hover text: the token's probability and log-probability, then its alternatives.
    static QString alternativesText(const TokenProbability &token);

private:
    QLabel *m_summary;
    QListWidget *m_list;
};
