#pragma once

#include <QColor>
#include <QObject>
#include <QTimer>

class QPainter;
class QRect;
class QWidget;

// The sign that a request is in flight: three dots after the cursor, one brighter in turn. Asks
// the widget to repaint as it turns; the widget calls paint() from its paintEvent.
class BusyIndicator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BusyIndicator)

public:
    explicit BusyIndicator(QWidget *widget);

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void paint(QPainter &painter, const QRect &cursorRect, QColor color) const;

private:
    QWidget *m_widget;
    QTimer m_timer;
    bool m_busy = false;
    int m_phase = 0;
};
