#pragma once

#include <QWidget>

class LatencyModel;
class LatencyPlot;
class QSplitter;
class QLabel;
class QTableView;

// The latency panel: p50/p95 over the history, a plot of recent requests over time and one table
// row per request (the two in a splitter), and Clear / Export CSV.
class LatencyPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyPanel)

public:
    explicit LatencyPanel(LatencyModel *model, QWidget *parent = nullptr);

    // Writes the history as CSV; returns an error message, or an empty string on success.
    QString exportCsv(const QString &path) const;
    QString summaryText() const;
    QTableView *table() const { return m_table; }
    LatencyPlot *plot() const { return m_plot; }
    QSplitter *splitter() const { return m_split; }

signals:
    // A row was chosen (clicked, or moved to with the keys): its request's id.
    void requestChosen(quint64 id);

private:
    void updateSummary();

    LatencyModel *m_model;
    QLabel *m_summary;
    QSplitter *m_split;
    LatencyPlot *m_plot;
    QTableView *m_table;
};
