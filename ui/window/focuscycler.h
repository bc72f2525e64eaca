#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QToolBar;
class QWidget;

// F6 and Shift+F6, as in KDE applications: the keyboard goes from the editor to each visible dock
// (its first focusable control, the docks in screen order: top to bottom, then left to right; the
// tabs of a group of tabbed docks after them, where Left and Right bring another to the front),
// then to the toolbar, and round again (Shift+F6 backwards). Two actions of the window's, for the
// View menu; a dock that is closed, or tabbed behind another, is passed over, and so is an area
// with nothing to focus.
class FocusCycler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FocusCycler)

public:
    FocusCycler(QMainWindow *window, QWidget *editor, QToolBar *toolbar);

    QAction *nextAction() const { return m_next; }
    QAction *previousAction() const { return m_previous; }

    // The areas in the order F6 visits them: the editor, the visible docks, the toolbar.
    QList<QWidget *> areas() const;
    // The widget an area gives the keyboard to; null when it has none.
    static QWidget *focusTarget(QWidget *area);
    // Moves the keyboard to the next (+1) or previous (-1) area.
    void cycle(int delta);

private:
    QMainWindow *m_window;
    QWidget *m_editor;
    QToolBar *m_toolbar;
    QAction *m_next;
    QAction *m_previous;
};
