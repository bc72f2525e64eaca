#include "context/appcontext.h"
#include "fakeservers.h"
#include "humanevalfile.h"
#include "testcontext.h"
#include "window/suitedialog.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

// The Prompt Suite window with a HumanEval-infilling file: the tests' checkbox is there, off, with
// its warning; unchecked, every test says "not run" and pass@1 has nothing; checked (then Run
// Again, as a user does), the tests run in the sandbox and the table shows pass@1 and each
// outcome, and the diff view the outcome and the program's last lines. A suite with no test shows
// none of it.
class TestSuiteDialog : public QObject
{
    Q_OBJECT

    static int column(QTableWidget *table, const QString &title)
    {
        for (int c = 0; c < table->columnCount(); ++c)
            if (table->horizontalHeaderItem(c)->text() == title)
                return c;
        return -1;
    }

    static int row(QTableWidget *table, const QString &caseSuffix)
    {
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text().endsWith(caseSuffix))
                return r;
        return -1;
    }

private slots:
    void passAt1InTheWindow()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::Proxy, HumanEvalFile::answers(), 0, 1);
        TestContext ctx(server.url());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("humaneval.jsonl"));
        QVERIFY(HumanEvalFile::write(path, false));
        QString error;
        const std::optional<PromptSuite> suite = PromptSuite::load(path, &error);
        QVERIFY2(suite, qPrintable(error));
        const QList<SuiteTarget> targets{{QStringLiteral("proxy"), Endpoint(QStringLiteral("p"), EndpointKind::Proxy, server.url()), QString(), {}}};

        SuiteDialog dialog(ctx.context.get());
        dialog.show();
        QSignalSpy finished(dialog.run(), &SuiteRun::finished);
        dialog.start(QStringLiteral("humaneval.jsonl"), *suite, targets);
        QCheckBox *box = dialog.runTestsBox();
        QVERIFY(box->isVisible());
        QVERIFY(!box->isChecked());
        QVERIFY2(box->toolTip().contains(u"runs the code the model wrote"), qPrintable(box->toolTip()));
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) { return l->isVisible() && l->text().startsWith(u"Warning: this runs the code"); }));
        QVERIFY(finished.wait(20000));
        QTableWidget *summary = dialog.summaryTable();
        QTableWidget *results = dialog.resultTable();
        const int passColumn = column(summary, QStringLiteral("pass@1"));
        const int testColumn = column(results, QStringLiteral("Test"));
        QVERIFY(passColumn >= 0 && testColumn >= 0);
        QVERIFY(!summary->isColumnHidden(passColumn) && !results->isColumnHidden(testColumn));
        QCOMPARE(summary->item(0, passColumn)->text(), QStringLiteral("–"));
        QVERIFY(summary->item(0, passColumn)->toolTip().contains(u"3 not run"));
        for (int r = 0; r < results->rowCount(); ++r)
            QCOMPARE(results->item(r, testColumn)->text(), QStringLiteral("not run"));

        // Checked, with the time limit lowered from its 10 s, then Run Again.
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
        QVERIFY(box->isChecked());
        QDoubleSpinBox *limit = dialog.testTimeLimitBox();
        QVERIFY(limit->isVisible());
        QCOMPARE(limit->value(), 10.0);
        limit->selectAll();
        QTest::keyClicks(limit, QStringLiteral("1.5"));
        QCOMPARE(limit->value(), 1.5);
        dialog.start(QStringLiteral("humaneval.jsonl"), *suite, targets);
        QVERIFY(dialog.run()->testing().run);
        QCOMPARE(dialog.run()->testing().limits.timeLimitMs, 1500);
        QVERIFY(finished.wait(30000));
        QCOMPARE(results->rowCount(), 3);
        QCOMPARE(summary->item(0, passColumn)->text(), QStringLiteral("1/3 (33%)"));
        QCOMPARE(results->item(row(results, QStringLiteral("/add")), testColumn)->text(), QStringLiteral("✓ pass"));
        QCOMPARE(results->item(row(results, QStringLiteral("/sub")), testColumn)->text(), QStringLiteral("✗ fail"));
        const int spin = row(results, QStringLiteral("/spin"));
        QCOMPARE(results->item(spin, testColumn)->text(), QStringLiteral("⏱ timeout"));
        QCOMPARE(results->item(spin, testColumn)->toolTip(), QStringLiteral("still running after 1.5 s: killed"));

        results->setCurrentCell(row(results, QStringLiteral("/sub")), 0);
        QTRY_VERIFY(dialog.diffView()->toPlainText().contains(u"Test: ✗ fail — exit code 1"));
        QVERIFY2(dialog.diffView()->toPlainText().contains(u"AssertionError"), qPrintable(dialog.diffView()->toPlainText()));

        // A suite of the playground's own format: no tests, nothing of them shown.
        SuiteCase plain;
        plain.name = QStringLiteral("plain");
        plain.request.prompt = QStringLiteral("def add(a, b):\n");
        PromptSuite own;
        own.cases = {plain};
        dialog.start(QStringLiteral("own.jsonl"), own, targets);
        QVERIFY(!box->isVisible() && !limit->isVisible());
        QVERIFY(summary->isColumnHidden(passColumn) && results->isColumnHidden(testColumn));
        QVERIFY(finished.wait(20000));
    }
};

QTEST_MAIN(TestSuiteDialog)
#include "tst_suitedialog.moc"
