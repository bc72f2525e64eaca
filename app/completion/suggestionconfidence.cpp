#include "completion/suggestionconfidence.h"

#include <QCoreApplication>

#include <cmath>

std::optional<int> SuggestionConfidence::nProbs() const
{
    if (show || hideBelow > 0)
        return Alternatives;
    return std::nullopt;
}

bool SuggestionConfidence::hides(std::optional<double> probability) const
{
    return hideBelow > 0 && probability && *probability < hideBelow;
}

QList<ConfidenceSpan> SuggestionConfidence::spans(const QString &raw, const QString &shown, const QList<TokenProbability> &tokens)
{
    if (shown.isEmpty() || tokens.isEmpty())
        return {};
    QString joined;
    for (const TokenProbability &t : tokens)
        joined += t.token;
    if (joined != raw)
        return {};
    const qsizetype offset = raw.indexOf(shown);
    if (offset < 0)
        return {};
    const qsizetype end = offset + shown.size();
    QList<ConfidenceSpan> out;
    qsizetype at = 0;
    for (const TokenProbability &t : tokens) {
        const qsizetype from = std::max(at, offset);
        const qsizetype to = std::min(at + t.token.size(), end);
        at += t.token.size();
        if (to > from && !std::isnan(t.logprob))
            out.append({from - offset, to - from, t.probability()});
        if (at >= end)
            break;
    }
    return out;
}

QString SuggestionConfidence::hiddenLabel(double probability)
{
    return QCoreApplication::translate("SuggestionConfidence", "hidden: p=%1").arg(probability, 0, 'f', 2);
}
