#include "text/suggestiontext.h"

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
    // StarCoder's template tokens only: its repository tokens (<repo_name>, <filename>) are in no
    // prompt the playground or a server builds for completion, and are ordinary XML elsewhere.
    const QStringList starcoder{QStringLiteral("<fim_prefix>"), QStringLiteral("<fim_suffix>"),
                                QStringLiteral("<fim_middle>"), QStringLiteral("<fim_pad>")};
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
    // No template and no model name to go by (llama-server answers without one): only tokens no
    // text contains, the <|...|> kind and DeepSeek's full-width bars. StarCoder's <fim_middle>
    // and the like are well-formed XML tags, so they stay.
    return {qwen + deepseek,
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

// A token shaped like a markup tag ("<s>", "</s>", "<fim_middle>") is markup, not a token, where the
// answer also holds its other half: "<s>old</s>" is HTML, "<fim_middle>x</fim_middle>" XML.
bool isMarkup(const QString &token, const QString &text)
{
    static const QRegularExpression tag(QStringLiteral("^<(/?)([A-Za-z_][\\w-]*)>$"));
    const QRegularExpressionMatch m = tag.match(token);
    if (!m.hasMatch())
        return false;
    const QString name = m.captured(2);
    return text.contains(m.captured(1).isEmpty() ? QString(QStringLiteral("</") + name + QLatin1Char('>'))
                                                 : QString(QLatin1Char('<') + name + QLatin1Char('>')));
}

QString stripTokens(QString text, const Tokens &t, QStringList *removed)
{
    auto note = [removed](const QString &what) {
        if (removed && !what.isEmpty())
            removed->append(what);
    };
    for (const QString &end : t.distinctEnd) {
        const qsizetype at = text.indexOf(end);
        if (at >= 0 && !isMarkup(end, text)) {
            note(text.mid(at));
            text.truncate(at);
        }
    }
    for (const QString &token : t.distinct) {
        if (!text.contains(token) || isMarkup(token, text))
            continue;
        note(token);
        text.remove(token);
    }
    // Look-alikes of code: a leading run of them, and an end marker that closes the answer.
    for (bool again = true; again;) {
        again = false;
        for (const QString &token : t.ambiguous) {
            if (text.startsWith(token) && !isMarkup(token, text)) {
                note(token);
                text.remove(0, token.size());
                again = true;
            }
        }
    }
    for (const QString &end : t.ambiguousEnd) {
        const QString trimmed = QStringView(text).trimmed().toString();
        if (trimmed.endsWith(end) && !isMarkup(end, trimmed)) {
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
    // Only what the answer closes without having opened it (a bracket or a string opened before
    // the cursor) can be a repeat of the text after the cursor; "len(x)" before a ")" closes its
    // own bracket and is the model's text. Brackets are matched as written: one inside a string
    // of the answer counts too, which can only keep more of the answer, never less.
    static constexpr QStringView openers = u"([{", closers = u")]}", quotes = u"\"'`";
    const qsizetype n = completion.size();
    // For each closer: where the answer opened what it closes, -1 for "before the answer", -2 for
    // a closer of another kind than the one open (never taken away).
    QList<qsizetype> openedAt(n, -2);
    QList<qsizetype> open;
    std::array<int, 3> quoteCount{};
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = completion.at(i);
        if (openers.contains(c)) {
            open.append(i);
        } else if (const qsizetype kind = closers.indexOf(c); kind >= 0) {
            if (open.isEmpty())
                openedAt[i] = -1;
            else if (openers.indexOf(completion.at(open.last())) == kind)
                openedAt[i] = open.takeLast();
        } else if (const qsizetype q = quotes.indexOf(c); q >= 0) {
            ++quoteCount[std::size_t(q)];
        }
    }
    // The end from `from` on may go when it splits no pair of the answer's own (a closer whose
    // opener stays, a quote of a kind the answer has an even number of) and closes at least one
    // thing the answer did not open.
    auto removable = [&](qsizetype from) {
        bool closesMore = false;
        std::array<int, 3> taken{};
        for (qsizetype i = from; i < n; ++i) {
            const QChar c = completion.at(i);
            if (closers.contains(c)) {
                if (openedAt.at(i) == -2 || (openedAt.at(i) >= 0 && openedAt.at(i) < from))
                    return false;
                closesMore = closesMore || openedAt.at(i) == -1;
            } else if (const qsizetype q = quotes.indexOf(c); q >= 0) {
                ++taken[std::size_t(q)];
            }
        }
        for (std::size_t q = 0; q < taken.size(); ++q) {
            if (taken[q] == 0)
                continue;
            if ((quoteCount[q] - taken[q]) % 2 != 0)
                return false; // would leave a string of the answer's own unclosed
            closesMore = closesMore || quoteCount[q] % 2 != 0;
        }
        return closesMore;
    };
    const qsizetype limit = std::min({n, textAfterCursor.size(), qsizetype(maxOverlap)});
    for (qsizetype k = limit; k > 0; --k) {
        if (QStringView(completion).right(k) == textAfterCursor.left(k) && isGraphemeBoundary(completion, n - k)
            && removable(n - k))
            return completion.left(n - k);
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
