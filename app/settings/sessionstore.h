#pragma once

#include "files/textfile.h"

#include <QString>

#include <optional>

// What the editor held when the playground last ran (or crashed): restored at the next start.
struct Session
{
    QString filePath;  // empty: an untitled buffer
    QString text;
    bool modified = false;
    int cursor = 0;
    QString language;  // KSyntaxHighlighting definition name
    TextFormat format; // how the file is stored: encoding, BOM, line breaks
    bool fileExists = true; // false: a new file, named but not yet created
};

// Keeps the session in the state folder (QStandardPaths: $XDG_STATE_HOME/fim-playground/session.json
// on Linux), written atomically (QSaveFile) so a crash mid-write never leaves a broken file.
class SessionStore
{
public:
    explicit SessionStore(QString path = defaultPath());
    static QString defaultPath();
    const QString &path() const { return m_path; }

    std::optional<Session> load(QString *error = nullptr) const;
    bool save(const Session &session, QString *error = nullptr) const;

private:
    QString m_path;
};
