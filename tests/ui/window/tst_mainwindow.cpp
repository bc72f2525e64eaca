#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "fakeupstream.h"
#include "latency/latencymodel.h"
#include "panels/healthpanel.h"
#include "panels/inspectorpanel.h"
#include "panels/latencypanel.h"
#include "panels/latencyplot.h"
#include "panels/modelspanel.h"
#include "settings/commandline.h"
#include "settings/secretstore.h"
#include "settings/translations.h"
#include "testcontext.h"
#include "testwindow.h"
#include "window/filecontroller.h"
#include "window/mainwindow.h"
#include "window/noticebar.h"
#include "window/requesttoolbar.h"
#include "window/settingsdialog.h"

#include <QApplication>
#include <QDockWidget>
#include <QSplitter>
#include <QComboBox>
#include <QDropEvent>
#include <QMimeData>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

// The whole window against the fake upstream, with settings and session in a scratch folder.
class TestMainWindow : public WindowTest
{
    Q_OBJECT

private slots:
    // English with its plural forms ("12 tokens"), whatever the machine's language.
    void initTestCase() { Translations::install(qApp, QStringLiteral("en")); }
    void init() { QVERIFY(setUpWindowTest()); }
    void cleanup()
    {
        tearDownWindowTest();
        qunsetenv("FIM_PROXY_TOKEN");
    }

    void firstStartShowsASampleWithTheCursorAtItsHole()
    {
        open();
        QVERIFY(m_window->editor()->toPlainText().startsWith(QStringLiteral("def calculate_sum(a, b):\n    ")));
        QCOMPARE(m_window->editor()->textCursor().position(), 29);
        QCOMPARE(m_window->editor()->definitionName(), QStringLiteral("Python"));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*] — Local proxy"));
        QVERIFY(!m_window->isWindowModified());
        QVERIFY(m_window->menuBar()->actions().size() >= 6);
    }

    void healthPanelAndStatusBarFollowTheEndpoint()
    {
        open();
        QTRY_VERIFY(m_window->healthPanel()->stateLabelText().contains(QStringLiteral("OK")));
        QVERIFY(m_window->statusHealthText().contains(QStringLiteral("OK")));
        m_server->setReply("/health", FakeUpstream::json(503, "{\"error\":{\"message\":\"maintenance\",\"type\":\"x\"}}"));
        m_window->healthPanel()->checkButton()->click();
        QTRY_VERIFY(m_window->healthPanel()->stateLabelText().contains(QStringLiteral("Down")));
        QVERIFY2(m_window->healthPanel()->detailText().contains(QStringLiteral("maintenance")),
                 qPrintable(m_window->healthPanel()->detailText()));
        QVERIFY(m_window->statusHealthText().contains(QStringLiteral("Down")));
    }

    void modelsPanelListsAndChoosesTheModel()
    {
        m_server->setReply("/v1/models", FakeUpstream::json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"codestral-latest\"},"
                                                                 "{\"id\":\"codestral-2508\",\"max_context_length\":256000}]}"));
        open();
        QTRY_COMPARE(m_window->modelsPanel()->modelIds(),
                     (QStringList{QStringLiteral("codestral-latest"), QStringLiteral("codestral-2508")}));
        QListWidget *list = m_window->modelsPanel()->list();
        emit list->itemActivated(list->item(1));
        QCOMPARE(m_window->requestToolbar()->parameters().model, QStringLiteral("codestral-2508"));
        completeAtCursor();
        QCOMPARE(m_server->lastRequestTo("/v1/fim/completions").json().value(u"model").toString(), QStringLiteral("codestral-2508"));
    }

    void latencyRowsSummaryAndCsv()
    {
        open();
        for (int i = 0; i < 3; ++i) {
            m_window->editor()->clearSuggestion();
            m_window->completion()->cache().clear();
            completeAtCursor();
        }
        QCOMPARE(m_ctx->context->latency()->rowCount(), 3);
        QVERIFY2(m_window->latencyPanel()->summaryText().contains(QStringLiteral("3 requests · of all: total p50")),
                 qPrintable(m_window->latencyPanel()->summaryText()));
        const QString csv = m_ctx->dir.filePath(QStringLiteral("latency.csv"));
        QCOMPARE(m_window->latencyPanel()->exportCsv(csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.first().startsWith("time,endpoint,host,model"));
        QVERIFY(lines.at(1).contains(",ok,200,"));
    }

    void inspectorAndCurlNeverShowTheSecret()
    {
        qputenv("FIM_PROXY_TOKEN", "tok-very-secret");
        m_ctx->restart(m_server->url());
        open();
        completeAtCursor();
        QCOMPARE(m_server->lastRequestTo("/v1/fim/completions").headers.value("authorization"), QByteArray("Bearer tok-very-secret"));
        const InspectorPanel *inspector = m_window->inspectorPanel();
        QVERIFY(inspector->requestText().contains(QStringLiteral("Bearer <redacted>")));
        QVERIFY(inspector->requestText().contains(QStringLiteral("\"prompt\"")));
        QVERIFY(inspector->answerText().contains(QStringLiteral("HTTP 200")));
        QVERIFY(inspector->answerText().contains(QStringLiteral("return a + b")));
        const QString curl = inspector->curlText();
        QVERIFY2(curl.contains(QStringLiteral("Authorization: Bearer $FIM_PROXY_TOKEN")), qPrintable(curl));
        QVERIFY(curl.contains(m_server->url().toString() + QStringLiteral("/v1/fim/completions")));
        for (const QString &text : {inspector->requestText(), inspector->answerText(), curl})
            QVERIFY(!text.contains(QStringLiteral("tok-very-secret")));
    }

    // A latency row opens its own exchange in the inspector, chosen with the keys in the table.
    void aLatencyRowOpensItsExchange()
    {
        open();
        for (const char *text : {"alpha = ", "beta = ", "gamma = "}) {
            m_window->loadText(QString::fromLatin1(text), int(qstrlen(text)), QStringLiteral("x.py"));
            m_window->completion()->cache().clear();
            completeAtCursor();
        }
        InspectorPanel *inspector = m_window->inspectorPanel();
        QCOMPARE(inspector->exchangeCount(), 3);
        QVERIFY(inspector->requestText().contains(u"gamma = "));
        QTableView *table = m_window->latencyPanel()->table();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier); // the first request's row
        QTRY_VERIFY2(inspector->requestText().contains(u"alpha = "), qPrintable(inspector->requestText()));
        QVERIFY(inspector->isVisible()); // brought to the front of its tab group
        QTest::keyClick(table, Qt::Key_Down);
        QTRY_VERIFY(inspector->requestText().contains(u"beta = "));
        m_window->editor()->document()->setModified(false);
    }

    void sessionSurvivesACrash()
    {
        open();
        m_window->editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(m_window->editor(), QStringLiteral("# unsaved work"));
        const QString text = m_window->editor()->toPlainText();
        const int cursor = m_window->editor()->textCursor().position();
        QTRY_VERIFY(QFile::exists(m_ctx->sessionPath())); // written within a second, no close needed
        const auto sessionHasEdit = [this] {
            QFile f(m_ctx->sessionPath());
            return f.open(QIODevice::ReadOnly) && f.readAll().contains("# unsaved work");
        };
        QTRY_VERIFY(sessionHasEdit());
        m_window.reset(); // no close event: as if the process died
        m_ctx->restart(m_server->url());
        open();
        QCOMPARE(m_window->editor()->toPlainText(), text);
        QCOMPARE(m_window->editor()->textCursor().position(), cursor);
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(m_window->editor()->definitionName(), QStringLiteral("Python"));
    }

    void filesOpenSaveAndTitle()
    {
        const QString path = m_ctx->dir.filePath(QStringLiteral("demo.js"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("function f() {\n  return 1;\n}\n");
        }
        PlaygroundOptions options;
        options.file = path;
        options.line = 2;
        options.column = 3;
        open(options);
        QCOMPARE(m_window->editor()->toPlainText(), QStringLiteral("function f() {\n  return 1;\n}\n"));
        QCOMPARE(m_window->editor()->definitionName(), QStringLiteral("JavaScript"));
        QCOMPARE(m_window->editor()->textCursor().blockNumber(), 1);
        QCOMPARE(m_window->editor()->textCursor().positionInBlock(), 2);
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("demo.js[*]")));
        QTest::keyClicks(m_window->editor(), QStringLiteral("x"));
        QVERIFY(m_window->isWindowModified());
        QVERIFY(m_window->files()->save());
        QVERIFY(!m_window->isWindowModified());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("function f() {\n  xreturn 1;\n}\n"));
        QCOMPARE(m_ctx->context->settings().recentFiles.value(0), path);
        QString error;
        QVERIFY(!m_window->files()->open(m_ctx->dir.filePath(QStringLiteral("missing.py")), &error));
        QVERIFY(error.contains(QStringLiteral("missing.py")));
        QCOMPARE(m_window->editor()->toPlainText(), QStringLiteral("function f() {\n  xreturn 1;\n}\n"));
    }

    void droppingAFileOnTheEditorOpensIt()
    {
        const QString path = m_ctx->dir.filePath(QStringLiteral("dropped.ts"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("const x: number = 1;\n");
        }
        open();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QWidget *viewport = m_window->editor()->viewport();
        QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        // Opened, not pasted as a URL into the text.
        QCOMPARE(m_window->editor()->toPlainText(), QStringLiteral("const x: number = 1;\n"));
        QCOMPARE(m_window->files()->filePath(), path);
        QCOMPARE(m_window->editor()->definitionName(), QStringLiteral("TypeScript"));
    }

    void samplesMenuPutsTheCursorAtTheHole()
    {
        open();
        QAction *samples = nullptr;
        for (QAction *a : m_window->menuBar()->actions())
            if (a->text() == QStringLiteral("&Samples"))
                samples = a;
        QVERIFY(samples);
        QAction *js = nullptr;
        for (QAction *a : samples->menu()->actions())
            if (a->text().startsWith(QStringLiteral("JavaScript")))
                js = a;
        QVERIFY(js);
        js->trigger();
        const QString text = m_window->editor()->toPlainText();
        QVERIFY(text.startsWith(QStringLiteral("function multiply(x, y) {\n    ")));
        QCOMPARE(m_window->editor()->textCursor().position(), int(QStringLiteral("function multiply(x, y) {\n    ").size()));
        QCOMPARE(m_window->editor()->definitionName(), QStringLiteral("JavaScript"));
        QCOMPARE(samples->menu()->actions().size(), 4);
    }

    void errorsShowInWordsInTheStatusBar()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::json(401, "{\"message\":\"Unauthorized\"}"));
        open();
        completeAtCursor();
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("FIM_PROXY_TOKEN")));
        QVERIFY(m_window->editor()->toPlainText().startsWith(QStringLiteral("def calculate_sum")));
    }

    // Quitting at any moment is safe: the window goes while a request, a stream or a health check
    // is under way, and their answers arrive after it. (The sanitizer run of this test is what
    // proves it: a use of the half-destroyed window is a report there.)
    void quittingMidFlight_data()
    {
        QTest::addColumn<int>("what");
        QTest::newRow("mid-request") << 0;
        QTest::newRow("mid-stream") << 1;
        QTest::newRow("mid-health-check") << 2;
        QTest::newRow("destroyed mid-request, no close") << 3;
    }
    void quittingMidFlight()
    {
        QFETCH(int, what);
        if (what == 0 || what == 3) {
            FakeUpstream::Reply slow = FakeUpstream::seedCompletion(QStringLiteral("late"));
            slow.firstDelayMs = 150;
            m_server->setReply("/v1/fim/completions", slow);
        } else if (what == 1) {
            m_server->setReply("/v1/fim/completions",
                               FakeUpstream::codestralStream({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, 80));
        } else {
            FakeUpstream::Reply slow = FakeUpstream::json(200, FakeUpstream::seedHealthBody());
            slow.firstDelayMs = 150;
            m_server->setReply("/health", slow);
        }
        open();
        FimRequest r = m_window->requestToolbar()->parameters();
        r.stream = what == 1;
        m_window->requestToolbar()->setParameters(r);
        if (what == 2) {
            QTRY_VERIFY(m_ctx->context->health()->isChecking());
        } else {
            QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
            QVERIFY(m_window->completion()->isRequestInFlight());
            if (what == 1)
                QTRY_VERIFY(m_window->editor()->hasSuggestion());
            QVERIFY(m_window->requestToolbar()->stopAction()->isEnabled());
        }
        if (what != 3) {
            QTest::keyClick(m_window->editor(), Qt::Key_Q, Qt::ControlModifier); // File ▸ Quit
            QVERIFY(!m_window->isVisible());
        }
        m_window.reset(); // with the request still in flight in the last row

        QCOMPARE(m_ctx->context->client()->inFlight(), 0);
        QTest::qWait(400); // whatever was on its way arrives now, to nobody
        m_ctx.reset();
    }


    // No keychain service is no error at start-up for an endpoint that needs no secret; a missing
    // Codestral key is said once, in the notice bar, with what to do.
    void keyNoticesSayWhatToDo()
    {
        qunsetenv("CODESTRAL_API_KEY");
        m_ctx->context->secrets()->setBackend(SecretStore::Backend::Keychain); // no service here
        open();
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Using")));
        QVERIFY(!m_window->statusBar()->currentMessage().contains(QStringLiteral("keychain")));
        QVERIFY(m_window->noticeBar()->text().isEmpty());
        m_ctx->context->activateProfile(QStringLiteral("Codestral"));
        QTRY_VERIFY(m_window->noticeBar()->text().contains(QStringLiteral("No API key for Codestral")));
        QVERIFY(m_window->noticeBar()->text().contains(QStringLiteral("CODESTRAL_API_KEY=")));
    }

    void proxyWithoutKeyIsShownAsWhatToDo()
    {
        m_server->setReply("/health", FakeUpstream::json(200, "{\"status\":\"ok\",\"service\":\"cloudflare-backend\","
                                                              "\"upstream_key\":false}"));
        open();
        QTRY_VERIFY(m_window->noticeBar()->text().contains(QStringLiteral("has no Codestral API key")));
        QVERIFY(m_window->noticeBar()->text().contains(QStringLiteral("packaging/devenv run")));
        QVERIFY(m_window->noticeBar()->text().contains(QStringLiteral("Settings")));
        // A completion then fails as such a proxy answers: the status bar points at the notice,
        // not at waiting.
        m_server->setReply("/v1/fim/completions", FakeUpstream::json(500, "{\"error\":{\"message\":\"CODESTRAL_API_KEY not "
                                                                          "configured\",\"type\":\"configuration_error\"}}"));
        completeAtCursor();
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("notice above the editor")));
        QVERIFY(!m_window->statusBar()->currentMessage().contains(QStringLiteral("Try again later")));
    }

    // Codestral refused the proxy's own key: our proxy answers 502 upstream_auth_error, and the
    // playground says what the proxy said, word for word (only its owner can act), never "set the
    // endpoint's token".
    void proxysOwnKeyRefusedIsTheOwnersToFix()
    {
        const QString said = QStringLiteral("Codestral refused the proxy's CODESTRAL_API_KEY (the owner must set it: "
                                            "wrangler secret put CODESTRAL_API_KEY)");
        const QJsonObject error{{QStringLiteral("message"), said}, {QStringLiteral("type"), QStringLiteral("upstream_auth_error")}};
        m_server->setReply("/v1/fim/completions",
                           FakeUpstream::json(502, QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact)));
        open();
        completeAtCursor();
        QTRY_COMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("⚠ ") + said);
    }

    // A completion that reached the endpoint while health said "down" checks health again at once.
    void healthRechecksWhenACompletionGetsThrough()
    {
        m_server->setReply("/health", FakeUpstream::json(503, "{\"error\":{\"message\":\"starting\",\"type\":\"x\"}}"));
        open();
        QTRY_VERIFY(m_window->statusHealthText().contains(QStringLiteral("Down")));
        m_server->setReply("/health", FakeUpstream::json(200, FakeUpstream::seedHealthBody()));
        completeAtCursor();
        // Long before the 30 s interval (and its back-off).
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusHealthText().contains(QStringLiteral("OK")), 3000);
    }

    void stopAndDismissCancelTheRequest()
    {
        FakeUpstream::Reply stall = FakeUpstream::seedCompletion(QStringLiteral("late"));
        stall.fault = FakeUpstream::Reply::Fault::StallBeforeHeaders;
        m_server->setReply("/v1/fim/completions", stall);
        open();
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(m_window->requestToolbar()->stopAction()->isEnabled());
        m_window->requestToolbar()->stopAction()->trigger();
        QVERIFY(!m_window->completion()->isRequestInFlight());
        QVERIFY(!m_window->requestToolbar()->stopAction()->isEnabled());
        // Completion ▸ Dismiss too.
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(m_window->completion()->isRequestInFlight());
        QAction *dismiss = nullptr;
        for (QAction *menu : m_window->menuBar()->actions())
            for (QAction *a : menu->menu() ? menu->menu()->actions() : QList<QAction *>())
                if (a->text().startsWith(QStringLiteral("Dismiss")))
                    dismiss = a;
        QVERIFY(dismiss);
        dismiss->trigger();
        QVERIFY(!m_window->completion()->isRequestInFlight());
        QCOMPARE(m_ctx->context->client()->inFlight(), 0);
    }

};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
