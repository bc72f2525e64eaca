#include "panels/accessiblewidgets.h"

#include "panels/acceptanceplot.h"
#include "panels/comparecolumn.h"
#include "panels/latencyplot.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QCoreApplication>
#include <QLabel>
#include <QTextDocumentFragment>

using namespace Qt::StringLiterals;

namespace {

const char *const HealthStateProperty = "fimHealthState";

// Messages under the context "AccessibleWidgets"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AccessibleWidgets)
};

class LatencyPlotAccessible final : public QAccessibleWidget
{
public:
    explicit LatencyPlotAccessible(LatencyPlot *plot)
        : QAccessibleWidget(plot, QAccessible::Chart)
    {
    }
    QString text(QAccessible::Text t) const override
    {
        const auto *plot = static_cast<const LatencyPlot *>(widget());
        switch (t) {
        case QAccessible::Name:
            return plot->accessibleName().isEmpty() ? Tr::tr("Latency plot") : plot->accessibleName();
        case QAccessible::Value:
        case QAccessible::Description:
            return plot->summaryText();
        default:
            return QAccessibleWidget::text(t);
        }
    }
};

class AcceptancePlotAccessible final : public QAccessibleWidget
{
public:
    explicit AcceptancePlotAccessible(AcceptancePlot *plot)
        : QAccessibleWidget(plot, QAccessible::Chart)
    {
    }
    QString text(QAccessible::Text t) const override
    {
        const auto *plot = static_cast<const AcceptancePlot *>(widget());
        switch (t) {
        case QAccessible::Name:
            return plot->accessibleName();
        case QAccessible::Value:
            return plot->overallText();
        case QAccessible::Description:
            return plot->accessibleDescription();
        default:
            return QAccessibleWidget::text(t);
        }
    }
};

class CompareColumnAccessible final : public QAccessibleWidget
{
public:
    explicit CompareColumnAccessible(CompareColumn *column)
        : QAccessibleWidget(column, QAccessible::Grouping)
    {
    }
    QString text(QAccessible::Text t) const override
    {
        const auto *column = static_cast<const CompareColumn *>(widget());
        switch (t) {
        case QAccessible::Name:
            return column->title().isEmpty() ? Tr::tr("Compare column") : Tr::tr("Variant %1").arg(column->title());
        case QAccessible::Description:
            return column->resultText();
        default:
            return QAccessibleWidget::text(t);
        }
    }
};

class HealthStateAccessible final : public QAccessibleWidget
{
public:
    explicit HealthStateAccessible(QLabel *label)
        : QAccessibleWidget(label, QAccessible::StatusBar)
    {
    }
    QString text(QAccessible::Text t) const override
    {
        const auto *label = static_cast<const QLabel *>(widget());
        switch (t) {
        case QAccessible::Name:
            return AccessibleWidgets::healthStateName(label);
        case QAccessible::Description:
            return label->accessibleDescription().isEmpty() ? label->toolTip() : label->accessibleDescription();
        default:
            return QAccessibleWidget::text(t);
        }
    }
};

QAccessibleInterface *factory(const QString &className, QObject *object)
{
    if (className == u"LatencyPlot")
        return new LatencyPlotAccessible(static_cast<LatencyPlot *>(object));
    if (className == u"AcceptancePlot")
        return new AcceptancePlotAccessible(static_cast<AcceptancePlot *>(object));
    if (className == u"CompareColumn")
        return new CompareColumnAccessible(static_cast<CompareColumn *>(object));
    if (className == u"QLabel" && object->property(HealthStateProperty).toBool())
        return new HealthStateAccessible(static_cast<QLabel *>(object));
    return nullptr;
}

} // namespace

void AccessibleWidgets::install()
{
    static const bool installed = [] {
        QAccessible::installFactory(factory);
        return true;
    }();
    Q_UNUSED(installed);
}

void AccessibleWidgets::markHealthState(QLabel *label)
{
    label->setProperty(HealthStateProperty, true);
}

void AccessibleWidgets::healthStateChanged(QLabel *label)
{
    if (!QAccessible::isActive())
        return;
    QAccessibleEvent name(label, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&name);
}

QString AccessibleWidgets::healthStateName(const QLabel *label)
{
    // The label is "<span style=…>●</span> Degraded": the dot is colour, the word is the state.
    QString state = QTextDocumentFragment::fromHtml(label->text()).toPlainText();
    state.remove(u'●');
    state = state.trimmed();
    return state.isEmpty() ? Tr::tr("Health") : Tr::tr("Health: %1").arg(state);
}
