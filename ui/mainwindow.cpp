#include "mainwindow.h"

#include "codeeditor.h"
#include "completioncontroller.h"
#include "fimclient.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <QComboBox>
#include <QLabel>
#include <QStatusBar>
#include <QTextBlock>

namespace {
const QString SeedSample = QStringLiteral("def calculate_sum(a, b):\n    \n\nresult = calculate_sum(5, 3)\nprint(result)\n");
constexpr int SeedSampleHole = 29; // after "def calculate_sum(a, b):\n    "
} // namespace

MainWindow::MainWindow(FimClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_editor(new CodeEditor(&m_repository, this))
{
    setCentralWidget(m_editor);
    m_completion = new CompletionController(m_editor, client, this);

    m_requestState = new QLabel(this);
    m_language = new QComboBox(this);
    m_language->setToolTip(tr("Language used for highlighting"));
    m_theme = new QComboBox(this);
    m_theme->setToolTip(tr("Colour theme"));
    statusBar()->addPermanentWidget(m_requestState);
    statusBar()->addPermanentWidget(m_language);
    statusBar()->addPermanentWidget(m_theme);
    fillLanguages();
    fillThemes();

    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        m_editor->setDefinitionByName(m_language->currentData().toString());
    });
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        m_editor->setThemeByName(m_theme->currentData().toString());
    });
    connect(m_completion, &CompletionController::requestStarted, this, [this] {
        m_requestState->setText(tr("Asking %1…").arg(m_client->endpoint().baseUrl.host()));
    });
    connect(m_completion, &CompletionController::requestEnded, this, [this] { m_requestState->clear(); });
    connect(m_completion, &CompletionController::errorOccurred, this,
            [this](const FimError &e) { showStatus(e.message, true); });
    connect(m_completion, &CompletionController::noSuggestion, this,
            [this] { showStatus(tr("No suggestion at this position."), false); });
    connect(m_client, &FimClient::finished, this, [this](quint64, const CompletionResult &r) {
        showStatus(tr("%1 ms, %2 characters").arg(qRound(r.timing.totalMs)).arg(r.text.size()), false);
    });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &MainWindow::updateTitle);

    loadText(SeedSample, SeedSampleHole, QStringLiteral("sample.py"));
    updateTitle();
    resize(1100, 720);
}

MainWindow::~MainWindow() = default;

void MainWindow::loadText(const QString &text, int cursorPosition, const QString &fileNameForLanguage)
{
    m_editor->setDefinitionForFileName(fileNameForLanguage);
    m_editor->setPlainText(text);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(std::clamp(cursorPosition, 0, int(text.size())));
    m_editor->setTextCursor(cursor);
    m_editor->document()->setModified(false);
    const int index = m_language->findData(m_editor->definitionName());
    if (index >= 0) {
        const QSignalBlocker blocker(m_language);
        m_language->setCurrentIndex(index);
    }
}

void MainWindow::setEditorTheme(const QString &name)
{
    const int index = m_theme->findData(name);
    m_theme->setCurrentIndex(index >= 0 ? index : 0);
    m_editor->setThemeByName(index >= 0 ? name : QString());
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

void MainWindow::showStatus(const QString &text, bool isError)
{
    statusBar()->showMessage(isError ? tr("Error: %1").arg(text) : text, isError ? 0 : 8000);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("Untitled") + QStringLiteral("[*]"));
    setWindowModified(m_editor->document()->isModified());
}
