#pragma once

#include "text/tokenestimate.h"
#include "wire/contextchunk.h"

#include <QList>
#include <QString>
#include <QStringList>

// One chunk the Context panel lists: where it comes from, why it is there, and its text. Sent as a
// ContextChunk (filename, text) when it fits the budget.
struct ContextItem
{
    enum class Source { Pinned, Edit, Ring };
    enum class Reason { Pinned, Opened, Saved, Copied, CursorJump, Edited };

    Source source = Source::Ring;
    Reason reason = Reason::Opened;
    QString filename;   // as sent: a name relative to the pinned folder, or the file's name
    QString path;       // on disk (Open, and the key of a pinned file); empty for an unsaved document
    int firstLine = 1;  // 1-based, inclusive
    int lastLine = 1;
    QString text;       // lines joined by '\n', ending with one
    quint64 serial = 0; // the order it came in: newer is larger

    QStringList lines() const;
    ContextChunk chunk() const { return {filename, text}; }
    // Tokens by the playground's estimate (TokenEstimate).
    int estimatedTokens() const { return TokenEstimate::of(text.size()); }
    static QString reasonText(Reason reason); // "pinned", "opened", "saved", "copied", "cursor jump", "edited"

    friend bool operator==(const ContextItem &, const ContextItem &) = default;
};

namespace ContextSimilarity {

// llama.vim's chunk_sim: 2 × (lines of a found in b) / (lines of a + lines of b); 0 for two empty
// lists. Lines compare whole, as they are.
double of(const QStringList &a, const QStringList &b);

} // namespace ContextSimilarity
