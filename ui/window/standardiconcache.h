#pragma once

#include <QHash>
#include <QIcon>
#include <QPalette>
#include <QProxyStyle>

// The application's style, with its standard icons (QStyle::standardIcon) kept once made.
//
// Qt's styles build a standard icon anew at every call: Fusion adds each of an icon's sizes from
// its resources, opening every file to read its format. A dock widget asks for its float and close
// icons when it is made, when its style is polished, when it floats or docks and when the window's
// layout is restored, so the window's eight docks asked for them about a hundred times before the
// first paint: 11.6 ms of a 105 ms start-up (median of 11, measured 2026-12-04).
//
// Only icons asked as the application asks them are kept: in its palette and its writing direction
// (every dock asks so). Styles draw some icons in the palette's colours (Breeze's title bar
// buttons) and turn others by the option's direction, else the application's; an icon asked in
// another palette or direction is made by the wrapped style every time. The kept icons are
// forgotten when the application's palette (a dark colour scheme), writing direction or icon theme
// changes, and when the style is polished again.
class StandardIconCache final : public QProxyStyle
{
    Q_OBJECT
public:
    // Wraps the style given, and owns it: the application's current one (-style on the command
    // line, the platform theme's choice or Fusion), which QApplication::setStyle() then leaves alone.
    explicit StandardIconCache(QStyle *base);

    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option = nullptr, const QWidget *widget = nullptr) const override;
    void polish(QApplication *application) override;
    using QProxyStyle::polish;

    int cachedCount() const { return m_icons.size(); }

private:
    // Empties the cache when the application's palette, direction or icon theme is no longer the
    // one its icons were made in.
    void forgetIfStale() const;

    mutable QHash<int, QIcon> m_icons;
    mutable QPalette m_palette;
    mutable Qt::LayoutDirection m_direction = Qt::LeftToRight;
    mutable QString m_iconTheme;
};
