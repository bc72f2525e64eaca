#include "window/mainmenus.h"

#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "window/filecontroller.h"
#include "window/focuscycler.h"
#include "window/requesttoolbar.h"
#include "window/samples.h"
#include "window/shortcutsdialog.h"

#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QTextEdit>
#include <QMenuBar>
#include <QMessageBox>

namespace {

// A standard key, or the usual binding where the platform defines none for it. Where the
// platform has the usual one among others, it comes first: it is the one the menu shows and the
// README and Help ▸ Keyboard Shortcuts name (Redo is Ctrl+Shift+Z, not Ctrl+Y).
QList<QKeySequence> keys(QKeySequence::StandardKey standard, const char *fallback)
{
    QList<QKeySequence> bound = QKeySequence::keyBindings(standard);
    const QKeySequence usual(QString::fromLatin1(fallback));
    if (bound.removeAll(usual) > 0 || bound.isEmpty())
        bound.prepend(usual);
    return bound;
}

QAction *withKeys(QAction *action, const QList<QKeySequence> &shortcuts)
{
    action->setShortcuts(shortcuts);
    return action;
}

} // namespace

MainMenus::MainMenus(const MainMenuParts &parts)
    : QObject(parts.window)
    , m_files(parts.files)
{
    QMainWindow *window = parts.window;
    CodeEditor *editor = parts.editor;
    CompletionController *completion = parts.completion;
    FileController *files = parts.files;
    QMenuBar *bar = window->menuBar();

    QMenu *file = bar->addMenu(tr("&File"));
    withKeys(file->addAction(tr("&New"), files, &FileController::newFile), keys(QKeySequence::New, "Ctrl+N"));
    withKeys(file->addAction(tr("&Open…"), files, [files] { files->openWithPrompt(); }), keys(QKeySequence::Open, "Ctrl+O"));
    m_recent = file->addMenu(tr("Open &Recent"));
    withKeys(file->addAction(tr("&Save"), files, &FileController::save), keys(QKeySequence::Save, "Ctrl+S"));
    withKeys(file->addAction(tr("Save &As…"), files, &FileController::saveAs), keys(QKeySequence::SaveAs, "Ctrl+Shift+S"));
    file->addSeparator();
    file->addAction(tr("&Pin File as Context…"), this, &MainMenus::pinFileRequested);
    file->addAction(tr("Pin Fol&der as Context…"), this, &MainMenus::pinFolderRequested);
    file->addSeparator();
    file->addAction(tr("Run S&uite…"), this, &MainMenus::runSuiteRequested);
    file->addAction(tr("Run the E&xample Suite (the Four Samples)"), this, &MainMenus::runExampleSuiteRequested);
    file->addAction(tr("Prompt Suite &Window (Batch Jobs)"), this, &MainMenus::suiteWindowRequested);
    file->addSeparator();
    withKeys(file->addAction(tr("&Quit"), window, &QWidget::close), keys(QKeySequence::Quit, "Ctrl+Q"));

    QMenu *edit = bar->addMenu(tr("&Edit"));
    // The focused text field's own (the inspector's prompt, a panel's line edit), else the editor's:
    // the window's shortcuts must not take Ctrl+C from whatever text has the keyboard.
    const auto onFocus = [editor](const char *slot) {
        return [editor, slot] {
            QWidget *focus = QApplication::focusWidget();
            if (focus && focus != editor && (qobject_cast<QTextEdit *>(focus) || qobject_cast<QPlainTextEdit *>(focus) || qobject_cast<QLineEdit *>(focus))
                && QMetaObject::invokeMethod(focus, slot))
                return;
            QMetaObject::invokeMethod(editor, slot);
        };
    };
    withKeys(edit->addAction(tr("&Undo"), editor, onFocus("undo")), keys(QKeySequence::Undo, "Ctrl+Z"));
    withKeys(edit->addAction(tr("&Redo"), editor, onFocus("redo")), keys(QKeySequence::Redo, "Ctrl+Shift+Z"));
    edit->addSeparator();
    withKeys(edit->addAction(tr("Cu&t"), editor, onFocus("cut")), keys(QKeySequence::Cut, "Ctrl+X"));
    withKeys(edit->addAction(tr("&Copy"), editor, onFocus("copy")), keys(QKeySequence::Copy, "Ctrl+C"));
    withKeys(edit->addAction(tr("&Paste"), editor, onFocus("paste")), keys(QKeySequence::Paste, "Ctrl+V"));
    withKeys(edit->addAction(tr("Select &All"), editor, onFocus("selectAll")), keys(QKeySequence::SelectAll, "Ctrl+A"));
    edit->addSeparator();
    withKeys(edit->addAction(tr("Settings…"), this, &MainMenus::settingsRequested), keys(QKeySequence::Preferences, "Ctrl+,"));

    // The editor itself handles these keys; the menu names them and offers them to the mouse.
    QMenu *menu = bar->addMenu(tr("&Completion"));
    m_completion = menu;
    menu->addAction(tr("Complete at Cursor\tCtrl+Space"), completion, [completion] { completion->trigger(); });
    menu->addAction(tr("Complete Again, Skipping the Cache\tCtrl+Shift+Space"), completion,
                    [completion] { completion->trigger(true); });
    QAction *stop = menu->addAction(tr("Stop Request\tEsc"), completion, &CompletionController::stop);
    stop->setEnabled(false);
    connect(completion, &CompletionController::requestStarted, stop, [stop] { stop->setEnabled(true); });
    connect(completion, &CompletionController::requestEnded, stop,
            [stop, completion] { stop->setEnabled(completion->isRequestInFlight()); });
    QAction *autoTrigger = menu->addAction(tr("Complete While Typing"));
    autoTrigger->setCheckable(true);
    autoTrigger->setChecked(parts.autoTrigger);
    connect(autoTrigger, &QAction::toggled, this, &MainMenus::autoTriggerToggled);
    menu->addSeparator();
    menu->addAction(tr("Accept Suggestion\tTab"), editor, &CodeEditor::acceptSuggestion);
    menu->addAction(tr("Accept Line\tShift+Tab"), editor, &CodeEditor::acceptSuggestionLine);
    menu->addAction(tr("Accept Word\tCtrl+Right"), editor, &CodeEditor::acceptSuggestionWord);
    menu->addAction(tr("Dismiss\tEsc"), completion, &CompletionController::stop);
    menu->addSeparator();
    menu->addAction(tr("Ask for Candidates\tAlt+Space"), completion,
                    [completion, toolbar = parts.toolbar] { completion->triggerCandidates(toolbar->candidateCount()); });
    menu->addAction(tr("Next Candidate\tAlt+]"), completion, [completion] { completion->cycleCandidate(1); });
    menu->addAction(tr("Previous Candidate\tAlt+["), completion, [completion] { completion->cycleCandidate(-1); });
    menu->addSeparator();
    menu->addAction(tr("Save Cursor as Case…"), this, &MainMenus::saveCaseRequested);
    // Off for this session only: to see what a rule does to the answers.
    QMenu *cleaning = menu->addMenu(tr("Cleaning Rules (This Session)"));
    cleaning->setObjectName(QStringLiteral("cleaningMenu"));
    cleaning->setToolTipsVisible(true);
    for (AnswerCleaner::Rule rule : AnswerCleaner::ruleList()) {
        QAction *a = cleaning->addAction(AnswerCleaner::ruleName(rule));
        a->setCheckable(true);
        a->setChecked(completion->cleaningRules().testFlag(rule));
        a->setToolTip(AnswerCleaner::ruleDescription(rule));
        connect(a, &QAction::toggled, completion,
                [completion, rule](bool on) { completion->setCleaningRules(completion->cleaningRules().setFlag(rule, on)); });
    }

    QMenu *samples = bar->addMenu(tr("&Samples"));
    for (const Sample &sample : builtInSamples()) {
        samples->addAction(sample.title, files, [files, editor, sample] {
            files->replaceWith(sample.text, sample.cursor, sample.fileName);
            editor->setFocus();
        });
    }

    QMenu *view = bar->addMenu(tr("&View"));
    for (QDockWidget *dock : window->findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    view->addAction(parts.toolbar->toggleViewAction());
    QAction *shade = view->addAction(tr("Shade Text Not Sent"));
    shade->setObjectName(QStringLiteral("shadeSentWindow"));
    shade->setToolTip(tr("Fade the text outside the prefix/suffix window of the last request"));
    shade->setCheckable(true);
    shade->setChecked(parts.shadeSentWindow);
    connect(shade, &QAction::toggled, this, &MainMenus::shadeSentWindowToggled);
    m_showConfidence = view->addAction(tr("Show Confidence"));
    m_showConfidence->setObjectName(QStringLiteral("showConfidence"));
    m_showConfidence->setToolTip(tr("Shade each token of the ghost text by the probability the server gave it "
                                    "(llama.cpp, OpenAI-style servers)"));
    m_showConfidence->setCheckable(true);
    m_showConfidence->setChecked(parts.showConfidence);
    connect(m_showConfidence, &QAction::toggled, this, &MainMenus::showConfidenceToggled);
    view->addSeparator();
    // F6 / Shift+F6 move the keyboard between editor, docks and toolbar, as in KDE applications.
    m_focusCycler = new FocusCycler(window, editor, parts.toolbar);
    view->addAction(m_focusCycler->nextAction());
    view->addAction(m_focusCycler->previousAction());
    view->addSeparator();
    view->addAction(tr("Reset Layout"), this, &MainMenus::resetLayoutRequested);

    QMenu *help = bar->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), window, [window] {
        ShortcutsDialog dialog(window);
        dialog.exec();
    });
    shortcuts->setObjectName(QStringLiteral("keyboardShortcuts"));
    help->addAction(tr("&About FIM Playground"), window, [window] {
        QMessageBox::about(window, tr("About FIM Playground"),
                           tr("<h3>FIM Playground %1</h3><p>Try fill-in-the-middle code completion against the "
                              "Cloudflare Worker proxy or Codestral, and watch latency, health and models.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainMenus::setRecentFiles(const QStringList &paths)
{
    m_recent->clear();
    for (const QString &path : paths)
        m_recent->addAction(path, m_files, [files = m_files, path] { files->openWithPrompt(path); });
    m_recent->setEnabled(!m_recent->isEmpty());
}

void MainMenus::setShowConfidence(bool on)
{
    const QSignalBlocker quiet(m_showConfidence);
    m_showConfidence->setChecked(on);
}

void MainMenus::addCompletionAction(QAction *action)
{
    m_completion->addSeparator();
    m_completion->addAction(action);
}
