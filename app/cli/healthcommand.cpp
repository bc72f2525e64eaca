#include "cli/healthcommand.h"

#include "net/healthmonitor.h"
#include "settings/secretstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

int runHealthCommand(QNetworkAccessManager *network, const Endpoint &endpoint, bool json)
{
    HealthMonitor monitor(network);
    monitor.setEndpoint(endpoint, SecretStore::fromEnvironment(endpoint));
    HealthReport report;
    // The report comes once the check is done and, when the server is asked a second time (its
    // facts, a member's usage), once more after that.
    QObject::connect(&monitor, &HealthMonitor::reportChanged, &monitor, [&](const HealthReport &r) {
        report = r;
        if (!monitor.isFetchingInfo())
            QCoreApplication::exit(0);
    });
    monitor.checkNow();
    QCoreApplication::exec();

    QTextStream out(stdout);
    const QString state = HealthReport::stateName(report.state);
    if (json) {
        QJsonObject facts;
        for (const auto &[label, value] : std::as_const(report.facts))
            facts.insert(label, value);
        QJsonObject o{{QStringLiteral("state"), state},
                      {QStringLiteral("status"), report.httpStatus},
                      {QStringLiteral("round_trip_ms"), report.roundTripMs},
                      {QStringLiteral("detail"), report.detail},
                      {QStringLiteral("facts"), facts}};
        if (!report.service.isEmpty())
            o.insert(QStringLiteral("service"), report.service);
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out << "State: " << state << '\n';
        if (report.roundTripMs >= 0)
            out << "Round trip: " << QString::number(report.roundTripMs, 'f', 1) << " ms\n";
        if (!report.service.isEmpty())
            out << "Service: " << report.service << '\n';
        // What the server tells of itself, as the Health panel groups it under "Server" (its own
        // "State: ready" is not the check's state).
        for (const auto &[label, value] : std::as_const(report.facts))
            out << (label == u"State" ? QStringLiteral("Server state") : label) << ": " << value << '\n';
        if (!report.detail.isEmpty())
            out << "Details: " << report.detail << '\n';
    }
    out.flush();
    return report.state == HealthReport::State::Ok ? 0 : 1;
}
