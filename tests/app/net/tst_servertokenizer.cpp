#include "fakeupstream.h"
#include "net/servertokenizer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

// Reading llama-server's /tokenize answers (the shapes seen on Debian's llama-server 0.7.0) and
// telling special tokens by their shape. The requests themselves run against the real server
// (tests/realserver); its faults (a route missing, a server failing) against the fake upstream.
class TestServerTokenizer : public QObject
{
    Q_OBJECT

private slots:
    void readsPieces()
    {
        // What the real server answered for "<|fim_prefix|>def f():" with the tests' tiny model.
        const QByteArray body = R"json({"tokens":[{"id":262,"piece":"<|fim_prefix|>"},{"id":100,"piece":"d"},{"id":101,"piece":"e"},)json"
                                R"json({"id":102,"piece":"f"},{"id":32,"piece":" "},{"id":102,"piece":"f"},{"id":260,"piece":"()"},{"id":58,"piece":":"}]})json";
        const auto tokens = ServerTokenizer::parse(body);
        QVERIFY(tokens);
        QCOMPARE(tokens->size(), 8);
        QCOMPARE(tokens->at(0), (TokenPiece{262, QStringLiteral("<|fim_prefix|>"), true}));
        QCOMPARE(tokens->at(6), (TokenPiece{260, QStringLiteral("()"), false}));
    }

    void readsBytePiecesAndBareIds()
    {
        // A piece that is no whole UTF-8 character comes as its bytes; without with_pieces, ids alone.
        const auto bytes = ServerTokenizer::parse(R"({"tokens":[{"id":7,"piece":[195,169]},{"id":8,"piece":"x"}]})");
        QVERIFY(bytes);
        QCOMPARE(bytes->at(0).piece, QStringLiteral("é"));
        const auto ids = ServerTokenizer::parse(R"({"tokens":[1,2,3]})");
        QVERIFY(ids);
        QCOMPARE(ids->size(), 3);
        QCOMPARE(ids->at(2).id, 3);
        QVERIFY(!ServerTokenizer::parse("not json"));
        QVERIFY(!ServerTokenizer::parse(R"({"error":"x"})"));
    }

    void specialShapes_data()
    {
        QTest::addColumn<QString>("piece");
        QTest::addColumn<bool>("special");
        QTest::newRow("qwen") << QStringLiteral("<|fim_middle|>") << true;
        QTest::newRow("starcoder") << QStringLiteral("<file_sep>") << true;
        QTest::newRow("codestral") << QStringLiteral("[SUFFIX]") << true;
        QTest::newRow("deepseek") << QStringLiteral("<｜fim▁hole｜>") << true;
        QTest::newRow("codellama") << QStringLiteral("<MID>") << true;
        QTest::newRow("text") << QStringLiteral("<div") << false;
        QTest::newRow("html") << QStringLiteral("<div>") << false;
        QTest::newRow("comparison") << QStringLiteral("< b >") << false;
        QTest::newRow("array") << QStringLiteral("[i]") << false;
        QTest::newRow("short") << QStringLiteral("<>") << false;
    }
    void specialShapes()
    {
        QFETCH(QString, piece);
        QTEST(ServerTokenizer::looksSpecial(piece), "special");
    }

    // A failing server rests for RestAfterFailureMs: the inspector's next exchanges do not ask it
    // again (each still hears failed(), with the reason); a server without the route is not asked
    // again at all until the endpoint changes.
    void aFailureIsNotAskedAgainAtOnce_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("untilEndpointChanges");
        QTest::newRow("500") << 500 << false;
        QTest::newRow("404, no route") << 404 << true;
    }
    void aFailureIsNotAskedAgainAtOnce()
    {
        QFETCH(int, status);
        QFETCH(bool, untilEndpointChanges);
        FakeUpstream server;
        QVERIFY(server.listen());
        server.setReply("/tokenize", FakeUpstream::json(status, R"({"error":{"message":"no"}})"));
        QNetworkAccessManager network;
        ServerTokenizer tokenizer(&network);
        tokenizer.setRestAfterFailure(300);
        const Endpoint llama(QStringLiteral("llama"), EndpointKind::LlamaCpp, server.url());
        tokenizer.setEndpoint(llama, QString());
        QSignalSpy failed(&tokenizer, &ServerTokenizer::failed);
        tokenizer.tokenize(QStringLiteral("a"));
        QTRY_COMPARE(failed.size(), 1);
        for (const QString &text : {QStringLiteral("b"), QStringLiteral("c")})
            tokenizer.tokenize(text);
        QTRY_COMPARE(failed.size(), 3);
        QCOMPARE(failed.at(2).at(1).toString(), QStringLiteral("c"));
        QCOMPARE(server.requests().size(), 1); // asked once
        // Past the rest: asked again, unless the server has no such route.
        QTest::qWait(400);
        tokenizer.tokenize(QStringLiteral("d"));
        QTRY_COMPARE(failed.size(), 4);
        QCOMPARE(server.requests().size(), untilEndpointChanges ? 1 : 2);
        // The endpoint set again (a profile chosen): asked afresh.
        tokenizer.setEndpoint(llama, QString());
        tokenizer.tokenize(QStringLiteral("e"));
        QTRY_COMPARE(failed.size(), 5);
        QCOMPARE(server.requests().size(), untilEndpointChanges ? 2 : 3);
    }
};

QTEST_GUILESS_MAIN(TestServerTokenizer)
#include "tst_servertokenizer.moc"
