#include "window/messagestatusbar.h"

#include <QPaintEvent>
#include <QPainter>
#include <QStyleOption>

MessageStatusBar::MessageStatusBar(QWidget *parent)
    : QStatusBar(parent)
{
    connect(this, &QStatusBar::messageChanged, this, [this](const QString &message) { setToolTip(message); });
}

QRect MessageStatusBar::messageRect() const
{
    // As QStatusBar lays it out: while a message shows, only the permanent widgets (and the size
    // grip) are visible.
    int right = width() - 12;
    for (const QWidget *w : findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        if (w->isVisible())
            right = std::min(right, w->x() - 2);
    return {6, 0, std::max(0, right - 6), height()};
}

QString MessageStatusBar::shownMessage() const
{
    return fontMetrics().elidedText(currentMessage(), Qt::ElideRight, messageRect().width());
}

void MessageStatusBar::paintEvent(QPaintEvent *event)
{
    // QStatusBar's painting, but the message elided instead of cut.
    QPainter p(this);
    QStyleOption panel;
    panel.initFrom(this);
    style()->drawPrimitive(QStyle::PE_PanelStatusBar, &panel, &p, this);
    for (QWidget *w : findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (!w->isVisible() || w->inherits("QSizeGrip"))
            continue;
        const QRect frame = w->geometry().adjusted(-2, -1, 2, 1);
        if (!event->rect().intersects(frame))
            continue;
        QStyleOption item;
        item.rect = frame;
        item.palette = palette();
        item.state = QStyle::State_None;
        style()->drawPrimitive(QStyle::PE_FrameStatusBarItem, &item, &p, w);
    }
    if (!currentMessage().isEmpty()) {
        p.setPen(palette().windowText().color());
        p.drawText(messageRect(), Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine, shownMessage());
    }
}
