#pragma once

#include "completioncache.h"
#include "contextextractor.h"
#include "fimclient.h"
#include "suggestiontext.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class CodeEditor;

// Connects a CodeEditor to a FimClient: decides when to ask, what to send and what to show.
//
// - A request starts once typing pauses for the debounce time (if auto-trigger is on), at once on
//   Ctrl+Space, or at once and past the cache on Ctrl+Shift+Space. At most one is in flight: a new
//   one cancels the old. stop() (Esc, Completion ▸ Dismiss, the Stop button) cancels it.
// - What is sent is captured when asking: the request with its model and parameters (the cache
//   key), the text around the cursor exactly as the file has it (its own line breaks), the model
//   family whose special tokens are cleaned away.
// - An edit or a cursor move by the user cancels the request in flight; an answer for a document
//   or cursor that has moved on is dropped. Accepting part of a suggestion or typing through it is
//   not such a move: a stream goes on growing the rest.
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
    // The file's line break ("\n", "\r\n" or "\r"): prefix and suffix are sent with it.
    void setLineBreak(const QString &lineBreak) { m_lineBreak = lineBreak; }
    CompletionCache &cache() { return m_cache; }

    // Asks now at the cursor (Ctrl+Space); fresh skips the cache (Ctrl+Shift+Space).
    void trigger(bool fresh = false);
    // Cancels the request in flight and takes the suggestion off the screen.
    void stop();
    bool isRequestInFlight() const { return !m_reply.isNull(); }
    // The request last sent or served, as it went (model filled in, prompt and suffix).
    const FimRequest &lastRequest() const { return m_asked.request; }

signals:
    void requestStarted(quint64 id);
    void requestEnded(quint64 id);
    void suggestionShown(const QString &text);
    // An answer came for the request in flight (before it is cleaned and shown): its finish reason,
    // the model that gave it, its timing.
    void answered(const CompletionResult &result);
    // A suggestion came from the cache, with no request: its timing has cacheHit set.
    void servedFromCache(const RequestTiming &timing);
    void noSuggestion();
    void errorOccurred(const FimError &error);

private:
    // What was asked, captured when asking.
    struct Asked
    {
        FimRequest request;
        QByteArray scope; // cache key: endpoint, kind, model and every parameter
        SuggestionText::Family family = SuggestionText::Family::Unknown;
        int position = -1;
        int revision = -1;
        QString lineRest; // the cursor line's text after the cursor, for overlap trimming
    };

    void onUserEdited();
    void onCursorMoved();
    void onDelta(const QString &text);
    void onFinished(const CompletionResult &result);
    void onFailed(const FimError &error);
    void onConsumed(const QString &text, bool finished);
    void cancelInFlight();
    void reset();
    bool stillAtRequest() const;
    void show(const QString &text);

    CodeEditor *m_editor;
    FimClient *m_client;
    QTimer m_debounce;
    FimRequest m_template;
    ContextLimits m_limits;
    QString m_lineBreak = QStringLiteral("\n");
    CompletionCache m_cache;
    bool m_autoTrigger = true;

    QPointer<FimReply> m_reply; // the request in flight
    quint64 m_replyId = 0;
    Asked m_asked;
    QString m_streamed;
};
