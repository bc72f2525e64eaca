#include "fakeservers.h"
#include "history/historystore.h"
#include "history/historywriter.h"
#include "latency/latencymodel.h"
#include "panels/comparecolumn.h"
#include "panels/comparepanel.h"
#include "panels/expectedansweredit.h"
#include "panels/inspectorpanel.h"
#include "settings/appsettings.h"
#include "settings/translations.h"
#include "testwindow.h"
#include "window/contextcollector.h"
#include "window/requesttoolbar.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

// The Compare view in the whole window, against a fake proxy whose answer names the model and
// temperature each request asked for, and which fails for the model "broken": saved variants
// checked with the mouse, three columns side by side (one failed, in words), Insert as one undo
// step, Cancel of one column, the previous run kept, sweeps typed in, each column scored against an
// expected answer typed in, variants kept across starts.
class TestComparePanel : public WindowTest
{
    Q_OBJECT

    ComparePanel *panel() const { return m_window->comparePanel(); }

    // Saves the toolbar's current settings under a name through "Save Current…" and its dialog.
    void saveVariant(const QString &model, const QString &temperature, const QString &name)
    {
        FimRequest r = m_window->requestToolbar()->parameters();
        r.model = model;
        r.temperature = temperature.toDouble();
        m_window->requestToolbar()->setParameters(r);
        QTimer::singleShot(0, this, [name] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *edit = dialog->findChild<QLineEdit *>();
            edit->selectAll();
            QTest::keyClicks(edit, name);
            QTest::keyClick(edit, Qt::Key_Return);
        });
        QPushButton *save = nullptr;
        for (QPushButton *b : panel()->findChildren<QPushButton *>())
            if (b->text() == u"Save Current…")
                save = b;
        QVERIFY(save);
        QTest::mouseClick(save, Qt::LeftButton);
    }

    void waitForRun()
    {
        QSignalSpy done(panel()->compareRun(), &CompareRun::finished);
        if (panel()->compareRun()->isRunning())
            QVERIFY(done.wait());
    }

private slots:
    // English with its plural forms ("4 tokens"), whatever the machine's language.
    void initTestCase() { Translations::install(qApp, QStringLiteral("en")); }
    void init()
    {
        QVERIFY(setUpWindowTest());
        FakeServers::serveWith(*m_server, EndpointKind::Proxy,
                               [](const QJsonObject &body) { return QStringLiteral("pick(%1)").arg(FakeServers::seedAndModel(body)); },
                               0, 4, 0, [](const QJsonObject &body) { return body.value(u"model").toString() == u"broken"; });
    }
    void cleanup() { tearDownWindowTest(); }

    void threeVariantsSideBySideOneFailed()
    {
        open();
        m_window->loadText(QStringLiteral("x = \nnext_line()\n"), 4, QStringLiteral("a.py"));
        saveVariant(QStringLiteral("model-a"), QStringLiteral("0.1"), QStringLiteral("A"));
        saveVariant(QStringLiteral("model-b"), QStringLiteral("0.7"), QStringLiteral("B"));
        saveVariant(QStringLiteral("broken"), QStringLiteral("0.2"), QStringLiteral("Broken"));
        QListWidget *list = panel()->variantList();
        QCOMPARE(list->count(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(list->item(i)->checkState(), Qt::Checked); // saved ones are checked

        // Ctrl+Alt+Return from the editor runs them.
        const int rows = m_ctx->context->latency()->rowCount();
        QSignalSpy done(panel()->compareRun(), &CompareRun::finished);
        m_window->activateWindow(); // the dialogs were the active windows
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->editor()->setFocus();
        QTest::keyClick(m_window->editor(), Qt::Key_Return, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(done.wait());
        const QList<CompareColumn *> columns = panel()->columns();
        QCOMPARE(columns.size(), 3);
        QCOMPARE(columns.at(0)->title(), QStringLiteral("A"));
        QCOMPARE(columns.at(0)->answer(), QStringLiteral("pick(seed=none model=model-a temperature=0.1)"));
        QCOMPARE(columns.at(1)->answer(), QStringLiteral("pick(seed=none model=model-b temperature=0.7)"));
        QVERIFY(columns.at(0)->stats().contains(u"total "));
        QVERIFY(columns.at(0)->stats().contains(u"tokens"));
        QVERIFY(columns.at(0)->stats().contains(u"stop"));
        QVERIFY(columns.at(2)->answer().isEmpty());
        QVERIFY2(columns.at(2)->errorText().contains(u"broken"), qPrintable(columns.at(2)->errorText()));
        QVERIFY(!columns.at(2)->insertButton()->isEnabled());
        // Each column's request is a latency row and an exchange in the inspector.
        QCOMPARE(m_ctx->context->latency()->rowCount(), rows + 3);
        QCOMPARE(m_window->inspectorPanel()->exchangeCount(), 3);
        // ...and a row of the history, marked as Compare's, with the profile it went to.
        m_ctx->context->history()->flush();
        {
            HistoryStore store;
            QString error;
            QVERIFY2(store.open(m_ctx->historyPath(), &error), qPrintable(error));
            const QList<HistoryRecord> rows = store.newest(10);
            QCOMPARE(rows.size(), 3);
            QStringList shown;
            for (const HistoryRecord &r : rows) {
                QCOMPARE(r.source, QStringLiteral("compare"));
                QCOMPARE(r.profile, QStringLiteral("Local proxy"));
                shown << r.cleanedAnswer;
            }
            shown.sort();
            QCOMPARE(shown, (QStringList{QString(), QStringLiteral("pick(seed=none model=model-a temperature=0.1)"),
                                         QStringLiteral("pick(seed=none model=model-b temperature=0.7)")}));
        }
        // A completion of the editor's own beside them: every exchange has its own id (a latency row
        // opens its exchange by id; the columns' clients are not the editor's).
        completeAtCursor();
        QTRY_COMPARE(m_window->inspectorPanel()->exchangeCount(), 4);
        QSet<quint64> ids;
        for (int i = 0; i < m_window->inspectorPanel()->exchangeList()->count(); ++i)
            ids.insert(m_window->inspectorPanel()->exchangeList()->item(i)->data(Qt::UserRole).toULongLong());
        QCOMPARE(ids.size(), 4);
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        // The document is untouched until Insert; Insert is one undo step.
        QCOMPARE(m_window->editor()->exactText(), QStringLiteral("x = \nnext_line()\n"));
        QTest::mouseClick(columns.at(1)->insertButton(), Qt::LeftButton);
        QCOMPARE(m_window->editor()->exactText(),
                 QStringLiteral("x = pick(seed=none model=model-b temperature=0.7)\nnext_line()\n"));
        QTest::keyClick(m_window->editor(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_window->editor()->exactText(), QStringLiteral("x = \nnext_line()\n"));

        // Unchecking one (a click on its box) and running again: the first run stays one step back.
        const QRect box = list->visualItemRect(list->item(2));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(box.left() + 10, box.center().y()));
        QCOMPARE(list->item(2)->checkState(), Qt::Unchecked);
        QTest::mouseClick(panel()->runButton(), Qt::LeftButton);
        waitForRun();
        QCOMPARE(panel()->compareRun()->columns().size(), 2);
        QCOMPARE(panel()->compareRun()->previous().size(), 3);
        auto *previous = panel()->findChild<QCheckBox *>(QStringLiteral("comparePrevious"));
        QTest::mouseClick(previous, Qt::LeftButton, {}, QPoint(5, previous->height() / 2));
        QVERIFY(previous->isChecked());
        QCOMPARE(columns.at(2)->title(), QStringLiteral("Broken (previous run)"));
        QVERIFY(columns.at(2)->isVisibleTo(panel()));

        // The variants are kept with the settings.
        QTRY_COMPARE(SettingsStore(m_ctx->settingsPath()).load().variants.size(), 3);
        QCOMPARE(SettingsStore(m_ctx->settingsPath()).load().variants.at(1).request.model, QStringLiteral("model-b"));
    }

    // Each run's Insert puts its answer where that run was asked: the previous run's at its own
    // cursor, not the newest run's; and it is off, saying why, while the text before that place is
    // not what the run sent.
    void eachRunInsertsWhereItWasAsked()
    {
        open();
        m_window->loadText(QStringLiteral("x = \ny = \n"), 4, QStringLiteral("a.py"));
        saveVariant(QStringLiteral("model-a"), QStringLiteral("0.1"), QStringLiteral("A"));
        saveVariant(QStringLiteral("model-b"), QStringLiteral("0.7"), QStringLiteral("B"));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        CodeEditor *editor = m_window->editor();
        editor->setFocus();
        QCOMPARE(editor->textCursor().position(), 4); // x = |
        QTest::mouseClick(panel()->runButton(), Qt::LeftButton);
        waitForRun();
        // The second run at the end of the next line, the cursor moved there with the keyboard.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Down);
        QTest::keyClick(editor, Qt::Key_End);
        QCOMPARE(editor->textCursor().position(), 9); // y = |
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(!panel()->compareRun()->isRunning());
        QCOMPARE(panel()->compareRun()->previous().size(), 2);
        const QString a = QStringLiteral("pick(seed=none model=model-a temperature=0.1)");
        const QString b = QStringLiteral("pick(seed=none model=model-b temperature=0.7)");

        auto *previous = panel()->findChild<QCheckBox *>(QStringLiteral("comparePrevious"));
        QTest::mouseClick(previous, Qt::LeftButton, {}, QPoint(5, previous->height() / 2));
        QVERIFY(previous->isChecked());
        CompareColumn *first = panel()->columns().at(0);
        QCOMPARE(first->title(), QStringLiteral("A (previous run)"));
        QVERIFY(first->insertButton()->isEnabled());
        QTest::mouseClick(first->insertButton(), Qt::LeftButton);
        QCOMPARE(editor->exactText(), QStringLiteral("x = %1\ny = \n").arg(a));
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor->exactText(), QStringLiteral("x = \ny = \n"));

        // The newest run's, at its own cursor.
        QTest::mouseClick(previous, Qt::LeftButton, {}, QPoint(5, previous->height() / 2));
        QVERIFY(!previous->isChecked());
        CompareColumn *second = panel()->columns().at(1);
        QCOMPARE(second->title(), QStringLiteral("B"));
        QVERIFY(second->insertButton()->isEnabled());
        QTest::mouseClick(second->insertButton(), Qt::LeftButton);
        QCOMPARE(editor->exactText(), QStringLiteral("x = \ny = %1\n").arg(b));
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor->exactText(), QStringLiteral("x = \ny = \n"));

        // A letter typed before both places: neither run's prefix is there any more. Insert is off
        // and says why; taking the letter out again brings it back.
        QTest::keyClick(editor, Qt::Key_Home, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("z"));
        QCOMPARE(editor->exactText(), QStringLiteral("zx = \ny = \n"));
        QVERIFY(!second->insertButton()->isEnabled());
        QVERIFY2(second->insertButton()->toolTip().contains(u"changed"), qPrintable(second->insertButton()->toolTip()));
        QTest::mouseClick(second->insertButton(), Qt::LeftButton);
        QCOMPARE(editor->exactText(), QStringLiteral("zx = \ny = \n"));
        QTest::mouseClick(previous, Qt::LeftButton, {}, QPoint(5, previous->height() / 2));
        QVERIFY(!first->insertButton()->isEnabled());
        QVERIFY(first->insertButton()->toolTip().contains(u"changed"));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Backspace);
        QCOMPARE(editor->exactText(), QStringLiteral("x = \ny = \n"));
        QVERIFY(first->insertButton()->isEnabled());
        QTest::mouseClick(first->insertButton(), Qt::LeftButton);
        QCOMPARE(editor->exactText(), QStringLiteral("x = %1\ny = \n").arg(a));
    }

    void oneColumnCancelledTheOthersGoOn()
    {
        // A slow server: time to cancel one column.
        m_server->disconnect();
        FakeServers::serveWith(*m_server, EndpointKind::Proxy,
                               [](const QJsonObject &body) { return QStringLiteral("slow(%1)").arg(body.value(u"model").toString()); }, 0, 4, 400);
        open();
        saveVariant(QStringLiteral("m1"), QStringLiteral("0"), QStringLiteral("one"));
        saveVariant(QStringLiteral("m2"), QStringLiteral("0"), QStringLiteral("two"));
        QTest::mouseClick(panel()->runButton(), Qt::LeftButton);
        QTRY_VERIFY(panel()->columns().size() == 2 && panel()->columns().at(0)->cancelButton()->isEnabled());
        QTest::mouseClick(panel()->columns().at(0)->cancelButton(), Qt::LeftButton);
        QCOMPARE(panel()->compareRun()->columns().at(0).state, CompareRun::Column::State::Cancelled);
        waitForRun();
        QCOMPARE(panel()->columns().at(1)->answer(), QStringLiteral("slow(m2)"));
        QVERIFY(panel()->columns().at(0)->answer().isEmpty());
    }

    // The Context dimension: the same cursor completed without extra context and with the pinned
    // file, side by side; the answer that depends on the pinned helper differs; a saved variant
    // keeps its context across starts; the editor's own "last request" is not claimed.
    void contextDimensionSideBySide()
    {
        QObject::disconnect(m_server, &FakeUpstream::requestReceived, m_server, nullptr); // init()'s answerer gives way
        FakeServers::serveWith(*m_server, EndpointKind::Proxy, [](const QJsonObject &body) {
            return body.value(u"prompt").toString().contains(u"def tax_rate(") ? QStringLiteral("price * (1 + tax_rate(region))")
                                                                               : QStringLiteral("price * 1.2");
        });
        QTemporaryDir dir;
        QFile helper(dir.filePath(QStringLiteral("pricing.py")));
        QVERIFY(helper.open(QIODevice::WriteOnly));
        helper.write("def tax_rate(region):\n    return 0.2\n");
        helper.close();
        open();
        m_window->contextCollector()->pin(helper.fileName());
        m_window->loadText(QStringLiteral("def total(price, region):\n    return \n"), 37, QStringLiteral("shop.py"));
        auto *parameter = panel()->findChild<QComboBox *>(QStringLiteral("sweepParameter"));
        parameter->setFocus();
        while (parameter->currentText() != u"context" && parameter->currentIndex() < parameter->count() - 1)
            QTest::keyClick(parameter, Qt::Key_Down);
        QCOMPARE(parameter->currentText(), QStringLiteral("context"));
        auto *values = panel()->findChild<QLineEdit *>(QStringLiteral("sweepValues"));
        values->setFocus();
        QTest::keyClicks(values, QStringLiteral("none, pinned"));
        QSignalSpy done(panel()->compareRun(), &CompareRun::finished);
        QTest::keyClick(values, Qt::Key_Return);
        QVERIFY(done.wait());
        const QList<CompareRun::Column> &columns = panel()->compareRun()->columns();
        QCOMPARE(columns.size(), 2);
        QCOMPARE(columns.at(0).result.text, QStringLiteral("price * 1.2"));
        QCOMPARE(columns.at(1).result.text, QStringLiteral("price * (1 + tax_rate(region))"));
        QCOMPARE(panel()->columns().at(1)->title(), QStringLiteral("context pinned"));
        QStringList prompts;
        for (const FakeUpstream::Recorded &r : m_server->requests())
            if (r.path == "/v1/fim/completions")
                prompts << r.json().value(u"prompt").toString();
        QCOMPARE(prompts.size(), 2);
        QVERIFY(prompts.contains(QStringLiteral("def total(price, region):\n    return ")));
        QVERIFY(prompts.contains(QStringLiteral("# Path: pricing.py\n# def tax_rate(region):\n#     return 0.2\ndef total(price, region):\n    return ")));
        // Compare's columns are not the editor's request: the panel shows what the editor's sends.
        QVERIFY(!m_window->contextCollector()->lastSelection());
        m_window->editor()->setFocus();
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(m_window->contextCollector()->lastSelection());
        QCOMPARE(m_window->contextCollector()->lastSelection()->sent.size(), 1); // the pinned file, as the panel says

        // A variant with a context is saved with it.
        AppSettings &settings = m_ctx->context->settings();
        Variant pinned = columns.at(1).variant;
        pinned.request.extra.clear();
        settings.variants.append(pinned);
        SettingsStore(m_ctx->settingsPath()).save(settings);
        QCOMPARE(SettingsStore(m_ctx->settingsPath()).load().variants.constLast().context, ContextScope::Pinned);
    }

    void sweepTypedInMakesTheColumns()
    {
        open();
        auto *values = panel()->findChild<QLineEdit *>(QStringLiteral("sweepValues"));
        QVERIFY(values);
        values->setFocus();
        QTest::keyClicks(values, QStringLiteral("0, 0.5, 0.8"));
        QSignalSpy done(panel()->compareRun(), &CompareRun::finished);
        QTest::keyClick(values, Qt::Key_Return);
        QVERIFY(done.wait());
        QStringList answers;
        for (const CompareRun::Column &c : panel()->compareRun()->columns())
            answers << c.result.text;
        QCOMPARE(answers, (QStringList{QStringLiteral("pick(seed=none model=none temperature=0)"),
                                       QStringLiteral("pick(seed=none model=none temperature=0.5)"),
                                       QStringLiteral("pick(seed=none model=none temperature=0.8)")}));
        QCOMPARE(panel()->columns().at(1)->title(), QStringLiteral("temperature 0.5"));

        // max_tokens, chosen by keyboard; a value out of range is refused in words, nothing sent.
        auto *parameter = panel()->findChild<QComboBox *>(QStringLiteral("sweepParameter"));
        parameter->setFocus();
        QTest::keyClick(parameter, Qt::Key_Down);
        QCOMPARE(parameter->currentText(), QStringLiteral("max_tokens"));
        const int requests = completionRequests();
        values->selectAll();
        QTest::keyClicks(values, QStringLiteral("16 99999"));
        QTest::keyClick(values, Qt::Key_Return);
        QVERIFY2(panel()->statusText().contains(u"“99999” is no value of max_tokens"), qPrintable(panel()->statusText()));
        QCOMPARE(completionRequests(), requests);
    }

    // An expected answer typed into the Expected field after a sweep: each column shows its
    // answer's metrics against it at once, and none once the field is emptied.
    void aSweepScoresEachColumnAgainstTheExpectedAnswer()
    {
        open();
        m_window->loadText(QStringLiteral("x = \n"), 4, QStringLiteral("a.py"));
        auto *values = panel()->findChild<QLineEdit *>(QStringLiteral("sweepValues"));
        values->setFocus();
        QTest::keyClicks(values, QStringLiteral("0, 0.5"));
        QSignalSpy done(panel()->compareRun(), &CompareRun::finished);
        QTest::keyClick(values, Qt::Key_Return);
        QVERIFY(done.wait());
        const QList<CompareColumn *> columns = panel()->columns();
        QVERIFY(columns.at(0)->scoresText().isEmpty()); // nothing expected yet
        QPlainTextEdit *expected = panel()->expectedEdit();
        expected->setFocus();
        QTest::keyClicks(expected, QStringLiteral("pick(seed=none model=none temperature=0.5)"));
        // Column 2 answered just that.
        QCOMPARE(columns.at(1)->scoresText(), QStringLiteral("EM ✓ · line ✓ · ES 100 · chrF 100 · id EM ✓ · id F1 100"));
        // Column 1 answered "…temperature=0)": 2 insertions (".5") over 42 characters: ES 1 − 2/42 = 95.
        // Identifiers (Python: numbers are none): pick seed none model none temperature in both.
        // chrF, white space dropped: the answer is A + "0)", the expected A + "0.5)" with A 36
        // characters; every n-gram of A + "0" matches, and for n = 1 ")" too; "0)" never does:
        //   n     1      2      3      4      5      6
        //   P   38/38  36/37  35/36  34/35  33/34  32/33   mean 0.97615
        //   R   38/40  36/39  35/38  34/37  33/36  32/35   mean 0.92400
        // chrF = 5·P·R / (4·P + R) = 4.50982 / 4.82861 = 0.934 → 93.
        QCOMPARE(columns.at(0)->scoresText(), QStringLiteral("EM ✗ · line ✗ · ES 95 · chrF 93 · id EM ✓ · id F1 100"));
        // Emptied: no scores.
        expected->selectAll();
        QTest::keyClick(expected, Qt::Key_Delete);
        QVERIFY(columns.at(0)->scoresText().isEmpty() && columns.at(1)->scoresText().isEmpty());
    }

    void runWithoutVariantsSaysWhatToDo()
    {
        open();
        QVERIFY(!panel()->run());
        QVERIFY(panel()->statusText().contains(u"Check 2 to 4 variants"));
    }

    // Quitting while a run is in flight is safe (the asan preset runs this too).
    void closingDuringARun()
    {
        m_server->disconnect();
        FakeServers::serveWith(*m_server, EndpointKind::Proxy, [](const QJsonObject &) { return QStringLiteral("late"); }, 0, 4, 300);
        open();
        saveVariant(QStringLiteral("m1"), QStringLiteral("0"), QStringLiteral("one"));
        saveVariant(QStringLiteral("m2"), QStringLiteral("0"), QStringLiteral("two"));
        QTest::mouseClick(panel()->runButton(), Qt::LeftButton);
        QTRY_VERIFY(panel()->compareRun()->isRunning());
        m_window->editor()->document()->setModified(false);
        m_window->close();
        m_window.reset();
        QTest::qWait(400);
    }
};

QTEST_MAIN(TestComparePanel)
#include "tst_comparepanel.moc"
