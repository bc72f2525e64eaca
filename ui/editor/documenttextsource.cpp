#include "editor/documenttextsource.h"

#include <QTextDocument>

DocumentTextSource::DocumentTextSource(const QTextDocument *document)
    : m_document(document)
{
}

int DocumentTextSource::lineCount() const
{
    return m_document->blockCount();
}

QString DocumentTextSource::line(int index) const
{
    if (m_lastIndex >= 0 && index == m_lastIndex - 1)
        m_last = m_last.previous();
    else if (m_lastIndex >= 0 && index == m_lastIndex + 1)
        m_last = m_last.next();
    else if (index != m_lastIndex)
        m_last = m_document->findBlockByNumber(index);
    m_lastIndex = index;
    return m_last.text();
}
