#include "extracontext/extracontextassembler.h"

#include <QCoreApplication>

ContextChoice ContextChoice::narrowed(Scope scope) const
{
    ContextChoice c = *this;
    c.pinned = pinned && (scope == Scope::Pinned || scope == Scope::All);
    c.ring = ring && (scope == Scope::Ring || scope == Scope::All);
    c.edits = edits && (scope == Scope::ThisFile || scope == Scope::All);
    return c;
}

QList<ContextChunk> ContextSelection::chunks() const
{
    QList<ContextChunk> out;
    out.reserve(sent.size());
    for (auto it = sent.crbegin(); it != sent.crend(); ++it)
        out.append(it->chunk());
    return out;
}

QString ContextSelection::leftOutText(LeftOut why)
{
    switch (why) {
    case LeftOut::Budget: return QCoreApplication::translate("ContextSelection", "over the budget");
    case LeftOut::LikeCursor: return QCoreApplication::translate("ContextSelection", "like the text around the cursor");
    case LeftOut::InWindow: return QCoreApplication::translate("ContextSelection", "in the text sent already");
    }
    return {};
}

namespace ExtraContextAssembler {

QStringList linesOf(const QString &prefix, const QString &suffix, int around)
{
    // The cursor's line is one line: the prefix's last part and the suffix's first.
    QStringList before = prefix.split(QLatin1Char('\n'));
    QStringList after = suffix.split(QLatin1Char('\n'));
    if (after.size() > 1 && after.constLast().isEmpty())
        after.removeLast();
    const QString cursorLine = before.takeLast() + after.takeFirst();
    QStringList out = before.mid(std::max<qsizetype>(0, before.size() - around));
    if (!cursorLine.isEmpty() || !out.isEmpty() || !after.isEmpty())
        out.append(cursorLine);
    out.append(after.mid(0, around));
    return out;
}

ContextSelection assemble(const Sources &sources, const ContextChoice &choice, const QStringList &cursorLines,
                          const Room &room, const Window &window)
{
    const auto inWindow = [&window](const ContextItem &item) {
        const bool sameFile = window.path.isEmpty() ? item.path.isEmpty() && item.filename == window.filename : item.path == window.path;
        return window.firstLine > 0 && sameFile && item.firstLine >= window.firstLine && item.lastLine <= window.lastLine;
    };
    ContextSelection s;
    s.budget = std::max(0, choice.budgetTokens);
    if (room.contextTokens > 0)
        s.budget = std::clamp(room.contextTokens - room.promptTokens - room.maxTokens, 0, s.budget);
    QList<ContextItem> candidates;
    if (choice.pinned)
        candidates.append(sources.pinned);
    if (choice.edits)
        candidates.append(sources.edits);
    if (choice.ring)
        for (auto it = sources.ring.crbegin(); it != sources.ring.crend(); ++it)
            candidates.append(*it);
    for (const ContextItem &item : std::as_const(candidates)) {
        if (inWindow(item)) {
            s.leftOut.append({item, ContextSelection::LeftOut::InWindow});
            continue;
        }
        if (item.source != ContextItem::Source::Pinned
            && ContextSimilarity::of(item.lines(), cursorLines) > LeaveOutAbove) {
            s.leftOut.append({item, ContextSelection::LeftOut::LikeCursor});
            continue;
        }
        const int tokens = item.estimatedTokens();
        if (s.tokens + tokens > s.budget) {
            s.leftOut.append({item, ContextSelection::LeftOut::Budget});
            continue;
        }
        s.tokens += tokens;
        s.sent.append(item);
    }
    return s;
}

} // namespace ExtraContextAssembler
