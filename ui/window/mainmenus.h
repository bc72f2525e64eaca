#pragma once

#include <QObject>
#include <QStringList>

class CodeEditor;
class CompletionController;
class FileController;
class FocusCycler;
class QAction;
class QMainWindow;
class QMenu;
class RequestToolbar;

struct MainMenuParts
{
    QMainWindow *window;
    CodeEditor *editor;
    CompletionController *completion;
    FileController *files;
    RequestToolbar *toolbar;
    bool autoTrigger;
    bool shadeSentWindow;
    bool showConfidence;
};

// The main window's menu bar: File, Edit, Completion (with the candidates and the cleaning rules
// of this session), Samples, View (with F6 / Shift+F6, FocusCycler), Help (with Keyboard
// Shortcuts, ShortcutsDialog). Every shortcut has an
// explicit binding where the platform's standard key is empty (the offscreen and minimal
// platforms have no Quit or Preferences key, for instance). Keeps the Open Recent menu; what the
// window must do itself comes out as signals.
class MainMenus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainMenus)

public:
    explicit MainMenus(const MainMenuParts &parts);

    void setRecentFiles(const QStringList &paths);
    // An action of the window's own at the end of the Completion menu.
    void addCompletionAction(QAction *action);
    // View ▸ Show Confidence follows a change made elsewhere (Settings ▸ Editor).
    void setShowConfidence(bool on);
    // View ▸ Focus Next Area (F6) and Focus Previous Area (Shift+F6).
    FocusCycler *focusCycler() const { return m_focusCycler; }

signals:
    void pinFileRequested();
    void pinFolderRequested();
    void settingsRequested();
    void autoTriggerToggled(bool on);
    void resetLayoutRequested();
    void shadeSentWindowToggled(bool on);
    void showConfidenceToggled(bool on);
    void saveCaseRequested();
    void runSuiteRequested();
    void runExampleSuiteRequested();
    void suiteWindowRequested();

private:
    FileController *m_files;
    QMenu *m_recent = nullptr;
    QMenu *m_completion = nullptr;
    QAction *m_showConfidence = nullptr;
    FocusCycler *m_focusCycler = nullptr;
};
