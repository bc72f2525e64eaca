#include "settings/sessionstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

SessionStore::SessionStore(QString path)
    : m_path(std::move(path))
{
}

QString SessionStore::defaultPath()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericStateLocation);
#else
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
#endif
    return base + QStringLiteral("/fim-playground/session.json");
}

std::optional<Session> SessionStore::load(QString *error) const
{
    QFile file(m_path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate("SessionStore", "The saved session in %1 is damaged (%2).")
                         .arg(m_path, parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    Session s;
    s.filePath = o.value(u"file").toString();
    s.text = o.value(u"text").toString();
    s.modified = o.value(u"modified").toBool();
    s.cursor = o.value(u"cursor").toInt();
    s.language = o.value(u"language").toString();
    s.format.encoding = o.value(u"encoding").toString(QStringLiteral("UTF-8")).toLatin1();
    s.format.bom = o.value(u"bom").toBool();
    const QString eol = o.value(u"line_ending").toString();
    s.format.lineEnding = eol == u"CRLF" ? TextFormat::LineEnding::CRLF
        : eol == u"CR"                   ? TextFormat::LineEnding::CR
                                         : TextFormat::LineEnding::LF;
    s.fileExists = o.value(u"file_exists").toBool(true);
    return s;
}

bool SessionStore::save(const Session &s, QString *error) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QJsonObject o{{QStringLiteral("file"), s.filePath},
                        {QStringLiteral("text"), s.text},
                        {QStringLiteral("modified"), s.modified},
                        {QStringLiteral("cursor"), s.cursor},
                        {QStringLiteral("language"), s.language},
                        {QStringLiteral("encoding"), QString::fromLatin1(s.format.encoding)},
                        {QStringLiteral("bom"), s.format.bom},
                        {QStringLiteral("line_ending"), TextFormat::lineEndingLabel(s.format.lineEnding)},
                        {QStringLiteral("file_exists"), s.fileExists}};
    file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}
