#pragma once

#include "latency/latencyhistory.h"

#include <QAbstractTableModel>
#include <QHash>

// The latency history as a table for the latency panel: one row per request, newest last, bounded
// (oldest rows drop). Also computes the percentiles shown above the table and exports CSV.
class LatencyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyModel)

public:
    enum Column { Time, Endpoint, Model, Status, FirstByte, FirstToken, Total, PromptChars, SuffixChars,
                  CompletionChars, Tokens, Cache, ServerPrompt, ServerGeneration, TokensPerSecond, CachedTokens,
                  ColumnCount };

    explicit LatencyModel(std::size_t capacity = 1000, QObject *parent = nullptr);

    void append(const RequestTiming &timing);
    // Marks a request asked ahead (and later, whether it was used), whether its row came yet or not.
    void markPrefetch(quint64 id, RequestTiming::Prefetch state);
    // Marks a request whose answer Hide below p dropped ("hidden: p=0.12" in its status), whether
    // its row came yet or not.
    void markHidden(quint64 id, double probability);
    void clear();
    const LatencyHistory &history() const { return m_history; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Every row, with a header line; times in milliseconds.
    QByteArray toCsv() const;

private:
    LatencyHistory m_history;
    QHash<quint64, RequestTiming::Prefetch> m_marks; // for rows still to come (a request in flight)
    QHash<quint64, double> m_hiddenMarks;            // likewise
};
