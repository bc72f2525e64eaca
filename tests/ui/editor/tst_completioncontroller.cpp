#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "fakeupstream.h"

#include <KSyntaxHighlighting/Repository>

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

// The editor, the controller and the real client against the fake upstream, driven by key events.
class TestCompletionController : public QObject
{
    Q_OBJECT

    KSyntaxHighlighting::Repository m_repository;
    FakeUpstream *m_server = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    FimClient *m_client = nullptr;
    CodeEditor *m_editor = nullptr;
    CompletionController *m_controller = nullptr;

    int completionRequests() const
    {
        int n = 0;
        for (const FakeUpstream::Recorded &r : m_server->requests())
            n += r.path == "/v1/fim/completions";
        return n;
    }

    static qint64 residentKiB()
    {
        QFile f(QStringLiteral("/proc/self/statm"));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return f.readAll().split(' ').value(1).toLongLong() * 4;
    }

    // llama-server's own stream for "x = " with "n_probs" (tests/data/probabilities), event by event.
    static QList<QByteArray> llamaStreamEvents()
    {
        QFile f(QDir(qEnvironmentVariable("FIM_TEST_DATA")).filePath(QStringLiteral("probabilities/llamacpp-infill-stream.sse")));
        QList<QByteArray> events;
        if (!f.open(QIODevice::ReadOnly))
            return events;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.isEmpty())
                events << line + "\n\n";
        return events;
    }

    void useStreaming()
    {
        FimRequest parameters = m_controller->requestTemplate();
        parameters.stream = true;
        m_controller->setRequestTemplate(parameters);
    }

private slots:
    void init()
    {
        m_server = new FakeUpstream(this);
        QVERIFY(m_server->listen());
        m_network = new QNetworkAccessManager(this);
        m_client = new FimClient(m_network, this);
        m_client->setEndpoint(Endpoint{QStringLiteral("fake"), EndpointKind::Proxy, m_server->url()}, QString());
        m_editor = new CodeEditor(&m_repository);
        m_editor->setDefinitionForFileName(QStringLiteral("a.py"));
        m_editor->resize(640, 360);
        m_controller = new CompletionController(m_editor, m_client, this);
        m_controller->setDebounce(40);
        FimRequest parameters;
        parameters.maxTokens = 64;
        m_controller->setRequestTemplate(parameters);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor));
        m_editor->setFocus();
    }
    void cleanup()
    {
        delete m_controller;
        delete m_editor;
        delete m_client;
        delete m_network;
        delete m_server;
    }

    void typingPauseAsksAndShowsGhostText()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("return a + b")));
        m_editor->setPlainText(QStringLiteral("\n\nprint(add(1, 2))"));
        QTest::keyClicks(m_editor, QStringLiteral("def add(a, b):"));
        QTest::keyClick(m_editor, Qt::Key_Return);
        QTRY_VERIFY(m_editor->hasSuggestion());
        QCOMPARE(m_editor->suggestion(), QStringLiteral("return a + b"));
        QCOMPARE(completionRequests(), 1); // one request after the pause, not one per key
        const QJsonObject sent = m_server->requests().constLast().json();
        QCOMPARE(sent.value(u"prompt").toString(), QStringLiteral("def add(a, b):\n    "));
        QCOMPARE(sent.value(u"suffix").toString(), QStringLiteral("\n\nprint(add(1, 2))"));
        QCOMPARE(sent.value(u"max_tokens").toInt(), 64);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("def add(a, b):\n    \n\nprint(add(1, 2))"));
        QVERIFY(!m_editor->isBusy());
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("def add(a, b):\n    return a + b\n\nprint(add(1, 2))"));
    }

    void ctrlSpaceWithAutoTriggerOff()
    {
        m_controller->setAutoTrigger(false);
        QTest::keyClicks(m_editor, QStringLiteral("x = "));
        QSignalSpy started(m_controller, &CompletionController::requestStarted);
        QVERIFY(!started.wait(200)); // typing alone asks nothing
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QCOMPARE(started.size(), 1);
        QVERIFY(m_editor->isBusy());
        QTRY_VERIFY(m_editor->hasSuggestion());
        QVERIFY(!m_editor->isBusy());
    }

    void streamingGrowsOnScreen()
    {
        m_server->setReply("/v1/fim/completions",
                           FakeUpstream::codestralStream({QStringLiteral("return"), QStringLiteral(" a"), QStringLiteral(" +"),
                                                          QStringLiteral(" b")},
                                                         60));
        FimRequest parameters = m_controller->requestTemplate();
        parameters.stream = true;
        m_controller->setRequestTemplate(parameters);
        QSignalSpy shown(m_controller, &CompletionController::suggestionShown);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_COMPARE(m_editor->suggestion(), QStringLiteral("return a + b"));
        QStringList steps;
        for (const QList<QVariant> &args : std::as_const(shown))
            steps << args.first().toString();
        QVERIFY2(steps.size() >= 4, qPrintable(steps.join(QLatin1Char('|'))));
        QCOMPARE(steps.first(), QStringLiteral("return"));
        QCOMPARE(steps.at(1), QStringLiteral("return a"));
    }

    // Token probabilities, with llama-server's own stream for "x = " (captured with "n_probs"):
    // Show Confidence shades each token as it arrives; Hide below p holds the stream back and draws
    // it at its end if likely enough (its p is 0.80), else drops it, uncached, and says so.
    void confidenceFromLlamaServersStream_data()
    {
        QTest::addColumn<bool>("show");
        QTest::addColumn<double>("hideBelow");
        QTest::newRow("shaded") << true << 0.0;
        QTest::newRow("held back, then shown") << false << 0.5;
        QTest::newRow("hidden") << true << 0.9;
    }
    void confidenceFromLlamaServersStream()
    {
        QFETCH(bool, show);
        QFETCH(double, hideBelow);
        const QList<QByteArray> events = llamaStreamEvents();
        QVERIFY(!events.isEmpty());
        m_server->setReply("/infill", FakeUpstream::sse(events, 40));
        m_client->setEndpoint(Endpoint{QStringLiteral("llama"), EndpointKind::LlamaCpp, m_server->url()}, QString());
        useStreaming();
        m_controller->setAutoTrigger(false);
        m_controller->setConfidence(SuggestionConfidence{show, hideBelow});
        QSignalSpy shown(m_controller, &CompletionController::suggestionShown);
        QSignalSpy hidden(m_controller, &CompletionController::suggestionHidden);
        QSignalSpy ended(m_controller, &CompletionController::requestEnded);
        QList<QPair<qsizetype, qsizetype>> drawn; // characters and shaded spans, each time it grew
        connect(m_controller, &CompletionController::suggestionShown, this,
                [&] { drawn.append({m_editor->suggestionText().size(), m_editor->suggestionConfidence().size()}); });
        QTest::keyClicks(m_editor, QStringLiteral("x = "));
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(ended.wait(5000));
        QCOMPARE(m_server->lastRequestTo("/infill").json().value(u"n_probs").toInt(), SuggestionConfidence::Alternatives);
        const double p = std::exp((-0.6276442408561707 - 0.01159889716655016 - 0.04448777064681053) / 3);
        if (hideBelow > p) {
            QCOMPARE(hidden.size(), 1);
            QVERIFY(std::abs(hidden.first().at(1).toDouble() - p) < 1e-12);
            QVERIFY(shown.isEmpty());
            QVERIFY(!m_editor->hasActiveSuggestion());
            QCOMPARE(m_editor->toPlainText(), QStringLiteral("x = "));
            QCOMPARE(m_controller->cache().size(), std::size_t(0)); // asking again asks the server
            return;
        }
        QVERIFY(hidden.isEmpty());
        QCOMPARE(m_editor->suggestion(), QStringLiteral("@y%"));
        if (hideBelow > 0) // once, whole: nothing drawn while it streamed
            QCOMPARE(drawn, (QList<QPair<qsizetype, qsizetype>>{{3, show ? 3 : 0}}));
        else // drawn as it streamed, each token shaded as it came
            QCOMPARE(drawn.mid(0, 3), (QList<QPair<qsizetype, qsizetype>>{{1, 1}, {2, 2}, {3, 3}}));
        const QList<ConfidenceSpan> expected = show ? QList<ConfidenceSpan>{{0, 1, std::exp(-0.6276442408561707)},
                                                                            {1, 1, std::exp(-0.01159889716655016)},
                                                                            {2, 1, std::exp(-0.04448777064681053)}}
                                                    : QList<ConfidenceSpan>();
        QCOMPARE(m_editor->suggestionConfidence(), expected);
    }

    // Hide below p holds a stream back only where the answer will say how likely it is: a
    // Codestral stream carries no probabilities, so it is drawn as it comes, never hidden.
    void hideBelowLeavesStreamsWithoutProbabilitiesAlone()
    {
        m_server->setReply("/v1/fim/completions",
                           FakeUpstream::codestralStream({QStringLiteral("return"), QStringLiteral(" a"), QStringLiteral(" +"),
                                                          QStringLiteral(" b")},
                                                         60));
        useStreaming();
        m_controller->setAutoTrigger(false);
        m_controller->setConfidence(SuggestionConfidence{false, 0.9});
        QSignalSpy shown(m_controller, &CompletionController::suggestionShown);
        QSignalSpy hidden(m_controller, &CompletionController::suggestionHidden);
        QSignalSpy ended(m_controller, &CompletionController::requestEnded);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(ended.wait(5000));
        QCOMPARE(m_editor->suggestion(), QStringLiteral("return a + b"));
        QVERIFY2(shown.size() >= 4, "drawn as it streamed"); // not once, at its end
        QCOMPARE(shown.first().first().toString(), QStringLiteral("return"));
        QVERIFY(hidden.isEmpty());
    }

    // An answer the user moved away from (held back, nothing drawn yet) is neither shown nor judged:
    // Hide below p says nothing of it, though its p, 0.80, is under 0.9.
    void aStaleUnlikelyAnswerIsNotSaidHidden()
    {
        const QList<QByteArray> events = llamaStreamEvents();
        QVERIFY(!events.isEmpty());
        m_server->setReply("/infill", FakeUpstream::sse(events, 100));
        m_client->setEndpoint(Endpoint{QStringLiteral("llama"), EndpointKind::LlamaCpp, m_server->url()}, QString());
        useStreaming();
        m_controller->setAutoTrigger(false);
        m_controller->setConfidence(SuggestionConfidence{false, 0.9});
        QSignalSpy hidden(m_controller, &CompletionController::suggestionHidden);
        QSignalSpy received(m_server, &FakeUpstream::requestReceived);
        QTest::keyClicks(m_editor, QStringLiteral("x = "));
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(received.wait());
        QSignalSpy timings(m_client, &FimClient::timingRecorded);
        QTest::keyClick(m_editor, Qt::Key_Home); // moved on while it streams (held back: nothing drawn)
        QTRY_COMPARE_WITH_TIMEOUT(timings.size(), 1, 5000);
        QTest::qWait(100); // past the answer's end
        QVERIFY(hidden.isEmpty());
        QVERIFY(!m_editor->hasActiveSuggestion());
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("x = "));
    }

    void answerForAMovedCursorIsDropped()
    {
        FakeUpstream::Reply slow = FakeUpstream::seedCompletion(QStringLiteral("stale"));
        slow.firstDelayMs = 200;
        m_server->setReply("/v1/fim/completions", slow);
        m_editor->setPlainText(QStringLiteral("abc"));
        m_editor->moveCursor(QTextCursor::End);
        QSignalSpy timings(m_client, &FimClient::timingRecorded);
        QSignalSpy received(m_server, &FakeUpstream::requestReceived);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(received.wait());
        QTest::keyClick(m_editor, Qt::Key_Left); // the cursor moves: the request is cancelled
        QCOMPARE(timings.size(), 1);
        QCOMPARE(int(timings.first().first().value<RequestTiming>().outcome), int(RequestTiming::Outcome::Cancelled));
        QVERIFY(!m_editor->isBusy());
        QVERIFY(!m_editor->hasSuggestion());
    }

    void answerForAnEditedDocumentIsDropped()
    {
        FakeUpstream::Reply slow = FakeUpstream::seedCompletion(QStringLiteral("stale"));
        slow.firstDelayMs = 150;
        m_server->setReply("/v1/fim/completions", slow);
        m_controller->setAutoTrigger(false);
        QSignalSpy received(m_server, &FakeUpstream::requestReceived);
        QSignalSpy timings(m_client, &FimClient::timingRecorded);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(received.wait());
        // An edit that is not a key press (a script, an undo from the menu): the answer is stale.
        QTextCursor elsewhere(m_editor->document());
        elsewhere.insertText(QStringLiteral("# edited elsewhere\n"));
        QTRY_COMPARE(timings.size(), 1);
        QCOMPARE(int(timings.first().first().value<RequestTiming>().outcome), int(RequestTiming::Outcome::Cancelled));
        QVERIFY(!m_editor->hasSuggestion());
        QVERIFY(!m_editor->isBusy());
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("# edited elsewhere\n"));
    }

    void typeThroughAsksNothingNew()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("return a + b")));
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(m_editor->hasSuggestion());
        const int before = completionRequests();
        QTest::keyClicks(m_editor, QStringLiteral("return a"));
        QCOMPARE(m_editor->suggestion(), QStringLiteral(" + b"));
        QSignalSpy started(m_controller, &CompletionController::requestStarted);
        QVERIFY(!started.wait(m_controller->debounce() * 4));
        QCOMPARE(completionRequests(), before);
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("return a + b"));
    }

    void cacheServesARepeatWithoutARequest()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("return a + b")));
        m_controller->setAutoTrigger(false);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(m_editor->hasSuggestion());
        QTest::keyClick(m_editor, Qt::Key_Escape);
        QSignalSpy cached(m_controller, &CompletionController::servedFromCache);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QCOMPARE(cached.size(), 1);
        QVERIFY(cached.first().first().value<RequestTiming>().cacheHit);
        QCOMPARE(m_editor->suggestion(), QStringLiteral("return a + b"));
        QCOMPARE(completionRequests(), 1);
    }

    void overlapWithTheTextAfterTheCursorIsTrimmed()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("a, b)")));
        m_editor->setPlainText(QStringLiteral("print(add()"));
        QTextCursor c = m_editor->textCursor();
        c.setPosition(10); // print(add(|)
        m_editor->setTextCursor(c);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(m_editor->hasSuggestion());
        QCOMPARE(m_editor->suggestion(), QStringLiteral("a, b"));
    }

    void errorsReachTheUserAndLeaveTheTextAlone()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::json(429, "{\"message\":\"Requests rate limit exceeded\"}",
                                                                     {{"Retry-After", "12"}}));
        m_editor->setPlainText(QStringLiteral("keep me"));
        m_editor->moveCursor(QTextCursor::End);
        QSignalSpy errors(m_controller, &CompletionController::errorOccurred);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(errors.wait());
        const FimError e = errors.first().first().value<FimError>();
        QCOMPARE(int(e.kind), int(FimError::Kind::RateLimited));
        QVERIFY(e.message.contains(QStringLiteral("12 s")));
        QVERIFY(!m_editor->hasSuggestion());
        QVERIFY(!m_editor->isBusy());
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("keep me"));
    }

    // Thousands of edits with the event loop running between them: never more than one request in
    // flight, everything settles, and memory does not grow with the number of keystrokes.
    void keystrokeStorm()
    {
        FakeUpstream::Reply slowish = FakeUpstream::seedCompletion(QStringLiteral("x"));
        slowish.firstDelayMs = 5;
        m_server->setReply("/v1/fim/completions", slowish);
        m_controller->setDebounce(0);
        int maxInFlight = 0;
        auto sample = [&] { maxInFlight = std::max(maxInFlight, m_client->inFlight()); };
        connect(m_controller, &CompletionController::requestStarted, this, sample);
        qint64 rssAfterWarmUp = 0;
        const int keys = 3000;
        for (int i = 0; i < keys; ++i) {
            QTest::keyClick(m_editor, i % 7 == 6 ? Qt::Key_Backspace : Qt::Key_A);
            if (i % 3 == 0)
                QCoreApplication::processEvents();
            sample();
            if (i == 500)
                rssAfterWarmUp = residentKiB();
        }
        const qint64 rssAfterStorm = residentKiB();
        // Once typing stops, the last request is answered and shown.
        QTRY_VERIFY(m_editor->hasSuggestion());
        QCOMPARE(m_client->inFlight(), 0);
        QVERIFY(!m_controller->isRequestInFlight());
        QVERIFY2(maxInFlight <= 1, qPrintable(QString::number(maxInFlight)));
        QVERIFY(completionRequests() > 0);
        qInfo("keystroke storm: %d keys, %d requests reached the server, resident memory %lld KiB after 500 keys, "
              "%lld KiB after %d",
              keys, completionRequests(), rssAfterWarmUp, rssAfterStorm, keys);
#if !defined(__SANITIZE_ADDRESS__) // AddressSanitizer's quarantine keeps freed memory resident
        QVERIFY2(rssAfterStorm - rssAfterWarmUp < 16 * 1024, "memory grew by more than 16 MiB during the storm");
#endif
    }


    // Taking part of a suggestion while it still streams does not end the stream: the rest keeps
    // arriving and growing on screen.
    void partialAcceptDuringStreamKeepsStreaming_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("type-through") << 0;
        QTest::newRow("Ctrl+Right") << 1;
        QTest::newRow("Shift+Tab") << 2;
    }
    void partialAcceptDuringStreamKeepsStreaming()
    {
        QFETCH(int, how);
        m_server->setReply("/v1/fim/completions",
                           FakeUpstream::codestralStream({QStringLiteral("total = a\n"), QStringLiteral("    return"),
                                                          QStringLiteral(" total")},
                                                         150));
        useStreaming();
        m_editor->setPlainText(QStringLiteral("def f(a):\n    \n"));
        QTextCursor c = m_editor->textCursor();
        c.setPosition(14);
        m_editor->setTextCursor(c);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_COMPARE(m_editor->suggestion(), QStringLiteral("total = a\n"));
        QVERIFY(m_controller->isRequestInFlight());
        QString taken;
        if (how == 0) {
            QTest::keyClicks(m_editor, QStringLiteral("tot"));
            taken = QStringLiteral("tot");
        } else if (how == 1) {
            QTest::keyClick(m_editor, Qt::Key_Right, Qt::ControlModifier);
            taken = QStringLiteral("total");
        } else {
            QTest::keyClick(m_editor, Qt::Key_Backtab, Qt::ShiftModifier);
            taken = QStringLiteral("total = a\n");
        }
        QVERIFY(m_controller->isRequestInFlight());
        QTRY_VERIFY(!m_controller->isRequestInFlight());
        const QString all = QStringLiteral("total = a\n    return total");
        QCOMPARE(m_editor->suggestion(), all.mid(taken.size()));
        QCOMPARE(m_editor->exactText(), QStringLiteral("def f(a):\n    ") + taken + QStringLiteral("\n"));
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QCOMPARE(m_editor->exactText(), QStringLiteral("def f(a):\n    ") + all + QStringLiteral("\n"));
    }

    // Esc and Stop cancel a request in flight even before anything is on screen.
    void escCancelsTheRequestInFlight()
    {
        FakeUpstream::Reply stall = FakeUpstream::seedCompletion(QStringLiteral("late"));
        stall.fault = FakeUpstream::Reply::Fault::StallBeforeHeaders;
        m_server->setReply("/v1/fim/completions", stall);
        QSignalSpy ended(m_controller, &CompletionController::requestEnded);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(m_controller->isRequestInFlight());
        QVERIFY(m_editor->isBusy());
        QTRY_COMPARE(completionRequests(), 1);
        QTest::keyClick(m_editor, Qt::Key_Escape);
        QVERIFY(!m_controller->isRequestInFlight());
        QVERIFY(!m_editor->isBusy());
        QCOMPARE(m_client->inFlight(), 0);
        QCOMPARE(ended.size(), 1);
    }

    // The cache keeps an answer under the request that was sent, not under what the parameters are
    // when it arrives.
    void cacheIsKeyedByTheRequestAsSent()
    {
        FakeUpstream::Reply slow = FakeUpstream::seedCompletion(QStringLiteral("one"));
        slow.firstDelayMs = 200;
        m_server->setReply("/v1/fim/completions", slow);
        m_editor->setPlainText(QStringLiteral("x = "));
        m_editor->moveCursor(QTextCursor::End);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        FimRequest changed = m_controller->requestTemplate();
        changed.maxTokens = 7; // changed while the answer is on its way
        m_controller->setRequestTemplate(changed);
        QTRY_COMPARE(m_editor->suggestion(), QStringLiteral("one"));
        QTest::keyClick(m_editor, Qt::Key_Escape);
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("two")));
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier); // max_tokens 7: not what was cached
        QTRY_COMPARE(m_editor->suggestion(), QStringLiteral("two"));
        QCOMPARE(completionRequests(), 2);
        QCOMPARE(m_server->requests().constLast().json().value(u"max_tokens").toInt(), 7);
        QTest::keyClick(m_editor, Qt::Key_Escape);
        FimRequest original = m_controller->requestTemplate();
        original.maxTokens = 64;
        m_controller->setRequestTemplate(original);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier); // max_tokens 64: cached "one"
        QCOMPARE(m_editor->suggestion(), QStringLiteral("one"));
        QCOMPARE(completionRequests(), 2);
        // Ctrl+Shift+Space asks again past the cache.
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("three")));
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(m_editor->suggestion(), QStringLiteral("three"));
        QCOMPARE(completionRequests(), 3);
    }

    // Prefix and suffix are the file's text: its own line breaks, its no-break spaces.
    void prefixAndSuffixAreTheFilesText()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("pass")));
        m_controller->setLineBreak(QStringLiteral("\r\n"));
        m_editor->setPlainText(QStringLiteral("a\u00a0=\u00a01\ndef f():\n    \nprint(f())"));
        QTextCursor c = m_editor->textCursor();
        c.setPosition(19);
        m_editor->setTextCursor(c);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_COMPARE(completionRequests(), 1);
        const QJsonObject sent = m_server->requests().constLast().json();
        QCOMPARE(sent.value(u"prompt").toString(), QStringLiteral("a\u00a0=\u00a01\r\ndef f():\r\n    "));
        QCOMPARE(sent.value(u"suffix").toString(), QStringLiteral("\r\nprint(f())"));
    }

    // Codestral answers 422 without a model: with none chosen, codestral-latest is sent.
    void codestralAlwaysGetsAModel()
    {
        m_client->setEndpoint(Endpoint{QStringLiteral("fake codestral"), EndpointKind::Codestral, m_server->url()},
                              QStringLiteral("sk-test"));
        m_server->setReply("/v1/fim/completions", FakeUpstream::codestralCompletion(QStringLiteral("1")));
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_COMPARE(completionRequests(), 1);
        QCOMPARE(m_server->requests().constLast().json().value(u"model").toString(), QStringLiteral("codestral-latest"));
        QCOMPARE(m_controller->lastRequest().model, QStringLiteral("codestral-latest"));
    }
};

QTEST_MAIN(TestCompletionController)
#include "tst_completioncontroller.moc"
