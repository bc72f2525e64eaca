#include "context/endpointpulse.h"

#include "net/fimclient.h"
#include "net/healthmonitor.h"
#include "net/modelsfetcher.h"
#include "settings/secretstore.h"

EndpointPulse::EndpointPulse(FimClient *client, HealthMonitor *health, ModelsFetcher *models, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_health(health)
    , m_models(models)
    , m_secrets(secrets)
{
    connect(client, &FimClient::timingRecorded, this, &EndpointPulse::onRequest);
    connect(models, &ModelsFetcher::fetched, this, [this] { m_modelsFailed = false; });
    connect(models, &ModelsFetcher::failed, this, [this] { m_modelsFailed = true; });
}

void EndpointPulse::onRequest(const RequestTiming &timing)
{
    const HealthReport::State state = m_health->last().state;
    const bool healthy = state == HealthReport::State::Ok || state == HealthReport::State::Degraded;
    if (timing.outcome == RequestTiming::Outcome::Failed) {
        // The server went away (refused, reset, silent): Health says so now, not in 30 s.
        if (healthy && (timing.errorKind == u"network" || timing.errorKind == u"timeout"))
            m_health->checkNow();
        return;
    }
    if (timing.outcome != RequestTiming::Outcome::Ok)
        return;
    // It answers again: Health and the model list come back with it.
    if (!healthy)
        m_health->checkNow();
    if (m_modelsFailed && !m_models->isFetching()) {
        const Endpoint endpoint = m_client->endpoint();
        m_secrets->read(endpoint, this, [this, endpoint](const QString &secret, const QString &) {
            if (m_client->endpoint() == endpoint) // still the one in use
                m_models->fetch(endpoint, secret);
        });
    }
}

// Its meta-object here, not in the one file of all of them: a program that uses none of this class
// (fim-complete) links none of it, nor the keychain behind it.
#include "moc_endpointpulse.cpp"
