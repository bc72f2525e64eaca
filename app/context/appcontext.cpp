#include "context/appcontext.h"

#include "context/startuptimings.h"

#include <utility>

namespace {

AppSettings loadSettings(const SettingsStore &store)
{
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "services (network, client, health, models)"));
    AppSettings settings = store.load();
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "settings"));
    return settings;
}

} // namespace

AppContext::AppContext(SettingsStore settingsStore, SessionStore sessionStore, const QString &historyPath, QObject *parent)
    : QObject(parent)
    , m_settingsStore(std::move(settingsStore))
    , m_sessionStore(std::move(sessionStore))
    , m_settings(loadSettings(m_settingsStore))
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
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "services (network, client, health, models)"));
    if (!historyPath.isEmpty() && m_settings.historyEnabled) {
        m_history = std::make_unique<HistoryWriter>(historyPath, m_settings.historyMaxRows);
        m_recorder = std::make_unique<HistoryRecorder>(m_history.get());
        m_recorder->watch(&m_client, QStringLiteral("playground"));
        // Once: the playground goes on without history.
        connect(m_history.get(), &HistoryWriter::unavailable, this, [this](const QString &why) {
            emit problem(tr("History is off for this session: %1").arg(why));
        });
    }
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "history writer (its thread opens the database)"));
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
        m_tokenizer.setEndpoint(endpoint, secret); // asks nothing until a request goes: never held back
        if (m_holdActivation)
            m_held = Held{endpoint, secret, activation};
        else
            talkTo(endpoint, secret);
        emit activeEndpointChanged(endpoint, !secret.isEmpty(), error);
    });
}

void AppContext::talkTo(const Endpoint &endpoint, const QString &secret)
{
    m_health.setEndpoint(endpoint, secret);
    m_health.start();
    m_models.fetch(endpoint, secret);
}

void AppContext::releaseActivation()
{
    m_holdActivation = false;
    if (const std::optional<Held> held = std::exchange(m_held, std::nullopt); held && held->activation == m_activation)
        talkTo(held->endpoint, held->secret);
}

// Its meta-object here, not in the one file of all of them: a program that uses none of this class
// (fim-complete) links none of it, nor the keychain behind it.
#include "moc_appcontext.cpp"
