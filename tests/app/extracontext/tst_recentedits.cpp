#include "extracontext/recentedits.h"

#include "completion/contextextractor.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Ranges of the current file edited lately: joined when near, moved by lines added above, the
// newest first, at most four; read from the document as it is when asked.
class TestRecentEdits : public QObject
{
    Q_OBJECT

    static QString document(int lines)
    {
        QStringList out;
        for (int i = 0; i < lines; ++i)
            out.append(QStringLiteral("l%1").arg(i));
        return out.join(QLatin1Char('\n'));
    }

private slots:
    void joinsNearEditsAndKeepsTheNewestFirst()
    {
        RecentEdits edits;
        edits.edited(10, 0);
        edits.edited(14, 0);  // within 8 lines: the same range, 10..14
        edits.edited(100, 0);
        const StringTextSource doc(document(200));
        const QList<ContextItem> chunks = edits.chunks(doc, 64, u"m.py"_s, u"/p/m.py"_s);
        QCOMPARE(chunks.size(), 2);
        QCOMPARE(chunks.at(0).firstLine, 93);  // 100 − 8, 1-based
        QCOMPARE(chunks.at(0).lastLine, 109);
        QCOMPARE(chunks.at(1).firstLine, 3);   // 10 − 8
        QCOMPARE(chunks.at(1).lastLine, 23);   // 14 + 8
        QCOMPARE(chunks.at(1).lines().first(), QStringLiteral("l2"));
        QCOMPARE(chunks.at(0).source, ContextItem::Source::Edit);
        QVERIFY(chunks.at(0).serial > chunks.at(1).serial);
    }

    void linesAddedAboveMoveARange()
    {
        RecentEdits edits;
        edits.edited(50, 0);
        edits.edited(0, 5); // five lines pasted at the top
        const StringTextSource doc(document(200));
        const QList<ContextItem> chunks = edits.chunks(doc, 64, u"m.py"_s, {});
        QCOMPARE(chunks.size(), 2);
        QCOMPARE(chunks.at(1).firstLine, 48); // 55 − 8 + 1
        QCOMPARE(chunks.at(0).firstLine, 1);
        QCOMPARE(chunks.at(0).lastLine, 14);  // 0..5 and 8 lines after
    }

    void keepsFourAndCutsToTheChunkSize()
    {
        RecentEdits edits;
        for (int i = 0; i < 6; ++i)
            edits.edited(i * 30, 0);
        edits.edited(150, 40); // 40 lines pasted at 150: range 150..190
        const StringTextSource doc(document(400));
        const QList<ContextItem> chunks = edits.chunks(doc, 16, u"m.py"_s, {});
        QCOMPARE(chunks.size(), 4);
        QCOMPARE(chunks.at(0).lastLine - chunks.at(0).firstLine + 1, 16);
        QCOMPARE(chunks.at(0).firstLine, 163); // middle (150 + 190) / 2 = 170, minus 8, 1-based
        QVERIFY(edits.chunks(StringTextSource(QString()), 16, u"m.py"_s, {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecentEdits)
#include "tst_recentedits.moc"

