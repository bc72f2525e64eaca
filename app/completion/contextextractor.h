#pragma once

#include <QString>
#include <QStringList>

// A document read line by line, so that extracting context costs what the window costs, not what
// the document costs. The editor adapts its QTextDocument to it; StringTextSource serves tests and
// fim-complete.
class TextSource
{
public:
    virtual ~TextSource() = default;
    virtual int lineCount() const = 0;
    virtual QString line(int index) const = 0; // without its line ending
};

class StringTextSource final : public TextSource
{
public:
    explicit StringTextSource(const QString &text);
    int lineCount() const override { return int(m_lines.size()); }
    QString line(int index) const override { return m_lines.at(index); }

private:
    QStringList m_lines;
};

struct ContextLimits
{
    int maxPrefixChars = 64 * 1024;
    int maxSuffixChars = 16 * 1024;
    int maxPrefixLines = -1; // lines above the cursor's line; -1: no line limit
    int maxSuffixLines = -1; // lines below the cursor's line

    friend bool operator==(const ContextLimits &, const ContextLimits &) = default;
};

struct FimContext
{
    QString prefix;
    QString suffix;
    bool prefixCut = false; // the document goes on before the prefix
    bool suffixCut = false; // the document goes on after the suffix
    // Where the window sent lies in the document: the prefix starts at (firstLine, firstColumn),
    // the suffix ends at (lastLine, lastColumn); columns in UTF-16 units of the line.
    int firstLine = 0;
    int firstColumn = 0;
    int lastLine = 0;
    int lastColumn = 0;
};

namespace ContextExtractor {

// The text before and after (line, column) within the limits, lines joined by lineBreak (the
// file's own: "\n", "\r\n" or "\r"). Cuts land on line boundaries; only when the cursor's own
// line is longer than a limit is that line cut inside, and then between two graphemes.
FimContext extract(const TextSource &source, int line, int column, const ContextLimits &limits,
                   const QString &lineBreak = QStringLiteral("\n"));

} // namespace ContextExtractor
