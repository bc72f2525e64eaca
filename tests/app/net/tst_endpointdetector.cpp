#include "fakeservers.h"
#include "net/endpointdetector.h"
#include "settings/translations.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

// Which kind answers at a URL, against fakes that answer every route the way each server does
// (llama-server and Ollama both have /v1/models; llama-server also has /health).
class TestEndpointDetector : public QObject
{
    Q_OBJECT

private slots:
    // English with its plural forms ("12 tokens"), whatever the machine's language.
    void initTestCase() { Translations::install(qApp, QStringLiteral("en")); }
    void findsEachKind_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("what");
        QTest::newRow("ollama") << int(EndpointKind::Ollama) << "Ollama 0.12.6";
        QTest::newRow("llama.cpp") << int(EndpointKind::LlamaCpp) << "llama-server, n_ctx 4096";
        QTest::newRow("proxy") << int(EndpointKind::Proxy) << "cloudflare-backend";
        QTest::newRow("openai") << int(EndpointKind::OpenAi) << "OpenAI-style API, 2 models";
        // /v1/models alone, and /v1/fim/completions there (no /v1/completions): Mistral's shape.
        QTest::newRow("codestral-shaped") << int(EndpointKind::Codestral) << "a Mistral-style FIM API (/v1/fim/completions)";
    }

    void findsEachKind()
    {
        QFETCH(int, kind);
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serve(server, EndpointKind(kind), QStringLiteral("x"));
        QNetworkAccessManager network;
        EndpointDetector detector(&network);
        QSignalSpy detected(&detector, &EndpointDetector::detected);
        QSignalSpy failed(&detector, &EndpointDetector::failed);
        detector.probe(server.url());
        QCOMPARE(detected.size(), 0); // never from within probe()
        QVERIFY(detected.wait());
        QCOMPARE(detected.first().at(1).value<EndpointKind>(), EndpointKind(kind));
        QTEST(detected.first().at(2).toString(), "what");
        QCOMPARE(failed.size(), 0);
    }

    void llamaServerWhileLoading()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        for (const char *path : {"/props", "/health", "/v1/models", "/api/version"})
            server.setReply(path, FakeServers::llamaLoading());
        QNetworkAccessManager network;
        EndpointDetector detector(&network);
        QSignalSpy detected(&detector, &EndpointDetector::detected);
        detector.probe(server.url());
        QVERIFY(detected.wait());
        QCOMPARE(detected.first().at(1).value<EndpointKind>(), EndpointKind::LlamaCpp);
        QVERIFY(detected.first().at(2).toString().contains(u"loading"));
    }

    void mistralNeedsNoRequest()
    {
        QNetworkAccessManager network;
        EndpointDetector detector(&network);
        QSignalSpy detected(&detector, &EndpointDetector::detected);
        detector.probe(QUrl(QStringLiteral("https://api.mistral.ai")));
        QVERIFY(detected.wait(1000));
        QCOMPARE(detected.first().at(1).value<EndpointKind>(), EndpointKind::Codestral);
    }

    void nothingThereSaysSo()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QNetworkAccessManager network;
        EndpointDetector detector(&network);
        QSignalSpy failed(&detector, &EndpointDetector::failed);
        detector.probe(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QVERIFY(failed.wait());
        QVERIFY2(failed.first().at(1).toString().contains(u"No FIM server answers"), qPrintable(failed.first().at(1).toString()));

        // Something answers, but not as any FIM server.
        FakeUpstream web;
        QVERIFY(web.listen());
        web.setReply("/health", FakeUpstream::text(200, "<html>hello</html>", "text/html"));
        web.setReply("/v1/models", FakeUpstream::text(404, "<html>not here</html>", "text/html"));
        detector.probe(web.url());
        QVERIFY(failed.wait());
        QVERIFY(failed.last().at(1).toString().contains(u"answers like a FIM server"));
    }
};

QTEST_GUILESS_MAIN(TestEndpointDetector)
#include "tst_endpointdetector.moc"
