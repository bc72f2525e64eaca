#pragma once

#include "history/historyrecord.h"
#include "history/historystore.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

// The history (history.sqlite) as a table, newest first: search (text in the prefix, suffix or
// answer; model; profile or kind; status), sort by any column, open an exchange in the inspector,
// ask it again against the current endpoint, export a selection as JSONL, delete. It reads through
// a connection of its own; the table follows new rows as the writer reports them.
class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    // The file to show (empty: history is off, and the panel says so). It is opened when the panel
    // is first shown or refreshed, not before: off the start-up's path.
    void setPath(const QString &path);
    // The writer gave up (a corrupt file, a lock, a full disk): the panel says why.
    void showUnavailable(const QString &why);
    // Reads the rows again with the search fields (at once; opens the file first if need be).
    void refresh();
    // Reads again shortly: many rows may be coming.
    void refreshSoon() { m_refresh.start(); }

    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_text; }
    // The selected exchanges, read whole from the file.
    QList<HistoryRecord> selectedRecords() const;
    int rowCount() const;
    QString statusText() const;
    // Writes the selected rows as JSON lines; false with the reason in *error.
    bool exportSelection(const QString &fileName, QString *error) const;
    bool deleteSelection(QString *error);

signals:
    void openRequested(const HistoryRecord &record);
    void rerunRequested(const HistoryRecord &record);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QList<qint64> selectedIds() const;
    void setStatus(const QString &text);

    HistoryStore m_store;
    QString m_path;       // opened at the first refresh; empty when history is off or gave up
    bool m_stale = false; // rows to read when next shown
    QList<HistoryRecord> m_rows; // the table's rows, without their bodies
    QLineEdit *m_text;
    QLineEdit *m_model;
    QLineEdit *m_profile;
    QLineEdit *m_status;
    QTableView *m_table;
    QStandardItemModel *m_items;
    QSortFilterProxyModel *m_sorted;
    QPushButton *m_open;
    QPushButton *m_rerun;
    QPushButton *m_export;
    QPushButton *m_delete;
    QLabel *m_note;
    QTimer m_refresh;
};
