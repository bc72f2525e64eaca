// MainWindow's part that ties the Context panel and its collector to the editor, the files, the
// requests and the menus (kept apart from mainwindow.cpp, which wires everything else).
#include "window/mainwindow.h"

#include "completion/cachewarmer.h"
#include "context/appcontext.h"
#include "latency/latencymodel.h"
#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "net/healthmonitor.h"
#include "panels/contextpanel.h"
#include "window/contextcollector.h"
#include "window/docklayout.h"
#include "window/filecontroller.h"
#include "window/mainmenus.h"
#include "window/requesttoolbar.h"

#include <KSyntaxHighlighting/Definition>

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QTextBlock>

void MainWindow::connectContext()
{
    m_contextCollector = new ContextCollector(m_editor, m_contextPanel, this);
    ContextCollector *cc = m_contextCollector;
    const auto fileChanged = [this, cc] {
        QStringList suffixes;
        for (const QString &pattern : m_repository->definitionForName(m_editor->definitionName()).extensions())
            if (pattern.startsWith(u"*.") && pattern.indexOf(u'*', 2) < 0)
                suffixes.append(pattern.mid(2));
        cc->setFile(m_files->filePath(), suffixes);
    };
    connect(m_files, &FileController::filePathChanged, cc, fileChanged);
    connect(m_files, &FileController::saved, cc, &ContextCollector::fileSaved);
    connect(m_completion, &CompletionController::requestStarted, cc, &ContextCollector::requestSent);
    fileChanged();
    connect(m_editor, &CodeEditor::definitionChanged, cc, fileChanged);
    m_completion->setRequestDecorator([this, cc](const FimContext &context, FimRequest &request, std::optional<ContextScope> scope,
                                                 bool quiet) {
        request.extra = cc->select(context, scope, quiet).chunks();
        request.fileName = cc->fileName();
        request.commentMarker = m_repository->definitionForName(m_editor->definitionName()).singleLineCommentMarker();
    });
    const auto parameters = [this, cc] {
        const FimRequest r = m_toolbar->parameters();
        cc->setEndpoint(m_context->activeEndpoint(), r.model);
        cc->setMaxTokens(r.maxTokens.value_or(FimRequest::DefaultMaxTokens));
    };
    connect(m_context, &AppContext::activeEndpointChanged, cc, parameters);
    // The budget is the profile's: switching profile switches it; the panel's change is saved.
    const auto profileBudget = [this, cc] {
        ContextChoice choice = cc->choice();
        choice.budgetTokens = m_context->settings().contextBudgetFor(m_context->activeEndpoint().name);
        cc->setChoice(choice);
    };
    connect(m_context, &AppContext::activeEndpointChanged, cc, profileBudget);
    profileBudget();
    connect(m_contextPanel, &ContextPanel::choiceChanged, this, [this](const ContextChoice &choice) {
        const QString profile = m_context->activeEndpoint().name;
        if (m_context->settings().contextBudgetFor(profile) == choice.budgetTokens)
            return;
        m_context->settings().contextBudgets.insert(profile, choice.budgetTokens);
        m_saveSettings.start();
    });
    connect(m_toolbar, &RequestToolbar::parametersChanged, cc, parameters);
    parameters();
    auto *warmer = new CacheWarmer(m_context->network(), m_context->client(), this);
    connect(warmer, &CacheWarmer::timingRecorded, this, [this](const RequestTiming &t) { m_context->latency()->append(t); });
    cc->enableWarming(m_completion, warmer);
    connect(m_context->health(), &HealthMonitor::reportChanged, cc, [cc](const HealthReport &r) { cc->setServerContext(r.contextTokens); });

    const auto startDir = [this] { return m_files->filePath().isEmpty() ? QDir::homePath() : QFileInfo(m_files->filePath()).path(); };
    const auto pinFiles = [this, cc, startDir] {
        for (const QString &path : QFileDialog::getOpenFileNames(this, tr("Pin Files as Context"), startDir()))
            cc->pin(path);
        m_docks->showContext();
    };
    const auto pinFolder = [this, cc, startDir] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Pin a Folder as Context"), startDir());
        if (!dir.isEmpty())
            cc->pin(dir);
        m_docks->showContext();
    };
    connect(m_menus, &MainMenus::pinFileRequested, this, pinFiles);
    connect(m_contextPanel, &ContextPanel::pinFileRequested, this, pinFiles);
    connect(m_menus, &MainMenus::pinFolderRequested, this, pinFolder);
    connect(m_contextPanel, &ContextPanel::pinFolderRequested, this, pinFolder);
    connect(cc, &ContextCollector::openRequested, this, [this](const QString &path, int line) {
        if (path != m_files->filePath() && !m_files->openWithPrompt(path))
            return;
        const QTextBlock block = m_editor->document()->findBlockByNumber(std::max(0, line - 1));
        if (!block.isValid())
            return;
        QTextCursor cursor(block);
        m_editor->setTextCursor(cursor);
        m_editor->centerCursor();
        m_editor->setFocus();
    });
}
