#include "editor/completioncontroller.h"

#include "backends/fimbackend.h"
#include "editor/codeeditor.h"
#include "editor/documenttextsource.h"

#include <QRandomGenerator>
#include <QTextBlock>

CompletionController::CompletionController(CodeEditor *editor, FimClient *client, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_client(client)
    , m_prefetch(client)
{
    connect(&m_prefetch, &SuggestionPrefetch::started, this, &CompletionController::prefetchStarted);
    connect(&m_prefetch, &SuggestionPrefetch::settled, this, &CompletionController::prefetchSettled);
    connect(&m_prefetch, &SuggestionPrefetch::answered, this, [this](double ms) { m_adaptive.answered(ms); });
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(350);
    connect(&m_debounce, &QTimer::timeout, this, [this] { trigger(); });
    connect(editor, &CodeEditor::userEdited, this, &CompletionController::onUserEdited);
    connect(editor, &CodeEditor::completionRequested, this, &CompletionController::trigger);
    connect(editor, &CodeEditor::candidatesRequested, this, [this] { triggerCandidates(m_candidateCount); });
    connect(editor, &CodeEditor::candidateCycleRequested, this, &CompletionController::cycleCandidate);
    connect(editor, &CodeEditor::stopRequested, this, &CompletionController::stop);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &CompletionController::onCursorMoved);
    connect(editor, &CodeEditor::suggestionConsumed, this, &CompletionController::onConsumed);
    connect(editor, &CodeEditor::suggestionDismissed, this, [this] {
        cancelInFlight();
        m_prefetch.drop();
        reset();
    });
}

CompletionController::~CompletionController()
{
    // Quietly: whoever listens to requestEnded may be going away too.
    if (m_reply)
        m_reply->abort();
    for (const QPointer<FimReply> &r : std::as_const(m_candidateReplies)) {
        if (r)
            r->abort();
    }
}

void CompletionController::setAdaptiveDebounce(bool on, int minMs, int maxMs)
{
    m_adaptiveOn = on;
    m_adaptive.setBounds(minMs, maxMs);
}

void CompletionController::setPrefetch(bool on)
{
    m_prefetchOn = on;
    if (!on)
        m_prefetch.drop();
}

void CompletionController::setAutoTrigger(bool on)
{
    m_autoTrigger = on;
    if (!on) {
        m_debounce.stop();
        m_prefetch.drop();
    }
}

bool CompletionController::capture(FimContext *context)
{
    m_debounce.stop();
    cancelInFlight();
    m_editor->clearSuggestion(CodeEditor::SuggestionEnd::Replaced);
    reset();
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection())
        return false;
    const QTextBlock block = cursor.block();
    *context = ContextExtractor::extract(DocumentTextSource(m_editor->document()), block.blockNumber(),
                                         cursor.positionInBlock(), m_limits, m_lineBreak);
    const Endpoint &endpoint = m_client->endpoint();
    m_asked.request = requestFor(*context, false);
    m_asked.scope = endpoint.baseUrl.toEncoded() + '|' + endpointKindName(endpoint.kind).toLatin1() + '|'
        + m_asked.request.parameterKey();
    // Cleaning follows the template the prompt is built with, else the model's name.
    m_asked.cleaning.family = FimBackend::answerFamily(endpoint, m_asked.request.model);
    m_asked.cleaning.lineRest = block.text().mid(cursor.positionInBlock());
    m_asked.cleaning.stops = m_asked.request.stop;
    m_asked.position = cursor.position();
    m_asked.revision = m_editor->document()->revision();
    m_asked.atNs = FimClient::monotonicNs();
    const QTextDocument *doc = m_editor->document();
    m_editor->setSentWindow(doc->findBlockByNumber(context->firstLine).position() + context->firstColumn,
                            doc->findBlockByNumber(context->lastLine).position() + context->lastColumn);
    emit windowSent(*context);
    return true;
}

void CompletionController::trigger(bool fresh)
{
    m_prefetch.drop();
    FimContext context;
    if (!capture(&context))
        return;
    const Endpoint &endpoint = m_client->endpoint();
    const qint64 scheduled = FimClient::monotonicNs();
    if (!fresh) {
        if (const std::optional<QString> cached = m_cache.lookup(m_asked.scope, context.prefix, context.suffix)) {
            show(0, QStringLiteral("cache"), *cached);
            RequestTiming t;
            t.scheduledAt = QDateTime::currentDateTime();
            t.endpointName = endpoint.name;
            t.host = endpoint.baseUrl.host();
            t.model = m_asked.request.model;
            t.cacheHit = true;
            t.outcome = RequestTiming::Outcome::Ok;
            t.promptChars = context.prefix.size();
            t.suffixChars = context.suffix.size();
            t.completionChars = cached->size();
            t.totalMs = double(FimClient::monotonicNs() - scheduled) / 1e6;
            emit servedFromCache(t);
            startPrefetch(*cached);
            return;
        }
    }
    FimReply *reply = m_client->complete(m_asked.request, scheduled);
    m_reply = reply;
    m_replyId = reply->id();
    m_replyOrigin = QStringLiteral("request");
    connect(reply, &FimReply::delta, this, &CompletionController::onDelta);
    connect(reply, &FimReply::finished, this, &CompletionController::onFinished);
    connect(reply, &FimReply::failed, this, &CompletionController::onFailed);
    m_editor->setBusy(true);
    emit requestStarted(m_replyId);
}

void CompletionController::triggerCandidates(int count)
{
    if (count <= 1) {
        trigger(true);
        return;
    }
    m_prefetch.drop();
    FimContext context;
    if (!capture(&context))
        return;
    m_candidates.expect(count);
    // Distinct seeds make distinct samples; the toolbar's seed, if set, is the first.
    const qint64 base = m_asked.request.randomSeed.value_or(qint64(QRandomGenerator::global()->bounded(1 << 30)));
    const qint64 scheduled = FimClient::monotonicNs();
    for (int i = 0; i < count; ++i) {
        FimRequest request = m_asked.request;
        request.randomSeed = base + i;
        FimReply *reply = m_client->complete(request, scheduled);
        m_candidateReplies.append(reply);
        connect(reply, &FimReply::finished, this, &CompletionController::onCandidateFinished);
        connect(reply, &FimReply::failed, this, &CompletionController::onCandidateFailed);
        if (i == 0)
            m_replyId = reply->id();
        emit candidateStarted(reply->id(), i, count);
    }
    m_editor->setBusy(true);
    emit requestStarted(m_replyId);
}

int CompletionController::inFlightCandidates() const
{
    return int(std::count_if(m_candidateReplies.cbegin(), m_candidateReplies.cend(),
                             [](const QPointer<FimReply> &r) { return !r.isNull() && !r->isFinished(); }));
}

void CompletionController::candidateDone(FimReply *reply)
{
    m_candidateReplies.removeAll(reply);
    if (m_candidateReplies.isEmpty()) {
        m_editor->setBusy(false);
        emit requestEnded(m_replyId);
    }
}

void CompletionController::onCandidateFinished(const CompletionResult &result)
{
    auto *reply = qobject_cast<FimReply *>(sender());
    if (!reply || !m_candidateReplies.contains(reply))
        return;
    candidateDone(reply);
    emit answered(result);
    const AnswerCleaner::Cleaned cleanedAnswer = AnswerCleaner::clean(result.text, m_asked.cleaning, m_rules);
    emit cleaned(reply->id(), cleanedAnswer);
    const bool onScreen = m_editor->hasActiveSuggestion();
    if (!onScreen && !stillAtRequest()) {
        cancelInFlight();
        return;
    }
    const bool added = m_candidates.add(cleanedAnswer.text, reply->id());
    if (!onScreen && added)
        show(m_candidates.currentReplyId(), QStringLiteral("candidate"), m_candidates.currentText());
    showCandidateBadge();
    if (m_candidateReplies.isEmpty() && m_candidates.count() == 0)
        emit noSuggestion();
}

void CompletionController::onCandidateFailed(const FimError &error)
{
    auto *reply = qobject_cast<FimReply *>(sender());
    if (!reply || !m_candidateReplies.contains(reply))
        return;
    candidateDone(reply);
    m_candidates.addFailure();
    showCandidateBadge();
    // One failed candidate is a note beside the others; all of them failing is an error.
    if (m_candidateReplies.isEmpty() && m_candidates.count() == 0)
        emit errorOccurred(error);
}

void CompletionController::showCandidateBadge()
{
    if (m_editor->hasActiveSuggestion() && m_candidates.count() > 0)
        m_editor->setSuggestionBadge(m_candidates.label());
}

bool CompletionController::cycleCandidate(int delta)
{
    // Once part of it went in, the suggestion is the user's choice: the others no longer fit.
    if (m_candidates.count() < 2 || !m_editor->hasActiveSuggestion() || m_editor->suggestionAcceptedLength() > 0)
        return false;
    m_candidates.step(delta);
    ++m_shownSerial;
    m_shownRequest = m_candidates.currentReplyId();
    m_shownOrigin = QStringLiteral("candidate");
    m_editor->showSuggestion(m_asked.position, m_candidates.currentText());
    showCandidateBadge();
    emit suggestionShown(m_candidates.currentText());
    return true;
}

void CompletionController::stop()
{
    m_debounce.stop();
    m_prefetch.drop();
    m_editor->clearSuggestion(CodeEditor::SuggestionEnd::Dismissed);
    cancelInFlight();
    reset();
}

void CompletionController::stopUnused()
{
    m_editor->clearSuggestion(CodeEditor::SuggestionEnd::Unused);
    stop();
}

void CompletionController::onUserEdited()
{
    cancelInFlight();
    m_prefetch.drop();
    reset();
    if (m_adaptiveOn)
        m_adaptive.keyPressed(FimClient::monotonicNs() / 1000000);
    if (m_autoTrigger)
        m_debounce.start(currentDebounce());
}

void CompletionController::onCursorMoved()
{
    // Accepting or typing through moves the cursor: that is not the user going elsewhere.
    if (m_editor->isApplyingSuggestion())
        return;
    // Edits move the cursor too; onUserEdited() follows them and restarts the debounce.
    m_debounce.stop();
    if (!isRequestInFlight() && !m_editor->hasActiveSuggestion())
        return;
    const QTextCursor cursor = m_editor->textCursor();
    const int expected = m_editor->hasActiveSuggestion() ? m_editor->suggestionPosition() : m_asked.position;
    if (cursor.position() != expected || cursor.hasSelection())
        stop();
}

bool CompletionController::stillAtRequest() const
{
    const QTextCursor cursor = m_editor->textCursor();
    return m_asked.position >= 0 && m_editor->document()->revision() == m_asked.revision
        && cursor.position() == m_asked.position && !cursor.hasSelection();
}

void CompletionController::show(quint64 requestId, const QString &origin, const QString &text, const QString &raw,
                                const QList<TokenProbability> &probs)
{
    ++m_shownSerial;
    m_shownRequest = requestId;
    m_shownOrigin = origin;
    m_editor->showSuggestion(m_asked.position, text);
    shade(raw, probs);
    emit suggestionShown(text);
}

void CompletionController::onDelta(const QString &text)
{
    if (sender() != m_reply)
        return;
    m_streamed += text;
    if (holdsStreams() && !m_editor->hasActiveSuggestion())
        return; // drawn once its probability is known, at its end
    const QString shown = AnswerCleaner::cleanStreaming(m_streamed, m_asked.cleaning, m_rules);
    if (m_editor->hasActiveSuggestion()) {
        // Ours, growing; the user may have accepted or typed through part of it meanwhile.
        if (m_editor->updateSuggestion(shown)) {
            shade(m_streamed, m_reply->probabilities());
            emit suggestionShown(m_editor->suggestion());
        }
        return;
    }
    if (!stillAtRequest()) {
        cancelInFlight();
        return;
    }
    if (!shown.isEmpty()) {
        show(m_replyId, m_replyOrigin, shown, m_streamed, m_reply->probabilities());
    }
}

void CompletionController::onFinished(const CompletionResult &result)
{
    if (sender() != m_reply)
        return;
    m_reply = nullptr;
    m_editor->setBusy(false);
    emit requestEnded(m_replyId);
    emit answered(result);
    m_adaptive.answered(AdaptiveDebounce::latencyOf(result.timing));
    const AnswerCleaner::Cleaned cleanedAnswer = AnswerCleaner::clean(result.text, m_asked.cleaning, m_rules);
    emit cleaned(m_replyId, cleanedAnswer);
    const QString &text = cleanedAnswer.text;
    // Stale (the document or the cursor moved on, nothing of it on screen): neither shown nor
    // judged, so no "hidden" is said of an answer the user no longer waits for.
    if (!m_editor->hasActiveSuggestion() && !stillAtRequest())
        return;
    if (hideUnlikely(m_replyId, result.probs))
        return;
    if (m_editor->hasActiveSuggestion()) {
        if (!m_editor->updateSuggestion(text))
            return; // the answer no longer continues what the user took: dismissed
        shade(result.text, result.probs);
        if (!text.isEmpty())
            m_cache.insert(m_asked.scope, m_asked.request.prompt, m_asked.request.suffix, text);
        if (!m_editor->hasSuggestion()) { // all of it was typed through or accepted already
            m_editor->clearSuggestion(CodeEditor::SuggestionEnd::TypedOver);
            reset();
            return;
        }
        startPrefetch(text);
        return;
    }
    if (text.isEmpty()) {
        emit noSuggestion();
        return;
    }
    m_cache.insert(m_asked.scope, m_asked.request.prompt, m_asked.request.suffix, text);
    show(m_replyId, m_replyOrigin, text, result.text, result.probs);
    startPrefetch(text);
}

bool CompletionController::holdsStreams() const
{
    // Only where the answer will say how likely it is: a Codestral stream is drawn as it comes.
    return m_confidence.holdsStreams() && m_client->endpoint().givesProbabilities();
}

bool CompletionController::hideUnlikely(quint64 id, const QList<TokenProbability> &probs)
{
    const std::optional<double> p = TokenProbabilities::suggestionProbability(probs);
    if (!m_confidence.hides(p))
        return false;
    m_editor->clearSuggestion();
    reset();
    emit suggestionHidden(id, *p);
    return true;
}

void CompletionController::shade(const QString &raw, const QList<TokenProbability> &probs)
{
    if (m_confidence.show && m_editor->hasActiveSuggestion())
        m_editor->setSuggestionConfidence(SuggestionConfidence::spans(raw, m_editor->suggestionText(), probs));
}

void CompletionController::onFailed(const FimError &error)
{
    if (sender() != m_reply)
        return;
    m_reply = nullptr;
    m_editor->setBusy(false);
    // A stream that broke off leaves no half suggestion behind (what was accepted stays: the user
    // put it in).
    m_editor->clearSuggestion();
    reset();
    emit requestEnded(m_replyId);
    emit errorOccurred(error);
}

void CompletionController::onConsumed(const QString &, bool finished)
{
    if (finished) { // Tab took all of it: a stream still growing ends here
        cancelInFlight();
        reset();
        if (m_autoTrigger)
            askAfterAccept();
        else
            m_prefetch.drop();
    } else if (!m_reply && !m_editor->hasSuggestion()) {
        m_editor->clearSuggestion(CodeEditor::SuggestionEnd::TypedOver);
        reset();
    }
}

void CompletionController::cancelInFlight()
{
    if (!m_candidateReplies.isEmpty()) {
        const QList<QPointer<FimReply>> replies = std::exchange(m_candidateReplies, {});
        for (const QPointer<FimReply> &r : replies) {
            if (r)
                r->abort();
        }
        m_editor->setBusy(false);
        emit requestEnded(m_replyId);
    }
    if (!m_reply)
        return;
    FimReply *reply = m_reply;
    m_reply = nullptr;
    reply->abort();
    m_editor->setBusy(false);
    emit requestEnded(m_replyId);
}

void CompletionController::reset()
{
    m_streamed.clear();
    m_candidates.clear();
}

FimRequest CompletionController::requestFor(const FimContext &context, bool quiet) const
{
    FimRequest r = m_template;
    r.prompt = context.prefix;
    r.suffix = context.suffix;
    r.nProbs = m_confidence.nProbs();
    if (r.model.isEmpty())
        r.model = m_client->endpoint().defaultModel();
    if (m_decorate)
        m_decorate(context, r, std::nullopt, quiet);
    return r;
}

std::optional<FimRequest> CompletionController::requestAtCursor() const
{
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection())
        return std::nullopt;
    const FimContext context = ContextExtractor::extract(DocumentTextSource(m_editor->document()), cursor.blockNumber(),
                                                         cursor.positionInBlock(), m_limits, m_lineBreak);
    return requestFor(context, true);
}

void CompletionController::startPrefetch(const QString &suggestion)
{
    m_prefetch.drop();
    if (!m_prefetchOn || !m_autoTrigger || suggestion.isEmpty() || m_candidates.count() > 0)
        return;
    // The request as it will be once the suggestion is in: its text joins the prefix, in the
    // file's line breaks; the suffix and what is cleaned away stay.
    FimRequest request = m_asked.request;
    request.prompt += m_lineBreak == u"\n" ? suggestion : QString(suggestion).replace(u'\n', m_lineBreak);
    m_prefetch.start(request, m_asked.cleaning, m_rules, m_shownSerial);
}

void CompletionController::askAfterAccept()
{
    if (!m_prefetch.isFor(m_shownSerial)) {
        trigger();
        return;
    }
    SuggestionPrefetch::Taken ahead = m_prefetch.take();
    FimContext context;
    if (!capture(&context)) {
        if (ahead.reply)
            ahead.reply->abort();
        return;
    }
    if (ahead.answer) {
        // Asked and answered while the suggestion was read: no request now.
        if (hideUnlikely(ahead.id, ahead.probs))
            return;
        if (ahead.answer->isEmpty()) {
            emit noSuggestion();
            return;
        }
        m_cache.insert(m_asked.scope, m_asked.request.prompt, m_asked.request.suffix, *ahead.answer);
        show(ahead.id, QStringLiteral("prefetch"), *ahead.answer, ahead.raw, ahead.probs);
        startPrefetch(*ahead.answer);
        return;
    }
    // Still coming: it becomes the request in flight, with what it streamed so far.
    FimReply *reply = ahead.reply;
    if (!reply)
        return;
    m_reply = reply;
    m_replyId = ahead.id;
    m_replyOrigin = QStringLiteral("prefetch");
    connect(reply, &FimReply::delta, this, &CompletionController::onDelta);
    connect(reply, &FimReply::finished, this, &CompletionController::onFinished);
    connect(reply, &FimReply::failed, this, &CompletionController::onFailed);
    m_editor->setBusy(true);
    emit requestStarted(m_replyId);
    m_streamed = ahead.streamed;
    if (holdsStreams())
        return;
    if (const QString shown = AnswerCleaner::cleanStreaming(m_streamed, m_asked.cleaning, m_rules); !shown.isEmpty()) {
        show(m_replyId, m_replyOrigin, shown, m_streamed, reply->probabilities());
    }
}
