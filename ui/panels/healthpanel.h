#pragma once

#include "wire/healthreport.h"

#include <QWidget>

class ElidedLabel;
class HealthMonitor;
class QLabel;
class QPushButton;

// The active endpoint's health: state with a coloured dot, last check, round trip, the service
// name and server time the seed's /health gives, the last error in words, and "Check now".
class HealthPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthPanel)

public:
    explicit HealthPanel(HealthMonitor *monitor, QWidget *parent = nullptr);

    static QColor stateColor(HealthReport::State state);
    static QString stateText(HealthReport::State state);
    QString stateLabelText() const;
    QString detailText() const;
    QString factsText() const;
    QPushButton *checkButton() const { return m_check; }

private:
    void show(const HealthReport &report);

    QLabel *m_state;
    QLabel *m_checked;
    QLabel *m_roundTrip;
    ElidedLabel *m_service; // a replay's long path never widens the dock: elided, whole in its tooltip
    QLabel *m_serverTime;
    ElidedLabel *m_facts;
    class QFormLayout *m_form = nullptr;
    QLabel *m_detail;
    QPushButton *m_check;
};
