#include "mainwindow.h"

#include "appcontext.h"
#include "codeeditor.h"
#include "commandline.h"
#include "completioncontroller.h"
#include "filecontroller.h"
#include "healthpanel.h"
#include "inspectorpanel.h"
#include "latencypanel.h"
#include "modelspanel.h"
#include "requesttoolbar.h"
#include "samples.h"
#include "settingsdialog.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTextBlock>

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_editor(new CodeEditor(&m_repository, this))
{
    setCentralWidget(m_editor);
    m_completion = new CompletionController(m_editor, context->client(), this);
    m_files = new FileController(m_editor, context, this);
    m_toolbar = new RequestToolbar(this);
    addToolBar(m_toolbar);

    m_latencyPanel = new LatencyPanel(context->latency(), this);
    m_healthPanel = new HealthPanel(context->health(), this);
    m_modelsPanel = new ModelsPanel(context->models(), this);
    m_inspectorPanel = new InspectorPanel(this);
    addPanel(m_latencyPanel, tr("Latency"), QStringLiteral("latencyDock"), Qt::BottomDockWidgetArea);
    QDockWidget *inspector = addPanel(m_inspectorPanel, tr("Request inspector"), QStringLiteral("inspectorDock"),
                                      Qt::BottomDockWidgetArea);
    QDockWidget *health = addPanel(m_healthPanel, tr("Health"), QStringLiteral("healthDock"), Qt::RightDockWidgetArea);
    QDockWidget *models = addPanel(m_modelsPanel, tr("Models"), QStringLiteral("modelsDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("latencyDock")), inspector);
    findChild<QDockWidget *>(QStringLiteral("latencyDock"))->raise();
    resizeDocks({inspector}, {250}, Qt::Vertical);
    resizeDocks({health}, {320}, Qt::Horizontal);
    resizeDocks({health, models}, {320, 160}, Qt::Vertical);

    m_health = new QLabel(this);
    m_requestState = new QLabel(this);
    m_lastLatency = new QLabel(this);
    m_language = new QComboBox(this);
    m_language->setToolTip(tr("Language used for highlighting"));
    m_theme = new QComboBox(this);
    m_theme->setToolTip(tr("Colour theme"));
    statusBar()->addPermanentWidget(m_requestState);
    statusBar()->addPermanentWidget(m_lastLatency);
    statusBar()->addPermanentWidget(m_health);
    statusBar()->addPermanentWidget(m_language);
    statusBar()->addPermanentWidget(m_theme);
    fillLanguages();
    fillThemes();

    createMenus();
    connectServices();
    m_editor->viewport()->installEventFilter(this);
    setAcceptDrops(true);
    m_saveSettings.setSingleShot(true);
    m_saveSettings.setInterval(1000);
    connect(&m_saveSettings, &QTimer::timeout, this, [this] {
        QString error;
        if (!m_context->saveSettings(&error))
            showStatus(error, true);
    });
    resize(1280, 820);
    m_defaultState = QMainWindow::saveState();
    applySettings();
    updateTitle();
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, m_files, &FileController::newFile);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] { m_files->openWithPrompt(); });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("&Save"), QKeySequence::Save, m_files, &FileController::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, m_files, &FileController::saveAs);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Undo"), QKeySequence::Undo, m_editor, &QPlainTextEdit::undo);
    edit->addAction(tr("&Redo"), QKeySequence::Redo, m_editor, &QPlainTextEdit::redo);
    edit->addSeparator();
    edit->addAction(tr("Cu&t"), QKeySequence::Cut, m_editor, &QPlainTextEdit::cut);
    edit->addAction(tr("&Copy"), QKeySequence::Copy, m_editor, &QPlainTextEdit::copy);
    edit->addAction(tr("&Paste"), QKeySequence::Paste, m_editor, &QPlainTextEdit::paste);
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, m_editor, &QPlainTextEdit::selectAll);
    edit->addSeparator();
    edit->addAction(tr("Settings…"), QKeySequence::Preferences, this, &MainWindow::openSettings);

    // The editor itself handles these keys; the menu names them and offers them to the mouse.
    QMenu *completion = menuBar()->addMenu(tr("&Completion"));
    completion->addAction(tr("Complete at Cursor\tCtrl+Space"), m_completion, &CompletionController::trigger);
    QAction *autoTrigger = completion->addAction(tr("Complete While Typing"));
    autoTrigger->setCheckable(true);
    autoTrigger->setChecked(m_context->settings().autoTrigger);
    connect(autoTrigger, &QAction::toggled, this, [this](bool on) {
        m_context->settings().autoTrigger = on;
        m_completion->setAutoTrigger(on);
        m_saveSettings.start();
    });
    completion->addSeparator();
    completion->addAction(tr("Accept Suggestion\tTab"), m_editor, &CodeEditor::acceptSuggestion);
    completion->addAction(tr("Accept Line\tShift+Tab"), m_editor, &CodeEditor::acceptSuggestionLine);
    completion->addAction(tr("Accept Word\tCtrl+Right"), m_editor, &CodeEditor::acceptSuggestionWord);
    completion->addAction(tr("Dismiss\tEsc"), m_editor, &CodeEditor::clearSuggestion);

    QMenu *samples = menuBar()->addMenu(tr("&Samples"));
    for (const Sample &sample : builtInSamples()) {
        samples->addAction(sample.title, this, [this, sample] {
            m_files->replaceWith(sample.text, sample.cursor, sample.fileName);
            m_editor->setFocus();
        });
    }

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addAction(m_toolbar->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("Reset Layout"), this, [this] { restoreState(m_defaultState); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About FIM Playground"), this, [this] {
        QMessageBox::about(this, tr("About FIM Playground"),
                           tr("<h3>FIM Playground %1</h3><p>Try fill-in-the-middle code completion against the "
                              "Cloudflare Worker proxy or Codestral, and watch latency, health and models.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::connectServices()
{
    AppContext *ctx = m_context;
    connect(m_toolbar->completeAction(), &QAction::triggered, m_completion, &CompletionController::trigger);
    connect(m_toolbar, &RequestToolbar::profileChosen, this, [this](const QString &name) {
        m_context->activateProfile(name);
        m_saveSettings.start();
    });
    connect(m_toolbar, &RequestToolbar::parametersChanged, this, [this](const FimRequest &r) {
        m_completion->setRequestTemplate(r);
        m_context->settings().request = r;
        m_saveSettings.start();
    });
    connect(ctx, &AppContext::activeEndpointChanged, this, [this](const Endpoint &e, bool hasSecret, const QString &why) {
        updateTitle();
        if (!why.isEmpty())
            showStatus(why, true);
        else if (e.requiresSecret() && !hasSecret)
            showStatus(tr("No API key for %1: set %2, or add it in Settings ▸ Endpoints.")
                           .arg(e.name, e.secretEnvironmentVariable()),
                       true);
        else
            showStatus(tr("Using %1 (%2).").arg(e.name, e.baseUrl.toString()), false);
    });
    connect(ctx, &AppContext::problem, this, [this](const QString &message) { showStatus(message, true); });
    connect(ctx->health(), &HealthMonitor::reportChanged, this, [this](const HealthReport &) {
        m_health->setText(statusHealthText());
        m_health->setToolTip(m_context->health()->last().detail);
    });
    connect(ctx->models(), &ModelsFetcher::fetched, this, [this] { m_toolbar->setModels(m_modelsPanel->modelIds()); });
    connect(m_modelsPanel, &ModelsPanel::refreshRequested, this, [this] { m_context->useEndpoint(m_context->activeEndpoint()); });
    connect(m_modelsPanel, &ModelsPanel::modelChosen, this, [this](const QString &id) {
        FimRequest r = m_toolbar->parameters();
        r.model = id;
        m_toolbar->setParameters(r);
        showStatus(tr("Model %1 is used from the next request on.").arg(id), false);
    });
    connect(ctx, &AppContext::exchangeRecorded, this,
            [this](const Exchange &x) { m_inspectorPanel->showExchange(m_context->activeEndpoint(), x); });
    connect(m_completion, &CompletionController::requestStarted, this, [this] {
        m_requestState->setText(tr("⏳ asking %1…").arg(m_context->activeEndpoint().baseUrl.host()));
    });
    connect(m_completion, &CompletionController::requestEnded, this, [this] { m_requestState->clear(); });
    connect(m_completion, &CompletionController::servedFromCache, this, [this](const RequestTiming &t) {
        m_context->latency()->append(t);
        m_lastLatency->setText(tr("cached"));
    });
    connect(m_completion, &CompletionController::errorOccurred, this, [this](const FimError &e) { showStatus(e.message, true); });
    connect(m_completion, &CompletionController::noSuggestion, this,
            [this] { showStatus(tr("The model suggested nothing at this position."), false); });
    connect(ctx->client(), &FimClient::finished, this, [this](quint64, const CompletionResult &r) {
        m_lastLatency->setText(tr("last %1 ms").arg(qRound(r.timing.totalMs)));
        statusBar()->clearMessage();
    });
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { m_editor->setDefinitionByName(m_language->currentData().toString()); });
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        m_editor->setThemeByName(m_theme->currentData().toString());
        m_context->settings().theme = m_theme->currentData().toString();
        m_saveSettings.start();
    });
    connect(m_files, &FileController::filePathChanged, this, [this] {
        updateTitle();
        const QSignalBlocker blocker(m_language);
        m_language->setCurrentIndex(std::max(0, m_language->findData(m_editor->definitionName())));
    });
    connect(m_files, &FileController::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    connect(m_files, &FileController::errorOccurred, this, [this](const QString &m) { showStatus(m, true); });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &MainWindow::updateTitle);
}

void MainWindow::applySettings()
{
    const AppSettings &s = m_context->settings();
    m_completion->setDebounce(s.debounceMs);
    m_completion->setAutoTrigger(s.autoTrigger);
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
    updateRecentMenu();
}

void MainWindow::refreshProfiles()
{
    QStringList names;
    for (const Endpoint &e : std::as_const(m_context->settings().profiles))
        names << e.name;
    m_toolbar->setProfiles(names, m_context->settings().activeProfile);
}

void MainWindow::start(const PlaygroundOptions &options)
{
    const AppSettings &s = m_context->settings();
    if (!s.windowGeometry.isEmpty())
        restoreGeometry(s.windowGeometry);
    if (!s.windowState.isEmpty())
        restoreState(s.windowState);

    bool loaded = false;
    if (!options.file.isEmpty()) {
        QString error;
        loaded = m_files->open(options.file, &error);
        if (!loaded)
            showStatus(error, true);
    }
    if (!loaded)
        loaded = m_files->restoreSession();
    if (!loaded) {
        const QList<Sample> samples = builtInSamples();
        if (!samples.isEmpty())
            m_files->replaceWith(samples.first().text, samples.first().cursor, samples.first().fileName);
    }
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
    if (!options.endpointUrl.isEmpty() || !options.kind.isEmpty()) {
        Endpoint e = m_context->settings().activeEndpoint() ? *m_context->settings().activeEndpoint() : Endpoint{};
        e.name = tr("Command line");
        if (!options.endpointUrl.isEmpty())
            e.baseUrl = QUrl(options.endpointUrl);
        if (!options.kind.isEmpty())
            e.kind = endpointKindFromName(options.kind).value_or(e.kind);
        m_context->useEndpoint(e);
    } else {
        m_context->activateProfile(m_context->settings().activeProfile);
    }
    m_editor->setFocus();
}

void MainWindow::loadText(const QString &text, int cursorPosition, const QString &fileNameForLanguage)
{
    m_editor->document()->setModified(false);
    m_files->replaceWith(text, cursorPosition, fileNameForLanguage);
    const QSignalBlocker blocker(m_language);
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_editor->definitionName())));
}

void MainWindow::setEditorTheme(const QString &name)
{
    const int index = m_theme->findData(name);
    const QSignalBlocker blocker(m_theme);
    m_theme->setCurrentIndex(index >= 0 ? index : 0);
    m_editor->setThemeByName(index >= 0 ? name : QString());
}

void MainWindow::openSettings()
{
    QStringList themes;
    for (const KSyntaxHighlighting::Theme &t : m_repository.themes())
        themes << t.name();
    SettingsDialog dialog(m_context, themes, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_context->settings() = dialog.settings();
    QString error;
    if (!m_context->saveSettings(&error))
        showStatus(error, true);
    applySettings();
    m_context->activateProfile(m_context->settings().activeProfile);
}

QString MainWindow::statusHealthText() const
{
    const HealthReport &r = m_context->health()->last();
    return QStringLiteral("<span style=\"color:%1\">●</span> %2")
        .arg(HealthPanel::stateColor(r.state).name(), HealthPanel::stateText(r.state));
}

void MainWindow::fillLanguages()
{
    const QSignalBlocker blocker(m_language);
    m_language->addItem(tr("Plain text"), QStringLiteral("None"));
    for (const KSyntaxHighlighting::Definition &d : m_repository.definitions()) {
        if (d.isHidden() || d.section() == u"Other")
            continue;
        m_language->addItem(d.translatedName(), d.name());
    }
}

void MainWindow::fillThemes()
{
    const QSignalBlocker blocker(m_theme);
    m_theme->addItem(tr("Follow system (light/dark)"), QString());
    for (const KSyntaxHighlighting::Theme &t : m_repository.themes())
        m_theme->addItem(t.translatedName(), t.name());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : std::as_const(m_context->settings().recentFiles))
        m_recentMenu->addAction(path, this, [this, path] { m_files->openWithPrompt(path); });
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_files->displayName() + QStringLiteral("[*] — ") + m_context->activeEndpoint().name);
    setWindowModified(m_editor->document()->isModified());
}

void MainWindow::showStatus(const QString &text, bool isError)
{
    statusBar()->showMessage(isError ? tr("⚠ %1").arg(text) : text, isError ? 0 : 8000);
}

void MainWindow::saveState()
{
    AppSettings &s = m_context->settings();
    s.windowGeometry = saveGeometry();
    s.windowState = QMainWindow::saveState();
    m_context->saveSettings();
    m_files->saveSessionNow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    saveState();
    event->accept();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
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
