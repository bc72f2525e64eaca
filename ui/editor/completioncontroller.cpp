#include "completioncontroller.h"

#include "codeeditor.h"
#include "documenttextsource.h"
#include "fimbackend.h"

#include <QTextBlock>

CompletionController::CompletionController(CodeEditor *editor, FimClient *client, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_client(client)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(350);
    connect(&m_debounce, &QTimer::timeout, this, [this] { trigger(); });
    connect(editor, &CodeEditor::userEdited, this, &CompletionController::onUserEdited);
    connect(editor, &CodeEditor::completionRequested, this, &CompletionController::trigger);
    connect(editor, &CodeEditor::stopRequested, this, &CompletionController::stop);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &CompletionController::onCursorMoved);
    connect(editor, &CodeEditor::suggestionConsumed, this, &CompletionController::onConsumed);
    connect(editor, &CodeEditor::suggestionDismissed, this, [this] {
        cancelInFlight();
        reset();
    });
}

CompletionController::~CompletionController()
{
    // Quietly: whoever listens to requestEnded may be going away too.
    if (m_reply)
        m_reply->abort();
}

void CompletionController::setAutoTrigger(bool on)
{
    m_autoTrigger = on;
    if (!on)
        m_debounce.stop();
}

void CompletionController::trigger(bool fresh)
{
    m_debounce.stop();
    cancelInFlight();
    m_editor->clearSuggestion();
    reset();
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection())
        return;
    const QTextBlock block = cursor.block();
    const FimContext context = ContextExtractor::extract(DocumentTextSource(m_editor->document()), block.blockNumber(),
                                                         cursor.positionInBlock(), m_limits, m_lineBreak);
    const Endpoint &endpoint = m_client->endpoint();
    m_asked.request = m_template;
    m_asked.request.prompt = context.prefix;
    m_asked.request.suffix = context.suffix;
    if (m_asked.request.model.isEmpty())
        m_asked.request.model = endpoint.defaultModel();
    m_asked.scope = endpoint.baseUrl.toEncoded() + '|' + endpointKindName(endpoint.kind).toLatin1() + '|'
        + m_asked.request.parameterKey();
    // Cleaning follows the template the prompt is built with, else the model's name.
    QString noTemplate;
    const std::optional<FimTemplate> tmpl = FimBackend::templateFor(endpoint, m_asked.request.model, &noTemplate);
    m_asked.family = tmpl ? tmpl->family()
                          : SuggestionText::familyForModel(m_asked.request.model, endpoint.kind == EndpointKind::Codestral
                                                                                      || endpoint.kind == EndpointKind::Proxy);
    m_asked.position = cursor.position();
    m_asked.revision = m_editor->document()->revision();
    m_asked.lineRest = block.text().mid(cursor.positionInBlock());

    const qint64 scheduled = FimClient::monotonicNs();
    if (!fresh) {
        if (const std::optional<QString> cached = m_cache.lookup(m_asked.scope, context.prefix, context.suffix)) {
            show(*cached);
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
            return;
        }
    }
    FimReply *reply = m_client->complete(m_asked.request, scheduled);
    m_reply = reply;
    m_replyId = reply->id();
    connect(reply, &FimReply::delta, this, &CompletionController::onDelta);
    connect(reply, &FimReply::finished, this, &CompletionController::onFinished);
    connect(reply, &FimReply::failed, this, &CompletionController::onFailed);
    m_editor->setBusy(true);
    emit requestStarted(m_replyId);
}

void CompletionController::stop()
{
    m_debounce.stop();
    m_editor->clearSuggestion();
    cancelInFlight();
    reset();
}

void CompletionController::onUserEdited()
{
    cancelInFlight();
    reset();
    if (m_autoTrigger)
        m_debounce.start();
}

void CompletionController::onCursorMoved()
{
    // Accepting or typing through moves the cursor: that is not the user going elsewhere.
    if (m_editor->isApplyingSuggestion())
        return;
    // Edits move the cursor too; onUserEdited() follows them and restarts the debounce.
    m_debounce.stop();
    if (!m_reply && !m_editor->hasActiveSuggestion())
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

void CompletionController::show(const QString &text)
{
    m_editor->showSuggestion(m_asked.position, text);
    emit suggestionShown(text);
}

void CompletionController::onDelta(const QString &text)
{
    if (sender() != m_reply)
        return;
    m_streamed += text;
    const QString shown = SuggestionText::sanitizeStreaming(m_streamed, m_asked.family);
    if (m_editor->hasActiveSuggestion()) {
        // Ours, growing; the user may have accepted or typed through part of it meanwhile.
        if (m_editor->updateSuggestion(shown))
            emit suggestionShown(m_editor->suggestion());
        return;
    }
    if (!stillAtRequest()) {
        cancelInFlight();
        return;
    }
    if (!shown.isEmpty())
        show(shown);
}

void CompletionController::onFinished(const CompletionResult &result)
{
    if (sender() != m_reply)
        return;
    m_reply = nullptr;
    m_editor->setBusy(false);
    emit requestEnded(m_replyId);
    emit answered(result);
    const QString text = SuggestionText::trimOverlap(SuggestionText::sanitize(result.text, m_asked.family), m_asked.lineRest);
    if (m_editor->hasActiveSuggestion()) {
        if (!m_editor->updateSuggestion(text))
            return; // the answer no longer continues what the user took: dismissed
        if (!text.isEmpty())
            m_cache.insert(m_asked.scope, m_asked.request.prompt, m_asked.request.suffix, text);
        if (!m_editor->hasSuggestion()) { // all of it was typed through or accepted already
            m_editor->clearSuggestion();
            reset();
        }
        return;
    }
    if (!stillAtRequest()) // stale: the document or the cursor moved on
        return;
    if (text.isEmpty()) {
        emit noSuggestion();
        return;
    }
    m_cache.insert(m_asked.scope, m_asked.request.prompt, m_asked.request.suffix, text);
    show(text);
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
    } else if (!m_reply && !m_editor->hasSuggestion()) {
        m_editor->clearSuggestion();
        reset();
    }
}

void CompletionController::cancelInFlight()
{
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
}
