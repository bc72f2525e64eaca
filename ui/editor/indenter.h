#pragma once

#include <Qt>

class QTextCursor;

// Indentation on a text cursor with spaces, as Kate does by default: Tab at the cursor moves to
// the next tab stop; Tab with a selection indents every selected line and Shift+Tab takes one
// level off them (or off the cursor's line); Enter keeps the line's indentation and adds a level
// after ":", "{", "(" or "[". Each is one undo step.
namespace Indenter {

void insertTab(QTextCursor &cursor, int width);
void indentLines(QTextCursor &cursor, int width);
void unindentLines(QTextCursor &cursor, int width);
void insertNewline(QTextCursor &cursor, int width);

// The editing keys without a suggestion: Enter and Shift+Enter (a line break with indentation:
// never U+2028), Tab (indent; the selected lines when several are), Shift+Tab or Backtab (unindent).
// False, and nothing done, for any other key.
bool handleKey(QTextCursor &cursor, int key, Qt::KeyboardModifiers modifiers, int width);

} // namespace Indenter
