#include "wire/sseparser.h"

#include <QTest>

// Every sample stream is fed whole, one byte at a time, and split at every pair of positions; the
// events must be the same each time.
class TestSseParser : public QObject
{
    Q_OBJECT

    static QList<SseEvent> parseSplit(const QByteArray &stream, const QList<qsizetype> &cuts)
    {
        SseParser parser;
        QList<SseEvent> events;
        qsizetype from = 0;
        for (qsizetype cut : cuts) {
            events += parser.feed(QByteArrayView(stream).sliced(from, cut - from));
            from = cut;
        }
        events += parser.feed(QByteArrayView(stream).sliced(from));
        parser.finish();
        return events;
    }

    static SseEvent ev(const QByteArray &data, const QByteArray &type = "message", const QByteArray &id = {})
    {
        SseEvent e;
        e.data = data;
        e.type = type;
        e.id = id;
        return e;
    }

private slots:
    void streams_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<SseEvent>>("expected");
        QTest::newRow("lf") << QByteArray("data: a\n\ndata: b\n\n") << QList<SseEvent>{ev("a"), ev("b")};
        QTest::newRow("crlf") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n") << QList<SseEvent>{ev("a"), ev("b")};
        QTest::newRow("cr") << QByteArray("data: a\r\rdata: b\r\r") << QList<SseEvent>{ev("a"), ev("b")};
        QTest::newRow("mixed") << QByteArray("data: a\r\n\ndata: b\r\r\ndata: c\n\r\n")
                               << QList<SseEvent>{ev("a"), ev("b"), ev("c")};
        QTest::newRow("multiline data") << QByteArray("data: one\ndata: two\ndata\n\n")
                                        << QList<SseEvent>{ev("one\ntwo\n")};
        QTest::newRow("comments") << QByteArray(": keep-alive\n: OPENROUTER PROCESSING\ndata: x\n\n:\n\n")
                                  << QList<SseEvent>{ev("x")};
        QTest::newRow("no space after colon") << QByteArray("data:x\n\ndata:  y\n\n") << QList<SseEvent>{ev("x"), ev(" y")};
        QTest::newRow("event and id") << QByteArray("event: error\nid: 7\ndata: {}\n\ndata: z\n\n")
                                      << QList<SseEvent>{ev("{}", "error", "7"), ev("z", "message", "7")};
        QTest::newRow("blank lines without data") << QByteArray("\n\n\nevent: ping\n\ndata: q\n\n")
                                                  << QList<SseEvent>{ev("q")};
        QTest::newRow("unknown fields and retry") << QByteArray("retry: 10\nfoo: bar\ndata: r\n\n")
                                                  << QList<SseEvent>{ev("r")};
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF" "data: b\n\n") << QList<SseEvent>{ev("b")};
        QTest::newRow("utf8") << QByteArray("data: {\"c\":\"h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80\"}\n\n")
                              << QList<SseEvent>{ev("{\"c\":\"h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80\"}")};
        QTest::newRow("codestral")
            << QByteArray("data: {\"id\":\"1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"return\"},\"finish_reason\":null}]}\n\n"
                          "data: {\"id\":\"1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" a + b\"},\"finish_reason\":\"stop\"}]}\n\n"
                          "data: [DONE]\n\n")
            << QList<SseEvent>{
                   ev("{\"id\":\"1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"return\"},\"finish_reason\":null}]}"),
                   ev("{\"id\":\"1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" a + b\"},\"finish_reason\":\"stop\"}]}"),
                   ev("[DONE]")};
        QTest::newRow("unfinished last event dropped") << QByteArray("data: a\n\ndata: cut") << QList<SseEvent>{ev("a")};
    }

    void streams()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<SseEvent>, expected);
        QCOMPARE(parseSplit(stream, {}), expected);
        // One byte at a time.
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < stream.size(); ++i)
            everyByte << i;
        QCOMPARE(parseSplit(stream, everyByte), expected);
        // Every pair of cut positions.
        for (qsizetype a = 0; a <= stream.size(); ++a)
            for (qsizetype b = a; b <= stream.size(); ++b) {
                const QList<SseEvent> got = parseSplit(stream, {a, b});
                if (got != expected)
                    QFAIL(qPrintable(QStringLiteral("differs when cut at %1 and %2").arg(a).arg(b)));
            }
    }

    void finishReportsCutEvent()
    {
        SseParser parser;
        QCOMPARE(parser.feed("data: a\n\n").size(), 1);
        QVERIFY(!parser.finish());
        SseParser cut;
        QCOMPARE(cut.feed("data: {\"choices\":").size(), 0);
        QVERIFY(cut.pendingBytes() > 0);
        QVERIFY(cut.finish());
    }

    void crAtChunkEndThenLf()
    {
        SseParser parser;
        QCOMPARE(parser.feed("data: a\r").size(), 0);
        // The LF completes the CR of the previous read: one line ending, not an empty line.
        QCOMPARE(parser.feed("\n").size(), 0);
        QCOMPARE(parser.feed("\n").size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
