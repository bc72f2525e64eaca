#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>

class HealthPanel;
class InspectorPanel;
class LatencyPanel;
class ModelsPanel;
class QDockWidget;
class QMainWindow;

// Where the main window's panels go and how much room each gets: Latency, the request inspector,
// Compare, History, Stats and Context tabbed at the bottom with a third of the height, Health on
// the right with the height its words need (it grows for a long reason: nothing clipped) and Models
// below it with the rest. Keeps the splitters inside the panels for the settings.
//
// The five tabs behind Latency get their panels once the first frame is done (attachPanels()), or
// when shown before: until then their docks hold an empty stand-in and the panels wait, hidden, in
// the window (made and wired, so nothing they are told is lost). Laid out, measured and polished
// for the first frame, which shows none of them, they cost 3.5–5 ms of the start-up.
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

    // Puts the panels in docks of the window (the tabs behind Latency: stand-ins for now).
    DockLayout(QMainWindow *window, const Panels &panels);
    // Gives every dock still holding a stand-in its panel: the window calls it after its first frame.
    void attachPanels();

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
    enum class Content
    {
        Now,
        WhenFirstShown,
    };
    QDockWidget *addDock(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area,
                         Content content);

    void attach(QDockWidget *dock);
    bool isWaiting(const QWidget *panel) const;

    QMainWindow *m_window;
    Panels m_panels;
    struct Waiting
    {
        QDockWidget *dock;
        QWidget *panel;
    };
    QList<Waiting> m_waiting;     // docks holding a stand-in, and the panel each gets
    QByteArray m_inspectorSplit;  // the inspector's splitter as the settings had it, until it is in its dock
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
