#include "window/focuscycler.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QTabBar>
#include <QToolBar>

#include <algorithm>

FocusCycler::FocusCycler(QMainWindow *window, QWidget *editor, QToolBar *toolbar)
    : QObject(window)
    , m_window(window)
    , m_editor(editor)
    , m_toolbar(toolbar)
    , m_next(new QAction(tr("Focus Next Area"), this))
    , m_previous(new QAction(tr("Focus Previous Area"), this))
{
    m_next->setObjectName(QStringLiteral("focusNextArea"));
    m_next->setShortcut(QKeySequence(Qt::Key_F6));
    m_next->setToolTip(tr("Move the keyboard to the next panel: editor, docks, toolbar"));
    m_previous->setObjectName(QStringLiteral("focusPreviousArea"));
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    m_previous->setToolTip(tr("Move the keyboard to the previous panel"));
    for (QAction *a : {m_next, m_previous}) {
        a->setShortcutContext(Qt::WindowShortcut);
        window->addAction(a); // works with the menu bar hidden too
    }
    connect(m_next, &QAction::triggered, this, [this] { cycle(1); });
    connect(m_previous, &QAction::triggered, this, [this] { cycle(-1); });
}

QList<QWidget *> FocusCycler::areas() const
{
    QList<QWidget *> docks;
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
        // A dock tabbed behind another is hidden; one the user closed too.
        if (dock->isVisible() && !dock->isFloating() && !dock->visibleRegion().isEmpty())
            docks << dock;
    }
    // The tabs of tabbed docks (the window's own tab bars): with the keyboard on them, Left and
    // Right bring another dock of the group to the front.
    for (QTabBar *tabs : m_window->findChildren<QTabBar *>(Qt::FindDirectChildrenOnly)) {
        if (!tabs->isVisible())
            continue;
        if (tabs->focusPolicy() == Qt::NoFocus)
            tabs->setFocusPolicy(Qt::TabFocus);
        if (tabs->accessibleName().isEmpty())
            tabs->setAccessibleName(tr("Panels"));
        docks << tabs;
    }
    // Screen order: rows from the top, each from the left; docks side by side share a row when
    // their tops fall in the same 16-pixel band (a key of its own: a strict weak order for sort).
    auto key = [](const QWidget *w) {
        const QPoint p = w->mapToGlobal(QPoint(0, 0));
        return std::pair(p.y() / 16, p.x());
    };
    std::stable_sort(docks.begin(), docks.end(), [&key](const QWidget *a, const QWidget *b) { return key(a) < key(b); });
    QList<QWidget *> result{m_editor};
    for (QWidget *dock : std::as_const(docks))
        result << dock;
    if (m_toolbar->isVisible())
        result << m_toolbar;
    return result;
}

QWidget *FocusCycler::focusTarget(QWidget *area)
{
    if (area->focusPolicy() & Qt::TabFocus && area->isEnabled())
        return area;
    // The first control of the area in its tab order.
    QWidget *w = area->nextInFocusChain();
    for (int guard = 0; w && w != area && guard < 10000; w = w->nextInFocusChain(), ++guard) {
        if (area->isAncestorOf(w) && w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)
            && !w->focusProxy())
            return w;
    }
    return nullptr;
}

void FocusCycler::cycle(int delta)
{
    const QList<QWidget *> list = areas();
    QWidget *focus = QApplication::focusWidget();
    qsizetype current = 0; // the editor when the keyboard is elsewhere (the status bar, nowhere)
    for (qsizetype i = 0; i < list.size(); ++i)
        if (focus && (focus == list.at(i) || list.at(i)->isAncestorOf(focus)))
            current = i;
    for (qsizetype step = 1; step <= list.size(); ++step) {
        QWidget *area = list.at(((current + step * delta) % list.size() + list.size()) % list.size());
        if (QWidget *target = focusTarget(area)) {
            // A keyboard move, as Tab's: the style then draws where the focus went (Fusion draws a
            // focus frame on tabs, buttons and boxes only after one).
            m_window->setAttribute(Qt::WA_KeyboardFocusChange);
            target->setFocus(delta > 0 ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            return;
        }
    }
}
