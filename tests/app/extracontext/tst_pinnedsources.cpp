#include "extracontext/pinnedsources.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Pinned files and folders read from real files: chunks of a file, a folder's files of the
// language within its bounds (said), a file deleted or made unreadable said and dropped.
class TestPinnedSources : public QObject
{
    Q_OBJECT

    static void write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private slots:
    void aFileGivesItsTextInChunks()
    {
        QTemporaryDir dir;
        QByteArray text;
        for (int i = 1; i <= 150; ++i)
            text += "line " + QByteArray::number(i) + "\r\n"; // CRLF on disk: '\n' in the chunks, as the editor holds it
        write(dir.filePath(u"helpers.py"_s), text);
        PinnedSources pinned;
        QVERIFY(pinned.pin(dir.filePath(u"helpers.py"_s)));
        QVERIFY(!pinned.pin(dir.filePath(u"./helpers.py"_s)));
        const QList<ContextItem> items = pinned.items();
        QCOMPARE(items.size(), 3); // 64 + 64 + 22 lines
        QCOMPARE(items.at(0).filename, QStringLiteral("helpers.py"));
        QCOMPARE(items.at(0).firstLine, 1);
        QCOMPARE(items.at(0).lastLine, 64);
        QCOMPARE(items.at(2).firstLine, 129);
        QCOMPARE(items.at(2).lastLine, 150);
        QVERIFY(items.at(0).text.startsWith(QStringLiteral("line 1\nline 2\n")));
        QCOMPARE(items.at(2).lines().last(), QStringLiteral("line 150"));
        QCOMPARE(pinned.entries().first().state, PinnedSources::State::Ok);
    }

    void aFolderGivesItsLanguagesFilesWithinBounds()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 5; ++i)
            write(dir.filePath(QStringLiteral("lib/m%1.py").arg(i)), "def f" + QByteArray::number(i) + "():\n    pass\n");
        write(dir.filePath(u"lib/readme.md"_s), "# not python\n");
        write(dir.filePath(u"lib/.git/x.py"_s), "hidden\n");
        PinnedSources::Limits limits;
        limits.filesPerFolder = 3;
        PinnedSources pinned(limits);
        pinned.setSuffixes({u"py"_s});
        QVERIFY(pinned.pin(dir.filePath(u"lib"_s)));
        const PinnedSources::Entry &e = pinned.entries().first();
        QVERIFY(e.folder);
        QCOMPARE(e.items.size(), 3);
        QCOMPARE(e.items.at(0).filename, QStringLiteral("lib/m0.py"));
        QCOMPARE(e.items.at(2).filename, QStringLiteral("lib/m2.py"));
        QCOMPARE(e.note, QStringLiteral("3 of its 5 files of the editor's language (at most 3 a folder)"));
        // m0.py pinned alone as well: sent once, where it was pinned first (through the folder).
        QVERIFY(pinned.pin(dir.filePath(u"lib/m0.py"_s)));
        QCOMPARE(pinned.items().size(), 3);
        pinned.unpin(dir.filePath(u"lib/m0.py"_s));
        pinned.setSuffixes({u"rs"_s});
        QCOMPARE(pinned.entries().first().state, PinnedSources::State::NoFiles);
        QVERIFY(pinned.items().isEmpty());
    }

    void aFileDeletedOrUnreadableIsSaidAndDropped()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"a.py"_s), "x = 1\n");
        write(dir.filePath(u"b.py"_s), "y = 2\n");
        PinnedSources pinned;
        pinned.pin(dir.filePath(u"a.py"_s));
        pinned.pin(dir.filePath(u"b.py"_s));
        QCOMPARE(pinned.items().size(), 2);
        const quint64 revision = pinned.revision();
        QVERIFY(QFile::remove(dir.filePath(u"a.py"_s)));
        QVERIFY(QFile::setPermissions(dir.filePath(u"b.py"_s), QFileDevice::Permissions{}));
        const bool asRoot = QFileInfo(dir.filePath(u"b.py"_s)).isReadable(); // root reads it all the same:
        if (asRoot) { // a directory where the file was cannot be read as one either
            QVERIFY(QFile::remove(dir.filePath(u"b.py"_s)));
            QVERIFY(QDir(dir.path()).mkdir(u"b.py"_s));
        }
        pinned.refresh();
        QVERIFY(pinned.revision() > revision);
        QCOMPARE(pinned.entries().at(0).state, PinnedSources::State::Missing);
        QCOMPARE(pinned.entries().at(0).note, QStringLiteral("not on disk any more: nothing of it is sent"));
        QCOMPARE(pinned.entries().at(1).state, PinnedSources::State::Unreadable);
        QCOMPARE(pinned.entries().at(1).note, QStringLiteral("cannot be read (permissions?): nothing of it is sent"));
        QVERIFY(pinned.items().isEmpty());
        if (asRoot) {
            QVERIFY(QDir(dir.path()).rmdir(u"b.py"_s));
            write(dir.filePath(u"b.py"_s), "y = 2\n");
        }
        // Back on disk: given again.
        QVERIFY(QFile::setPermissions(dir.filePath(u"b.py"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        write(dir.filePath(u"a.py"_s), "x = 3\n");
        pinned.refresh();
        QCOMPARE(pinned.items().size(), 2);
        QCOMPARE(pinned.items().first().text, QStringLiteral("x = 3\n"));
        QVERIFY(pinned.unpin(dir.filePath(u"a.py"_s)));
        QCOMPARE(pinned.paths(), QStringList{QDir::cleanPath(dir.filePath(u"b.py"_s))});
    }

    void aBigFileIsReadUpToItsLimit()
    {
        QTemporaryDir dir;
        write(dir.filePath(u"big.py"_s), QByteArray("0123456789\n").repeated(100)); // 1100 bytes
        PinnedSources::Limits limits;
        limits.fileBytes = 100;
        PinnedSources pinned(limits);
        pinned.pin(dir.filePath(u"big.py"_s));
        QCOMPARE(pinned.items().size(), 1);
        QCOMPARE(pinned.items().first().lines().size(), 9); // cut at the last line break within 100 bytes
        QCOMPARE(pinned.entries().first().note, QStringLiteral("only its first 100 bytes are read"));
    }
};

QTEST_GUILESS_MAIN(TestPinnedSources)
#include "tst_pinnedsources.moc"

