#include "extracontext/contextitem.h"

#include <QCoreApplication>
#include <QSet>

QStringList ContextItem::lines() const
{
    QStringView t(text);
    if (t.endsWith(u'\n'))
        t.chop(1);
    QStringList out;
    for (const QStringView line : t.tokenize(u'\n'))
        out.append(line.toString());
    return out;
}

QString ContextItem::reasonText(Reason reason)
{
    switch (reason) {
    case Reason::Pinned: return QCoreApplication::translate("ContextItem", "pinned");
    case Reason::Opened: return QCoreApplication::translate("ContextItem", "opened");
    case Reason::Saved: return QCoreApplication::translate("ContextItem", "saved");
    case Reason::Copied: return QCoreApplication::translate("ContextItem", "copied");
    case Reason::CursorJump: return QCoreApplication::translate("ContextItem", "cursor jump");
    case Reason::Edited: return QCoreApplication::translate("ContextItem", "edited");
    }
    return {};
}

namespace ContextSimilarity {

double of(const QStringList &a, const QStringList &b)
{
    if (a.isEmpty() && b.isEmpty())
        return 0.0;
    // llama.vim looks each line of a up in b and counts it once if found: a set gives the same count.
    const QSet<QString> inB(b.cbegin(), b.cend());
    qsizetype common = 0;
    for (const QString &line : a)
        common += inB.contains(line) ? 1 : 0;
    return 2.0 * double(common) / double(a.size() + b.size());
}

} // namespace ContextSimilarity
