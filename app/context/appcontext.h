#pragma once

#include "history/historyrecorder.h"
#include "history/historystore.h"
#include "history/historywriter.h"
#include "history/replaynetworkaccess.h"
#include "latency/latencymodel.h"
#include "net/fimclient.h"
#include "net/healthmonitor.h"
#include "net/modelsfetcher.h"
#include "net/servertokenizer.h"
#include "settings/appsettings.h"
#include "settings/secretstore.h"
#include "settings/sessionstore.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <memory>
#include <optional>

// The playground's services, made once by main() (or a test) and handed to the widgets: one
// network access manager (which also answers replay:// from the history) and everything that talks through it, the secret store, the latency
// history, the settings and the session. Knows which endpoint profile is active and keeps the
// client, the health monitor and the model list on it.
class AppContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppContext)

public:
    // historyPath: where the history goes (empty: none); the settings may turn it off too.
    explicit AppContext(SettingsStore settingsStore = SettingsStore(), SessionStore sessionStore = SessionStore(),
                        const QString &historyPath = HistoryStore::defaultPath(), QObject *parent = nullptr);
    ~AppContext() override;

    FimClient *client() { return &m_client; }
    HealthMonitor *health() { return &m_health; }
    // The active endpoint's own tokenisation, where it has one (llama-server's /tokenize).
    ServerTokenizer *tokenizer() { return &m_tokenizer; }
    ModelsFetcher *models() { return &m_models; }
    SecretStore *secrets() { return &m_secrets; }
    LatencyModel *latency() { return &m_latency; }
    QNetworkAccessManager *network() { return &m_network; }
    // Null when history is off (by the settings, or no path).
    HistoryWriter *history() { return m_history.get(); }
    HistoryRecorder *historyRecorder() { return m_recorder.get(); }
    const SessionStore &sessionStore() const { return m_sessionStore; }
    const SettingsStore &settingsStore() const { return m_settingsStore; }

    AppSettings &settings() { return m_settings; }
    bool saveSettings(QString *error = nullptr) const { return m_settingsStore.save(m_settings, error); }

    // Makes a profile the active one: the client, health checks and the model list follow it. The
    // secret is read from the environment or the keychain first (asynchronously).
    void activateProfile(const QString &name);
    Endpoint activeEndpoint() const { return m_client.endpoint(); }
    // Uses an endpoint that is not a saved profile (the --endpoint command-line option).
    void useEndpoint(const Endpoint &endpoint);
    // While held (the window's start-up, until its first paint), choosing an endpoint sets the
    // client (and its secret, as soon as read) as always, and leaves talking to the endpoint
    // (Health's checks, the model list, the tokenizer) until release, which does it for the
    // endpoint chosen last.
    void holdActivation() { m_holdActivation = true; }
    void releaseActivation();
    const Exchange &lastExchange() const { return m_lastExchange; }
    // Something went wrong outside any request (keychain, files): the main window shows it.
    void reportProblem(const QString &message) { emit problem(message); }

signals:
    void activeEndpointChanged(const Endpoint &endpoint, bool hasSecret, const QString &secretError);
    void exchangeRecorded(const Exchange &exchange);
    void problem(const QString &message);

private:
    SettingsStore m_settingsStore;
    SessionStore m_sessionStore;
    AppSettings m_settings;
    ReplayNetworkAccess m_network; // replay:// answers from historyPath, even with recording off
    FimClient m_client;
    HealthMonitor m_health;
    ModelsFetcher m_models;
    ServerTokenizer m_tokenizer;
    SecretStore m_secrets;
    LatencyModel m_latency;
    Exchange m_lastExchange;
    std::unique_ptr<HistoryWriter> m_history;
    std::unique_ptr<HistoryRecorder> m_recorder;
    quint64 m_activation = 0;
    bool m_holdActivation = false;
    struct Held
    {
        Endpoint endpoint;
        QString secret;
        quint64 activation;
    };
    std::optional<Held> m_held;

    void talkTo(const Endpoint &endpoint, const QString &secret);
};
