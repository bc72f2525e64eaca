#pragma once

#include "history/historywriter.h"
#include "history/suggestionrecord.h"

#include "editor/codeeditor.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTextCursor>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

class CompletionController;
class FimClient;
struct CompletionResult;
struct FimRequest;

// Records what became of each suggestion the editor shows (acceptance analytics, README "Stats"):
// how it came and how long it took, how it ended (SuggestionOutcome), how many characters went in
// by the accept keys and how many were typed through, how long it was on screen, and, 30 s after
// the last accept, whether the accepted text is still there (persistence, as Cody measures it:
// 1 − edit distance / length between the accepted text and what now stands in its place).
//
// It costs a keystroke nothing: the accepted range is held by two QTextCursors, which the document
// moves along with every edit, and read once when its check is due (one timer for all of them).
// Suggestions from a replay are not recorded: a demo's replays would say nothing of a model.
class SuggestionTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuggestionTracker)

public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    SuggestionTracker(CodeEditor *editor, CompletionController *completion, FimClient *client, QObject *parent = nullptr);
    // A suggestion still on screen ends as unused; checks not yet due are dropped.
    ~SuggestionTracker() override;

    void setWriter(HistoryWriter *writer) { m_writer = writer; }
    // Tests move time on with this instead of sleeping.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // What the "context" column says of a request's extra context (default: "none", or "extra").
    void setContextLabel(std::function<QString(const FimRequest &)> label) { m_contextLabel = std::move(label); }
    // Measures the persistence of every accept whose time has come (the timer calls it).
    void checkDue();
    int pendingChecks() const;

signals:
    // A suggestion ended and was handed to the writer.
    void recorded(const SuggestionRecord &record);
    // Persistence was measured for the suggestion recorded with this shown time.
    void persistenceMeasured(const SuggestionRecord &record);

private:
    struct Open
    {
        SuggestionRecord record;
        quint64 requestId = 0;
        int position = -1;
        qint64 shownMs = 0;
        qint64 lastAcceptMs = -1;
        QTextCursor start; // the accepted range: from the first accepted character
        QTextCursor end;   // to after the last (it keeps its place when text is typed at it)
        QString accepted;  // what the range held after the last accept
    };
    struct Check
    {
        quint64 key = 0;
        qint64 dueMs = 0;
        QTextCursor start, end;
        QString accepted;
        SuggestionRecord record;
        quint64 generation = 0; // m_documentGeneration when the accept was made
    };

    void onStarted();
    void onTaken(qsizetype chars, bool byAcceptKey);
    void onEnded(CodeEditor::SuggestionEnd why, const QString &text);
    void finish(Open open, CodeEditor::SuggestionEnd why, const QString &text);
    void finishReplaced();
    void onAnswered(const CompletionResult &result);
    void scheduleTimer();
    void dropStaleChecks();
    qint64 now() const;

    QPointer<CodeEditor> m_editor;
    QPointer<CompletionController> m_completion;
    QPointer<FimClient> m_client;
    QPointer<HistoryWriter> m_writer;
    Clock m_clock;
    std::function<QString(const FimRequest &)> m_contextLabel;
    std::optional<Open> m_open;
    // One replaced with nothing taken, until it is known whether it comes back as it was.
    struct Replaced
    {
        Open open;
        QString text;
    };
    std::optional<Replaced> m_replaced;
    qint64 m_lastAsk = 0; // the ask whose first suggestion had its wait recorded
    std::deque<Check> m_checks; // due in order: every check waits the same time
    struct Answer
    {
        int tokens = -1;
        QString model;
    };
    QHash<quint64, Answer> m_answers; // request id → its answer's tokens and model (the last few)
    QHash<QString, QString> m_defaultModels; // profile → the model its server last said answered
    QTimer m_timer;
    quint64 m_nextKey = 1;
    quint64 m_documentGeneration = 0; // counts the times the whole document was replaced
};
