#pragma once

#include <QList>
#include <QString>

// The candidates asked for at one cursor (Alt+Space): the distinct answers in the order they
// arrived, and the one on screen. Answers equal to one already held are folded into it.
class CandidateSet
{
public:
    void clear();
    // Expects `count` answers in all (finished or failed).
    void expect(int count) { m_expected = count; }
    // Adds an answer: false when it is empty or equal to one held (then folded or counted empty).
    bool add(const QString &text, quint64 replyId);
    // An answer that will not come (failed, or empty).
    void addFailure() { ++m_failed; }

    int count() const { return int(m_items.size()); }
    int current() const { return m_current; }
    const QString &currentText() const { return m_items.at(m_current).text; }
    quint64 currentReplyId() const { return m_items.at(m_current).replyId; }
    int folded() const { return m_folded; }
    int pending() const { return m_expected - int(m_items.size()) - m_folded - m_failed - m_empty; }
    // Moves to the next (+1) or previous (-1) one, round the ends.
    void step(int delta);

    // "2 / 4", with what is still coming and what was folded: "1 / 2 · 2 coming · 1 same".
    QString label() const;

private:
    struct Item
    {
        QString text;
        quint64 replyId = 0;
    };
    QList<Item> m_items;
    int m_current = 0;
    int m_expected = 0;
    int m_folded = 0;
    int m_failed = 0;
    int m_empty = 0;
};
