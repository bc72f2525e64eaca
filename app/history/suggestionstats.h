#pragma once

#include "history/suggestionrecord.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

class QJsonObject;

// What became of the suggestions shown, per profile × model × template × context, as Copilot,
// Cody and the FIM papers count it (README "Stats"):
//   seen                 suggestions on screen ≥ 750 ms or acted upon (Cody's "read")
//   acceptance           seen ones of which something was accepted / seen
//   accepted whole       seen ones accepted to their last character
//   char-weighted        accepted characters / characters of the seen suggestions
//   persistence          mean, over the accepted ones measured, of 1 − edit distance / length
//                        between the accepted text and what is in its place 30 s later
//   latency              asked → first on screen (ms), p50 and p95 (nearest rank), of the seen
//                        ones and of the accepted ones
//   tokens / accepted ch the answers' tokens / the accepted characters, over the suggestions whose
//                        server counted tokens
struct SuggestionStats
{
    struct Row
    {
        QString profile;
        QString model;
        QString promptTemplate;
        QString context;
        int recorded = 0;
        int seen = 0;
        int accepted = 0;      // seen, something accepted
        int acceptedWhole = 0; // seen, accepted to the end
        qint64 seenChars = 0;
        qint64 acceptedChars = 0;
        int persistenceChecked = 0;
        std::optional<double> acceptanceRate, charAcceptance, persistence;
        std::optional<double> latencyP50, latencyP95, acceptedLatencyP50, acceptedLatencyP95;
        std::optional<double> tokensPerAcceptedChar;
    };
    // One day's seen and accepted suggestions (local time), for the plot.
    struct Day
    {
        QDate date;
        int seen = 0;
        int accepted = 0;
    };

    QList<Row> rows; // by profile, model, template, context
    Row total;       // every group together (its keys empty)
    QList<Day> days; // oldest first, days without suggestions left out

    static SuggestionStats of(const QList<SuggestionRecord> &records);

    // A row as the Stats panel and fim-complete --stats show it: profile, model (a .gguf by its file
    // name), template, context, seen, accepted, whole, chars, persisted, latency and accepted
    // latency p50 / p95, tokens per accepted character.
    static QStringList cells(const Row &row, bool total);
    // "42 %" or "–".
    static QString percent(const std::optional<double> &rate);
    static QString milliseconds(const std::optional<double> &ms);
    // CSV with a header line (RFC 4180 quoting), one line per row and the total last.
    QByteArray toCsv() const;
    static QJsonObject rowToJson(const Row &row);
};
