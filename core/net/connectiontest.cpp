#include "connectiontest.h"

#include "fimclient.h"
#include "healthmonitor.h"

ConnectionTest::ConnectionTest(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

ConnectionTest::~ConnectionTest() = default; // the monitor and the client are children

void ConnectionTest::start(const Endpoint &endpoint, const QString &secret, const QString &model)
{
    delete m_monitor;
    delete m_client;
    m_client = nullptr;
    m_endpoint = endpoint;
    m_secret = secret;
    m_model = model;
    m_monitor = new HealthMonitor(m_network, this);
    m_monitor->setEndpoint(endpoint, secret);
    connect(m_monitor, &HealthMonitor::reportChanged, this, [this](const HealthReport &report) {
        m_monitor->disconnect(this);
        m_monitor->deleteLater();
        m_monitor = nullptr;
        complete(tr("Health: %1%2 (%3 ms).")
                     .arg(HealthReport::stateName(report.state),
                          report.detail.isEmpty() ? QString() : QStringLiteral(", ") + report.detail)
                     .arg(qRound(report.roundTripMs)));
    });
    m_monitor->checkNow();
}

void ConnectionTest::complete(const QString &health)
{
    m_client = new FimClient(m_network, this);
    m_client->setEndpoint(m_endpoint, m_secret);
    FimRequest tiny;
    tiny.prompt = QStringLiteral("def add(a, b):\n    return ");
    tiny.suffix = QStringLiteral("\n");
    tiny.maxTokens = 8;
    tiny.model = m_model;
    FimReply *reply = m_client->complete(tiny);
    connect(reply, &FimReply::finished, this, [this, health](const CompletionResult &r) {
        emit finished(true, health + QLatin1Char('\n')
                                + tr("Completion: \"%1\" in %2 ms.").arg(r.text.left(60)).arg(qRound(r.timing.totalMs)));
    });
    connect(reply, &FimReply::failed, this, [this, health](const FimError &e) {
        emit finished(false, health + QLatin1Char('\n') + tr("Completion failed: %1").arg(e.message));
    });
}
