#include "editor/codeeditor.h"
#include "fakeservers.h"
#include "latency/latencymodel.h"
#include "panels/healthpanel.h"
#include "panels/inspectorpanel.h"
#include "panels/latencypanel.h"
#include "panels/modelspanel.h"
#include "testwindow.h"
#include "window/statusindicators.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>

// The whole window with each kind of server, switched the way a user does (the profile box in the
// toolbar, by keyboard): the ghost text comes from the server of the chosen kind, the latency row
// carries its own timings, Health and Models show what that kind tells, the inspector shows the
// route and, with a template, the raw prompt.
class TestEndpointKinds : public WindowTest
{
    Q_OBJECT

    std::unique_ptr<FakeUpstream> m_llamaServer;
    std::unique_ptr<FakeUpstream> m_ollamaServer;
    std::unique_ptr<FakeUpstream> m_openaiServer;

    void choose(const QString &profile)
    {
        auto *box = m_window->findChild<QComboBox *>(QStringLiteral("profileBox"));
        QVERIFY(box);
        box->setFocus();
        QSignalSpy changed(m_ctx->context.get(), &AppContext::activeEndpointChanged);
        for (int i = 0; i < box->count() && box->currentText() != profile; ++i)
            QTest::keyClick(box, box->findText(profile) > box->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(box->currentText(), profile);
        QTRY_VERIFY(!changed.isEmpty());
        QCOMPARE(m_ctx->context->activeEndpoint().name, profile);
    }

    // Ctrl+Space in a small Python function; the ghost text that came.
    void askAt(QString *shown)
    {
        m_window->editor()->setPlainText(QStringLiteral("def add(a, b):\n    \n"));
        QTextCursor c = m_window->editor()->textCursor();
        c.setPosition(19);
        m_window->editor()->setTextCursor(c);
        completeAtCursor();
        QTRY_VERIFY2(m_window->editor()->hasSuggestion(), qPrintable(m_window->statusBar()->currentMessage()));
        *shown = m_window->editor()->suggestion();
    }

private slots:
    void init()
    {
        QVERIFY(setUpWindowTest());
        m_llamaServer = std::make_unique<FakeUpstream>();
        m_ollamaServer = std::make_unique<FakeUpstream>();
        m_openaiServer = std::make_unique<FakeUpstream>();
        for (FakeUpstream *s : {m_llamaServer.get(), m_ollamaServer.get(), m_openaiServer.get()})
            QVERIFY(s->listen());
        FakeUpstream &m_llama = *m_llamaServer;
        FakeUpstream &m_ollama = *m_ollamaServer;
        FakeUpstream &m_openai = *m_openaiServer;
        FakeServers::serve(*m_server, EndpointKind::Proxy, QStringLiteral("return a + b"), 10, 3);
        FakeServers::serve(m_llama, EndpointKind::LlamaCpp, QStringLiteral("return a + b"), 10, 3);
        FakeServers::serve(m_ollama, EndpointKind::Ollama, QStringLiteral("return a + b"), 10, 3);
        FakeServers::serve(m_openai, EndpointKind::OpenAi, QStringLiteral("return a + b"), 10, 3);
        AppSettings &s = m_ctx->context->settings();
        s.profiles.append(Endpoint(QStringLiteral("llama"), EndpointKind::LlamaCpp, m_llama.url()));
        s.profiles.append(Endpoint(QStringLiteral("ollama"), EndpointKind::Ollama, m_ollama.url()));
        s.profiles.append(Endpoint(QStringLiteral("openai"), EndpointKind::OpenAi, m_openai.url()));
        s.request.stream = true;
    }
    void cleanup()
    {
        tearDownWindowTest();
        m_llamaServer.reset();
        m_ollamaServer.reset();
        m_openaiServer.reset();
    }

    void switchingKinds()
    {
        open();
        const struct
        {
            const char *profile;
            const char *kind;
            bool serverTimings;
        } rows[] = {{"llama", "llamacpp", true}, {"ollama", "ollama", true}, {"openai", "openai", false}, {"Local proxy", "proxy", false}};
        for (const auto &row : rows) {
            choose(QString::fromLatin1(row.profile));
            if (qstrcmp(row.kind, "ollama") == 0) // no model chosen: the first that can fill in the middle is
                QTRY_COMPARE(m_window->findChild<QComboBox *>(QStringLiteral("modelBox"))->currentText(),
                             QStringLiteral("qwen2.5-coder:1.5b"));
            QString shown;
            askAt(&shown);
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(shown.endsWith(QStringLiteral("/*%1*/").arg(QLatin1String(row.kind))), qPrintable(shown));
            QTRY_VERIFY(!m_window->completion()->isRequestInFlight());
            // The latency row: the server's own timings where it gives them.
            const QAbstractItemModel *model = m_window->latencyPanel()->table()->model();
            const int last = model->rowCount() - 1; // oldest first
            const QString serverMs = model->index(last, LatencyModel::ServerPrompt).data().toString();
            QCOMPARE(!serverMs.isEmpty() && serverMs != u"–", row.serverTimings);
            if (row.serverTimings)
                QVERIFY(model->index(last, LatencyModel::TokensPerSecond).data().toDouble() > 0);
            if (qstrcmp(row.kind, "llamacpp") == 0) // llama-server says what prompt it built: shown
                QTRY_VERIFY2(m_window->inspectorPanel()->requestText().contains(u"(as 127.0.0.1 built it)"),
                             qPrintable(m_window->inspectorPanel()->requestText()));
            m_window->editor()->document()->setModified(false);
        }
    }

    void healthAndModelsPerKind()
    {
        open();
        choose(QStringLiteral("llama"));
        QTRY_VERIFY2(m_window->healthPanel()->factsText().contains(u"n_ctx"), qPrintable(m_window->healthPanel()->factsText()));
        QVERIFY(m_window->healthPanel()->factsText().contains(u"ready"));
        choose(QStringLiteral("ollama"));
        QTRY_VERIFY2(m_window->healthPanel()->factsText().contains(u"Ollama version: 0.12.6"), qPrintable(m_window->healthPanel()->factsText()));
        QTRY_VERIFY2(m_window->modelsPanel()->noteText().contains(u"1 can fill in the middle (✓), 1 cannot (✗)"),
                     qPrintable(m_window->modelsPanel()->noteText()));
        QCOMPARE(m_window->modelsPanel()->modelIds(), (QStringList{QStringLiteral("qwen2.5-coder:1.5b"), QStringLiteral("llama3.2:1b")}));
    }

    void aTemplateShowsItsRawPromptInTheInspector()
    {
        m_ctx->context->settings().profiles.last().promptTemplate = QStringLiteral("auto");
        m_ctx->context->settings().profileRequests.insert(QStringLiteral("openai"), [] {
            FimRequest r;
            r.model = QStringLiteral("starcoder2:3b");
            r.maxTokens = 32;
            return r;
        }());
        open();
        choose(QStringLiteral("openai"));
        QString shown;
        askAt(&shown);
        const QString request = m_window->inspectorPanel()->requestText();
        QVERIFY2(request.contains(u"/v1/completions"), qPrintable(request));
        QVERIFY2(request.contains(u"The prompt as the model reads it (template StarCoder / StarCoder2)"), qPrintable(request));
        QVERIFY(request.contains(u"<fim_prefix>def add(a, b):\n    <fim_suffix>\n<fim_middle>"));
        const QJsonObject sent = m_openaiServer->requests().constLast().json();
        QVERIFY(!sent.contains(u"suffix"));
        QVERIFY(sent.value(u"stop").toArray().contains(QStringLiteral("<file_sep>")));
    }

    void ollamaWithoutAModelSaysSo()
    {
        m_ollamaServer->setReply("/api/tags", FakeUpstream::json(200, R"({"models":[]})"));
        open();
        choose(QStringLiteral("ollama"));
        auto *model = m_window->findChild<QComboBox *>(QStringLiteral("modelBox"));
        QVERIFY(model->lineEdit()->placeholderText().contains(u"required"));
        m_window->editor()->setFocus();
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(u"ollama pull"), qPrintable(m_window->statusBar()->currentMessage()));
        QTRY_VERIFY(m_window->modelsPanel()->noteText().contains(u"ollama pull qwen2.5-coder:1.5b"));
    }

    // Why the answer looks as it does: the status bar names the finish reason and the model that
    // answered; "length" says max_tokens cut it.
    void finishReasonAndModelAreShown()
    {
        m_ctx->context->settings().request.stream = false;
        open();
        choose(QStringLiteral("openai"));
        m_openaiServer->enqueue("/v1/completions", FakeServers::openaiAnswer(QStringLiteral("return a +"),
                                                                             QStringLiteral("deepseek-coder-v2"), QStringLiteral("length")));
        QString shown;
        askAt(&shown);
        QCOMPARE(shown, QStringLiteral("return a +"));
        StatusIndicators *indicators = m_window->indicators();
        QTRY_VERIFY2(indicators->lastLatencyText().contains(u" · length · deepseek-coder-v2"), qPrintable(indicators->lastLatencyText()));
        QVERIFY(indicators->lastLatencyToolTip().contains(u"max_tokens cut the answer"));
        QVERIFY2(m_window->statusBar()->currentMessage().contains(u"max_tokens (128) cut this answer"),
                 qPrintable(m_window->statusBar()->currentMessage()));
        m_window->editor()->clearSuggestion();
        m_window->completion()->cache().clear();
        askAt(&shown);
        QTRY_VERIFY2(indicators->lastLatencyText().endsWith(u" · stop"), qPrintable(indicators->lastLatencyText())); // no model named: none shown
        QVERIFY(!m_window->statusBar()->currentMessage().contains(u"max_tokens"));
    }
};

QTEST_MAIN(TestEndpointKinds)
#include "tst_endpointkinds.moc"
