#pragma once

#include <QString>
#include <QtGlobal>

#include <memory>

namespace KSyntaxHighlighting {
class Repository;
}

// What the first paint needs from KSyntaxHighlighting, read before the window asks for it: made on a
// worker thread from main() while Qt starts, then handed to the window (the Repository is used by
// one thread at a time: the worker's last use happens before the hand-over).
//
// Besides the Repository itself (every definition's and theme's header), two things the library
// reads lazily on first use and the window's construction used at once: every theme's colours (the
// editor follows the palette by matching them: 4 ms on the main thread) and the definition the
// editor opens with and everything it includes (Python's: 3.3 ms).
namespace SyntaxWarmUp {

// The definition the window will open with: the language of the file named on the command line,
// else the restored session's (its language, else its file's), else the first built-in sample's.
// The session file is only read; a missing or broken one counts as none, and one larger than
// MaxSessionBytes (a large unsaved text) is not read: no language then.
inline constexpr qint64 MaxSessionBytes = 256 * 1024;
QString startLanguage(const KSyntaxHighlighting::Repository &repository, const QString &commandLineFile,
                      const QString &sessionPath);

// A Repository with the themes' colours and the start language's definition read.
std::unique_ptr<KSyntaxHighlighting::Repository> load(const QString &commandLineFile, const QString &sessionPath);

} // namespace SyntaxWarmUp
