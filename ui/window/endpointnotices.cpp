#include "window/endpointnotices.h"

#include "context/appcontext.h"
#include "window/noticebar.h"

namespace {
const QString ProxyKey = QStringLiteral("proxy-key");
const QString NoKey = QStringLiteral("no-key:");
const QString Replay = QStringLiteral("replay");
} // namespace

EndpointNotices::EndpointNotices(AppContext *context, NoticeBar *bar, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_bar(bar)
{
}

void EndpointNotices::onEndpointChanged(const Endpoint &e, bool hasSecret, const QString &secretError)
{
    if (e.kind != EndpointKind::Proxy) // what a proxy lacks is no matter now
        m_bar->remove(ProxyKey);
    if (e.kind == EndpointKind::Replay) {
        // Said plainly, for as long as it lasts: nobody watching a demo should take these for live answers.
        const QString pace = e.replaySpeed <= 0 ? tr("all at once") : e.replaySpeed == 1 ? tr("at their original pace")
                                                                                         : tr("%1× their original pace").arg(e.replaySpeed);
        m_bar->notify(Replay, tr("<b>Replaying from the history: these answers are not live.</b> Each comes from an exchange "
                                 "recorded earlier with the same prefix, suffix, model and parameters, %1; nothing goes on the "
                                 "network. Choose another endpoint in the toolbar for live answers.")
                                  .arg(pace));
        emit statusMessage(tr("Replaying answers from the history (%1).").arg(e.name), false);
        return;
    }
    m_bar->remove(Replay);
    if (e.requiresSecret() && !hasSecret) {
        m_bar->notify(NoKey + e.name,
                      tr("<b>No API key for %1.</b> Store it in <i>Edit ▸ Settings ▸ Endpoints</i>, or start with "
                         "<code>%2=… packaging/devenv run</code>.%3")
                          .arg(e.name.toHtmlEscaped(), e.secretEnvironmentVariable(),
                               secretError.isEmpty() ? QString() : QStringLiteral(" ") + secretError.toHtmlEscaped()));
        emit statusMessage(tr("No API key for %1.").arg(e.name), true);
        return;
    }
    m_bar->remove(NoKey);
    emit statusMessage(tr("Using %1 (%2).").arg(e.name, e.baseUrl.toString()), false);
}

void EndpointNotices::onHealth(const HealthReport &report)
{
    if (report.upstreamKey == false)
        proxyHasNoKey();
    else if (report.upstreamKey == true)
        m_bar->remove(ProxyKey);
}

void EndpointNotices::onCompletionError(const FimError &error)
{
    // A proxy without a key answers 500 "CODESTRAL_API_KEY not configured" (ours and the seed):
    // waiting will not help, a key will. The notice says how.
    if (error.httpStatus == 500 && error.message.contains(QStringLiteral("CODESTRAL_API_KEY"))) {
        proxyHasNoKey();
        emit statusMessage(tr("The proxy has no Codestral API key: the notice above the editor says how to give it one."), true);
        return;
    }
    emit statusMessage(error.message, true);
}

void EndpointNotices::proxyHasNoKey()
{
    m_bar->notify(ProxyKey,
                  tr("<b>The proxy at %1 has no Codestral API key</b>, so it cannot complete. Either start the "
                     "playground with the key in the proxy's environment: <code>CODESTRAL_API_KEY=… "
                     "packaging/devenv run</code>, or choose the <i>Codestral</i> profile and store the key in "
                     "<i>Edit ▸ Settings ▸ Endpoints</i>.")
                      .arg(m_context->activeEndpoint().baseUrl.authority().toHtmlEscaped()));
}
