#include "editor/busyindicator.h"

#include <QPainter>
#include <QWidget>

BusyIndicator::BusyIndicator(QWidget *widget)
    : QObject(widget)
    , m_widget(widget)
{
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ++m_phase;
        m_widget->update();
    });
}

void BusyIndicator::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    m_phase = 0;
    if (busy)
        m_timer.start();
    else
        m_timer.stop();
    m_widget->update();
}

void BusyIndicator::paint(QPainter &painter, const QRect &cr, QColor color) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    const qreal r = std::max(2.0, cr.height() / 9.0);
    for (int i = 0; i < 3; ++i) {
        color.setAlphaF(i == m_phase % 3 ? 0.9f : 0.35f);
        painter.setBrush(color);
        painter.drawEllipse(QPointF(cr.right() + 3 * r + i * 3 * r, cr.center().y() + 0.5), r, r);
    }
}
