#include "filecontroller.h"

#include "appcontext.h"
#include "codeeditor.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>

namespace {
constexpr qint64 MaxFileBytes = 200 * 1024 * 1024;
}

FileController::FileController(CodeEditor *editor, AppContext *context, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_editor(editor)
    , m_context(context)
    , m_dialogParent(dialogParent)
{
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(1000);
    connect(&m_autosave, &QTimer::timeout, this, [this] { saveSessionNow(); });
    connect(editor->document(), &QTextDocument::contentsChanged, &m_autosave, qOverload<>(&QTimer::start));
    connect(editor, &QPlainTextEdit::cursorPositionChanged, &m_autosave, [this] {
        if (!m_autosave.isActive())
            m_autosave.start();
    });
}

QString FileController::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

void FileController::setPath(const QString &path)
{
    m_path = path;
    if (!path.isEmpty()) {
        m_context->settings().addRecentFile(QFileInfo(path).absoluteFilePath());
        m_context->saveSettings();
        emit recentFilesChanged(m_context->settings().recentFiles);
    }
    emit filePathChanged(path);
}

bool FileController::open(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > MaxFileBytes) {
        *error = tr("%1 is %2 MiB; the playground opens files up to %3 MiB.")
                     .arg(path)
                     .arg(file.size() >> 20)
                     .arg(MaxFileBytes >> 20);
        return false;
    }
    const QByteArray bytes = file.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter) && !bytes.contains("\xEF\xBF\xBD"))
        text = QString::fromLatin1(bytes); // not UTF-8: keep every byte rather than lose some
    m_editor->clearSuggestion();
    m_editor->setDefinitionForFileName(path);
    m_editor->setPlainText(text);
    m_editor->document()->setModified(false);
    setPath(path);
    return true;
}

bool FileController::saveTo(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(m_editor->toPlainText().toUtf8());
    if (!file.commit()) {
        *error = tr("Cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    m_editor->document()->setModified(false);
    if (path != m_path) {
        m_editor->setDefinitionForFileName(path);
        setPath(path);
    }
    saveSessionNow();
    return true;
}

void FileController::newFile()
{
    if (!maybeSave())
        return;
    m_editor->clear();
    m_editor->document()->setModified(false);
    setPath(QString());
}

bool FileController::openWithPrompt(const QString &given)
{
    if (!maybeSave())
        return false;
    const QString path = given.isEmpty() ? QFileDialog::getOpenFileName(m_dialogParent, tr("Open file")) : given;
    if (path.isEmpty())
        return false;
    QString error;
    if (!open(path, &error)) {
        showError(error);
        return false;
    }
    return true;
}

bool FileController::save()
{
    if (m_path.isEmpty())
        return saveAs();
    QString error;
    if (!saveTo(m_path, &error)) {
        showError(error);
        return false;
    }
    return true;
}

bool FileController::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Save as"), m_path);
    if (path.isEmpty())
        return false;
    QString error;
    if (!saveTo(path, &error)) {
        showError(error);
        return false;
    }
    return true;
}

bool FileController::maybeSave()
{
    if (!m_editor->document()->isModified())
        return true;
    const auto answer = QMessageBox::warning(m_dialogParent, tr("Unsaved changes"),
                                             tr("%1 has unsaved changes. Save them?").arg(displayName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool FileController::replaceWith(const QString &text, int cursor, const QString &fileNameForLanguage)
{
    if (!maybeSave())
        return false;
    m_editor->clearSuggestion();
    m_editor->setDefinitionForFileName(fileNameForLanguage);
    m_editor->setPlainText(text);
    QTextCursor c = m_editor->textCursor();
    c.setPosition(std::clamp(cursor, 0, int(text.size())));
    m_editor->setTextCursor(c);
    m_editor->document()->setModified(false);
    setPath(QString());
    return true;
}

bool FileController::restoreSession()
{
    QString error;
    const std::optional<Session> session = m_context->sessionStore().load(&error);
    if (!session) {
        if (!error.isEmpty())
            emit errorOccurred(error);
        return false;
    }
    QString text = session->text;
    bool modified = session->modified;
    // An unmodified file is read again from disk: it may have changed since.
    if (!session->filePath.isEmpty() && !modified) {
        QFile file(session->filePath);
        if (file.open(QIODevice::ReadOnly))
            text = QString::fromUtf8(file.readAll());
    }
    m_editor->setDefinitionForFileName(session->filePath.isEmpty() ? QStringLiteral("x.txt") : session->filePath);
    if (!session->language.isEmpty())
        m_editor->setDefinitionByName(session->language);
    m_editor->setPlainText(text);
    QTextCursor c = m_editor->textCursor();
    c.setPosition(std::clamp(session->cursor, 0, int(text.size())));
    m_editor->setTextCursor(c);
    m_editor->document()->setModified(modified);
    m_path = session->filePath;
    emit filePathChanged(m_path);
    return true;
}

bool FileController::saveSessionNow(QString *error)
{
    m_autosave.stop();
    Session s;
    s.filePath = m_path;
    s.modified = m_editor->document()->isModified();
    // A file without unsaved changes is read again from disk at restore: no need to write it out
    // (which for a large file would be megabytes a second after every cursor move).
    if (s.modified || m_path.isEmpty())
        s.text = m_editor->toPlainText();
    s.cursor = m_editor->textCursor().position();
    s.language = m_editor->definitionName();
    QString why;
    const bool ok = m_context->sessionStore().save(s, &why);
    if (!ok) {
        emit errorOccurred(tr("The session could not be saved: %1").arg(why));
        if (error)
            *error = why;
    }
    return ok;
}

void FileController::showError(const QString &message)
{
    emit errorOccurred(message);
    QMessageBox::warning(m_dialogParent, tr("FIM Playground"), message);
}
