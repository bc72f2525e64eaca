// A member typing in the whole window against our proxy under `wrangler dev`, for FIM_E2E_SECONDS
// (60) at 15 suggestions a minute, next suggestion asked ahead: no request may be refused with
// 429. Started by proxy/scripts/e2e-typing.sh (CTest proxy_e2e_typing), which brings up the fake
// upstream and wrangler dev, adds the member and passes FIM_E2E_PROXY and FIM_PROXY_TOKEN; it
// also counts, from wrangler's log, what reached the Worker (the Health panel's /v1/usage reads
// among it). Skipped without FIM_E2E_PROXY.
#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "net/healthmonitor.h"
#include "testcontext.h"
#include "testwindow.h"
#include "window/mainwindow.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

class TestProxyTyping : public QObject
{
    Q_OBJECT

private slots:
    void typingAtFifteenSuggestionsAMinuteIsNeverRateLimited()
    {
        const QUrl proxy(qEnvironmentVariable("FIM_E2E_PROXY"));
        if (!proxy.isValid() || qEnvironmentVariableIsEmpty("FIM_PROXY_TOKEN"))
            QSKIP("FIM_E2E_PROXY and FIM_PROXY_TOKEN are set by proxy/scripts/e2e-typing.sh");
        const int seconds = qEnvironmentVariableIsSet("FIM_E2E_SECONDS") ? qEnvironmentVariableIntValue("FIM_E2E_SECONDS") : 60;

        TestContext ctx(proxy); // the "Local proxy" profile at the proxy; the member's token from FIM_PROXY_TOKEN
        AppContext *context = ctx.context.get();
        std::unique_ptr<MainWindow> window = openTestWindow(context);
        QVERIFY(window);
        CompletionController *completion = window->completion();
        completion->setAutoTrigger(true);
        completion->setPrefetch(true);
        QTRY_COMPARE_WITH_TIMEOUT(int(context->health()->last().state), int(HealthReport::State::Ok), 10000);

        int completions = 0, refused = 0, asked = 0, askedAhead = 0;
        QStringList errors;
        connect(context->client(), &FimClient::timingRecorded, this, [&](const RequestTiming &t) {
            completions += t.httpStatus > 0;
            refused += t.httpStatus == 429;
        });
        connect(completion, &CompletionController::errorOccurred, this, [&](const FimError &e) { errors << e.message; });
        connect(completion, &CompletionController::requestStarted, this, [&] { ++asked; });
        connect(completion, &CompletionController::prefetchStarted, this, [&] { ++askedAhead; });

        // A fresh line each round: a few keys at a typing rhythm, a pause until the suggestion is on
        // screen (the next one is asked ahead then), reading it, Tab (the next one shows at once),
        // reading that, Enter. Two suggestions a round, a round every 8 s: 15 suggestions a minute.
        constexpr int MsPerRound = 2 * 60000 / 15;
        window->loadText(QStringLiteral("def total(values):\n    \n"), 23, QStringLiteral("stats.py"));
        int shown = 0;
        QElapsedTimer clock;
        clock.start();
        for (int round = 0; clock.elapsed() < seconds * 1000; ++round) {
            while (clock.elapsed() < qint64(round) * MsPerRound)
                QTest::qWait(50);
            QSignalSpy appeared(completion, &CompletionController::suggestionShown);
            QTest::keyClicks(window->editor(), QStringLiteral("part_%1 = values").arg(round), Qt::NoModifier, 120);
            if (!window->editor()->hasSuggestion() && !appeared.wait(5000))
                continue; // refused or slow: the errors say which
            ++shown;
            QTest::qWait(1200); // reading it
            QTest::keyClick(window->editor(), Qt::Key_Tab);
            QTest::qWait(200);
            if (window->editor()->hasSuggestion())
                ++shown;
            QTest::qWait(1200);
            QTest::keyClick(window->editor(), Qt::Key_Escape);
            QTest::keyClick(window->editor(), Qt::Key_Return);
            if (qEnvironmentVariableIsSet("FIM_E2E_DEBUG"))
                qInfo("round %d at %lld ms: %d shown, %d asked, %d ahead; %s", round, clock.elapsed(), shown, asked, askedAhead,
                      qPrintable(window->editor()->toPlainText().right(120).replace(QLatin1Char('\n'), QStringLiteral("⏎"))));
        }
        QTest::qWait(2000); // what is still coming, and the usage read after the burst
        const HealthReport health = context->health()->last();
        qInfo("%d s of typing: %d suggestions shown (%.1f a minute), %d requests asked, %d asked ahead, %d answered, %d refused "
              "with 429",
              seconds, shown, shown * 60.0 / seconds, asked, askedAhead, completions, refused);
        for (const auto &[label, value] : health.facts)
            qInfo("Health: %s: %s", qPrintable(label), qPrintable(value));
        QVERIFY2(refused == 0, qPrintable(errors.join(QStringLiteral(" | "))));
        QVERIFY2(!errors.join(QLatin1Char(' ')).contains(QStringLiteral("Rate limit")), qPrintable(errors.join(QStringLiteral(" | "))));
        QCOMPARE(int(health.state), int(HealthReport::State::Ok));
        QVERIFY(shown >= seconds * 15 / 60 - 2); // the rate asked for was reached
        window->editor()->document()->setModified(false);
    }
};

QTEST_MAIN(TestProxyTyping)
#include "tst_proxytyping.moc"
