#include "panels/historypanel.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace {

enum Column { Time, Profile, Model, Status, TotalMs, Prompt, Answer, ColumnCount };

QString oneLine(const QString &text, int keep, bool tail)
{
    QString s = tail ? text.right(keep) : text.left(keep);
    s.replace(QLatin1Char('\n'), QStringLiteral("↵")).replace(QLatin1Char('\r'), QString());
    return (tail && text.size() > keep ? QStringLiteral("…") : QString()) + s + (!tail && text.size() > keep ? QStringLiteral("…") : QString());
}

} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_model(new QLineEdit(this))
    , m_profile(new QLineEdit(this))
    , m_status(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_items(new QStandardItemModel(0, ColumnCount, this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_open(new QPushButton(tr("Open in Inspector"), this))
    , m_rerun(new QPushButton(tr("Ask Again"), this))
    , m_export(new QPushButton(tr("Export JSONL…"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_text->setObjectName(QStringLiteral("historySearch"));
    m_text->setPlaceholderText(tr("search prefix, suffix, answer"));
    m_text->setClearButtonEnabled(true);
    m_model->setPlaceholderText(tr("model"));
    m_profile->setPlaceholderText(tr("endpoint"));
    m_status->setPlaceholderText(tr("status: ok, error, 429…"));
    m_text->setAccessibleName(tr("Search the history"));
    m_text->setAccessibleDescription(tr("Matches the prefix, the suffix and the answer"));
    m_model->setAccessibleName(tr("Filter by model"));
    m_profile->setAccessibleName(tr("Filter by endpoint"));
    m_status->setAccessibleName(tr("Filter by status"));
    m_status->setAccessibleDescription(tr("ok, error, or an HTTP status such as 429"));
    m_table->setAccessibleName(tr("Exchanges"));
    m_table->setTabKeyNavigation(false); // Tab goes on to the buttons; the arrows move in the table
    m_items->setHorizontalHeaderLabels({tr("Time"), tr("Endpoint"), tr("Model"), tr("Status"), tr("Total ms"), tr("Prompt (end)"), tr("Answer")});
    m_sorted->setSourceModel(m_items);
    m_sorted->setSortRole(Qt::UserRole);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(Time, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_open->setToolTip(tr("Show the request and its answer in the request inspector (Enter)"));
    m_rerun->setToolTip(tr("Send the same prefix, suffix, model and parameters to the current endpoint"));
    m_export->setToolTip(tr("Write the selected exchanges as JSON lines"));
    m_delete->setToolTip(tr("Delete the selected exchanges from the history (Del)"));
    m_note->setObjectName(QStringLiteral("historyNote"));
    m_note->setWordWrap(true);

    auto *search = new QHBoxLayout;
    search->addWidget(m_text, 3);
    search->addWidget(m_model, 1);
    search->addWidget(m_profile, 1);
    search->addWidget(m_status, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_note, 1);
    for (QPushButton *b : {m_open, m_rerun, m_export, m_delete})
        buttons->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(search);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(200);
    connect(&m_refresh, &QTimer::timeout, this, &HistoryPanel::refresh);
    for (QLineEdit *field : {m_text, m_model, m_profile, m_status})
        connect(field, &QLineEdit::textChanged, this, &HistoryPanel::refreshSoon);
    // The first selected exchange, read whole, to the signal given.
    auto withFirst = [this](void (HistoryPanel::*signal)(const HistoryRecord &)) {
        return [this, signal] {
            const QList<HistoryRecord> records = m_store.byIds(selectedIds().mid(0, 1));
            if (!records.isEmpty())
                emit(this->*signal)(records.first());
        };
    };
    connect(m_open, &QPushButton::clicked, this, withFirst(&HistoryPanel::openRequested));
    connect(m_table, &QTableView::activated, this, withFirst(&HistoryPanel::openRequested));
    connect(m_rerun, &QPushButton::clicked, this, withFirst(&HistoryPanel::rerunRequested));
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export History"), QStringLiteral("history.jsonl"),
                                                          tr("JSON lines (*.jsonl)"));
        QString error;
        if (!file.isEmpty() && !exportSelection(file, &error))
            setStatus(error);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        QString error;
        if (!deleteSelection(&error))
            setStatus(error);
    });
    auto *del = new QAction(m_table);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetShortcut);
    connect(del, &QAction::triggered, m_delete, &QPushButton::click);
    m_table->addAction(del);
}

void HistoryPanel::setPath(const QString &path)
{
    m_store.close();
    m_path = path;
    m_stale = !path.isEmpty();
    if (path.isEmpty()) {
        setStatus(tr("History is off (history/enabled in the settings file)."));
        return;
    }
    if (isVisible())
        refresh();
}

void HistoryPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void HistoryPanel::showUnavailable(const QString &why)
{
    m_store.close();
    m_path.clear();
    m_stale = false;
    m_items->removeRows(0, m_items->rowCount());
    m_rows.clear();
    setStatus(tr("History is off for this session: %1").arg(why));
}

void HistoryPanel::refresh()
{
    m_refresh.stop();
    if (!m_store.isOpen() && !m_path.isEmpty()) {
        QString error;
        if (!m_store.open(m_path, &error)) {
            m_path.clear(); // said once, as before
            m_stale = false;
            setStatus(tr("History cannot be read: %1").arg(error));
            return;
        }
    }
    if (!m_store.isOpen())
        return;
    m_stale = false;
    // Rows for the table only: the bodies are read for the exchanges the user acts on.
    m_rows = m_store.search({m_text->text(), m_model->text(), m_profile->text(), m_status->text(), false}, 1000);
    m_items->removeRows(0, m_items->rowCount());
    for (int i = 0; i < m_rows.size(); ++i) {
        const HistoryRecord &r = m_rows.at(i);
        const double total = QJsonDocument::fromJson(r.timings).object().value(u"total_ms").toDouble(-1);
        const QString status = r.httpStatus > 0 ? QStringLiteral("%1 %2").arg(r.outcome).arg(r.httpStatus) : r.outcome;
        QList<QStandardItem *> cells;
        auto cell = [&cells](const QString &text, const QVariant &sortKey, const QString &tip = {}) {
            auto *item = new QStandardItem(text);
            item->setData(sortKey, Qt::UserRole);
            if (!tip.isEmpty())
                item->setToolTip(tip);
            cells << item;
        };
        cell(r.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), r.id);
        // What asked it, when not the editor: Compare, a suite, fim-complete.
        const bool marked = !r.source.isEmpty() && r.source != u"playground";
        const QString endpoint = marked ? tr("%1 · %2").arg(r.profile, r.source) : r.profile;
        cell(endpoint, endpoint, endpointKindTitle(r.kind) + QStringLiteral(" · ") + r.url + (marked ? tr("\nAsked by %1").arg(r.source) : QString()));
        cell(r.model, r.model);
        cell(status, status, r.error);
        cell(total >= 0 ? QString::number(qRound(total)) : QString(), total);
        cell(oneLine(r.prefix, 40, true), r.prefix.right(40), r.prefix.right(400));
        cell(oneLine(r.cleanedAnswer.isEmpty() ? QString::fromUtf8(r.rawAnswer) : r.cleanedAnswer, 60, false), r.cleanedAnswer);
        cells.first()->setData(qlonglong(i), Qt::UserRole + 1); // the row in m_rows
        m_items->appendRow(cells);
    }
    for (int column : {Time, Profile, Model, Status, TotalMs})
        m_table->resizeColumnToContents(column);
    m_table->setColumnWidth(Prompt, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 36);
    setStatus(m_rows.size() == 1000 ? tr("The newest 1,000 that match.") : tr("%n exchange(s).", nullptr, int(m_rows.size())));
}

QList<qint64> HistoryPanel::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows(Time)) {
        const int row = m_sorted->mapToSource(index).data(Qt::UserRole + 1).toInt();
        if (row >= 0 && row < m_rows.size())
            ids << m_rows.at(row).id;
    }
    return ids;
}

QList<HistoryRecord> HistoryPanel::selectedRecords() const
{
    return m_store.byIds(selectedIds());
}

int HistoryPanel::rowCount() const
{
    return m_items->rowCount();
}

bool HistoryPanel::exportSelection(const QString &fileName, QString *error) const
{
    const QList<HistoryRecord> records = selectedRecords();
    if (records.isEmpty()) {
        *error = tr("Select the exchanges to export first.");
        return false;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    for (const HistoryRecord &r : records)
        file.write(QJsonDocument(historyRecordToJson(r)).toJson(QJsonDocument::Compact) + '\n');
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

bool HistoryPanel::deleteSelection(QString *error)
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return true;
    if (!m_store.remove(ids, error))
        return false;
    refresh();
    return true;
}

void HistoryPanel::setStatus(const QString &text)
{
    m_note->setText(text);
}

QString HistoryPanel::statusText() const
{
    return m_note->text();
}
