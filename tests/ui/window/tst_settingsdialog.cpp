#include "fakeservers.h"
#include "fakeupstream.h"
#include "settings/secretstore.h"
#include "testcontext.h"
#include "testwindow.h"
#include "window/editorsettingspage.h"
#include "window/settingsdialog.h"
#include "window/templateeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QDialogButtonBox>
#include <QTest>

// The settings dialog on the context of a playground (settings in a scratch folder, secrets in
// memory), with its Test connection against the fake upstream.
class TestSettingsDialog : public WindowTest
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUpWindowTest()); }
    void cleanup() { tearDownWindowTest(); }

    void settingsRoundTripWithoutSecrets()
    {
        SettingsDialog dialog(m_ctx->context.get(), {QStringLiteral("Breeze Dark")});
        dialog.addButton()->click();
        dialog.nameEdit()->setText(QStringLiteral("Staging"));
        dialog.kindBox()->setCurrentIndex(1);
        dialog.urlEdit()->setText(QStringLiteral("ftp://nope"));
        dialog.secretEdit()->setText(QStringLiteral("sk-typed-secret"));
        dialog.accept(); // refused: the URL is not http(s)
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("http://")), qPrintable(dialog.errorLabel()->text()));
        dialog.urlEdit()->setText(QStringLiteral("https://staging.example.com/fim"));
        EditorSettingsPage *editor = dialog.editorPage();
        QCOMPARE(editor->debounceModeBox()->currentData().toBool(), true); // adaptive by default
        QVERIFY(editor->debounceMinBox()->isEnabled());
        editor->debounceModeBox()->setCurrentIndex(1); // fixed: the bounds do not apply
        QVERIFY(!editor->debounceMinBox()->isEnabled());
        editor->debounceBox()->setValue(123);
        editor->debounceMinBox()->setValue(150);
        editor->debounceMaxBox()->setValue(90); // under the minimum: taken as the minimum
        QVERIFY(editor->prefetchBox()->isChecked());
        editor->prefetchBox()->setChecked(false);
        QVERIFY(!editor->showConfidenceBox()->isChecked()); // off by default: requests ask for no probabilities
        QCOMPARE(editor->hideBelowBox()->value(), 0.0);
        QCOMPARE(editor->hideBelowBox()->text(), QStringLiteral("off"));
        editor->showConfidenceBox()->setChecked(true);
        editor->hideBelowBox()->setValue(0.35);
        dialog.accept();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted)); // once the keychain has the typed key
        QCOMPARE(dialog.settings().profiles.size(), 4); // the local proxy, Codestral, the replay, Staging
        m_ctx->context->settings() = dialog.settings();
        QVERIFY(m_ctx->context->saveSettings());

        QFile file(m_ctx->settingsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("staging.example.com"));
        QVERIFY(!stored.contains("sk-typed-secret"));

        m_ctx->restart();
        const AppSettings &again = m_ctx->context->settings();
        QCOMPARE(again.profiles.size(), 4);
        QCOMPARE(again.profiles.at(2).kind, EndpointKind::Replay);
        QCOMPARE(again.profiles.at(2).replaySpeed, 1.0);
        QCOMPARE(again.profiles.at(3).name, QStringLiteral("Staging"));
        QCOMPARE(again.profiles.at(3).kind, EndpointKind::Codestral);
        QCOMPARE(again.profiles.at(3).baseUrl, QUrl(QStringLiteral("https://staging.example.com/fim")));
        QCOMPARE(again.debounceMs, 123);
        QVERIFY(!again.adaptiveDebounce);
        QCOMPARE(again.debounceMinMs, 150);
        QCOMPARE(again.debounceMaxMs, 150);
        QVERIFY(!again.prefetchNext);
        QVERIFY(again.confidence.show);
        QCOMPARE(again.confidence.hideBelow, 0.35);
        QCOMPARE(again.confidence.nProbs(), SuggestionConfidence::Alternatives);
    }

    // OK stores the typed key before the dialog closes; Escape (or Cancel) in that moment is
    // refused, so the keychain and the settings never part: the key stored, the settings applied.
    void cancelWhileStoringIsRefused()
    {
        SettingsDialog dialog(m_ctx->context.get(), {QStringLiteral("Breeze Dark")});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.addButton()->click();
        dialog.nameEdit()->setText(QStringLiteral("Team"));
        dialog.urlEdit()->setText(QStringLiteral("https://team.example.com/fim"));
        dialog.secretEdit()->setText(QStringLiteral("sk-team"));
        dialog.accept(); // the keychain answers on a later turn of the event loop
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not yet accepted
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("keychain")), qPrintable(dialog.errorLabel()->text()));
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QVERIFY(!buttons->button(QDialogButtonBox::Cancel)->isEnabled());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(dialog.isVisible()); // refused while storing
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(buttons->button(QDialogButtonBox::Cancel)->isEnabled());
        QCOMPARE(dialog.settings().profiles.last().name, QStringLiteral("Team"));
        std::optional<QString> stored;
        m_ctx->context->secrets()->read(dialog.settings().profiles.last(), this,
                                        [&stored](const QString &secret, const QString &) { stored = secret; });
        QTRY_VERIFY(stored.has_value());
        QCOMPARE(*stored, QStringLiteral("sk-team"));
    }

    // A replay profile has a speed and no key; the speed is kept with the profile.
    void aReplayProfileHasASpeedAndNoKey()
    {
        SettingsDialog dialog(m_ctx->context.get(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.profileList()->setCurrentRow(0); // the local proxy
        QVERIFY(dialog.secretEdit()->isVisible());
        QVERIFY(!dialog.replaySpeedBox()->isVisible());
        dialog.profileList()->setCurrentRow(2); // Replay (history)
        QCOMPARE(dialog.kindBox()->currentData().toString(), QStringLiteral("replay"));
        QVERIFY(dialog.replaySpeedBox()->isVisible());
        QVERIFY(!dialog.secretEdit()->isVisible());
        dialog.replaySpeedBox()->selectAll();
        QTest::keyClicks(dialog.replaySpeedBox(), QStringLiteral("2.5"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        m_ctx->context->settings() = dialog.settings();
        QVERIFY(m_ctx->context->saveSettings());
        m_ctx->restart();
        QCOMPARE(m_ctx->context->settings().profiles.at(2).replaySpeed, 2.5);
    }

    void testConnectionReportsHealthAndACompletion()
    {
        SettingsDialog dialog(m_ctx->context.get(), {});
        dialog.profileList()->setCurrentRow(0);
        QSignalSpy finished(&dialog, &SettingsDialog::testFinished);
        dialog.testButton()->click();
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY2(dialog.testResult()->text().contains(QStringLiteral("Health: ok")), qPrintable(dialog.testResult()->text()));
        QVERIFY(dialog.testResult()->text().contains(QStringLiteral("return a + b")));
    }

    // Test connection's keychain read may answer after the dialog is closed: nobody is called.
    void testConnectionOnAClosedDialog()
    {
        auto *dialog = new SettingsDialog(m_ctx->context.get(), {});
        dialog->profileList()->setCurrentRow(0);
        dialog->testButton()->click(); // reads the secret first: the answer comes later
        delete dialog;
        QTest::qWait(300);
    }

    // OK changes only what was touched: not the font; secrets follow renamed and removed profiles.
    void settingsOkChangesOnlyWhatWasTouched()
    {
        SecretStore *secrets = m_ctx->context->secrets();
        bool stored = false;
        secrets->write(QStringLiteral("Codestral"), QStringLiteral("sk-1"), this, [&stored](const QString &) { stored = true; });
        QTRY_VERIFY(stored);
        m_ctx->context->settings().timeouts.firstByteMs = 800; // not a whole second
        SettingsDialog dialog(m_ctx->context.get(), {});
        dialog.profileList()->setCurrentRow(1); // Codestral
        dialog.nameEdit()->setText(QStringLiteral("Mistral EU"));
        dialog.profileList()->setCurrentRow(0);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.settings().fontFamily, QString());
        QCOMPARE(dialog.settings().timeouts.firstByteMs, 800);
        const Endpoint renamed{QStringLiteral("Mistral EU"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()};
        const Endpoint old{QStringLiteral("Codestral"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()};
        auto read = [secrets, this](const Endpoint &e) {
            std::optional<QString> got;
            secrets->read(e, this, [&got](const QString &s, const QString &) { got = s; });
            if (!QTest::qWaitFor([&got] { return got.has_value(); }, 5000))
                return QStringLiteral("<no answer>");
            return got.value_or(QStringLiteral("<none>"));
        };
        QTRY_COMPARE(read(renamed), QStringLiteral("sk-1"));
        QCOMPARE(read(old), QString());
        // Removing the profile removes its secret.
        m_ctx->context->settings() = dialog.settings();
        SettingsDialog again(m_ctx->context.get(), {});
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        again.profileList()->setCurrentRow(1);
        again.removeButton()->click();
        again.accept();
        QCOMPARE(again.settings().profiles.size(), 2);
        QTRY_COMPARE(read(renamed), QString());
        // The four timeouts are there to set.
        SettingsDialog third(m_ctx->context.get(), {});
        third.timeoutBox(3)->setValue(90);
        third.accept();
        QCOMPARE(third.settings().timeouts.totalMs, 90000);
    }

    // A new profile for a local server: Detect sets the kind, a template is chosen, and both
    // survive the next start.
    void detectAndTemplateRoundTrip()
    {
        FakeUpstream ollama;
        QVERIFY(ollama.listen());
        FakeServers::serve(ollama, EndpointKind::Ollama, QStringLiteral("x"));
        SettingsDialog dialog(m_ctx->context.get(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.addButton()->click();
        dialog.nameEdit()->setText(QStringLiteral("Ollama here"));
        dialog.urlEdit()->setText(ollama.url().toString());
        QTest::mouseClick(dialog.detectButton(), Qt::LeftButton);
        QTRY_VERIFY2(dialog.testResult()->text().contains(u"Found Ollama 0.12.6"), qPrintable(dialog.testResult()->text()));
        QCOMPARE(dialog.kindBox()->currentData().toString(), QStringLiteral("ollama"));
        QVERIFY(dialog.templateEditor()->isEnabled());
        QComboBox *choice = dialog.templateEditor()->choiceBox();
        choice->setCurrentIndex(choice->findData(QStringLiteral("deepseek")));
        QVERIFY(dialog.templateEditor()->preview()->toPlainText().startsWith(QString::fromUtf8("<\uFF5Cfim\u2581begin\uFF5C>")));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        m_ctx->context->settings() = dialog.settings();
        QVERIFY(m_ctx->context->saveSettings());
        m_ctx->restart();
        const Endpoint &e = m_ctx->context->settings().profiles.constLast();
        QCOMPARE(e.name, QStringLiteral("Ollama here"));
        QCOMPARE(e.kind, EndpointKind::Ollama);
        QCOMPARE(e.promptTemplate, QStringLiteral("deepseek"));

        // Nothing there: Detect says so and leaves the kind alone.
        SettingsDialog again(m_ctx->context.get(), {});
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        again.profileList()->setCurrentRow(again.profileList()->count() - 1);
        again.urlEdit()->setText(QStringLiteral("http://127.0.0.1:1"));
        QTest::mouseClick(again.detectButton(), Qt::LeftButton);
        QTRY_VERIFY2(again.testResult()->text().contains(u"No FIM server answers"), qPrintable(again.testResult()->text()));
        QCOMPARE(again.kindBox()->currentData().toString(), QStringLiteral("ollama"));
        QVERIFY(again.detectButton()->isEnabled());
    }

    // Test connection on a new Ollama profile with no model chosen: the first model that can fill in
    // the middle is used, and the summary names it.
    void testConnectionPicksAnOllamaModel()
    {
        FakeUpstream ollama;
        QVERIFY(ollama.listen());
        FakeServers::serve(ollama, EndpointKind::Ollama, QStringLiteral("a + b"));
        SettingsDialog dialog(m_ctx->context.get(), {});
        dialog.addButton()->click();
        dialog.kindBox()->setCurrentIndex(dialog.kindBox()->findData(QStringLiteral("ollama")));
        dialog.urlEdit()->setText(ollama.url().toString());
        QSignalSpy finished(&dialog, &SettingsDialog::testFinished);
        dialog.testButton()->click();
        QVERIFY(finished.wait());
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        const QString summary = finished.first().at(1).toString();
        QVERIFY2(summary.contains(u"Model: qwen2.5-coder:1.5b.") && summary.contains(u"a + b"), qPrintable(summary));
        QCOMPARE(ollama.requests().constLast().json().value(u"model").toString(), QStringLiteral("qwen2.5-coder:1.5b"));

        // No model at all: one look at the list, then the completion's own words.
        ollama.setReply("/api/tags", FakeUpstream::json(200, R"({"models":[]})"));
        finished.clear();
        dialog.testButton()->click();
        QVERIFY(finished.wait());
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(finished.first().at(1).toString().contains(u"ollama pull"), qPrintable(finished.first().at(1).toString()));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
