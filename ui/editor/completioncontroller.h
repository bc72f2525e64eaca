#pragma once

#include "completioncache.h"
#include "contextextractor.h"
#include "fimclient.h"

#include <QObject>
#include <QTimer>

class CodeEditor;

// Connects a CodeEditor to a FimClient: decides when to ask, what to send and what to show.
//
// - A request starts once typing pauses for the debounce time (if auto-trigger is on), or at once
//   on Ctrl+Space. At most one request is in flight: a new one cancels the old.
// - Any edit or cursor move cancels the request in flight; an answer whose document revision and
//   cursor no longer match is dropped.
// - Streamed deltas grow the suggestion on screen; the final text is cleaned (special tokens, code
//   fences) and trimmed of any overlap with the text after the cursor.
// - Completions are cached; a cached one is shown without a request.
class CompletionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompletionController)

public:
    CompletionController(CodeEditor *editor, FimClient *client, QObject *parent = nullptr);
    ~CompletionController() override;

    // Everything but prompt and suffix: model, max_tokens, temperature, top_p, stop, seed, stream.
    void setRequestTemplate(const FimRequest &request) { m_template = request; }
    const FimRequest &requestTemplate() const { return m_template; }
    void setDebounce(int ms) { m_debounce.setInterval(std::max(0, ms)); }
    int debounce() const { return m_debounce.interval(); }
    void setAutoTrigger(bool on);
    bool autoTrigger() const { return m_autoTrigger; }
    void setContextLimits(const ContextLimits &limits) { m_limits = limits; }
    const ContextLimits &contextLimits() const { return m_limits; }
    CompletionCache &cache() { return m_cache; }

    // Asks now at the cursor (what Ctrl+Space does).
    void trigger();
    bool isRequestInFlight() const { return m_inFlight != 0; }

signals:
    void requestStarted(quint64 id);
    void requestEnded(quint64 id);
    void suggestionShown(const QString &text);
    // A suggestion came from the cache, with no request: its timing has cacheHit set.
    void servedFromCache(const RequestTiming &timing);
    void noSuggestion();
    void errorOccurred(const FimError &error);

private:
    void onUserEdited();
    void onCursorMoved();
    void onDelta(quint64 id, const QString &text);
    void onFinished(quint64 id, const CompletionResult &result);
    void onFailed(quint64 id, const FimError &error);
    void onConsumed(const QString &text, bool all);
    void cancelInFlight();
    void reset();
    bool stillValid() const;
    int expectedCursor() const { return m_anchor + int(m_consumed); }
    QByteArray cacheScope() const;
    void showText(const QString &full);

    CodeEditor *m_editor;
    FimClient *m_client;
    QTimer m_debounce;
    FimRequest m_template;
    ContextLimits m_limits;
    CompletionCache m_cache;
    bool m_autoTrigger = true;

    quint64 m_inFlight = 0;
    // The suggestion being received or shown.
    int m_anchor = -1;
    int m_revision = -1;
    qsizetype m_consumed = 0;
    QString m_streamed;
    QString m_lineRest; // the cursor line's text after the cursor, for overlap trimming
    QString m_prefix;
    QString m_suffix;
};
