#pragma once

#include "wire/endpoint.h"

#include <KSyntaxHighlighting/Repository>

#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class AppContext;
class CodeEditor;
class ComparePanel;
class ContextCollector;
class ContextPanel;
class HistoryPanel;
class StatsPanel;
class SuggestionTracker;
class SuiteActions;
class CompletionController;
class DockLayout;
class EndpointNotices;
class FileController;
class HealthPanel;
class InspectorPanel;
class MainMenus;
class LatencyPanel;
class LocalServers;
class ModelsPanel;
class NoticeBar;
class RequestToolbar;
class StatusIndicators;
struct FimError;
struct PlaygroundOptions;

// The playground's main window: the code editor in the centre under a notice bar; latency, health,
// models and request inspector panels docked around it; the request toolbar; a status bar with the
// endpoint's health, the request in flight, the last latency and the file's format. The services
// come from AppContext (made by main(), and outliving the window); the window owns the widgets,
// and on destruction cuts itself off from the services before any of its parts go.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);
    // The syntax definitions and themes: one Repository for the editor, Compare, the status bar's
    // lists and the settings' themes. Asked for once, when the toolbar and the panels that do not
    // highlight are built: main() reads it on another thread while Qt starts and this is built.
    using RepositorySource = std::function<std::unique_ptr<KSyntaxHighlighting::Repository>()>;
    MainWindow(AppContext *context, const RepositorySource &repository, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the file or restores the last session, applies the command line, activates the endpoint.
    void start(const PlaygroundOptions &options);
    // What start() leaves until the first frame is done (the endpoint's checks, the panels behind
    // Latency in their docks) has been done.
    bool hasStarted() const { return m_started; }

    CodeEditor *editor() const { return m_editor; }
    CompletionController *completion() const { return m_completion; }
    FileController *files() const { return m_files; }
    RequestToolbar *requestToolbar() const { return m_toolbar; }
    LatencyPanel *latencyPanel() const { return m_latencyPanel; }
    HealthPanel *healthPanel() const { return m_healthPanel; }
    ModelsPanel *modelsPanel() const { return m_modelsPanel; }
    InspectorPanel *inspectorPanel() const { return m_inspectorPanel; }
    ComparePanel *comparePanel() const { return m_comparePanel; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    ContextPanel *contextPanel() const { return m_contextPanel; }
    StatsPanel *statsPanel() const { return m_statsPanel; }
    SuggestionTracker *suggestionTracker() const { return m_tracker; }
    ContextCollector *contextCollector() const { return m_contextCollector; }
    SuiteActions *suiteActions() const { return m_suites; }
    StatusIndicators *indicators() const { return m_indicators; }
    NoticeBar *noticeBar() const { return m_notice; }
    LocalServers *localServers() const { return m_localServers; }
    QString statusHealthText() const;

    // Replaces the buffer and puts the cursor at a position (samples, tests).
    void loadText(const QString &text, int cursorPosition, const QString &fileNameForLanguage);
    // A KSyntaxHighlighting theme by name; empty follows the system's light or dark palette.
    void setEditorTheme(const QString &name);
    // Applies the settings held by the context (after the settings dialog, or at start).
    void applySettings();
    void openSettings();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void connectServices();
    void connectFiles();
    void connectCompare();
    void connectContext(); // mainwindowcontext.cpp
    void connectStats();   // mainwindowstats.cpp
    void refreshProfiles();
    void onEndpointChanged(const Endpoint &endpoint, bool hasSecret, const QString &secretError);
    void updateTitle();
    void showStatus(const QString &text, bool isError);
    void saveState();
    void finishStart(); // what start() leaves until the first paint


    AppContext *m_context;
    std::unique_ptr<KSyntaxHighlighting::Repository> m_repository;
    CodeEditor *m_editor = nullptr;
    CompletionController *m_completion = nullptr;
    FileController *m_files = nullptr;
    RequestToolbar *m_toolbar = nullptr;
    LatencyPanel *m_latencyPanel = nullptr;
    HealthPanel *m_healthPanel = nullptr;
    ModelsPanel *m_modelsPanel = nullptr;
    InspectorPanel *m_inspectorPanel = nullptr;
    ComparePanel *m_comparePanel = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    ContextPanel *m_contextPanel = nullptr;
    StatsPanel *m_statsPanel = nullptr;
    SuggestionTracker *m_tracker = nullptr;
    ContextCollector *m_contextCollector = nullptr;
    SuiteActions *m_suites = nullptr;
    StatusIndicators *m_indicators = nullptr;
    NoticeBar *m_notice = nullptr;
    LocalServers *m_localServers = nullptr;
    EndpointNotices *m_notices = nullptr;
    MainMenus *m_menus = nullptr;
    DockLayout *m_docks = nullptr;
    std::optional<Endpoint> m_commandLineEndpoint; // --endpoint/--kind: in use, but no profile
    QByteArray m_defaultState;
    QTimer m_saveSettings;
    bool m_firstPainted = false;
    bool m_startPending = false;
    bool m_started = false;
};
