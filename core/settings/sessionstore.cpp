#include "sessionstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

SessionStore::SessionStore(QString path)
    : m_path(std::move(path))
{
}

QString SessionStore::defaultPath()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
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
                        {QStringLiteral("language"), s.language}};
    file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}
