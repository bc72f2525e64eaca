#include "fakeservers.h"
#include "history/historystore.h"
#include "history/replaynetworkaccess.h"
#include "history/replayreply.h"
#include "net/fimclient.h"
#include "net/healthmonitor.h"
#include "net/modelsfetcher.h"
#include "replyrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Replay: exchanges with real servers of every kind (fakes on loopback) go into a real history
// file; a replay:// endpoint then answers the same request from it, through the same FimClient,
// read in the recorded kind's wire format, with the recorded pieces at their recorded times.
class TestReplayNetworkAccess : public QObject
{
    Q_OBJECT

    using Outcome = ReplyOutcome;

    static Outcome run(FimClient *client, const FimRequest &request) { return runReply(client, request, 15000); }

    static FimRequest request(bool stream, const QString &model = QStringLiteral("qwen2.5-coder:1.5b"))
    {
        FimRequest r;
        r.model = model;
        r.prompt = QStringLiteral("def add(a, b):\n    ");
        r.suffix = QStringLiteral("\n\nprint(add(1, 2))  # é 😀\n");
        r.maxTokens = 32;
        r.temperature = 0.2;
        r.stream = stream;
        return r;
    }

    // Asks a live (fake) server of this kind and writes the exchange to the history.
    Outcome record(EndpointKind kind, const FimRequest &q, int chunkDelayMs = 60)
    {
        FakeUpstream server;
        if (!server.listen())
            return {};
        FakeServers::serve(server, kind, QStringLiteral("return a + b"), chunkDelayMs, 4, 30);
        QNetworkAccessManager network;
        FimClient live(&network);
        live.setEndpoint(Endpoint(QStringLiteral("Live %1").arg(endpointKindName(kind)), kind, server.url()), QStringLiteral("k"));
        Outcome out = run(&live, q);
        HistoryRecord r = historyRecordOf(out.exchange, QStringLiteral("Live %1").arg(endpointKindName(kind)), QStringLiteral("test"));
        QString error;
        if (!m_store.append(r, &error))
            qWarning("%s", qPrintable(error));
        return out;
    }

    FimClient *replayClient(double speed = 1.0)
    {
        Endpoint e(QStringLiteral("Replay"), EndpointKind::Replay, Endpoint::defaultUrl(EndpointKind::Replay));
        e.replaySpeed = speed;
        m_replayClient->setEndpoint(e, QString());
        return m_replayClient;
    }

    QTemporaryDir m_dir;
    HistoryStore m_store;
    ReplayNetworkAccess *m_replay = nullptr;
    FimClient *m_replayClient = nullptr;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++n));
        QString error;
        QVERIFY2(m_store.open(path, &error), qPrintable(error));
        m_replay = new ReplayNetworkAccess(path, this);
        m_replayClient = new FimClient(m_replay, this);
        m_replayClient->setTimeouts({2000, 4000, 2000, 10000});
    }

    void cleanup()
    {
        delete m_replayClient;
        delete m_replay;
        m_store.close();
    }

    void everyKindIsReplayedAsItCame_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("stream");
        for (const EndpointKind kind : allEndpointKinds()) {
            if (kind == EndpointKind::Replay)
                continue;
            QTest::addRow("%s whole", qPrintable(endpointKindName(kind))) << int(kind) << false;
            QTest::addRow("%s streamed", qPrintable(endpointKindName(kind))) << int(kind) << true;
        }
    }

    // The same text, finish reason and usage as live, read in the recorded kind's format; streamed
    // pieces no sooner than they came live; the exchange says it is a replay and of which one.
    void everyKindIsReplayedAsItCame()
    {
        QFETCH(int, kind);
        QFETCH(bool, stream);
        const EndpointKind k = EndpointKind(kind);
        const Outcome live = record(k, request(stream));
        QVERIFY2(live.ok, qPrintable(live.error.message));

        const Outcome replayed = run(replayClient(), request(stream));
        QVERIFY2(replayed.ok, qPrintable(replayed.error.message));
        QCOMPARE(replayed.result.text, live.result.text);
        QCOMPARE(replayed.result.finishReason, live.result.finishReason);
        QCOMPARE(replayed.result.usage.has_value(), live.result.usage.has_value());
        QCOMPARE(replayed.exchange.rawAnswer, live.exchange.rawAnswer);
        QCOMPARE(replayed.exchange.kind, EndpointKind::Replay);
        QVERIFY2(replayed.exchange.note.startsWith(u"Replayed from the history: exchange #"), qPrintable(replayed.exchange.note));
        QVERIFY2(replayed.exchange.note.contains(endpointKindName(k)), qPrintable(replayed.exchange.note));
        QCOMPARE(replayed.result.timing.kind, QStringLiteral("replay"));
        if (stream) {
            // Four pieces 60 ms apart live: the replay keeps the gaps (never sooner).
            QCOMPARE(replayed.deltas, live.deltas);
            const double liveSpan = live.deltaMs.last() - live.deltaMs.first();
            const double replaySpan = replayed.deltaMs.last() - replayed.deltaMs.first();
            QVERIFY2(replaySpan >= liveSpan * 0.9 - 5, qPrintable(QStringLiteral("replayed over %1 ms, live over %2 ms").arg(replaySpan).arg(liveSpan)));
        }
        QCOMPARE(m_store.count(), 1); // a replay is not recorded again (HistoryRecorder skips it)
    }

    // The speed divides every recorded time; 0 plays everything at once.
    void theSpeedDividesTheRecordedTimes()
    {
        const Outcome live = record(EndpointKind::LlamaCpp, request(true), 80);
        QVERIFY(live.ok);
        const QByteArray body = request(true).toJson();
        const ReplayScript once = m_replay->answer(body, 1);
        const ReplayScript fast = m_replay->answer(body, 4);
        const ReplayScript atOnce = m_replay->answer(body, 0);
        QCOMPARE(once.status, 200);
        QCOMPARE(once.body, live.exchange.rawAnswer);
        QCOMPARE(once.pieces.size(), live.exchange.chunks.size());
        QVERIFY(once.pieces.size() >= 2);
        const double sent = live.result.timing.sentMs;
        for (qsizetype i = 0; i < once.pieces.size(); ++i) {
            QCOMPARE(once.pieces.at(i).second, live.exchange.chunks.at(i).second);
            QVERIFY(qAbs(once.pieces.at(i).first - (live.exchange.chunks.at(i).first - sent)) < 0.2);
            QVERIFY(qAbs(fast.pieces.at(i).first - once.pieces.at(i).first / 4) < 0.2);
            QCOMPARE(atOnce.pieces.at(i).first, 0.0);
        }
        QVERIFY(once.pieces.last().first >= 3 * 80 * 0.9);
        const QByteArray type = std::find_if(once.headers.cbegin(), once.headers.cend(), [](const auto &h) {
                                    return h.first.toLower() == "content-type";
                                })->second;
        QVERIFY2(type.startsWith("text/event-stream"), type.constData());
    }

    // Nothing recorded for the request: 404 in words that say what the history holds instead.
    void whatWasNotRecordedIsSaidSo()
    {
        QVERIFY(record(EndpointKind::Ollama, request(false)).ok);

        FimRequest other = request(false);
        other.prompt = QStringLiteral("def sub(a, b):\n    ");
        Outcome o = run(replayClient(), other);
        QVERIFY(!o.ok);
        QVERIFY2(o.error.message.startsWith(u"Not recorded: the history"), qPrintable(o.error.message));
        QVERIFY2(o.error.message.contains(u"Ask a live endpoint once"), qPrintable(o.error.message));

        FimRequest warmer = request(false);
        warmer.temperature = 0.7;
        o = run(replayClient(), warmer);
        QVERIFY(!o.ok);
        QVERIFY2(o.error.message.contains(u"Not recorded with model qwen2.5-coder:1.5b, max_tokens 32, temperature 0.7"), qPrintable(o.error.message));
        QVERIFY2(o.error.message.contains(u"was asked with model qwen2.5-coder:1.5b, max_tokens 32, temperature 0.2"), qPrintable(o.error.message));

        FimRequest otherModel = request(false, QStringLiteral("starcoder2:3b"));
        o = run(replayClient(), otherModel);
        QVERIFY2(o.error.message.contains(u"Not recorded with model starcoder2:3b"), qPrintable(o.error.message));

        // No model named: whichever answered, the newest.
        o = run(replayClient(), request(false, QString()));
        QVERIFY2(o.ok, qPrintable(o.error.message));
        QVERIFY(o.result.text.startsWith(u"return a + b"));

        // Asked but only failed: said so, with the failure.
        FakeUpstream down;
        QVERIFY(down.listen());
        down.setReply(FakeServers::completionPath(EndpointKind::OpenAi), FakeUpstream::json(500, R"({"error":{"message":"boom"}})"));
        QNetworkAccessManager network;
        FimClient live(&network);
        live.setEndpoint(Endpoint(QStringLiteral("Down"), EndpointKind::OpenAi, down.url()), QString());
        FimRequest failing = request(false);
        failing.prompt = QStringLiteral("never answered");
        const Outcome failed = run(&live, failing);
        QVERIFY(!failed.ok);
        HistoryRecord r = historyRecordOf(failed.exchange, QStringLiteral("Down"), QStringLiteral("test"));
        QString error;
        QVERIFY(m_store.append(r, &error));
        o = run(replayClient(), failing);
        QVERIFY2(o.error.message.startsWith(u"Not recorded: this prefix and suffix were asked 1 time(s) but never answered"), qPrintable(o.error.message));
    }

    // A request that carried extra context is replayed for the same context only: the history
    // keeps its digest with the parameters, and the replay gets the context apart, not as comments.
    void extraContextIsPartOfWhatWasAsked()
    {
        FimRequest withContext = request(true);
        withContext.fileName = QStringLiteral("main.py");
        withContext.extra = {{QStringLiteral("helpers.py"), QStringLiteral("def helper():\n    return 42\n")}};
        const Outcome live = record(EndpointKind::Proxy, withContext);
        QVERIFY2(live.ok, qPrintable(live.error.message));
        QVERIFY(live.exchange.requestBody.contains("# Path: helpers.py")); // the proxy got comments

        const Outcome replayed = run(replayClient(), withContext);
        QVERIFY2(replayed.ok, qPrintable(replayed.error.message));
        QCOMPARE(replayed.result.text, live.result.text);
        QVERIFY(replayed.exchange.requestBody.contains("\"context\":[{"));

        Outcome o = run(replayClient(), request(true));
        QVERIFY(!o.ok);
        QVERIFY2(o.error.message.startsWith(u"Not recorded with"), qPrintable(o.error.message));
        FimRequest otherContext = withContext;
        otherContext.extra.first().text = QStringLiteral("def helper():\n    return 43\n");
        o = run(replayClient(), otherContext);
        QVERIFY(!o.ok);
    }

    // Health and the model list come from the history too: no socket anywhere.
    void healthAndModelsComeFromTheHistory()
    {
        QVERIFY(record(EndpointKind::Ollama, request(true)).ok);
        QVERIFY(record(EndpointKind::Codestral, request(true, QStringLiteral("codestral-latest"))).ok);
        const Endpoint e(QStringLiteral("Replay"), EndpointKind::Replay, Endpoint::defaultUrl(EndpointKind::Replay));
        HealthMonitor health(m_replay);
        QSignalSpy reports(&health, &HealthMonitor::reportChanged);
        health.setEndpoint(e, QString());
        health.checkNow();
        QVERIFY(reports.wait(5000));
        const HealthReport r = reports.last().at(0).value<HealthReport>();
        QCOMPARE(r.state, HealthReport::State::Ok);
        QVERIFY2(r.service.contains(u"2 answered exchange"), qPrintable(r.service));

        ModelsFetcher models(m_replay);
        QSignalSpy fetched(&models, &ModelsFetcher::fetched);
        models.fetch(e, QString());
        QVERIFY(fetched.wait(5000));
        const ModelList list = fetched.last().at(0).value<ModelList>();
        QStringList ids;
        for (const ModelInfo &m : list.models)
            ids << m.id;
        QCOMPARE(ids, (QStringList{QStringLiteral("codestral-latest"), QStringLiteral("qwen2.5-coder:1.5b")}));
    }

    // An empty history: health says there is nothing to replay yet, and what to do.
    void anEmptyHistoryHasNothingToReplay()
    {
        HealthMonitor health(m_replay);
        QSignalSpy reports(&health, &HealthMonitor::reportChanged);
        health.setEndpoint(Endpoint(QStringLiteral("Replay"), EndpointKind::Replay, Endpoint::defaultUrl(EndpointKind::Replay)), QString());
        health.checkNow();
        QVERIFY(reports.wait(5000));
        const HealthReport r = reports.last().at(0).value<HealthReport>();
        QCOMPARE(r.state, HealthReport::State::Degraded);
        QVERIFY2(r.detail.startsWith(u"Nothing to replay yet"), qPrintable(r.detail));
    }

    // A history that is no database: the completion fails with the reason, and nothing else happens.
    void anUnreadableHistoryIsSaidInWords()
    {
        const QString bad = m_dir.filePath(QStringLiteral("not-a-database.sqlite"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        ReplayNetworkAccess network(bad);
        FimClient client(&network);
        client.setEndpoint(Endpoint(QStringLiteral("Replay"), EndpointKind::Replay, Endpoint::defaultUrl(EndpointKind::Replay)), QString());
        const Outcome o = run(&client, request(false));
        QVERIFY(!o.ok);
        QVERIFY2(o.error.message.contains(u"The history cannot be read"), qPrintable(o.error.message));
        QCOMPARE(o.error.httpStatus, 503);
    }

    // Cancelled mid-replay: no signal of the reply follows, and the replay stops.
    void aReplayCancelledMidwayStaysSilent()
    {
        QVERIFY(record(EndpointKind::Proxy, request(true), 100).ok);
        FimReply *reply = replayClient()->complete(request(true));
        QSignalSpy deltas(reply, &FimReply::delta);
        QSignalSpy finished(reply, &FimReply::finished);
        QSignalSpy failed(reply, &FimReply::failed);
        QVERIFY(deltas.wait(3000));
        reply->abort();
        QTest::qWait(500);
        QCOMPARE(finished.size() + failed.size(), 0);
        QCOMPARE(m_replayClient->inFlight(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReplayNetworkAccess)
#include "tst_replaynetworkaccess.moc"
