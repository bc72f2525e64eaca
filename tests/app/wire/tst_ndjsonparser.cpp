#include "wire/ndjsonparser.h"

#include <QTest>

// NDJSON framing: fed at every possible split, the lines come out the same.
class TestNdjsonParser : public QObject
{
    Q_OBJECT

    static QList<QByteArray> all(NdjsonParser &p, const QList<QByteArrayView> &pieces)
    {
        QList<QByteArray> out;
        for (QByteArrayView piece : pieces)
            out += p.feed(piece);
        if (const QByteArray last = p.finish(); !last.isEmpty())
            out.append(last);
        return out;
    }

private slots:
    void everySplitGivesTheSameLines_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<QByteArray>>("lines");
        const QByteArray a = R"({"response":"ré","done":false})";
        const QByteArray b = R"({"response":"😀 \n","done":false})"; // an escaped line break inside the JSON
        const QByteArray c = R"({"done":true,"eval_count":2})";
        QTest::newRow("LF") << a + '\n' + b + '\n' + c + '\n' << QList<QByteArray>{a, b, c};
        QTest::newRow("CRLF") << a + "\r\n" + b + "\r\n" + c + "\r\n" << QList<QByteArray>{a, b, c};
        QTest::newRow("blank lines") << "\n" + a + "\n\n\r\n" + c + "\n\n" << QList<QByteArray>{a, c};
        QTest::newRow("no final line break") << a + '\n' + c << QList<QByteArray>{a, c};
        QTest::newRow("BOM at the start") << "\xEF\xBB\xBF" + a + '\n' << QList<QByteArray>{a};
        QTest::newRow("empty") << QByteArray() << QList<QByteArray>{};
    }

    void everySplitGivesTheSameLines()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<QByteArray>, lines);
        {
            NdjsonParser p;
            QCOMPARE(all(p, {stream}), lines);
        }
        // Two pieces, cut at every byte (inside UTF-8 sequences and CRLF pairs too).
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            NdjsonParser p;
            QCOMPARE(all(p, {QByteArrayView(stream).first(cut), QByteArrayView(stream).sliced(cut)}), lines);
        }
        // One byte at a time.
        NdjsonParser p;
        QList<QByteArrayView> bytes;
        for (qsizetype i = 0; i < stream.size(); ++i)
            bytes.append(QByteArrayView(stream).sliced(i, 1));
        QCOMPARE(all(p, bytes), lines);
    }

    void linesArriveAsSoonAsTheyEnd()
    {
        NdjsonParser p;
        QCOMPARE(p.feed("{\"a\":1}\n{\"b\""), QList<QByteArray>{"{\"a\":1}"});
        QCOMPARE(p.pendingBytes(), 4);
        QCOMPARE(p.feed(":2}\n"), QList<QByteArray>{"{\"b\":2}"});
        QCOMPARE(p.pendingBytes(), 0);
        QVERIFY(p.finish().isEmpty());
    }

    void anEndlessLineIsDroppedAndSaidSo()
    {
        NdjsonParser p;
        const QByteArray chunk(1024 * 1024, 'x');
        for (int i = 0; i < 9; ++i)
            QVERIFY(p.feed(chunk).isEmpty());
        QVERIFY(p.overflowed());
        QVERIFY(p.pendingBytes() < NdjsonParser::MaxLineBytes);
    }
};

QTEST_GUILESS_MAIN(TestNdjsonParser)
#include "tst_ndjsonparser.moc"
