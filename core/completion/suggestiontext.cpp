#include "suggestiontext.h"

#include <QRegularExpression>

namespace SuggestionText {

QString sanitize(const QString &completion)
{
    static const QRegularExpression specialTokens(QStringLiteral(
        "<\\|(?:fim_(?:prefix|suffix|middle|pad)|endoftext|file_separator|repo_name|im_end|im_start)\\|>"
        "|<fim_(?:prefix|suffix|middle)>|\\[(?:PREFIX|SUFFIX|MIDDLE)\\]|</s>|<s>|<EOT>|<\\|end\\|>"));
    QString text = completion;
    // Everything from an end-of-text token on is not part of the answer.
    for (const QString &end : {QStringLiteral("<|endoftext|>"), QStringLiteral("</s>"), QStringLiteral("<EOT>")}) {
        const qsizetype at = text.indexOf(end);
        if (at >= 0)
            text.truncate(at);
    }
    text.remove(specialTokens);
    // A code fence around the whole answer (chat-tuned models do this).
    static const QRegularExpression fenced(QStringLiteral("^\\s*```[\\w+#.-]*[ \\t]*\\n(.*?)\\n?```\\s*$"),
                                           QRegularExpression::DotMatchesEverythingOption);
    if (const QRegularExpressionMatch m = fenced.match(text); m.hasMatch())
        text = m.captured(1);
    return text;
}

QString trimOverlap(const QString &completion, QStringView textAfterCursor, int maxOverlap)
{
    const qsizetype limit = std::min({completion.size(), textAfterCursor.size(), qsizetype(maxOverlap)});
    for (qsizetype k = limit; k > 0; --k) {
        if (QStringView(completion).right(k) == textAfterCursor.left(k))
            return completion.left(completion.size() - k);
    }
    return completion;
}

qsizetype nextWordLength(QStringView s)
{
    qsizetype i = 0;
    while (i < s.size() && s.at(i).isSpace() && s.at(i) != QLatin1Char('\n'))
        ++i;
    if (i < s.size() && s.at(i) == QLatin1Char('\n'))
        return i + 1;
    if (i >= s.size())
        return i;
    auto isWord = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); };
    const bool word = isWord(s.at(i));
    const QChar first = s.at(i);
    ++i;
    while (i < s.size() && !s.at(i).isSpace() && (word ? isWord(s.at(i)) : (!isWord(s.at(i)) && s.at(i) == first)))
        ++i;
    return i;
}

qsizetype nextLineLength(QStringView s)
{
    const qsizetype nl = s.indexOf(QLatin1Char('\n'));
    return nl < 0 ? s.size() : nl + 1;
}

} // namespace SuggestionText
