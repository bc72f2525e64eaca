#pragma once

#include "wire/endpoint.h"

#include <QObject>

class QNetworkAccessManager;
class FimClient;
class HealthMonitor;
class ModelsFetcher;

// "Test connection" for a profile: one health check, then one tiny completion (eight tokens), and a
// summary in words of both. A server that needs a model (Ollama) and has none chosen is asked for
// its list first, and the first model that can fill in the middle is used. Owns what it starts;
// destroying it ends everything quietly.
class ConnectionTest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTest)

public:
    ConnectionTest(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ConnectionTest() override;

    // model: the profile's model (Ollama needs one); empty for the endpoint's default.
    void start(const Endpoint &endpoint, const QString &secret, const QString &model);

signals:
    void finished(bool ok, const QString &summary);

private:
    void complete(const QString &health);

    QNetworkAccessManager *m_network;
    HealthMonitor *m_monitor = nullptr;
    FimClient *m_client = nullptr;
    ModelsFetcher *m_models = nullptr;
    Endpoint m_endpoint;
    QString m_secret;
    QString m_model;
    bool m_listed = false;
};
