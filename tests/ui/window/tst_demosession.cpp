#include "editor/codeeditor.h"
#include "editor/editordecorations.h"
#include "fakeservers.h"
#include "net/healthmonitor.h"
#include "panels/modelspanel.h"
#include "testwindow.h"
#include "window/samples.h"
#include "window/settingsdialog.h"
#include "window/statusindicators.h"
#include "window/templateeditor.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTextBlock>
#include <QTimer>

// Issue 26, "A demo never stumbles": the document, the session, the template editor and the side
// panels as a demo-giver meets them, through the whole window with real keys and clicks.
class TestDemoSession : public WindowTest
{
    Q_OBJECT

    std::unique_ptr<FakeUpstream> m_llama;

    // Runs fn on the next modal window of type T as soon as it shows.
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

    // Presses a message box's button by its text.
    static void press(QMessageBox *box, const QString &text)
    {
        for (QAbstractButton *b : box->buttons())
            if (b->text().remove(u'&') == text) {
                QTest::mouseClick(b, Qt::LeftButton);
                return;
            }
        QFAIL(qPrintable(text));
    }

    QMenu *menu(const QString &title) const
    {
        for (QAction *a : m_window->menuBar()->actions())
            if (a->text() == title)
                return a->menu();
        return nullptr;
    }

    bool sessionHolds(const char *text) const
    {
        QFile f(m_ctx->sessionPath());
        return f.open(QIODevice::ReadOnly) && f.readAll().contains(text);
    }

    void useLlama()
    {
        m_llama = std::make_unique<FakeUpstream>();
        QVERIFY(m_llama->listen());
        FakeServers::serve(*m_llama, EndpointKind::LlamaCpp, QStringLiteral("return a + b"), 0, 1, 0, false);
        AppSettings &s = m_ctx->context->settings();
        s.profiles.append(Endpoint(QStringLiteral("llama"), EndpointKind::LlamaCpp, m_llama->url()));
        s.activeProfile = QStringLiteral("llama");
    }

private slots:
    void init()
    {
        QVERIFY(setUpWindowTest());
        FakeServers::serve(*m_server, EndpointKind::Proxy, QStringLiteral("compute(6)"), 0, 1, 0, false);
    }
    void cleanup()
    {
        tearDownWindowTest();
        m_llama.reset();
    }

    // 7. After a suggestion at line 6, Samples ▸ another sample ▸ Discard: the new buffer is not
    // faded as "not sent", and the gutter holds no bracket of the old one.
    void aNewDocumentClearsTheWindowSent()
    {
        m_ctx->context->settings().limits = ContextLimits{4096, 4096, 2, 1};
        open();
        QString doc;
        for (int i = 0; i < 10; ++i)
            doc += QStringLiteral("value_%1 = compute(%1)\n").arg(i);
        m_window->loadText(doc, 0, QStringLiteral("values.py"));
        QTextCursor c(m_window->editor()->document()->findBlockByNumber(5));
        c.movePosition(QTextCursor::EndOfBlock);
        m_window->editor()->setTextCursor(c);
        completeAtCursor();
        const EditorDecorations &d = m_window->editor()->decorations();
        QVERIFY(d.isShading());
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        QTest::keyClicks(m_window->editor(), QStringLiteral(" # changed")); // unsaved: Discard is asked
        whenModal<QMessageBox>([](QMessageBox *box) { press(box, QStringLiteral("Discard")); });
        const QList<Sample> samples = builtInSamples();
        QVERIFY(samples.size() > 1);
        chooseMenuAction(menu(QStringLiteral("&Samples")), samples.at(1).title);
        QTRY_COMPARE(m_window->editor()->toPlainText(), samples.at(1).text);
        QVERIFY2(!d.isShading(), "the new buffer is faded as not sent");
        QVERIFY2(!d.hasSentWindow(), "the gutter keeps the old bracket");
    }

    // 8. Discard at the quit prompt: the next start does not bring the discarded text back — an
    // untitled buffer is gone, a file comes back as saved.
    void discardAtQuitIsGone()
    {
        open();
        m_window->loadText(QStringLiteral("kept = 1\n"), 9, QStringLiteral("scratch.py"));
        QTest::keyClicks(m_window->editor(), QStringLiteral("discarded_text = 2"));
        // The session is written a second after the change, as in real use.
        QTRY_VERIFY_WITH_TIMEOUT(sessionHolds("discarded_text"), 5000);
        whenModal<QMessageBox>([](QMessageBox *box) { press(box, QStringLiteral("Discard")); });
        QTest::keyClick(m_window->editor(), Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!m_window->isVisible());
        m_window.reset();
        m_ctx->restart(m_server->url());
        open();
        QVERIFY2(!m_window->editor()->toPlainText().contains(u"discarded_text"), qPrintable(m_window->editor()->toPlainText()));
        QVERIFY(!m_window->editor()->document()->isModified());

        // A file: it comes back as saved on disk.
        const QString path = m_ctx->dir.filePath(QStringLiteral("saved.py"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("on_disk = 1\n");
        }
        m_window.reset();
        PlaygroundOptions options;
        options.file = path;
        open(options);
        QTest::keyClick(m_window->editor(), Qt::Key_End);
        QTest::keyClicks(m_window->editor(), QStringLiteral(" + discarded"));
        QTRY_VERIFY_WITH_TIMEOUT(sessionHolds("+ discarded"), 5000);
        whenModal<QMessageBox>([](QMessageBox *box) { press(box, QStringLiteral("Discard")); });
        QTest::keyClick(m_window->editor(), Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!m_window->isVisible());
        m_window.reset();
        m_ctx->restart(m_server->url());
        open();
        QCOMPARE(m_window->editor()->toPlainText(), QStringLiteral("on_disk = 1\n"));
        QVERIFY(!m_window->editor()->document()->isModified());
    }

    // 9. Typing in the Template box with a built-in (Qwen2.5-Coder) chosen makes it one's own.
    void typingInABuiltInTemplateMakesItOnesOwn()
    {
        useLlama();
        open();
        QString typed;
        QString choice;
        whenModal<SettingsDialog>([&](SettingsDialog *dialog) {
            dialog->profileList()->setCurrentRow(dialog->profileList()->count() - 1); // llama
            TemplateEditor *t = dialog->templateEditor();
            QComboBox *box = t->choiceBox();
            box->setFocus();
            const int qwen = box->findData(QStringLiteral("qwen"));
            QVERIFY(qwen >= 0);
            while (box->currentIndex() != qwen)
                QTest::keyClick(box, qwen > box->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
            QPlainTextEdit *text = t->textEdit();
            QTest::mouseClick(text->viewport(), Qt::LeftButton);
            QTest::keyClick(text, Qt::Key_End, Qt::ControlModifier);
            QTest::keyClicks(text, QStringLiteral("# mine"));
            typed = text->toPlainText();
            choice = box->currentData().toString();
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        QTest::keyClick(m_window->editor(), Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QVERIFY2(typed.endsWith(u"# mine"), qPrintable(typed));
        QCOMPARE(choice, QStringLiteral("custom"));
        const Endpoint &llama = m_ctx->context->settings().profiles.constLast();
        QCOMPARE(llama.promptTemplate, QStringLiteral("custom"));
        QVERIFY(llama.customTemplate.startsWith(u"<|fim_prefix|>") && llama.customTemplate.endsWith(u"# mine"));
    }

    // 10. A refused request turns Health red at once (not at the next 30 s check); once the server
    // is back, an answer turns it green and brings the model list back.
    void requestsKeepHealthAndModelsCurrent()
    {
        useLlama();
        m_ctx->context->settings().healthIntervalMs = 30000;
        open();
        HealthMonitor *health = m_ctx->context->health();
        QTRY_COMPARE(health->last().state, HealthReport::State::Ok);
        QTRY_VERIFY(!m_window->modelsPanel()->modelIds().isEmpty());
        const quint16 port = m_llama->port();
        m_llama.reset(); // llama-server stops
        m_window->loadText(QStringLiteral("def add(a, b):\n    \n"), 19, QStringLiteral("add.py"));
        completeAtCursor();
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"Could not connect"));
        QTRY_COMPARE_WITH_TIMEOUT(health->last().state, HealthReport::State::Down, 3000);
        QVERIFY2(m_window->indicators()->healthText().contains(u"Down"), qPrintable(m_window->indicators()->healthText()));
        QPushButton *refresh = nullptr;
        for (QPushButton *b : m_window->modelsPanel()->findChildren<QPushButton *>())
            if (b->text() == u"Refresh")
                refresh = b;
        QTest::mouseClick(refresh, Qt::LeftButton);
        QTRY_VERIFY(m_window->modelsPanel()->noteText().contains(u"Could not connect"));

        m_llama = std::make_unique<FakeUpstream>(); // and comes back on its port
        QVERIFY(m_llama->listen(port));
        FakeServers::serve(*m_llama, EndpointKind::LlamaCpp, QStringLiteral("return a + b"), 0, 1, 0, false);
        m_window->editor()->setFocus();
        completeAtCursor();
        QTRY_VERIFY(m_window->editor()->hasSuggestion());
        QTRY_COMPARE_WITH_TIMEOUT(health->last().state, HealthReport::State::Ok, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->modelsPanel()->modelIds().isEmpty(), 3000);
        QVERIFY2(!m_window->modelsPanel()->noteText().contains(u"Could not connect"), qPrintable(m_window->modelsPanel()->noteText()));
    }
};

QTEST_MAIN(TestDemoSession)
#include "tst_demosession.moc"
