#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// How a suggestion the editor showed ended (its first cause wins):
//   accepted    every character of it went in by the accept keys (Tab; or words and lines to its end)
//   partial     some of it went in by the accept keys (Ctrl+Right, Shift+Tab), the rest did not
//   dismissed   Esc, or Completion ▸ Dismiss / Stop, before anything was accepted
//   typed_over  the user typed, or edited, instead of accepting (typing through the suggestion's own
//               characters included: those are counted apart, as typed, not accepted)
//   replaced    a newer suggestion took its place (another request, a candidate, Compare's Insert)
//   unused      still on screen, untouched, when the file was closed, replaced or the window quit
enum class SuggestionOutcome { Accepted, Partial, Dismissed, TypedOver, Replaced, Unused };

QString suggestionOutcomeName(SuggestionOutcome outcome); // "accepted", "typed_over", ...
std::optional<SuggestionOutcome> suggestionOutcomeFromName(QStringView name);

// One suggestion the editor showed, as the history keeps it (table "suggestions"): where it came
// from, how long it took to appear, how it ended and how much of it went in, and later whether
// what went in was still there (persistence). Never any of the text itself: the exchange it came
// from has that.
struct SuggestionRecord
{
    qint64 id = 0;
    qint64 exchangeId = 0; // the exchange whose answer it was; 0 when none (from the cache, a replay)
    QDateTime shownAt;     // UTC
    QString profile;
    QString model;         // the model asked for, else the one that answered
    QString promptTemplate; // the profile's FIM template ("" the server's own, "auto", "qwen", ...)
    QString context;        // the extra context it was asked with: "none", or the sources ("pinned+ring")
    QString origin;         // "request", "cache", "prefetch", "candidate"
    int shownChars = 0;     // the whole suggestion, as far as it grew
    int acceptedChars = 0;  // went in by the accept keys
    int typedChars = 0;     // typed through by the user, character for character
    SuggestionOutcome outcome = SuggestionOutcome::Unused;
    double latencyMs = -1;  // asked → first on screen (≈ 0 from the cache or a prefetch)
    double visibleMs = 0;   // on screen until its outcome
    double acceptMs = -1;   // shown → the first accept; -1 when nothing was accepted
    int completionTokens = -1; // the answer's tokens, where the server counted them
    // 1 − Levenshtein(text now in the accepted range, accepted text) / max length, PersistAfterS
    // after the accept; unset until checked (or when nothing was accepted).
    std::optional<double> persistence;

    // Cody's checkpoint: persistence is measured this long after the accept.
    static constexpr int PersistAfterS = 30;
    // Cody counts a suggestion as seen after this long on screen (or once acted upon).
    static constexpr int SeenAfterMs = 750;
    bool seen() const { return visibleMs >= SeenAfterMs || acceptedChars > 0; }

    friend bool operator==(const SuggestionRecord &, const SuggestionRecord &) = default;
};
