#pragma once

#include "extracontext/contextitem.h"

#include <QList>
#include <QStringList>

#include <optional>

// Which sources of extra context a request draws on: the Context panel's switches, a Compare
// variant's Context dimension, a profile's budget.
struct ContextChoice
{
    using Scope = ContextScope; // Compare's dimension

    bool pinned = true;
    bool edits = true;
    bool ring = true;
    int budgetTokens = 1024;

    static constexpr int DefaultBudget = 1024;
    // This choice narrowed to a scope (Compare): only the sources both allow.
    ContextChoice narrowed(Scope scope) const;

    friend bool operator==(const ContextChoice &, const ContextChoice &) = default;
};

// What one request takes of the extra context, and what it leaves out and why.
struct ContextSelection
{
    enum class LeftOut { Budget, LikeCursor, InWindow };
    struct Omitted
    {
        ContextItem item;
        LeftOut why;
    };
    QList<ContextItem> sent;  // most relevant first (the budget's order)
    QList<Omitted> leftOut;
    int tokens = 0;           // of the chunks sent, by the estimate
    int budget = 0;           // the budget that applied (the server's context may lower it)

    // The chunks as they go on the wire: least relevant first, the most relevant last, next to the
    // prefix — where a model attends most, and what llama-server keeps when it cuts input_extra to
    // its room (it keeps the tail).
    QList<ContextChunk> chunks() const;
    // "over the budget", "like the text around the cursor", "in the text sent already"
    static QString leftOutText(LeftOut why);
};

// Picks the chunks a request carries: pinned first (the user chose them), then the recent edits
// newest first, then the ring newest first; a chunk of the edited file whose lines all lie in the
// text sent is left out (the model reads them there); a ring or edit chunk more than 50 % like the text
// around the cursor (ContextSimilarity against the lines of prefix and suffix) is left out, as
// llama.vim does, for the model reads those lines already. Chunks are taken whole while they fit
// the budget; one that does not is left out and smaller ones after it may still fit. The budget is
// the choice's, lowered to what the server's context holds beside prefix, suffix and the answer
// when it says its n_ctx. Runs when a request is built, never on a keystroke.
namespace ExtraContextAssembler {

constexpr double LeaveOutAbove = 0.5;

struct Sources
{
    QList<ContextItem> pinned;
    QList<ContextItem> edits; // newest first
    QList<ContextItem> ring;  // oldest first, as the ring keeps them
};

// The text a request sends of the edited file: a chunk of that file within these lines is in it
// already, and left out.
struct Window
{
    QString path;      // the file on disk; empty for an unsaved document
    QString filename;  // as chunks name it (for an unsaved document)
    int firstLine = 0; // 1-based, inclusive; 0: no window
    int lastLine = 0;
};

struct Room
{
    int contextTokens = 0;  // the server's n_ctx per slot; 0: not known
    int promptTokens = 0;   // prefix and suffix
    int maxTokens = 0;      // the answer's limit
};

ContextSelection assemble(const Sources &sources, const ContextChoice &choice, const QStringList &cursorLines,
                          const Room &room = {}, const Window &window = {});

// The lines around the cursor a chunk is compared with: up to `around` lines above the cursor's
// line, that line (the prefix's end and the suffix's start), up to `around` below — as llama.vim
// compares with the chunk-sized neighbourhood of the cursor, not the whole window sent.
QStringList linesOf(const QString &prefix, const QString &suffix, int around = 32);

} // namespace ExtraContextAssembler
