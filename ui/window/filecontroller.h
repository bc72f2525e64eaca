#pragma once

#include <QObject>
#include <QTimer>

class AppContext;
class CodeEditor;
class QWidget;

// Files for the editor: new, open, save, save as, recent files, and the question before unsaved
// changes would be lost. Also keeps the session (buffer, cursor, language, file) in the state
// folder a second after every change, so a crash loses at most that second.
class FileController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileController)

public:
    FileController(CodeEditor *editor, AppContext *context, QWidget *dialogParent);

    QString filePath() const { return m_path; }
    QString displayName() const;

    // Without questions; false and *error on failure (the buffer is then untouched).
    bool open(const QString &path, QString *error);
    bool saveTo(const QString &path, QString *error);

    // With questions and error dialogs, as the menu items do.
    void newFile();
    bool openWithPrompt(const QString &path = QString());
    bool save();
    bool saveAs();
    // Asks Save / Discard / Cancel when the buffer has unsaved changes; false means "cancel".
    bool maybeSave();
    // Replaces the buffer (a sample) after maybeSave(); the result is untitled.
    bool replaceWith(const QString &text, int cursor, const QString &fileNameForLanguage);

    bool restoreSession();
    bool saveSessionNow(QString *error = nullptr);

signals:
    void filePathChanged(const QString &path);
    void recentFilesChanged(const QStringList &files);
    void errorOccurred(const QString &message);

private:
    void setPath(const QString &path);
    void showError(const QString &message);

    CodeEditor *m_editor;
    AppContext *m_context;
    QWidget *m_dialogParent;
    QString m_path;
    QTimer m_autosave;
};
