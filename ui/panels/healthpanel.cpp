#include "panels/healthpanel.h"

#include "net/healthmonitor.h"
#include "panels/accessiblewidgets.h"
#include "panels/elidedlabel.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

HealthPanel::HealthPanel(HealthMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_checked(new QLabel(this))
    , m_roundTrip(new QLabel(this))
    , m_service(new ElidedLabel(this))
    , m_serverTime(new QLabel(this))
    , m_facts(new ElidedLabel(this, 8, false, false))
    , m_detail(new QLabel(this))
    , m_check(new QPushButton(tr("Check now"), this))
{
    AccessibleWidgets::markHealthState(m_state);
    m_detail->setWordWrap(true);
    m_detail->setMinimumWidth(200);
    m_detail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long word never widens the dock
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = m_form = new QFormLayout(this);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Last check:"), m_checked);
    form->addRow(tr("Round trip:"), m_roundTrip);
    form->addRow(tr("Service:"), m_service);
    form->addRow(tr("Server time:"), m_serverTime);
    form->addRow(tr("Server:"), m_facts);
    form->addRow(tr("Details:"), m_detail);
    form->addRow(m_check);
    connect(m_check, &QPushButton::clicked, monitor, &HealthMonitor::checkNow);
    connect(monitor, &HealthMonitor::checkStarted, this, [this] { m_check->setText(tr("Checking…")); });
    connect(monitor, &HealthMonitor::reportChanged, this, &HealthPanel::show);
    show(monitor->last());
}

QColor HealthPanel::stateColor(HealthReport::State state)
{
    switch (state) {
    case HealthReport::State::Ok: return {0x27, 0xae, 0x60};
    case HealthReport::State::Degraded: return {0xf6, 0x74, 0x00};
    case HealthReport::State::Down: return {0xda, 0x44, 0x53};
    case HealthReport::State::Unauthorized: return {0x8e, 0x44, 0xad};
    case HealthReport::State::Unknown: break;
    }
    return {0x7f, 0x8c, 0x8d};
}

QString HealthPanel::stateText(HealthReport::State state)
{
    switch (state) {
    case HealthReport::State::Ok: return tr("OK");
    case HealthReport::State::Degraded: return tr("Degraded");
    case HealthReport::State::Down: return tr("Down");
    case HealthReport::State::Unauthorized: return tr("Unauthorized");
    case HealthReport::State::Unknown: break;
    }
    return tr("Not checked yet");
}

QString HealthPanel::stateLabelText() const
{
    return m_state->text();
}

QString HealthPanel::detailText() const
{
    return m_detail->text();
}

void HealthPanel::show(const HealthReport &r)
{
    m_check->setText(tr("Check now"));
    m_state->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2").arg(stateColor(r.state).name(), stateText(r.state)));
    m_checked->setText(r.checkedAt.isValid() ? r.checkedAt.toString(QStringLiteral("HH:mm:ss")) : QStringLiteral("–"));
    // A refused connection's milliseconds are no round trip: none is shown while Down.
    m_roundTrip->setText(r.roundTripMs >= 0 && r.state != HealthReport::State::Down ? tr("%1 ms").arg(r.roundTripMs, 0, 'f', 1)
                                                                                   : QStringLiteral("–"));
    m_service->setFullText(r.service.isEmpty() ? QStringLiteral("–") : r.service);
    m_serverTime->setText(r.serverTime.isValid() ? r.serverTime.toLocalTime().toString(Qt::ISODate) : QStringLiteral("–"));
    // What this kind of server tells of itself: llama.cpp's state and n_ctx, Ollama's version, ...
    QStringList facts;
    for (const auto &[label, value] : r.facts)
        facts << QStringLiteral("%1: %2").arg(label, value);
    m_facts->setFullText(facts.join(u'\n'));
    // Rows only some kinds fill (the proxies' service and clock, the local servers' facts) show
    // when filled.
    m_form->setRowVisible(m_service, !r.service.isEmpty());
    m_form->setRowVisible(m_serverTime, r.serverTime.isValid());
    m_form->setRowVisible(m_facts, !facts.isEmpty());
    m_detail->setText(r.detail.isEmpty() ? (r.state == HealthReport::State::Ok ? tr("Healthy.") : QStringLiteral("–")) : r.detail);
    m_state->setAccessibleDescription(r.detail);
    AccessibleWidgets::healthStateChanged(m_state);
}

QString HealthPanel::factsText() const
{
    return m_facts->fullText();
}
