#include "editor/codeeditor.h"
#include "fakeservers.h"
#include "history/historystore.h"
#include "history/historywriter.h"
#include "panels/comparecolumn.h"
#include "panels/comparepanel.h"
#include "panels/expectedansweredit.h"
#include "testwindow.h"
#include "window/contextcollector.h"
#include "window/requesttoolbar.h"
#include "window/savecasedialog.h"
#include "window/suiteactions.h"
#include "window/suitedialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QScopeGuard>
#include <QTimer>

// Prompt suites in the window, driven by keys and clicks against a fake proxy that answers
// "return a + b" to everything (and fails "boom"): Completion ▸ Save Cursor as Case… writes the
// case with the ghost text as its expectation; a suite with a malformed line runs the rest and
// says which line; the table, the figures and the diff of a row; File ▸ Run the Example Suite
// with two Compare variants runs every case against both; Compare at a saved case's place scores
// its columns against the case's expected answer.
class TestSuiteActions : public WindowTest
{
    Q_OBJECT

    QMenu *menu(const QString &title)
    {
        for (QAction *a : m_window->menuBar()->actions())
            if (a->text() == title)
                return a->menu();
        return nullptr;
    }

    void serve()
    {
        FakeServers::serveWith(*m_server, EndpointKind::Proxy, [](const QJsonObject &) { return QStringLiteral("return a + b"); }, 5, 2, 10,
                               [](const QJsonObject &body) { return body.value(u"prompt").toString() == u"boom"; });
    }

private slots:
    void init() { QVERIFY(setUpWindowTest()); }
    void cleanup() { tearDownWindowTest(); }

    void aCaseSavedAtTheCursorRunsInASuite()
    {
        serve();
        open();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.jsonl"));
        m_window->loadText(QStringLiteral("def add(a, b):\n    \n"), 19, QStringLiteral("add.py"));
        m_window->editor()->setFocus();
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(timings.wait());
        QTRY_COMPARE(m_window->editor()->suggestion(), QStringLiteral("return a + b"));

        bool saw = false;
        // The dialog is modal: act on it from a timer once it is up.
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<SaveCaseDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll.stop();
            saw = true;
            auto closeOnFailure = qScopeGuard([dialog] {
                if (dialog->isVisible())
                    dialog->reject();
            });
            QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("untitled:2")); // no file yet: the line alone
            QCOMPARE(dialog->expectedEdit()->toPlainText(), QStringLiteral("return a + b"));
            // A folder that does not exist: said, the dialog stays.
            dialog->pathEdit()->setText(dir.filePath(QStringLiteral("no/such/mine.jsonl")));
            QTest::keyClick(dialog->pathEdit(), Qt::Key_Return);
            QVERIFY(dialog->isVisible());
            QVERIFY2(dialog->errorLabel()->text().contains(u"nothing was saved"), qPrintable(dialog->errorLabel()->text()));
            dialog->pathEdit()->clear();
            QTest::keyClicks(dialog->pathEdit(), path);
            dialog->nameEdit()->selectAll();
            QTest::keyClicks(dialog->nameEdit(), QStringLiteral("add"));
            QTest::keyClick(dialog->pathEdit(), Qt::Key_Return);
        });
        poll.start();
        chooseMenuAction(menu(QStringLiteral("&Completion")), QStringLiteral("Save Cursor as Case…"));
        QVERIFY(saw);
        QString error;
        std::optional<PromptSuite> saved = PromptSuite::load(path, &error);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->cases.size(), 1);
        QCOMPARE(saved->cases.at(0).name, QStringLiteral("add"));
        QCOMPARE(saved->cases.at(0).request.prompt, QStringLiteral("def add(a, b):\n    "));
        QCOMPARE(saved->cases.at(0).request.suffix, QStringLiteral("\n"));
        QCOMPARE(saved->cases.at(0).expected, std::optional<QString>(QStringLiteral("return a + b")));
        QVERIFY(saved->cases.at(0).request.extra.isEmpty()); // nothing pinned, nothing in the ring
        // With a file pinned, the case carries it as its context, and the file it was asked in.
        QTemporaryDir pins;
        QFile helper(pins.filePath(QStringLiteral("helpers.py")));
        QVERIFY(helper.open(QIODevice::WriteOnly));
        helper.write("def helper():\n    return 42\n");
        helper.close();
        m_window->contextCollector()->pin(helper.fileName());
        QTest::keyClick(m_window->editor(), Qt::Key_Escape); // no answer on screen: what a request now would carry
        QVERIFY(!m_window->editor()->hasSuggestion());
        const SuiteCase pinned = m_window->suiteActions()->caseAtCursor();
        QCOMPARE(pinned.request.extra, (QList<ContextChunk>{{QStringLiteral("helpers.py"), QStringLiteral("def helper():\n    return 42\n")}}));
        QCOMPARE(PromptSuite::parse(PromptSuite::lineOf(pinned)).cases.at(0).request.extra, pinned.request.extra);
        m_window->contextCollector()->unpin(helper.fileName());
        QCOMPARE(m_ctx->context->settings().lastSuite, path);

        // Two more lines by hand: one broken, one expecting something else, one that fails.
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"name\": \"broken\", \"prompt\": \n"
                   "{\"name\": \"mul\", \"prompt\": \"def mul(a, b):\\n    \", \"expected\": \"return a * b\"}\n"
                   "{\"name\": \"boom\", \"prompt\": \"boom\"}\n");
        file.close();
        m_window->suiteActions()->runSuiteFile(path);
        SuiteDialog *dialog = m_window->suiteActions()->dialog();
        QVERIFY(dialog);
        QSignalSpy finished(dialog->run(), &SuiteRun::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->problemLabel()->text().contains(u"line 2: not JSON"), qPrintable(dialog->problemLabel()->text()));
        QTableWidget *summary = dialog->summaryTable();
        QCOMPARE(summary->rowCount(), 1);
        QCOMPARE(summary->item(0, 0)->text(), QStringLiteral("Local proxy"));
        QCOMPARE(summary->item(0, 1)->text(), QStringLiteral("3"));
        QCOMPARE(summary->item(0, 2)->text(), QStringLiteral("1"));
        QCOMPARE(summary->item(0, 5)->text(), QStringLiteral("1/2 (50%)"));
        QVERIFY(summary->item(0, 3)->text().endsWith(u" ms") && !summary->item(0, 3)->text().startsWith(u"–"));
        // The metrics over add (right) and mul ("return a * b", one character off): line EM add only;
        // identifier EM both ([a, b], return a keyword); ES 1 and 1 − 1/12: mean 23/24 = 96, p50 the
        // first of two 92, p95 100; identifier F1 1 and 1; chrF 1 and (8/9 + 6/8 + 5/7 + 4/6 + 3/5 +
        // 2/4) / 6 = 0.687 (white space dropped, P = R): mean 84, p50 69, p95 100.
        QCOMPARE(summary->horizontalHeaderItem(9)->text(), QStringLiteral("ES"));
        QVERIFY(summary->horizontalHeaderItem(9)->toolTip().contains(u"Edit similarity"));
        QCOMPARE(summary->item(0, 7)->text(), QStringLiteral("1/2 (50%)"));
        QCOMPARE(summary->item(0, 8)->text(), QStringLiteral("2/2 (100%)"));
        QCOMPARE(summary->item(0, 9)->text(), QStringLiteral("96 (92/100)"));
        QCOMPARE(summary->item(0, 10)->text(), QStringLiteral("100 (100/100)"));
        QCOMPARE(summary->item(0, 11)->text(), QStringLiteral("84 (69/100)"));
        QTableWidget *results = dialog->resultTable();
        QCOMPARE(results->rowCount(), 3);
        int mulRow = -1;
        for (int r = 0; r < results->rowCount(); ++r)
            if (results->item(r, 0)->text() == u"mul")
                mulRow = r;
        QVERIFY(mulRow >= 0);
        QCOMPARE(results->item(mulRow, 2)->text(), QStringLiteral("✗ differs"));
        dialog->activateWindow();
        const QRect rect = results->visualItemRect(results->item(mulRow, 0));
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY2(dialog->diffView()->toPlainText().contains(u"They part at character 10"), qPrintable(dialog->diffView()->toPlainText()));
        QVERIFY(dialog->diffView()->toPlainText().contains(u"return a * b"));
        // That case's metrics under it.
        QVERIFY2(dialog->diffView()->toPlainText().contains(u"Exact ✗ · first line ✗ · edit similarity 92 · chrF 69"),
                 qPrintable(dialog->diffView()->toPlainText()));
        QVERIFY(dialog->diffView()->toPlainText().contains(u"Identifiers: exact ✓ · precision 100 · recall 100 · F1 100"));

        // The exchanges are in the history, marked "suite", with the answer as cleaned.
        m_ctx->context->history()->flush();
        HistoryStore store;
        QVERIFY2(store.open(m_ctx->historyPath(), &error), qPrintable(error));
        HistoryStore::Query suiteRows;
        suiteRows.text = QStringLiteral("def mul");
        const QList<HistoryRecord> rows = store.search(suiteRows, 10);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).source, QStringLiteral("suite"));
        QCOMPARE(rows.at(0).cleanedAnswer, QStringLiteral("return a + b"));

        // A sweep in Compare at the saved case's place takes its expected answer, and scores each
        // column against it; a line up, the case's answer does not follow.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        ComparePanel *compare = m_window->comparePanel();
        auto *values = compare->findChild<QLineEdit *>(QStringLiteral("sweepValues"));
        QVERIFY(values);
        QSignalSpy compared(compare->compareRun(), &CompareRun::finished);
        values->setFocus();
        QTest::keyClicks(values, QStringLiteral("0, 0.5"));
        QTest::keyClick(values, Qt::Key_Return);
        QVERIFY(compared.wait());
        QCOMPARE(compare->expectedEdit()->toPlainText(), QStringLiteral("return a + b"));
        QVERIFY2(compare->statusText().contains(u"the case “add”"), qPrintable(compare->statusText()));
        QCOMPARE(compare->columns().size(), 2);
        for (const CompareColumn *column : compare->columns())
            QCOMPARE(column->scoresText(), QStringLiteral("EM ✓ · line ✓ · ES 100 · chrF 100 · id EM ✓ · id F1 100"));
        m_window->editor()->setFocus();
        QTest::keyClick(m_window->editor(), Qt::Key_Up);
        values->setFocus();
        QTest::keyClick(values, Qt::Key_Return);
        QVERIFY(compared.wait());
        QVERIFY(compare->expectedEdit()->toPlainText().isEmpty());
        for (const CompareColumn *column : compare->columns())
            QVERIFY(column->scoresText().isEmpty());
    }

    void theExampleSuiteRunsWithEveryCheckedVariant()
    {
        serve();
        open();
        for (const char *model : {"codestral-latest", "codestral-2405"}) {
            FimRequest v = m_window->requestToolbar()->parameters();
            v.model = QString::fromLatin1(model);
            m_window->requestToolbar()->setParameters(v);
            QVERIFY(m_window->comparePanel()->saveCurrentAs(QString::fromLatin1(model)));
        }
        chooseMenuAction(menu(QStringLiteral("&File")), QStringLiteral("Run the E&xample Suite (the Four Samples)"));
        QTRY_VERIFY(m_window->suiteActions()->dialog());
        SuiteDialog *dialog = m_window->suiteActions()->dialog();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->resultTable()->rowCount(), 8, 10000);
        QTRY_VERIFY(!dialog->run()->isRunning());
        QCOMPARE(dialog->summaryTable()->rowCount(), 2);
        QCOMPARE(dialog->summaryTable()->item(0, 0)->text(), QStringLiteral("codestral-latest"));
        QCOMPARE(dialog->summaryTable()->item(1, 0)->text(), QStringLiteral("codestral-2405"));
        // "return a + b" is python_sum's expected answer: one exact match per variant. The other three
        // share none of its identifiers a and b (the samples name no file: every keyword list, so
        // return and self are left out): identifier F1 1, 0, 0, 0: mean 25, p50 0, p95 100.
        for (int t = 0; t < 2; ++t) {
            QCOMPARE(dialog->summaryTable()->item(t, 1)->text(), QStringLiteral("4"));
            QCOMPARE(dialog->summaryTable()->item(t, 5)->text(), QStringLiteral("1/4 (25%)"));
            QCOMPARE(dialog->summaryTable()->item(t, 7)->text(), QStringLiteral("1/4 (25%)"));
            QCOMPARE(dialog->summaryTable()->item(t, 8)->text(), QStringLiteral("1/4 (25%)"));
            QCOMPARE(dialog->summaryTable()->item(t, 10)->text(), QStringLiteral("25 (0/100)"));
        }
        QStringList models;
        for (const FakeUpstream::Recorded &r : m_server->requests())
            if (r.path == "/v1/fim/completions")
                models << r.json().value(u"model").toString();
        QCOMPARE(models.count(QStringLiteral("codestral-latest")), 4);
        QCOMPARE(models.count(QStringLiteral("codestral-2405")), 4);
    }

    // Quitting with a suite in flight: nothing of the run reaches what is gone (ASan runs this too).
    void quittingMidSuiteIsSafe()
    {
        FakeServers::serveWith(*m_server, EndpointKind::Proxy, [](const QJsonObject &) { return QStringLiteral("x"); }, 200, 4, 300);
        open();
        m_window->suiteActions()->runExampleSuite();
        QTRY_VERIFY(m_window->suiteActions()->dialog() && m_window->suiteActions()->dialog()->run()->isRunning());
        QTRY_VERIFY(m_server->requests().size() >= 3);
        m_window->close();
        m_window.reset();
        m_ctx.reset();
        QTest::qWait(400); // past the server's answers
    }
};

QTEST_MAIN(TestSuiteActions)
#include "tst_suiteactions.moc"
