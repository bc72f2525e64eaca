#include "window/historyactions.h"

#include "context/appcontext.h"
#include "context/startuptimings.h"
#include "history/replaynetworkaccess.h"
#include "panels/historypanel.h"
#include "panels/inspectorpanel.h"
#include "window/docklayout.h"

HistoryActions::HistoryActions(AppContext *context, HistoryPanel *panel, InspectorPanel *inspector, DockLayout *docks, QObject *parent)
    : QObject(parent)
{
    // The editor's exchanges (and Ask Again's, an edited resend's): a replayed one shows the request
    // as recorded, not the proxy-shaped one the replay was asked with.
    connect(context, &AppContext::exchangeRecorded, inspector, [context, inspector](const Exchange &x) {
        auto *replay = qobject_cast<ReplayNetworkAccess *>(context->network());
        inspector->showExchange(context->activeEndpoint(), replay ? replay->asRecorded(x) : x);
    });
    HistoryWriter *writer = context->history();
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "window construction"));
    panel->setPath(writer ? writer->path() : QString());
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "history database (History panel: open, migrations, WAL, rows)"));
    if (writer) {
        connect(writer, &HistoryWriter::recorded, panel, &HistoryPanel::refreshSoon);
        connect(writer, &HistoryWriter::unavailable, panel, &HistoryPanel::showUnavailable);
    }
    connect(panel, &HistoryPanel::openRequested, this, [context, inspector, docks](const HistoryRecord &r) {
        const auto &profiles = context->settings().profiles;
        const auto it = std::find_if(profiles.cbegin(), profiles.cend(), [&r](const Endpoint &e) { return e.name == r.profile; });
        inspector->showExchange(it != profiles.cend() ? *it : Endpoint(r.profile, r.kind, QUrl(r.url).adjusted(QUrl::RemovePath)),
                                exchangeOf(r));
        docks->showInspector();
    });
    connect(panel, &HistoryPanel::rerunRequested, this, [this, context, inspector](const HistoryRecord &r) {
        FimRequest request = requestOf(r);
        if (request.model.isEmpty())
            request.model = context->activeEndpoint().defaultModel();
        FimReply *reply = context->client()->complete(request);
        inspector->setOrigin(reply->id(), tr("Ask Again (History)"));
        emit statusMessage(tr("Asking %1 again what was asked %2…")
                               .arg(context->activeEndpoint().name, r.time.toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
                           false);
        connect(reply, &FimReply::finished, this, [this](const CompletionResult &result) {
            emit statusMessage(tr("Answered again in %1 ms: see the inspector.").arg(qRound(result.timing.totalMs)), false);
        });
        connect(reply, &FimReply::failed, this,
                [this](const FimError &e) { emit statusMessage(tr("Asking again failed: %1").arg(e.message), true); });
    });
}
