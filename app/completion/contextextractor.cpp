#include "completion/contextextractor.h"

#include "text/suggestiontext.h"

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

FimContext extract(const TextSource &source, int line, int column, const ContextLimits &limits, const QString &lineBreak)
{
    FimContext out;
    const int count = source.lineCount();
    if (count == 0)
        return out;
    line = std::clamp(line, 0, count - 1);
    const QString current = source.line(line);
    column = std::clamp(column, 0, int(current.size()));
    const qsizetype breakSize = lineBreak.size();

    // Prefix: the cursor line's head, then whole lines upwards while they fit.
    QString head = current.left(column);
    if (head.size() > limits.maxPrefixChars) {
        const qsizetype cut = SuggestionText::graphemeBoundaryAfter(head, head.size() - limits.maxPrefixChars);
        head = head.mid(cut);
        out.prefixCut = true;
    }
    QStringList above;
    qsizetype used = head.size();
    int i = line - 1;
    for (; i >= 0; --i) {
        if (limits.maxPrefixLines >= 0 && line - i > limits.maxPrefixLines)
            break;
        const QString text = source.line(i);
        if (used + text.size() + breakSize > limits.maxPrefixChars)
            break;
        used += text.size() + breakSize;
        above.append(text);
    }
    out.prefixCut = out.prefixCut || i >= 0;
    out.firstLine = above.isEmpty() ? line : line - int(above.size());
    out.firstColumn = above.isEmpty() ? column - int(head.size()) : 0;
    out.prefix.reserve(used);
    for (auto it = above.crbegin(); it != above.crend(); ++it) {
        out.prefix += *it;
        out.prefix += lineBreak;
    }
    out.prefix += head;

    // Suffix: the cursor line's tail, then whole lines downwards while they fit.
    QString tail = current.mid(column);
    if (tail.size() > limits.maxSuffixChars) {
        tail.truncate(SuggestionText::graphemeBoundaryBefore(tail, limits.maxSuffixChars));
        out.suffixCut = true;
    }
    out.suffix = tail;
    int j = line + 1;
    for (; j < count; ++j) {
        if (limits.maxSuffixLines >= 0 && j - line > limits.maxSuffixLines)
            break;
        const QString text = source.line(j);
        if (out.suffix.size() + text.size() + breakSize > limits.maxSuffixChars)
            break;
        out.suffix += lineBreak;
        out.suffix += text;
    }
    out.suffixCut = out.suffixCut || j < count;
    out.lastLine = j - 1;
    out.lastColumn = j - 1 == line ? column + int(tail.size()) : int(source.line(j - 1).size());
    return out;
}

} // namespace ContextExtractor
