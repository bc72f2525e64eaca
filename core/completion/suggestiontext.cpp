#include "suggestiontext.h"

#include <QRegularExpression>
#include <QTextBoundaryFinder>

#include <array>

namespace SuggestionText {

namespace {

struct Tokens
{
    QStringList distinct;      // no code contains these: removed anywhere
    QStringList distinctEnd;   // end-of-text tokens of that kind: the answer ends there
    QStringList ambiguous;     // look like code: removed only at the very start
    QStringList ambiguousEnd;  // end-of-text tokens that look like code: only at the very end
};

Tokens makeTokens(Family family)
{
    const QStringList qwen{QStringLiteral("<|fim_prefix|>"), QStringLiteral("<|fim_suffix|>"),
                           QStringLiteral("<|fim_middle|>"), QStringLiteral("<|fim_pad|>"),
                           QStringLiteral("<|repo_name|>"), QStringLiteral("<|im_start|>")};
    const QStringList starcoder{QStringLiteral("<fim_prefix>"), QStringLiteral("<fim_suffix>"),
                                QStringLiteral("<fim_middle>"), QStringLiteral("<fim_pad>"),
                                QStringLiteral("<repo_name>"), QStringLiteral("<filename>")};
    const QStringList deepseek{QStringLiteral("<\uFF5Cfim\u2581begin\uFF5C>"), QStringLiteral("<\uFF5Cfim\u2581hole\uFF5C>"),
                               QStringLiteral("<\uFF5Cfim\u2581end\uFF5C>"), QStringLiteral("<\uFF5Cbegin\u2581of\u2581sentence\uFF5C>")};
    switch (family) {
    case Family::Mistral:
        return {{}, {}, {QStringLiteral("<s>"), QStringLiteral("[PREFIX]"), QStringLiteral("[SUFFIX]"), QStringLiteral("[MIDDLE]")},
                {QStringLiteral("</s>")}};
    case Family::Qwen:
        return {qwen, {QStringLiteral("<|endoftext|>"), QStringLiteral("<|file_sep|>"), QStringLiteral("<|im_end|>")}, {}, {}};
    case Family::CodeGemma:
        return {qwen, {QStringLiteral("<|file_separator|>"), QStringLiteral("<|endoftext|>")}, {}, {QStringLiteral("<eos>")}};
    case Family::StarCoder:
        return {starcoder, {QStringLiteral("<|endoftext|>"), QStringLiteral("<file_sep>")}, {}, {}};
    case Family::DeepSeek:
        return {deepseek, {QStringLiteral("<\uFF5Cend\u2581of\u2581sentence\uFF5C>"), QStringLiteral("<|EOT|>")}, {}, {}};
    case Family::CodeLlama:
        return {{}, {}, {QStringLiteral("<s>"), QStringLiteral("<PRE>"), QStringLiteral("<SUF>"), QStringLiteral("<MID>")},
                {QStringLiteral("<EOT>"), QStringLiteral("</s>")}};
    case Family::Unknown:
        break;
    }
    return {qwen + starcoder + deepseek,
            {QStringLiteral("<|endoftext|>"), QStringLiteral("<|file_sep|>"), QStringLiteral("<|im_end|>"),
             QStringLiteral("<|file_separator|>"), QStringLiteral("<\uFF5Cend\u2581of\u2581sentence\uFF5C>"),
             QStringLiteral("<|EOT|>")},
            {},
            {}};
}

// Built once per family: cleaning runs for every piece of a stream.
const Tokens &tokensOf(Family family)
{
    static const std::array<Tokens, 7> all{makeTokens(Family::Unknown), makeTokens(Family::Mistral), makeTokens(Family::Qwen),
                                           makeTokens(Family::CodeGemma), makeTokens(Family::StarCoder),
                                           makeTokens(Family::DeepSeek), makeTokens(Family::CodeLlama)};
    return all[std::size_t(family)];
}

QString stripTokens(QString text, const Tokens &t, QStringList *removed)
{
    auto note = [removed](const QString &what) {
        if (removed && !what.isEmpty())
            removed->append(what);
    };
    for (const QString &end : t.distinctEnd) {
        const qsizetype at = text.indexOf(end);
        if (at >= 0) {
            note(text.mid(at));
            text.truncate(at);
        }
    }
    for (const QString &token : t.distinct) {
        if (removed && text.contains(token))
            note(token);
        text.remove(token);
    }
    // Look-alikes of code: a leading run of them, and an end marker that closes the answer.
    for (bool again = true; again;) {
        again = false;
        for (const QString &token : t.ambiguous) {
            // "<s>" opening a "</s>" later in the answer is HTML, not a start-of-text token.
            if (text.startsWith(token) && !(token == u"<s>" && text.indexOf(QStringLiteral("</s>")) > 0)) {
                note(token);
                text.remove(0, token.size());
                again = true;
            }
        }
    }
    for (const QString &end : t.ambiguousEnd) {
        const QString trimmed = QStringView(text).trimmed().toString();
        // "</s>" closing an "<s>" of the answer is HTML, not an end-of-text token.
        if (trimmed.endsWith(end) && !(end == u"</s>" && trimmed.contains(QStringLiteral("<s>")))) {
            note(text.mid(text.lastIndexOf(end)));
            text.truncate(text.lastIndexOf(end));
        }
    }
    return text;
}

} // namespace

QString stripFence(const QString &text)
{
    static const QRegularExpression fenced(QStringLiteral("^\\s*```[\\w+#.-]*[ \\t]*\\n(.*?)\\n?```\\s*$"),
                                           QRegularExpression::DotMatchesEverythingOption);
    if (const QRegularExpressionMatch m = fenced.match(text); m.hasMatch())
        return m.captured(1);
    return text;
}

Family familyForModel(const QString &model, bool mistralEndpoint)
{
    const QString m = model.toLower();
    if (m.isEmpty())
        return mistralEndpoint ? Family::Mistral : Family::Unknown;
    if (m.contains(u"codestral") || m.contains(u"mistral") || m.contains(u"devstral"))
        return Family::Mistral;
    if (m.contains(u"qwen"))
        return Family::Qwen;
    if (m.contains(u"codegemma"))
        return Family::CodeGemma;
    if (m.contains(u"starcoder"))
        return Family::StarCoder;
    if (m.contains(u"deepseek"))
        return Family::DeepSeek;
    if (m.contains(u"codellama") || m.contains(u"code-llama"))
        return Family::CodeLlama;
    return Family::Unknown;
}

QString familyName(Family family)
{
    switch (family) {
    case Family::Mistral:
        return QStringLiteral("Mistral");
    case Family::Qwen:
        return QStringLiteral("Qwen");
    case Family::CodeGemma:
        return QStringLiteral("CodeGemma");
    case Family::StarCoder:
        return QStringLiteral("StarCoder");
    case Family::DeepSeek:
        return QStringLiteral("DeepSeek");
    case Family::CodeLlama:
        return QStringLiteral("CodeLlama");
    case Family::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString stripSpecialTokens(const QString &completion, Family family, QStringList *removed)
{
    return stripTokens(completion, tokensOf(family), removed);
}

QString sanitize(const QString &completion, Family family)
{
    return stripFence(stripTokens(completion, tokensOf(family), nullptr));
}

QString sanitizeStreaming(const QString &partial, Family family, bool tokens, bool fence)
{
    const Tokens &t = tokensOf(family);
    QString text = partial;
    // Hold back a tail that may be the start of a token ("<", "<|fi"): the next piece tells.
    qsizetype hold = 0;
    for (const QStringList *list : {&t.distinct, &t.distinctEnd, &t.ambiguousEnd}) {
        for (const QString &token : *list) {
            for (qsizetype k = std::min(token.size() - 1, text.size()); k >= 1; --k) {
                if (QStringView(text).right(k) == QStringView(token).left(k)) {
                    hold = std::max(hold, k);
                    break;
                }
            }
        }
    }
    if (tokens) {
        text.chop(hold);
        text = stripTokens(text, t, nullptr);
    }
    if (!fence)
        return text;
    // A code fence: nothing until its opening line is complete, then not that line; and not a
    // closing fence that is still arriving.
    static const QRegularExpression nonSpace(QStringLiteral("\\S"));
    const qsizetype firstNonSpace = text.indexOf(nonSpace);
    if (firstNonSpace >= 0 && QStringView(u"```").startsWith(QStringView(text).sliced(firstNonSpace)))
        return {}; // "`" or "``": may become a fence
    if (firstNonSpace >= 0 && QStringView(text).sliced(firstNonSpace).startsWith(u"```")) {
        const qsizetype newline = text.indexOf(QLatin1Char('\n'), firstNonSpace);
        if (newline < 0)
            return {};
        text.remove(0, newline + 1);
        const qsizetype lastLine = text.lastIndexOf(QLatin1Char('\n')) + 1;
        const QStringView tail = QStringView(text).sliced(lastLine).trimmed();
        if (!tail.isEmpty() && QStringView(u"```").startsWith(tail))
            text.truncate(lastLine > 0 ? lastLine - 1 : 0);
        else if (tail.startsWith(u"```"))
            text.truncate(lastLine > 0 ? lastLine - 1 : 0);
        // Inside a fence, a line break at the end may be the one before the closing fence.
        if (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
    }
    return text;
}

QString trimOverlap(const QString &completion, QStringView textAfterCursor, int maxOverlap)
{
    const qsizetype limit = std::min({completion.size(), textAfterCursor.size(), qsizetype(maxOverlap)});
    for (qsizetype k = limit; k > 0; --k) {
        if (QStringView(completion).right(k) == textAfterCursor.left(k)
            && isGraphemeBoundary(completion, completion.size() - k))
            return completion.left(completion.size() - k);
    }
    return completion;
}

bool isGraphemeBoundary(QStringView text, qsizetype position)
{
    if (position <= 0 || position >= text.size())
        return true;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    finder.setPosition(position);
    return finder.isAtBoundary();
}

qsizetype graphemeBoundaryBefore(QStringView text, qsizetype position)
{
    if (isGraphemeBoundary(text, position))
        return std::clamp<qsizetype>(position, 0, text.size());
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    finder.setPosition(position);
    return std::max<qsizetype>(0, finder.toPreviousBoundary());
}

qsizetype graphemeBoundaryAfter(QStringView text, qsizetype position)
{
    if (isGraphemeBoundary(text, position))
        return std::clamp<qsizetype>(position, 0, text.size());
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    finder.setPosition(position);
    const qsizetype next = finder.toNextBoundary();
    return next < 0 ? text.size() : next;
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
    // Walk whole graphemes; a grapheme's kind is that of its first code point.
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, s);
    auto isWord = [](char32_t c) { return QChar::isLetterOrNumber(c) || c == U'_'; };
    auto graphemeAt = [&](qsizetype at) {
        finder.setPosition(at);
        const qsizetype end = finder.toNextBoundary();
        return s.sliced(at, (end < 0 ? s.size() : end) - at);
    };
    const QStringView first = graphemeAt(i);
    const bool word = isWord(first.toUcs4().value(0));
    i += first.size();
    while (i < s.size()) {
        const QStringView g = graphemeAt(i);
        const char32_t c = g.toUcs4().value(0);
        if (QChar::isSpace(c) || (word ? !isWord(c) : (isWord(c) || g != first)))
            break;
        i += g.size();
    }
    return i;
}

qsizetype nextLineLength(QStringView s)
{
    const qsizetype nl = s.indexOf(QLatin1Char('\n'));
    return nl < 0 ? s.size() : nl + 1;
}

} // namespace SuggestionText
