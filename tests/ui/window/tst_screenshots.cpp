#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "fakeservers.h"
#include "fakeupstream.h"
#include "history/historystore.h"
#include "history/historywriter.h"
#include "panels/comparecolumn.h"
#include "panels/comparepanel.h"
#include "panels/expectedansweredit.h"
#include "panels/healthpanel.h"
#include "panels/historypanel.h"
#include "panels/inspectorpanel.h"
#include "panels/modelspanel.h"
#include "panels/statspanel.h"
#include "screenshot.h"
#include "settings/commandline.h"
#include "testcontext.h"
#include "window/contextcollector.h"
#include "window/mainwindow.h"
#include "window/noticebar.h"
#include "window/requesttoolbar.h"
#include "window/settingsdialog.h"
#include "window/statusindicators.h"
#include "window/suiteactions.h"
#include "window/suitedialog.h"
#include "window/templateeditor.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QListWidget>
#include <QFile>
#include <QToolButton>
#include <QIcon>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTemporaryDir>
#include <QTest>

// Renders the main window in its key states to PNG files under the build folder
// ($FIM_SCREENSHOT_DIR) and checks that each picture shows something. Everything on screen comes
// from the fake upstream through the real client, as in use.
class TestScreenshots : public QObject
{
    Q_OBJECT

    // Puts text in the window, asks at the cursor with Ctrl+Space and waits for the ghost text.
    static bool suggest(MainWindow &window, FakeUpstream &server, const QString &text, int cursor, const QString &answer)
    {
        server.setReply("/v1/fim/completions", FakeUpstream::codestralCompletion(answer));
        window.loadText(text, cursor, QStringLiteral("sample.py"));
        window.editor()->setFocus();
        QTest::keyClick(window.editor(), Qt::Key_Space, Qt::ControlModifier);
        return QTest::qWaitFor([&window] { return window.editor()->hasSuggestion(); }, 5000);
    }

    static std::unique_ptr<MainWindow> openWindow(TestContext &ctx, QSize size)
    {
        auto window = std::make_unique<MainWindow>(ctx.context.get());
        window->completion()->setAutoTrigger(false);
        window->start(PlaygroundOptions{});
        window->resize(size);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return {};
        return window;
    }

private slots:
    void initTestCase()
    {
        Screenshot::applyThemeFromEnvironment();
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fim-playground.svg")));
    }

    // The whole window in use: ghost text on screen, latency rows, health, models, inspector.
    void windowInUse()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        server.setReply("/v1/models", FakeUpstream::json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"codestral-latest\","
                                                              "\"max_context_length\":256000},{\"id\":\"codestral-2508\","
                                                              "\"max_context_length\":256000}]}"));
        TestContext ctx(server.url());
        auto window = openWindow(ctx, QSize(1280, 800));
        QVERIFY(window);
        QTRY_VERIFY(window->statusHealthText().contains(QStringLiteral("OK")));
        const QString text = QStringLiteral("class User:\n    def __init__(self, name):\n        \n\n    def greet(self):\n"
                                            "        return f\"Hello, {self.name}\"\n");
        for (int i = 0; i < 6; ++i) { // a few requests for the latency panel
            FakeUpstream::Reply r = FakeUpstream::codestralCompletion(QStringLiteral("self.name = name"));
            r.firstDelayMs = 20 + 15 * (i % 3);
            server.setReply("/v1/fim/completions", r);
            window->completion()->cache().clear();
            window->loadText(text, 50, QStringLiteral("user.py"));
            QSignalSpy timings(ctx.context->client(), &FimClient::timingRecorded);
            window->editor()->setFocus();
            QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
            QVERIFY(timings.wait());
        }
        window->completion()->cache().clear();
        QVERIFY(suggest(*window, server, text, 50,
                        QStringLiteral("self.name = name\n        self.created = time.time()\n        self.visits = 0")));
        const QImage image = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(image, QStringLiteral("window-in-use")).isEmpty());
        QVERIFY(Screenshot::inkRatio(image) > 0.05);
        // No blurry icon at any scale: every icon of the window (its own, the actions', the
        // buttons') renders at the screen's device pixel ratio, as an SVG or a theme icon does.
        const qreal dpr = window->devicePixelRatio();
        QCOMPARE(image.devicePixelRatio(), dpr);
        QList<QIcon> icons{window->windowIcon()};
        for (const QAction *a : window->findChildren<QAction *>())
            icons << a->icon();
        for (const QAbstractButton *b : window->findChildren<QAbstractButton *>())
            icons << b->icon();
        int sharp = 0;
        for (const QIcon &icon : std::as_const(icons)) {
            if (icon.isNull())
                continue;
            const QPixmap pixmap = icon.pixmap(QSize(16, 16), dpr);
            QCOMPARE(pixmap.devicePixelRatio(), dpr);
            QCOMPARE(pixmap.width(), qRound(16 * dpr));
            ++sharp;
        }
        QVERIFY(sharp >= 1); // the window's own icon at least
        // The request inspector: the request as sent and its raw answer, with room to read them.
        window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->raise();
        QTest::qWait(50);
        QVERIFY(!Screenshot::save(Screenshot::grab(window.get()), QStringLiteral("window-inspector")).isEmpty());
    }

    // A local Ollama: streamed ghost text from qwen2.5-coder, the server's own timings in the
    // latency table, its version in Health, which models can fill in the middle in Models; then the
    // profile's prompt template in Settings with its live preview.
    void localOllama()
    {
        FakeUpstream ollama;
        QVERIFY(ollama.listen());
        FakeServers::serve(ollama, EndpointKind::Ollama,
                           QStringLiteral("self.name = name\n        self.created = time.time()"), 15, 4, 0, false);
        TestContext ctx;
        AppSettings &settings = ctx.context->settings();
        settings.profiles.append(Endpoint(QStringLiteral("Ollama (local)"), EndpointKind::Ollama, ollama.url()));
        settings.profiles.last().promptTemplate = QStringLiteral("auto"); // the inspector shows the raw prompt
        settings.activeProfile = QStringLiteral("Ollama (local)");
        FimRequest r = settings.request;
        r.model = QStringLiteral("qwen2.5-coder:1.5b");
        r.stream = true;
        settings.profileRequests.insert(QStringLiteral("Ollama (local)"), r);
        auto window = openWindow(ctx, QSize(1280, 800));
        QVERIFY(window);
        QTRY_VERIFY(window->statusHealthText().contains(QStringLiteral("OK")));
        QTRY_VERIFY(window->modelsPanel()->noteText().contains(u"can fill in the middle"));
        const QString text = QStringLiteral("class User:\n    def __init__(self, name):\n        \n\n    def greet(self):\n"
                                            "        return f\"Hello, {self.name}\"\n");
        for (int i = 0; i < 5; ++i) {
            window->completion()->cache().clear();
            window->loadText(text, 50, QStringLiteral("user.py"));
            QSignalSpy timings(ctx.context->client(), &FimClient::timingRecorded);
            window->editor()->setFocus();
            QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
            QVERIFY(timings.wait());
        }
        QTRY_VERIFY(window->editor()->hasSuggestion());
        const QImage image = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(image, QStringLiteral("window-ollama")).isEmpty());
        QVERIFY(Screenshot::inkRatio(image) > 0.05);
        window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->raise();
        QTest::qWait(50);
        QVERIFY(!Screenshot::save(Screenshot::grab(window.get()), QStringLiteral("window-raw-prompt")).isEmpty());

        SettingsDialog dialog(ctx.context.get(), {});
        dialog.profileList()->setCurrentRow(dialog.profileList()->count() - 1);
        QComboBox *choice = dialog.templateEditor()->choiceBox();
        choice->setCurrentIndex(choice->findData(QStringLiteral("auto")));
        dialog.templateEditor()->setPreviewText(QStringLiteral("class User:\n    def __init__(self, name):\n        "),
                                                QStringLiteral("\n\n    def greet(self):\n"));
        const QImage settingsImage = Screenshot::grab(&dialog);
        QVERIFY(!Screenshot::save(settingsImage, QStringLiteral("settings-template")).isEmpty());
        QVERIFY(Screenshot::inkRatio(settingsImage) > 0.05);
        window->editor()->document()->setModified(false);
    }

    // The playground: candidates with "2 / 3" beside the ghost text; the window sent shaded with
    // the gutter bracket and the counter; the cleaning explained in the inspector; Compare with
    // three columns, one failed.
    void playground()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::Proxy, [](const QJsonObject &body) {
            const QString model = body.value(u"model").toString();
            const qint64 seed = body.value(u"random_seed").toInteger(0);
            const QStringList bodies{QStringLiteral("self.name = name\n        self.visits = 0"),
                                     QStringLiteral("self.name = name.strip()"),
                                     QStringLiteral("self.name = name\n        self.created = time.time()")};
            return model.startsWith(u"qwen") ? QStringLiteral("self.name = name  # %1<|endoftext|>").arg(model)
                                             : bodies.at(seed % 3) + (model.isEmpty() ? QString() : QStringLiteral("  # %1").arg(model));
        }, 0, 4, 40, [](const QJsonObject &body) { return body.value(u"model").toString() == u"codestral-2099"; });
        TestContext ctx(server.url());
        ctx.context->settings().limits = ContextLimits{64 * 1024, 16 * 1024, 6, 4};
        FimRequest r = ctx.context->settings().request;
        r.randomSeed = 3;
        r.stream = false;
        ctx.context->settings().request = r;
        auto window = openWindow(ctx, QSize(1280, 800));
        QVERIFY(window);
        QTRY_VERIFY(window->statusHealthText().contains(QStringLiteral("OK")));
        QString text = QStringLiteral("import time\n\n\nclass Store:\n    pass\n\n\nclass User:\n    def __init__(self, name):\n        \n\n"
                                      "    def greet(self):\n        return f\"Hello, {self.name}\"\n\n    def leave(self):\n        pass\n\n\n"
                                      "def main():\n    User(\"ada\").greet()\n");
        const int cursor = int(text.indexOf(QStringLiteral("name):\n")) + 15);
        window->loadText(text, cursor, QStringLiteral("user.py"));
        window->editor()->setFocus();
        QSignalSpy timings(ctx.context->client(), &FimClient::timingRecorded);
        QTest::keyClick(window->editor(), Qt::Key_Space, Qt::AltModifier);
        QTRY_COMPARE(timings.size(), 3);
        QTRY_VERIFY(window->editor()->hasSuggestion());
        QTest::keyClick(window->editor(), Qt::Key_BracketRight, Qt::AltModifier);
        QVERIFY(window->editor()->suggestionBadge().startsWith(u"2 / 3"));
        const QImage candidates = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(candidates, QStringLiteral("candidates")).isEmpty());
        QVERIFY(Screenshot::inkRatio(candidates) > 0.05);
        QVERIFY(window->editor()->decorations().isShading());
        QTest::keyClick(window->editor(), Qt::Key_Escape);
        QVERIFY(!Screenshot::save(Screenshot::grab(window->centralWidget()), QStringLiteral("sent-window")).isEmpty());

        // A model that leaks an end token and repeats nothing: the inspector names what was removed.
        FimRequest qwen = window->requestToolbar()->parameters();
        qwen.model = QStringLiteral("qwen2.5-coder:7b");
        window->requestToolbar()->setParameters(qwen);
        QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(window->editor()->hasSuggestion());
        window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->raise();
        QTRY_VERIFY(window->inspectorPanel()->answerText().contains(u"special token removed"));
        QVERIFY(!Screenshot::save(Screenshot::grab(window.get()), QStringLiteral("cleaning")).isEmpty());
        QTest::keyClick(window->editor(), Qt::Key_Escape);

        // Compare: three saved variants, one with a model the server does not have.
        ComparePanel *compare = window->comparePanel();
        for (const auto &[name, model, temperature] : {std::tuple{"codestral t=0", "codestral-latest", 0.0},
                                                       std::tuple{"qwen 7b t=0.2", "qwen2.5-coder:7b", 0.2},
                                                       std::tuple{"codestral-2099", "codestral-2099", 0.2}}) {
            FimRequest v = window->requestToolbar()->parameters();
            v.model = QString::fromUtf8(model);
            v.temperature = temperature;
            v.randomSeed = 4;
            window->requestToolbar()->setParameters(v);
            QVERIFY(compare->saveCurrentAs(QString::fromUtf8(name)));
        }
        window->findChild<QDockWidget *>(QStringLiteral("compareDock"))->raise();
        QSignalSpy done(compare->compareRun(), &CompareRun::finished);
        QVERIFY(compare->run());
        QVERIFY(done.wait());
        // What the answer should be: each answered column scored against it.
        compare->expectedEdit()->setPlainText(QStringLiteral("self.name = name"));
        QVERIFY2(compare->columns().at(1)->scoresText().startsWith(u"EM ✗ · line ✗ · ES "), qPrintable(compare->columns().at(1)->scoresText()));
        const QImage compareImage = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(compareImage, QStringLiteral("compare")).isEmpty());
        QVERIFY(Screenshot::inkRatio(compareImage) > 0.05);

        // History: everything above, newest first, searchable.
        ctx.context->history()->flush();
        window->findChild<QDockWidget *>(QStringLiteral("historyDock"))->raise();
        window->historyPanel()->refresh();
        QVERIFY(window->historyPanel()->rowCount() >= 6);
        QVERIFY(!Screenshot::save(Screenshot::grab(window.get()), QStringLiteral("history")).isEmpty());

        // Replay: the qwen answer again from the history, the window saying it is no live answer.
        ctx.context->activateProfile(QStringLiteral("Replay (history)"));
        QTRY_COMPARE(ctx.context->activeEndpoint().kind, EndpointKind::Replay);
        window->requestToolbar()->setParameters(qwen);
        window->editor()->setFocus();
        QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(window->editor()->hasSuggestion());
        window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->raise();
        QTRY_VERIFY(window->inspectorPanel()->answerText().contains(u"special token removed"));
        QVERIFY(ctx.context->lastExchange().note.startsWith(u"Replayed from the history"));
        QVERIFY(!Screenshot::save(Screenshot::grab(window.get()), QStringLiteral("replay")).isEmpty());
        window->editor()->document()->setModified(false);
    }

    // Stats: a week of suggestions of two models (written to the history as the tracker writes
    // them), then three of this session through real keys: Tab, Ctrl+Right and Esc, Esc.
    void stats()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        TestContext ctx(server.url());
        {
            HistoryStore store;
            QString error;
            QVERIFY(store.open(ctx.historyPath(), &error));
            const QDateTime today = QDateTime::currentDateTimeUtc();
            for (int day = 6; day >= 1; --day) {
                for (int i = 0; i < 12; ++i) {
                    const bool qwen = i % 2;
                    SuggestionRecord r;
                    r.shownAt = today.addDays(-day).addSecs(i * 60);
                    r.profile = qwen ? QStringLiteral("llama.cpp (local)") : QStringLiteral("Codestral");
                    r.model = qwen ? QStringLiteral("qwen2.5-coder-1.5b") : QStringLiteral("codestral-latest");
                    r.promptTemplate = qwen ? QStringLiteral("qwen") : QString();
                    r.context = i % 3 == 0 ? QStringLiteral("pinned+edits+ring") : QStringLiteral("none");
                    r.origin = QStringLiteral("request");
                    r.shownChars = 20 + (i * 7) % 30;
                    const bool taken = (i + day) % (qwen ? 3 : 2) == 0;
                    r.acceptedChars = taken ? r.shownChars - (i % 4 == 0 ? 6 : 0) : 0;
                    r.outcome = !taken ? (i % 5 == 0 ? SuggestionOutcome::Dismissed : SuggestionOutcome::TypedOver)
                                       : (r.acceptedChars == r.shownChars ? SuggestionOutcome::Accepted : SuggestionOutcome::Partial);
                    r.visibleMs = 600 + i * 150;
                    r.latencyMs = (qwen ? 90 : 310) + i * 11 + day * 5;
                    r.acceptMs = taken ? 700 + i * 40 : -1;
                    r.completionTokens = r.shownChars / 3;
                    if (taken)
                        r.persistence = 1.0 - double((i + day) % 4) / 10.0;
                    QVERIFY(store.appendSuggestion(r, &error));
                }
            }
        }
        auto window = openWindow(ctx, QSize(1280, 800));
        QVERIFY(window);
        const QString text = QStringLiteral("def add(a, b):\n    \n");
        QVERIFY(suggest(*window, server, text, 19, QStringLiteral("return a + b")));
        QTest::keyClick(window->editor(), Qt::Key_Tab);
        QVERIFY(suggest(*window, server, text, 19, QStringLiteral("total = a + b")));
        QTest::keyClick(window->editor(), Qt::Key_Right, Qt::ControlModifier);
        QTest::qWait(800); // seen: on screen 750 ms or more
        QTest::keyClick(window->editor(), Qt::Key_Escape);
        QVERIFY(suggest(*window, server, text, 19, QStringLiteral("a - b")));
        QTest::qWait(800);
        QTest::keyClick(window->editor(), Qt::Key_Escape);
        ctx.context->history()->flush();
        window->findChild<QDockWidget *>(QStringLiteral("statsDock"))->raise();
        StatsPanel *panel = window->statsPanel();
        panel->refresh();
        QCOMPARE(panel->stats().total.recorded, 6 * 12 + 3);
        QVERIFY(panel->table()->rowCount() >= 4);
        const QImage image = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(image, QStringLiteral("stats")).isEmpty());
        QVERIFY(Screenshot::inkRatio(image) > 0.05);
        window->editor()->document()->setModified(false);
    }

    // The example suite against two variants: the figures per variant, a row per case, and the
    // diff of an answer that parts from what was expected.
    void suite()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::Proxy, [](const QJsonObject &body) {
            const QString prompt = body.value(u"prompt").toString();
            const bool careful = body.value(u"model").toString() == u"codestral-latest";
            if (prompt.contains(u"calculate_sum"))
                return QStringLiteral("return a + b");
            if (prompt.contains(u"multiply"))
                return careful ? QStringLiteral("return x * y;") : QStringLiteral("return x * y");
            if (prompt.contains(u"class User"))
                return QStringLiteral("self.name = name\n        self.visits = 0");
            return careful ? QStringLiteral("return { name };") : QStringLiteral("return { name, id: 1 };");
        }, 10, 3, 60);
        TestContext ctx(server.url());
        auto window = openWindow(ctx, QSize(1280, 800));
        QVERIFY(window);
        for (const char *model : {"codestral-latest", "codestral-2405"}) {
            FimRequest v = window->requestToolbar()->parameters();
            v.model = QString::fromLatin1(model);
            window->requestToolbar()->setParameters(v);
            QVERIFY(window->comparePanel()->saveCurrentAs(QString::fromLatin1(model)));
        }
        window->suiteActions()->runExampleSuite();
        QTRY_VERIFY(window->suiteActions()->dialog());
        SuiteDialog *dialog = window->suiteActions()->dialog();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->resultTable()->rowCount(), 8, 10000);
        QTRY_VERIFY(!dialog->run()->isRunning());
        QTableWidget *results = dialog->resultTable();
        for (int r = 0; r < results->rowCount(); ++r)
            if (results->item(r, 0)->text() == u"typescript_interface" && results->item(r, 1)->text() == u"codestral-2405")
                results->setCurrentCell(r, 0);
        QTRY_VERIFY(dialog->diffView()->toPlainText().contains(u"They part"));
        const QImage image = Screenshot::grab(dialog);
        QVERIFY(!Screenshot::save(image, QStringLiteral("suite")).isEmpty());
        QVERIFY(Screenshot::inkRatio(image) > 0.03);
        window->editor()->document()->setModified(false);
    }

    // Our proxy for a team: a member's usage against the quota in Health, edge-cache hits marked in
    // the latency table.
    void teamProxy()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        server.setReply("/v1/usage", FakeUpstream::json(200, FakeServers::proxyUsage(QStringLiteral("alice"), 41, 9300, 200, 100000,
                                                                                       {{63, 15100}, {12, 2600}})));
        qputenv("FIM_PROXY_TOKEN", "fim_screenshot-member-token");
        TestContext ctx(server.url());
        auto window = openWindow(ctx, QSize(1280, 800));
        QVERIFY(window);
        QTRY_VERIFY(window->healthPanel()->factsText().contains(u"41 of 200"));
        const QString text = QStringLiteral("def mean(values):\n    \n");
        for (int i = 0; i < 6; ++i) {
            FakeUpstream::Reply r = FakeUpstream::codestralCompletion(QStringLiteral("return sum(values) / len(values)"));
            const bool hit = i % 2 == 1;
            r.firstDelayMs = hit ? 4 : 180 + 20 * i;
            r.headers.append({QByteArrayLiteral("X-Cache"), hit ? QByteArrayLiteral("HIT") : QByteArrayLiteral("MISS")});
            server.setReply("/v1/fim/completions", r);
            window->completion()->cache().clear();
            window->loadText(text, 22, QStringLiteral("stats.py"));
            QSignalSpy timings(ctx.context->client(), &FimClient::timingRecorded);
            window->editor()->setFocus();
            QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
            QVERIFY(timings.wait());
        }
        QTRY_VERIFY(window->editor()->hasSuggestion());
        window->findChild<QDockWidget *>(QStringLiteral("healthDock"))->raise();
        window->findChild<QDockWidget *>(QStringLiteral("latencyDock"))->raise();
        QTest::qWait(50);
        const QImage image = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(image, QStringLiteral("team-usage")).isEmpty());
        QVERIFY(Screenshot::inkRatio(image) > 0.05);
        qunsetenv("FIM_PROXY_TOKEN");
    }

    // The next suggestion asked ahead: Tab shows it at once; the latency table marks the requests
    // asked ahead and whether Tab used them.
    void contextPanel()
    {
        // The answer depends on another file: with the pinned helper in the prompt, it is used.
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::Proxy, [](const QJsonObject &body) {
            return body.value(u"prompt").toString().contains(u"def tax_rate(")
                ? QStringLiteral("price * (1 + tax_rate(region))")
                : QStringLiteral("price * 1.2  # a guess: no tax table here");
        }, 0, 1, 0);
        QTemporaryDir dir;
        QFile helper(dir.filePath(QStringLiteral("pricing.py")));
        QVERIFY(helper.open(QIODevice::WriteOnly));
        helper.write("RATES = {\"eu\": 0.21, \"us\": 0.07}\n\n\ndef tax_rate(region):\n    return RATES.get(region, 0.0)\n");
        helper.close();
        TestContext ctx(server.url());
        auto window = openWindow(ctx, QSize(1280, 800));
        QVERIFY(window);
        window->contextCollector()->pin(helper.fileName());
        const QString text = QStringLiteral("from pricing import tax_rate\n\n\ndef total(price, region):\n    return \n");
        window->loadText(text, int(text.size()) - 1, QStringLiteral("shop.py"));
        window->editor()->setFocus();
        QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(window->editor()->hasSuggestion());
        QVERIFY(window->editor()->suggestion().contains(u"tax_rate(region)"));
        window->findChild<QDockWidget *>(QStringLiteral("contextDock"))->raise();
        QTest::qWait(50);
        const QImage image = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(image, QStringLiteral("context")).isEmpty());
        QVERIFY(Screenshot::inkRatio(image) > 0.05);
        // The same cursor in Compare, without extra context and with the pinned file: the answers differ.
        QTest::keyClick(window->editor(), Qt::Key_Escape);
        QSignalSpy compared(window->comparePanel()->compareRun(), &CompareRun::finished);
        QVERIFY(window->comparePanel()->sweep(Sweep::Parameter::Context, QStringLiteral("none, pinned")));
        QVERIFY(compared.wait());
        const QList<CompareRun::Column> &columns = window->comparePanel()->compareRun()->columns();
        QCOMPARE(columns.size(), 2);
        QVERIFY(columns.at(0).result.text != columns.at(1).result.text);
        window->findChild<QDockWidget *>(QStringLiteral("compareDock"))->raise();
        QTest::qWait(50);
        const QImage compareImage = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(compareImage, QStringLiteral("compare-context")).isEmpty());
        QVERIFY(Screenshot::inkRatio(compareImage) > 0.05);
        window->editor()->document()->setModified(false);
    }

    void nextSuggestionAskedAhead()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::Proxy, [](const QJsonObject &body) {
            const QString prompt = body.value(u"prompt").toString();
            if (prompt.endsWith(u"return total / len(values)"))
                return QStringLiteral("\n\ndef variance(values):\n    m = mean(values)\n    return sum((v - m) ** 2 for v in values) / len(values)");
            if (prompt.endsWith(u"len(values)"))
                return QStringLiteral("\n\ndef median(values):\n    ordered = sorted(values)\n    return ordered[len(ordered) // 2]");
            return QStringLiteral("total = sum(values)\n    return total / len(values)");
        }, 0, 1, 120);
        TestContext ctx(server.url());
        auto window = openWindow(ctx, QSize(1280, 800));
        QVERIFY(window);
        window->completion()->setAutoTrigger(true); // asking ahead goes with asking while typing
        window->loadText(QStringLiteral("def mean(values):\n    \n"), 22, QStringLiteral("stats.py"));
        window->editor()->setFocus();
        QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(window->completion()->hasPrefetched());
        QTest::keyClick(window->editor(), Qt::Key_Tab);
        QVERIFY(window->editor()->hasSuggestion()); // at once
        QTRY_VERIFY(window->completion()->hasPrefetched());
        QTest::keyClick(window->editor(), Qt::Key_Escape); // this one is not taken
        QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(window->completion()->hasPrefetched());
        QTest::qWait(50);
        window->findChild<QDockWidget *>(QStringLiteral("latencyDock"))->raise();
        const QImage image = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(image, QStringLiteral("next-suggestion")).isEmpty());
        QVERIFY(Screenshot::inkRatio(image) > 0.05);
        window->editor()->document()->setModified(false);
    }

    void errorState()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        server.setReply("/health", FakeUpstream::json(401, "{\"message\":\"Unauthorized\"}"));
        server.setReply("/v1/fim/completions", FakeUpstream::json(429, "{\"message\":\"Requests rate limit exceeded\"}",
                                                                  {{"Retry-After", "30"}}));
        TestContext ctx(server.url());
        auto window = openWindow(ctx, QSize(1280, 800));
        QVERIFY(window);
        QTRY_VERIFY(window->statusHealthText().contains(QStringLiteral("Unauthorized")));
        window->editor()->setFocus();
        QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("30 s")));
        QVERIFY(!Screenshot::save(Screenshot::grab(window.get()), QStringLiteral("window-error")).isEmpty());
    }

    // The first run without a key: the proxy says it has none, and the window says once, above the
    // editor, what to do. A streamed answer is arriving: the Stop button shows.
    void firstRunWithoutAKey()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        server.setReply("/health", FakeUpstream::json(200, "{\"status\":\"ok\",\"service\":\"cloudflare-backend\","
                                                           "\"upstream_key\":false}"));
        FakeUpstream::Reply stall = FakeUpstream::seedCompletion(QStringLiteral("late"));
        stall.fault = FakeUpstream::Reply::Fault::StallBeforeHeaders;
        server.setReply("/v1/fim/completions", stall);
        TestContext ctx(server.url());
        auto window = openWindow(ctx, QSize(1280, 800));
        QVERIFY(window);
        QTRY_VERIFY(!window->noticeBar()->text().isEmpty());
        window->editor()->setFocus();
        QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(window->requestToolbar()->stopAction()->isEnabled());
        QTest::qWait(300); // the progress dots turn
        const QImage image = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(image, QStringLiteral("window-first-run")).isEmpty());
        QVERIFY(Screenshot::inkRatio(image) > 0.05);
        window->completion()->stop();
    }

    // A Latin-1 file with Windows line breaks: the status bar says so, and offers to change both.
    void fileFormatInTheStatusBar()
    {
        TestContext ctx(QUrl(QStringLiteral("http://127.0.0.1:9")));
        const QString path = ctx.dir.filePath(QStringLiteral("legacy.py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# -*- coding: latin-1 -*-\r\n# Stra\xdf" "e, caf\xe9\r\ndef greet(name):\r\n    \r\n");
        f.close();
        PlaygroundOptions options;
        options.file = path;
        auto window = std::make_unique<MainWindow>(ctx.context.get());
        window->completion()->setAutoTrigger(false);
        window->start(options);
        window->resize(1100, 600);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QCOMPARE(window->indicators()->encodingButton()->text(), QStringLiteral("ISO-8859-1"));
        QCOMPARE(window->indicators()->lineEndingButton()->text(), QStringLiteral("CRLF"));
        QVERIFY(!Screenshot::save(Screenshot::grab(window.get()), QStringLiteral("window-file-format")).isEmpty());
    }

    void mainWindow()
    {
        TestContext ctx(QUrl(QStringLiteral("http://127.0.0.1:9")));
        auto window = openWindow(ctx, QSize(1100, 700));
        QVERIFY(window);
        QVERIFY(!Screenshot::save(Screenshot::grab(window.get()), QStringLiteral("mainwindow")).isEmpty());
        // The editor must show legible text, not an empty (transparently painted) page.
        const int lineHeight = window->editor()->fontMetrics().height();
        const QImage editorImage = window->editor()->viewport()->grab(QRect(0, 0, 300, 5 * lineHeight)).toImage();
        QVERIFY2(Screenshot::inkRatio(editorImage) > 0.02,
                 qPrintable(QStringLiteral("editor looks blank, ink ratio %1").arg(Screenshot::inkRatio(editorImage))));
    }

    void suggestions_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::addColumn<bool>("multiLine");
        QTest::newRow("inline-light") << QStringLiteral("Breeze Light") << false;
        QTest::newRow("inline-dark") << QStringLiteral("Breeze Dark") << false;
        QTest::newRow("multiline-light") << QStringLiteral("Breeze Light") << true;
        QTest::newRow("multiline-dark") << QStringLiteral("Breeze Dark") << true;
    }

    // The editor alone, with an inline and a multi-line suggestion, in light and dark themes.
    void suggestions()
    {
        QFETCH(QString, theme);
        QFETCH(bool, multiLine);
        FakeUpstream server;
        QVERIFY(server.listen());
        TestContext ctx(server.url());
        auto window = openWindow(ctx, QSize(900, 420));
        QVERIFY(window);
        window->setEditorTheme(theme);
        const QString text = multiLine
            ? QStringLiteral("class User:\n    def __init__(self, name):\n        \n\n    def greet(self):\n        "
                             "return f\"Hello, {self.name}\"\n")
            : QStringLiteral("def calculate_sum(a, b):\n    return \n\nresult = calculate_sum(5, 3)\nprint(result)\n");
        const int cursor = multiLine ? 50 : 36;
        const QString answer = multiLine ? QStringLiteral("self.name = name\n        self.created = time.time()\n        self.visits = 0")
                                         : QStringLiteral("a + b");
        QVERIFY(suggest(*window, server, text, cursor, answer));
        QCOMPARE(window->editor()->toPlainText(), text);
        const QImage image = window->editor()->grab().toImage();
        QVERIFY(!Screenshot::save(image, QStringLiteral("suggestion-") + QString::fromLatin1(QTest::currentDataTag())).isEmpty());
        QVERIFY(Screenshot::inkRatio(window->editor()->viewport()->grab().toImage()) > 0.01);
    }

    void applicationIconLoads()
    {
        const QIcon icon(QStringLiteral(":/icons/fim-playground.svg"));
        const QImage image = icon.pixmap(64, 64).toImage();
        QVERIFY(!image.isNull());
        QVERIFY(Screenshot::inkRatio(image) > 0.1);
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
