#include "fakebatchserver.h"
#include "testcontext.h"
#include "testwindow.h"
#include "window/batchjobbar.h"
#include "window/suiteactions.h"
#include "window/suitedialog.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The Prompt Suite window's "Run as batch job" with real widgets against the fake batch server:
// off (with a tooltip saying why) for a target that is not Codestral; checked and run, the bar
// counts the job's requests, Stop reads "Cancel Job", the latency columns say "batch", a failed
// line an error; Cancel Job cancels it on the server; and after a restart, File ▸ Prompt Suite
// Window shows the job still running, which Resume follows to its end.
class TestBatchJobBar : public QObject
{
    Q_OBJECT

    static constexpr auto Key = "sk-window-batch-key";
    QTemporaryDir m_dir;

    QString suitePath()
    {
        const QString path = m_dir.filePath(u"window.jsonl"_s);
        QFile f(path);
        if (!f.exists() && f.open(QIODevice::WriteOnly))
            f.write(R"({"name": "add", "prompt": "def add(a, b):\n    ", "expected": "return a + b"})"
                    "\n"
                    R"({"name": "boom", "prompt": "def boom():\n    ", "expected": "raise"})"
                    "\n");
        return path;
    }

    PromptSuite suite()
    {
        QFile f(suitePath());
        return f.open(QIODevice::ReadOnly) ? PromptSuite::parse(f.readAll()) : PromptSuite{};
    }

    static SuiteTarget codestral(const QUrl &url)
    {
        return {u"Codestral"_s, Endpoint(u"Codestral"_s, EndpointKind::Codestral, url), QString::fromLatin1(Key), {}};
    }

    static void serve(FakeBatchServer &server)
    {
        server.key = QString::fromLatin1(Key);
        server.failCustomId = u"case-1"_s;
        server.answer = [](const QJsonObject &) { return u"return a + b"_s; };
    }

    // Codestral's profile pointed at the fake server.
    static void pointCodestralAt(AppContext *context, const QUrl &url)
    {
        for (Endpoint &e : context->settings().profiles)
            if (e.kind == EndpointKind::Codestral)
                e.baseUrl = url;
    }

private slots:
    void initTestCase() { qunsetenv("CODESTRAL_API_KEY"); }

    void theChoiceIsCodestralsAndRunsAJob()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serve(server);
        TestContext ctx;
        SuiteDialog dialog(ctx.context.get());
        dialog.batchBar()->setPollInterval(5, 20);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCheckBox *choice = dialog.batchBar()->choice();

        // A proxy: a normal run, the choice off and saying why.
        SuiteTarget proxy{u"Local proxy"_s, Endpoint(u"Local proxy"_s, EndpointKind::Proxy, server.url()), {}, {}};
        dialog.start(u"window.jsonl"_s, suite(), {proxy}, suitePath());
        QVERIFY(!choice->isEnabled());
        QVERIFY2(choice->toolTip().contains(u"only a Codestral endpoint has it"), qPrintable(choice->toolTip()));
        QTRY_VERIFY(dialog.againButton()->isEnabled());
        QVERIFY(server.jobs.isEmpty());

        // Codestral: checked, then Run Again sends the suite as one job.
        dialog.start(u"window.jsonl"_s, suite(), {codestral(server.url())}, suitePath());
        QTRY_VERIFY(dialog.againButton()->isEnabled());
        QVERIFY(choice->isEnabled());
        QVERIFY(choice->toolTip().contains(u"half the price"));
        QTest::mouseClick(choice, Qt::LeftButton, {}, QPoint(8, choice->height() / 2));
        QVERIFY(choice->isChecked());
        QSignalSpy finished(dialog.batchBar()->run(), &BatchRun::finished);
        QTest::mouseClick(dialog.againButton(), Qt::LeftButton);
        QCOMPARE(dialog.stopButton()->text(), u"Cancel Job"_s);
        QVERIFY(finished.wait(10000));
        QCOMPARE(server.jobs.size(), 1);
        QCOMPARE(dialog.progressBar()->value(), 2);
        QCOMPARE(dialog.progressBar()->maximum(), 2);
        QVERIFY2(dialog.progressBar()->text().contains(u"batch job job-2, finished"), qPrintable(dialog.progressBar()->text()));
        QTableWidget *rows = dialog.resultTable();
        QCOMPARE(rows->rowCount(), 2);
        QCOMPARE(rows->item(0, 2)->text(), u"✓ exact"_s);
        QCOMPARE(rows->item(0, 3)->text(), u"batch"_s);
        QCOMPARE(rows->item(0, 4)->text(), u"batch"_s);
        QVERIFY2(rows->item(1, 2)->text().contains(u"The model failed on this request (fake)"), qPrintable(rows->item(1, 2)->text()));
        QCOMPARE(dialog.summaryTable()->item(0, 2)->text(), u"1"_s);
        QCOMPARE(dialog.summaryTable()->item(0, 3)->text(), u"batch"_s);
        QCOMPARE(dialog.summaryTable()->item(0, 4)->text(), u"batch"_s);
        QCOMPARE(dialog.stopButton()->text(), u"Stop"_s);
        QVERIFY(dialog.againButton()->isEnabled());
    }

    void cancelJobCancelsItOnTheServer()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serve(server);
        server.pollsUntilDone = 1000000;
        TestContext ctx;
        SuiteDialog dialog(ctx.context.get());
        dialog.batchBar()->setPollInterval(5, 20);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.batchBar()->choice()->setChecked(true);
        dialog.start(u"window.jsonl"_s, suite(), {codestral(server.url())}, suitePath());
        QTRY_VERIFY_WITH_TIMEOUT(server.polls >= 2, 10000);
        QSignalSpy finished(dialog.batchBar()->run(), &BatchRun::finished);
        QTest::mouseClick(dialog.stopButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(server.cancelled.size(), 1);
        QCOMPARE(dialog.batchBar()->run()->job().status, BatchJob::Status::Cancelled);
        QCOMPARE(dialog.resultTable()->rowCount(), 2);
    }

    void aJobStillRunningAfterARestartIsResumed()
    {
        FakeBatchServer server;
        QVERIFY(server.listen());
        serve(server);
        server.failCustomId.clear();
        server.pollsUntilDone = 1000000;
        TestContext ctx;
        {
            SuiteDialog dialog(ctx.context.get());
            dialog.batchBar()->setPollInterval(5, 20);
            dialog.batchBar()->choice()->setChecked(true);
            dialog.start(u"window.jsonl"_s, suite(), {codestral(server.url())}, suitePath());
            // A second poll is sent only once the first answer (RUNNING) is kept.
            QTRY_VERIFY_WITH_TIMEOUT(server.polls >= 2, 10000);
        } // the playground quits with its job running
        QCOMPARE(server.jobs.size(), 1);
        const QString id = server.jobs.keys().constFirst();

        ctx.restart();
        pointCodestralAt(ctx.context.get(), server.url());
        bool stored = false;
        ctx.context->secrets()->write(u"Codestral"_s, QString::fromLatin1(Key), this, [&stored](const QString &) { stored = true; });
        QTRY_VERIFY(stored);
        std::unique_ptr<MainWindow> window = openTestWindow(ctx.context.get());
        QVERIFY(window);
        QAction *open = nullptr;
        for (QAction *menu : window->menuBar()->actions())
            if (menu->menu())
                for (QAction *a : menu->menu()->actions())
                    if (a->text() == u"Prompt Suite &Window (Batch Jobs)")
                        open = a;
        QVERIFY(open);
        open->trigger();
        SuiteDialog *dialog = window->findChild<SuiteDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->batchBar()->setPollInterval(5, 20);
        QLabel *notice = dialog->batchBar()->notice();
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(u"Batch job " + id + u" of window.jsonl") && notice->text().contains(u"running"),
                 qPrintable(notice->text()));
        QVERIFY(dialog->batchBar()->resumeButton()->isVisible());

        server.pollsUntilDone = server.jobs.value(id).polls + 2;
        QSignalSpy finished(dialog->batchBar()->run(), &BatchRun::finished);
        QTest::mouseClick(dialog->batchBar()->resumeButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(server.jobs.size(), 1); // the same job
        QCOMPARE(dialog->resultTable()->rowCount(), 2);
        QCOMPARE(dialog->resultTable()->item(0, 2)->text(), u"✓ exact"_s);
        QVERIFY(!notice->isVisible());
        QVERIFY2(dialog->progressBar()->text().contains(u"finished"), qPrintable(dialog->progressBar()->text()));
        window->editor()->document()->setModified(false);
    }
};

QTEST_MAIN(TestBatchJobBar)
#include "tst_batchjobbar.moc"
