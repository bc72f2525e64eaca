#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "fakeservers.h"
#include "fakeupstream.h"
#include "settings/commandline.h"
#include "testcontext.h"
#include "window/mainwindow.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

// Each row of the fault matrix, through the whole window: the user presses Ctrl+Space and the
// endpoint (the proxy, llama-server, Ollama or an OpenAI-style server) misbehaves. For each: the
// words the user sees, that the window stays responsive (the event loop never stalls), that the
// editor text is intact, and that no request is left hanging. (No raw string literals here: moc
// does not read them.)
class TestFaultMatrix : public QObject
{
    Q_OBJECT

private slots:
    void faults_data()
    {
        using F = FakeUpstream::Reply::Fault;
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("endpoint"); // empty: the fake upstream
        QTest::addColumn<QString>("words");
        QTest::addColumn<int>("kind");
        const QByteArray ok = "{\"choices\":[{\"message\":{\"content\":\"return a + b\"},\"finish_reason\":\"stop\"}]}";
        QTest::newRow("upstream reset") << int(F::ResetMidBody) << 200 << ok << false << QString() << QStringLiteral("closed the connection") << int(EndpointKind::Proxy);
        QTest::newRow("truncated stream") << int(F::None) << 200 << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"ret\"}}]}\n\ndata: {\"cho")
                                          << true << QString() << QStringLiteral("ended before the completion was finished") << int(EndpointKind::Proxy);
        QTest::newRow("stall mid-answer") << int(F::StallAfterHeaders) << 200 << ok << false << QString() << QStringLiteral("stopped sending") << int(EndpointKind::Proxy);
        QTest::newRow("stall before answering") << int(F::StallBeforeHeaders) << 200 << ok << false << QString() << QStringLiteral("sent no answer") << int(EndpointKind::Proxy);
        QTest::newRow("bad JSON") << int(F::None) << 200 << QByteArray("{\"choices\": [tru") << false << QString() << QStringLiteral("not valid JSON") << int(EndpointKind::Proxy);
        QTest::newRow("endless body") << int(F::Endless) << 200 << ok << false << QString() << QStringLiteral("KiB and was cut off") << int(EndpointKind::Proxy);
        QTest::newRow("401") << int(F::None) << 401 << QByteArray("{\"message\":\"Unauthorized\"}") << false << QString()
                             << QStringLiteral("unauthorized (HTTP 401)") << int(EndpointKind::Proxy);
        QTest::newRow("422") << int(F::None) << 422 << QByteArray("{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"Field required\"}]}")
                             << false << QString() << QStringLiteral("prompt: Field required") << int(EndpointKind::Proxy);
        QTest::newRow("429 with Retry-After") << int(F::None) << 429 << QByteArray("{\"message\":\"Requests rate limit exceeded\"}")
                                              << false << QString() << QStringLiteral("Try again in 30 s") << int(EndpointKind::Proxy);
        QTest::newRow("500") << int(F::None) << 500 << QByteArray("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}")
                             << false << QString() << QStringLiteral("Server error at 127.0.0.1 (HTTP 500) (boom)") << int(EndpointKind::Proxy);
        QTest::newRow("proxy down") << int(F::None) << 200 << ok << false << QStringLiteral("refused") << QStringLiteral("connection refused") << int(EndpointKind::Proxy);
        QTest::newRow("DNS failure") << int(F::None) << 200 << ok << false << QStringLiteral("http://fim-playground-test.invalid")
                                     << QStringLiteral("not found") << int(EndpointKind::Proxy);
        QTest::newRow("TLS error") << int(F::None) << 200 << ok << false << QStringLiteral("tls") << QStringLiteral("TLS") << int(EndpointKind::Proxy);
        // The local servers' own faults.
        const int llama = int(EndpointKind::LlamaCpp);
        const int ollama = int(EndpointKind::Ollama);
        const int openai = int(EndpointKind::OpenAi);
        QTest::newRow("llama.cpp loading (503)") << int(F::None) << 503 << FakeServers::llamaLoading().chunks.first() << false
                                                 << QString() << QStringLiteral("still loading the model") << llama;
        QTest::newRow("llama.cpp without FIM tokens (501)") << int(F::None) << 501 << FakeServers::llamaNoInfill().chunks.first()
                                                            << false << QString() << QStringLiteral("no FIM tokens") << llama;
        QTest::newRow("llama.cpp stream cut before stop:true")
            << int(F::None) << 200 << FakeServers::llamaStream({QStringLiteral("ret")}, 0, false).chunks.join() << true << QString()
            << QStringLiteral("ended before the completion was finished") << llama;
        QTest::newRow("llama.cpp stall mid-stream") << int(F::StallAfterHeaders) << 200 << QByteArray() << true << QString()
                                                    << QStringLiteral("stopped sending") << llama;
        QTest::newRow("ollama model not pulled") << int(F::None) << 404
                                                 << FakeServers::ollamaNotFound(QStringLiteral("qwen2.5-coder:1.5b")).chunks.first() << false
                                                 << QString() << QStringLiteral("ollama pull qwen2.5-coder:1.5b") << ollama;
        QTest::newRow("ollama model without insert") << int(F::None) << 400
                                                     << FakeServers::ollamaNoInsert(QStringLiteral("qwen2.5-coder:1.5b")).chunks.first()
                                                     << false << QString() << QStringLiteral("cannot fill in the middle") << ollama;
        QTest::newRow("ollama error line mid-stream")
            << int(F::None) << 200 << QByteArray("{\"response\":\"re\",\"done\":false}\n{\"error\":\"out of memory\"}\n") << true
            << QString() << QStringLiteral("reported an error in the stream: out of memory") << ollama;
        QTest::newRow("ollama bad JSON line") << int(F::None) << 200 << QByteArray("{\"response\":\"re\",\"do\n") << true << QString()
                                              << QStringLiteral("could not be read") << ollama;
        QTest::newRow("ollama stream cut before done:true")
            << int(F::None) << 200 << QByteArray("{\"response\":\"re\",\"done\":false}\n") << true << QString()
            << QStringLiteral("ended before the completion was finished") << ollama;
        QTest::newRow("openai server refuses suffix") << int(F::None) << 400 << FakeServers::openaiSuffixRefused().chunks.first()
                                                      << false << QString() << QStringLiteral("refuses \"suffix\"") << openai;
        QTest::newRow("openai 5xx HTML") << int(F::None) << 502 << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>")
                                         << false << QString() << QStringLiteral("HTTP 502") << openai;
        QTest::newRow("llama.cpp down") << int(F::None) << 200 << QByteArray() << false << QStringLiteral("refused")
                                        << QStringLiteral("Is llama-server running?") << llama;
        QTest::newRow("ollama down") << int(F::None) << 200 << QByteArray() << false << QStringLiteral("refused")
                                     << QStringLiteral("ollama serve") << ollama;
    }

    void faults()
    {
        QFETCH(int, fault);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, stream);
        QFETCH(QString, endpoint);
        QFETCH(QString, words);
        QFETCH(int, kind);

        FakeUpstream server;
        QVERIFY(server.listen());
        FakeUpstream::Reply reply = stream ? FakeUpstream::sse({body}) : FakeUpstream::json(status, body);
        if (stream && kind == int(EndpointKind::Ollama)) // Ollama streams NDJSON
            reply.headers = {{"Content-Type", "application/x-ndjson"}};
        if (status == 429)
            reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("30")));
        reply.fault = FakeUpstream::Reply::Fault(fault);
        server.setReply(FakeServers::completionPath(EndpointKind(kind)), reply);

        TestContext ctx(server.url());
        ClientTimeouts timeouts;
        timeouts.connectMs = 1500;
        timeouts.firstByteMs = 800;
        timeouts.idleMs = 800;
        timeouts.totalMs = 4000;
        ctx.context->settings().timeouts = timeouts;
        FimRequest parameters = ctx.context->settings().request;
        parameters.stream = stream;
        parameters.model = kind == int(EndpointKind::Ollama) ? QStringLiteral("qwen2.5-coder:1.5b") : QString();
        ctx.context->settings().request = parameters;

        MainWindow window(ctx.context.get());
        window.completion()->setAutoTrigger(false);
        window.start(PlaygroundOptions{});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        if (!endpoint.isEmpty() || kind != int(EndpointKind::Proxy)) {
            QUrl url = endpoint.isEmpty() ? server.url() : QUrl(endpoint);
            if (endpoint == u"refused" || endpoint == u"tls") {
                QTcpServer probe; // a port nobody listens on, or TLS spoken to a plain HTTP server
                QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
                url = endpoint == u"tls" ? QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.port()))
                                         : QUrl(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
            }
            QSignalSpy changed(ctx.context.get(), &AppContext::activeEndpointChanged);
            ctx.context->useEndpoint(Endpoint{QStringLiteral("Local proxy"), EndpointKind(kind), url});
            QVERIFY(changed.wait());
        }
        const QString before = window.editor()->toPlainText();

        // The event loop's largest gap while the fault plays out: the window stays responsive.
        qint64 worstGapMs = 0;
        QElapsedTimer sinceTick;
        sinceTick.start();
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] {
            worstGapMs = std::max(worstGapMs, sinceTick.restart());
        });
        ticker.start(10);

        window.editor()->setFocus();
        QTest::keyClick(window.editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(words),
                                  qPrintable(window.statusBar()->currentMessage()), 8000);
        ticker.stop();

        const QString message = window.statusBar()->currentMessage();
        QCOMPARE(window.editor()->toPlainText(), before);
        QVERIFY(!window.editor()->hasSuggestion());
        QVERIFY(!window.editor()->isBusy());
        QCOMPARE(ctx.context->client()->inFlight(), 0);
        QVERIFY(!window.completion()->isRequestInFlight());
        QVERIFY2(worstGapMs < 250, qPrintable(QStringLiteral("event loop stalled for %1 ms").arg(worstGapMs)));
        // Typing still works right after the fault.
        QTest::keyClicks(window.editor(), QStringLiteral("x"));
        QCOMPARE(window.editor()->toPlainText().size(), before.size() + 1);
        qInfo("| %s | %s | %lld ms |", QTest::currentDataTag(), qPrintable(message), worstGapMs);
    }
};

QTEST_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
