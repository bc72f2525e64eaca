#include "window/standardiconcache.h"

#include <QGuiApplication>
#include <QStyleOption>
#include <QWidget>

StandardIconCache::StandardIconCache(QStyle *base)
    : QProxyStyle(base)
{
}

QIcon StandardIconCache::standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const
{
    const Qt::LayoutDirection direction = option ? option->direction
                                          : widget ? widget->layoutDirection()
                                                   : QGuiApplication::layoutDirection();
    const int key = int(icon) * 2 + (direction == Qt::RightToLeft ? 1 : 0);
    if (const auto it = m_icons.constFind(key); it != m_icons.constEnd())
        return *it;
    QIcon made = QProxyStyle::standardIcon(icon, option, widget);
    if (!made.isNull())
        m_icons.insert(key, made);
    return made;
}

void StandardIconCache::polish(QApplication *application)
{
    m_icons.clear();
    QProxyStyle::polish(application);
}
