#pragma once

#include <QByteArray>
#include <QObject>

class HealthPanel;
class InspectorPanel;
class LatencyPanel;
class ModelsPanel;
class QDockWidget;
class QMainWindow;

// Where the main window's panels go and how much room each gets: Latency, the request inspector,
// Compare, History, Stats and Context tabbed at the bottom with a third of the height, Health on the right with the height its words
// need (it grows for a long reason: nothing clipped) and Models below it with the rest. Keeps the
// splitters inside the panels for the settings.
class DockLayout final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockLayout)

public:
    struct Panels
    {
        LatencyPanel *latency;
        InspectorPanel *inspector;
        HealthPanel *health;
        ModelsPanel *models;
        QWidget *compare;
        QWidget *history;
        QWidget *stats;
        QWidget *context;
    };

    // Puts the panels in docks of the window.
    DockLayout(QMainWindow *window, const Panels &panels);

    // The window was shown: sizes take only now, once it is laid out. A layout the user left
    // (restored from the settings) is kept.
    void windowShown(bool userLayoutRestored);
    void applyDefaultSizes();
    // Health's words changed: fit its dock to them (after the panel has shown them).
    void fitHealth();
    // Brings the request inspector to the front of its tab group.
    void showInspector();
    // Brings the Compare view to the front.
    void showCompare();
    // Brings the Context panel to the front.
    void showContext();
    // Brings the Stats panel to the front.
    void showStats();

    void restoreSplitters(const QByteArray &latency, const QByteArray &inspector);
    QByteArray latencySplitter() const;
    QByteArray inspectorSplitter() const;

private:
    QDockWidget *addDock(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);

    QMainWindow *m_window;
    Panels m_panels;
    QDockWidget *m_latency = nullptr;
    QDockWidget *m_inspector = nullptr;
    QDockWidget *m_health = nullptr;
    QDockWidget *m_models = nullptr;
    QDockWidget *m_compare = nullptr;
    QDockWidget *m_history = nullptr;
    QDockWidget *m_stats = nullptr;
    QDockWidget *m_context = nullptr;
    bool m_shown = false;
};
