#pragma once

#include <QDateTime>
#include <QString>

// fim-complete --stats: what became of the suggestions the playground showed (the Stats panel's
// figures, SuggestionStats) from the history file, since a moment (all when invalid). The table goes
// to stdout, or with json one JSON object a line per profile × model × template × context and a last
// one for all ("total": true). Returns 0, or 1 when the file cannot be read.
int runStatsCommand(const QString &historyPath, const QDateTime &since, bool json);

// --since: "2026-12-01" (local midnight), "2026-12-01T09:30" or any ISO 8601 date-time, or "7d" /
// "12h" / "30m" before now. Invalid when it is none of these.
QDateTime parseSince(const QString &text, const QDateTime &now);
