#pragma once

#include "completion/contextextractor.h"
#include "extracontext/contextring.h"
#include "extracontext/extracontextassembler.h"
#include "extracontext/pinnedsources.h"
#include "extracontext/recentedits.h"
#include "wire/endpoint.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class CacheWarmer;
class CodeEditor;
class CompletionController;
class ContextPanel;

// Gathers the extra context of the window's editor and gives each request its chunks: the pinned
// files and folders, llama.vim's ring (chunks of files opened and saved, of copies from the editor,
// of the lines where the cursor lands after a jump of more than JumpLines), the ranges edited
// lately. What a keystroke costs is a compare or two (RecentEdits::edited, a line number); files are
// read and chunks picked on those events and when a request is built. Shows it all in the Context
// panel, and what the last request carried.
class ContextCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextCollector)

public:
    static constexpr int JumpLines = 32;

    ContextCollector(CodeEditor *editor, ContextPanel *panel, QObject *parent = nullptr);

    // The edited file (empty: unsaved) and its language's suffixes, for names and pinned folders.
    void setFile(const QString &path, const QStringList &languageSuffixes);
    QString fileName() const;
    void setEndpoint(const Endpoint &endpoint, const QString &model);
    void setChoice(const ContextChoice &choice);
    const ContextChoice &choice() const { return m_choice; }
    // The server's context per slot (llama-server's n_ctx), 0 when not known: the budget never
    // takes more than it leaves.
    void setServerContext(int tokens) { m_serverContext = tokens; }
    void setMaxTokens(int tokens) { m_maxTokens = tokens; }

    // The chunks for a request built from this window of the document; scope narrows the sources
    // (Compare's Context dimension). Unless quiet, it is the editor's next request: shown as the
    // last request once requestSent() says it went (an answer from the cache sends nothing).
    ContextSelection select(const FimContext &context, std::optional<ContextScope> scope = std::nullopt,
                            bool quiet = false);
    const std::optional<ContextSelection> &lastSelection() const { return m_last; }
    // The editor's request went: what it carries is the last request's.
    void requestSent();

    // The file was saved: the lines around the cursor join the ring.
    void fileSaved() { addAroundCursor(ContextItem::Reason::Saved); }
    bool pin(const QString &path);
    void unpin(const QString &path);
    ContextRing &ring() { return m_ring; }

    // Warms llama-server's prompt cache (CacheWarmer) once the context changed and the editor then
    // idled WarmIdleMs with no request in flight: the request Ctrl+Space would send, n_predict 0.
    static constexpr int WarmIdleMs = 1000;
    void enableWarming(CompletionController *completion, CacheWarmer *warmer);
    void setWarming(bool on);

signals:
    void openRequested(const QString &path, int line);
    // The ring, the pinned files or the choice changed (the next request differs; a warm-up may be due).
    void changed();

private:
    void onContentsChange(int position, int removed, int added);
    void onCursorMoved();
    void onClipboardChanged();
    void addAroundCursor(ContextItem::Reason reason);
    QStringList linesAround(int line, int *firstIndex) const;
    void refreshPanel();
    void warmNow();

    CodeEditor *m_editor;
    QPointer<ContextPanel> m_panel;
    ContextRing m_ring;
    PinnedSources m_pinned;
    RecentEdits m_edits;
    ContextChoice m_choice;
    std::optional<ContextSelection> m_last;
    std::optional<ContextSelection> m_next; // selected for the editor, not sent yet
    QString m_path;
    QStringList m_suffixes;
    Endpoint m_endpoint;
    QString m_model;
    int m_serverContext = 0;
    int m_maxTokens = 0;
    int m_lastLine = 0;
    int m_blockCount = 1;
    bool m_textReplaced = true; // since the last setFile(): a new file path then is another file
    QTimer m_panelRefresh;
    QTimer m_warmIdle;
    QPointer<CompletionController> m_completion;
    QPointer<CacheWarmer> m_warmer;
    bool m_warmOn = true;
    QElapsedTimer m_pinnedChecked;
};
