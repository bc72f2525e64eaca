#include "panels/latencypanel.h"

#include "latency/latencymodel.h"
#include "panels/latencyplot.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString fmt(std::optional<double> v)
{
    return v ? QString::number(*v, 'f', *v < 10 ? 1 : 0) : QStringLiteral("–");
}

} // namespace

LatencyPanel::LatencyPanel(LatencyModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summary(new QLabel(this))
    , m_split(new QSplitter(Qt::Vertical, this))
    , m_plot(new LatencyPlot(model, m_split))
    , m_table(new QTableView(m_split))
{
    m_table->setModel(model);
    m_table->setAccessibleName(tr("Requests"));
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    // Each column as wide as its header and contents, from the start (no "erver prompt m"), and
    // no last column stretched into blank space.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->resizeColumnsToContents();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid() && std::size_t(current.row()) < m_model->history().size())
            emit requestChosen(m_model->history().at(std::size_t(current.row())).id);
    });
    m_table->setAlternatingRowColors(true);
    auto *clear = new QPushButton(tr("Clear"), this);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    // The keyboard goes as laid out: the buttons above, the plot (its figures read out), the table.
    setTabOrder(clear, exportButton);
    setTabOrder(exportButton, m_plot);
    setTabOrder(m_plot, m_table);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(clear);
    buttons->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    // Plot and table share the height; the user moves the handle, and the window remembers it.
    m_split->setObjectName(QStringLiteral("latencySplit"));
    m_split->addWidget(m_plot);
    m_split->addWidget(m_table);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    m_split->setChildrenCollapsible(false);
    layout->addWidget(m_split, 1);

    connect(clear, &QPushButton::clicked, model, &LatencyModel::clear);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export latency history"), QStringLiteral("latency.csv"),
                                                          tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (const QString error = exportCsv(path); !error.isEmpty())
            m_summary->setText(error);
    });
    auto refresh = [this] {
        updateSummary();
        m_table->resizeColumnsToContents();
        m_table->scrollToBottom();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, refresh);
    connect(model, &QAbstractItemModel::modelReset, this, refresh);
    // A row marked later (a request asked ahead, then used or not) may need a wider Cache column.
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        for (int column = from.column(); column <= to.column(); ++column)
            m_table->resizeColumnToContents(column);
    });
    updateSummary();
}

QString LatencyPanel::summaryText() const
{
    return m_summary->text();
}

void LatencyPanel::updateSummary()
{
    const LatencyHistory &h = m_model->history();
    using M = LatencyHistory::Measure;
    const QString count = tr("%n request(s)", nullptr, int(h.size()));
    // "Of all": the plot's dashed p50 is of the bars it shows (successful, not cached).
    m_summary->setText(tr("%1 · of all: total p50 %2 ms, p95 %3 ms · first byte p50 %4 ms · first token p50 %5 ms")
                           .arg(count,fmt(h.percentile(0.5)), fmt(h.percentile(0.95)), fmt(h.percentile(0.5, M::FirstByte)),
                                fmt(h.percentile(0.5, M::FirstToken))));
}

QString LatencyPanel::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(m_model->toCsv());
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}
