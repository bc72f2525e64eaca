#include "completioncontroller.h"

#include "codeeditor.h"
#include "documenttextsource.h"
#include "suggestiontext.h"

#include <QTextBlock>

CompletionController::CompletionController(CodeEditor *editor, FimClient *client, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_client(client)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(350);
    connect(&m_debounce, &QTimer::timeout, this, &CompletionController::trigger);
    connect(editor, &CodeEditor::userEdited, this, &CompletionController::onUserEdited);
    connect(editor, &CodeEditor::completionRequested, this, &CompletionController::trigger);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &CompletionController::onCursorMoved);
    connect(editor, &CodeEditor::suggestionConsumed, this, &CompletionController::onConsumed);
    connect(editor, &CodeEditor::suggestionDismissed, this, [this] {
        cancelInFlight();
        reset();
    });
    connect(client, &FimClient::delta, this, &CompletionController::onDelta);
    connect(client, &FimClient::finished, this, &CompletionController::onFinished);
    connect(client, &FimClient::failed, this, &CompletionController::onFailed);
}

CompletionController::~CompletionController()
{
    cancelInFlight();
}

void CompletionController::setAutoTrigger(bool on)
{
    m_autoTrigger = on;
    if (!on)
        m_debounce.stop();
}

QByteArray CompletionController::cacheScope() const
{
    const Endpoint &e = m_client->endpoint();
    return e.baseUrl.toEncoded() + '|' + endpointKindName(e.kind).toLatin1() + '|' + m_template.parameterKey();
}

void CompletionController::trigger()
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
                                                         cursor.positionInBlock(), m_limits);
    m_anchor = cursor.position();
    m_revision = m_editor->document()->revision();
    m_prefix = context.prefix;
    m_suffix = context.suffix;
    m_lineRest = block.text().mid(cursor.positionInBlock());

    FimRequest request = m_template;
    request.prompt = context.prefix;
    request.suffix = context.suffix;

    const qint64 scheduled = FimClient::monotonicNs();
    if (const std::optional<QString> cached = m_cache.lookup(cacheScope(), m_prefix, m_suffix)) {
        showText(*cached);
        RequestTiming t;
        t.scheduledAt = QDateTime::currentDateTime();
        t.endpointName = m_client->endpoint().name;
        t.host = m_client->endpoint().baseUrl.host();
        t.model = request.model;
        t.cacheHit = true;
        t.outcome = RequestTiming::Outcome::Ok;
        t.promptChars = request.prompt.size();
        t.suffixChars = request.suffix.size();
        t.completionChars = cached->size();
        t.totalMs = double(FimClient::monotonicNs() - scheduled) / 1e6;
        emit servedFromCache(t);
        return;
    }
    m_inFlight = m_client->complete(request, scheduled);
    m_editor->setBusy(true);
    emit requestStarted(m_inFlight);
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
    // Edits move the cursor too; onUserEdited() follows them and restarts the debounce.
    m_debounce.stop();
    if (m_anchor >= 0 && !stillValid()) {
        cancelInFlight();
        m_editor->clearSuggestion();
        reset();
    }
}

bool CompletionController::stillValid() const
{
    const QTextCursor cursor = m_editor->textCursor();
    return m_anchor >= 0 && m_editor->document()->revision() == m_revision && cursor.position() == expectedCursor()
        && !cursor.hasSelection();
}

void CompletionController::onDelta(quint64 id, const QString &text)
{
    if (id != m_inFlight)
        return;
    if (!stillValid()) {
        cancelInFlight();
        return;
    }
    m_streamed += text;
    showText(SuggestionText::sanitize(m_streamed));
}

void CompletionController::onFinished(quint64 id, const CompletionResult &result)
{
    if (id != m_inFlight)
        return;
    m_inFlight = 0;
    m_editor->setBusy(false);
    emit requestEnded(id);
    if (!stillValid()) // stale: the document or the cursor moved on
        return;
    const QString text = SuggestionText::trimOverlap(SuggestionText::sanitize(result.text), m_lineRest);
    if (text.isEmpty()) {
        m_editor->clearSuggestion();
        emit noSuggestion();
        return;
    }
    m_cache.insert(cacheScope(), m_prefix, m_suffix, text);
    showText(text);
}

void CompletionController::onFailed(quint64 id, const FimError &error)
{
    if (id != m_inFlight)
        return;
    m_inFlight = 0;
    m_editor->setBusy(false);
    // A stream that broke off leaves no half suggestion behind.
    if (!m_streamed.isEmpty())
        m_editor->clearSuggestion();
    reset();
    emit requestEnded(id);
    emit errorOccurred(error);
}

void CompletionController::onConsumed(const QString &text, bool all)
{
    if (m_anchor < 0)
        return;
    m_consumed += text.size();
    m_revision = m_editor->document()->revision();
    if (all) {
        cancelInFlight(); // accepting everything ends a stream that is still growing
        reset();
    }
}

void CompletionController::showText(const QString &full)
{
    const QString visible = full.mid(m_consumed);
    if (visible.isEmpty())
        return;
    m_editor->showSuggestion(expectedCursor(), visible);
    emit suggestionShown(visible);
}

void CompletionController::cancelInFlight()
{
    if (m_inFlight == 0)
        return;
    const quint64 id = m_inFlight;
    m_inFlight = 0;
    m_client->cancel(id);
    m_editor->setBusy(false);
    emit requestEnded(id);
}

void CompletionController::reset()
{
    m_anchor = -1;
    m_revision = -1;
    m_consumed = 0;
    m_streamed.clear();
}
