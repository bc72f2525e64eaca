#pragma once

#include "suite/identifierlexer.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// The metrics FIM benchmarks score a completion with against the expected text. Plain functions of
// two strings. Characters are Unicode code points throughout (QString::toUcs4()): an emoji outside
// the Basic Multilingual Plane is one character, not the two UTF-16 units QChar would count.
//
// All scores are 0..1 (benchmarks print them ×100; so do this playground's tables).
namespace CompletionMetrics {

// The Levenshtein distance: the fewest insertions, deletions and substitutions of one code point
// that turn a into b.
int levenshtein(const QString &a, const QString &b);

// Edit similarity (RepoBench, CrossCodeEval): 1 − levenshtein(a, e) / max(length(a), length(e)),
// lengths in code points; 1 when both are empty. The texts as given (CompletionScores trims them).
double editSimilarity(const QString &answer, const QString &expected);

// First-line exact match: the first non-empty lines of both are equal. A line is empty when it has
// nothing but white space; lines are compared with trailing white space trimmed (as exact match
// trims the whole text), leading white space (the indentation) counts. Neither text having a
// non-empty line is a match; only one having one is not.
bool firstLineExact(const QString &answer, const QString &expected);

// chrF (Popović 2015) with sacreBLEU's defaults (char_order 6, word_order 0, beta 2,
// whitespace=False): all white space is removed from both texts first, so n-grams never hold a
// space, a tab or a line break. For n = 1..6 the character n-grams of each are counted (as
// multisets: an n-gram twice in both matches twice); precision_n = matches / answer's n-grams,
// recall_n = matches / expected's n-grams. Precision and recall are each averaged over the n for
// which both texts have at least one n-gram (an n longer than either text is left out of the
// average, as sacreBLEU does), and then chrF = (1 + β²)·P·R / (β²·P + R) with β = 2 (recall
// weighs more); 0 when P + R is 0. So it is the F-score of the averages, not the average of six
// F-scores. Both texts empty once white space is gone: 1 (they are the same; sacreBLEU says 0
// there, having nothing to count); only one empty: 0.
double chrF(const QString &answer, const QString &expected);

// Identifier precision, recall and F1 (CrossCodeEval), the identifier lists taken as multisets:
// an identifier the answer has twice and the expected text once is one match and one extra.
// matches = Σ min(count in answer, count in expected); precision = matches / answer's count,
// recall = matches / expected's count, F1 = 2PR / (P + R) (0 when P + R is 0). Both lists empty:
// all three 1 (nothing to get wrong); only one empty: all three 0. (CrossCodeEval's released
// script counts each distinct identifier once; here, as multisets, a repeat counts: an answer that
// names a variable three times where one use was expected is not as good as one that names it once.)
struct IdentifierOverlap
{
    double precision = 0;
    double recall = 0;
    double f1 = 0;
};
IdentifierOverlap identifierOverlap(const QStringList &answer, const QStringList &expected);

} // namespace CompletionMetrics

// Every metric of one answer against its expected text.
//
// Exact and prefix are SuiteMatch's (trailing white space trimmed). Edit similarity and chrF are
// taken on both texts with trailing white space trimmed too, so a final newline the model adds
// costs nothing, as it costs nothing in exact match. Identifier exact match: the identifier lists
// (IdentifierLexer, in the language given) are equal as sequences; precision, recall and F1 as
// multisets (CompletionMetrics::identifierOverlap).
struct CompletionScores
{
    bool exact = false;
    bool prefix = false;
    bool firstLineExact = false;
    bool identifierExact = false;
    double editSimilarity = 0;
    double chrF = 0;
    double identifierPrecision = 0;
    double identifierRecall = 0;
    double identifierF1 = 0;

    static CompletionScores of(const QString &answer, const QString &expected, IdentifierLexer::Language language);

    // "EM ✓ · line ✓ · ES 86 · chrF 72 · id EM ✗ · id F1 80": for a column or a diff view (×100, rounded).
    QString summaryLine() const;
};

// A score's spread over many answers: the mean and the p50 / p95 (nearest rank, as the latency
// percentiles); all empty when there are none.
struct ScoreSpread
{
    std::optional<double> mean, p50, p95;

    static ScoreSpread of(std::vector<double> values);
    // "72 (75/98)": ×100 and rounded, mean then p50/p95; "–" when empty.
    QString text() const;
};
