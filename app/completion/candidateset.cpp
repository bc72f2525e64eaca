#include "completion/candidateset.h"

#include <QCoreApplication>

void CandidateSet::clear()
{
    *this = CandidateSet();
}

bool CandidateSet::add(const QString &text, quint64 replyId)
{
    if (text.isEmpty()) {
        ++m_empty;
        return false;
    }
    for (const Item &item : std::as_const(m_items)) {
        if (item.text == text) {
            ++m_folded;
            return false;
        }
    }
    m_items.append({text, replyId});
    return true;
}

void CandidateSet::step(int delta)
{
    if (m_items.isEmpty())
        return;
    const int n = int(m_items.size());
    m_current = ((m_current + delta) % n + n) % n;
}

QString CandidateSet::label() const
{
    QString text = QStringLiteral("%1 / %2").arg(m_current + 1).arg(m_items.size());
    if (pending() > 0)
        text += QCoreApplication::translate("CandidateSet", " · %n coming", nullptr, pending());
    if (m_folded > 0)
        text += QCoreApplication::translate("CandidateSet", " · %n same folded", nullptr, m_folded);
    if (m_failed > 0)
        text += QCoreApplication::translate("CandidateSet", " · %n failed", nullptr, m_failed);
    return text;
}
