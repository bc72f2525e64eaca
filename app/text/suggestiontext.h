#pragma once

#include <QString>
#include <QStringList>

// Plain text functions on a suggestion: cleaning what a model sends, and splitting it for partial
// accepts. No Qt GUI, no state.
namespace SuggestionText {

// Which special tokens a model may leak into its answer. Each family has its own; cleaning
// touches only the tokens of the family in use.
enum class Family {
    Unknown,   // only tokens no text would contain (<|fim_middle|>, <|endoftext|>, <｜fim▁hole｜>, ...)
    Mistral,   // Codestral: [PREFIX] [SUFFIX] [MIDDLE] <s> </s>
    Qwen,      // Qwen2.5-Coder: <|fim_prefix|> ... <|endoftext|> <|file_sep|>
    CodeGemma, // <|fim_prefix|> ... <|file_separator|>
    StarCoder, // <fim_prefix> <fim_suffix> <fim_middle> <fim_pad> <|endoftext|> <file_sep>
    DeepSeek,  // <｜fim▁begin｜> ... <｜end▁of▁sentence｜> <|EOT|>
    CodeLlama, // <PRE> <SUF> <MID> <EOT> <s> </s>
};

// The family from a model name ("codestral-latest", "qwen2.5-coder:1.5b", ...). An empty name on a
// Codestral endpoint or the proxy (which defaults to Codestral) is Mistral.
Family familyForModel(const QString &model, bool mistralEndpoint);
QString familyName(Family family);

// Removes what must not reach the editor: the family's special tokens where they stand as tokens,
// and a Markdown code fence wrapped around the whole answer. Tokens that look like code (<s> in
// HTML, buf[PREFIX] in C) count as tokens only at the very start of the answer, or as its
// end-of-text marker at its very end; tokens no code would contain count anywhere, and an
// end-of-text token ends the answer there. A token shaped like a tag ("<s>", "<fim_middle>") is
// markup wherever the answer also holds its closing (or opening) tag.
QString sanitize(const QString &completion, Family family);
// The two halves of sanitize(): the special tokens (what was removed is appended to removed, each
// token, or an end-of-text token with what followed it), and a fence around the whole answer.
QString stripSpecialTokens(const QString &completion, Family family, QStringList *removed = nullptr);
QString stripFence(const QString &completion);

// The same for an answer still streaming in: also holds back what may be the start of a token or
// of a code fence until the next piece tells, so neither flashes on screen.
// tokens and fence say which of the two cleanings apply (AnswerCleaner's rules).
QString sanitizeStreaming(const QString &partial, Family family, bool tokens = true, bool fence = true);

// Drops the end of the completion that repeats the text right after the cursor, e.g. ")" when the
// cursor sits in "foo(|)" and the model answers "bar)". Only where the answer closes more than it
// opens: the end taken closes a bracket (or a string) opened before the cursor, and never one the
// answer opened itself, so "len(x)" in "print(|)" stays whole. Only overlaps that reach the end of
// the completion count; at most maxOverlap characters are compared.
QString trimOverlap(const QString &completion, QStringView textAfterCursor, int maxOverlap = 256);

// The next word to accept with Ctrl+Right: leading white space, then a run of word characters or of
// one other kind of character. Counts whole graphemes: never half a surrogate pair or an accent.
qsizetype nextWordLength(QStringView suggestion);

// The next line to accept with Shift+Tab: up to and including the first line break, or everything.
qsizetype nextLineLength(QStringView suggestion);

// Whether position is between two graphemes of text (0 and text.size() are).
bool isGraphemeBoundary(QStringView text, qsizetype position);
// The nearest grapheme boundary at or before / at or after position.
qsizetype graphemeBoundaryBefore(QStringView text, qsizetype position);
qsizetype graphemeBoundaryAfter(QStringView text, qsizetype position);

} // namespace SuggestionText
