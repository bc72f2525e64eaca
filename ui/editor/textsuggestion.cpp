#include "editor/textsuggestion.h"

#include <QTextDocument>

TextSuggestion::TextSuggestion(QTextDocument *document, int position, const QString &text)
    : m_cursor(document)
    , m_text(text)
{
    m_cursor.setPosition(position);
}

bool TextSuggestion::setText(const QString &text)
{
    // (A null QString starts with nothing, not even an empty string: compare views.)
    if (m_accepted > 0 && QStringView(text).left(m_accepted) != QStringView(m_text).first(m_accepted))
        return false;
    m_text = text;
    return true;
}

QString TextSuggestion::apply(qsizetype length)
{
    const QString taken = remaining().left(length);
    if (taken.isEmpty())
        return {};
    QTextCursor insert = m_cursor;
    insert.beginEditBlock(); // one undo step, however many lines
    insert.insertText(taken);
    insert.endEditBlock();
    // m_cursor sat where the text went in, so it moved past it: it now points at the rest.
    m_accepted += taken.size();
    return taken;
}
