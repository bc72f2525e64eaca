#include "fakeservers.h"
#include "suite/suiterun.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

// A suite against two real servers on loopback (a proxy and an Ollama): every case against every
// target, never more requests in flight than asked, a failing case counted as an error with its
// words, matches and metrics counted against what the cases expect (figures worked out by hand), a
// case's own parameters winning over the target's, a case's context in each server's form, and a
// cancelled run silent.
class TestSuiteRun : public QObject
{
    Q_OBJECT

    static QList<SuiteCase> cases()
    {
        QList<SuiteCase> out;
        const QList<std::tuple<const char *, const char *, std::optional<QString>>> rows{
            {"exact", "def add(a, b):\n    ", QStringLiteral("return a + b")},
            {"prefix", "def sub(a, b):\n    ", QStringLiteral("return a")},
            {"wrong", "def mul(a, b):\n    ", QStringLiteral("return a * b")},
            {"open", "def div(a, b):\n    ", std::nullopt},
            {"fails", "boom", QStringLiteral("x")},
        };
        int line = 0;
        for (const auto &[name, prompt, expected] : rows) {
            SuiteCase c;
            c.name = QString::fromUtf8(name);
            c.request.prompt = QString::fromUtf8(prompt);
            c.request.suffix = QStringLiteral("\n");
            c.expected = expected;
            c.line = ++line;
            out.append(c);
        }
        out[0].request.temperature = 0.0; // the case's own: wins over the target's 0.7
        return out;
    }

    // Every answer says "return a + b" (plus what the request asked, past a newline the cleaner
    // keeps); "boom" fails.
    static void serve(FakeUpstream &server, EndpointKind kind)
    {
        FakeServers::serveWith(
            server, kind, [](const QJsonObject &) { return QStringLiteral("return a + b"); }, 20, 3, 30,
            [](const QJsonObject &body) { return body.value(u"prompt").toString() == u"boom"; });
    }

private slots:
    void everyCaseAgainstEveryTarget()
    {
        FakeUpstream proxy;
        FakeUpstream ollama;
        QVERIFY(proxy.listen() && ollama.listen());
        serve(proxy, EndpointKind::Proxy);
        serve(ollama, EndpointKind::Ollama);
        QNetworkAccessManager network;
        SuiteRun run(&network);
        FimRequest parameters;
        parameters.temperature = 0.7;
        parameters.maxTokens = 24;
        FimRequest ollamaParameters = parameters;
        ollamaParameters.model = QStringLiteral("qwen2.5-coder:1.5b");
        const QList<SuiteTarget> targets{{QStringLiteral("proxy"), Endpoint(QStringLiteral("p"), EndpointKind::Proxy, proxy.url()), QString(), parameters},
                                         {QStringLiteral("ollama"), Endpoint(QStringLiteral("o"), EndpointKind::Ollama, ollama.url()), QString(), ollamaParameters}};
        // Never more than 3 requests in flight, over both servers.
        int received = 0;
        int reported = 0;
        int most = 0;
        for (FakeUpstream *server : {&proxy, &ollama})
            connect(server, &FakeUpstream::requestReceived, this, [&](const FakeUpstream::Recorded &r) {
                if (r.path == "/v1/fim/completions" || r.path == "/api/generate")
                    most = std::max(most, ++received - reported);
            });
        connect(&run, &SuiteRun::resultReady, this, [&] { ++reported; });
        QSignalSpy finished(&run, &SuiteRun::finished);
        run.start(cases(), targets, 3);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(run.results().size(), 10);
        QCOMPARE(received, 10);
        QVERIFY2(most <= 3 && most >= 2, qPrintable(QString::number(most)));

        for (int t = 0; t < 2; ++t) {
            const SuiteSummary s = run.summary(t);
            QCOMPARE(s.cases, 5);
            QCOMPARE(s.errors, 1);
            QCOMPARE(s.withExpected, 3); // "fails" failed: not counted
            QCOMPARE(s.exact, 1);
            QCOMPARE(s.prefix, 2);
            // Every answer is "return a + b" (no file: the generic lexer, return a keyword):
            //   expected        line EM  id EM  ES                 id F1                   chrF
            //   return a + b    yes      yes    1                  1                       1
            //   return a        no       no     1 − 4/12 = 2/3     P 1/2, R 1: 2/3         25255/27764 (below)
            //   return a * b    no       yes    1 − 1/12 = 11/12   1                       5191/7560 (below)
            // chrF, white space dropped: "returna+b" against "returna" has 9−n+1 and 7−n+1 n-grams, all
            // of the expected's matching: P = (7/9 + 6/8 + 5/7 + 4/6 + 3/5 + 2/4) / 6 = 10102/15120, R = 1,
            // chrF = 5P / (4P + 1) = 25255/27764. Against "returna*b" (9 each), matches 8, 6, 5, 4, 3, 2
            // of 9, 8, 7, 6, 5, 4: P = R = (8/9 + 6/8 + 5/7 + 4/6 + 3/5 + 2/4) / 6 = 10382/15120 = 5191/7560.
            QCOMPARE(s.firstLineExact, 1);
            QCOMPARE(s.identifierExact, 2);
            QVERIFY(qAbs(*s.editSimilarity.mean - 31.0 / 36.0) < 1e-12); // (12 + 8 + 11) / 12 / 3
            QCOMPARE(*s.editSimilarity.p50, 11.0 / 12.0);                // the 2nd of 3 (nearest rank)
            QCOMPARE(*s.editSimilarity.p95, 1.0);                        // the 3rd
            QVERIFY(qAbs(*s.identifierF1.mean - 8.0 / 9.0) < 1e-12);     // (1 + 2/3 + 1) / 3
            QCOMPARE(*s.identifierF1.p50, 1.0);
            const double prefixChrF = 25255.0 / 27764.0;
            const double wrongChrF = 5191.0 / 7560.0;
            QVERIFY(qAbs(*s.chrF.mean - (1.0 + prefixChrF + wrongChrF) / 3) < 1e-12);
            QVERIFY(qAbs(*s.chrF.p50 - prefixChrF) < 1e-12);
            QCOMPARE(*s.chrF.p95, 1.0);
            QVERIFY(s.firstTokenP50 && s.totalP95);
            QVERIFY(*s.firstTokenP50 <= *s.totalP50);
            QVERIFY(*s.totalP50 <= *s.totalP95);
        }
        for (const SuiteResult &r : run.results()) {
            if (run.cases().at(r.caseIndex).name == u"fails") {
                QVERIFY(!r.answered);
                QVERIFY2(!r.error.isEmpty(), "an error in words");
            } else {
                QVERIFY2(r.answered, qPrintable(r.error));
                QCOMPARE(r.answer, QStringLiteral("return a + b"));
                QVERIFY(r.firstTokenMs >= 0);
            }
        }
        // The case's temperature went, not the target's.
        for (const FakeUpstream::Recorded &r : proxy.requests()) {
            const QJsonObject body = r.json();
            if (body.value(u"prompt").toString().startsWith(u"def add"))
                QCOMPARE(body.value(u"temperature").toDouble(-1), 0.0);
            else if (r.path == "/v1/fim/completions")
                QCOMPARE(body.value(u"temperature").toDouble(-1), 0.7);
        }
    }

    // A case's context goes to each server in its form (the proxy: comment lines before the prompt,
    // in the marker of the case's file; llama.cpp: input_extra), a case without any as before; the
    // answers that depend on it count, and the summary has the mean total.
    void aCaseContextGoesInEachServersForm()
    {
        FakeUpstream proxy;
        FakeUpstream llama;
        QVERIFY(proxy.listen() && llama.listen());
        // "helper()" when the helper's file was sent, else "0".
        const FakeServers::Answerer answer = [](const QJsonObject &body) {
            const bool seen = body.value(u"prompt").toString().contains(u"def helper") || !body.value(u"input_extra").toArray().isEmpty();
            return seen ? QStringLiteral("helper()") : QStringLiteral("0");
        };
        FakeServers::serveWith(proxy, EndpointKind::Proxy, answer, 0, 2);
        FakeServers::serveWith(llama, EndpointKind::LlamaCpp, answer, 0, 2);
        SuiteCase withHelper;
        withHelper.name = QStringLiteral("helper");
        withHelper.request.prompt = QStringLiteral("total = ");
        withHelper.request.fileName = QStringLiteral("main.py");
        withHelper.request.extra = {{QStringLiteral("helpers.py"), QStringLiteral("def helper():\n    return 1\n")}};
        withHelper.expected = QStringLiteral("helper()");
        SuiteCase plain;
        plain.name = QStringLiteral("plain");
        plain.request.prompt = QStringLiteral("x = ");
        plain.expected = QStringLiteral("helper()");
        QNetworkAccessManager network;
        SuiteRun run(&network);
        QSignalSpy finished(&run, &SuiteRun::finished);
        run.start({withHelper, plain},
                  {{QStringLiteral("proxy"), Endpoint(QStringLiteral("p"), EndpointKind::Proxy, proxy.url()), QString(), {}},
                   {QStringLiteral("llama"), Endpoint(QStringLiteral("l"), EndpointKind::LlamaCpp, llama.url()), QString(), {}}},
                  2);
        QVERIFY(finished.wait(20000));
        QCOMPARE(run.results().size(), 4);
        for (const SuiteResult &r : run.results()) {
            QVERIFY2(r.answered, qPrintable(r.error));
            QCOMPARE(r.answer, r.caseIndex == 0 ? QStringLiteral("helper()") : QStringLiteral("0"));
        }
        for (int t = 0; t < 2; ++t) {
            const SuiteSummary s = run.summary(t);
            QCOMPARE(s.withExpected, 2);
            QCOMPARE(s.exact, 1);
            QCOMPARE(s.prefix, 1);
            QVERIFY(s.totalMean && *s.totalMean >= 0);
        }
        QStringList prompts;
        for (const FakeUpstream::Recorded &r : proxy.requests())
            if (r.path == "/v1/fim/completions")
                prompts << r.json().value(u"prompt").toString();
        prompts.sort();
        QCOMPARE(prompts, (QStringList{QStringLiteral("# Path: helpers.py\n# def helper():\n#     return 1\ntotal = "), QStringLiteral("x = ")}));
        int infills = 0;
        for (const FakeUpstream::Recorded &r : llama.requests()) {
            if (r.path != "/infill")
                continue;
            ++infills;
            const QJsonObject body = r.json();
            if (body.value(u"input_prefix").toString() == u"total = ")
                QCOMPARE(body.value(u"input_extra").toArray(),
                         (QJsonArray{QJsonObject{{QStringLiteral("filename"), QStringLiteral("helpers.py")},
                                                 {QStringLiteral("text"), QStringLiteral("def helper():\n    return 1\n")}}}));
            else
                QVERIFY(!body.contains(u"input_extra"));
        }
        QCOMPARE(infills, 2);
    }

    void aCancelledRunIsSilent()
    {
        FakeUpstream proxy;
        QVERIFY(proxy.listen());
        FakeServers::serveWith(proxy, EndpointKind::Proxy, [](const QJsonObject &) { return QStringLiteral("x"); }, 0, 1, 300);
        QNetworkAccessManager network;
        SuiteRun run(&network);
        QSignalSpy results(&run, &SuiteRun::resultReady);
        QSignalSpy finished(&run, &SuiteRun::finished);
        run.start(cases(), {{QStringLiteral("proxy"), Endpoint(QStringLiteral("p"), EndpointKind::Proxy, proxy.url()), QString(), {}}}, 2);
        QVERIFY(run.isRunning());
        auto completions = [&proxy] {
            return std::count_if(proxy.requests().cbegin(), proxy.requests().cend(),
                                 [](const FakeUpstream::Recorded &r) { return r.path == "/v1/fim/completions"; });
        };
        QTRY_COMPARE(completions(), 2); // two in flight, three waiting
        run.cancel();
        QVERIFY(!run.isRunning());
        QTest::qWait(700); // past the server's answers
        QCOMPARE(results.size(), 0);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(completions(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSuiteRun)
#include "tst_suiterun.moc"
