#pragma once

#include <KSyntaxHighlighting/Repository>

#include <QMainWindow>

class CodeEditor;
class CompletionController;
class FimClient;
class QComboBox;
class QLabel;

// The playground's main window: the code editor in the centre, panels docked around it. The
// network services are made by main() and passed in; the window owns the widgets.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(FimClient *client, QWidget *parent = nullptr);
    ~MainWindow() override;

    CodeEditor *editor() const { return m_editor; }
    CompletionController *completion() const { return m_completion; }
    // Replaces the buffer with a sample and puts the cursor at its hole.
    void loadText(const QString &text, int cursorPosition, const QString &fileNameForLanguage);
    // A KSyntaxHighlighting theme by name; empty follows the system's light or dark palette.
    void setEditorTheme(const QString &name);

private:
    void updateTitle();
    void fillLanguages();
    void fillThemes();
    void showStatus(const QString &text, bool isError);

    KSyntaxHighlighting::Repository m_repository;
    FimClient *m_client;
    CodeEditor *m_editor = nullptr;
    CompletionController *m_completion = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_requestState = nullptr;
};
