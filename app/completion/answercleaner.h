#pragma once

#include "text/suggestiontext.h"

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

// What is done to a model's answer before it is shown, one named rule at a time, so the playground
// can say why the ghost text differs from the raw answer and let the user turn a rule off.
//
// The rules run in this order: special tokens the model leaked, a Markdown code fence around the
// whole answer, a stop sequence the server let through (the answer ends there), the end that
// repeats the text after the cursor (only where it closes what the answer did not open:
// SuggestionText::trimOverlap), white space at the end of the answer's lines.
namespace AnswerCleaner {

enum class Rule {
    SpecialToken = 0x1,
    CodeFence = 0x2,
    StopSequence = 0x4,
    Overlap = 0x8,
    TrailingWhitespace = 0x10,
};
Q_DECLARE_FLAGS(Rules, Rule)

inline constexpr Rules allRules()
{
    return Rules(Rule::SpecialToken) | Rule::CodeFence | Rule::StopSequence | Rule::Overlap | Rule::TrailingWhitespace;
}
QList<Rule> ruleList(); // in the order they run
QString ruleName(Rule rule);        // "special token"
QString ruleDescription(Rule rule); // a sentence for a tooltip

// One rule that changed the answer, and what it took away (in the answer's own characters).
struct Step
{
    Rule rule;
    QString removed;
    friend bool operator==(const Step &, const Step &) = default;
};

struct Cleaned
{
    QString raw;
    QString text;       // what is shown
    QList<Step> steps;  // the rules that fired, in order
};

// What the cleaning needs to know of the request.
struct Context
{
    SuggestionText::Family family = SuggestionText::Family::Unknown;
    QString lineRest;  // the cursor line's text after the cursor (overlap)
    QStringList stops; // the request's stop sequences
};

Cleaned clean(const QString &raw, const Context &context, Rules rules = allRules());

// The same for an answer still streaming in: holds back what may become a token, a fence or a
// stop sequence; overlap and the end of the last line wait for the whole answer.
QString cleanStreaming(const QString &partial, const Context &context, Rules rules = allRules());

// "special token removed “<|endoftext|>”; overlap removed “)”": for status lines and tooltips.
QString describe(const QList<Step> &steps);

} // namespace AnswerCleaner

Q_DECLARE_OPERATORS_FOR_FLAGS(AnswerCleaner::Rules)
