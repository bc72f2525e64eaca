// The whole window against Debian's real llama-server (label "realserver"), driven by real keys:
// the ghost text is what the server wrote, and Esc, typing and quitting mid-stream free its slot.
#include "editor/codeeditor.h"
#include "panels/inspectorpanel.h"
#include "realllamaserver.h"
#include "testwindow.h"
#include "window/statusindicators.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStatusBar>

class TestRealServerWindow : public QObject
{
    Q_OBJECT

    RealLlamaServer m_server;
    std::unique_ptr<TestContext> m_ctx;
    std::unique_ptr<MainWindow> m_window;

    void openWith(int maxTokens)
    {
        m_ctx = std::make_unique<TestContext>();
        AppSettings &s = m_ctx->context->settings();
        s.profiles.append(Endpoint(QStringLiteral("real llama-server"), EndpointKind::LlamaCpp, m_server.url()));
        s.activeProfile = QStringLiteral("real llama-server");
        s.request.stream = true;
        s.request.temperature = 0.0;
        s.request.maxTokens = maxTokens;
        s.request.stop.clear();
        m_window = openTestWindow(m_ctx->context.get());
        QVERIFY(m_window);
        QCOMPARE(m_ctx->context->activeEndpoint().kind, EndpointKind::LlamaCpp);
    }

    // Empties the editor (Ctrl+A, Delete), types text with real key events, then Ctrl+Space.
    void typeAndAsk(const QString &text)
    {
        CodeEditor *editor = m_window->editor();
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(editor, Qt::Key_Delete);
        QCOMPARE(editor->toPlainText(), QString());
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
    }

private slots:
    void initTestCase()
    {
        REQUIRE_REAL_LLAMA_SERVER();
        // One slot, and a context of 16,384: a stream nobody cancels runs for many seconds.
        QVERIFY2(m_server.start({QStringLiteral("-np"), QStringLiteral("1"), QStringLiteral("-c"), QStringLiteral("16384")}),
                 qPrintable(m_server.error()));
    }
    void cleanup()
    {
        if (m_window)
            m_window->editor()->document()->setModified(false);
        m_window.reset();
        m_ctx.reset();
    }

    // Ghost text is the server's answer to the body the inspector shows; Tab puts exactly that in.
    void ghostTextIsTheServersAnswer()
    {
        openWith(12);
        QSignalSpy exchanges(m_ctx->context->client(), &FimClient::exchangeRecorded);
        typeAndAsk(QStringLiteral("value = "));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->editor()->hasSuggestion() && !exchanges.isEmpty(), 10000);
        const Exchange e = exchanges.first().first().value<Exchange>();
        QCOMPARE(e.url.path(), QStringLiteral("/infill"));
        const QString written = RealLlamaServer::contentOf(m_server.post(QStringLiteral("/infill"), e.requestBody), true);
        const QString shown = m_window->editor()->suggestion();
        // The cleaning rules may take only trailing blanks off gibberish: nothing the model wrote
        // inside the text is cut.
        QVERIFY2(written.startsWith(shown), qPrintable(QStringLiteral("shown %1, written %2").arg(shown, written)));
        QCOMPARE(written.mid(shown.size()).trimmed(), QString());
        // The inspector shows the prompt the server built, as the server tokenised it.
        auto *inspector = m_window->findChild<InspectorPanel *>();
        QVERIFY(inspector);
        QTRY_VERIFY_WITH_TIMEOUT(inspector->requestText().contains(QStringLiteral("special tokens in ⟦ ⟧")), 5000);
        const int count = int(QJsonDocument::fromJson(m_server.post(QStringLiteral("/tokenize"),
                                                                   QJsonDocument(QJsonObject{{QStringLiteral("content"), e.rawPrompt},
                                                                                             {QStringLiteral("parse_special"), true}})
                                                                       .toJson()))
                                  .object()
                                  .value(u"tokens")
                                  .toArray()
                                  .size());
        QVERIFY2(inspector->requestText().contains(QStringLiteral(": %1 tokens").arg(count)), qPrintable(inspector->requestText()));
        QVERIFY(inspector->requestText().contains(QStringLiteral("⟦<|fim_prefix|>⟧·v·a·l·u·e· ·=· ·⟦<|fim_suffix|>⟧")));

        QTest::keyClick(m_window->editor(), Qt::Key_Tab);
        QCOMPARE(m_window->editor()->toPlainText(), QStringLiteral("value = ") + shown);
    }

    // The status bar's count is llama-server's own (/tokenize), not the 4-characters estimate.
    void statusBarCountIsTheServers()
    {
        openWith(3000);
        const QString typed = QStringLiteral("total = price * ");
        typeAndAsk(typed);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->indicators()->windowText().contains(u"≈"), 5000);
        const QString shownText = m_window->indicators()->windowText();
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        const int prefixTokens = int(QJsonDocument::fromJson(m_server.post(QStringLiteral("/tokenize"),
                                                                          QJsonDocument(QJsonObject{{QStringLiteral("content"), typed}}).toJson()))
                                         .object()
                                         .value(u"tokens")
                                         .toArray()
                                         .size());
        QCOMPARE(shownText, QStringLiteral("sent %1 + 0 chars · %2 tokens").arg(typed.size()).arg(prefixTokens));
        QVERIFY(prefixTokens != StatusIndicators::estimateTokens(typed.size()));
    }

    // Esc mid-stream, a keystroke mid-stream, quitting mid-stream: each frees the only slot.
    void stoppingMidStreamFreesTheSlot_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("Esc") << QStringLiteral("esc");
        QTest::newRow("a keystroke") << QStringLiteral("key");
        QTest::newRow("quit") << QStringLiteral("quit");
    }
    void stoppingMidStreamFreesTheSlot()
    {
        QFETCH(QString, how);
        openWith(16000);
        typeAndAsk(QStringLiteral("a"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->editor()->hasSuggestion(), 10000);
        QVERIFY(!m_server.slotsIdle()); // still generating
        if (how == u"esc") {
            QTest::keyClick(m_window->editor(), Qt::Key_Escape);
            QVERIFY(!m_window->editor()->hasSuggestion());
        } else if (how == u"key") {
            QTest::keyClick(m_window->editor(), Qt::Key_Backspace); // no type-through can keep it
        } else {
            m_window->editor()->document()->setModified(false);
            m_window->close();
            m_window.reset();
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_server.slotsIdle(), 3000);
        if (how == u"quit")
            return;
        // The next request is served at once, not after the abandoned one's 16,000 tokens.
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        m_window->editor()->setFocus();
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->editor()->hasSuggestion(), 3000);
    }
};

QTEST_MAIN(TestRealServerWindow)
#include "tst_realserver_window.moc"
