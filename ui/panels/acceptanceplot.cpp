#include "panels/acceptanceplot.h"

#include <QLocale>
#include <QPainter>

AcceptancePlot::AcceptancePlot(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Acceptance over time"));
    setFocusPolicy(Qt::TabFocus); // a keyboard stop, where a screen reader reads the figures
}

void AcceptancePlot::setStats(const QList<SuggestionStats::Day> &days, const std::optional<double> &overall)
{
    m_days = days.size() > MaxDays ? days.mid(days.size() - MaxDays) : days;
    m_overall = overall;
    QStringList said;
    for (const SuggestionStats::Day &d : std::as_const(m_days))
        said << tr("%1: %2 of %3 accepted").arg(QLocale().toString(d.date, QLocale::ShortFormat)).arg(d.accepted).arg(d.seen);
    setAccessibleDescription(said.isEmpty() ? tr("No suggestions in this period.") : said.join(QStringLiteral("; ")));
    update();
}

QString AcceptancePlot::overallText() const
{
    return m_overall ? tr("%1 % accepted over the period").arg(qRound(*m_overall * 100)) : tr("No suggestions in this period.");
}

void AcceptancePlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
    const QColor text = palette().color(QPalette::Text);
    const QFontMetrics fm = fontMetrics();
    const QRect area = rect().adjusted(fm.horizontalAdvance(QStringLiteral("100 %")) + 8, fm.height() * 2, -6, -(fm.height() + 6));
    p.setPen(text);
    p.drawText(QRect(4, 2, width() - 8, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(tr("Accepted per day (of those seen)"), Qt::ElideRight, width() - 8));
    if (m_days.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No suggestions seen in this period yet."));
        return;
    }
    // The scale: 0, 50 and 100 %.
    QColor grid = text;
    grid.setAlphaF(0.25f);
    for (int pct : {0, 50, 100}) {
        const int y = area.bottom() - area.height() * pct / 100;
        p.setPen(grid);
        p.drawLine(area.left(), y, area.right(), y);
        p.setPen(text);
        p.drawText(QRect(0, y - fm.height() / 2, area.left() - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("%1 %").arg(pct));
    }
    const int n = int(m_days.size());
    const double slot = double(area.width()) / n;
    const int barWidth = std::max(3, int(slot * 0.7));
    const QColor bar = palette().color(QPalette::Highlight);
    for (int i = 0; i < n; ++i) {
        const SuggestionStats::Day &d = m_days.at(i);
        const double rate = d.seen > 0 ? double(d.accepted) / d.seen : 0;
        const int x = area.left() + int(slot * i + (slot - barWidth) / 2);
        const int h = int(area.height() * rate);
        p.fillRect(QRect(x, area.bottom() - h, barWidth, h), bar);
        // The day under its bar: "28 Nov" where there is room, else its number.
        const QString longLabel = QLocale().toString(d.date, QStringLiteral("d MMM"));
        const QString label = slot >= fm.horizontalAdvance(longLabel) + 4 ? longLabel : QString::number(d.date.day());
        if (slot >= fm.horizontalAdvance(label) + 2) {
            p.setPen(text);
            p.drawText(QRect(int(area.left() + slot * i), area.bottom() + 3, int(slot), fm.height()), Qt::AlignHCenter, label);
        }
    }
    if (m_overall) {
        const int y = area.bottom() - int(area.height() * *m_overall);
        QPen dashed(text, 1, Qt::DashLine);
        p.setPen(dashed);
        p.drawLine(area.left(), y, area.right(), y);
    }
}
