#include "panels/statspanel.h"

#include "panels/acceptanceplot.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

StatsPanel::StatsPanel(QWidget *parent)
    : QWidget(parent)
    , m_period(new QComboBox)
    , m_table(new QTableWidget)
    , m_plot(new AcceptancePlot)
    , m_export(new QPushButton(tr("Export CSV…")))
    , m_note(new QLabel)
{
    m_period->addItem(tr("Today"), int(Period::Today));
    m_period->addItem(tr("Last 7 days"), int(Period::Week));
    m_period->addItem(tr("Last 30 days"), int(Period::Month));
    m_period->addItem(tr("All recorded"), int(Period::All));
    m_period->setCurrentIndex(1);
    m_period->setAccessibleName(tr("Period"));
    connect(m_period, &QComboBox::currentIndexChanged, this, &StatsPanel::refresh);
    auto *refresh = new QPushButton(tr("Refresh"));
    connect(refresh, &QPushButton::clicked, this, &StatsPanel::refresh);
    m_export->setToolTip(tr("The table as CSV, one line per group and the total last"));
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export Stats"), QStringLiteral("fim-stats.csv"), tr("CSV (*.csv)"));
        QString error;
        if (file.isEmpty())
            return;
        if (exportCsv(file, &error))
            m_note->setText(tr("Wrote %n row(s) to %1.", nullptr, int(m_stats.rows.size()) + 1).arg(QDir::toNativeSeparators(file)));
        else
            m_note->setText(error);
    });
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setWordWrap(true);

    const QStringList headers{tr("Profile"), tr("Model"), tr("Template"), tr("Context"), tr("Seen"), tr("Accepted"),
                              tr("Whole"), tr("Chars"), tr("Persisted"), tr("Latency p50/p95"), tr("Accepted p50/p95"),
                              tr("Tokens/char")};
    const QStringList tips{{}, {}, tr("The profile's FIM template (server: the server's own)"),
                           tr("The extra context the suggestions were asked with"),
                           tr("Suggestions on screen 750 ms or more, or acted upon (as Cody counts them)"),
                           tr("Seen suggestions something was accepted of (Tab, Ctrl+Right, Shift+Tab)"),
                           tr("Seen suggestions accepted to their end"),
                           tr("Accepted characters / characters of the seen suggestions"),
                           tr("How much of the accepted text is still there 30 s later (1 − edit distance / length, mean)"),
                           tr("Asked → on screen, ms, of the seen suggestions"), tr("Asked → on screen, ms, of the accepted ones"),
                           tr("The answers' tokens per accepted character (where the server counted tokens)")};
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    for (int c = 0; c < tips.size(); ++c) {
        if (!tips.at(c).isEmpty())
            m_table->horizontalHeaderItem(c)->setToolTip(tips.at(c));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Suggestion statistics"));
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it

    auto *bar = new QHBoxLayout;
    auto *periodLabel = new QLabel(tr("&Period:"));
    periodLabel->setBuddy(m_period);
    bar->addWidget(periodLabel);
    bar->addWidget(m_period);
    bar->addWidget(refresh);
    bar->addWidget(m_export);
    bar->addWidget(m_note, 1);
    auto *split = new QSplitter;
    split->addWidget(m_table);
    split->addWidget(m_plot);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 1);
    split->setSizes({1000, 220});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    // Read again once suggestions stop coming for a while: never between two keys of a typist.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(2000);
    connect(&m_refresh, &QTimer::timeout, this, &StatsPanel::refresh);
}

void StatsPanel::setPath(const QString &path)
{
    m_path = path;
    m_store.close();
    m_openError.clear();
    m_stale = true;
    if (isVisible())
        refresh();
}

void StatsPanel::setPeriod(Period period)
{
    m_period->setCurrentIndex(m_period->findData(int(period)));
}

StatsPanel::Period StatsPanel::period() const
{
    return Period(m_period->currentData().toInt());
}

QDateTime StatsPanel::periodStart(Period period, const QDateTime &now)
{
    const QDateTime local = now.toLocalTime();
    switch (period) {
    case Period::Today:
        return QDateTime(local.date(), QTime(0, 0));
    case Period::Week:
        return local.addDays(-7);
    case Period::Month:
        return local.addDays(-30);
    case Period::All:
        break;
    }
    return {};
}

void StatsPanel::refreshSoon()
{
    m_stale = true;
    if (isVisible())
        m_refresh.start();
}

void StatsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void StatsPanel::refresh()
{
    m_refresh.stop();
    m_stale = false;
    if (m_path.isEmpty()) {
        m_stats = {};
        m_note->setText(tr("History is off: nothing is recorded, so there is nothing to count."));
        fill();
        return;
    }
    if (!m_store.isOpen() && !m_store.open(m_path, &m_openError)) {
        m_stats = {};
        m_note->setText(tr("Cannot read the history: %1").arg(m_openError));
        fill();
        return;
    }
    m_stats = SuggestionStats::of(m_store.suggestions(periodStart(period(), QDateTime::currentDateTime())));
    m_note->setText(m_stats.total.recorded == 0
                        ? tr("No suggestions recorded in this period: they are counted as you use the editor.")
                        : tr("%n suggestion(s) recorded, %1 seen.", nullptr, m_stats.total.recorded).arg(m_stats.total.seen));
    fill();
}

void StatsPanel::fill()
{
    m_table->setRowCount(0);
    auto addRow = [this](const SuggestionStats::Row &r, bool total) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells = SuggestionStats::cells(r, total);
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 1 && !r.model.isEmpty())
                item->setToolTip(r.model); // a .gguf by its whole path
            if (c == 8)
                item->setToolTip(tr("%n accepted suggestion(s) measured 30 s after the accept", nullptr, r.persistenceChecked));
            if (c >= 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (total) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(row, c, item);
        }
    };
    for (const SuggestionStats::Row &r : std::as_const(m_stats.rows))
        addRow(r, false);
    if (m_stats.rows.size() > 1)
        addRow(m_stats.total, true);
    m_plot->setStats(m_stats.days, m_stats.total.acceptanceRate);
    m_export->setEnabled(!m_stats.rows.isEmpty());
}

QString StatsPanel::statusText() const
{
    return m_note->text();
}

bool StatsPanel::exportCsv(const QString &fileName, QString *error) const
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    file.write(m_stats.toCsv());
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}
