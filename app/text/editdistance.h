#pragma once

#include <QStringView>

// Levenshtein distance on Unicode code points (a surrogate pair is one character): the fewest
// insertions, deletions and substitutions that turn a into b. O(|a|·|b|) time, O(min) memory.
namespace EditDistance {

qsizetype levenshtein(QStringView a, QStringView b);
// 1 − levenshtein / max(length a, length b), lengths in code points; 1 when both are empty
// (RepoBench's and CrossCodeEval's edit similarity, and Cody's persistence).
double similarity(QStringView a, QStringView b);

} // namespace EditDistance
