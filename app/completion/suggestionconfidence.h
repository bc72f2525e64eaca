#pragma once

#include "wire/tokenprobability.h"

#include <QList>
#include <QString>

#include <optional>

// A stretch of a suggestion's text that came from one token, with that token's probability.
struct ConfidenceSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    double probability = 1;

    friend bool operator==(const ConfidenceSpan &, const ConfidenceSpan &) = default;
};

// What the user asked of the servers' token probabilities (Settings ▸ Editor, View ▸ Show
// Confidence), and the rules that follow from it: which requests ask for probabilities, where each
// token of a suggestion lies in its text, which finished suggestions are dropped. Plain value code.
struct SuggestionConfidence
{
    bool show = false;     // shade the ghost text by each token's probability
    double hideBelow = 0;  // drop a finished suggestion whose probability is below this; 0: off

    // How many likeliest alternatives a request asks for with each token (for the inspector).
    static constexpr int Alternatives = 3;

    // The request's nProbs: Alternatives when shading or hiding is on, else none.
    std::optional<int> nProbs() const;
    // Whether a streamed suggestion must wait for its end before it is drawn: its probability is
    // known only then.
    bool holdsStreams() const { return hideBelow > 0; }
    // Whether a finished suggestion of this probability is not drawn: hiding is on, the probability
    // is known (no probabilities: shown) and below the threshold.
    bool hides(std::optional<double> probability) const;

    // The spans of shown (the cleaned suggestion) that each token of the answer gave, from the raw
    // answer and its tokens, whose texts join to raw. shown is found in raw (the cleaning rules
    // usually cut the end, sometimes the start); where it is not, or the tokens do not join to raw,
    // there are none and the suggestion is drawn unshaded. Tokens without a probability give none.
    static QList<ConfidenceSpan> spans(const QString &raw, const QString &shown, const QList<TokenProbability> &tokens);
    // The latency table's mark for a hidden suggestion: "hidden: p=0.12".
    static QString hiddenLabel(double probability);
};
