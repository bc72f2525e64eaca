#include "window/exchangeresender.h"

#include "context/appcontext.h"

ExchangeResender::ExchangeResender(AppContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
}

void ExchangeResender::resend(const Endpoint &endpoint, const QUrl &url, const QByteArray &body)
{
    const Endpoint active = m_context->activeEndpoint();
    // The key in hand is the active profile's: an exchange with another endpoint is not sent with it.
    if (endpoint.baseUrl != active.baseUrl || endpoint.kind != active.kind) {
        emit statusMessage(tr("That request went to %1; switch to its profile to send it again.").arg(endpoint.baseUrl.toString()), true);
        return;
    }
    FimReply *reply = m_context->client()->resend(url, body);
    emit statusMessage(tr("Sending the edited request…"), false);
    connect(reply, &FimReply::finished, this, [this](const CompletionResult &r) {
        emit statusMessage(tr("The edited request was answered in %1 ms (%2): see the inspector.")
                       .arg(qRound(r.timing.totalMs))
                       .arg(r.finishReason.isEmpty() ? tr("no finish reason") : r.finishReason),
                   false);
    });
    connect(reply, &FimReply::failed, this,
            [this](const FimError &e) { emit statusMessage(tr("The edited request failed: %1").arg(e.message), true); });
}
