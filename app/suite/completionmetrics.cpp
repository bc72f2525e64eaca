#include "suite/completionmetrics.h"

#include "suite/promptsuite.h"
#include "text/editdistance.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <algorithm>
#include <cmath>

namespace {

QString trimmedEnd(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    return text.left(end);
}

// The text's code points with every white space character left out (sacreBLEU's whitespace=False).
QList<uint> withoutSpace(const QString &text)
{
    QList<uint> points = text.toUcs4();
    points.removeIf([](uint c) { return QChar::isSpace(char32_t(c)); });
    return points;
}

// How often each n-gram of length n occurs.
QHash<QList<uint>, int> ngrams(const QList<uint> &points, qsizetype n)
{
    QHash<QList<uint>, int> counts;
    for (qsizetype i = 0; i + n <= points.size(); ++i)
        ++counts[points.mid(i, n)];
    return counts;
}

// The first line with more than white space, trailing white space trimmed; nullopt when none has.
std::optional<QString> firstNonEmptyLine(const QString &text)
{
    for (const QString &line : text.split(u'\n'))
        if (!line.trimmed().isEmpty())
            return trimmedEnd(line);
    return std::nullopt;
}

QString percent(double score)
{
    return QString::number(qRound(score * 100));
}

} // namespace

int CompletionMetrics::levenshtein(const QString &a, const QString &b)
{
    return int(EditDistance::levenshtein(a, b));
}

double CompletionMetrics::editSimilarity(const QString &answer, const QString &expected)
{
    return EditDistance::similarity(answer, expected);
}

bool CompletionMetrics::firstLineExact(const QString &answer, const QString &expected)
{
    return firstNonEmptyLine(answer) == firstNonEmptyLine(expected);
}

double CompletionMetrics::chrF(const QString &answer, const QString &expected)
{
    constexpr int MaxOrder = 6;
    constexpr double BetaSquare = 2.0 * 2.0;
    const QList<uint> hypothesis = withoutSpace(answer);
    const QList<uint> reference = withoutSpace(expected);
    if (hypothesis.isEmpty() && reference.isEmpty())
        return 1.0;
    double precisionSum = 0;
    double recallSum = 0;
    int orders = 0;
    for (int n = 1; n <= MaxOrder; ++n) {
        const qsizetype hypothesisCount = std::max<qsizetype>(0, hypothesis.size() - n + 1);
        const qsizetype referenceCount = std::max<qsizetype>(0, reference.size() - n + 1);
        if (hypothesisCount == 0 || referenceCount == 0)
            continue; // n is longer than one of them: left out of the average
        const QHash<QList<uint>, int> h = ngrams(hypothesis, n);
        const QHash<QList<uint>, int> r = ngrams(reference, n);
        int matches = 0;
        for (auto it = h.cbegin(); it != h.cend(); ++it)
            matches += std::min(it.value(), r.value(it.key()));
        precisionSum += double(matches) / double(hypothesisCount);
        recallSum += double(matches) / double(referenceCount);
        ++orders;
    }
    if (orders == 0)
        return 0.0;
    const double p = precisionSum / orders;
    const double r = recallSum / orders;
    if (p + r == 0)
        return 0.0;
    return (1 + BetaSquare) * p * r / (BetaSquare * p + r);
}

CompletionMetrics::IdentifierOverlap CompletionMetrics::identifierOverlap(const QStringList &answer, const QStringList &expected)
{
    if (answer.isEmpty() && expected.isEmpty())
        return {1.0, 1.0, 1.0};
    if (answer.isEmpty() || expected.isEmpty())
        return {};
    QHash<QString, int> wanted;
    for (const QString &id : expected)
        ++wanted[id];
    int matches = 0;
    for (const QString &id : answer) {
        auto it = wanted.find(id);
        if (it != wanted.end() && it.value() > 0) {
            --it.value();
            ++matches;
        }
    }
    IdentifierOverlap o;
    o.precision = double(matches) / double(answer.size());
    o.recall = double(matches) / double(expected.size());
    o.f1 = o.precision + o.recall > 0 ? 2 * o.precision * o.recall / (o.precision + o.recall) : 0.0;
    return o;
}

CompletionScores CompletionScores::of(const QString &answer, const QString &expected, IdentifierLexer::Language language)
{
    CompletionScores s;
    const SuiteMatch match = SuiteMatch::of(answer, expected);
    s.exact = match.exact;
    s.prefix = match.prefix;
    const QString a = trimmedEnd(answer);
    const QString e = trimmedEnd(expected);
    s.firstLineExact = CompletionMetrics::firstLineExact(a, e);
    s.editSimilarity = CompletionMetrics::editSimilarity(a, e);
    s.chrF = CompletionMetrics::chrF(a, e);
    const QStringList answerIds = IdentifierLexer::identifiers(answer, language);
    const QStringList expectedIds = IdentifierLexer::identifiers(expected, language);
    s.identifierExact = answerIds == expectedIds;
    const CompletionMetrics::IdentifierOverlap o = CompletionMetrics::identifierOverlap(answerIds, expectedIds);
    s.identifierPrecision = o.precision;
    s.identifierRecall = o.recall;
    s.identifierF1 = o.f1;
    return s;
}

QString CompletionScores::summaryLine() const
{
    auto mark = [](bool yes) { return yes ? QStringLiteral("✓") : QStringLiteral("✗"); };
    return QCoreApplication::translate("CompletionScores", "EM %1 · line %2 · ES %3 · chrF %4 · id EM %5 · id F1 %6")
        .arg(mark(exact), mark(firstLineExact), percent(editSimilarity), percent(chrF), mark(identifierExact), percent(identifierF1));
}

ScoreSpread ScoreSpread::of(std::vector<double> values)
{
    ScoreSpread s;
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    auto nearestRank = [&values](double p) {
        const double rank = std::ceil(p * double(values.size()));
        const std::size_t index = rank <= 1 ? 0 : std::size_t(rank) - 1;
        return values[std::min(index, values.size() - 1)];
    };
    s.p50 = nearestRank(0.5);
    s.p95 = nearestRank(0.95);
    return s;
}

QString ScoreSpread::text() const
{
    if (!mean)
        return QStringLiteral("–");
    return QStringLiteral("%1 (%2/%3)").arg(percent(*mean), percent(*p50), percent(*p95));
}
