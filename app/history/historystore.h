#pragma once

#include "history/historyrecord.h"
#include "history/suggestionrecord.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

// The history in SQLite through Qt SQL (QSQLITE), by default at
// $XDG_DATA_HOME/fim-playground/history.sqlite.
//
// - WAL mode and a busy timeout: the playground and fim-complete may write at once.
// - The schema has a version (PRAGMA user_version) and migrations from every older one, run in a
//   transaction when the file is opened (HistorySchema).
// - A cap on the rows kept: the oldest go first (prune()).
// - A file that is not a database, a newer schema, a lock that outlasts the timeout or a folder
//   that cannot be written: open() or append() fails with the reason in words, and nothing else
//   happens; the caller goes on without history.
//
// One connection per object; use an object from one thread only (HistoryWriter gives it its own).
class HistoryStore final
{
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    static constexpr int SchemaVersion = 5;

    HistoryStore();
    ~HistoryStore();

    static QString defaultPath();
    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const;
    const QString &path() const { return m_path; }

    // How long a write waits for another process's lock before it fails (before open()).
    void setBusyTimeout(int ms) { m_busyTimeoutMs = ms; }
    void setMaxRows(int rows) { m_maxRows = rows; }
    int maxRows() const { return m_maxRows; }

    // Appends one record (its id is set); prunes past the cap every so often.
    bool append(HistoryRecord &record, QString *error);
    // Deletes the oldest rows past the cap; returns how many went.
    int prune(QString *error = nullptr);
    int count() const;
    int schemaVersion() const;
    // The newest records first.
    QList<HistoryRecord> newest(int limit) const;
    // The newest records that match: text in the prefix, suffix or answer; model, profile (or
    // kind, or source: "compare") and status (the outcome or the HTTP status) containing what is
    // given. Empty fields match all.
    struct Query
    {
        QString text;
        QString model;
        QString profile;
        QString status;
        // false: no request body, only the first 256 bytes of the raw answer (for a table).
        bool bodies = true;
    };
    QList<HistoryRecord> search(const Query &query, int limit) const;
    bool remove(const QList<qint64> &ids, QString *error);
    // Whole records by id, in the order given (the missing left out).
    QList<HistoryRecord> byIds(const QList<qint64> &ids) const;
    // The records asked with exactly this prefix and suffix, newest first, without their bodies
    // (byIds() reads the one chosen whole).
    QList<HistoryRecord> withContext(const QString &prefix, const QString &suffix, int limit) const;
    // How many exchanges were answered, and by which models (the newest first).
    struct Answered
    {
        int count = 0;
        QStringList models;
    };
    Answered answered() const;
    // The suggestions the editor showed (SuggestionLog): one appended (its id set), its
    // persistence measured later, those shown since a moment (all when invalid), oldest first.
    bool appendSuggestion(SuggestionRecord &record, QString *error);
    bool setSuggestionPersistence(qint64 id, double persistence, QString *error);
    bool linkSuggestions(const QList<qint64> &ids, qint64 exchangeId, QString *error);
    QList<SuggestionRecord> suggestions(const QDateTime &since, int limit = 1000000) const;
    // "ok" when SQLite finds the file sound.
    QString integrityCheck() const;

private:
    QSqlDatabase database() const;

    QString m_connection;
    QString m_path;
    int m_maxRows = 20000;
    int m_busyTimeoutMs = 5000;
    int m_sincePrune = 0;
};
