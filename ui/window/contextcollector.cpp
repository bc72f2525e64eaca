#include "window/contextcollector.h"

#include "backends/fimbackend.h"
#include "completion/cachewarmer.h"
#include "editor/completioncontroller.h"
#include "editor/codeeditor.h"
#include "editor/documenttextsource.h"
#include "panels/contextpanel.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QTextBlock>

ContextCollector::ContextCollector(CodeEditor *editor, ContextPanel *panel, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_panel(panel)
{
    m_blockCount = editor->document()->blockCount();
    m_panelRefresh.setSingleShot(true);
    m_panelRefresh.setInterval(150); // the panel follows edits at a typist's pace, not per key
    connect(&m_panelRefresh, &QTimer::timeout, this, &ContextCollector::refreshPanel);
    m_warmIdle.setSingleShot(true);
    m_warmIdle.setInterval(WarmIdleMs);
    connect(&m_warmIdle, &QTimer::timeout, this, &ContextCollector::warmNow);
    connect(editor->document(), &QTextDocument::contentsChange, this, &ContextCollector::onContentsChange);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &ContextCollector::onCursorMoved);
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        connect(clipboard, &QClipboard::dataChanged, this, &ContextCollector::onClipboardChanged);
    if (panel) {
        connect(panel, &ContextPanel::choiceChanged, this, [this](const ContextChoice &c) { m_choice = c; emit changed(); });
        connect(panel, &ContextPanel::pinRequested, this, &ContextCollector::pin);
        connect(panel, &ContextPanel::unpinRequested, this, &ContextCollector::unpin);
        connect(panel, &ContextPanel::ringChunkRemoved, this, [this](quint64 serial) {
            m_ring.remove(serial);
            refreshPanel();
            emit changed();
        });
        connect(panel, &ContextPanel::openRequested, this, &ContextCollector::openRequested);
        connect(panel, &ContextPanel::warmingToggled, this, &ContextCollector::setWarming);
    }
    refreshPanel();
}

QString ContextCollector::fileName() const
{
    if (!m_path.isEmpty())
        return QFileInfo(m_path).fileName();
    return m_suffixes.isEmpty() ? QStringLiteral("untitled") : QStringLiteral("untitled.") + m_suffixes.constFirst();
}

void ContextCollector::setFile(const QString &path, const QStringList &languageSuffixes)
{
    const bool other = path != m_path;
    const bool renamed = other && !m_textReplaced; // Save As: the same text under another name
    const QString oldPath = m_path;
    const QString oldName = fileName();
    m_path = path;
    m_suffixes = languageSuffixes;
    m_pinned.setSuffixes(languageSuffixes);
    m_textReplaced = false;
    if (renamed) {
        m_ring.rename(oldPath, oldName, m_path, fileName());
    } else if (other) {
        m_edits.clear();
        m_lastLine = m_editor->textCursor().blockNumber();
        m_blockCount = m_editor->document()->blockCount();
        if (!path.isEmpty())
            addAroundCursor(ContextItem::Reason::Opened);
    }
    refreshPanel();
}

void ContextCollector::enableWarming(CompletionController *completion, CacheWarmer *warmer)
{
    m_completion = completion;
    m_warmer = warmer;
    connect(this, &ContextCollector::changed, &m_warmIdle, qOverload<>(&QTimer::start));
    // A real request (or one asked ahead) uses the slot and fills the cache itself: a warm-up
    // still running gives way, and none is due any more.
    connect(completion, &CompletionController::requestStarted, this, [this] {
        m_warmIdle.stop();
        m_warmer->cancel();
    });
    connect(completion, &CompletionController::prefetchStarted, this, [this] {
        m_warmIdle.stop();
        m_warmer->cancel();
    });
}

void ContextCollector::setWarming(bool on)
{
    m_warmOn = on;
    if (!on) {
        m_warmIdle.stop();
        if (m_warmer)
            m_warmer->cancel();
    }
    if (m_panel)
        m_panel->setWarming(on);
}

void ContextCollector::warmNow()
{
    if (!m_warmOn || !m_warmer || !m_completion || m_endpoint.kind != EndpointKind::LlamaCpp || m_completion->isRequestInFlight()
        || m_completion->isPrefetching() || m_editor->hasSuggestion())
        return;
    const std::optional<FimRequest> request = m_completion->requestAtCursor();
    if (!request) { // text still selected (a copy): once it is not
        m_warmIdle.start();
        return;
    }
    if (!request->extra.isEmpty())
        m_warmer->warm(*request);
}

void ContextCollector::setEndpoint(const Endpoint &endpoint, const QString &model)
{
    if (m_warmer && !(endpoint == m_endpoint)) {
        m_warmer->cancel();
        m_warmer->forget();
        // Another server: its cache is cold (warmNow() checks the kind when the pause is over).
        m_warmIdle.start();
    }
    m_endpoint = endpoint;
    m_model = model;
    if (!m_panel)
        return;
    QString why;
    const std::optional<FimTemplate> tmpl = FimBackend::templateFor(endpoint, model, &why);
    QString note;
    if (endpoint.kind == EndpointKind::LlamaCpp && !tmpl)
        note = tr("llama-server gets the chunks as input_extra of /infill and builds the repository prompt itself; the "
                  "inspector shows the prompt it reports.");
    else if (tmpl && (tmpl->family() == SuggestionText::Family::Qwen || tmpl->family() == SuggestionText::Family::StarCoder))
        note = tr("The %1 template writes the chunks in the model's repository format (<file_sep> per file).").arg(tmpl->title);
    else if (endpoint.kind == EndpointKind::Codestral || endpoint.kind == EndpointKind::Proxy)
        note = tr("Codestral has no field for extra context: the chunks go before the prompt as comments with their file names.");
    else
        note = tr("This server gets the chunks as comments with their file names before the prompt.");
    m_panel->setServerNote(note);
    m_panel->setWarmingAvailable(endpoint.kind == EndpointKind::LlamaCpp);
}

void ContextCollector::setChoice(const ContextChoice &choice)
{
    m_choice = choice;
    if (m_panel)
        m_panel->setChoice(choice);
}

bool ContextCollector::pin(const QString &path)
{
    const bool added = m_pinned.pin(path);
    refreshPanel();
    emit changed();
    return added;
}

void ContextCollector::unpin(const QString &path)
{
    m_pinned.unpin(path);
    refreshPanel();
    emit changed();
}

ContextSelection ContextCollector::select(const FimContext &context, std::optional<ContextScope> scope, bool quiet)
{
    // A stat per pinned file (and a walk of pinned folders), at most every two seconds: a file deleted
    // since is said, and sends nothing.
    if (!m_pinnedChecked.isValid() || m_pinnedChecked.hasExpired(2000)) {
        m_pinned.refresh();
        m_pinnedChecked.start();
    }
    ExtraContextAssembler::Sources sources;
    const ContextChoice choice = scope ? m_choice.narrowed(*scope) : m_choice;
    if (choice.pinned)
        sources.pinned = m_pinned.items();
    if (choice.edits)
        sources.edits = m_edits.chunks(DocumentTextSource(m_editor->document()), m_ring.chunkLines(), fileName(), m_path);
    if (choice.ring)
        sources.ring = m_ring.chunks();
    ExtraContextAssembler::Room room;
    // llama-server's /infill trims prefix and suffix itself and keeps room for input_extra: the clamp
    // applies where the prompt goes whole (a template on /completion).
    QString noTemplate;
    const bool serverTrims = m_endpoint.kind == EndpointKind::LlamaCpp && !FimBackend::templateFor(m_endpoint, m_model, &noTemplate);
    room.contextTokens = serverTrims ? 0 : m_serverContext;
    room.promptTokens = TokenEstimate::of(context.prefix.size() + context.suffix.size());
    room.maxTokens = m_maxTokens;
    // FimContext's lines are 0-based; a chunk's 1-based.
    const ExtraContextAssembler::Window window{m_path, fileName(), context.firstLine + 1, context.lastLine + 1};
    ContextSelection s = ExtraContextAssembler::assemble(
        sources, choice, ExtraContextAssembler::linesOf(context.prefix, context.suffix, m_ring.chunkLines() / 2), room, window);
    if (!quiet)
        m_next = s;
    return s;
}

void ContextCollector::requestSent()
{
    if (!m_next)
        return;
    m_last = std::move(m_next);
    m_next.reset();
    refreshPanel();
}

void ContextCollector::onContentsChange(int position, int removed, int added)
{
    Q_UNUSED(removed)
    const QTextDocument *doc = m_editor->document();
    const int count = doc->blockCount();
    if (position == 0 && added >= doc->characterCount() - 1) { // the whole text replaced: a file loaded, no edit
        m_textReplaced = true;
        m_edits.clear();
        m_blockCount = count;
        m_lastLine = m_editor->textCursor().blockNumber();
        return;
    }
    m_edits.edited(doc->findBlock(position).blockNumber(), count - m_blockCount);
    m_blockCount = count;
    m_lastLine = m_editor->textCursor().blockNumber(); // an edit's cursor move is no jump
    if (m_warmIdle.isActive())
        m_warmIdle.start(); // idle means no typing for WarmIdleMs
    if (!m_edits.isEmpty() && m_choice.edits)
        m_panelRefresh.start();
}

void ContextCollector::onCursorMoved()
{
    const int line = m_editor->textCursor().blockNumber();
    const int from = m_lastLine;
    m_lastLine = line;
    if (std::abs(line - from) > JumpLines)
        addAroundCursor(ContextItem::Reason::CursorJump);
}

void ContextCollector::onClipboardChanged()
{
    const QTextCursor cursor = m_editor->textCursor();
    if (!cursor.hasSelection())
        return;
    QString selected = cursor.selectedText();
    selected.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    const QString copied = QGuiApplication::clipboard()->text();
    if (copied.isEmpty() || copied != selected)
        return; // not a copy from this editor
    const int firstLine = m_editor->document()->findBlock(cursor.selectionStart()).blockNumber() + 1;
    if (m_ring.add(m_ring.chunkOf(copied, ContextItem::Reason::Copied, fileName(), m_path, firstLine))) {
        refreshPanel();
        emit changed();
    }
}

QStringList ContextCollector::linesAround(int line, int *firstIndex) const
{
    const QTextDocument *doc = m_editor->document();
    const int half = m_ring.chunkLines();
    const int first = std::max(0, line - half);
    const int last = std::min(doc->blockCount() - 1, line + half);
    QStringList lines;
    for (QTextBlock b = doc->findBlockByNumber(first); b.isValid() && b.blockNumber() <= last; b = b.next())
        lines.append(b.text());
    *firstIndex = first;
    return lines;
}

void ContextCollector::addAroundCursor(ContextItem::Reason reason)
{
    const int line = m_editor->textCursor().blockNumber();
    int first = 0;
    const QStringList lines = linesAround(line, &first);
    ContextItem item = m_ring.chunkAround(lines, line - first, reason, fileName(), m_path);
    item.firstLine += first;
    item.lastLine += first;
    if (m_ring.add(item)) {
        refreshPanel();
        emit changed();
    }
}

void ContextCollector::refreshPanel()
{
    if (!m_panel)
        return;
    ContextPanel::State state;
    state.pinned = m_pinned.entries();
    state.edits = m_edits.chunks(DocumentTextSource(m_editor->document()), m_ring.chunkLines(), fileName(), m_path);
    state.ring = m_ring.chunks();
    state.ringCapacity = m_ring.capacity();
    state.last = m_last;
    m_panel->setState(state);
}
