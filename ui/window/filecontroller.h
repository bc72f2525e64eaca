#pragma once

#include "files/textfile.h"

#include <QObject>
#include <QTimer>

#include <functional>

class AppContext;
class CodeEditor;
class QWidget;

// Files for the editor: new, open, save, save as, recent files, and the question before unsaved
// changes would be lost. Saving writes exactly what the user has: the text byte for byte in the
// file's own encoding, byte-order mark and line breaks (TextFile), and asks before an encoding
// would lose characters. Also keeps the session (buffer, cursor, language, file, format) in the
// state folder a second after every change, so a crash loses at most that second.
class FileController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileController)

public:
    FileController(CodeEditor *editor, AppContext *context, QWidget *dialogParent);

    QString filePath() const { return m_path; }
    QString displayName() const;
    const TextFormat &format() const { return m_format; }
    // The path names a file that does not exist yet: Save creates it.
    bool isNewFile() const { return !m_path.isEmpty() && !m_exists; }

    // Without questions (but the one before losing characters); false and *error on failure (the
    // buffer is then untouched). *error is empty when the user chose not to save. A path that
    // does not exist yet opens an empty buffer with that name when createIfMissing is set (the
    // command line does this, like Kate and vim).
    bool open(const QString &path, QString *error, bool createIfMissing = false);
    bool saveTo(const QString &path, QString *error);

    // With questions and error dialogs, as the menu items do.
    void newFile();
    bool openWithPrompt(const QString &path = QString());
    bool save();
    bool saveAs();
    // Asks Save / Discard / Cancel when the buffer has unsaved changes; false means "cancel".
    // *discarded says the user chose Discard.
    bool maybeSave(bool *discarded = nullptr);
    // Quitting after Discard: the session keeps the file as saved on disk, or nothing for an
    // untitled buffer (or a new file never saved), so the next start does not bring the text back.
    void discardForSession();
    // Replaces the buffer (a sample) after maybeSave(); the result is untitled.
    bool replaceWith(const QString &text, int cursor, const QString &fileNameForLanguage);

    // The encoding and line breaks the next save writes (the document counts as modified).
    void setEncoding(const QByteArray &encoding, bool bom);
    void setLineEnding(TextFormat::LineEnding ending);
    // Reads the file again in another encoding (after asking, if there are unsaved changes).
    bool reopenWithEncoding(const QByteArray &encoding);

    // False when there was nothing to restore or it could not be restored; *problem then says why
    // when the user should know (a file of the last session that cannot be read is never replaced
    // by an empty buffer: the session starts without it).
    bool restoreSession(QString *problem = nullptr);
    bool saveSessionNow(QString *error = nullptr);

    // The question asked before a save that would lose characters. Returns the encoding to save
    // in (the file's, to save anyway; UTF-8, to switch) or an empty name to cancel. Replaceable
    // for scripted use; the default asks with a message box.
    using LossyQuestion = std::function<QByteArray(const QString &message, const QByteArray &encoding)>;
    void setLossyQuestion(LossyQuestion question) { m_lossyQuestion = std::move(question); }

signals:
    void filePathChanged(const QString &path);
    void saved(const QString &path); // written to disk, by Save or Save As
    void formatChanged(const TextFormat &format);
    void recentFilesChanged(const QStringList &files);
    void errorOccurred(const QString &message);
    void noticed(const QString &message); // worth knowing, not an error

private:
    void setPath(const QString &path, bool exists);
    void setFormat(const TextFormat &format);
    void load(const DecodedText &decoded);
    void showError(const QString &message);
    QByteArray askLossy(const QString &message, const QByteArray &encoding);

    CodeEditor *m_editor;
    AppContext *m_context;
    QWidget *m_dialogParent;
    QString m_path;
    bool m_exists = true;
    bool m_forgetSession = false; // discardForSession(): nothing of this buffer is kept
    TextFormat m_format;
    QTimer m_autosave;
    LossyQuestion m_lossyQuestion;
};
