#include "editor/codeeditor.h"
#include "fakeservers.h"
#include "panels/comparecolumn.h"
#include "panels/comparepanel.h"
#include "panels/historypanel.h"
#include "testwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

// Issue 30, keyboard only: a whole session with key events and nothing else (no mouse, no slot
// called): complete, accept, open Compare, run a sweep, insert a column's answer, open History, ask
// again; each step checked on what the window shows.
class TestKeyboardSession : public WindowTest
{
    Q_OBJECT

    static QWidget *focus() { return QApplication::focusWidget(); }
    // On screen: a dock tabbed behind another is "visible" to Qt, but nothing of it shows.
    static bool shown(const QWidget *w) { return w->isVisible() && !w->visibleRegion().isEmpty(); }

    // Presses a key (at whatever has the keyboard) until done() holds, at most max times.
    static bool pressUntil(Qt::Key key, Qt::KeyboardModifiers modifiers, const std::function<bool()> &done, int max = 60)
    {
        for (int i = 0; i < max && !done(); ++i) {
            if (!focus())
                return false;
            QTest::keyClick(focus(), key, modifiers);
        }
        return done();
    }

private slots:
    void init()
    {
        QVERIFY(setUpWindowTest());
        // Each answer names what was asked, so the columns' answers differ from the editor's.
        FakeServers::serveWith(*m_server, EndpointKind::Proxy,
                               [](const QJsonObject &body) { return u"pick(%1)"_s.arg(FakeServers::seedAndModel(body)); });
    }
    void cleanup() { tearDownWindowTest(); }

    void fullSessionWithKeysOnly()
    {
        open();
        m_window->loadText(u"def add(a, b):\n    \n"_s, 19, u"a.py"_s);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        CodeEditor *editor = m_window->editor();
        QTRY_COMPARE(focus(), editor);

        // Complete: Ctrl+Space, the ghost text shows.
        QTest::keyClick(focus(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(editor->hasSuggestion());
        const QString suggestion = editor->suggestion();
        QVERIFY2(suggestion.startsWith(u"pick("), qPrintable(suggestion));
        QVERIFY(!editor->toPlainText().contains(suggestion));

        // Accept: Tab puts it in.
        QTest::keyClick(focus(), Qt::Key_Tab);
        QVERIFY(!editor->hasSuggestion());
        QCOMPARE(editor->toPlainText(), u"def add(a, b):\n    "_s + suggestion + u"\n"_s);

        // Open Compare: Ctrl+Alt+Return brings it to the front (no variants yet: it says how to
        // make some).
        ComparePanel *compare = m_window->comparePanel();
        QTest::keyClick(focus(), Qt::Key_Return, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(shown(compare));

        // F6 to it, Tab to the sweep's values, type two temperatures, Return runs them.
        QVERIFY(pressUntil(Qt::Key_F6, Qt::NoModifier, [compare] { return compare->isAncestorOf(focus()); }));
        auto *values = compare->findChild<QLineEdit *>(u"sweepValues"_s);
        QVERIFY(values);
        QVERIFY(pressUntil(Qt::Key_Tab, Qt::NoModifier, [values] { return focus() == values; }));
        QSignalSpy finished(compare->compareRun(), &CompareRun::finished);
        QTest::keyClicks(focus(), u"0, 0.5"_s);
        QTest::keyClick(focus(), Qt::Key_Return);
        QVERIFY(finished.wait());
        const QList<CompareColumn *> columns = compare->columns();
        QCOMPARE(columns.size(), 2);
        QVERIFY2(columns.at(0)->answer().contains(u"temperature=0"), qPrintable(columns.at(0)->answer()));
        QVERIFY(columns.at(1)->answer().contains(u"temperature=0.5"));

        // Insert the first column's answer: Tab to its Insert button, Space.
        QPushButton *insert = columns.at(0)->insertButton();
        QVERIFY(insert->isEnabled());
        QVERIFY(pressUntil(Qt::Key_Tab, Qt::NoModifier, [insert] { return focus() == insert; }));
        const QString before = editor->toPlainText();
        QTest::keyClick(focus(), Qt::Key_Space);
        QTRY_COMPARE(editor->toPlainText().size(), before.size() + columns.at(0)->answer().size());
        QVERIFY(editor->toPlainText().contains(columns.at(0)->answer()));

        // Open History: F6 to the docks' tabs, Right until History is in front.
        HistoryPanel *history = m_window->historyPanel();
        QVERIFY(!shown(history));
        QVERIFY(pressUntil(Qt::Key_F6, Qt::NoModifier, [] { return qobject_cast<QTabBar *>(focus()) != nullptr; }));
        auto *tabs = qobject_cast<QTabBar *>(focus());
        QVERIFY(pressUntil(Qt::Key_Right, Qt::NoModifier, [tabs] { return tabs->tabText(tabs->currentIndex()) == u"History"; }, 10));
        QTRY_VERIFY(shown(history));
        // Shift+F6 into it, Tab to its table, Down and Home select the newest exchange.
        QTest::keyClick(focus(), Qt::Key_F6, Qt::ShiftModifier);
        QVERIFY2(history->isAncestorOf(focus()), focus() ? focus()->metaObject()->className() : "no focus");
        auto *table = history->findChild<QAbstractItemView *>(u"historyTable"_s);
        QVERIFY(table);
        QTRY_VERIFY(table->model()->rowCount() >= 2); // the completion and the two columns, once written
        QVERIFY(pressUntil(Qt::Key_Tab, Qt::NoModifier, [table] { return focus() == table; }));
        QTest::keyClick(focus(), Qt::Key_Down);
        QTest::keyClick(focus(), Qt::Key_Home);
        QTRY_VERIFY(table->selectionModel()->hasSelection());

        // Ask again: Tab to "Ask Again", Space; the request goes out and the answer is reported.
        QPushButton *askAgain = nullptr;
        for (QPushButton *b : history->findChildren<QPushButton *>())
            if (b->text() == u"Ask Again")
                askAgain = b;
        QVERIFY(askAgain);
        QVERIFY(pressUntil(Qt::Key_Tab, Qt::NoModifier, [askAgain] { return focus() == askAgain; }));
        const int asked = completionRequests();
        QTest::keyClick(focus(), Qt::Key_Space);
        QTRY_COMPARE(completionRequests(), asked + 1);
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(u"Answered again"), qPrintable(m_window->statusBar()->currentMessage()));
    }
};

QTEST_MAIN(TestKeyboardSession)
#include "tst_keyboardsession.moc"
