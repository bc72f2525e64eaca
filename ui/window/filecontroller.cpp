#include "window/filecontroller.h"

#include "context/appcontext.h"
#include "editor/codeeditor.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBlock>

namespace {

constexpr qint64 MaxFileBytes = 200 * 1024 * 1024;

// Reads a whole file, refusing what the editor should not hold.
std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("Cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxFileBytes) {
        *error = QObject::tr("%1 is %2 MiB; the playground opens files up to %3 MiB.")
                     .arg(path)
                     .arg(file.size() >> 20)
                     .arg(MaxFileBytes >> 20);
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

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

void FileController::setPath(const QString &path, bool exists)
{
    m_path = path;
    m_exists = exists;
    if (!path.isEmpty() && exists) {
        m_context->settings().addRecentFile(QFileInfo(path).absoluteFilePath());
        m_context->saveSettings();
        emit recentFilesChanged(m_context->settings().recentFiles);
    }
    emit filePathChanged(path);
}

void FileController::setFormat(const TextFormat &format)
{
    m_format = format;
    emit formatChanged(m_format);
}

void FileController::load(const DecodedText &decoded)
{
    m_editor->clearSuggestion();
    m_editor->setPlainText(decoded.text);
    m_editor->document()->setModified(false);
    setFormat(decoded.format);
    if (decoded.mixedLineEndings())
        emit noticed(tr("%1 mixes line breaks (%2 CRLF, %3 LF, %4 CR); saving writes %5 everywhere.")
                         .arg(displayName())
                         .arg(decoded.crlfCount)
                         .arg(decoded.lfCount)
                         .arg(decoded.crCount)
                         .arg(TextFormat::lineEndingLabel(decoded.format.lineEnding)));
}

bool FileController::open(const QString &path, QString *error, bool createIfMissing)
{
    if (createIfMissing && !QFileInfo::exists(path)) {
        m_editor->clearSuggestion();
        m_editor->setDefinitionForFileName(path);
        m_editor->clear();
        m_editor->document()->setModified(false);
        setFormat(TextFormat{});
        setPath(path, false);
        emit noticed(tr("%1 does not exist yet; Save creates it.").arg(path));
        return true;
    }
    const std::optional<QByteArray> bytes = readFile(path, error);
    if (!bytes)
        return false;
    m_editor->setDefinitionForFileName(path);
    load(TextFile::decode(*bytes));
    setPath(path, true);
    return true;
}

QByteArray FileController::askLossy(const QString &message, const QByteArray &encoding)
{
    if (m_lossyQuestion)
        return m_lossyQuestion(message, encoding);
    QMessageBox box(QMessageBox::Warning, tr("Characters would be lost"), message, QMessageBox::Cancel, m_dialogParent);
    QPushButton *utf8 = box.addButton(tr("Save as UTF-8"), QMessageBox::AcceptRole);
    QPushButton *anyway = box.addButton(tr("Save as %1, losing them").arg(QString::fromLatin1(encoding)),
                                        QMessageBox::DestructiveRole);
    box.setDefaultButton(utf8);
    box.exec();
    if (box.clickedButton() == utf8)
        return QByteArrayLiteral("UTF-8");
    if (box.clickedButton() == anyway)
        return encoding;
    return {};
}

bool FileController::saveTo(const QString &path, QString *error)
{
    const QString text = m_editor->exactText();
    TextFormat format = m_format;
    EncodedText encoded = TextFile::encode(text, format);
    if (encoded.lossy) {
        const QTextBlock block = m_editor->document()->findBlock(int(encoded.firstLossyIndex));
        const QString where = tr("line %1, column %2").arg(block.blockNumber() + 1).arg(encoded.firstLossyIndex - block.position() + 1);
        const QByteArray chosen = askLossy(
            tr("%1 cannot hold every character of %2 (the first is at %3). Save it as UTF-8 instead?")
                .arg(QString::fromLatin1(format.encoding), QFileInfo(path).fileName(), where),
            format.encoding);
        if (chosen.isEmpty()) { // the user chose not to save: nothing to report
            error->clear();
            return false;
        }
        if (chosen != format.encoding) {
            format.encoding = chosen;
            format.bom = false;
            encoded = TextFile::encode(text, format);
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(encoded.bytes);
    if (!file.commit()) {
        *error = tr("Cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    m_editor->document()->setModified(false);
    if (!(format == m_format))
        setFormat(format);
    if (path != m_path || !m_exists) {
        if (path != m_path)
            m_editor->setDefinitionForFileName(path);
        setPath(path, true);
    }
    saveSessionNow();
    emit saved(path);
    return true;
}

void FileController::newFile()
{
    if (!maybeSave())
        return;
    m_editor->clearSuggestion(); // left untouched: unused, not typed over
    m_editor->clear();
    m_editor->document()->setModified(false);
    setFormat(TextFormat{});
    setPath(QString(), true);
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
        if (!error.isEmpty())
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
        if (!error.isEmpty())
            showError(error);
        return false;
    }
    return true;
}

bool FileController::maybeSave(bool *discarded)
{
    if (!m_editor->document()->isModified())
        return true;
    const auto answer = QMessageBox::warning(m_dialogParent, tr("Unsaved changes"),
                                             tr("%1 has unsaved changes. Save them?").arg(displayName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (discarded)
        *discarded = answer == QMessageBox::Discard;
    return answer == QMessageBox::Discard;
}

void FileController::discardForSession()
{
    m_autosave.stop();
    if (!m_path.isEmpty() && m_exists)
        m_editor->document()->setModified(false); // restored from the file as it is on disk
    else
        m_forgetSession = true;
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
    setFormat(TextFormat{});
    setPath(QString(), true);
    return true;
}

void FileController::setEncoding(const QByteArray &encoding, bool bom)
{
    TextFormat f = m_format;
    f.encoding = encoding;
    f.bom = bom;
    if (f == m_format)
        return;
    setFormat(f);
    m_editor->document()->setModified(true);
}

void FileController::setLineEnding(TextFormat::LineEnding ending)
{
    if (ending == m_format.lineEnding)
        return;
    TextFormat f = m_format;
    f.lineEnding = ending;
    setFormat(f);
    m_editor->document()->setModified(true);
}

bool FileController::reopenWithEncoding(const QByteArray &encoding)
{
    if (m_path.isEmpty() || !m_exists || !maybeSave())
        return false;
    QString error;
    const std::optional<QByteArray> bytes = readFile(m_path, &error);
    if (!bytes) {
        showError(error);
        return false;
    }
    QString warning;
    const DecodedText decoded = TextFile::decode(*bytes, encoding, &warning);
    if (decoded.format.encoding != encoding) {
        showError(warning);
        return false;
    }
    const int position = m_editor->textCursor().position();
    load(decoded);
    QTextCursor c = m_editor->textCursor();
    c.setPosition(std::clamp(position, 0, int(m_editor->document()->characterCount() - 1)));
    m_editor->setTextCursor(c);
    if (!warning.isEmpty())
        emit noticed(warning);
    return true;
}

bool FileController::restoreSession(QString *problem)
{
    QString error;
    const std::optional<Session> session = m_context->sessionStore().load(&error);
    if (!session) {
        if (!error.isEmpty() && problem)
            *problem = error;
        return false;
    }
    QString text = session->text;
    TextFormat format = session->format;
    // A file without unsaved changes is read again from disk: it may have changed since. If it
    // cannot be read it is not replaced by an empty buffer (which Save would then write over it).
    if (!session->filePath.isEmpty() && !session->modified && session->fileExists) {
        QString why;
        const std::optional<QByteArray> bytes = readFile(session->filePath, &why);
        if (!bytes) {
            if (problem)
                *problem = tr("The file of the last session could not be read, so it was not reopened. %1").arg(why);
            return false;
        }
        // Detected again, as at open: bytes that changed since are never forced through an
        // encoding they are not in. Only where detection can do no better than Latin-1 does an
        // encoding the user chose (windows-1252, say) come back, if the bytes are valid in it.
        DecodedText decoded = TextFile::decode(*bytes);
        const QByteArray chosen = session->format.encoding;
        if (decoded.format.encoding == "ISO-8859-1" && chosen != "ISO-8859-1" && chosen != "UTF-8") {
            QString warning;
            const DecodedText again = TextFile::decode(*bytes, chosen, &warning);
            if (warning.isEmpty() && again.format.encoding == chosen)
                decoded = again;
        }
        text = decoded.text;
        format = decoded.format;
    }
    // The language the session had, by name (one look-up); by the file's name only when none.
    if (!session->language.isEmpty())
        m_editor->setDefinitionByName(session->language);
    else
        m_editor->setDefinitionForFileName(session->filePath.isEmpty() ? QStringLiteral("x.txt") : session->filePath);
    m_editor->setPlainText(text);
    QTextCursor c = m_editor->textCursor();
    c.setPosition(std::clamp(session->cursor, 0, int(text.size())));
    m_editor->setTextCursor(c);
    m_editor->document()->setModified(session->modified);
    setFormat(format);
    m_path = session->filePath;
    m_exists = session->fileExists;
    emit filePathChanged(m_path);
    return true;
}

bool FileController::saveSessionNow(QString *error)
{
    m_autosave.stop();
    if (m_forgetSession) { // discarded at quit: the next start begins afresh
        QFile::remove(m_context->sessionStore().path());
        return true;
    }
    Session s;
    s.filePath = m_path;
    s.modified = m_editor->document()->isModified();
    s.format = m_format;
    s.fileExists = m_exists;
    // A file without unsaved changes is read again from disk at restore: no need to write it out
    // (which for a large file would be megabytes a second after every cursor move).
    if (s.modified || m_path.isEmpty() || !m_exists)
        s.text = m_editor->exactText();
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
