#pragma once

#include "history/historystore.h"
#include "history/suggestionstats.h"

#include <QTimer>
#include <QWidget>

class AcceptancePlot;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

// What became of the suggestions shown (View ▸ Stats, a tab beside History): per profile × model ×
// template × context over a chosen period, the figures of SuggestionStats (acceptance, character-
// weighted acceptance, persistence, latency of the seen and of the accepted ones, tokens per
// accepted character), the total, a plot of acceptance per day, and Export CSV. It reads the
// history's "suggestions" table through a connection of its own, only while it is on screen.
class StatsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsPanel)

public:
    enum class Period { Today, Week, Month, All };

    explicit StatsPanel(QWidget *parent = nullptr);

    // The history file (empty: history is off, and the panel says so).
    void setPath(const QString &path);
    void setPeriod(Period period);
    Period period() const;
    // Reads the rows again (at once).
    void refresh();
    // Reads again shortly, if the panel is on screen (else when it comes on screen).
    void refreshSoon();

    const SuggestionStats &stats() const { return m_stats; }
    QTableWidget *table() const { return m_table; }
    AcceptancePlot *plot() const { return m_plot; }
    QString statusText() const;
    bool exportCsv(const QString &fileName, QString *error) const;
    // The start of a period (local midnight for Today), invalid for All.
    static QDateTime periodStart(Period period, const QDateTime &now);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fill();

    HistoryStore m_store;
    QString m_path;
    QString m_openError;
    SuggestionStats m_stats;
    bool m_stale = true;
    QComboBox *m_period;
    QTableWidget *m_table;
    AcceptancePlot *m_plot;
    QPushButton *m_export;
    QLabel *m_note;
    QTimer m_refresh;
};
