#include "fakeservers.h"
#include "latency/latencymodel.h"
#include "net/fimclient.h"
#include "replyrun.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

// Each wire format end to end: FimClient and its FimReply against a real HTTP server on loopback
// that answers as llama-server, Ollama, an OpenAI-style server or Codestral, whole or streamed in
// small pieces, cut, stalled, in the other framing, or with each server's errors.
class TestFimReply : public QObject
{
    Q_OBJECT

    using Outcome = ReplyOutcome;

    Outcome run(const FimRequest &request, int deadlineMs = 10000) { return runReply(m_client, request, deadlineMs); }

    void use(EndpointKind kind, const QString &promptTemplate = {})
    {
        Endpoint e(QStringLiteral("test"), kind, m_server->url());
        e.promptTemplate = promptTemplate;
        m_client->setEndpoint(e, QStringLiteral("k"));
    }

    static FimRequest request(bool stream, const QString &model = QStringLiteral("qwen2.5-coder:1.5b"))
    {
        FimRequest r;
        r.model = model;
        r.prompt = QStringLiteral("def add(a, b):\n    ");
        r.suffix = QStringLiteral("\n");
        r.maxTokens = 32;
        r.stream = stream;
        return r;
    }

    // The same body, re-cut into pieces of n bytes: events and lines split anywhere.
    static FakeUpstream::Reply recut(FakeUpstream::Reply reply, int n)
    {
        const QByteArray all = reply.chunks.join();
        reply.chunks.clear();
        for (qsizetype i = 0; i < all.size(); i += n)
            reply.chunks << all.mid(i, n);
        reply.chunked = true;
        return reply;
    }

    FakeUpstream *m_server = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    FimClient *m_client = nullptr;

private slots:
    void init()
    {
        m_server = new FakeUpstream(this);
        QVERIFY(m_server->listen());
        m_network = new QNetworkAccessManager(this);
        m_client = new FimClient(m_network, this);
        m_client->setTimeouts({2000, 2000, 500, 8000});
    }

    void cleanup()
    {
        delete m_client; // may be null
        delete m_network;
        delete m_server;
    }

    void everyKindWholeAndStreamed_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<bool>("serverTimings");
        for (const EndpointKind kind : allEndpointKinds()) {
            if (kind == EndpointKind::Replay) // served in-process, not over HTTP: tst_replaynetworkaccess
                continue;
            const bool timings = kind == EndpointKind::LlamaCpp || kind == EndpointKind::Ollama;
            QTest::addRow("%s whole", qPrintable(endpointKindName(kind))) << int(kind) << false << timings;
            QTest::addRow("%s streamed", qPrintable(endpointKindName(kind))) << int(kind) << true << timings;
        }
    }

    void everyKindWholeAndStreamed()
    {
        QFETCH(int, kind);
        QFETCH(bool, stream);
        QFETCH(bool, serverTimings);
        const EndpointKind k = EndpointKind(kind);
        FakeServers::serve(*m_server, k, QStringLiteral("return a + b"), 5, 4);
        use(k);
        const Outcome o = run(request(stream));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        const QString expected = QStringLiteral("return a + b /*%1*/").arg(endpointKindName(k));
        QCOMPARE(o.result.text, expected);
        QCOMPARE(o.deltas.join(QString()), stream ? expected : QString());
        if (stream)
            QVERIFY(o.deltas.size() >= 4);
        QCOMPARE(o.result.finishReason, QStringLiteral("stop"));
        QCOMPARE(o.timing.kind, endpointKindName(k));
        QCOMPARE(o.timing.server.has_value(), serverTimings);
        if (serverTimings) {
            QVERIFY(o.timing.server->promptMs > 0);
            QVERIFY(o.timing.server->generationMs > 0);
            QVERIFY(o.timing.server->generatedTokens > 0);
        }
        QCOMPARE(o.exchange.url.path(), QString::fromLatin1(FakeServers::completionPath(k)));
        // llama-server repeats the prompt it built: the inspector shows it.
        if (k == EndpointKind::LlamaCpp) {
            QVERIFY2(o.exchange.rawPrompt.contains(u"<|fim_prefix|>def add"), qPrintable(o.exchange.rawPrompt));
            QVERIFY(o.exchange.promptFromServer);
        }
        QVERIFY(o.timing.firstTokenMs > 0);
    }

    void streamsSplitAnywhere_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("piece");
        for (const EndpointKind kind : {EndpointKind::LlamaCpp, EndpointKind::Ollama, EndpointKind::OpenAi})
            for (int piece : {1, 3, 17})
                QTest::addRow("%s, %d-byte pieces", qPrintable(endpointKindName(kind)), piece) << int(kind) << piece;
    }

    void streamsSplitAnywhere()
    {
        QFETCH(int, kind);
        QFETCH(int, piece);
        const QStringList deltas{QStringLiteral("ré"), QStringLiteral("t😀"), QStringLiteral("urn\n")};
        FakeUpstream::Reply reply = kind == int(EndpointKind::LlamaCpp) ? FakeServers::llamaStream(deltas)
            : kind == int(EndpointKind::Ollama)                         ? FakeServers::ollamaStream(deltas, QStringLiteral("m"))
                                                                         : FakeServers::openaiStream(deltas, QStringLiteral("m"));
        m_server->setReply(FakeServers::completionPath(EndpointKind(kind)), recut(reply, piece));
        use(EndpointKind(kind));
        const Outcome o = run(request(true));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.result.text, QStringLiteral("rét😀urn\n"));
    }

    void aCutStreamIsAnError_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("llama.cpp without stop:true") << int(EndpointKind::LlamaCpp);
        QTest::newRow("ollama without done:true") << int(EndpointKind::Ollama);
        QTest::newRow("openai without [DONE] or finish_reason") << int(EndpointKind::OpenAi);
    }

    void aCutStreamIsAnError()
    {
        QFETCH(int, kind);
        const QStringList deltas{QStringLiteral("a"), QStringLiteral("b")};
        FakeUpstream::Reply cut = kind == int(EndpointKind::LlamaCpp) ? FakeServers::llamaStream(deltas, 0, false)
            : kind == int(EndpointKind::Ollama)                       ? FakeServers::ollamaStream(deltas, QStringLiteral("m"), 0, false)
                                                                       : FakeUpstream::sse({R"(data: {"choices":[{"text":"a","index":0,"finish_reason":null}]})"
                                                                                            "\n\n"});
        m_server->setReply(FakeServers::completionPath(EndpointKind(kind)), cut);
        use(EndpointKind(kind));
        const Outcome o = run(request(true));
        QVERIFY(!o.ok);
        QCOMPARE(int(o.error.kind), int(FimError::Kind::Network));
        QVERIFY2(o.error.message.contains(u"ended before the completion was finished"), qPrintable(o.error.message));
    }

    void theOtherFramingIsReadAnyway()
    {
        // llama-server objects as NDJSON where SSE is expected.
        FakeUpstream::Reply ndjson;
        ndjson.headers = {{"Content-Type", "application/x-ndjson"}};
        ndjson.chunked = true;
        ndjson.chunks = {R"({"content":"x","stop":false})" "\n", R"({"content":"y","stop":true,"stop_type":"limit"})" "\n"};
        m_server->setReply("/infill", ndjson);
        use(EndpointKind::LlamaCpp);
        Outcome o = run(request(true));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.result.text, QStringLiteral("xy"));
        QCOMPARE(o.result.finishReason, QStringLiteral("length"));

        // Ollama lines as SSE where NDJSON is expected.
        m_server->setReply("/api/generate", FakeUpstream::sse({R"(data: {"response":"p","done":false})" "\n\n",
                                                               R"(data: {"response":"q","done":true,"done_reason":"stop"})" "\n\n"}));
        use(EndpointKind::Ollama);
        o = run(request(true));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.result.text, QStringLiteral("pq"));

        // NDJSON under a Content-Type that does not say so.
        FakeUpstream::Reply plain = FakeServers::ollamaStream({QStringLiteral("m"), QStringLiteral("n")}, QStringLiteral("m"));
        plain.headers = {{"Content-Type", "application/json"}};
        m_server->setReply("/api/generate", plain);
        o = run(request(true));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.result.text, QStringLiteral("mn"));
    }

    void theWrongShapeIsRefusedClearly()
    {
        // An OpenAI-style stream where Ollama's lines are expected: said, not shown as empty text.
        m_server->setReply("/api/generate", FakeServers::openaiStream({QStringLiteral("a")}, QStringLiteral("m")));
        use(EndpointKind::Ollama);
        const Outcome o = run(request(true));
        QVERIFY(!o.ok);
        QCOMPARE(int(o.error.kind), int(FimError::Kind::Parse));
        QVERIFY2(o.error.message.contains(u"does not look like Ollama"), qPrintable(o.error.message));
    }

    void eachServersErrorsEndToEnd()
    {
        FakeServers::serve(*m_server, EndpointKind::Ollama, QStringLiteral("x"));
        use(EndpointKind::Ollama);
        Outcome o = run(request(false, QStringLiteral("missing:latest")));
        QVERIFY(!o.ok);
        QVERIFY2(o.error.message.contains(u"ollama pull missing:latest"), qPrintable(o.error.message));
        o = run(request(false, QStringLiteral("llama3.2:1b")));
        QVERIFY2(o.error.message.contains(u"cannot fill in the middle"), qPrintable(o.error.message));
        // The same model through a template: raw prompt, answered.
        use(EndpointKind::Ollama, QStringLiteral("qwen"));
        o = run(request(false, QStringLiteral("llama3.2:1b")));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.exchange.templateTitle, QStringLiteral("Qwen2.5-Coder"));
        QVERIFY(o.exchange.rawPrompt.startsWith(u"<|fim_prefix|>def add"));
        QVERIFY(m_server->requests().last().json().value(u"raw").toBool());

        m_server->setReply("/infill", FakeServers::llamaNoInfill());
        use(EndpointKind::LlamaCpp);
        o = run(request(false));
        QCOMPARE(o.error.httpStatus, 501);
        QVERIFY2(o.error.message.contains(u"no FIM tokens"), qPrintable(o.error.message));
        m_server->setReply("/infill", FakeServers::llamaLoading());
        o = run(request(false));
        QVERIFY2(o.error.message.contains(u"still loading"), qPrintable(o.error.message));
    }

    void aRefusedSuffixIsSentAgainAsARawPrompt()
    {
        // vLLM answers 400 to "suffix"; the model's name gives the template, and the prompt goes again.
        m_server->enqueue("/v1/completions", FakeServers::openaiSuffixRefused());
        m_server->enqueue("/v1/completions", FakeServers::openaiAnswer(QStringLiteral("return a + b"), QStringLiteral("m")));
        use(EndpointKind::OpenAi);
        Outcome o = run(request(false, QStringLiteral("Qwen/Qwen2.5-Coder-1.5B")));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.result.text, QStringLiteral("return a + b"));
        QCOMPARE(m_server->requests().size(), 2);
        QVERIFY(m_server->requests().at(0).json().contains(u"suffix"));
        const QJsonObject second = m_server->requests().at(1).json();
        QVERIFY(!second.contains(u"suffix"));
        QVERIFY(second.value(u"prompt").toString().startsWith(u"<|fim_prefix|>def add"));
        QVERIFY2(o.exchange.note.contains(u"sent again as a raw prompt with the Qwen2.5-Coder template"), qPrintable(o.exchange.note));
        QCOMPARE(o.exchange.templateTitle, QStringLiteral("Qwen2.5-Coder"));

        // Ollama's "does not support insert" the same way, streamed.
        m_server->enqueue("/api/generate", FakeServers::ollamaNoInsert(QStringLiteral("starcoder2:3b")));
        m_server->enqueue("/api/generate", FakeServers::ollamaStream({QStringLiteral("x"), QStringLiteral("y")}, QStringLiteral("starcoder2:3b")));
        use(EndpointKind::Ollama);
        o = run(request(true, QStringLiteral("starcoder2:3b")));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.result.text, QStringLiteral("xy"));
        QVERIFY(m_server->requests().last().json().value(u"raw").toBool());
        QVERIFY(m_server->requests().last().json().value(u"prompt").toString().startsWith(u"<fim_prefix>"));

        // A name that tells nothing: one request, and the words that say what to do.
        const qsizetype before = m_server->requests().size();
        m_server->enqueue("/v1/completions", FakeServers::openaiSuffixRefused());
        use(EndpointKind::OpenAi);
        o = run(request(false, QStringLiteral("my-finetune")));
        QVERIFY(!o.ok);
        QVERIFY2(o.error.message.contains(u"Pick a template"), qPrintable(o.error.message));
        QCOMPARE(m_server->requests().size(), before + 1);
    }

    // The refusal's body is no piece of the answer: a retried exchange keeps only the retry's
    // pieces and when they came, so a replay paces the real answer as it arrived.
    void aRetriedExchangeRecordsOnlyTheRetrysPieces()
    {
        m_server->enqueue("/v1/completions", FakeServers::openaiSuffixRefused());
        FakeUpstream::Reply answer =
            FakeServers::openaiStream({QStringLiteral("return"), QStringLiteral(" a + b")}, QStringLiteral("m"), 30);
        answer.firstDelayMs = 200;
        m_server->enqueue("/v1/completions", answer);
        use(EndpointKind::OpenAi);
        const Outcome o = run(request(true, QStringLiteral("Qwen/Qwen2.5-Coder-1.5B")));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QCOMPARE(o.result.text, QStringLiteral("return a + b"));
        QCOMPARE(o.exchange.httpStatus, 200);
        QVERIFY(o.exchange.rawAnswer.startsWith("data: "));
        QVERIFY(!o.exchange.chunks.isEmpty());
        qsizetype recorded = 0;
        for (const QPair<double, qsizetype> &piece : o.exchange.chunks)
            recorded += piece.second;
        QCOMPARE(recorded, o.exchange.rawAnswer.size());
        QCOMPARE(recorded, qsizetype(answer.chunks.join().size()));
        // The first piece is the retry's, after its server's delay, not the refusal's.
        QVERIFY2(o.exchange.chunks.first().first >= 200, qPrintable(QString::number(o.exchange.chunks.first().first)));
        QVERIFY(o.exchange.chunks.first().first <= o.timing.firstTokenMs);
    }

    void everyTimeoutAppliesToEveryKind_data()
    {
        QTest::addColumn<int>("kind");
        for (const EndpointKind kind : allEndpointKinds())
            if (kind != EndpointKind::Replay) // a replay keeps the recorded pace: tst_replaynetworkaccess
                QTest::addRow("%s", qPrintable(endpointKindName(kind))) << int(kind);
    }

    void everyTimeoutAppliesToEveryKind()
    {
        QFETCH(int, kind);
        const QByteArray path = FakeServers::completionPath(EndpointKind(kind));
        FakeUpstream::Reply stall = FakeServers::ollamaStream({QStringLiteral("a")}, QStringLiteral("m"));
        stall.fault = FakeUpstream::Reply::Fault::StallAfterHeaders;
        m_server->setReply(path, stall);
        use(EndpointKind(kind));
        QElapsedTimer clock;
        clock.start();
        Outcome o = run(request(true), 5000);
        QCOMPARE(int(o.error.kind), int(FimError::Kind::Timeout));
        QVERIFY2(o.error.message.contains(u"Idle timeout"), qPrintable(o.error.message));
        QVERIFY(clock.elapsed() < 4000);

        FakeUpstream::Reply silent;
        silent.fault = FakeUpstream::Reply::Fault::StallBeforeHeaders;
        m_server->setReply(path, silent);
        m_client->setTimeouts({2000, 300, 500, 8000});
        o = run(request(false), 5000);
        QCOMPARE(int(o.error.kind), int(FimError::Kind::Timeout));
        QVERIFY2(o.error.message.contains(u"First byte timeout"), qPrintable(o.error.message));
    }

    // Our proxy's edge cache says X-Cache: the timing keeps it, the latency table shows it.
    void theEdgeCacheSaysHitOrMiss()
    {
        use(EndpointKind::Proxy);
        for (const QByteArray &said : {QByteArray("HIT"), QByteArray("MISS"), QByteArray("Hit from cloudfront"), QByteArray()}) {
            FakeUpstream::Reply reply = FakeUpstream::codestralCompletion(QStringLiteral("return 1"));
            if (!said.isEmpty())
                reply.headers.append({"X-Cache", said});
            m_server->enqueue("/v1/fim/completions", reply);
            const Outcome o = run(request(false, QString()));
            QVERIFY2(o.ok, qPrintable(o.error.message));
            QCOMPARE(o.timing.edgeCache, said.isEmpty() ? QString() : QString::fromLatin1(said).section(u' ', 0, 0).toUpper());
            LatencyModel model(4);
            model.append(o.timing);
            QCOMPARE(model.data(model.index(0, LatencyModel::Cache)).toString(),
                     said.isEmpty() ? QString() : said == "MISS" ? QStringLiteral("edge miss") : QStringLiteral("edge hit"));
        }
    }

    void replyLifetimeIsPlain()
    {
        FakeServers::serve(*m_server, EndpointKind::Ollama, QStringLiteral("abc"), 30, 3);
        use(EndpointKind::Ollama);
        QPointer<FimReply> reply = m_client->complete(request(true));
        QSignalSpy finished(reply.data(), &FimReply::finished);
        QVERIFY(finished.wait());
        QTRY_VERIFY(reply.isNull()); // deleted itself once over
        QCOMPARE(m_client->inFlight(), 0);
        // Destroying the client mid-stream takes its replies with it, silently.
        QPointer<FimReply> second = m_client->complete(request(true));
        QSignalSpy deltas(second.data(), &FimReply::delta);
        QVERIFY(deltas.wait());
        delete m_client;
        m_client = nullptr;
        QVERIFY(second.isNull());
        QTest::qWait(150);

        // The client destroyed by a delta's receiver, while a stream labelled as one JSON body is
        // read: nothing of the reply is touched afterwards (the asan preset checks).
        m_client = new FimClient(m_network, this);
        FakeUpstream::Reply mislabelled = FakeServers::ollamaStream({QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("m"));
        mislabelled.headers = {{"Content-Type", "application/json"}};
        m_server->setReply("/api/generate", mislabelled);
        use(EndpointKind::Ollama);
        FimReply *third = m_client->complete(request(true));
        int heard = 0;
        connect(third, &FimReply::delta, this, [&] {
            ++heard;
            delete m_client;
            m_client = nullptr;
        });
        QTRY_COMPARE(heard, 1);
        QTest::qWait(100);
        QCOMPARE(heard, 1);
    }
};

QTEST_GUILESS_MAIN(TestFimReply)
#include "tst_fimreply.moc"
