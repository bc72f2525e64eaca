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

#include <algorithm>
#include <utility>

DockLayout::DockLayout(QMainWindow *window, const Panels &panels)
    : QObject(window)
    , m_window(window)
    , m_panels(panels)
{
    // In front in the default layout: Latency, Health and Models. The tabs behind Latency get their
    // panels when first shown.
    m_latency = addDock(panels.latency, tr("Latency"), QStringLiteral("latencyDock"), Qt::BottomDockWidgetArea, Content::Now);
    m_inspector = addDock(panels.inspector, tr("Request inspector"), QStringLiteral("inspectorDock"), Qt::BottomDockWidgetArea,
                          Content::WhenFirstShown);
    //: Panel title: whether the endpoint is up (ok, degraded, down), as in a health check
    m_health = addDock(panels.health, tr("Health"), QStringLiteral("healthDock"), Qt::RightDockWidgetArea, Content::Now);
    m_models = addDock(panels.models, tr("Models"), QStringLiteral("modelsDock"), Qt::RightDockWidgetArea, Content::Now);
    //: Panel title: answers of several variants side by side
    m_compare = addDock(panels.compare, tr("Compare"), QStringLiteral("compareDock"), Qt::BottomDockWidgetArea, Content::WhenFirstShown);
    window->tabifyDockWidget(m_latency, m_inspector);
    m_history = addDock(panels.history, tr("History"), QStringLiteral("historyDock"), Qt::BottomDockWidgetArea, Content::WhenFirstShown);
    window->tabifyDockWidget(m_inspector, m_compare);
    window->tabifyDockWidget(m_compare, m_history);
    // What became of the suggestions: beside the history it is counted from.
    m_stats = addDock(panels.stats, tr("Stats"), QStringLiteral("statsDock"), Qt::BottomDockWidgetArea, Content::WhenFirstShown);
    window->tabifyDockWidget(m_history, m_stats);
    // Beside Compare and History at the bottom: its rows are wide (file, lines, tokens, why, sent).
    //: Panel title: the extra context (files, chunks) sent beside prefix and suffix
    m_context = addDock(panels.context, tr("Context"), QStringLiteral("contextDock"), Qt::BottomDockWidgetArea, Content::WhenFirstShown);
    window->tabifyDockWidget(m_stats, m_context);
    m_latency->raise();
}

QDockWidget *DockLayout::addDock(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area,
                                 Content content)
{
    auto *dock = new QDockWidget(title, m_window);
    dock->setObjectName(objectName);
    if (content == Content::Now) {
        dock->setWidget(panel);
    } else { // an empty stand-in until the first frame is done or the dock is shown before
        panel->hide();
        dock->setWidget(new QWidget);
        m_waiting.append({dock, panel});
        connect(dock, &QDockWidget::visibilityChanged, panel, [this, dock](bool visible) {
            if (visible)
                attach(dock);
        });
    }
    m_window->addDockWidget(area, dock);
    return dock;
}

void DockLayout::attachPanels()
{
    while (!m_waiting.isEmpty())
        attach(m_waiting.constFirst().dock);
}

void DockLayout::attach(QDockWidget *dock)
{
    const auto waiting = std::find_if(m_waiting.cbegin(), m_waiting.cend(), [dock](const Waiting &w) { return w.dock == dock; });
    if (waiting == m_waiting.cend())
        return;
    QWidget *panel = waiting->panel;
    m_waiting.erase(waiting);
    QWidget *standIn = dock->widget();
    dock->setWidget(panel);
    panel->show(); // shown with its dock, at once if the dock is (a dock does not show a new widget)
    standIn->deleteLater();
    if (panel == m_panels.inspector && !m_inspectorSplit.isEmpty())
        m_panels.inspector->restoreSplitterState(std::exchange(m_inspectorSplit, QByteArray()));
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
    if (inspector.isEmpty())
        return;
    if (isWaiting(m_panels.inspector))
        m_inspectorSplit = inspector; // a splitter takes its sizes once laid out in its dock
    else
        m_panels.inspector->restoreSplitterState(inspector);
}

bool DockLayout::isWaiting(const QWidget *panel) const
{
    return std::any_of(m_waiting.cbegin(), m_waiting.cend(), [panel](const Waiting &w) { return w.panel == panel; });
}

QByteArray DockLayout::latencySplitter() const
{
    return m_panels.latency->splitter()->saveState();
}

QByteArray DockLayout::inspectorSplitter() const
{
    if (isWaiting(m_panels.inspector) && !m_inspectorSplit.isEmpty())
        return m_inspectorSplit; // never laid out this session: what the settings had
    return m_panels.inspector->splitterState();
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
