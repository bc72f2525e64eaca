#include "backends/fimbackend.h"
#include "wire/endpoint.h"
#include "wire/fimrequest.h"

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
        QTest::newRow("llama-server") << QStringLiteral("http://127.0.0.1:8012") << int(EndpointKind::LlamaCpp)
                                      << QStringLiteral("http://127.0.0.1:8012/infill")
                                      << QStringLiteral("http://127.0.0.1:8012/health");
        QTest::newRow("llama-server, /infill pasted") << QStringLiteral("http://127.0.0.1:8080/infill") << int(EndpointKind::LlamaCpp)
                                                      << QStringLiteral("http://127.0.0.1:8080/infill")
                                                      << QStringLiteral("http://127.0.0.1:8080/health");
        QTest::newRow("ollama") << QStringLiteral("http://127.0.0.1:11434/") << int(EndpointKind::Ollama)
                                << QStringLiteral("http://127.0.0.1:11434/api/generate")
                                << QStringLiteral("http://127.0.0.1:11434/api/version");
        QTest::newRow("openai, bare host") << QStringLiteral("http://127.0.0.1:1234") << int(EndpointKind::OpenAi)
                                           << QStringLiteral("http://127.0.0.1:1234/v1/completions")
                                           << QStringLiteral("http://127.0.0.1:1234/v1/models");
        QTest::newRow("openai, Ollama /v1") << QStringLiteral("http://127.0.0.1:11434/v1") << int(EndpointKind::OpenAi)
                                            << QStringLiteral("http://127.0.0.1:11434/v1/completions")
                                            << QStringLiteral("http://127.0.0.1:11434/v1/models");
        QTest::newRow("openai, DeepSeek beta") << QStringLiteral("https://api.deepseek.com/beta") << int(EndpointKind::OpenAi)
                                               << QStringLiteral("https://api.deepseek.com/beta/completions")
                                               << QStringLiteral("https://api.deepseek.com/beta/models");
    }

    void urls()
    {
        QFETCH(QString, base);
        QFETCH(int, kind);
        const Endpoint e{QStringLiteral("e"), EndpointKind(kind), QUrl(base)};
        QVERIFY(e.validationError().isEmpty());
        const FimBackend &backend = FimBackend::forKind(e.kind);
        FimRequest request;
        request.model = QStringLiteral("m");
        QString error;
        const std::optional<WireRequest> wire = backend.buildRequest(e, request, &error);
        QVERIFY2(wire, qPrintable(error));
        QTEST(wire->url.toString(), "fim");
        QTEST(backend.healthUrl(e).toString(), "health");
    }

    void invalidUrlsSayWhy()
    {
        for (const char *bad : {"", "ftp://host", "http://", "http://h/?q=1", "not a url"}) {
            const Endpoint e{QStringLiteral("e"), EndpointKind::Proxy, QUrl(QString::fromLatin1(bad))};
            QVERIFY2(!e.validationError().isEmpty(), bad);
        }
        QCOMPARE(Endpoint{}.secretEnvironmentVariable(), QStringLiteral("FIM_PROXY_TOKEN"));
        QCOMPARE(endpointKindFromName(QStringLiteral("codestral")), EndpointKind::Codestral);
        QCOMPARE(endpointKindFromName(QStringLiteral("ollama")), EndpointKind::Ollama);
        QVERIFY(!endpointKindFromName(QStringLiteral("vllm")));
        for (EndpointKind kind : allEndpointKinds())
            QCOMPARE(endpointKindFromName(endpointKindName(kind)), kind);
        QCOMPARE(Endpoint(QStringLiteral("o"), EndpointKind::Ollama, QUrl()).secretEnvironmentVariable(), QStringLiteral("FIM_API_KEY"));
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
