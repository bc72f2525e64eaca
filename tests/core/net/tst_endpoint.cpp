#include "endpoint.h"
#include "fimrequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void urls_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("fim");
        QTest::addColumn<QString>("health");
        const int proxy = int(EndpointKind::Proxy);
        const int codestral = int(EndpointKind::Codestral);
        QTest::newRow("wrangler dev") << QStringLiteral("http://127.0.0.1:8787") << proxy
                                      << QStringLiteral("http://127.0.0.1:8787/v1/fim/completions")
                                      << QStringLiteral("http://127.0.0.1:8787/health");
        QTest::newRow("trailing slash") << QStringLiteral("https://x.workers.dev/") << proxy
                                        << QStringLiteral("https://x.workers.dev/v1/fim/completions")
                                        << QStringLiteral("https://x.workers.dev/health");
        QTest::newRow("path prefix (AI Gateway)")
            << QStringLiteral("https://gateway.ai.cloudflare.com/v1/acct/gw/mistral") << codestral
            << QStringLiteral("https://gateway.ai.cloudflare.com/v1/acct/gw/mistral/v1/fim/completions")
            << QStringLiteral("https://gateway.ai.cloudflare.com/v1/acct/gw/mistral/v1/models");
        QTest::newRow("full URL pasted") << QStringLiteral("https://codestral.mistral.ai/v1/fim/completions") << codestral
                                         << QStringLiteral("https://codestral.mistral.ai/v1/fim/completions")
                                         << QStringLiteral("https://codestral.mistral.ai/v1/models");
    }

    void urls()
    {
        QFETCH(QString, base);
        QFETCH(int, kind);
        const Endpoint e{QStringLiteral("e"), EndpointKind(kind), QUrl(base)};
        QVERIFY(e.validationError().isEmpty());
        QTEST(e.fimUrl().toString(), "fim");
        QTEST(e.healthUrl().toString(), "health");
    }

    void invalidUrlsSayWhy()
    {
        for (const char *bad : {"", "ftp://host", "http://", "http://h/?q=1", "not a url"}) {
            const Endpoint e{QStringLiteral("e"), EndpointKind::Proxy, QUrl(QString::fromLatin1(bad))};
            QVERIFY2(!e.validationError().isEmpty(), bad);
        }
        QCOMPARE(Endpoint{}.secretEnvironmentVariable(), QStringLiteral("FIM_PROXY_TOKEN"));
        QCOMPARE(endpointKindFromName(QStringLiteral("codestral")), EndpointKind::Codestral);
        QVERIFY(!endpointKindFromName(QStringLiteral("ollama")));
    }

    void requestJsonKeepsUnicodeAndControlCharacters()
    {
        FimRequest r;
        r.prompt = QStringLiteral("s = \"h\u00e9llo \u20ac \U0001F600\"\n\t\\");
        r.suffix = QString(QChar(0)) + QStringLiteral("end");
        const QJsonObject o = QJsonDocument::fromJson(r.toJson()).object();
        QCOMPARE(o.value(u"prompt").toString(), r.prompt);
        QCOMPARE(o.value(u"suffix").toString(), r.suffix);
    }
};

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
