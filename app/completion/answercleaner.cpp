#include "completion/answercleaner.h"

#include <QCoreApplication>

namespace AnswerCleaner {

namespace {

// Messages under the context "AnswerCleaner"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AnswerCleaner)
};

// The earliest stop sequence in text: its position, or -1.
qsizetype firstStop(const QString &text, const QStringList &stops)
{
    qsizetype first = -1;
    for (const QString &stop : stops) {
        if (stop.isEmpty())
            continue;
        const qsizetype at = text.indexOf(stop);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    return first;
}

// Spaces and tabs before each line break. At the very end only after a line break (an indented
// empty last line): a single-line answer's trailing space may be the one before the next word.
QString trimLineEnds(const QString &text, bool lastLine, QString *removed)
{
    QString out;
    out.reserve(text.size());
    qsizetype pendingFrom = -1; // start of a run of spaces/tabs not yet written
    auto isBlank = [](QChar c) { return c == QLatin1Char(' ') || c == QLatin1Char('\t'); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isBlank(c)) {
            if (pendingFrom < 0)
                pendingFrom = i;
            continue;
        }
        if (pendingFrom >= 0) {
            const QStringView run = QStringView(text).sliced(pendingFrom, i - pendingFrom);
            if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
                removed->append(run);
            else
                out.append(run);
            pendingFrom = -1;
        }
        out.append(c);
    }
    if (pendingFrom >= 0) {
        const QStringView run = QStringView(text).sliced(pendingFrom);
        const bool afterBreak = pendingFrom > 0 && (text.at(pendingFrom - 1) == QLatin1Char('\n'));
        if (lastLine && afterBreak)
            removed->append(run);
        else
            out.append(run);
    }
    return out;
}

} // namespace

QList<Rule> ruleList()
{
    return {Rule::SpecialToken, Rule::CodeFence, Rule::StopSequence, Rule::Overlap, Rule::TrailingWhitespace};
}

QString ruleName(Rule rule)
{
    switch (rule) {
    case Rule::SpecialToken:
        return Tr::tr("special token");
    case Rule::CodeFence:
        return Tr::tr("code fence");
    case Rule::StopSequence:
        return Tr::tr("stop sequence");
    case Rule::Overlap:
        return Tr::tr("overlap");
    case Rule::TrailingWhitespace:
        return Tr::tr("trailing whitespace");
    }
    return {};
}

QString ruleDescription(Rule rule)
{
    switch (rule) {
    case Rule::SpecialToken:
        return Tr::tr("Removes the model's own tokens (<|endoftext|>, <|fim_middle|>, </s>…) that leaked into the answer; "
                      "an end-of-text token ends it.");
    case Rule::CodeFence:
        return Tr::tr("Unwraps an answer that came as a Markdown code block (```lang … ```).");
    case Rule::StopSequence:
        return Tr::tr("Ends the answer at a stop sequence of the request that the server let through.");
    case Rule::Overlap:
        return Tr::tr("Drops the end of the answer that repeats the text after the cursor, where it closes what the answer "
                      "did not open, e.g. a second closing bracket.");
    case Rule::TrailingWhitespace:
        return Tr::tr("Removes spaces and tabs at the end of the answer's lines.");
    }
    return {};
}

Cleaned clean(const QString &raw, const Context &context, Rules rules)
{
    Cleaned out;
    out.raw = raw;
    QString text = raw;
    auto step = [&out](Rule rule, const QString &removed) {
        if (!removed.isEmpty())
            out.steps.append({rule, removed});
    };
    if (rules & Rule::SpecialToken) {
        QStringList removed;
        text = SuggestionText::stripSpecialTokens(text, context.family, &removed);
        step(Rule::SpecialToken, removed.join(QString()));
    }
    if (rules & Rule::CodeFence) {
        const QString unfenced = SuggestionText::stripFence(text);
        if (unfenced != text) {
            // What went is the opening line and the closing fence.
            const qsizetype at = text.indexOf(unfenced);
            step(Rule::CodeFence, at < 0 ? QStringLiteral("```") : text.left(at) + text.mid(at + unfenced.size()));
            text = unfenced;
        }
    }
    if (rules & Rule::StopSequence) {
        if (const qsizetype at = firstStop(text, context.stops); at >= 0) {
            step(Rule::StopSequence, text.mid(at));
            text.truncate(at);
        }
    }
    if (rules & Rule::Overlap) {
        const QString trimmed = SuggestionText::trimOverlap(text, context.lineRest);
        step(Rule::Overlap, text.mid(trimmed.size()));
        text = trimmed;
    }
    if (rules & Rule::TrailingWhitespace) {
        QString removed;
        text = trimLineEnds(text, true, &removed);
        step(Rule::TrailingWhitespace, removed);
    }
    out.text = text;
    return out;
}

QString cleanStreaming(const QString &partial, const Context &context, Rules rules)
{
    QString text = SuggestionText::sanitizeStreaming(partial, context.family, rules.testFlag(Rule::SpecialToken),
                                                     rules.testFlag(Rule::CodeFence));
    if (rules & Rule::StopSequence) {
        if (const qsizetype at = firstStop(text, context.stops); at >= 0) {
            text.truncate(at);
        } else {
            // Hold back a tail that may be the start of a stop sequence.
            qsizetype hold = 0;
            for (const QString &stop : context.stops) {
                for (qsizetype k = std::min(stop.size() - 1, text.size()); k >= 1; --k) {
                    if (QStringView(text).right(k) == QStringView(stop).left(k)) {
                        hold = std::max(hold, k);
                        break;
                    }
                }
            }
            text.chop(hold);
        }
    }
    if (rules & Rule::TrailingWhitespace) {
        QString removed;
        text = trimLineEnds(text, false, &removed);
        // Blanks at the end wait for what follows: a line break would take them away.
        while (text.endsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char('\t')))
            text.chop(1);
    }
    return text;
}

QString describe(const QList<Step> &steps)
{
    QStringList parts;
    for (const Step &s : steps) {
        QString shown = s.removed;
        shown.replace(QLatin1Char('\n'), QStringLiteral("↵")).replace(QLatin1Char('\t'), QStringLiteral("→"));
        if (shown.size() > 40)
            shown = shown.left(39) + QStringLiteral("…");
        parts << Tr::tr("%1 removed “%2”").arg(ruleName(s.rule), shown);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace AnswerCleaner
