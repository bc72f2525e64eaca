#pragma once

#include "extracontext/contextitem.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Files and folders the user pinned as context. A file gives its text in chunks of chunkLines lines
// (so the budget can take its start when the whole does not fit); a folder gives its files whose
// suffix is the editor's language's, sorted by path, at most Limits::filesPerFolder of them, each
// read up to Limits::fileBytes. refresh() looks at the disk (one stat a file; a file is read again
// only when its size or time changed): a pinned file deleted or unreadable stays listed, saying so,
// and gives nothing.
class PinnedSources
{
public:
    struct Limits
    {
        int filesPerFolder = 20;
        qint64 fileBytes = 256 * 1024;
        int chunkLines = 64;
    };
    enum class State { Ok, Missing, Unreadable, NoFiles };
    struct Entry
    {
        QString path;
        bool folder = false;
        State state = State::Ok;
        QString note; // in words: "3 of 41 .py files (at most 20)", "deleted on disk", ...
        QList<ContextItem> items;
    };

    PinnedSources() = default;
    explicit PinnedSources(const Limits &limits) : m_limits(limits) {}

    // Pins a file or a folder (an absolute path); false when it is pinned already.
    bool pin(const QString &path);
    bool unpin(const QString &path);
    QStringList paths() const;
    // The editor's language's file suffixes, without dots ("py", "pyi"): which files of a folder count.
    void setSuffixes(const QStringList &suffixes);
    const Limits &limits() const { return m_limits; }

    void refresh();
    const QList<Entry> &entries() const { return m_entries; }
    // Every chunk of every readable pinned file, in pin order; a file pinned twice (alone and in a
    // pinned folder) only where it was pinned first.
    QList<ContextItem> items() const;
    quint64 revision() const { return m_revision; }

    static QString stateText(State state);

private:
    struct Cached
    {
        qint64 size = -1;
        QDateTime modified;
        QString text;
        bool cut = false;
        bool readable = false;
    };
    void load(Entry &entry);
    // The file's text (read again only when it changed); nullptr when it cannot be read.
    const Cached *read(const QString &file);
    QList<ContextItem> chunksOf(const QString &file, const QString &filename, const Cached &c, quint64 &serial) const;

    Limits m_limits;
    QStringList m_suffixes;
    QList<Entry> m_entries;
    QHash<QString, Cached> m_files;
    quint64 m_revision = 0;
};
