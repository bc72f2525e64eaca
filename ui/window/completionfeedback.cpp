#include "window/completionfeedback.h"

#include "context/appcontext.h"
#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "latency/latencymodel.h"
#include "panels/inspectorpanel.h"
#include "window/requesttoolbar.h"
#include "window/statusindicators.h"

#include <memory>

CompletionFeedback::CompletionFeedback(const Parts &p, QObject *parent)
    : QObject(parent)
{
    CompletionController *completion = p.completion;
    connect(completion, &CompletionController::requestStarted, this, [p] {
        p.indicators->setRequestState(tr("asking %1…").arg(p.context->activeEndpoint().baseUrl.host()));
        p.toolbar->setBusy(true);
    });
    connect(completion, &CompletionController::requestEnded, this, [p] {
        p.indicators->setRequestState(QString());
        p.toolbar->setBusy(false);
    });
    connect(completion, &CompletionController::servedFromCache, this, [p](const RequestTiming &t) {
        p.context->latency()->append(t);
        p.indicators->setLastLatency(tr("from the cache"));
        p.indicators->setLastLatencyTip(tr("The last suggestion was shown from the playground's cache: the same text "
                                           "around the cursor was answered before. No request went out."));
    });
    // The last request failed: its time is no answer's (the status bar says why).
    connect(completion, &CompletionController::errorOccurred, this, [p] { p.indicators->setLastLatency(tr("failed")); });
    // Requests asked ahead are marked in the latency table, then whether Tab used them; the
    // inspector says who asked each.
    connect(completion, &CompletionController::prefetchStarted, this, [p](quint64 id) {
        p.context->latency()->markPrefetch(id, RequestTiming::Prefetch::Pending);
        p.inspector->setOrigin(id, tr("asked ahead"));
    });
    connect(completion, &CompletionController::candidateStarted, this, [p](quint64 id, int index, int count) {
        p.inspector->setOrigin(id, tr("candidate %1 of %2").arg(index + 1).arg(count));
    });
    connect(completion, &CompletionController::prefetchSettled, this, [p](quint64 id, bool used) {
        p.context->latency()->markPrefetch(id, used ? RequestTiming::Prefetch::Used : RequestTiming::Prefetch::Unused);
    });
    connect(completion, &CompletionController::suggestionHidden, p.context->latency(), &LatencyModel::markHidden);
    connect(completion, &CompletionController::noSuggestion, this,
            [this] { emit statusMessage(tr("The model suggested nothing at this position."), false); });
    connect(completion, &CompletionController::windowSent, p.indicators, &StatusIndicators::setSentWindow);
    // llama-server counts the window's tokens itself (/tokenize, asked once the request goes, off
    // the keystroke path; each text asked once and kept): the estimate gives way to its count.
    ServerTokenizer *tokenizer = p.context->tokenizer();
    auto sent = std::make_shared<std::pair<QString, QString>>();
    auto showCount = [tokenizer, sent, p] {
        const QList<TokenPiece> *prefix = tokenizer->cached(sent->first);
        const QList<TokenPiece> *suffix = tokenizer->cached(sent->second);
        if (prefix && suffix)
            p.indicators->setTokenizedWindow(int(prefix->size()), int(suffix->size()));
    };
    connect(completion, &CompletionController::windowSent, tokenizer, [tokenizer, sent](const FimContext &c) {
        *sent = {c.prefix, c.suffix};
        if (!tokenizer->available())
            return;
        tokenizer->tokenize(c.prefix);
        tokenizer->tokenize(c.suffix);
    });
    connect(tokenizer, &ServerTokenizer::tokenized, this, [sent, showCount](const QUrl &, const QString &text) {
        if (text == sent->first || text == sent->second)
            showCount();
    });
    connect(completion, &CompletionController::cleaned, p.inspector, &InspectorPanel::setCleaning);
    if (HistoryRecorder *history = p.context->historyRecorder()) {
        connect(completion, &CompletionController::cleaned, history,
                [history](quint64 id, const AnswerCleaner::Cleaned &c) { history->noteCleaned(id, c.text); });
        connect(completion, &CompletionController::windowSent, history, [history, p](const FimContext &) {
            const QTextCursor cursor = p.editor->textCursor();
            history->setCursor(p.fileName(), cursor.blockNumber() + 1, cursor.positionInBlock() + 1);
        });
    }
    connect(completion, &CompletionController::answered, this, [this, p](const CompletionResult &r) {
        // The server's count of the prompt it read: the usage's, or what its timings say it
        // evaluated plus what it took from its cache.
        const ServerTimings server = r.timing.server.value_or(ServerTimings{});
        p.indicators->setPromptTokens(r.usage && r.usage->promptTokens >= 0 ? r.usage->promptTokens
                                      : server.promptTokens >= 0            ? server.promptTokens + std::max(0, server.cachedTokens)
                                                                            : -1);
        p.indicators->setLastAnswer(r.timing.totalMs, r.finishReason, r.model.isEmpty() ? r.timing.model : r.model);
        if (r.finishReason == u"length") // why the answer looks cut off
            emit statusMessage(tr("max_tokens (%1) cut this answer: raise it in the toolbar to see more.")
                                   .arg(p.completion->lastRequest().maxTokens.value_or(0)),
                               false);
        else
            emit statusMessage(QString(), false);
    });
}
