#include "net/connectiontest.h"

#include "net/fimclient.h"
#include "net/healthmonitor.h"
#include "net/modelsfetcher.h"

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
    delete m_models;
    m_client = nullptr;
    m_models = nullptr;
    m_endpoint = endpoint;
    m_secret = secret;
    m_model = model;
    m_listed = false;
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
    if (m_endpoint.needsModel() && m_model.isEmpty() && !m_listed) {
        m_listed = true; // once: an empty list leaves the completion to say what to do
        m_models = new ModelsFetcher(m_network, this);
        connect(m_models, &ModelsFetcher::fetched, this, [this, health](const ModelList &list) {
            if (m_models->detailsPending())
                return;
            m_models->deleteLater();
            m_models = nullptr;
            m_model = list.firstFimModel();
            if (m_model.isEmpty() && !list.models.isEmpty())
                m_model = list.models.constFirst().id;
            complete(health + (m_model.isEmpty() ? QString() : QLatin1Char(' ') + tr("Model: %1.").arg(m_model)));
        });
        connect(m_models, &ModelsFetcher::failed, this, [this, health](const FimError &e) {
            emit finished(false, health + QLatin1Char('\n') + tr("No model list: %1").arg(e.message));
        });
        m_models->fetch(m_endpoint, m_secret);
        return;
    }
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
