#pragma once

#include "completion/adaptivedebounce.h"
#include "completion/answercleaner.h"
#include "completion/candidateset.h"
#include "completion/completioncache.h"
#include "completion/contextextractor.h"
#include "completion/suggestionconfidence.h"
#include "completion/suggestionprefetch.h"
#include "net/fimclient.h"
#include "text/suggestiontext.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

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
// - Candidates (Alt+Space): N requests at once with seeds base, base+1, ...; the first answer shows,
//   the others join it as they come (equal ones folded); Alt+] / Alt+[ cycle them, the editor
//   shows "2 / 4" beside the ghost text. Candidates are not cached: they are asked for fresh.
// - The debounce is fixed, or adaptive (AdaptiveDebounce: learnt from the gaps between the user's
//   keys and the endpoint's recent latency, within bounds).
// - Asking ahead (prefetch): once a whole suggestion is on screen, the completion that would
//   follow it if accepted is asked for (llama.vim does this), at most one at a time; anything but
//   accepting drops it. Tab taking the whole suggestion asks for the next one at once: a prefetched
//   answer shows with no request; one still coming becomes the request in flight.
// - Every answer is cleaned by AnswerCleaner with the rules the user left on (all by default, for
//   the session); cleaned() says which rules fired and what they removed.
// - Token probabilities (SuggestionConfidence), asked for when shading or hiding is on: Show
//   confidence shades the ghost text by them as it grows; Hide below p holds a stream back until
//   its end and drops a finished answer less likely than p (suggestionHidden()). Answers from the
//   cache and candidates carry none, nor do servers that give no probabilities (Codestral, the
//   proxy, Ollama): drawn unshaded, streamed as they come, never hidden.
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
    // The fixed debounce (and the adaptive one's start, while it knows too little).
    void setDebounce(int ms) { m_fixedDebounceMs = std::max(0, ms); }
    int debounce() const { return m_fixedDebounceMs; }
    void setAdaptiveDebounce(bool on, int minMs = AdaptiveDebounce::DefaultMinMs, int maxMs = AdaptiveDebounce::DefaultMaxMs);
    bool isAdaptiveDebounce() const { return m_adaptiveOn; }
    const AdaptiveDebounce &adaptiveDebounce() const { return m_adaptive; }
    // The pause the next request waits for.
    int currentDebounce() const { return m_adaptiveOn ? m_adaptive.delayMs(m_fixedDebounceMs) : m_fixedDebounceMs; }
    void setPrefetch(bool on);
    bool prefetch() const { return m_prefetchOn; }
    bool isPrefetching() const { return m_prefetch.isRunning(); }
    bool hasPrefetched() const { return m_prefetch.hasAnswer(); }
    void setAutoTrigger(bool on);
    bool autoTrigger() const { return m_autoTrigger; }
    // Called as each request is built (after the debounce, never on a keystroke) with the window
    // of the document it sends: adds the extra context, the file's name and comment marker. scope:
    // only these sources (Compare's Context dimension); unset, the Context panel's. quiet: the
    // request is not the editor's own (a cache warm-up, a Compare column), so nothing shows it sent.
    using RequestDecorator =
        std::function<void(const FimContext &context, FimRequest &request, std::optional<ContextScope> scope, bool quiet)>;
    void setRequestDecorator(RequestDecorator decorator) { m_decorate = std::move(decorator); }
    void setContextLimits(const ContextLimits &limits) { m_limits = limits; }
    const ContextLimits &contextLimits() const { return m_limits; }
    // The file's line break ("\n", "\r\n" or "\r"): prefix and suffix are sent with it.
    void setLineBreak(const QString &lineBreak) { m_lineBreak = lineBreak; }
    const QString &lineBreak() const { return m_lineBreak; }
    CompletionCache &cache() { return m_cache; }

    // Asks now at the cursor (Ctrl+Space); fresh skips the cache (Ctrl+Shift+Space).
    void trigger(bool fresh = false);
    // Asks for count candidates at once (Alt+Space); 1 is a fresh trigger().
    void triggerCandidates(int count);
    void setCandidateCount(int count) { m_candidateCount = std::clamp(count, 1, 5); }
    int candidateCount() const { return m_candidateCount; }
    // The candidates of the suggestion on screen (empty unless asked with Alt+Space).
    const CandidateSet &candidates() const { return m_candidates; }
    // Shows the next (+1) or previous (-1) candidate; false when there is none to go to.
    bool cycleCandidate(int delta);

    void setConfidence(const SuggestionConfidence &confidence) { m_confidence = confidence; }
    const SuggestionConfidence &confidence() const { return m_confidence; }
    void setCleaningRules(AnswerCleaner::Rules rules) { m_rules = rules; }
    AnswerCleaner::Rules cleaningRules() const { return m_rules; }
    // Cancels the request in flight and takes the suggestion off the screen.
    void stop();
    // The same when nobody acted on the suggestion: the window closes (it is recorded as unused).
    void stopUnused();
    bool isRequestInFlight() const { return !m_reply.isNull() || inFlightCandidates() > 0; }
    // The request last sent or served, as it went (model filled in, prompt and suffix).
    const FimRequest &lastRequest() const { return m_asked.request; }
    // The request Ctrl+Space would send now, built quietly: nothing is cancelled or cleared (for
    // warming the server's cache). nullopt while text is selected.
    std::optional<FimRequest> requestAtCursor() const;
    // Adds to request what the decorator adds for this window of the document (Compare's columns).
    void addContext(const FimContext &context, FimRequest &request, std::optional<ContextScope> scope) const
    {
        if (m_decorate)
            m_decorate(context, request, scope, true);
    }

    // Where the suggestion on screen came from: the request whose answer it is (0: none), how
    // ("request", "cache", "prefetch", "candidate"), and when the user's ask that led to it was
    // captured (FimClient::monotonicNs()).
    quint64 shownRequestId() const { return m_shownRequest; }
    const QString &shownOrigin() const { return m_shownOrigin; }
    qint64 askedAtNs() const { return m_asked.atNs; }

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
    // A request asked ahead for what follows the suggestion on screen; later, whether Tab used it.
    void prefetchStarted(quint64 id);
    void prefetchSettled(quint64 id, bool used);
    // One of the requests Alt+Space sends at once: the index-th (0-based) of count.
    void candidateStarted(quint64 id, int index, int count);
    void errorOccurred(const FimError &error);
    // The window of the document a request was built from (document coordinates in context).
    void windowSent(const FimContext &context);
    // An answer was cleaned: the raw text, what is shown, the rules that fired.
    void cleaned(quint64 replyId, const AnswerCleaner::Cleaned &result);
    // Hide below p dropped the answer of request id: its probability.
    void suggestionHidden(quint64 id, double probability);

private:
    // What was asked, captured when asking.
    struct Asked
    {
        FimRequest request;
        QByteArray scope; // cache key: endpoint, kind, model and every parameter
        AnswerCleaner::Context cleaning; // family, text after the cursor, stops
        int position = -1;
        int revision = -1;
        qint64 atNs = 0;
    };

    void onUserEdited();
    void onCursorMoved();
    void onDelta(const QString &text);
    void onFinished(const CompletionResult &result);
    void onFailed(const FimError &error);
    void onConsumed(const QString &text, bool finished);
    void onCandidateFinished(const CompletionResult &result);
    void onCandidateFailed(const FimError &error);
    void candidateDone(FimReply *reply);
    void showCandidateBadge();
    int inFlightCandidates() const;
    // Captures what to send at the cursor into m_asked; false when there is nothing to ask.
    bool capture(FimContext *context);
    // The template's request for this window of the document, the extra context added.
    FimRequest requestFor(const FimContext &context, bool quiet) const;
    void cancelInFlight();
    void reset();
    // Asking ahead: started once a whole suggestion is on screen, dropped by anything but Tab.
    void startPrefetch(const QString &suggestion);
    // Tab took the whole suggestion: the next one, from the prefetch when it is for this one.
    void askAfterAccept();
    bool stillAtRequest() const;
    // Draws a suggestion, shaded by the (raw) answer's token probabilities when it has them;
    // requestId and origin say where it came from (shownRequestId()).
    void show(quint64 requestId, const QString &origin, const QString &text, const QString &raw = {},
              const QList<TokenProbability> &probs = {});
    // Hide below p holds a stream back (only where the endpoint gives probabilities).
    bool holdsStreams() const;
    // Hide below p: true, and the suggestion is dropped, when the finished answer is too unlikely.
    bool hideUnlikely(quint64 id, const QList<TokenProbability> &probs);
    // Show confidence: shades the suggestion on screen by the answer's (raw) token probabilities.
    void shade(const QString &raw, const QList<TokenProbability> &probs);

    CodeEditor *m_editor;
    FimClient *m_client;
    QTimer m_debounce;
    int m_fixedDebounceMs = 350;
    bool m_adaptiveOn = false;
    AdaptiveDebounce m_adaptive;
    FimRequest m_template;
    ContextLimits m_limits;
    RequestDecorator m_decorate;
    QString m_lineBreak = QStringLiteral("\n");
    CompletionCache m_cache;
    bool m_autoTrigger = true;

    QPointer<FimReply> m_reply; // the request in flight
    quint64 m_replyId = 0;
    QString m_replyOrigin; // "request", or "prefetch" for one asked ahead that Tab adopted
    quint64 m_shownRequest = 0;
    QString m_shownOrigin;
    Asked m_asked;
    QString m_streamed;
    AnswerCleaner::Rules m_rules = AnswerCleaner::allRules();
    SuggestionConfidence m_confidence;

    bool m_prefetchOn = false;
    SuggestionPrefetch m_prefetch;
    quint64 m_shownSerial = 0; // counts the suggestions shown: a prefetch is for one of them

    int m_candidateCount = 3;
    QList<QPointer<FimReply>> m_candidateReplies; // a candidate run in flight
    CandidateSet m_candidates;
};
