#include "extracontext/contextring.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The ring as llama.vim keeps it: its similarity, exactly; eviction of chunks more than 90 % like a
// newer one; the oldest out when full; chunks cut to the chunk size.
class TestContextRing : public QObject
{
    Q_OBJECT

    static QStringList numbered(int from, int count, const QString &stem = QStringLiteral("line"))
    {
        QStringList out;
        for (int i = 0; i < count; ++i)
            out.append(QStringLiteral("%1 %2").arg(stem).arg(from + i));
        return out;
    }
    static ContextItem item(const QStringList &lines, const QString &file = QStringLiteral("a.py"))
    {
        ContextItem i;
        i.filename = file;
        i.text = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
        return i;
    }

private slots:
    void similarityIsLlamaVims()
    {
        // 2 × common / (n0 + n1): 3 of a's 4 lines are in b (6 lines) → 6 / 10.
        const QStringList a{u"x"_s, u"y"_s, u"z"_s, u"w"_s};
        const QStringList b{u"x"_s, u"y"_s, u"z"_s, u"1"_s, u"2"_s, u"3"_s};
        QCOMPARE(ContextSimilarity::of(a, b), 0.6);
        // A line found counts once however often b holds it; a's repeats each count (as llama.vim's loop).
        QCOMPARE(ContextSimilarity::of(QStringList{u"x"_s, u"x"_s}, QStringList{u"x"_s}), 2.0 * 2 / 3);
        QCOMPARE(ContextSimilarity::of(a, a), 1.0);
        QCOMPARE(ContextSimilarity::of({}, {}), 0.0);
        QCOMPARE(ContextSimilarity::of(a, {}), 0.0);
    }

    void evictsChunksMoreThanNinetyPercentLikeANewOne()
    {
        ContextRing ring;
        QVERIFY(ring.add(item(numbered(0, 20))));
        QVERIFY(ring.add(item(numbered(100, 20))));
        // 19 of 20 lines shared: 2 × 19 / 40 = 0.95 > 0.9: the first goes.
        QStringList near = numbered(0, 19);
        near.append(QStringLiteral("changed"));
        QVERIFY(ring.add(item(near)));
        QCOMPARE(ring.chunks().size(), 2);
        QCOMPARE(ring.chunks().at(0).lines(), numbered(100, 20));
        QCOMPARE(ring.chunks().at(1).lines(), near);
        // 18 of 20: exactly 0.9 is not more than 0.9: both stay.
        QStringList less = numbered(100, 18);
        less.append({QStringLiteral("p"), QStringLiteral("q")});
        QVERIFY(ring.add(item(less)));
        QCOMPARE(ring.chunks().size(), 3);
    }

    void refusesTheSameChunkAndShortOnes()
    {
        ContextRing ring;
        QVERIFY(ring.add(item(numbered(0, 5))));
        const quint64 revision = ring.revision();
        QVERIFY(!ring.add(item(numbered(0, 5))));
        QVERIFY(!ring.add(item(numbered(50, 2))));
        QCOMPARE(ring.chunks().size(), 1);
        QCOMPARE(ring.revision(), revision);
    }

    void dropsTheOldestWhenFull()
    {
        ContextRing ring(3, 64);
        for (int i = 0; i < 5; ++i)
            QVERIFY(ring.add(item(numbered(i * 100, 4))));
        QCOMPARE(ring.chunks().size(), 3);
        QCOMPARE(ring.chunks().first().lines(), numbered(200, 4));
        QCOMPARE(ring.chunks().last().lines(), numbered(400, 4));
        QCOMPARE(ring.chunks().last().serial, 5u);
        ring.setCapacity(1);
        QCOMPARE(ring.chunks().size(), 1);
        QCOMPARE(ring.chunks().first().lines(), numbered(400, 4));
        QVERIFY(ring.remove(5));
        QVERIFY(ring.chunks().isEmpty());
    }

    void chunksAreCutToTheChunkSize()
    {
        ContextRing ring(16, 64);
        const QStringList file = numbered(1, 200);
        // Centred on line index 100: lines 69..132 (1-based), 64 of them.
        const ContextItem around = ring.chunkAround(file, 100, ContextItem::Reason::CursorJump, u"b.py"_s, u"/p/b.py"_s);
        QCOMPARE(around.firstLine, 69);
        QCOMPARE(around.lastLine, 132);
        QCOMPARE(around.lines(), file.mid(68, 64));
        // Near the start it slides, never past the file.
        QCOMPARE(ring.chunkAround(file, 3, ContextItem::Reason::Opened, u"b.py"_s, {}).firstLine, 1);
        QCOMPARE(ring.chunkAround(file, 199, ContextItem::Reason::Opened, u"b.py"_s, {}).lastLine, 200);
        QCOMPARE(ring.chunkAround(numbered(1, 10), 5, ContextItem::Reason::Opened, u"c.py"_s, {}).lines(), numbered(1, 10));
        // A copy keeps its first 64 lines.
        const ContextItem copied = ring.chunkOf(numbered(1, 80).join(QLatin1Char('\n')), ContextItem::Reason::Copied, u"b.py"_s, {}, 7);
        QCOMPARE(copied.lines(), numbered(1, 64));
        QCOMPARE(copied.firstLine, 7);
        QCOMPARE(copied.lastLine, 70);
        ring.setChunkLines(8);
        QCOMPARE(ring.chunkAround(file, 100, ContextItem::Reason::Saved, u"b.py"_s, {}).lines(), file.mid(96, 8));
    }
};

QTEST_GUILESS_MAIN(TestContextRing)
#include "tst_contextring.moc"

