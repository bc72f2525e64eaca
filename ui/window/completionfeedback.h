#pragma once

#include <QObject>

#include <functional>

class AppContext;
class CodeEditor;
class CompletionController;
class InspectorPanel;
class RequestToolbar;
class StatusIndicators;

// What the window shows of the completion controller's work: the request in flight (status bar,
// Stop in the toolbar), the window sent and its token count, the last answer's time, finish reason
// and model, cache hits in the latency table, requests asked ahead (and whether Tab used them) and
// answers hidden as unlikely, who asked each request and how each answer was cleaned (in the
// inspector), and the messages for no suggestion and for an answer max_tokens cut.
class CompletionFeedback final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompletionFeedback)

public:
    struct Parts
    {
        AppContext *context;
        CompletionController *completion;
        StatusIndicators *indicators;
        RequestToolbar *toolbar;
        InspectorPanel *inspector;
        CodeEditor *editor;
        std::function<QString()> fileName; // the file being edited, for the history
    };
    explicit CompletionFeedback(const Parts &parts, QObject *parent = nullptr);

signals:
    // A message for the status line; empty text clears it.
    void statusMessage(const QString &text, bool isError);
};
