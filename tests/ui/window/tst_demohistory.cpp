#include "editor/codeeditor.h"
#include "fakeservers.h"
#include "history/historywriter.h"
#include "panels/comparepanel.h"
#include "panels/historypanel.h"
#include "panels/inspectorpanel.h"
#include "panels/resenddialog.h"
#include "testwindow.h"
#include "window/docklayout.h"
#include "window/requesttoolbar.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTime>
#include <QTimer>

// Issue 26, "A demo never stumbles": the History panel and the inspector tell the same story,
// through the whole window against a fake llama-server that streams (SSE without [DONE]): every
// answer stored as shown, whatever asked it; the inspector's rows stamped when asked and saying
// who asked; a replayed exchange shown as recorded; no symbol the font lacks.
class TestDemoHistory : public WindowTest
{
    Q_OBJECT

    std::unique_ptr<FakeUpstream> m_llama;

    HistoryPanel *history() const { return m_window->historyPanel(); }

    QPushButton *historyButton(const QString &text) const
    {
        for (QPushButton *b : history()->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return nullptr;
    }

    // Every row's text in one column of the History table, newest first.
    QStringList column(int index) const
    {
        QStringList out;
        const QAbstractItemModel *m = history()->table()->model();
        for (int row = 0; row < m->rowCount(); ++row)
            out << m->index(row, index).data().toString();
        return out;
    }

    // Waits until the history holds n exchanges and the panel shows them.
    void waitForRows(int n)
    {
        m_ctx->context->history()->flush();
        history()->refresh();
        QTRY_COMPARE(history()->rowCount(), n);
    }

    void clickRow(int row)
    {
        QTableView *table = history()->table();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());
    }

private slots:
    void init()
    {
        QVERIFY(setUpWindowTest());
        m_llama = std::make_unique<FakeUpstream>();
        QVERIFY(m_llama->listen());
        FakeServers::serve(*m_llama, EndpointKind::LlamaCpp, QStringLiteral("return a + b"), 5, 3, 0, false);
        AppSettings &s = m_ctx->context->settings();
        s.profiles.append(Endpoint(QStringLiteral("llama"), EndpointKind::LlamaCpp, m_llama->url()));
        s.activeProfile = QStringLiteral("llama");
        s.request.stream = true;
        s.prefetchNext = true;
    }
    void cleanup()
    {
        tearDownWindowTest();
        m_llama.reset();
    }

    // 6. Whatever asked it — the editor, the request asked ahead, Ask Again, an edited resend, a
    // Compare sweep — the History's Answer column shows the answer as the editor would, never the
    // raw stream; an exported row carries it; Compare's rows are marked and found by the mark.
    void everyExchangeStoresItsAnswerAsShown()
    {
        open();
        m_window->loadText(QStringLiteral("def add(a, b):\n    \n"), 19, QStringLiteral("add.py"));
        m_window->completion()->setAutoTrigger(true); // the next suggestion is asked ahead only then
        completeAtCursor();
        QTRY_VERIFY(m_window->editor()->hasSuggestion());
        QTRY_VERIFY(m_llama->requests().size() >= 1);
        // The next suggestion, asked ahead once the whole one is on screen.
        QTRY_COMPARE(m_window->inspectorPanel()->exchangeCount(), 2);
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        waitForRows(2);

        // Ask Again on the newest row.
        clickRow(0);
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        QTest::mouseClick(historyButton(QStringLiteral("Ask Again")), Qt::LeftButton);
        QVERIFY(timings.wait());
        waitForRows(3);
        clickRow(0); // the Ask Again row
        const QList<HistoryRecord> again = history()->selectedRecords();
        QCOMPARE(again.size(), 1);
        const QString exported = QDir::temp().filePath(QStringLiteral("fim-demo-history-%1.jsonl").arg(QCoreApplication::applicationPid()));
        QString error;
        QVERIFY2(history()->exportSelection(exported, &error), qPrintable(error));
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        file.remove();
        QCOMPARE(line.value(u"answer").toString(), QStringLiteral("return a + b"));

        // An edited resend from the inspector.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<ResendDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("resendSend")), Qt::LeftButton);
        });
        QTest::mouseClick(m_window->inspectorPanel()->resendButton(), Qt::LeftButton);
        QVERIFY(timings.wait());
        waitForRows(4);

        // A sweep in Compare: two columns, two rows marked compare.
        QLineEdit *values = m_window->comparePanel()->findChild<QLineEdit *>(QStringLiteral("sweepValues"));
        QSignalSpy done(m_window->comparePanel()->compareRun(), &CompareRun::finished);
        values->setFocus();
        QTest::keyClicks(values, QStringLiteral("0, 0.5"));
        QTest::keyClick(values, Qt::Key_Return);
        QVERIFY(done.wait());
        waitForRows(6);

        const QStringList answers = column(6);
        for (const QString &answer : answers)
            QVERIFY2(answer == u"return a + b", qPrintable(answers.join(u" | ")));
        QVERIFY2(column(1).filter(QStringLiteral("compare")).size() == 2, qPrintable(column(1).join(u" | ")));
        // The endpoint field finds the mark.
        QLineEdit *endpointField = nullptr;
        for (QLineEdit *e : history()->findChildren<QLineEdit *>())
            if (e->placeholderText() == u"endpoint")
                endpointField = e;
        QVERIFY(endpointField);
        endpointField->setFocus();
        QTest::keyClicks(endpointField, QStringLiteral("compare"));
        QTRY_COMPARE(history()->rowCount(), 2);
    }

    // 11. The inspector tells the table's story: a row says whether it was asked ahead, a
    // candidate or a sweep step; opened from History it is stamped when it was asked; replayed,
    // it shows the request as recorded (llama.cpp's /infill body, not a Codestral-shaped one to
    // replay://); and every character it writes is one its font has.
    void theInspectorTellsTheTablesStory()
    {
        open();
        InspectorPanel *inspector = m_window->inspectorPanel();
        m_window->loadText(QStringLiteral("def add(a, b):\n    \n"), 19, QStringLiteral("add.py"));
        m_window->completion()->setAutoTrigger(true);
        completeAtCursor();
        QTRY_COMPARE(inspector->exchangeCount(), 2); // and the next suggestion, asked ahead
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        waitForRows(2);

        // Two candidates (the toolbar's box, typed), then a sweep of two steps.
        auto *count = m_window->requestToolbar()->findChild<QSpinBox *>(QStringLiteral("candidateCount"));
        count->setFocus();
        count->selectAll();
        QTest::keyClicks(count, QStringLiteral("2"));
        m_window->completion()->setAutoTrigger(false);
        m_window->editor()->setFocus();
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::AltModifier);
        QTRY_COMPARE(timings.size(), 2);
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        QLineEdit *values = m_window->comparePanel()->findChild<QLineEdit *>(QStringLiteral("sweepValues"));
        QSignalSpy done(m_window->comparePanel()->compareRun(), &CompareRun::finished);
        values->setFocus();
        QTest::keyClicks(values, QStringLiteral("0, 0.5"));
        QTest::keyClick(values, Qt::Key_Return);
        QVERIFY(done.wait());
        QTRY_COMPARE(inspector->exchangeCount(), 6);
        QStringList rows;
        for (int i = 0; i < inspector->exchangeList()->count(); ++i)
            rows << inspector->exchangeList()->item(i)->text();
        const QString all = rows.join(u'\n');
        QVERIFY2(rows.filter(QStringLiteral("sweep")).size() == 2, qPrintable(all));
        QVERIFY2(rows.filter(QStringLiteral("candidate")).size() == 2, qPrintable(all));
        QVERIFY2(rows.filter(QStringLiteral("ahead")).size() == 1, qPrintable(all));

        // Opened from History a second later: stamped when it was asked, not now.
        waitForRows(6);
        const int oldest = history()->rowCount() - 1;
        clickRow(oldest);
        const QList<HistoryRecord> picked = history()->selectedRecords();
        QCOMPARE(picked.size(), 1);
        // The clock moves on, so that "now" and "when asked" differ on screen.
        const QString asked = picked.first().time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        QTRY_VERIFY_WITH_TIMEOUT(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) != asked, 3000);
        QTest::mouseClick(historyButton(QStringLiteral("Open in Inspector")), Qt::LeftButton);
        QTRY_COMPARE(inspector->exchangeCount(), 7);
        const QString opened = inspector->exchangeList()->item(0)->text();
        QVERIFY2(opened.startsWith(asked), qPrintable(opened + QStringLiteral(" / ") + asked));

        // Replayed: the request as llama-server got it.
        auto *box = m_window->findChild<QComboBox *>(QStringLiteral("profileBox"));
        box->setFocus();
        const int replay = box->findText(QStringLiteral("Replay (history)"));
        while (box->currentIndex() != replay)
            QTest::keyClick(box, replay > box->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
        QTRY_COMPARE(m_ctx->context->activeEndpoint().kind, EndpointKind::Replay);
        m_window->completion()->cache().clear();
        count->setFocus();
        count->selectAll();
        QTest::keyClicks(count, QStringLiteral("1"));
        m_window->loadText(QStringLiteral("def add(a, b):\n    \n"), 19, QStringLiteral("add.py"));
        completeAtCursor();
        QTRY_VERIFY(m_window->editor()->hasSuggestion());
        QTRY_COMPARE(inspector->exchangeCount(), 8);
        inspector->exchangeList()->setCurrentRow(0);
        const QString request = inspector->requestText();
        QVERIFY2(request.contains(QStringLiteral("POST ") + m_llama->url().toString() + QStringLiteral("/infill")), qPrintable(request));
        QVERIFY2(request.contains(u"\"input_prefix\""), qPrintable(request));
        QVERIFY2(inspector->exchangeList()->item(0)->text().contains(u"llamacpp"), qPrintable(inspector->exchangeList()->item(0)->text()));

        // No line starts with (nor holds) a symbol the font lacks.
        for (QPlainTextEdit *pane : inspector->findChildren<QPlainTextEdit *>()) {
            const QFontMetrics metrics(pane->font());
            const QString text = pane->toPlainText();
            for (const char32_t ch : text.toUcs4())
                QVERIFY2(ch < 0x20 || metrics.inFontUcs4(ch), qPrintable(QStringLiteral("U+%1 in: %2").arg(uint(ch), 4, 16, QLatin1Char('0')).arg(text.left(200))));
        }
    }
};

QTEST_MAIN(TestDemoHistory)
#include "tst_demohistory.moc"
