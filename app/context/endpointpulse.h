#pragma once

#include <QObject>

class FimClient;
class HealthMonitor;
class ModelsFetcher;
class SecretStore;
struct RequestTiming;

// Keeps Health and the model list in step with what the completion requests find, so neither
// waits for the next periodic check: a request refused or timed out while Health says the endpoint
// is fine makes it check at once; an answer while Health says it is down, or while the model list
// could not be had, checks again and fetches the list again. It owns nothing; the services outlive
// it (AppContext's).
class EndpointPulse final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointPulse)

public:
    EndpointPulse(FimClient *client, HealthMonitor *health, ModelsFetcher *models, SecretStore *secrets, QObject *parent = nullptr);

private:
    void onRequest(const RequestTiming &timing);

    FimClient *m_client;
    HealthMonitor *m_health;
    ModelsFetcher *m_models;
    SecretStore *m_secrets;
    bool m_modelsFailed = false; // the last fetch of the list failed
};
