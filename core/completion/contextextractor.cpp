#include "contextextractor.h"

#include <algorithm>

StringTextSource::StringTextSource(const QString &text)
{
    // LF, CRLF and CR all end a line, as in the editor.
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    m_lines = normalized.split(QLatin1Char('\n'));
}

namespace ContextExtractor {

FimContext extract(const TextSource &source, int line, int column, const ContextLimits &limits)
{
    FimContext out;
    const int count = source.lineCount();
    if (count == 0)
        return out;
    line = std::clamp(line, 0, count - 1);
    const QString current = source.line(line);
    column = std::clamp(column, 0, int(current.size()));

    // Prefix: the cursor line's head, then whole lines upwards while they fit.
    QString head = current.left(column);
    if (head.size() > limits.maxPrefixChars) {
        head = head.right(limits.maxPrefixChars);
        out.prefixCut = true;
    }
    QStringList above;
    qsizetype used = head.size();
    int i = line - 1;
    for (; i >= 0; --i) {
        if (limits.maxPrefixLines >= 0 && line - i > limits.maxPrefixLines)
            break;
        const QString text = source.line(i);
        if (used + text.size() + 1 > limits.maxPrefixChars)
            break;
        used += text.size() + 1;
        above.append(text);
    }
    out.prefixCut = out.prefixCut || i >= 0;
    out.prefix.reserve(used);
    for (auto it = above.crbegin(); it != above.crend(); ++it) {
        out.prefix += *it;
        out.prefix += QLatin1Char('\n');
    }
    out.prefix += head;

    // Suffix: the cursor line's tail, then whole lines downwards while they fit.
    QString tail = current.mid(column);
    if (tail.size() > limits.maxSuffixChars) {
        tail.truncate(limits.maxSuffixChars);
        out.suffixCut = true;
    }
    out.suffix = tail;
    int j = line + 1;
    for (; j < count; ++j) {
        if (limits.maxSuffixLines >= 0 && j - line > limits.maxSuffixLines)
            break;
        const QString text = source.line(j);
        if (out.suffix.size() + text.size() + 1 > limits.maxSuffixChars)
            break;
        out.suffix += QLatin1Char('\n');
        out.suffix += text;
    }
    out.suffixCut = out.suffixCut || j < count;
    return out;
}

} // namespace ContextExtractor
