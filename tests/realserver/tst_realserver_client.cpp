// The client classes against Debian's real llama-server (label "realserver"): what the playground
// reads from an answer must be exactly what the server sent for the same body.
#include "completion/cachewarmer.h"
#include "net/fimclient.h"
#include "net/fimreply.h"
#include "wire/fimtemplate.h"
#include "realllamaserver.h"
#include "replyrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace {

FimRequest request(const QString &prefix, const QString &suffix, int maxTokens, bool stream)
{
    FimRequest r;
    r.prompt = prefix;
    r.suffix = suffix;
    r.maxTokens = maxTokens;
    r.temperature = 0.0;
    r.stream = stream;
    return r;
}

QJsonObject lastEvent(const QByteArray &sse)
{
    QJsonObject last;
    for (const QByteArray &line : sse.split('\n'))
        if (line.startsWith("data: "))
            last = QJsonDocument::fromJson(line.mid(6)).object();
    return last;
}

} // namespace

class TestRealServerClient : public QObject
{
    Q_OBJECT

    RealLlamaServer m_server;
    QNetworkAccessManager m_network;

    void point(FimClient &client, EndpointKind kind = EndpointKind::LlamaCpp, const QString &tmpl = {})
    {
        Endpoint e(QStringLiteral("real llama-server"), kind, m_server.url());
        e.promptTemplate = tmpl;
        client.setEndpoint(e, QString());
    }

private slots:
    void initTestCase()
    {
        REQUIRE_REAL_LLAMA_SERVER();
        // A context of 16,384 with one slot: a stream nobody cancels runs for many seconds.
        QVERIFY2(m_server.start({QStringLiteral("-c"), QStringLiteral("16384"), QStringLiteral("-np"), QStringLiteral("1")}),
                 qPrintable(m_server.error()));
    }

    // /infill, whole and streamed: the text is the server's own for the same body, to the byte,
    // and a stream's pieces join to the same text as the whole answer.
    void infillIsExactlyTheServersAnswer()
    {
        FimClient client(&m_network);
        point(client);
        const QString prefix = QStringLiteral("def mean(values):\n    total = ");
        const QString suffix = QStringLiteral("\n    return total / len(values)\n");
        const ReplyOutcome whole = runReply(&client, request(prefix, suffix, 24, false));
        QVERIFY2(whole.ok, qPrintable(whole.error.message));
        QCOMPARE(whole.exchange.url.path(), QStringLiteral("/infill"));
        int status = 0;
        const QByteArray direct = m_server.post(QStringLiteral("/infill"), whole.exchange.requestBody, &status);
        QCOMPARE(status, 200);
        QVERIFY(!whole.result.text.isEmpty());
        QCOMPARE(whole.result.text.toUtf8(), RealLlamaServer::contentOf(direct, false).toUtf8());

        const ReplyOutcome streamed = runReply(&client, request(prefix, suffix, 24, true));
        QVERIFY2(streamed.ok, qPrintable(streamed.error.message));
        QVERIFY2(streamed.deltas.size() > 1, "a real stream comes in pieces");
        QCOMPARE(streamed.deltas.join(QString()), streamed.result.text);
        const QByteArray directStream = m_server.post(QStringLiteral("/infill"), streamed.exchange.requestBody, &status);
        QCOMPARE(streamed.result.text.toUtf8(), RealLlamaServer::contentOf(directStream, true).toUtf8());
        QCOMPARE(streamed.result.text, whole.result.text);
        QCOMPARE(streamed.result.finishReason, QStringLiteral("length"));
        // The prompt the inspector shows is the one the server built, FIM tokens and all.
        QVERIFY(streamed.exchange.promptFromServer);
        QVERIFY2(streamed.exchange.rawPrompt.contains(QStringLiteral("<|fim_prefix|>") + prefix + QStringLiteral("<|fim_suffix|>")),
                 qPrintable(streamed.exchange.rawPrompt));
    }

    // Extra context on /infill: the real server takes input_extra and builds from it exactly the
    // repository prompt the playground renders itself for a Qwen template (FimTemplate::render).
    void infillTakesExtraContext()
    {
        FimClient client(&m_network);
        point(client);
        const QString prefix = QStringLiteral("x = helper(");
        const QString suffix = QStringLiteral(")\n");
        FimRequest withExtra = request(prefix, suffix, 4, true);
        withExtra.extra = {{QStringLiteral("lib/helpers.py"), QStringLiteral("def helper():\n    return 42\n")},
                           {QStringLiteral("notes.py"), QStringLiteral("a = 1\n")}};
        const ReplyOutcome out = runReply(&client, withExtra);
        QVERIFY2(out.ok, qPrintable(out.error.message));
        QVERIFY(out.exchange.requestBody.contains("\"input_extra\""));
        QVERIFY(out.exchange.promptFromServer);
        const QString ours = FimTemplate::builtIn(QStringLiteral("qwen"))->render(prefix, suffix, withExtra.extra, QString(), QStringLiteral("#"));
        QVERIFY2(out.exchange.rawPrompt.endsWith(ours), qPrintable(out.exchange.rawPrompt + QStringLiteral("\n---\n") + ours));
        // The model read more than without it.
        const ReplyOutcome plain = runReply(&client, request(prefix, suffix, 4, true));
        QVERIFY2(plain.ok, qPrintable(plain.error.message));
        QVERIFY(out.result.usage && plain.result.usage);
        QVERIFY(out.result.usage->promptTokens > plain.result.usage->promptTokens + 20);
    }

    // Warming the cache ahead (CacheWarmer: n_predict 0): the next request finds its whole prompt
    // but the last token or so in the server's cache; without warming, none of its new context. The
    // first-token times of both are printed as a ratio (a figure, not a pass/fail).
    void warmingTheCacheAhead()
    {
        FimClient client(&m_network);
        point(client);
        // Two contexts of the same size that share nothing, so neither reuses the other's cache.
        const auto chunks = [](char tag) {
            QString text;
            for (int i = 0; i < 120; ++i)
                text += QStringLiteral("def f_%1_%2(v):\n    return v * %2 + %3\n").arg(QLatin1Char(tag)).arg(i).arg(i % 7);
            return QList<ContextChunk>{{QStringLiteral("lib_%1.py").arg(QLatin1Char(tag)), text}};
        };
        const QString prefix = QStringLiteral("def total(values):\n    return ");
        FimRequest cold = request(prefix, QStringLiteral("\n"), 4, true);
        cold.extra = chunks('a');
        const ReplyOutcome without = runReply(&client, cold, 60000);
        QVERIFY2(without.ok, qPrintable(without.error.message));

        FimRequest warm = request(prefix, QStringLiteral("\n"), 4, true);
        warm.extra = chunks('b');
        CacheWarmer warmer(&m_network, &client);
        QSignalSpy warmed(&warmer, &CacheWarmer::timingRecorded);
        QVERIFY(warmer.warm(warm));
        QVERIFY(!warmer.warm(warm)); // the same prompt is not warmed twice
        QVERIFY(warmed.wait(60000));
        const RequestTiming warmUp = warmed.constFirst().constFirst().value<RequestTiming>();
        QCOMPARE(warmUp.outcome, RequestTiming::Outcome::Ok);
        QCOMPARE(warmUp.prefetch, RequestTiming::Prefetch::Warm);
        // Debian's llama-server still samples one token with n_predict 0 (it checks the limit after
        // sampling): a warm-up costs at most that one, and nobody sees it.
        QVERIFY(warmUp.usage);
        QVERIFY2(warmUp.usage->completionTokens <= 1, qPrintable(QString::number(warmUp.usage->completionTokens)));
        const ReplyOutcome with = runReply(&client, warm, 60000);
        QVERIFY2(with.ok, qPrintable(with.error.message));

        QVERIFY(with.result.timing.server && without.result.timing.server);
        const ServerTimings &w = *with.result.timing.server;
        const ServerTimings &o = *without.result.timing.server;
        QVERIFY2(w.cachedTokens >= w.cachedTokens + w.promptTokens - 2, qPrintable(QString::number(w.promptTokens)));
        QVERIFY2(o.cachedTokens < (o.cachedTokens + o.promptTokens) / 10,
                 qPrintable(QStringLiteral("cold: %1 cached of %2").arg(o.cachedTokens).arg(o.cachedTokens + o.promptTokens)));
        qInfo("warming: prompt %d tokens; next request evaluated %d (cached %d) vs %d (cached %d) without; "
              "first token %.1f ms vs %.1f ms: ratio with/without %.2f; server prompt time ratio %.2f",
              w.cachedTokens + w.promptTokens, w.promptTokens, w.cachedTokens, o.promptTokens, o.cachedTokens,
              with.timing.firstTokenMs, without.timing.firstTokenMs, with.timing.firstTokenMs / without.timing.firstTokenMs,
              w.promptMs / std::max(0.001, o.promptMs));
    }

    // The server's own figures (timings, token counts) reach the latency row unchanged.
    void serverFiguresAreTheServers()
    {
        FimClient client(&m_network);
        point(client);
        const ReplyOutcome out = runReply(&client, request(QStringLiteral("int main() {\n    return "), QStringLiteral(";\n}\n"), 12, true));
        QVERIFY2(out.ok, qPrintable(out.error.message));
        const QJsonObject last = lastEvent(out.exchange.rawAnswer);
        const QJsonObject t = last.value(u"timings").toObject();
        QVERIFY2(!t.isEmpty(), out.exchange.rawAnswer.right(400).constData());
        QVERIFY(out.result.timing.server.has_value());
        const ServerTimings &s = *out.result.timing.server;
        QCOMPARE(s.promptTokens, t.value(u"prompt_n").toInt());
        QCOMPARE(s.generatedTokens, t.value(u"predicted_n").toInt());
        QCOMPARE(s.generatedTokens, 12);
        QCOMPARE(s.cachedTokens, t.value(u"cache_n").toInt());
        QCOMPARE(s.promptMs, t.value(u"prompt_ms").toDouble());
        QCOMPARE(s.generationMs, t.value(u"predicted_ms").toDouble());
        QVERIFY(out.result.usage.has_value());
        QVERIFY(out.result.usage.has_value());
        QCOMPARE(out.result.usage->promptTokens, last.value(u"tokens_evaluated").toInt());
        QCOMPARE(out.result.usage->completionTokens, last.value(u"tokens_predicted").toInt());
        // tokens_evaluated is the whole prompt: the part evaluated now plus the part reused.
        QCOMPARE(out.result.usage->promptTokens, s.promptTokens + s.cachedTokens);
    }

    // A template: the playground builds the raw prompt, /completion reads its FIM tokens as the
    // model's own (one token each), and the answer is the server's for the same body.
    void completionWithTemplate()
    {
        FimClient client(&m_network);
        point(client, EndpointKind::LlamaCpp, QStringLiteral("qwen"));
        const ReplyOutcome out = runReply(&client, request(QStringLiteral("x = "), QStringLiteral("\n"), 10, false));
        QVERIFY2(out.ok, qPrintable(out.error.message));
        QCOMPARE(out.exchange.url.path(), QStringLiteral("/completion"));
        QCOMPARE(out.exchange.rawPrompt, QStringLiteral("<|fim_prefix|>x = <|fim_suffix|>\n<|fim_middle|>"));
        int status = 0;
        const QByteArray direct = m_server.post(QStringLiteral("/completion"), out.exchange.requestBody, &status);
        QCOMPARE(status, 200);
        QCOMPARE(out.result.text.toUtf8(), RealLlamaServer::contentOf(direct, false).toUtf8());
        const QJsonArray tokens = QJsonDocument::fromJson(
            m_server.post(QStringLiteral("/tokenize"),
                          QJsonDocument(QJsonObject{{QStringLiteral("content"), out.exchange.rawPrompt}, {QStringLiteral("parse_special"), true}})
                              .toJson(QJsonDocument::Compact)))
                                      .object()
                                      .value(u"tokens")
                                      .toArray();
        // <|fim_prefix|> x ␠ = ␠ <|fim_suffix|> \n <|fim_middle|>
        QCOMPARE(tokens.size(), 8);
        QVERIFY(out.result.usage.has_value());
        QCOMPARE(out.result.usage->promptTokens, 8);
    }

    // The OpenAI-style kind against llama-server's own /v1/completions: the answer is read exactly,
    // and the exchange says what the real server showed: that route takes no suffix.
    void openAiKindAgainstLlamaServer()
    {
        FimClient client(&m_network);
        point(client, EndpointKind::OpenAi);
        const ReplyOutcome out = runReply(&client, request(QStringLiteral("def f("), QStringLiteral("):\n"), 8, false));
        QVERIFY2(out.ok, qPrintable(out.error.message));
        QCOMPARE(out.exchange.url.path(), QStringLiteral("/v1/completions"));
        int status = 0;
        const QByteArray direct = m_server.post(QStringLiteral("/v1/completions"), out.exchange.requestBody, &status);
        QCOMPARE(status, 200);
        const QJsonObject o = QJsonDocument::fromJson(direct).object();
        QCOMPARE(out.result.text, o.value(u"choices").toArray().first().toObject().value(u"text").toString());
        QVERIFY(out.result.usage.has_value());
        QCOMPARE(out.result.usage->promptTokens, o.value(u"usage").toObject().value(u"prompt_tokens").toInt());
        // 6 prompt tokens: "def f(" alone; the suffix never reached the model.
        QCOMPARE(out.result.usage->promptTokens, 6);
        QVERIFY2(out.exchange.note.contains(QStringLiteral("suffix")), qPrintable(out.exchange.note));

        const ReplyOutcome streamed = runReply(&client, request(QStringLiteral("def f("), QStringLiteral("):\n"), 8, true));
        QVERIFY2(streamed.ok, qPrintable(streamed.error.message));
        QCOMPARE(streamed.result.text, out.result.text);
    }

    // Cancelling mid-stream frees the only slot: the next request is served at once, where the
    // abandoned 16,000 tokens would have taken many seconds.
    void cancelFreesTheSlot()
    {
        FimClient client(&m_network);
        point(client);
        FimRequest longOne = request(QStringLiteral("a"), QString(), 16000, true);
        QPointer<FimReply> reply = client.complete(longOne);
        QSignalSpy deltas(reply.data(), &FimReply::delta);
        QVERIFY(deltas.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_server.slotsIdle(), 5000);
        QVERIFY(reply);
        reply->abort();
        QTRY_VERIFY_WITH_TIMEOUT(m_server.slotsIdle(), 3000);
        const ReplyOutcome next = runReply(&client, request(QStringLiteral("b = "), QString(), 4, false), 3000);
        QVERIFY2(next.ok, qPrintable(next.error.message));
    }

    // Two requests at once on a server with two slots: both are processed together, and each
    // answer is the server's own for its body (nothing mixed up between the two streams).
    void twoRequestsOnTwoSlots()
    {
        RealLlamaServer two;
        QVERIFY2(two.start({QStringLiteral("-np"), QStringLiteral("2")}), qPrintable(two.error()));
        FimClient client(&m_network);
        client.setEndpoint(Endpoint(QStringLiteral("two slots"), EndpointKind::LlamaCpp, two.url()), QString());
        QList<Exchange> exchanges;
        QHash<quint64, QString> texts;
        connect(&client, &FimClient::exchangeRecorded, this, [&](const Exchange &x) { exchanges << x; });
        int busyAtOnce = 0;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            int busy = 0;
            for (const QJsonValue &v : QJsonDocument::fromJson(two.get(QStringLiteral("/slots"))).array())
                busy += v.toObject().value(u"is_processing").toBool();
            busyAtOnce = std::max(busyAtOnce, busy);
        });
        poll.start(20);
        for (const QString &prefix : {QStringLiteral("first = "), QStringLiteral("second = ")}) {
            FimReply *reply = client.complete(request(prefix, QString(), 1000, true));
            const quint64 id = reply->id();
            connect(reply, &FimReply::finished, this, [&texts, id](const CompletionResult &r) { texts.insert(id, r.text); });
        }
        QTRY_COMPARE_WITH_TIMEOUT(exchanges.size(), 2, 30000);
        poll.stop();
        QCOMPARE(busyAtOnce, 2);
        for (const Exchange &x : std::as_const(exchanges)) {
            QVERIFY2(x.error.isEmpty(), qPrintable(x.error));
            // What the server streamed on that request's own connection (re-asking could differ:
            // llama.cpp does not promise the same floats when two sequences share a batch).
            QCOMPARE(texts.value(x.id).toUtf8(), RealLlamaServer::contentOf(x.rawAnswer, true).toUtf8());
            QCOMPARE(texts.value(x.id).size(), 1000);
        }
        QVERIFY(texts.value(exchanges.at(0).id) != texts.value(exchanges.at(1).id));
    }

    // The server killed mid-stream: a clear failure, no answer claimed.
    void serverKilledMidStream()
    {
        RealLlamaServer doomed;
        QVERIFY2(doomed.start(), qPrintable(doomed.error()));
        FimClient client(&m_network);
        client.setEndpoint(Endpoint(QStringLiteral("doomed"), EndpointKind::LlamaCpp, doomed.url()), QString());
        FimReply *reply = client.complete(request(QStringLiteral("a"), QString(), 3500, true));
        QSignalSpy deltas(reply, &FimReply::delta);
        QSignalSpy failed(reply, &FimReply::failed);
        QSignalSpy finished(reply, &FimReply::finished);
        QVERIFY(deltas.wait(10000));
        doomed.kill();
        QVERIFY(failed.wait(10000));
        QCOMPARE(finished.size(), 0);
        const FimError e = failed.first().first().value<FimError>();
        QVERIFY2(e.message.contains(doomed.url().host()) || e.message.contains(QString::number(doomed.port())), qPrintable(e.message));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestRealServerClient)
#include "tst_realserver_client.moc"
