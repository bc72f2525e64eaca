#include "window/mainwindow.h"

#include "context/appcontext.h"
#include "context/endpointpulse.h"
#include "context/startuptimings.h"
#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "editor/suggestionannouncer.h"
#include "editor/suggestiontracker.h"
#include "panels/accessiblewidgets.h"
#include "panels/comparepanel.h"
#include "panels/contextpanel.h"
#include "panels/healthpanel.h"
#include "panels/historypanel.h"
#include "panels/statspanel.h"
#include "panels/inspectorpanel.h"
#include "panels/latencypanel.h"
#include "panels/modelspanel.h"
#include "settings/commandline.h"
#include "window/completionfeedback.h"
#include "window/contextcollector.h"
#include "window/docklayout.h"
#include "window/editorcomparesite.h"
#include "window/endpointnotices.h"
#include "window/exchangeresender.h"
#include "window/filecontroller.h"
#include "window/historyactions.h"
#include "window/localservers.h"
#include "window/mainmenus.h"
#include "window/messagestatusbar.h"
#include "window/noticebar.h"
#include "window/requesttoolbar.h"
#include "window/samples.h"
#include "window/settingsdialog.h"
#include "window/statusindicators.h"
#include "window/suiteactions.h"

#include <KSyntaxHighlighting/Theme>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMimeData>
#include <QScreen>
#include <QStatusBar>
#include <QTextBlock>
#include <QVBoxLayout>

#include <memory>


namespace {

std::unique_ptr<KSyntaxHighlighting::Repository> readRepository()
{
    auto repository = std::make_unique<KSyntaxHighlighting::Repository>(); // reads every definition's header
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "KSyntaxHighlighting Repository"));
    return repository;
}

} // namespace

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : MainWindow(context, &readRepository, parent)
{
}

MainWindow::MainWindow(AppContext *context, const RepositorySource &repository, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_notice(new NoticeBar)
{
    AccessibleWidgets::install(); // the custom widgets' accessible interfaces
    // First what does not highlight, while the Repository may still be read on another thread. Made
    // in a stand-in window: a widget joins the window's tab order when it joins the window, and Tab
    // goes from the editor to the toolbar and on through the docks as they are laid out (below). (Not
    // without a parent: the tab order a panel sets among its controls holds only inside a window.)
    QWidget staging;
    m_toolbar = new RequestToolbar(&staging);
    m_latencyPanel = new LatencyPanel(context->latency(), &staging);
    m_healthPanel = new HealthPanel(context->health(), &staging);
    m_modelsPanel = new ModelsPanel(context->models(), &staging);
    m_inspectorPanel = new InspectorPanel(&staging);
    m_inspectorPanel->setTokenizer(m_context->tokenizer());
    m_historyPanel = new HistoryPanel(&staging);
    m_contextPanel = new ContextPanel(&staging);
    m_statsPanel = new StatsPanel(&staging);
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "toolbar and panels (the definitions read meanwhile)"));
    m_repository = repository();
    m_editor = new CodeEditor(m_repository.get());
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "editor"));
    new SuggestionAnnouncer(m_editor); // suggestions said to screen readers
    auto *centre = new QWidget(this);
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    layout->addWidget(m_editor, 1);
    setCentralWidget(centre);
    addToolBar(m_toolbar);
    for (QWidget *panel : std::initializer_list<QWidget *>{m_latencyPanel, m_healthPanel, m_modelsPanel, m_inspectorPanel})
        panel->setParent(this);
    m_completion = new CompletionController(m_editor, context->client(), this);
    m_files = new FileController(m_editor, context, this);
    m_comparePanel = new ComparePanel(context, std::make_unique<EditorCompareSite>(m_editor, m_completion), *m_repository, [this] {
        const Endpoint active = m_context->activeEndpoint();
        Variant v{QString(), active.name.isEmpty() ? m_toolbar->activeProfile() : active.name, m_toolbar->parameters(), {}, {}};
        if (m_commandLineEndpoint && v.profile == m_commandLineEndpoint->name) // no profile: the endpoint itself
            std::tie(v.url, v.kind) = std::pair(active.baseUrl, endpointKindName(active.kind));
        return v;
    }, this);
    for (QWidget *panel : std::initializer_list<QWidget *>{m_historyPanel, m_contextPanel, m_statsPanel})
        panel->setParent(this);
    Q_ASSERT(staging.children().isEmpty()); // nothing of the window's goes with the stand-in
    m_docks = new DockLayout(this, {m_latencyPanel, m_inspectorPanel, m_healthPanel, m_modelsPanel, m_comparePanel, m_historyPanel,
                                    m_statsPanel, m_contextPanel});
    setStatusBar(new MessageStatusBar(this)); // long messages elided, whole in its tooltip
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "window construction"));
    m_indicators = new StatusIndicators(statusBar(), *m_repository);
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "status bar (language and theme lists)"));
    m_notices = new EndpointNotices(context, m_notice, this);
    m_localServers = new LocalServers(context, m_notice, this);
    connect(m_localServers, &LocalServers::profileAdded, this, &MainWindow::refreshProfiles);
    m_menus = new MainMenus({this, m_editor, m_completion, m_files, m_toolbar, context->settings().autoTrigger,
                             context->settings().shadeSentWindow, context->settings().confidence.show});
    connect(m_menus, &MainMenus::settingsRequested, this, &MainWindow::openSettings);
    connect(m_menus, &MainMenus::resetLayoutRequested, this, [this] {
        restoreState(m_defaultState);
        m_docks->applyDefaultSizes();
    });
    connect(m_menus, &MainMenus::shadeSentWindowToggled, this, [this](bool on) {
        m_context->settings().shadeSentWindow = on;
        m_editor->setShowSentWindow(on);
        m_saveSettings.start();
    });
    connect(m_menus, &MainMenus::showConfidenceToggled, this, [this](bool on) {
        m_context->settings().confidence.show = on;
        m_completion->setConfidence(m_context->settings().confidence);
        if (!on)
            m_editor->setSuggestionConfidence({});
        m_saveSettings.start();
    });
    connect(m_toolbar, &RequestToolbar::candidateCountChanged, this, [this](int n) {
        m_context->settings().candidateCount = n;
        m_completion->setCandidateCount(n);
        m_saveSettings.start();
    });
    connect(m_menus, &MainMenus::autoTriggerToggled, this, [this](bool on) {
        m_context->settings().autoTrigger = on;
        m_completion->setAutoTrigger(on);
        m_saveSettings.start();
    });
    connectServices();
    connectFiles();
    connectCompare();
    connectContext();
    connectStats();
    m_editor->viewport()->installEventFilter(this);
    setAcceptDrops(true);
    m_saveSettings.setSingleShot(true);
    m_saveSettings.setInterval(1000);
    connect(&m_saveSettings, &QTimer::timeout, this, [this] {
        QString error;
        if (!m_context->saveSettings(&error))
            showStatus(error, true);
    });
    // The first start (no saved geometry): most of the screen, so the editor and four panels have
    // room; never less than 1280 × 820 where the screen has it.
    QSize size(1280, 820);
    if (const QScreen *screen = this->screen()) {
        const QSize available = screen->availableGeometry().size();
        size = size.expandedTo(available * 0.8).boundedTo(available.expandedTo(size));
    }
    resize(size);
    m_defaultState = QMainWindow::saveState();
    applySettings();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The services outlive the window. Cut every connection from them to this window first, then
    // end the request in flight: nothing may reach a window whose parts are being destroyed.
    m_saveSettings.stop();
    if (m_startPending) // closed before its first paint: the services go on as started
        m_context->releaseActivation();
    m_editor->viewport()->removeEventFilter(this);
    for (QObject *service : std::initializer_list<QObject *>{m_context, m_context->client(), m_context->health(),
                                                             m_context->models(), m_context->secrets()})
        service->disconnect(this);
    delete m_comparePanel; // its run's replies end before the editor it inserts into goes
    m_comparePanel = nullptr;
    delete m_tracker; // the suggestion on screen is recorded (unused) while the editor is there
    m_tracker = nullptr;
    delete m_completion;
    m_completion = nullptr;
    delete m_files;
    m_files = nullptr;
    // The editor refers to m_repository, a member destroyed before the child widgets would be.
    delete centralWidget();
    m_editor = nullptr;
}

void MainWindow::connectServices()
{
    AppContext *ctx = m_context;
    connect(m_toolbar->completeAction(), &QAction::triggered, this, [this] { m_completion->trigger(); });
    connect(m_toolbar->stopAction(), &QAction::triggered, m_completion, &CompletionController::stop);
    connect(m_toolbar, &RequestToolbar::profileChosen, this, [this](const QString &name) {
        if (m_commandLineEndpoint && name == m_commandLineEndpoint->name) {
            m_context->useEndpoint(*m_commandLineEndpoint);
            return;
        }
        m_context->activateProfile(name);
        m_saveSettings.start();
    });
    connect(m_toolbar, &RequestToolbar::parametersChanged, this, [this](const FimRequest &r) {
        m_completion->setRequestTemplate(r);
        AppSettings &s = m_context->settings();
        s.request = r;
        // A profile remembers its own model and parameters (the command line's endpoint is no profile).
        const QString active = m_context->activeEndpoint().name;
        if (std::any_of(s.profiles.cbegin(), s.profiles.cend(), [&active](const Endpoint &e) { return e.name == active; }))
            s.profileRequests.insert(active, r);
        m_saveSettings.start();
    });
    connect(ctx, &AppContext::activeEndpointChanged, this, &MainWindow::onEndpointChanged);
    new EndpointPulse(ctx->client(), ctx->health(), ctx->models(), ctx->secrets(), this); // requests keep Health and Models current
    connect(ctx, &AppContext::problem, this, [this](const QString &message) { showStatus(message, true); });
    connect(ctx->health(), &HealthMonitor::reportChanged, this, [this, down = std::make_shared<bool>(false)](const HealthReport &r) {
        m_indicators->setHealth(statusHealthText(), r.detail);
        // Back after being down: the failure the status bar may still show is old news.
        if (*down && r.state == HealthReport::State::Ok)
            showStatus(tr("%1 answers again.").arg(m_context->activeEndpoint().name), false);
        *down = r.state == HealthReport::State::Down;
        QTimer::singleShot(0, m_docks, &DockLayout::fitHealth); // once the panel shows the new words
        m_notices->onHealth(r);
    });
    connect(m_notices, &EndpointNotices::statusMessage, this, &MainWindow::showStatus);
    connect(ctx->models(), &ModelsFetcher::fetched, this, [this](const ModelList &list) {
        m_toolbar->setModels(m_modelsPanel->modelIds());
        // Ollama needs a model: a newcomer gets the first one that can fill in the middle.
        const QString fim = list.firstFimModel();
        if (m_context->activeEndpoint().needsModel() && m_toolbar->parameters().model.isEmpty() && !fim.isEmpty())
            emit m_modelsPanel->modelChosen(fim);
    });
    connect(m_modelsPanel, &ModelsPanel::refreshRequested, this, [this] { m_context->useEndpoint(m_context->activeEndpoint()); });
    connect(m_modelsPanel, &ModelsPanel::modelChosen, this, [this](const QString &id) {
        FimRequest r = m_toolbar->parameters();
        r.model = id;
        m_toolbar->setParameters(r);
        showStatus(tr("Model %1 is used from the next request on.").arg(id), false);
    });
    auto *history = new HistoryActions(ctx, m_historyPanel, m_inspectorPanel, m_docks, this);
    connect(history, &HistoryActions::statusMessage, this, &MainWindow::showStatus);
    auto *resender = new ExchangeResender(ctx, this);
    connect(m_inspectorPanel, &InspectorPanel::resendRequested, resender, &ExchangeResender::resend);
    connect(resender, &ExchangeResender::statusMessage, this, &MainWindow::showStatus);
    connect(m_latencyPanel, &LatencyPanel::requestChosen, this, [this](quint64 id) {
        if (m_inspectorPanel->showExchangeWithId(id)) // a latency row opens its exchange
            m_docks->showInspector();
    });
    connect(m_completion, &CompletionController::errorOccurred, m_notices, &EndpointNotices::onCompletionError);
    auto *feedback = new CompletionFeedback(
        {ctx, m_completion, m_indicators, m_toolbar, m_inspectorPanel, m_editor, [this] { return m_files->filePath(); }}, this);
    connect(feedback, &CompletionFeedback::statusMessage, this, &MainWindow::showStatus);
    connect(m_indicators, &StatusIndicators::languageChosen, this, [this](const QString &id) { m_editor->setDefinitionByName(id); });
    connect(m_indicators, &StatusIndicators::themeChosen, this, [this](const QString &id) {
        m_editor->setThemeByName(id);
        m_context->settings().theme = id;
        m_saveSettings.start();
    });
}

void MainWindow::connectFiles()
{
    connect(m_files, &FileController::filePathChanged, this, [this] {
        updateTitle();
        m_indicators->setLanguage(m_editor->definitionName());
        m_indicators->setFormat(m_files->format(), !m_files->filePath().isEmpty() && !m_files->isNewFile());
    });
    connect(m_files, &FileController::formatChanged, this, [this](const TextFormat &format) {
        m_indicators->setFormat(format, !m_files->filePath().isEmpty() && !m_files->isNewFile());
        m_completion->setLineBreak(QString::fromLatin1(format.lineEndingBytes()));
    });
    connect(m_indicators, &StatusIndicators::encodingChosen, m_files, &FileController::setEncoding);
    connect(m_indicators, &StatusIndicators::lineEndingChosen, m_files, &FileController::setLineEnding);
    connect(m_indicators, &StatusIndicators::reopenWithEncodingRequested, m_files, &FileController::reopenWithEncoding);
    connect(m_files, &FileController::recentFilesChanged, m_menus, &MainMenus::setRecentFiles);
    connect(m_files, &FileController::errorOccurred, this, [this](const QString &m) { showStatus(m, true); });
    connect(m_files, &FileController::noticed, this, [this](const QString &m) { showStatus(m, false); });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &MainWindow::updateTitle);
    m_indicators->setFormat(m_files->format(), false);
}

void MainWindow::connectCompare()
{
    connect(m_comparePanel, &ComparePanel::variantsChanged, &m_saveSettings, qOverload<>(&QTimer::start));
    connect(m_comparePanel, &ComparePanel::exchangeRecorded, m_inspectorPanel, [this](const Endpoint &e, const Exchange &x) {
        m_inspectorPanel->setOrigin(x.id, m_comparePanel->originOf(x.id));
        m_inspectorPanel->showExchange(e, x);
    });
    if (HistoryRecorder *history = m_context->historyRecorder()) {
        connect(m_comparePanel, &ComparePanel::exchangeRecorded, history,
                [history](const Endpoint &e, const Exchange &x, const QString &shown) {
                    history->record(e, QStringLiteral("compare"), x, shown);
                });
    }
    auto *compare = new QAction(tr("Compare Variants at Cursor"), this);
    compare->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+Return")));
    compare->setShortcutContext(Qt::WindowShortcut);
    connect(compare, &QAction::triggered, this, [this] {
        m_docks->showCompare();
        m_comparePanel->run();
    });
    addAction(compare);
    m_menus->addCompletionAction(compare);
    // Suites run with the checked variants, so they live beside Compare.
    m_suites = new SuiteActions({m_context, m_editor, m_completion, m_comparePanel, m_inspectorPanel, this,
                                 [this] { return m_toolbar->parameters(); }, [this] { return m_files ? m_files->filePath() : QString(); }},
                                this);
    connect(m_suites, &SuiteActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_menus, &MainMenus::saveCaseRequested, m_suites, &SuiteActions::saveCursorAsCase);
    connect(m_menus, &MainMenus::runSuiteRequested, m_suites, &SuiteActions::runSuite);
    connect(m_menus, &MainMenus::runExampleSuiteRequested, m_suites, &SuiteActions::runExampleSuite);
    connect(m_menus, &MainMenus::suiteWindowRequested, m_suites, &SuiteActions::showDialog);
}

void MainWindow::onEndpointChanged(const Endpoint &e, bool hasSecret, const QString &secretError)
{
    updateTitle();
    refreshProfiles();
    // Switching profile switches the model and parameters to the ones it had.
    if (m_context->settings().profileRequests.contains(e.name))
        m_toolbar->setParameters(m_context->settings().requestFor(e.name));
    m_toolbar->setDefaultModel(e.defaultModel(), e.needsModel());
    m_notices->onEndpointChanged(e, hasSecret, secretError);
}

void MainWindow::applySettings()
{
    const AppSettings &s = m_context->settings();
    m_completion->setDebounce(s.debounceMs);
    m_completion->setAdaptiveDebounce(s.adaptiveDebounce, s.debounceMinMs, s.debounceMaxMs);
    m_completion->setPrefetch(s.prefetchNext);
    m_completion->setAutoTrigger(s.autoTrigger);
    m_completion->setCandidateCount(s.candidateCount);
    m_toolbar->setCandidateCount(s.candidateCount);
    m_editor->setShowSentWindow(s.shadeSentWindow);
    m_completion->setConfidence(s.confidence);
    m_menus->setShowConfidence(s.confidence.show);
    m_completion->setContextLimits(s.limits);
    m_context->client()->setTimeouts(s.timeouts);
    m_context->health()->setInterval(s.healthIntervalMs);
    QFont font = m_editor->font();
    if (!s.fontFamily.isEmpty())
        font.setFamily(s.fontFamily);
    if (s.fontSize > 0)
        font.setPointSize(s.fontSize);
    m_editor->setFont(font);
    setEditorTheme(s.theme);
    m_toolbar->setParameters(s.request);
    refreshProfiles();
    m_menus->setRecentFiles(s.recentFiles);
}

void MainWindow::refreshProfiles()
{
    QStringList names;
    for (const Endpoint &e : std::as_const(m_context->settings().profiles))
        names << e.name;
    if (m_commandLineEndpoint) // selectable for the whole session
        names << m_commandLineEndpoint->name;
    // The toolbar names the endpoint in use: a profile, or the command line's.
    const QString active = m_context->activeEndpoint().name.isEmpty() ? m_context->settings().activeProfile
                                                                      : m_context->activeEndpoint().name;
    m_toolbar->setProfiles(names, active);
}

void MainWindow::start(const PlaygroundOptions &options)
{
    const AppSettings &s = m_context->settings();
    if (!s.windowGeometry.isEmpty())
        restoreGeometry(s.windowGeometry);
    if (!s.windowState.isEmpty())
        restoreState(s.windowState);
    m_docks->restoreSplitters(s.latencySplit, s.inspectorSplit);
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "window start"));

    // The endpoint is chosen now (title, toolbar, its secret read); its health checks and model
    // list start after the first paint, with the look for local servers.
    m_context->holdActivation();
    m_startPending = true;
    QTimer::singleShot(0, this, [this] {
        if (!isVisible() || m_firstPainted) // not shown (yet): nothing to wait for
            finishStart();
    });
    QTimer::singleShot(1000, this, &MainWindow::finishStart); // shown but never painted (minimised)

    bool loaded = false;
    if (!options.file.isEmpty()) {
        QString error;
        loaded = m_files->open(options.file, &error, true);
        if (!loaded)
            showStatus(error, true);
    }
    if (!loaded && options.file.isEmpty()) {
        QString problem;
        loaded = m_files->restoreSession(&problem);
        if (!problem.isEmpty()) {
            showStatus(problem, true);
            m_notice->notify(QStringLiteral("restore"), problem.toHtmlEscaped());
        }
    }
    if (!loaded) {
        const QList<Sample> samples = builtInSamples();
        if (!samples.isEmpty())
            m_files->replaceWith(samples.first().text, samples.first().cursor, samples.first().fileName);
    }
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "session restore (file, language)"));
    if (options.line) {
        QTextCursor c(m_editor->document()->findBlockByNumber(*options.line - 1));
        c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                       std::min(*options.column - 1, c.block().length() - 1));
        m_editor->setTextCursor(c);
    }
    if (!options.model.isEmpty()) {
        FimRequest r = m_toolbar->parameters();
        r.model = options.model;
        m_toolbar->setParameters(r);
    }
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "window start"));
    if (!options.endpointUrl.isEmpty() || !options.kind.isEmpty()) {
        Endpoint e = m_context->settings().activeEndpoint() ? *m_context->settings().activeEndpoint() : Endpoint{};
        e.name = tr("Command line");
        if (!options.endpointUrl.isEmpty())
            e.baseUrl = QUrl(options.endpointUrl);
        if (!options.kind.isEmpty())
            e.kind = endpointKindFromName(options.kind).value_or(e.kind);
        if (e.kind == EndpointKind::Replay && options.endpointUrl.isEmpty())
            e.baseUrl = Endpoint::defaultUrl(EndpointKind::Replay); // --kind replay alone
        m_commandLineEndpoint = e;
        m_context->useEndpoint(e);
    } else {
        m_context->activateProfile(m_context->settings().activeProfile);
    }
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "endpoint activation (keychain)"));
    updateTitle(); // the endpoint's name, in the first frame
    refreshProfiles();
    m_toolbar->setDefaultModel(m_context->activeEndpoint().defaultModel(), m_context->activeEndpoint().needsModel());
    m_editor->setFocus();
}

void MainWindow::finishStart()
{
    if (!m_startPending)
        return;
    m_startPending = false;
    m_docks->attachPanels(); // the tabs behind Latency, laid out after the first frame
    m_started = true;
    m_context->releaseActivation();
    m_localServers->start();
}

void MainWindow::loadText(const QString &text, int cursorPosition, const QString &fileNameForLanguage)
{
    m_editor->document()->setModified(false);
    m_files->replaceWith(text, cursorPosition, fileNameForLanguage);
    m_indicators->setLanguage(m_editor->definitionName());
}

void MainWindow::setEditorTheme(const QString &name)
{
    m_indicators->setTheme(name);
    m_editor->setThemeByName(m_indicators->theme());
}

void MainWindow::openSettings()
{
    QStringList themes;
    for (const KSyntaxHighlighting::Theme &t : m_repository->themes())
        themes << t.name();
    SettingsDialog dialog(m_context, themes, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_context->settings() = dialog.settings();
    QString error;
    if (!m_context->saveSettings(&error))
        showStatus(error, true);
    applySettings();
    // The command line's endpoint stays in use when it was (and in the list when it was not).
    if (m_commandLineEndpoint && m_context->activeEndpoint().name == m_commandLineEndpoint->name)
        m_context->useEndpoint(*m_commandLineEndpoint);
    else
        m_context->activateProfile(m_context->settings().activeProfile);
}

QString MainWindow::statusHealthText() const
{
    const HealthReport &r = m_context->health()->last();
    return QStringLiteral("<span style=\"color:%1\">●</span> %2")
        .arg(HealthPanel::stateColor(r.state).name(), HealthPanel::stateText(r.state));
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_files->displayName() + QStringLiteral("[*] — ") + m_context->activeEndpoint().name);
    setWindowModified(m_editor->document()->isModified());
}

void MainWindow::showStatus(const QString &text, bool isError)
{
    if (text.isEmpty()) {
        statusBar()->clearMessage();
        return;
    }
    statusBar()->showMessage(isError ? tr("⚠ %1").arg(text) : text, isError ? 0 : 8000);
}

void MainWindow::saveState()
{
    AppSettings &s = m_context->settings();
    s.windowGeometry = saveGeometry();
    s.windowState = QMainWindow::saveState();
    s.latencySplit = m_docks->latencySplitter();
    s.inspectorSplit = m_docks->inspectorSplitter();
    m_context->saveSettings();
    m_files->saveSessionNow();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    m_docks->windowShown(!m_context->settings().windowState.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Whatever is asked ends now, not behind the "Save them?" question (the server's slot is
    // freed; a quit cancelled asks again with the next keystroke). A suggestion on screen was not
    // acted on: unused, not dismissed.
    m_completion->stopUnused();
    bool discarded = false;
    if (!m_files->maybeSave(&discarded)) {
        event->ignore();
        return;
    }
    if (discarded)
        m_files->discardForSession(); // Discard means gone, at the next start too
    m_completion->stop();
    saveState();
    event->accept();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor->viewport() && event->type() == QEvent::Paint && !m_firstPainted) {
        m_firstPainted = true;
        if (m_startPending) // once this frame is on the screen
            QTimer::singleShot(0, this, &MainWindow::finishStart);
    }
    // Files dropped on the editor are opened, not pasted as URLs.
    if (watched == m_editor->viewport() && (event->type() == QEvent::DragEnter || event->type() == QEvent::Drop)) {
        auto *drop = static_cast<QDropEvent *>(event);
        if (drop->mimeData()->hasUrls() && drop->mimeData()->urls().constFirst().isLocalFile()) {
            drop->acceptProposedAction();
            if (event->type() == QEvent::Drop)
                m_files->openWithPrompt(drop->mimeData()->urls().constFirst().toLocalFile());
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}
