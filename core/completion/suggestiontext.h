#pragma once

#include <QString>

// Plain text functions on a suggestion: cleaning what a model sends, and splitting it for partial
// accepts. No Qt GUI, no state.
namespace SuggestionText {

// Removes what must not reach the editor: FIM special tokens (<|fim_middle|>, [SUFFIX], </s>, ...),
// and a Markdown code fence wrapped around the whole answer.
QString sanitize(const QString &completion);

// Drops the end of the completion that repeats the text right after the cursor, e.g. ")" when the
// cursor sits in "foo(|)" and the model answers "bar)". Only overlaps that reach the end of the
// completion count; at most maxOverlap characters are compared.
QString trimOverlap(const QString &completion, QStringView textAfterCursor, int maxOverlap = 256);

// The next word to accept with Ctrl+Right: leading white space, then a run of word characters or of
// one other kind of non-space character.
qsizetype nextWordLength(QStringView suggestion);

// The next line to accept with Shift+Tab: up to and including the first line break, or everything.
qsizetype nextLineLength(QStringView suggestion);

} // namespace SuggestionText
