#include "wire/completionparser.h"
#include "wire/modellistparser.h"

#include <QTest>

class TestCompletionParser : public QObject
{
    Q_OBJECT

private slots:
    void bodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("finish");
        QTest::addColumn<int>("totalTokens");
        QTest::newRow("codestral")
            << QByteArray("{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"codestral-latest\",\"created\":1,\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":4,\"total_tokens\":14},\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"return a + b\"},\"finish_reason\":\"stop\"}]}")
            << true << QStringLiteral("return a + b") << QStringLiteral("stop") << 14;
        QTest::newRow("seed proxy")
            << QByteArray("{\"id\":\"fim-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"codestral-latest\",\"choices\":[{\"text\":\"return a + b\",\"index\":0,\"finish_reason\":\"stop\"}]}")
            << true << QStringLiteral("return a + b") << QStringLiteral("stop") << -1;
        QTest::newRow("length") << QByteArray("{\"choices\":[{\"message\":{\"content\":\"abc\"},\"finish_reason\":\"length\"}]}")
                                << true << QStringLiteral("abc") << QStringLiteral("length") << -1;
        QTest::newRow("null content") << QByteArray("{\"choices\":[{\"message\":{\"content\":null},\"finish_reason\":\"stop\"}]}")
                                      << true << QString() << QStringLiteral("stop") << -1;
        QTest::newRow("usage sum") << QByteArray("{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4},\"choices\":[{\"text\":\"t\"}]}")
                                   << true << QStringLiteral("t") << QString() << 7;
        QTest::newRow("not json") << QByteArray("<html>") << false << QString() << QString() << -1;
        QTest::newRow("array") << QByteArray("[]") << false << QString() << QString() << -1;
        QTest::newRow("no choices") << QByteArray("{\"choices\":[]}") << false << QString() << QString() << -1;
        QTest::newRow("error object") << QByteArray("{\"error\":{\"message\":\"x\"}}") << false << QString() << QString() << -1;
        QTest::newRow("content number") << QByteArray("{\"choices\":[{\"message\":{\"content\":5}}]}") << false << QString()
                                        << QString() << -1;
        QTest::newRow("truncated") << QByteArray("{\"choices\":[{\"text\":\"ret") << false << QString() << QString() << -1;
    }

    void bodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QString error;
        const std::optional<CompletionBody> parsed = CompletionParser::parseBody(body, &error);
        QCOMPARE(parsed.has_value(), ok);
        if (!ok) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QFETCH(QString, text);
        QFETCH(QString, finish);
        QFETCH(int, totalTokens);
        QCOMPARE(parsed->text, text);
        QCOMPARE(parsed->finishReason, finish);
        QCOMPARE(parsed->usage ? parsed->usage->totalTokens : -1, totalTokens);
    }

    void chunks()
    {
        QString error;
        auto c = CompletionParser::parseChunk(
            "{\"id\":\"1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ab\"},\"finish_reason\":null}]}", &error);
        QVERIFY(c);
        QCOMPARE(c->delta, QStringLiteral("ab"));
        QVERIFY(c->finishReason.isEmpty());
        c = CompletionParser::parseChunk(
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}",
            &error);
        QVERIFY(c);
        QCOMPARE(c->finishReason, QStringLiteral("stop"));
        QCOMPARE(c->usage->totalTokens, 3);
        c = CompletionParser::parseChunk("{\"choices\":[{\"text\":\"x\",\"finish_reason\":null}]}", &error);
        QCOMPARE(c->delta, QStringLiteral("x"));
        c = CompletionParser::parseChunk("{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}", &error);
        QVERIFY(c && c->delta.isEmpty());
        QVERIFY(!CompletionParser::parseChunk("{\"object\":\"error\",\"message\":\"boom\"}", &error));
        QVERIFY(!CompletionParser::parseChunk("nope", &error));
    }

    void models_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<bool>("filtered");
        QTest::newRow("seed") << QByteArray("{\"object\":\"list\",\"data\":[{\"id\":\"codestral-latest\",\"object\":\"model\",\"created\":1704020400,\"owned_by\":\"mistral\"}]}")
                              << QStringList{QStringLiteral("codestral-latest")} << false;
        QTest::newRow("mistral cards")
            << QByteArray("{\"object\":\"list\",\"data\":["
                          "{\"id\":\"mistral-large-latest\",\"capabilities\":{\"completion_chat\":true,\"completion_fim\":false},\"max_context_length\":131072},"
                          "{\"id\":\"codestral-2508\",\"capabilities\":{\"completion_chat\":true,\"completion_fim\":true},\"max_context_length\":256000},"
                          "{\"id\":\"codestral-latest\",\"capabilities\":{\"completion_fim\":true}}]}")
            << QStringList{QStringLiteral("codestral-2508"), QStringLiteral("codestral-latest")} << true;
        QTest::newRow("bare array") << QByteArray("[{\"id\":\"a\"},{\"id\":\"\"},{\"nope\":1}]") << QStringList{QStringLiteral("a")} << false;
    }

    void models()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, ids);
        QFETCH(bool, filtered);
        QString error;
        const auto list = ModelListParser::parse(body, &error);
        QVERIFY2(list, qPrintable(error));
        QStringList got;
        for (const ModelInfo &m : list->models)
            got << m.id;
        QCOMPARE(got, ids);
        QCOMPARE(list->filteredByCapability, filtered);
    }

    void badModelLists()
    {
        QString error;
        QVERIFY(!ModelListParser::parse("{", &error));
        QVERIFY(!ModelListParser::parse("{\"object\":\"list\"}", &error));
        QVERIFY(error.contains(QStringLiteral("data")));
        QVERIFY(ModelListParser::builtInCodestralModels().builtIn);
    }
};

QTEST_GUILESS_MAIN(TestCompletionParser)
#include "tst_completionparser.moc"
