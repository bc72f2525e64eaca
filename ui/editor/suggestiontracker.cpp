#include "editor/suggestiontracker.h"

#include "editor/completioncontroller.h"
#include "history/historywriter.h"
#include "net/fimclient.h"
#include "text/editdistance.h"

#include <QElapsedTimer>
#include <QSignalBlocker>
#include <QTextDocument>

#include <algorithm>

namespace {

qint64 steadyMs()
{
    static QElapsedTimer since = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return since.elapsed();
}

QString textBetween(const QTextCursor &start, const QTextCursor &end)
{
    if (start.isNull() || end.isNull() || end.position() <= start.position())
        return {};
    QTextCursor range(start);
    range.setPosition(end.position(), QTextCursor::KeepAnchor);
    // selectedText() writes paragraph separators for line breaks: back to '\n', as accepted.
    return range.selectedText().replace(QChar::ParagraphSeparator, u'\n');
}

SuggestionOutcome outcomeOf(CodeEditor::SuggestionEnd why, const SuggestionRecord &r)
{
    // Taken to its end by the accept keys, characters typed through on the way included.
    if (why == CodeEditor::SuggestionEnd::Taken || (r.acceptedChars > 0 && r.acceptedChars + r.typedChars >= r.shownChars))
        return SuggestionOutcome::Accepted;
    if (r.acceptedChars > 0)
        return SuggestionOutcome::Partial;
    switch (why) {
    case CodeEditor::SuggestionEnd::Dismissed:
        return SuggestionOutcome::Dismissed;
    case CodeEditor::SuggestionEnd::TypedOver:
        return SuggestionOutcome::TypedOver;
    case CodeEditor::SuggestionEnd::Replaced:
        return SuggestionOutcome::Replaced;
    case CodeEditor::SuggestionEnd::Taken:
    case CodeEditor::SuggestionEnd::Unused:
        break;
    }
    return SuggestionOutcome::Unused;
}

} // namespace

SuggestionTracker::SuggestionTracker(CodeEditor *editor, CompletionController *completion, FimClient *client, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_completion(completion)
    , m_client(client)
    , m_clock(steadyMs)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SuggestionTracker::checkDue);
    connect(editor, &CodeEditor::suggestionStarted, this, &SuggestionTracker::onStarted);
    connect(editor, &CodeEditor::suggestionTaken, this, &SuggestionTracker::onTaken);
    connect(editor, &CodeEditor::suggestionEnded, this, &SuggestionTracker::onEnded);
    connect(completion, &CompletionController::answered, this, &SuggestionTracker::onAnswered);
    // The whole document replaced (a file opened or reloaded, New, a sample): the accepted ranges
    // it held are gone with it, not edited away; their persistence is not known.
    // (Only marked here: the document is amid its change and its cursors, ours too, in its hands.)
    connect(editor->document(), &QTextDocument::contentsChange, this, [this](int position, int removed, int added) {
        if (position == 0 && removed > 0 && !m_checks.empty() && m_editor && added >= m_editor->document()->characterCount() - 1) {
            ++m_documentGeneration;
            QMetaObject::invokeMethod(this, &SuggestionTracker::dropStaleChecks, Qt::QueuedConnection);
        }
    });
}

SuggestionTracker::~SuggestionTracker()
{
    // Recorded, but nothing is told: whoever listens may be going too.
    const QSignalBlocker quiet(this);
    finishReplaced();
    if (m_open) {
        const QString text = m_editor ? m_editor->suggestionText() : QString();
        onEnded(CodeEditor::SuggestionEnd::Unused, text);
    }
}

qint64 SuggestionTracker::now() const
{
    return m_clock();
}

void SuggestionTracker::onStarted()
{
    m_open.reset();
    // Asked again and shown again, the same text at the same place (Ctrl+Space from the cache): the
    // same suggestion goes on.
    if (m_replaced && m_editor && m_replaced->text == m_editor->suggestionText() && m_replaced->open.position == m_editor->suggestionPosition()) {
        m_open = std::move(m_replaced->open);
        m_replaced.reset();
        return;
    }
    finishReplaced();
    if (!m_client || !m_completion || m_client->endpoint().kind == EndpointKind::Replay)
        return;
    const Endpoint &endpoint = m_client->endpoint();
    const FimRequest &request = m_completion->lastRequest();
    Open open;
    open.requestId = m_completion->shownRequestId();
    open.position = m_editor->suggestionPosition();
    open.shownMs = now();
    SuggestionRecord &r = open.record;
    r.shownAt = QDateTime::currentDateTimeUtc();
    r.profile = endpoint.name;
    r.model = request.model;
    r.promptTemplate = endpoint.takesTemplates() ? endpoint.promptTemplate : QString();
    r.context = m_contextLabel ? m_contextLabel(request)
                               : (request.extra.isEmpty() ? QStringLiteral("none") : QStringLiteral("extra"));
    r.origin = m_completion->shownOrigin();
    // The wait is the first suggestion's of each ask: a candidate cycled to later waited for
    // nothing (its time on screen before is the reading of the others).
    if (const qint64 asked = m_completion->askedAtNs(); asked > 0 && asked != m_lastAsk) {
        r.latencyMs = double(FimClient::monotonicNs() - asked) / 1e6;
        m_lastAsk = asked;
    }
    m_open = std::move(open);
}

void SuggestionTracker::onTaken(qsizetype chars, bool byAcceptKey)
{
    if (!m_open || chars <= 0)
        return;
    SuggestionRecord &r = m_open->record;
    if (!byAcceptKey) {
        r.typedChars += int(chars);
        return;
    }
    const qint64 t = now();
    if (r.acceptedChars == 0)
        r.acceptMs = double(t - m_open->shownMs);
    r.acceptedChars += int(chars);
    m_open->lastAcceptMs = t;
    // The editor's suggestion now starts right after what went in.
    QTextDocument *doc = m_editor->document();
    const int after = m_editor->suggestionPosition() >= 0 ? m_editor->suggestionPosition() : m_editor->textCursor().position();
    if (m_open->start.isNull()) {
        m_open->start = QTextCursor(doc);
        m_open->start.setPosition(std::max(0, after - int(chars)));
    }
    m_open->end = QTextCursor(doc);
    m_open->end.setPosition(after);
    m_open->end.setKeepPositionOnInsert(true);
    m_open->accepted = textBetween(m_open->start, m_open->end);
}

void SuggestionTracker::onEnded(CodeEditor::SuggestionEnd why, const QString &text)
{
    if (!m_open)
        return;
    Open open = std::move(*m_open);
    m_open.reset();
    const SuggestionRecord &taken = open.record;
    if (why == CodeEditor::SuggestionEnd::Replaced && taken.acceptedChars == 0 && taken.typedChars == 0) {
        // Replaced, unless what replaces it at once is itself again (onStarted); the next turn of
        // the event loop says which.
        finishReplaced();
        m_replaced = Replaced{std::move(open), text};
        QTimer::singleShot(0, this, &SuggestionTracker::finishReplaced);
        return;
    }
    finish(std::move(open), why, text);
}

void SuggestionTracker::finishReplaced()
{
    if (!m_replaced)
        return;
    Replaced replaced = std::move(*m_replaced);
    m_replaced.reset();
    finish(std::move(replaced.open), CodeEditor::SuggestionEnd::Replaced, replaced.text);
}

void SuggestionTracker::finish(Open open, CodeEditor::SuggestionEnd why, const QString &text)
{
    SuggestionRecord &r = open.record;
    // (Without its editor, the text is not known: at least what went in of it.)
    r.shownChars = std::max(int(text.size()), r.acceptedChars + r.typedChars);
    r.outcome = outcomeOf(why, r);
    r.visibleMs = double(now() - open.shownMs);
    const Answer answer = m_answers.value(open.requestId);
    r.completionTokens = answer.tokens;
    // The server's default: the model it says answered this (or, from the cache, the last one).
    if (r.model.isEmpty())
        r.model = answer.model.isEmpty() ? m_defaultModels.value(r.profile) : answer.model;
    const quint64 key = m_nextKey++;
    if (m_writer)
        m_writer->recordSuggestion(r, open.requestId, key);
    emit recorded(r);
    if (r.acceptedChars > 0 && !open.start.isNull()) {
        m_checks.push_back({key, open.lastAcceptMs + qint64(SuggestionRecord::PersistAfterS) * 1000, open.start, open.end,
                            open.accepted, r, m_documentGeneration});
        scheduleTimer();
    }
}

void SuggestionTracker::onAnswered(const CompletionResult &result)
{
    Answer answer;
    answer.tokens = result.usage ? result.usage->completionTokens : -1;
    if (answer.tokens < 0 && result.timing.server)
        answer.tokens = result.timing.server->generatedTokens;
    answer.model = result.model;
    if (result.timing.model.isEmpty() && !result.model.isEmpty() && m_client) // asked for the default
        m_defaultModels.insert(m_client->endpoint().name, result.model);
    if (m_answers.size() > 64)
        m_answers.clear();
    m_answers.insert(result.timing.id, answer);
}

void SuggestionTracker::dropStaleChecks()
{
    std::erase_if(m_checks, [this](const Check &c) { return c.generation != m_documentGeneration; });
    scheduleTimer();
}

int SuggestionTracker::pendingChecks() const
{
    return int(std::count_if(m_checks.cbegin(), m_checks.cend(), [this](const Check &c) { return c.generation == m_documentGeneration; }));
}

void SuggestionTracker::checkDue()
{
    const qint64 t = now();
    while (!m_checks.empty() && m_checks.front().dueMs <= t) {
        Check check = std::move(m_checks.front());
        m_checks.pop_front();
        if (check.generation != m_documentGeneration)
            continue; // its document was replaced since: not known
        check.record.persistence = EditDistance::similarity(textBetween(check.start, check.end), check.accepted);
        if (m_writer)
            m_writer->recordPersistence(check.key, *check.record.persistence);
        emit persistenceMeasured(check.record);
    }
    scheduleTimer();
}

void SuggestionTracker::scheduleTimer()
{
    if (m_checks.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, m_checks.front().dueMs - now());
    m_timer.start(int(std::min<qint64>(wait, 60000)));
}
