#include "fakeupstream.h"
#include "net/fimclient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>
#include <QSignalSpy>
#include <QTest>

// The client against a real HTTP server on loopback that answers in both shapes and misbehaves on
// demand.
class TestFimClient : public QObject
{
    Q_OBJECT

    struct Outcome
    {
        bool done = false;
        bool ok = false;
        CompletionResult result;
        FimError error;
        QStringList deltas;
        QList<RequestTiming> timings;
    };

    // Runs one request to its end (or the deadline) and collects everything the client said about it.
    static Outcome run(FimClient &client, const FimRequest &request, int deadlineMs = 10000)
    {
        Outcome out;
        quint64 id = 0;
        QEventLoop loop;
        const auto timed = connect(&client, &FimClient::timingRecorded, &loop, [&](const RequestTiming &t) {
            if (t.id == id) {
                out.timings << t;
                loop.quit();
            }
        });
        FimReply *reply = client.complete(request);
        id = reply->id();
        connect(reply, &FimReply::delta, &loop, [&](const QString &t) { out.deltas << t; });
        connect(reply, &FimReply::finished, &loop, [&](const CompletionResult &r) {
            out.done = out.ok = true;
            out.result = r;
        });
        connect(reply, &FimReply::failed, &loop, [&](const FimError &e) {
            out.done = true;
            out.error = e;
        });
        QTimer::singleShot(deadlineMs, &loop, &QEventLoop::quit);
        loop.exec();
        QObject::disconnect(timed);
        return out;
    }

    FakeUpstream *m_server = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    FimClient *m_client = nullptr;

    static FimRequest sampleRequest(bool stream = false)
    {
        FimRequest r;
        r.model = QStringLiteral("codestral-latest");
        r.prompt = QStringLiteral("def add(a, b):\n    ");
        r.suffix = QStringLiteral("\n\nprint(add(1, 2))\n");
        r.maxTokens = 64;
        r.temperature = 0.2;
        r.stream = stream;
        return r;
    }

    void useEndpoint(EndpointKind kind, const QString &secret)
    {
        m_client->setEndpoint(Endpoint{QStringLiteral("test"), kind, m_server->url()}, secret);
    }

private slots:
    void init()
    {
        m_server = new FakeUpstream(this);
        QVERIFY(m_server->listen());
        m_network = new QNetworkAccessManager(this);
        m_client = new FimClient(m_network, this);
        m_client->setTimeouts({2000, 2000, 1000, 8000});
        useEndpoint(EndpointKind::Codestral, QStringLiteral("sk-test-secret"));
    }

    void cleanup()
    {
        delete m_client;
        delete m_network;
        delete m_server;
    }

    void codestralShape()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::codestralCompletion(QStringLiteral("return a + b")));
        const Outcome o = run(*m_client, sampleRequest());
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.result.text, QStringLiteral("return a + b"));
        QCOMPARE(o.result.finishReason, QStringLiteral("stop"));
        QCOMPARE(o.result.usage->totalTokens, 17);
        QVERIFY(o.deltas.isEmpty());
        const RequestTiming &t = o.result.timing;
        QCOMPARE(t.httpStatus, 200);
        QVERIFY(t.sentMs >= 0 && t.sentMs <= t.firstByteMs && t.firstByteMs <= t.totalMs);
        QVERIFY(t.firstTokenMs >= t.firstByteMs);
        QCOMPARE(t.completionChars, 12);
        QCOMPARE(t.promptChars, sampleRequest().prompt.size());
        QCOMPARE(o.timings.size(), 1);
        QCOMPARE(int(o.timings.first().outcome), int(RequestTiming::Outcome::Ok));

        const FakeUpstream::Recorded &sent = m_server->requests().constLast();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, QByteArray("/v1/fim/completions"));
        QCOMPARE(sent.headers.value("authorization"), QByteArray("Bearer sk-test-secret"));
        QCOMPARE(sent.headers.value("content-type"), QByteArray("application/json"));
        const QJsonObject json = sent.json();
        QCOMPARE(json.value(u"prompt").toString(), sampleRequest().prompt);
        QCOMPARE(json.value(u"suffix").toString(), sampleRequest().suffix);
        QCOMPARE(json.value(u"model").toString(), QStringLiteral("codestral-latest"));
        QCOMPARE(json.value(u"max_tokens").toInt(), 64);
        QCOMPARE(json.value(u"temperature").toDouble(), 0.2);
    }

    void onlySetFieldsAreSent()
    {
        FimRequest r;
        r.prompt = QStringLiteral("x");
        QVERIFY(run(*m_client, r).ok);
        const QJsonObject json = m_server->requests().constLast().json();
        // Codestral answers 422 without a model: with none chosen, codestral-latest goes.
        QCOMPARE(json.keys(), (QStringList{QStringLiteral("model"), QStringLiteral("prompt"), QStringLiteral("suffix")}));
        QCOMPARE(json.value(u"model").toString(), QStringLiteral("codestral-latest"));
        r.stop = QStringList{QStringLiteral("\n\n"), QStringLiteral("def ")};
        r.randomSeed = 42;
        r.topP = 0.9;
        r.minTokens = 1;
        QVERIFY(run(*m_client, r).ok);
        const QJsonObject full = m_server->requests().constLast().json();
        QCOMPARE(full.value(u"stop").toArray().size(), 2);
        QCOMPARE(full.value(u"random_seed").toInteger(), 42);
        QCOMPARE(full.value(u"top_p").toDouble(), 0.9);
        QCOMPARE(full.value(u"min_tokens").toInt(), 1);
        QVERIFY(!full.contains(u"stream"));
    }

    void seedProxyShapeWithoutToken()
    {
        useEndpoint(EndpointKind::Proxy, QString());
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("return a * b")));
        const Outcome o = run(*m_client, sampleRequest());
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.result.text, QStringLiteral("return a * b"));
        QVERIFY(!o.result.usage);
        QVERIFY(!m_server->requests().constLast().headers.contains("authorization"));
    }

    void streamingDeltasArriveInOrder()
    {
        const QStringList pieces{QStringLiteral("return"), QStringLiteral(" a"), QStringLiteral(" +"), QStringLiteral(" b")};
        m_server->setReply("/v1/fim/completions", FakeUpstream::codestralStream(pieces, 60));
        const Outcome o = run(*m_client, sampleRequest(true));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.deltas, pieces);
        QCOMPARE(o.result.text, QStringLiteral("return a + b"));
        QCOMPARE(o.result.finishReason, QStringLiteral("stop"));
        QCOMPARE(o.result.usage->completionTokens, 4);
        QCOMPARE(m_server->requests().constLast().json().value(u"stream").toBool(), true);
        QCOMPARE(m_server->requests().constLast().headers.value("accept"), QByteArray("text/event-stream"));
        // The first token came while the rest was still on its way (3 gaps of 60 ms after it).
        QVERIFY2(o.result.timing.totalMs - o.result.timing.firstTokenMs >= 150,
                 qPrintable(QStringLiteral("first token %1 ms, total %2 ms")
                                .arg(o.result.timing.firstTokenMs)
                                .arg(o.result.timing.totalMs)));
    }

    void streamAskedButJsonAnswered()
    {
        useEndpoint(EndpointKind::Proxy, QString());
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("return a - b")));
        const Outcome o = run(*m_client, sampleRequest(true));
        QVERIFY(o.ok);
        QCOMPARE(o.deltas, QStringList{QStringLiteral("return a - b")});
        QCOMPARE(o.result.text, QStringLiteral("return a - b"));
    }

    void cancelStopsEverything()
    {
        FakeUpstream::Reply slow = FakeUpstream::codestralCompletion(QStringLiteral("late"));
        slow.firstDelayMs = 150;
        m_server->enqueue("/v1/fim/completions", slow);
        QSignalSpy timings(m_client, &FimClient::timingRecorded);
        QSignalSpy received(m_server, &FakeUpstream::requestReceived);
        QPointer<FimReply> reply = m_client->complete(sampleRequest());
        QSignalSpy finished(reply.data(), &FimReply::finished);
        QSignalSpy failed(reply.data(), &FimReply::failed);
        QVERIFY(received.wait());
        reply->abort();
        QCOMPARE(m_client->inFlight(), 0);
        QCOMPARE(timings.size(), 1);
        QCOMPARE(int(timings.first().first().value<RequestTiming>().outcome), int(RequestTiming::Outcome::Cancelled));
        // A later request, answered after the cancelled one would have been, is the only answer seen.
        FakeUpstream::Reply later = FakeUpstream::codestralCompletion(QStringLiteral("fresh"));
        later.firstDelayMs = 300;
        m_server->enqueue("/v1/fim/completions", later);
        const Outcome o = run(*m_client, sampleRequest());
        QVERIFY(o.ok);
        QCOMPARE(o.result.text, QStringLiteral("fresh"));
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 0);
        QVERIFY(reply.isNull()); // the aborted reply deleted itself
    }

    void cancelInsideDeltaHandler()
    {
        m_server->setReply("/v1/fim/completions",
                           FakeUpstream::codestralStream({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        int deltas = 0;
        QSignalSpy timings(m_client, &FimClient::timingRecorded);
        FimReply *reply = m_client->complete(sampleRequest(true));
        QSignalSpy finished(reply, &FimReply::finished);
        connect(reply, &FimReply::delta, this, [&, reply](const QString &) {
            ++deltas;
            reply->abort();
        });
        QVERIFY(timings.wait());
        QCOMPARE(deltas, 1);
        QCOMPARE(finished.size(), 0);
    }

    void httpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mention");
        using K = FimError::Kind;
        QTest::newRow("401") << 401 << QByteArray("{\"message\":\"Unauthorized\",\"request_id\":\"x\"}") << QByteArray()
                             << int(K::Auth) << QStringLiteral("Unauthorized");
        QTest::newRow("422") << 422 << QByteArray("{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"Field required\"}]}")
                             << QByteArray() << int(K::Invalid) << QStringLiteral("prompt: Field required");
        QTest::newRow("429") << 429 << QByteArray("{\"message\":\"Requests rate limit exceeded\"}") << QByteArray("30")
                             << int(K::RateLimited) << QStringLiteral("30 s");
        QTest::newRow("500") << 500 << QByteArray("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}") << QByteArray()
                             << int(K::Http) << QStringLiteral("boom");
        QTest::newRow("502 html") << 502 << QByteArray("<html><body>Bad Gateway</body></html>") << QByteArray()
                                  << int(K::Http) << QStringLiteral("Bad Gateway");
    }

    void httpErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, kind);
        QFETCH(QString, mention);
        FakeUpstream::Reply r = FakeUpstream::json(status, body);
        if (!retryAfter.isEmpty())
            r.headers.append({"Retry-After", retryAfter});
        m_server->setReply("/v1/fim/completions", r);
        const Outcome o = run(*m_client, sampleRequest());
        QVERIFY(o.done && !o.ok);
        QCOMPARE(int(o.error.kind), kind);
        QCOMPARE(o.error.httpStatus, status);
        QVERIFY2(o.error.message.contains(mention), qPrintable(o.error.message));
        QVERIFY(!o.error.message.contains(QStringLiteral("sk-test-secret")));
        QCOMPARE(int(o.timings.first().outcome), int(RequestTiming::Outcome::Failed));
        QCOMPARE(o.timings.first().httpStatus, status);
    }

    void faults_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mention");
        using F = FakeUpstream::Reply::Fault;
        using K = FimError::Kind;
        QTest::newRow("reset mid body") << int(F::ResetMidBody) << false << int(K::Network) << QStringLiteral("closed the connection");
        QTest::newRow("reset mid stream") << int(F::ResetMidBody) << true << int(K::Network) << QStringLiteral("127.0.0.1");
        QTest::newRow("truncated body") << int(F::Truncate) << false << int(K::Network) << QStringLiteral("closed the connection");
        QTest::newRow("stall after headers") << int(F::StallAfterHeaders) << false << int(K::Timeout) << QStringLiteral("stopped sending");
        QTest::newRow("stall before headers") << int(F::StallBeforeHeaders) << false << int(K::Timeout) << QStringLiteral("sent no answer");
        QTest::newRow("close without answer") << int(F::CloseWithoutAnswer) << false << int(K::Network) << QStringLiteral("127.0.0.1");
        QTest::newRow("endless body") << int(F::Endless) << false << int(K::TooLarge) << QStringLiteral("1024 KiB");
    }

    void faults()
    {
        QFETCH(int, fault);
        QFETCH(bool, stream);
        QFETCH(int, kind);
        QFETCH(QString, mention);
        FakeUpstream::Reply r = stream ? FakeUpstream::codestralStream({QStringLiteral("abc"), QStringLiteral("def")})
                                       : FakeUpstream::codestralCompletion(QStringLiteral("return a + b"));
        r.fault = FakeUpstream::Reply::Fault(fault);
        m_server->setReply("/v1/fim/completions", r);
        const Outcome o = run(*m_client, sampleRequest(stream));
        QVERIFY2(o.done && !o.ok, qPrintable(o.result.text));
        QCOMPARE(int(o.error.kind), kind);
        QVERIFY2(o.error.message.contains(mention), qPrintable(o.error.message));
        QCOMPARE(m_client->inFlight(), 0);
    }

    void badJson()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::json(200, "{\"choices\":[{\"text\":"));
        const Outcome o = run(*m_client, sampleRequest());
        QCOMPARE(int(o.error.kind), int(FimError::Kind::Parse));
        QVERIFY2(o.error.message.contains(QStringLiteral("not valid JSON")), qPrintable(o.error.message));
    }

    void streamWithoutDone()
    {
        m_server->setReply("/v1/fim/completions",
                           FakeUpstream::sse({"data: {\"choices\":[{\"delta\":{\"content\":\"ab\"},\"finish_reason\":null}]}\n\n",
                                              "data: {\"choices\":[{\"del"}));
        const Outcome o = run(*m_client, sampleRequest(true));
        QCOMPARE(int(o.error.kind), int(FimError::Kind::Network));
        QVERIFY2(o.error.message.contains(QStringLiteral("ended before")), qPrintable(o.error.message));
        QCOMPARE(o.deltas, QStringList{QStringLiteral("ab")});
    }

    void errorInsideStream()
    {
        m_server->setReply("/v1/fim/completions",
                           FakeUpstream::sse({"data: {\"object\":\"error\",\"message\":\"Model overloaded\"}\n\n"}));
        const Outcome o = run(*m_client, sampleRequest(true));
        QVERIFY(!o.ok);
        QVERIFY2(o.error.message.contains(QStringLiteral("Model overloaded")), qPrintable(o.error.message));
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        m_client->setEndpoint(Endpoint{QStringLiteral("down"), EndpointKind::Proxy,
                                       QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))},
                              QString());
        const Outcome o = run(*m_client, sampleRequest());
        QCOMPARE(int(o.error.kind), int(FimError::Kind::Network));
        QVERIFY2(o.error.message.contains(QStringLiteral("connection refused")), qPrintable(o.error.message));
        QVERIFY(o.error.message.contains(QStringLiteral("npm run dev")));
    }

    void missingKeyIsConfigErrorAndAsynchronous()
    {
        useEndpoint(EndpointKind::Codestral, QString());
        FimReply *reply = m_client->complete(sampleRequest());
        QSignalSpy failed(reply, &FimReply::failed);
        QCOMPARE(failed.size(), 0); // never from within complete()
        QVERIFY(failed.wait());
        const FimError e = failed.first().at(0).value<FimError>();
        QCOMPARE(int(e.kind), int(FimError::Kind::Config));
        QVERIFY(e.message.contains(QStringLiteral("CODESTRAL_API_KEY")));
        QVERIFY(m_server->requests().isEmpty());
    }

    void connectionIsWarmedAndReused()
    {
        // setEndpoint() in init() opened a connection before any request.
        QTRY_COMPARE(m_server->connectionCount(), 1);
        for (int i = 0; i < 5; ++i)
            QVERIFY(run(*m_client, sampleRequest()).ok);
        QCOMPARE(m_server->requests().size(), 5);
        QCOMPARE(m_server->connectionCount(), 1);
        for (const FakeUpstream::Recorded &r : m_server->requests())
            QCOMPARE(r.connection, 1);
    }

    void exchangeIsRedacted()
    {
        QSignalSpy exchanges(m_client, &FimClient::exchangeRecorded);
        QVERIFY(run(*m_client, sampleRequest()).ok);
        QCOMPARE(exchanges.size(), 1);
        const Exchange x = exchanges.first().first().value<Exchange>();
        QCOMPARE(x.httpStatus, 200);
        QVERIFY(x.rawAnswer.contains("return a + b"));
        QVERIFY(x.requestBody.contains("def add"));
        for (const auto &[name, value] : x.requestHeaders)
            QVERIFY(!value.contains("sk-test-secret"));
    }
};

QTEST_GUILESS_MAIN(TestFimClient)
#include "tst_fimclient.moc"
