#include "wire/errorparser.h"

#include <QTest>

class TestErrorParser : public QObject
{
    Q_OBJECT

private slots:
    void shapes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("mentions");
        QTest::addColumn<QStringList>("mustNotMention");
        QTest::addColumn<int>("retrySeconds");
        using K = FimError::Kind;

        QTest::newRow("codestral 401 message") << 401 << QByteArray("{\"message\":\"Unauthorized\",\"request_id\":\"abc123\"}")
                                               << QByteArray() << QStringLiteral("codestral.mistral.ai") << int(K::Auth)
                                               << QStringList{QStringLiteral("Invalid API key for codestral.mistral.ai"),
                                                              QStringLiteral("Unauthorized")}
                                               << QStringList{QStringLiteral("request_id"), QStringLiteral("{")} << -1;
        QTest::newRow("401 detail") << 401 << QByteArray("{\"detail\":\"Unauthorized\"}") << QByteArray()
                                    << QStringLiteral("api.mistral.ai") << int(K::Auth)
                                    << QStringList{QStringLiteral("api.mistral.ai"), QStringLiteral("Unauthorized")}
                                    << QStringList{QStringLiteral("detail")} << -1;
        QTest::newRow("proxy 401") << 401 << QByteArray("{\"error\":{\"message\":\"Unauthorized\",\"type\":\"auth_error\"}}")
                                   << QByteArray() << QStringLiteral("my-proxy.workers.dev") << int(K::Auth)
                                   << QStringList{QStringLiteral("FIM_PROXY_TOKEN")} << QStringList{} << -1;
        QTest::newRow("422 detail list")
            << 422
            << QByteArray("{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"Field required\",\"type\":\"missing\"},{\"loc\":[\"body\",\"temperature\"],\"msg\":\"Input should be less than or equal to 1.5\",\"type\":\"less_than_equal\"}]}")
            << QByteArray() << QStringLiteral("codestral.mistral.ai") << int(K::Invalid)
            << QStringList{QStringLiteral("prompt: Field required"), QStringLiteral("temperature: Input should be less")}
            << QStringList{QStringLiteral("loc")} << -1;
        QTest::newRow("429 message") << 429 << QByteArray("{\"message\":\"Requests rate limit exceeded\"}")
                                     << QByteArray("17") << QStringLiteral("codestral.mistral.ai") << int(K::RateLimited)
                                     << QStringList{QStringLiteral("Requests rate limit exceeded"), QStringLiteral("17 s")}
                                     << QStringList{} << 17;
        QTest::newRow("429 object error")
            << 429 << QByteArray("{\"object\":\"error\",\"message\":\"Rate limit exceeded\",\"type\":\"rate_limited\",\"code\":\"1300\"}")
            << QByteArray("2.5") << QStringLiteral("api.mistral.ai") << int(K::RateLimited)
            << QStringList{QStringLiteral("Rate limit exceeded"), QStringLiteral("3 s")} << QStringList{QStringLiteral("1300")} << 3;
        QTest::newRow("429 http date") << 429 << QByteArray("{}") << QByteArray("Mon, 23 Nov 2026 12:01:00 GMT")
                                       << QStringLiteral("h") << int(K::RateLimited) << QStringList{QStringLiteral("60 s")}
                                       << QStringList{} << 60;
        QTest::newRow("seed wraps upstream 401")
            << 401
            << QByteArray("{\"error\":{\"message\":\"Codestral API error: {\\\"message\\\":\\\"Unauthorized\\\",\\\"request_id\\\":\\\"r1\\\"}\",\"type\":\"api_error\"}}")
            << QByteArray() << QStringLiteral("127.0.0.1") << int(K::Auth) << QStringList{QStringLiteral("(Unauthorized)")}
            << QStringList{QStringLiteral("request_id"), QStringLiteral("Codestral API error")} << -1;
        QTest::newRow("seed config error") << 500
                                           << QByteArray("{\"error\":{\"message\":\"CODESTRAL_API_KEY not configured\",\"type\":\"configuration_error\"}}")
                                           << QByteArray() << QStringLiteral("127.0.0.1") << int(K::Http)
                                           << QStringList{QStringLiteral("CODESTRAL_API_KEY not configured"), QStringLiteral("500")}
                                           << QStringList{} << -1;
        QTest::newRow("seed 404") << 404 << QByteArray("{\"error\":{\"message\":\"Route not found: POST /v2\",\"type\":\"not_found\"}}")
                                  << QByteArray() << QStringLiteral("h") << int(K::Http)
                                  << QStringList{QStringLiteral("Route not found"), QStringLiteral("URL")} << QStringList{} << -1;
        QTest::newRow("html 502") << 502
                                  << QByteArray("<html><head><title>x</title><style>a{}</style></head><body><h1>502 Bad Gateway</h1></body></html>")
                                  << QByteArray() << QStringLiteral("h") << int(K::Http)
                                  << QStringList{QStringLiteral("502 Bad Gateway")} << QStringList{QStringLiteral("<h1>"), QStringLiteral("a{}")}
                                  << -1;
        QTest::newRow("empty 503") << 503 << QByteArray() << QByteArray("x") << QStringLiteral("h") << int(K::Http)
                                   << QStringList{QStringLiteral("503"), QStringLiteral("Try again later")} << QStringList{QStringLiteral("()")} << -1;
        QTest::newRow("504") << 504 << QByteArray("{\"error\":{\"message\":\"Upstream timed out\",\"type\":\"timeout\"}}")
                             << QByteArray() << QStringLiteral("h") << int(K::Http) << QStringList{QStringLiteral("timed out")}
                             << QStringList{} << -1;
        QTest::newRow("413") << 413 << QByteArray("{\"error\":{\"message\":\"Body too large\",\"type\":\"invalid_request_error\"}}")
                             << QByteArray() << QStringLiteral("h") << int(K::Invalid) << QStringList{QStringLiteral("context limits")}
                             << QStringList{} << -1;
        QTest::newRow("string error") << 400 << QByteArray("{\"error\":\"bad prompt\"}") << QByteArray() << QStringLiteral("h")
                                      << int(K::Invalid) << QStringList{QStringLiteral("bad prompt")} << QStringList{} << -1;
    }

    void shapes()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QString, host);
        QFETCH(int, kind);
        QFETCH(QStringList, mentions);
        QFETCH(QStringList, mustNotMention);
        QFETCH(int, retrySeconds);
        const QDateTime now(QDate(2026, 11, 23), QTime(12, 0, 0), QTimeZone::UTC);
        const FimError e = ErrorParser::fromHttp(status, body, retryAfter, host, now);
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.httpStatus, status);
        for (const QString &m : mentions)
            QVERIFY2(e.message.contains(m), qPrintable(e.message + QStringLiteral(" lacks ") + m));
        for (const QString &m : mustNotMention)
            QVERIFY2(!e.message.contains(m), qPrintable(e.message + QStringLiteral(" has ") + m));
        QCOMPARE(e.retryAfterSeconds.value_or(-1), retrySeconds);
    }

    void longBodiesAreShortened()
    {
        const QByteArray body = "{\"message\":\"" + QByteArray(100000, 'x') + "\"}";
        const FimError e = ErrorParser::fromHttp(500, body, {}, QStringLiteral("h"));
        QVERIFY(e.message.size() < 600);
    }

    void garbageNeverCrashes()
    {
        for (const QByteArray &b : {QByteArray("{"), QByteArray("[1,2]"), QByteArray("null"), QByteArray("\xff\xfe"),
                                    QByteArray("{\"detail\":[1,\"x\",{\"msg\":5}]}"), QByteArray("{\"error\":{\"error\":{\"error\":{}}}}")})
            QVERIFY(!ErrorParser::fromHttp(500, b, "abc", QStringLiteral("h")).message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestErrorParser)
#include "tst_errorparser.moc"
