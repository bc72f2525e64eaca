#include "window/standardiconcache.h"

#include <QGuiApplication>
#include <QStyleOption>
#include <QWidget>

StandardIconCache::StandardIconCache(QStyle *base)
    : QProxyStyle(base)
{
}

void StandardIconCache::forgetIfStale() const
{
    const QPalette palette = QGuiApplication::palette();
    const Qt::LayoutDirection direction = QGuiApplication::layoutDirection();
    const QString iconTheme = QIcon::themeName();
    if (palette == m_palette && direction == m_direction && iconTheme == m_iconTheme)
        return;
    m_icons.clear();
    m_palette = palette;
    m_direction = direction;
    m_iconTheme = iconTheme;
}

QIcon StandardIconCache::standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const
{
    forgetIfStale();
    const QPalette &palette = option ? option->palette : widget ? widget->palette() : m_palette;
    const Qt::LayoutDirection direction = option ? option->direction : widget ? widget->layoutDirection() : m_direction;
    if (direction != m_direction || palette != m_palette) // not as the application asks: as the style makes it
        return QProxyStyle::standardIcon(icon, option, widget);
    if (const auto it = m_icons.constFind(int(icon)); it != m_icons.constEnd())
        return *it;
    QIcon made = QProxyStyle::standardIcon(icon, option, widget);
    if (!made.isNull())
        m_icons.insert(int(icon), made);
    return made;
}

void StandardIconCache::polish(QApplication *application)
{
    m_icons.clear();
    QProxyStyle::polish(application);
}
