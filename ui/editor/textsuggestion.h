#pragma once

#include <QString>
#include <QTextCursor>

class QTextDocument;

// A suggestion at a place in a document, in the manner of Qt Creator's TextSuggestion: the text
// lives outside the document until accepted, and where it would go is held by a QTextCursor, which
// moves with every edit (accepting part of it moves it past what went in).
//
// While an answer streams in, setText() grows the text; what was accepted stays accepted. The
// editor draws remaining() at position() (GhostText) and routes the suggestion keys here.
class TextSuggestion final
{
public:
    TextSuggestion(QTextDocument *document, int position, const QString &text);

    int position() const { return m_cursor.position(); }
    const QString &text() const { return m_text; }      // all of it, accepted part included
    QString remaining() const { return m_text.mid(m_accepted); }
    qsizetype acceptedLength() const { return m_accepted; }

    // The whole text so far (a stream grew). False, and nothing changes, when it does not begin
    // with what was already accepted: the answer changed under the user, so it is not continued.
    bool setText(const QString &text);

    // Puts the first `length` characters of remaining() into the document at position(), as one
    // undo step, and returns them.
    QString apply(qsizetype length);

private:
    QTextCursor m_cursor;
    QString m_text;
    qsizetype m_accepted = 0;
};
