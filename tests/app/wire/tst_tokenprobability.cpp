// Token probabilities: read from what Debian's llama-server 0.7.0 (b11669) really sent
// (tests/data/probabilities/, captured with curl from its /infill and /v1/completions with
// "n_probs"/"logprobs" 2), whole and streamed, and from OpenAI's legacy completions shape; the
// suggestion's probability; the request fields that ask for them; a stream through FimReply.
#include "backends/fimbackend.h"
#include "fakeupstream.h"
#include "net/fimclient.h"
#include "replyrun.h"
#include "wire/streamdecoder.h"
#include "wire/tokenprobability.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

namespace {

QByteArray data(const QString &name)
{
    QFile f(QDir(qEnvironmentVariable("FIM_TEST_DATA")).filePath(QStringLiteral("probabilities/") + name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("test data %s missing", qPrintable(name));
    return f.readAll();
}

// The SSE events' data, as the stream decoder hands them to a backend.
QList<QByteArray> events(const QByteArray &sse)
{
    return StreamDecoder::payloadsOfUnlabelledStream(sse).value_or(QList<QByteArray>());
}

QString joined(const QList<TokenProbability> &tokens)
{
    QString out;
    for (const TokenProbability &t : tokens)
        out += t.token;
    return out;
}

// The expected tokens of a real answer, read straight from its JSON (the array of
// completion_probabilities, or logprobs.content): token, logprob and the top list.
QList<TokenProbability> expectedFrom(const QJsonArray &entries)
{
    QList<TokenProbability> out;
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        TokenProbability t{o.value(u"token").toString(), o.value(u"logprob").toDouble(), {}};
        for (const QJsonValue &top : o.value(u"top_logprobs").toArray())
            t.top.append({top.toObject().value(u"token").toString(), top.toObject().value(u"logprob").toDouble()});
        out.append(t);
    }
    return out;
}

} // namespace

class TestTokenProbability : public QObject
{
    Q_OBJECT

private slots:
    // /infill with "n_probs": 2, whole: three tokens, each with its two likeliest.
    void llamaCppWholeAnswer()
    {
        const QByteArray body = data(QStringLiteral("llamacpp-infill.json"));
        QString why;
        const std::optional<CompletionBody> parsed = FimBackend::forKind(EndpointKind::LlamaCpp).parseBody(body, &why);
        QVERIFY2(parsed, qPrintable(why));
        const QList<TokenProbability> &p = parsed->probs;
        QCOMPARE(p.size(), 3);
        QCOMPARE(joined(p), parsed->text);
        QCOMPARE(parsed->text, QStringLiteral("@y%"));
        QCOMPARE(p.at(0).token, QStringLiteral("@"));
        QCOMPARE(p.at(0).logprob, -0.6276442408561707);
        QCOMPARE(p.at(0).top.size(), 2);
        QCOMPARE(p.at(0).top.at(0), qMakePair(QStringLiteral("@"), -0.6276442408561707));
        QCOMPARE(p.at(0).top.at(1), qMakePair(QStringLiteral("z"), -0.9303405284881592));
        QCOMPARE(p.at(2).token, QStringLiteral("%"));
        QCOMPARE(p.at(2).logprob, -0.04448777064681053);
        QCOMPARE(p.at(2).top.at(1).first, QStringLiteral("g"));
        QVERIFY(std::abs(p.at(0).probability() - std::exp(-0.6276442408561707)) < 1e-15);
        QCOMPARE(p, expectedFrom(QJsonDocument::fromJson(body).object().value(u"completion_probabilities").toArray()));
    }

    // The same request streamed: each event carries its own token; together they are the whole
    // answer's.
    void llamaCppStreamedAnswer()
    {
        const QByteArray sse = data(QStringLiteral("llamacpp-infill-stream.sse"));
        const FimBackend &backend = FimBackend::forKind(EndpointKind::LlamaCpp);
        const QList<QByteArray> payloads = events(sse);
        QCOMPARE(payloads.size(), 4);
        QList<TokenProbability> all;
        QString text;
        for (const QByteArray &payload : payloads) {
            QString why;
            const std::optional<StreamChunk> chunk = backend.parseEvent(payload, &why);
            QVERIFY2(chunk, qPrintable(why));
            QCOMPARE(chunk->probs.size(), chunk->end ? 0 : 1);
            QCOMPARE(joined(chunk->probs), chunk->delta);
            all += chunk->probs;
            text += chunk->delta;
        }
        QString why;
        const QList<TokenProbability> whole =
            backend.parseBody(data(QStringLiteral("llamacpp-infill.json")), &why).value_or(CompletionBody{}).probs;
        QCOMPARE(all, whole);
        QCOMPARE(joined(all), text);
        // What the inspector reads from the recorded stream is the same.
        QCOMPARE(backend.probabilitiesIn(sse), whole);
        QCOMPARE(backend.probabilitiesIn(data(QStringLiteral("llamacpp-infill.json"))), whole);
    }

    // A stop sequence ("y%x") that began to match: llama-server reports the held-back tokens with
    // an empty "token" and gives their text with the token that releases it ("y%(" for "(").
    // Joined, the tokens are still the answer's text; the top list names the real token.
    void llamaCppHeldBackTokens_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("whole") << QStringLiteral("llamacpp-infill-heldback.json");
        QTest::newRow("streamed") << QStringLiteral("llamacpp-infill-heldback.sse");
    }
    void llamaCppHeldBackTokens()
    {
        QFETCH(QString, file);
        const QList<TokenProbability> p = FimBackend::forKind(EndpointKind::LlamaCpp).probabilitiesIn(data(file));
        QCOMPARE(p.size(), 4);
        QCOMPARE(joined(p), QStringLiteral("@y%("));
        QCOMPARE(p.at(1).token, QString());
        QCOMPARE(p.at(1).top.at(0).first, QStringLiteral("y"));
        QCOMPARE(p.at(1).logprob, -0.01159889716655016);
        QCOMPARE(p.at(3).token, QStringLiteral("y%("));
        QCOMPARE(p.at(3).top.at(0), qMakePair(QStringLiteral("("), -1.1534394025802612));
    }

    // llama-server's /v1/completions with "logprobs": 2 answers in the newer shape
    // (logprobs.content), not OpenAI's legacy one; whole and streamed alike.
    void openAiNewerShapeFromLlamaServer()
    {
        const QByteArray body = data(QStringLiteral("openai-completions.json"));
        const FimBackend &backend = FimBackend::forKind(EndpointKind::OpenAi);
        QString why;
        const std::optional<CompletionBody> parsed = backend.parseBody(body, &why);
        QVERIFY2(parsed, qPrintable(why));
        QCOMPARE(parsed->text, QStringLiteral("4zn"));
        QCOMPARE(joined(parsed->probs), parsed->text);
        const QJsonArray content = QJsonDocument::fromJson(body)
                                       .object()
                                       .value(u"choices")
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(u"logprobs")
                                       .toObject()
                                       .value(u"content")
                                       .toArray();
        QCOMPARE(parsed->probs, expectedFrom(content));
        QCOMPARE(parsed->probs.at(1).logprob, -0.07264182716608047);
        QCOMPARE(parsed->probs.at(1).top.at(1), qMakePair(QStringLiteral("?"), -2.792023181915283));

        QList<TokenProbability> streamed;
        for (const QByteArray &payload : events(data(QStringLiteral("openai-completions-stream.sse")))) {
            const std::optional<StreamChunk> chunk = backend.parseEvent(payload, &why);
            QVERIFY2(chunk, qPrintable(why));
            streamed += chunk->probs; // the last event's "logprobs": null adds none
        }
        QCOMPARE(streamed, parsed->probs);
    }

    // OpenAI's legacy completions shape (written from OpenAI's API reference, not captured: the
    // local server does not send it): parallel arrays, and the alternatives as an object, which
    // keeps no order, so they are sorted likeliest first. A null logprob counts for nothing.
    void openAiLegacyShape()
    {
        const QByteArray body = R"({"id":"cmpl-1","object":"text_completion","created":1,"model":"gpt-3.5-turbo-instruct",
            "choices":[{"text":" 42\n","index":0,"finish_reason":"length","logprobs":{
              "tokens":[" 4","2","\n"],
              "token_logprobs":[-0.25,-1.5,null],
              "top_logprobs":[{" 5":-2.0," 4":-0.25},{"2":-1.5,"0":-0.5},null],
              "text_offset":[10,12,13]}}],
            "usage":{"prompt_tokens":4,"completion_tokens":3,"total_tokens":7}})";
        QString why;
        const std::optional<CompletionBody> parsed = CompletionParser::parseBody(body, &why);
        QVERIFY2(parsed, qPrintable(why));
        const QList<TokenProbability> &p = parsed->probs;
        QCOMPARE(p.size(), 3);
        QCOMPARE(joined(p), parsed->text);
        QCOMPARE(p.at(0).logprob, -0.25);
        QCOMPARE(p.at(0).top, (QList<QPair<QString, double>>{{QStringLiteral(" 4"), -0.25}, {QStringLiteral(" 5"), -2.0}}));
        QCOMPARE(p.at(1).top.at(0), qMakePair(QStringLiteral("0"), -0.5)); // more likely than the token chosen
        QVERIFY(std::isnan(p.at(2).logprob));
        QVERIFY(p.at(2).top.isEmpty());
        // exp(mean(-0.25, -1.5)): the null is left out.
        QCOMPARE(*TokenProbabilities::suggestionProbability(p), std::exp(-0.875));

        // A legacy stream's chunk carries its own token the same way.
        const std::optional<StreamChunk> chunk = CompletionParser::parseChunk(
            R"({"choices":[{"text":"x","index":0,"finish_reason":null,"logprobs":{"tokens":["x"],"token_logprobs":[-0.1],"top_logprobs":[{"x":-0.1}],"text_offset":[0]}}]})",
            &why);
        QVERIFY2(chunk, qPrintable(why));
        QCOMPARE(chunk->probs.size(), 1);
        QCOMPARE(chunk->probs.at(0).logprob, -0.1);
        // No logprobs, or null: none (Codestral, a server not asked).
        QVERIFY(CompletionParser::parseBody(R"({"choices":[{"text":"a","logprobs":null}]})", &why)->probs.isEmpty());
        QVERIFY(CompletionParser::parseBody(R"({"choices":[{"text":"a"}]})", &why)->probs.isEmpty());
    }

    // The geometric mean of the tokens' probabilities.
    void suggestionProbabilityIsTheGeometricMean()
    {
        QVERIFY(!TokenProbabilities::suggestionProbability({}));
        const QList<TokenProbability> one{{QStringLiteral("a"), std::log(0.5), {}}};
        QVERIFY(std::abs(*TokenProbabilities::suggestionProbability(one) - 0.5) < 1e-15);
        const QList<TokenProbability> two{{QStringLiteral("a"), std::log(0.9), {}}, {QStringLiteral("b"), std::log(0.1), {}}};
        QVERIFY(std::abs(*TokenProbabilities::suggestionProbability(two) - 0.3) < 1e-15); // sqrt(0.09)
        // The real answer: exp of the mean of its three log-probabilities.
        QString why;
        const QList<TokenProbability> real = FimBackend::forKind(EndpointKind::LlamaCpp)
                                                 .parseBody(data(QStringLiteral("llamacpp-infill.json")), &why)
                                                 .value_or(CompletionBody{})
                                                 .probs;
        const double expected = std::exp((-0.6276442408561707 - 0.01159889716655016 - 0.04448777064681053) / 3);
        QVERIFY(std::abs(*TokenProbabilities::suggestionProbability(real) - expected) < 1e-15);
        QCOMPARE(QString::number(expected, 'f', 2), QStringLiteral("0.80"));
    }

    // nProbs goes out as each format names it, and only when set; Mistral's format has no field.
    void requestsAskForProbabilities()
    {
        FimRequest r;
        r.prompt = QStringLiteral("x = ");
        r.maxTokens = 3;
        const Endpoint llama(QStringLiteral("l"), EndpointKind::LlamaCpp, QUrl(QStringLiteral("http://127.0.0.1:1")));
        const Endpoint openai(QStringLiteral("o"), EndpointKind::OpenAi, QUrl(QStringLiteral("http://127.0.0.1:1")));
        QString why;
        const auto bodyOf = [&](const Endpoint &e) {
            return QJsonDocument::fromJson(FimBackend::forKind(e.kind).buildRequest(e, r, &why)->body).object();
        };
        QVERIFY(!bodyOf(llama).contains(u"n_probs"));
        QVERIFY(!bodyOf(openai).contains(u"logprobs"));
        const QByteArray keyWithout = r.parameterKey();
        r.nProbs = 3;
        QCOMPARE(bodyOf(llama).value(u"n_probs").toInt(), 3);
        QVERIFY(!bodyOf(llama).contains(u"logprobs"));
        QCOMPARE(bodyOf(openai).value(u"logprobs").toInt(), 3);
        QVERIFY(!bodyOf(openai).contains(u"n_probs"));
        QVERIFY(!r.toJson().contains("n_probs"));
        QVERIFY(r.parameterKey().contains("\"n_probs\":3"));
        QVERIFY(r.parameterKey() != keyWithout);
        // A body of either format reads back with it (an edited resend).
        QCOMPARE(FimRequest::fromJson(R"({"prompt":"a","n_probs":2})", &why)->nProbs, 2);
        QCOMPARE(FimRequest::fromJson(R"({"prompt":"a","logprobs":4})", &why)->nProbs, 4);
        QVERIFY(!FimRequest::fromJson(r.toJson(), &why)->nProbs);
    }

    // Through FimReply: a stream's tokens add up event by event (each delta comes with its own
    // already counted), and the result carries them all; a whole answer's likewise.
    void fimReplyCarriesThem_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed") << QStringLiteral("llamacpp-infill-stream.sse") << true;
        QTest::newRow("whole") << QStringLiteral("llamacpp-infill.json") << false;
    }
    void fimReplyCarriesThem()
    {
        QFETCH(QString, file);
        QFETCH(bool, stream);
        FakeUpstream server;
        QVERIFY(server.listen());
        const QByteArray bytes = data(file);
        if (stream) {
            QList<QByteArray> pieces;
            for (const QByteArray &event : bytes.split('\n'))
                if (!event.isEmpty())
                    pieces << event + "\n\n";
            server.setReply("/infill", FakeUpstream::sse(pieces, 5));
        } else {
            server.setReply("/infill", FakeUpstream::json(200, bytes));
        }
        QNetworkAccessManager network;
        FimClient client(&network);
        client.setEndpoint(Endpoint(QStringLiteral("fake llama"), EndpointKind::LlamaCpp, server.url()), QString());
        FimRequest r;
        r.prompt = QStringLiteral("x = ");
        r.stream = stream;
        r.nProbs = 2;
        FimReply *reply = client.complete(r);
        QList<qsizetype> countsAtDelta;
        connect(reply, &FimReply::delta, this, [&] { countsAtDelta << reply->probabilities().size(); });
        QSignalSpy finished(reply, &FimReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(server.lastRequestTo("/infill").json().value(u"n_probs").toInt(), 2);
        const CompletionResult result = finished.first().first().value<CompletionResult>();
        QCOMPARE(result.text, QStringLiteral("@y%"));
        QCOMPARE(result.probs, FimBackend::forKind(EndpointKind::LlamaCpp).probabilitiesIn(data(QStringLiteral("llamacpp-infill.json"))));
        QCOMPARE(countsAtDelta, stream ? (QList<qsizetype>{1, 2, 3}) : QList<qsizetype>());
    }
};

QTEST_GUILESS_MAIN(TestTokenProbability)
#include "tst_tokenprobability.moc"
