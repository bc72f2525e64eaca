#include "window/docklayout.h"

#include "panels/healthpanel.h"
#include "panels/inspectorpanel.h"
#include "panels/latencypanel.h"
#include "panels/modelspanel.h"

#include <QDockWidget>
#include <QLayout>
#include <QMainWindow>
#include <QSplitter>
#include <QTimer>

DockLayout::DockLayout(QMainWindow *window, const Panels &panels)
    : QObject(window)
    , m_window(window)
    , m_panels(panels)
{
    m_latency = addDock(panels.latency, tr("Latency"), QStringLiteral("latencyDock"), Qt::BottomDockWidgetArea);
    m_inspector = addDock(panels.inspector, tr("Request inspector"), QStringLiteral("inspectorDock"), Qt::BottomDockWidgetArea);
    //: Panel title: whether the endpoint is up (ok, degraded, down), as in a health check
    m_health = addDock(panels.health, tr("Health"), QStringLiteral("healthDock"), Qt::RightDockWidgetArea);
    m_models = addDock(panels.models, tr("Models"), QStringLiteral("modelsDock"), Qt::RightDockWidgetArea);
    //: Panel title: answers of several variants side by side
    m_compare = addDock(panels.compare, tr("Compare"), QStringLiteral("compareDock"), Qt::BottomDockWidgetArea);
    window->tabifyDockWidget(m_latency, m_inspector);
    m_history = addDock(panels.history, tr("History"), QStringLiteral("historyDock"), Qt::BottomDockWidgetArea);
    window->tabifyDockWidget(m_inspector, m_compare);
    window->tabifyDockWidget(m_compare, m_history);
    // What became of the suggestions: beside the history it is counted from.
    m_stats = addDock(panels.stats, tr("Stats"), QStringLiteral("statsDock"), Qt::BottomDockWidgetArea);
    window->tabifyDockWidget(m_history, m_stats);
    // Beside Compare and History at the bottom: its rows are wide (file, lines, tokens, why, sent).
    //: Panel title: the extra context (files, chunks) sent beside prefix and suffix
    m_context = addDock(panels.context, tr("Context"), QStringLiteral("contextDock"), Qt::BottomDockWidgetArea);
    window->tabifyDockWidget(m_stats, m_context);
    m_latency->raise();
}

QDockWidget *DockLayout::addDock(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, m_window);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    m_window->addDockWidget(area, dock);
    return dock;
}

void DockLayout::windowShown(bool userLayoutRestored)
{
    if (m_shown)
        return;
    m_shown = true;
    if (!userLayoutRestored)
        QTimer::singleShot(0, this, &DockLayout::applyDefaultSizes);
}

void DockLayout::applyDefaultSizes()
{
    // Room for what is read most: the bottom panels (latency plot and table, the request and its
    // answer) get a third of the height; Health takes the height it needs and Models the rest.
    const int height = m_window->height();
    m_window->resizeDocks({m_latency, m_inspector, m_compare, m_history}, {height / 3, height / 3, height / 3, height / 3},
                          Qt::Vertical);
    m_window->resizeDocks({m_health}, {320}, Qt::Horizontal);
    m_window->resizeDocks({m_health, m_models}, {m_panels.health->sizeHint().height() + 30, height}, Qt::Vertical);
    fitHealth();
}

void DockLayout::fitHealth()
{
    HealthPanel *panel = m_panels.health;
    if (!m_shown || m_health->isFloating() || !m_health->isVisible() || !m_models->isVisible())
        return;
    if (panel->layout())
        panel->layout()->activate(); // the words just changed: measure with them
    const int hfw = panel->heightForWidth(panel->width());
    const int need = (hfw > 0 ? hfw : panel->sizeHint().height()) + (m_health->height() - panel->height());
    if (m_health->height() != need)
        m_window->resizeDocks({m_health, m_models}, {need, m_health->height() + m_models->height() - need}, Qt::Vertical);
}

void DockLayout::restoreSplitters(const QByteArray &latency, const QByteArray &inspector)
{
    if (!latency.isEmpty())
        m_panels.latency->splitter()->restoreState(latency);
    if (!inspector.isEmpty())
        m_panels.inspector->splitter()->restoreState(inspector);
}

QByteArray DockLayout::latencySplitter() const
{
    return m_panels.latency->splitter()->saveState();
}

QByteArray DockLayout::inspectorSplitter() const
{
    return m_panels.inspector->splitter()->saveState();
}

void DockLayout::showCompare()
{
    m_compare->show();
    m_compare->raise();
}

void DockLayout::showInspector()
{
    m_inspector->show();
    m_inspector->raise();
}

void DockLayout::showContext()
{
    m_context->show();
    m_context->raise();
}

void DockLayout::showStats()
{
    m_stats->show();
    m_stats->raise();
}
