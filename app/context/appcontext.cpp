#include "context/appcontext.h"

AppContext::AppContext(SettingsStore settingsStore, SessionStore sessionStore, const QString &historyPath, QObject *parent)
    : QObject(parent)
    , m_settingsStore(std::move(settingsStore))
    , m_sessionStore(std::move(sessionStore))
    , m_settings(m_settingsStore.load())
    , m_network(historyPath)
    , m_client(&m_network)
    , m_health(&m_network)
    , m_models(&m_network)
    , m_tokenizer(&m_network)
{
    m_client.setTimeouts(m_settings.timeouts);
    m_health.setInterval(m_settings.healthIntervalMs);
    connect(&m_client, &FimClient::timingRecorded, this, [this](const RequestTiming &t) {
        if (t.outcome != RequestTiming::Outcome::Cancelled || t.firstByteMs >= 0)
            m_latency.append(t);
        // An answer came from the endpoint: if health still says otherwise (the proxy came up after
        // the last check, say), check again now rather than at the next interval.
        if (t.httpStatus > 0 && m_health.last().state != HealthReport::State::Ok)
            m_health.checkNow();
        else if (t.httpStatus > 0)
            m_health.infoMayHaveChanged(t.httpStatus == 429); // a proxy member's usage went up, or ran out
    });
    connect(&m_client, &FimClient::exchangeRecorded, this, [this](const Exchange &x) {
        m_lastExchange = x;
        emit exchangeRecorded(x);
    });
    if (!historyPath.isEmpty() && m_settings.historyEnabled) {
        m_history = std::make_unique<HistoryWriter>(historyPath, m_settings.historyMaxRows);
        m_recorder = std::make_unique<HistoryRecorder>(m_history.get());
        m_recorder->watch(&m_client, QStringLiteral("playground"));
        // Once: the playground goes on without history.
        connect(m_history.get(), &HistoryWriter::unavailable, this, [this](const QString &why) {
            emit problem(tr("History is off for this session: %1").arg(why));
        });
    }
}

AppContext::~AppContext()
{
    m_client.cancelAll();
    m_recorder.reset();
    m_history.reset(); // writes what was queued, then closes the file
}

void AppContext::activateProfile(const QString &name)
{
    m_settings.activeProfile = name;
    const Endpoint *endpoint = m_settings.activeEndpoint();
    useEndpoint(endpoint ? *endpoint : Endpoint{});
}

void AppContext::useEndpoint(const Endpoint &endpoint)
{
    const quint64 activation = ++m_activation;
    m_client.cancelAll();
    m_client.setEndpoint(endpoint, QString());
    m_secrets.read(endpoint, this, [this, endpoint, activation](const QString &secret, const QString &error) {
        if (activation != m_activation) // another profile was chosen meanwhile
            return;
        m_client.setEndpoint(endpoint, secret);
        m_health.setEndpoint(endpoint, secret);
        m_tokenizer.setEndpoint(endpoint, secret);
        m_health.start();
        m_models.fetch(endpoint, secret);
        emit activeEndpointChanged(endpoint, !secret.isEmpty(), error);
    });
}
