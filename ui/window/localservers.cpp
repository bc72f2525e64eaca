#include "window/localservers.h"

#include "context/appcontext.h"
#include "net/endpointdetector.h"
#include "window/noticebar.h"

#include <QUrlQuery>

LocalServers::LocalServers(AppContext *context, NoticeBar *bar, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_bar(bar)
{
    connect(bar, &NoticeBar::actionRequested, this, [this](const QUrl &action) {
        if (action.scheme() != u"fim" || action.path() != u"add-profile")
            return;
        const QUrlQuery q(action);
        if (const auto kind = endpointKindFromName(q.queryItemValue(QStringLiteral("kind"))))
            addProfile(*kind, QUrl(q.queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded)));
    });
}

QList<QUrl> LocalServers::defaultCandidates()
{
    return {QUrl(QStringLiteral("http://127.0.0.1:11434")), QUrl(QStringLiteral("http://127.0.0.1:8080")),
            QUrl(QStringLiteral("http://127.0.0.1:8012"))};
}

void LocalServers::start(bool force)
{
    AppSettings &settings = m_context->settings();
    if (settings.localServersProbed && !force)
        return;
    m_queue.clear();
    for (const QUrl &url : std::as_const(m_candidates))
        if (!hasProfileFor(url))
            m_queue.append(url);
    if (!m_detector) {
        m_detector = new EndpointDetector(m_context->network(), this);
        connect(m_detector, &EndpointDetector::detected, this, [this](const QUrl &url, EndpointKind kind, const QString &what) {
            if (kind == EndpointKind::LlamaCpp || kind == EndpointKind::Ollama || kind == EndpointKind::OpenAi) {
                QUrlQuery q;
                q.addQueryItem(QStringLiteral("kind"), endpointKindName(kind));
                q.addQueryItem(QStringLiteral("url"), url.toString());
                QUrl action(QStringLiteral("fim:add-profile"));
                action.setQuery(q);
                m_offers << tr("%1 is running at %2: <a href=\"%3\">add it as an endpoint</a>.")
                                .arg(what.toHtmlEscaped(), url.authority().toHtmlEscaped(), action.toString(QUrl::FullyEncoded));
                m_bar->notify(QStringLiteral("local-servers"), m_offers.join(QStringLiteral("<br>")));
                if (AppSettings &settings = m_context->settings(); !settings.localServersProbed) {
                    settings.localServersProbed = true; // offered once: later starts do not ask again
                    m_context->saveSettings();
                }
                emit found(kind, url, what);
            }
            probeNext();
        });
        connect(m_detector, &EndpointDetector::failed, this, &LocalServers::probeNext);
    }
    probeNext();
}

void LocalServers::probeNext()
{
    if (m_queue.isEmpty()) {
        emit finished();
        return;
    }
    // One at a time, with a short limit: nothing listening answers "refused" at once anyway.
    m_detector->probe(m_queue.takeFirst(), 1500);
}

bool LocalServers::hasProfileFor(const QUrl &url) const
{
    auto same = [&url](const QUrl &u) { return u.host() == url.host() && u.port(80) == url.port(80); };
    // The endpoint in use (a profile, or the command line's --endpoint) is not news either.
    if (same(m_context->activeEndpoint().baseUrl))
        return true;
    for (const Endpoint &e : m_context->settings().profiles)
        if (same(e.baseUrl))
            return true;
    return false;
}

void LocalServers::addProfile(EndpointKind kind, const QUrl &url)
{
    AppSettings &settings = m_context->settings();
    QString name = kind == EndpointKind::Ollama ? tr("Ollama (local)") : tr("llama-server :%1").arg(url.port(80));
    if (kind == EndpointKind::OpenAi)
        name = tr("OpenAI-style :%1").arg(url.port(80));
    if (!hasProfileFor(url))
        settings.profiles.append(Endpoint(name, kind, url));
    else
        for (const Endpoint &e : std::as_const(settings.profiles))
            if (e.baseUrl.host() == url.host() && e.baseUrl.port(80) == url.port(80))
                name = e.name;
    settings.activeProfile = name;
    m_context->saveSettings();
    m_bar->remove(QStringLiteral("local-servers"));
    m_context->activateProfile(name);
    emit profileAdded(name);
}
