#include "editor/codeeditor.h"
#include "fakeservers.h"
#include "panels/comparecolumn.h"
#include "panels/comparepanel.h"
#include "panels/inspectorpanel.h"
#include "panels/resenddialog.h"
#include "testwindow.h"
#include "window/mainmenus.h"
#include "window/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMenuBar>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

// Issue 26, "A demo never stumbles": what a demo-giver hit with endpoints other than the proxy,
// each driven through the whole window with real keys and clicks: Edit and resend of a llama.cpp
// exchange; the command line's endpoint, its Compare variants and the suite that runs them;
// Detect on a Codestral-shaped server; a key the keychain cannot store.
class TestDemoEndpoints : public WindowTest
{
    Q_OBJECT

    std::unique_ptr<FakeUpstream> m_llama;
    bool m_proxyFails = false;

    // Ctrl+Space at the end of "def add(a, b):\n    " and the wait for the answer's exchange.
    void askInFunction()
    {
        m_window->loadText(QStringLiteral("def add(a, b):\n    \n"), 19, QStringLiteral("add.py"));
        m_window->editor()->setFocus();
        completeAtCursor();
        QTRY_VERIFY2(m_window->editor()->hasSuggestion(), qPrintable(m_window->statusBar()->currentMessage()));
    }

    QComboBox *profileBox() const { return m_window->findChild<QComboBox *>(QStringLiteral("profileBox")); }

    // The profile box, by keyboard, as a user switches endpoint.
    void choose(const QString &profile)
    {
        QComboBox *box = profileBox();
        QVERIFY(box);
        QVERIFY2(box->findText(profile) >= 0, qPrintable(profile));
        box->setFocus();
        QSignalSpy changed(m_ctx->context.get(), &AppContext::activeEndpointChanged);
        for (int i = 0; i < box->count() && box->currentText() != profile; ++i)
            QTest::keyClick(box, box->findText(profile) > box->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(box->currentText(), profile);
        QTRY_VERIFY(!changed.isEmpty()); // the window has heard of it (the secret is read first)
        QCOMPARE(m_ctx->context->activeEndpoint().name, profile);
    }

    // Compare ▸ Save Current…, the name typed in its dialog; what the dialog proposed.
    QString saveVariant(const QString &name)
    {
        QString proposed;
        QTimer::singleShot(0, this, [&proposed, name] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *edit = dialog->findChild<QLineEdit *>();
            proposed = edit->text();
            edit->selectAll();
            QTest::keyClicks(edit, name);
            QTest::keyClick(edit, Qt::Key_Return);
        });
        QPushButton *save = nullptr;
        for (QPushButton *b : m_window->comparePanel()->findChildren<QPushButton *>())
            if (b->text() == u"Save Current…")
                save = b;
        if (save)
            QTest::mouseClick(save, Qt::LeftButton);
        return proposed;
    }

    // Ctrl+Alt+Return in the editor, and the wait for the run's end.
    void runCompare()
    {
        QSignalSpy done(m_window->comparePanel()->compareRun(), &CompareRun::finished);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->editor()->setFocus();
        QTest::keyClick(m_window->editor(), Qt::Key_Return, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(done.wait());
    }

    // Runs fn on the next modal window of type T as soon as it shows (the window is driven from
    // inside its own exec()).
    template<typename T>
    void whenModal(std::function<void(T *)> fn)
    {
        auto *poll = new QTimer(this);
        poll->setInterval(10);
        connect(poll, &QTimer::timeout, this, [poll, fn] {
            if (auto *w = qobject_cast<T *>(QApplication::activeModalWidget())) {
                poll->stop();
                fn(w); // may spin the event loop: the timer (and this lambda) go only after it
                poll->deleteLater();
            }
        });
        poll->start();
    }

    // Edit ▸ Settings… with Ctrl+, and fn run on the dialog; returns once it closed.
    void withSettings(std::function<void(SettingsDialog *)> fn)
    {
        whenModal<SettingsDialog>(fn);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window->editor(), Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(!QApplication::activeModalWidget());
    }

private slots:
    void init()
    {
        QVERIFY(setUpWindowTest());
        m_proxyFails = false;
        m_llama = std::make_unique<FakeUpstream>();
        QVERIFY(m_llama->listen());
        FakeServers::serveWith(*m_llama, EndpointKind::LlamaCpp, [](const QJsonObject &body) {
            return QStringLiteral("return a + b  # n_predict=%1").arg(body.value(u"n_predict").toInt());
        });
        AppSettings &s = m_ctx->context->settings();
        s.profiles.append(Endpoint(QStringLiteral("llama"), EndpointKind::LlamaCpp, m_llama->url()));
    }
    void cleanup()
    {
        tearDownWindowTest();
        m_llama.reset();
    }

    // 1. Edit and resend checks a body by its exchange's own wire format: llama.cpp's /infill takes
    // input_prefix and input_suffix, not prompt.
    void editAndResendTakesALlamaCppBody()
    {
        m_ctx->context->settings().activeProfile = QStringLiteral("llama");
        open();
        askInFunction();
        InspectorPanel *inspector = m_window->inspectorPanel();
        QTRY_COMPARE(inspector->exchangeCount(), 1);
        QString firstStatus;
        QString missingStatus;
        bool sendable = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ResendDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *status = dialog->findChild<QLabel *>(QStringLiteral("resendStatus"));
            auto *send = dialog->findChild<QPushButton *>(QStringLiteral("resendSend"));
            firstStatus = status->text();
            QPlainTextEdit *body = dialog->editor();
            body->setFocus();
            // Without input_prefix /infill has nothing to fill in: refused, naming the field.
            QTest::keyClick(body, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(body, QStringLiteral("{\"input_suffix\": \"\", \"n_predict\": 7}"));
            missingStatus = status->text();
            QTest::keyClick(body, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(body, QStringLiteral("{\"input_prefix\": \"def add(a, b):\\n    \", \"input_suffix\": \"\", \"n_predict\": 7}"));
            sendable = send->isEnabled();
            if (sendable)
                QTest::mouseClick(send, Qt::LeftButton);
            else
                dialog->reject();
        });
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        QTest::mouseClick(inspector->resendButton(), Qt::LeftButton);
        QVERIFY2(firstStatus.startsWith(u"✓"), qPrintable(firstStatus));
        QVERIFY2(missingStatus.contains(u"input_prefix"), qPrintable(missingStatus));
        QVERIFY(sendable);
        QVERIFY(timings.wait());
        QCOMPARE(m_llama->lastRequestTo("/infill").json().value(u"n_predict").toInt(), 7);
        QTRY_COMPARE(inspector->exchangeCount(), 2);
        QVERIFY2(inspector->answerText().contains(u"n_predict=7"), qPrintable(inspector->answerText()));
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"edited request was answered"));
    }

    // 2. Started with --endpoint and --kind, the command line's endpoint stays in the profile box
    // after switching away; a variant saved from it keeps its URL and kind (and goes there after a
    // restart); a run whose every column failed says so; a suite names the variants it runs.
    void theCommandLineEndpointStaysForTheSession()
    {
        FakeServers::serveWith(*m_server, EndpointKind::Proxy, [](const QJsonObject &) { return QStringLiteral("from_the_proxy()"); },
                               0, 4, 0, [this](const QJsonObject &) { return m_proxyFails; });
        PlaygroundOptions options;
        options.endpointUrl = m_llama->url().toString();
        options.kind = QStringLiteral("llamacpp");
        open(options);
        QCOMPARE(profileBox()->currentText(), QStringLiteral("Command line"));
        m_window->loadText(QStringLiteral("def add(a, b):\n    \n"), 19, QStringLiteral("add.py"));
        QCOMPARE(saveVariant(QStringLiteral("llama here")), QStringLiteral("Command line · default model"));
        choose(QStringLiteral("Local proxy"));
        QVERIFY2(profileBox()->findText(QStringLiteral("Command line")) >= 0, "the command line's endpoint left the list");
        saveVariant(QStringLiteral("proxy"));
        runCompare();
        const QList<CompareColumn *> columns = m_window->comparePanel()->columns();
        QVERIFY2(columns.at(0)->errorText().isEmpty(), qPrintable(columns.at(0)->errorText()));
        QVERIFY2(columns.at(0)->answer().startsWith(u"return a + b"), qPrintable(columns.at(0)->answer()));
        QCOMPARE(columns.at(1)->answer(), QStringLiteral("from_the_proxy()"));
        // Back to the command line's endpoint, by keyboard.
        choose(QStringLiteral("Command line"));
        QCOMPARE(m_ctx->context->activeEndpoint().baseUrl, m_llama->url());
        QCOMPARE(m_ctx->context->activeEndpoint().kind, EndpointKind::LlamaCpp);

        // The suite names what it will run with, before it starts.
        QMenu *file = nullptr;
        for (QAction *a : m_window->menuBar()->actions())
            if (a->text() == u"&File")
                file = a->menu();
        chooseMenuAction(file, QStringLiteral("Run the E&xample Suite (the Four Samples)"));
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(u"llama here, proxy"),
                     qPrintable(m_window->statusBar()->currentMessage()));

        // The next start, without --endpoint: the variant still goes to llama-server.
        m_window->editor()->document()->setModified(false);
        QVERIFY(m_ctx->context->saveSettings());
        m_window.reset();
        m_ctx->restart(m_server->url());
        open();
        QVERIFY(profileBox()->findText(QStringLiteral("Command line")) < 0); // no --endpoint this time
        m_window->loadText(QStringLiteral("def add(a, b):\n    \n"), 19, QStringLiteral("add.py"));
        QListWidget *variants = m_window->comparePanel()->variantList();
        QCOMPARE(variants->count(), 2);
        variants->setFocus();
        for (int row = 0; row < 2; ++row) { // Space checks the current one
            variants->setCurrentRow(row);
            QTest::keyClick(variants, Qt::Key_Space);
            QCOMPARE(variants->item(row)->checkState(), Qt::Checked);
        }
        runCompare();
        const QList<CompareColumn *> again = m_window->comparePanel()->columns();
        QVERIFY2(again.at(0)->errorText().isEmpty(), qPrintable(again.at(0)->errorText()));
        QVERIFY2(again.at(0)->answer().startsWith(u"return a + b"), qPrintable(again.at(0)->answer()));

        // Every column failing is said as such, not "Run done".
        m_proxyFails = true;
        delete m_llama.release();
        runCompare();
        QVERIFY2(m_window->comparePanel()->statusText().contains(u"Every column failed"), qPrintable(m_window->comparePanel()->statusText()));
    }

    // 3. Detect on a server shaped like Codestral (/v1/models owned by mistral, /v1/fim/completions,
    // no /v1/completions) names it Codestral, not OpenAI-style, and Test connection then passes.
    void detectAsksTheFimRouteItself()
    {
        FakeUpstream mistral;
        QVERIFY(mistral.listen());
        FakeServers::serve(mistral, EndpointKind::Codestral, QStringLiteral("return a + b"));
        open();
        QString detected;
        QString kind;
        QString tested;
        withSettings([&](SettingsDialog *dialog) {
            QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
            dialog->nameEdit()->selectAll();
            QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Mistral-like"));
            dialog->urlEdit()->selectAll();
            QTest::keyClicks(dialog->urlEdit(), mistral.url().toString());
            QTest::mouseClick(dialog->detectButton(), Qt::LeftButton);
            QTRY_VERIFY(dialog->detectButton()->isEnabled());
            detected = dialog->testResult()->text();
            kind = dialog->kindBox()->currentData().toString();
            QTest::keyClicks(dialog->secretEdit(), QStringLiteral("sk-mistral"));
            QSignalSpy finished(dialog, &SettingsDialog::testFinished);
            QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
            QVERIFY(finished.wait());
            tested = finished.first().at(1).toString();
            dialog->reject();
        });
        QVERIFY2(kind == u"codestral", qPrintable(kind + QStringLiteral(": ") + detected));
        QVERIFY2(detected.contains(u"/v1/fim/completions"), qPrintable(detected));
        QVERIFY2(!tested.contains(u"404"), qPrintable(tested));
        QVERIFY2(mistral.lastRequestTo("/v1/fim/completions").headers.value("authorization") == "Bearer sk-mistral", qPrintable(tested));
    }

    // 4. A key typed in Settings that the keychain cannot store is said at OK, and kept for this
    // session if the user says so: the next completion carries it; the settings file never holds it.
    void aKeyTheKeychainRefusesIsKeptForTheSession()
    {
        FakeServers::serve(*m_server, EndpointKind::Proxy, QStringLiteral("from_the_proxy()"));
        m_ctx->context->secrets()->setBackend(SecretStore::Backend::Off); // the keychain refuses every write
        open();
        QString asked;
        whenModal<QMessageBox>([&asked](QMessageBox *box) {
            asked = box->text();
            for (QAbstractButton *b : box->buttons())
                if (b->text() == u"Keep for This Session")
                    QTest::mouseClick(b, Qt::LeftButton);
        });
        QSignalSpy activated(m_ctx->context.get(), &AppContext::activeEndpointChanged);
        withSettings([&](SettingsDialog *dialog) {
            dialog->profileList()->setCurrentRow(0); // Local proxy
            QTest::keyClicks(dialog->secretEdit(), QStringLiteral("tok-session-only"));
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        QVERIFY2(asked.contains(u"could not store"), qPrintable(asked));
        QTRY_VERIFY(!activated.isEmpty()); // the profile is in use again, with the key it has now
        QVERIFY(activated.constLast().at(1).toBool());
        m_window->loadText(QStringLiteral("x = \n"), 4, QStringLiteral("x.py"));
        completeAtCursor();
        QCOMPARE(m_server->lastRequestTo("/v1/fim/completions").headers.value("authorization"), QByteArray("Bearer tok-session-only"));
        QTRY_VERIFY(m_window->editor()->hasSuggestion());
        QVERIFY(m_ctx->context->saveSettings());
        QFile file(m_ctx->settingsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("tok-session-only"));
    }
};

QTEST_MAIN(TestDemoEndpoints)
#include "tst_demoendpoints.moc"
