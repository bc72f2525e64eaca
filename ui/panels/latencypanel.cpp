#include "latencypanel.h"

#include "latencymodel.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// Bars of the last requests' total time (first byte as a darker base), newest on the right.
class LatencyPlot final : public QWidget
{
public:
    explicit LatencyPlot(LatencyModel *model, QWidget *parent)
        : QWidget(parent)
        , m_model(model)
    {
        setMinimumHeight(70);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    QSize sizeHint() const override { return {300, 80}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().base());
        const LatencyHistory &h = m_model->history();
        const int shown = std::min<int>(int(h.size()), std::max(1, width() / 6));
        double maxMs = 1;
        for (int i = 0; i < shown; ++i)
            maxMs = std::max(maxMs, h.at(h.size() - shown + i).totalMs);
        const QRectF area = QRectF(rect()).adjusted(4, 14, -4, -4);
        // Bars of at most 10 px, the newest at the right edge.
        const double barWidth = std::min(10.0, area.width() / std::max(shown, 1));
        for (int i = 0; i < shown; ++i) {
            const RequestTiming &t = h.at(h.size() - shown + i);
            if (t.totalMs < 0)
                continue;
            const double x = area.right() - (shown - i) * barWidth;
            const double hTotal = area.height() * t.totalMs / maxMs;
            QColor color = t.outcome == RequestTiming::Outcome::Failed ? QColor(0xda, 0x44, 0x53)
                : t.cacheHit                                          ? QColor(0x1c, 0xdc, 0x9a)
                : t.outcome == RequestTiming::Outcome::Cancelled       ? QColor(0x7f, 0x8c, 0x8d)
                                                                       : QColor(0x3d, 0xae, 0xe9);
            p.fillRect(QRectF(x, area.bottom() - hTotal, std::max(1.0, barWidth - 1), hTotal), color);
            if (t.firstByteMs >= 0) {
                const double hFirst = area.height() * t.firstByteMs / maxMs;
                p.fillRect(QRectF(x, area.bottom() - hFirst, std::max(1.0, barWidth - 1), hFirst), color.darker(140));
            }
        }
        p.setPen(palette().color(QPalette::Text));
        p.drawText(rect().adjusted(4, 0, -4, 0), Qt::AlignTop | Qt::AlignLeft,
                   shown == 0   ? tr("No requests yet")
                   : shown == 1 ? tr("the last request, %1 ms").arg(qRound(maxMs))
                                : tr("last %1 requests, up to %2 ms").arg(shown).arg(qRound(maxMs)));
    }

private:
    LatencyModel *m_model;
};

QString fmt(std::optional<double> v)
{
    return v ? QString::number(*v, 'f', *v < 10 ? 1 : 0) : QStringLiteral("–");
}

} // namespace

LatencyPanel::LatencyPanel(LatencyModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summary(new QLabel(this))
    , m_plot(new LatencyPlot(model, this))
    , m_table(new QTableView(this))
{
    m_table->setModel(model);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    auto *clear = new QPushButton(tr("Clear"), this);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(clear);
    buttons->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_plot);
    layout->addWidget(m_table, 1);

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
        m_plot->update();
        m_table->resizeColumnsToContents();
        m_table->scrollToBottom();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, refresh);
    connect(model, &QAbstractItemModel::modelReset, this, refresh);
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
    const QString count = h.size() == 1 ? tr("1 request") : tr("%1 requests").arg(h.size());
    m_summary->setText(tr("%1 · total p50 %2 ms, p95 %3 ms · first byte p50 %4 ms · first token p50 %5 ms")
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
