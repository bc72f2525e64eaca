#pragma once

#include <QByteArray>

// after == before with exactly `inserted` put in at one place: a one-character edit changed only
// that character's bytes.
inline bool isSingleInsertion(const QByteArray &before, const QByteArray &after, const QByteArray &inserted)
{
    if (after.size() != before.size() + inserted.size())
        return false;
    qsizetype p = 0;
    while (p < before.size() && before.at(p) == after.at(p))
        ++p;
    return after.mid(p, inserted.size()) == inserted && after.mid(p + inserted.size()) == before.mid(p);
}
