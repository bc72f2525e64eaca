#include "codeeditor.h"
#include "commandline.h"
#include "completioncontroller.h"
#include "fakeupstream.h"
#include "mainwindow.h"
#include "testcontext.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

// Each row of the fault matrix, through the whole window: the user presses Ctrl+Space and the
// endpoint misbehaves. For each: the words the user sees, that the window stays responsive (the
// event loop never stalls), that the editor text is intact, and that no request is left hanging.
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
        const QByteArray ok = "{\"choices\":[{\"message\":{\"content\":\"return a + b\"},\"finish_reason\":\"stop\"}]}";
        QTest::newRow("upstream reset") << int(F::ResetMidBody) << 200 << ok << false << QString() << QStringLiteral("closed the connection");
        QTest::newRow("truncated stream") << int(F::None) << 200 << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"ret\"}}]}\n\ndata: {\"cho")
                                          << true << QString() << QStringLiteral("ended before the completion was finished");
        QTest::newRow("stall mid-answer") << int(F::StallAfterHeaders) << 200 << ok << false << QString() << QStringLiteral("stopped sending");
        QTest::newRow("stall before answering") << int(F::StallBeforeHeaders) << 200 << ok << false << QString() << QStringLiteral("sent no answer");
        QTest::newRow("bad JSON") << int(F::None) << 200 << QByteArray("{\"choices\": [tru") << false << QString() << QStringLiteral("not valid JSON");
        QTest::newRow("endless body") << int(F::Endless) << 200 << ok << false << QString() << QStringLiteral("KiB and was cut off");
        QTest::newRow("401") << int(F::None) << 401 << QByteArray("{\"message\":\"Unauthorized\"}") << false << QString()
                             << QStringLiteral("unauthorized (HTTP 401)");
        QTest::newRow("422") << int(F::None) << 422 << QByteArray("{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"Field required\"}]}")
                             << false << QString() << QStringLiteral("prompt: Field required");
        QTest::newRow("429 with Retry-After") << int(F::None) << 429 << QByteArray("{\"message\":\"Requests rate limit exceeded\"}")
                                              << false << QString() << QStringLiteral("Try again in 30 s");
        QTest::newRow("500") << int(F::None) << 500 << QByteArray("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}")
                             << false << QString() << QStringLiteral("Server error at 127.0.0.1 (HTTP 500) (boom)");
        QTest::newRow("proxy down") << int(F::None) << 200 << ok << false << QStringLiteral("refused") << QStringLiteral("connection refused");
        QTest::newRow("DNS failure") << int(F::None) << 200 << ok << false << QStringLiteral("http://fim-playground-test.invalid")
                                     << QStringLiteral("not found");
        QTest::newRow("TLS error") << int(F::None) << 200 << ok << false << QStringLiteral("tls") << QStringLiteral("TLS");
    }

    void faults()
    {
        QFETCH(int, fault);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, stream);
        QFETCH(QString, endpoint);
        QFETCH(QString, words);

        FakeUpstream server;
        QVERIFY(server.listen());
        FakeUpstream::Reply reply = stream ? FakeUpstream::sse({body}) : FakeUpstream::json(status, body);
        if (status == 429)
            reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("30")));
        reply.fault = FakeUpstream::Reply::Fault(fault);
        server.setReply("/v1/fim/completions", reply);

        TestContext ctx(server.url());
        ClientTimeouts timeouts;
        timeouts.connectMs = 1500;
        timeouts.firstByteMs = 800;
        timeouts.idleMs = 800;
        timeouts.totalMs = 4000;
        ctx.context->settings().timeouts = timeouts;
        FimRequest parameters = ctx.context->settings().request;
        parameters.stream = stream;
        ctx.context->settings().request = parameters;

        MainWindow window(ctx.context.get());
        window.completion()->setAutoTrigger(false);
        window.start(PlaygroundOptions{});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        if (!endpoint.isEmpty()) {
            QUrl url(endpoint);
            if (endpoint == u"refused" || endpoint == u"tls") {
                QTcpServer probe; // a port nobody listens on, or TLS spoken to a plain HTTP server
                QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
                url = endpoint == u"tls" ? QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.port()))
                                         : QUrl(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
            }
            QSignalSpy changed(ctx.context.get(), &AppContext::activeEndpointChanged);
            ctx.context->useEndpoint(Endpoint{QStringLiteral("Local proxy"), EndpointKind::Proxy, url});
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
