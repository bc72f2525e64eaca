#include "clientrig.h"
#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "fakeservers.h"

#include <KSyntaxHighlighting/Repository>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

// Perceived latency in the controller: the next suggestion asked ahead and shown at once after
// Tab, and the adaptive debounce, with the editor driven by key events against the fake upstream.
class TestNextSuggestion : public QObject
{
    Q_OBJECT

    KSyntaxHighlighting::Repository m_repository;
    std::unique_ptr<ClientRig> m_rig;
    FakeUpstream *m_server = nullptr;
    CodeEditor *m_editor = nullptr;
    CompletionController *m_controller = nullptr;

    QList<QString> prompts() const
    {
        QList<QString> out;
        for (const FakeUpstream::Recorded &r : m_server->requests())
            if (r.path == "/v1/fim/completions")
                out << r.json().value(u"prompt").toString();
        return out;
    }

    // Each answer follows from the prompt: what a model would write next after it.
    void serveAFile(int firstDelayMs)
    {
        FakeServers::serveWith(*m_server, EndpointKind::Proxy, [](const QJsonObject &body) {
            const QString prompt = body.value(u"prompt").toString();
            if (prompt.endsWith(u"return a + b"))
                return QStringLiteral("\n\ndef sub(a, b):\n    return a - b");
            if (prompt.endsWith(u"return a - b"))
                return QStringLiteral("\n\ndef mul(a, b):\n    return a * b");
            return QStringLiteral("return a + b");
        }, 0, 1, firstDelayMs);
    }

private slots:
    void init()
    {
        m_rig = std::make_unique<ClientRig>();
        QVERIFY(m_rig->start());
        m_server = &m_rig->server;
        m_editor = new CodeEditor(&m_repository);
        m_editor->setDefinitionForFileName(QStringLiteral("a.py"));
        m_editor->resize(640, 360);
        m_controller = new CompletionController(m_editor, &m_rig->client, this);
        m_controller->setDebounce(40);
        m_controller->setPrefetch(true);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor));
        m_editor->setFocus();
    }
    void cleanup()
    {
        delete m_controller;
        delete m_editor;
        m_rig.reset();
    }

    void tabShowsThePrefetchedSuggestionWithNoRequest()
    {
        serveAFile(0);
        QSignalSpy started(m_controller, &CompletionController::prefetchStarted);
        QSignalSpy settled(m_controller, &CompletionController::prefetchSettled);
        m_editor->setPlainText(QStringLiteral("def add(a, b):\n    "));
        m_editor->moveCursor(QTextCursor::End);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_COMPARE(m_editor->suggestion(), QStringLiteral("return a + b"));
        // Asked ahead, as if accepted: the prefix with the suggestion in it, the same suffix.
        QTRY_VERIFY(m_controller->hasPrefetched());
        QCOMPARE(started.size(), 1);
        QCOMPARE(prompts(), (QList<QString>{QStringLiteral("def add(a, b):\n    "), QStringLiteral("def add(a, b):\n    return a + b")}));

        QTest::keyClick(m_editor, Qt::Key_Tab);
        // At once, from the prefetch: no request for it, and the one after it is asked ahead in turn.
        QCOMPARE(m_editor->suggestion(), QStringLiteral("\n\ndef sub(a, b):\n    return a - b"));
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("def add(a, b):\n    return a + b"));
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.first(), (QList<QVariant>{started.first().first(), true}));
        QTRY_VERIFY(m_controller->hasPrefetched());
        QCOMPARE(prompts().size(), 3);
        QVERIFY(prompts().constLast().endsWith(u"return a - b"));
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QCOMPARE(m_editor->suggestion(), QStringLiteral("\n\ndef mul(a, b):\n    return a * b"));
    }

    void anythingButTabDropsIt()
    {
        serveAFile(0);
        QSignalSpy settled(m_controller, &CompletionController::prefetchSettled);
        m_editor->setPlainText(QStringLiteral("def add(a, b):\n    "));
        m_editor->moveCursor(QTextCursor::End);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(m_controller->hasPrefetched());
        QTest::keyClick(m_editor, Qt::Key_X); // typing something else
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.first().at(1).toBool(), false);
        QVERIFY(!m_controller->hasPrefetched());

        // Esc, and a cursor moved away, drop it too; nothing is asked ahead for candidates.
        QTest::keyClick(m_editor, Qt::Key_Backspace);
        QTRY_VERIFY(m_controller->hasPrefetched());
        QTest::keyClick(m_editor, Qt::Key_Escape);
        QCOMPARE(settled.size(), 2);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(m_controller->hasPrefetched() || m_controller->isPrefetching());
        QTest::keyClick(m_editor, Qt::Key_Up);
        QCOMPARE(settled.size(), 3);
        QVERIFY(!m_controller->isPrefetching() && !m_controller->hasPrefetched());
    }

    void aPrefetchStillComingBecomesTheRequest()
    {
        serveAFile(300); // the server takes 300 ms for every answer
        m_editor->setPlainText(QStringLiteral("def add(a, b):\n    "));
        m_editor->moveCursor(QTextCursor::End);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_editor->suggestion(), QStringLiteral("return a + b"), 3000);
        QVERIFY(m_controller->isPrefetching());
        QTest::qWait(100);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(m_editor, Qt::Key_Tab); // 100 ms into the prefetch's 300
        QVERIFY(m_controller->isRequestInFlight());
        QTRY_COMPARE_WITH_TIMEOUT(m_editor->suggestion(), QStringLiteral("\n\ndef sub(a, b):\n    return a - b"), 3000);
        // The rest of the prefetch's time, not a new request's whole 300 ms (and no second request).
        QVERIFY2(clock.elapsed() < 290, qPrintable(QString::number(clock.elapsed())));
        QTRY_COMPARE(prompts().size(), 3); // the first, the adopted prefetch, and the next one asked ahead
    }

    void offTabAsksANewRequest()
    {
        serveAFile(0);
        m_controller->setPrefetch(false);
        m_editor->setPlainText(QStringLiteral("def add(a, b):\n    "));
        m_editor->moveCursor(QTextCursor::End);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_COMPARE(m_editor->suggestion(), QStringLiteral("return a + b"));
        QTest::qWait(100);
        QCOMPARE(prompts().size(), 1); // nothing asked ahead
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QVERIFY(m_controller->isRequestInFlight()); // asked at once after Tab
        QTRY_COMPARE(m_editor->suggestion(), QStringLiteral("\n\ndef sub(a, b):\n    return a - b"));
        QCOMPARE(prompts().size(), 2);
        // Without auto-trigger, Tab asks nothing more.
        m_controller->setAutoTrigger(false);
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QTest::qWait(100);
        QCOMPARE(prompts().size(), 2);
        QVERIFY(!m_editor->hasSuggestion());
    }

    void adaptiveDebounceLearnsTheRhythm()
    {
        serveAFile(400); // once: each serveWith() answers every request
        m_controller->setAutoTrigger(false); // the rhythm only, no requests
        m_controller->setAdaptiveDebounce(true, 100, 1000);
        QCOMPARE(m_controller->currentDebounce(), 100); // the fixed 40 ms, within the bounds, until it knows
        for (int i = 0; i < 12; ++i) {
            QTest::keyClick(m_editor, Qt::Key_A);
            QTest::qWait(150);
        }
        const double gap = m_controller->adaptiveDebounce().medianGap().value_or(-1);
        QVERIFY2(gap >= 150 && gap < 400, qPrintable(QString::number(gap)));
        QCOMPARE(m_controller->currentDebounce(), qRound(2 * gap));
        // Answers slower than the typing make the wait shorter.
        m_controller->setAutoTrigger(true);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(m_editor->hasSuggestion(), 3000);
        const double latency = m_controller->adaptiveDebounce().medianLatency().value_or(-1);
        QVERIFY2(latency >= 400, qPrintable(QString::number(latency)));
        QCOMPARE(m_controller->currentDebounce(), std::clamp(int(std::lround(2 * gap - latency / 4)), 100, 1000));
        // Fixed again: the fixed value.
        m_controller->setAdaptiveDebounce(false);
        QCOMPARE(m_controller->currentDebounce(), 40);
    }
};

QTEST_MAIN(TestNextSuggestion)
#include "tst_nextsuggestion.moc"
