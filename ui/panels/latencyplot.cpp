#include "panels/latencyplot.h"

#include "latency/latencymodel.h"

#include <QAccessible>
#include <QPainter>

#include <algorithm>

namespace {

constexpr int MaxShown = 300;

QColor barColor(const RequestTiming &t)
{
    if (t.outcome == RequestTiming::Outcome::Failed)
        return {0xda, 0x44, 0x53};
    if (t.cacheHit)
        return {0x1c, 0xdc, 0x9a};
    if (t.outcome == RequestTiming::Outcome::Cancelled)
        return {0x7f, 0x8c, 0x8d};
    return {0x3d, 0xae, 0xe9};
}

} // namespace

LatencyPlot::LatencyPlot(LatencyModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setToolTip(tr("One bar a request, its height the total time; the darker foot is the time to the first byte.\n"
                  "Blue: answered · green: from the cache · red: failed · grey: cancelled (a keystroke, Esc)."));
    setAccessibleName(tr("Latency plot"));
    setFocusPolicy(Qt::TabFocus); // a keyboard stop, where a screen reader reads the figures
    const auto changed = [this] {
        update();
        // Screen readers hear of new figures only when one is listening: no words made otherwise.
        if (QAccessible::isActive()) {
            QAccessibleEvent event(this, QAccessible::DescriptionChanged); // its description is the figures
            QAccessible::updateAccessibility(&event);
        }
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(model, &QAbstractItemModel::modelReset, this, changed);
}

QString LatencyPlot::summaryText() const
{
    const LatencyHistory &h = m_model->history();
    if (h.size() == 0)
        return tr("No requests yet.");
    QStringList parts;
    const std::optional<double> p50 = h.percentile(0.5);
    const std::optional<double> p95 = h.percentile(0.95);
    if (p50 && p95)
        parts << tr("p50 %1 ms, p95 %2 ms (answered, not cached)").arg(qRound(*p50)).arg(qRound(*p95));
    constexpr std::size_t LastSaid = 3;
    QStringList last;
    for (std::size_t i = h.size(); i > 0 && h.size() - i < LastSaid; --i) {
        const RequestTiming &t = h.at(i - 1);
        const QString ms = t.totalMs >= 0 ? tr("%1 ms").arg(qRound(t.totalMs)) : tr("running");
        if (t.outcome == RequestTiming::Outcome::Failed)
            last << tr("%1 failed").arg(ms);
        else if (t.outcome == RequestTiming::Outcome::Cancelled)
            last << tr("%1 cancelled").arg(ms);
        else if (t.cacheHit)
            last << tr("%1 from the cache").arg(ms);
        else
            last << ms;
    }
    parts << tr("last requests, newest first: %1").arg(last.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; ")) + u'.';
}

int LatencyPlot::shownCount() const
{
    return std::min({int(m_model->history().size()), MaxShown, std::max(1, (width() - 60) / 3)});
}

void LatencyPlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
    const QColor text = palette().color(QPalette::Text);
    const LatencyHistory &h = m_model->history();
    const int shown = shownCount();
    const int line = fontMetrics().height();
    p.setPen(text);
    if (shown == 0) {
        p.drawText(rect().adjusted(6, 2, -6, 0), Qt::AlignTop | Qt::AlignLeft, tr("No requests yet"));
        return;
    }
    const std::size_t first = h.size() - std::size_t(shown);
    double maxMs = 1;
    std::vector<double> ok;
    for (std::size_t i = first; i < h.size(); ++i) {
        const RequestTiming &t = h.at(i);
        maxMs = std::max(maxMs, t.totalMs);
        if (t.outcome == RequestTiming::Outcome::Ok && !t.cacheHit && t.totalMs >= 0)
            ok.push_back(t.totalMs);
    }
    maxMs *= 1.1; // headroom above the tallest bar
    // The plot area: a line of text above, the time labels below, and right of it a margin for the
    // p50 label, so it never lies over the newest bar.
    const int labelWidth = fontMetrics().horizontalAdvance(tr("p50 %1 ms").arg(99999)) + 8;
    const QRectF area = QRectF(rect()).adjusted(6, line + 4, -(6 + labelWidth), -(line + 2));
    const qint64 t0 = h.at(first).scheduledAt.toMSecsSinceEpoch();
    const qint64 t1 = h.at(h.size() - 1).scheduledAt.toMSecsSinceEpoch();
    const double span = double(std::max<qint64>(1, t1 - t0));
    const double barWidth = std::clamp(area.width() / shown * 0.7, 2.0, 14.0);
    auto xOf = [&](const RequestTiming &t) {
        if (t1 == t0)
            return area.left() + (area.width() - barWidth) / 2;
        return area.left() + (t.scheduledAt.toMSecsSinceEpoch() - t0) / span * (area.width() - barWidth);
    };
    for (std::size_t i = first; i < h.size(); ++i) {
        const RequestTiming &t = h.at(i);
        if (t.totalMs < 0)
            continue;
        const QColor color = barColor(t);
        const double x = xOf(t);
        // A failure is often quicker than any answer (a refused connection): never a hairline.
        const double total = std::max(area.height() * t.totalMs / maxMs, t.outcome == RequestTiming::Outcome::Failed ? 4.0 : 0.0);
        p.fillRect(QRectF(x, area.bottom() - total, barWidth, total), color);
        if (t.firstByteMs >= 0) {
            const double firstByte = area.height() * std::min(t.firstByteMs, t.totalMs) / maxMs;
            p.fillRect(QRectF(x, area.bottom() - firstByte, barWidth, firstByte), color.darker(140));
        }
    }
    // The median of the successful requests shown.
    QString median;
    if (!ok.empty()) {
        std::nth_element(ok.begin(), ok.begin() + std::ptrdiff_t(ok.size() / 2), ok.end());
        const double p50 = ok[ok.size() / 2];
        const double y = area.bottom() - area.height() * p50 / maxMs;
        QPen dashed(text, 1, Qt::DashLine);
        p.setPen(dashed);
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        median = tr("p50 %1 ms").arg(qRound(p50));
        p.setPen(text);
        p.drawText(QRectF(area.right() + 4, y - line / 2.0, labelWidth, line), Qt::AlignLeft | Qt::AlignVCenter, median);
    }
    p.setPen(text);
    p.drawText(rect().adjusted(6, 2, -6, 0), Qt::AlignTop | Qt::AlignLeft,
               shown == 1 ? tr("the last request, %1 ms").arg(qRound(h.at(first).totalMs))
                          : tr("last %n request(s), up to %1 ms · dashed: their p50 (answered, not cached)", nullptr, int(shown)).arg(qRound(maxMs / 1.1)));
    // The time axis: when the first and the last shown request were made.
    const QString format = span < 10000 ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss");
    const QString from = h.at(first).scheduledAt.time().toString(format);
    const QString to = h.at(h.size() - 1).scheduledAt.time().toString(format);
    const QRectF axis(area.left(), area.bottom() + 2, area.width(), line);
    p.drawLine(QPointF(area.left(), area.bottom() + 0.5), QPointF(area.right(), area.bottom() + 0.5));
    p.drawText(axis, Qt::AlignLeft | Qt::AlignTop, from);
    if (shown > 1)
        p.drawText(axis, Qt::AlignRight | Qt::AlignTop, to);
}
