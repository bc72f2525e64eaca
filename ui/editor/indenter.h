#pragma once

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

} // namespace Indenter
