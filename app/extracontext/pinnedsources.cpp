#include "extracontext/pinnedsources.h"

#include "files/textfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace {
// Messages under the context "PinnedSources"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PinnedSources)
};
} // namespace

bool PinnedSources::pin(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (const Entry &e : std::as_const(m_entries))
        if (e.path == clean)
            return false;
    Entry e;
    e.path = clean;
    e.folder = QFileInfo(clean).isDir();
    load(e);
    m_entries.append(e);
    ++m_revision;
    return true;
}

bool PinnedSources::unpin(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const bool removed = m_entries.removeIf([&](const Entry &e) { return e.path == clean; }) > 0;
    if (removed)
        ++m_revision;
    return removed;
}

QStringList PinnedSources::paths() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        out.append(e.path);
    return out;
}

void PinnedSources::setSuffixes(const QStringList &suffixes)
{
    if (suffixes == m_suffixes)
        return;
    m_suffixes = suffixes;
    refresh();
}

void PinnedSources::refresh()
{
    bool changed = false;
    for (Entry &e : m_entries) {
        const Entry before = e;
        load(e);
        changed = changed || e.state != before.state || e.note != before.note || e.items != before.items;
    }
    if (changed)
        ++m_revision;
}

QList<ContextItem> PinnedSources::items() const
{
    // A file pinned alone and through its folder (or two folders) is sent once, where first pinned.
    QList<ContextItem> out;
    QSet<QString> files;
    for (const Entry &e : m_entries) {
        QSet<QString> own;
        for (const ContextItem &i : e.items) {
            if (files.contains(i.path))
                continue;
            own.insert(i.path);
            out.append(i);
        }
        files.unite(own);
    }
    return out;
}

QString PinnedSources::stateText(State state)
{
    switch (state) {
    case State::Ok: return {};
    case State::Missing: return Tr::tr("not on disk any more: nothing of it is sent");
    case State::Unreadable: return Tr::tr("cannot be read (permissions?): nothing of it is sent");
    case State::NoFiles: return Tr::tr("holds no file of the editor's language");
    }
    return {};
}

const PinnedSources::Cached *PinnedSources::read(const QString &file)
{
    const QFileInfo info(file);
    Cached &c = m_files[file];
    if (!info.isReadable()) {
        c = Cached{};
        return nullptr;
    }
    if (c.size == info.size() && c.modified == info.lastModified() && c.readable)
        return &c;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        c = Cached{};
        return nullptr;
    }
    QByteArray bytes = f.read(m_limits.fileBytes + 1);
    c.cut = bytes.size() > m_limits.fileBytes;
    if (c.cut) {
        bytes.truncate(m_limits.fileBytes);
        const qsizetype lastBreak = bytes.lastIndexOf('\n');
        if (lastBreak > 0)
            bytes.truncate(lastBreak + 1);
    }
    c.text = TextFile::decode(bytes).text;
    c.size = info.size();
    c.modified = info.lastModified();
    c.readable = true;
    return &c;
}

QList<ContextItem> PinnedSources::chunksOf(const QString &file, const QString &filename, const Cached &c, quint64 &serial) const
{
    QList<ContextItem> out;
    QStringView t(c.text);
    if (t.endsWith(u'\n'))
        t.chop(1);
    const QList<QStringView> lines = t.split(u'\n');
    for (qsizetype first = 0; first < lines.size() && !c.text.isEmpty(); first += m_limits.chunkLines) {
        ContextItem item;
        item.source = ContextItem::Source::Pinned;
        item.reason = ContextItem::Reason::Pinned;
        item.filename = filename;
        item.path = file;
        item.firstLine = int(first) + 1;
        const qsizetype last = std::min(lines.size(), first + m_limits.chunkLines);
        item.lastLine = int(last);
        for (qsizetype i = first; i < last; ++i)
            item.text += lines.at(i) + QLatin1Char('\n');
        item.serial = ++serial;
        out.append(item);
    }
    return out;
}

void PinnedSources::load(Entry &e)
{
    e.items.clear();
    e.note.clear();
    const QFileInfo info(e.path);
    if (!info.exists()) {
        m_files.remove(e.path); // back later, it is read afresh
        e.state = State::Missing;
        e.note = stateText(e.state);
        return;
    }
    quint64 serial = 0;
    if (!e.folder) {
        const Cached *c = info.isFile() && info.isReadable() ? read(e.path) : nullptr;
        if (!c) {
            e.state = State::Unreadable;
            e.note = stateText(e.state);
            return;
        }
        e.state = State::Ok;
        e.items = chunksOf(e.path, info.fileName(), *c, serial);
        if (c->cut)
            e.note = Tr::tr("only its first %1 are read").arg(QLocale().formattedDataSize(m_limits.fileBytes));
        return;
    }
    if (!info.isReadable() || !info.isExecutable()) {
        e.state = State::Unreadable;
        e.note = stateText(e.state);
        return;
    }
    QStringList files;
    QDirIterator it(e.path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo f = it.nextFileInfo();
        if (m_suffixes.contains(f.suffix(), Qt::CaseInsensitive) && !f.filePath().contains(u"/."))
            files.append(f.filePath());
    }
    std::sort(files.begin(), files.end());
    const qsizetype found = files.size();
    if (found == 0) {
        e.state = State::NoFiles;
        e.note = stateText(e.state);
        return;
    }
    files = files.mid(0, m_limits.filesPerFolder);
    const QDir base = QFileInfo(e.path).dir(); // names sent start with the folder's own name
    int unreadable = 0;
    for (const QString &file : std::as_const(files)) {
        const Cached *c = read(file);
        if (!c) {
            ++unreadable;
            continue;
        }
        e.items.append(chunksOf(file, base.relativeFilePath(file), *c, serial));
    }
    e.state = State::Ok;
    e.note = found > files.size()
        ? Tr::tr("%1 of its %2 files of the editor's language (at most %1 a folder)").arg(files.size()).arg(found)
        : Tr::tr("%n file(s) of the editor's language", nullptr, int(found));
    if (unreadable > 0)
        e.note += QStringLiteral("; ") + Tr::tr("%n cannot be read", nullptr, unreadable);
}
