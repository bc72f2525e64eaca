#include "editor/codeeditor.h"
#include "editor/suggestionannouncer.h"
#include "history/suggestionstats.h"
#include "panels/acceptanceplot.h"
#include "panels/comparecolumn.h"
#include "panels/comparepanel.h"
#include "panels/healthpanel.h"
#include "panels/latencypanel.h"
#include "panels/latencyplot.h"
#include "panels/statspanel.h"
#include "testwindow.h"
#include "window/settingsdialog.h"
#include "window/shortcutsdialog.h"
#include "window/statusindicators.h"
#include "window/suiteactions.h"
#include "window/suitedialog.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// What assistive technology would have been told: every accessibility event, caught by the
// update handler the test installs (as Qt's own accessibility tests do).
struct Heard
{
    QAccessible::Event type;
    QObject *object;
    QString message;
};
QList<Heard> g_heard;

void hear(QAccessibleEvent *event)
{
    QString message;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (event->type() == QAccessible::Announcement)
        message = static_cast<QAccessibleAnnouncementEvent *>(event)->message();
#endif
    if (event->type() == QAccessible::DescriptionChanged && event->object() && event->object()->isWidgetType())
        message = static_cast<QWidget *>(event->object())->accessibleDescription();
    g_heard.append({event->type(), event->object(), message});
}

// The words a screen reader hears for the suggestion events: announcements on Qt 6.8 and later,
// the editor's description changes before.
QStringList heardAbout(QObject *editor)
{
    QStringList said;
    for (const Heard &h : std::as_const(g_heard)) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        if (h.type == QAccessible::Announcement && h.object == editor)
            said << h.message;
#else
        if (h.type == QAccessible::DescriptionChanged && h.object == editor)
            said << h.message;
#endif
    }
    return said;
}

QString describe(const QWidget *w)
{
    QStringList chain;
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        chain << QStringLiteral("%1(%2)").arg(QString::fromLatin1(p->metaObject()->className()), p->objectName());
    return QStringLiteral("%1 \"%2\" in %3")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), chain.join(QStringLiteral(" < ")));
}

QWidget *dockOf(const QWidget *w)
{
    for (QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        if (qobject_cast<QDockWidget *>(p))
            return p;
    return nullptr;
}

bool inDock(const QWidget *w)
{
    return dockOf(w) != nullptr;
}

} // namespace

// Issue 30, accessibility: every control a keyboard reaches has a name a screen reader can say,
// the custom widgets say their figures and state, and suggestions are announced.
class TestAccessibility : public WindowTest
{
    Q_OBJECT

    QSet<QWidget *> m_checked;
    QStringList m_offenders;

    // Every focusable widget under root that is shown (or sits in a dock, shown or tabbed away):
    // it must have an accessible name.
    void walk(QWidget *root)
    {
        QList<QWidget *> all = root->findChildren<QWidget *>();
        all.prepend(root);
        for (QWidget *w : std::as_const(all)) {
            if (w->focusPolicy() == Qt::NoFocus || m_checked.contains(w))
                continue;
            // Shown, or hidden only because its dock is tabbed away; popups (a combo box's list) are
            // windows of their own, walked when they open.
            if (w->window() != root->window())
                continue;
            if (!w->isVisible() && !(inDock(w) && w->isVisibleTo(dockOf(w))))
                continue;
            if (w->focusProxy()) // the keyboard goes to the proxy, which is checked itself
                continue;
            m_checked.insert(w);
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
                m_offenders << describe(w);
        }
    }

private slots:
    void init()
    {
        QVERIFY(setUpWindowTest());
        m_server->setReply("/v1/fim/completions", FakeUpstream::codestralCompletion(u"return a + b"_s));
        m_checked.clear();
        m_offenders.clear();
    }
    void cleanup()
    {
        QAccessible::installUpdateHandler(nullptr);
        QAccessible::setActive(false);
        g_heard.clear();
        for (QWidget *w : QApplication::topLevelWidgets())
            if (qobject_cast<QDialog *>(w))
                delete w;
        tearDownWindowTest();
    }

    // Tab goes through the window's areas as they are laid out: the editor, the toolbar, the docks
    // (Latency, Health, Models, then the tabs behind Latency), whatever order the window made them in.
    void windowTabsInLayoutOrder()
    {
        open();
        QStringList areas;
        QWidget *w = m_window.get();
        for (int i = 0; i < 5000; ++i) {
            w = w->nextInFocusChain();
            if (w == m_window.get())
                break;
            QString area;
            if (w == m_window->editor() || m_window->editor()->isAncestorOf(w))
                area = u"editor"_s;
            else if (auto *toolbar = m_window->findChild<QToolBar *>(); toolbar->isAncestorOf(w))
                area = u"toolbar"_s;
            for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
                if (dock->widget()->isAncestorOf(w))
                    area = dock->objectName();
            if (!area.isEmpty() && !areas.contains(area))
                areas << area;
        }
        QCOMPARE(areas, (QStringList{u"editor"_s, u"toolbar"_s, u"latencyDock"_s, u"healthDock"_s, u"modelsDock"_s, u"inspectorDock"_s,
                                     u"compareDock"_s, u"historyDock"_s, u"contextDock"_s, u"statsDock"_s}));
    }

    // Tab goes through a dock's controls as they are laid out (the panels whose controls were
    // made in another order set their tab order).
    void docksTabInLayoutOrder()
    {
        open();
        const auto chainOf = [this](const QString &dockName) {
            auto *dock = m_window->findChild<QDockWidget *>(dockName);
            dock->raise();
            QCoreApplication::processEvents();
            QStringList chain;
            QWidget *w = dock->widget();
            for (int i = 0; i < 500; ++i) {
                w = w->nextInFocusChain();
                if (w == dock->widget())
                    break;
                if (dock->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus) && w->isVisible() && !w->focusProxy())
                    chain << QAccessible::queryAccessibleInterface(w)->text(QAccessible::Name);
            }
            return chain;
        };
        QCOMPARE(chainOf(u"compareDock"_s), (QStringList{u"Variants"_s, u"Save Current…"_s, u"Remove"_s, u"Run"_s,
                                                         m_window->comparePanel()->findChild<QComboBox *>(u"sweepParameter"_s)->currentText(),
                                                         u"Sweep"_s, u"Sweep values"_s, u"Previous run"_s, u"Expected answer"_s}));
        QCOMPARE(chainOf(u"latencyDock"_s), (QStringList{u"Clear"_s, u"Export CSV…"_s, u"Latency plot"_s, u"Requests"_s}));
        const QStringList context = chainOf(u"contextDock"_s);
        QVERIFY2(context.indexOf(u"Context budget"_s) == 0 && context.indexOf(u"Pin File…"_s) < context.indexOf(u"Extra context chunks"_s)
                     && context.indexOf(u"Extra context chunks"_s) < context.indexOf(u"Pin"_s),
                 qPrintable(context.join(u" → "_s)));
        QCOMPARE(chainOf(u"historyDock"_s).mid(0, 5), (QStringList{u"Search the history"_s, u"Filter by model"_s, u"Filter by endpoint"_s,
                                                                   u"Filter by status"_s, u"Exchanges"_s}));
    }

    void everyFocusableWidgetHasAName()
    {
        open();
        m_window->loadText(u"def add(a, b):\n    \n"_s, 19, u"a.py"_s);
        completeAtCursor();
        // Compare with two columns (a sweep), so the columns are walked too.
        QSignalSpy finished(m_window->comparePanel()->compareRun(), &CompareRun::finished);
        QVERIFY(m_window->comparePanel()->sweep(Sweep::Parameter::Temperature, u"0, 0.5"_s));
        QVERIFY(finished.wait());
        QCOMPARE(m_window->comparePanel()->columns().size(), 2);

        // The main window with each dock brought to the front in turn.
        walk(m_window.get());
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
            dock->show();
            dock->raise();
            QCoreApplication::processEvents();
            walk(dock);
        }
        const qsizetype inWindow = m_checked.size();

        // The settings dialog, every page.
        SettingsDialog settings(m_ctx->context.get(), {u"Breeze Light"_s}, m_window.get());
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        auto *tabs = settings.findChild<QTabWidget *>();
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            walk(&settings);
        }
        const qsizetype inSettings = m_checked.size() - inWindow;
        settings.reject();

        // The Prompt Suite window, after the example suite ran.
        m_window->suiteActions()->runExampleSuite();
        SuiteDialog *suite = m_window->suiteActions()->dialog();
        QVERIFY(suite);
        QSignalSpy suiteDone(suite->run(), &SuiteRun::finished);
        if (suite->run()->isRunning())
            QVERIFY(suiteDone.wait(20000));
        QVERIFY(QTest::qWaitForWindowExposed(suite));
        walk(suite);
        const qsizetype inSuite = m_checked.size() - inWindow - inSettings;
        suite->close();

        // Help ▸ Keyboard Shortcuts.
        ShortcutsDialog shortcuts(m_window.get());
        shortcuts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shortcuts));
        walk(&shortcuts);

        qInfo("walked %lld focusable widgets: %lld in the main window and its docks, %lld in Settings, %lld in the "
              "suite window, %lld in Keyboard Shortcuts",
              qlonglong(m_checked.size()), qlonglong(inWindow), qlonglong(inSettings), qlonglong(inSuite),
              qlonglong(m_checked.size() - inWindow - inSettings - inSuite));
        QVERIFY(m_checked.size() > 60);
        QVERIFY2(m_offenders.isEmpty(), qPrintable(u"focusable widgets without an accessible name:\n  "_s + m_offenders.join(u"\n  "_s)));
    }

    void customWidgetsSayTheirFiguresAndState()
    {
        open();
        m_window->loadText(u"def add(a, b):\n    \n"_s, 19, u"a.py"_s);
        completeAtCursor();
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);

        // The latency plot: a chart whose value is its figures.
        auto *plot = m_window->latencyPanel()->findChild<LatencyPlot *>();
        QVERIFY(plot);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(plot);
        QVERIFY(iface);
        QCOMPARE(iface->role(), QAccessible::Chart);
        QCOMPARE(iface->text(QAccessible::Name), u"Latency plot"_s);
        const QString figures = iface->text(QAccessible::Value);
        QVERIFY2(figures.contains(u"p50 ") && figures.contains(u"p95 ") && figures.contains(u" ms"), qPrintable(figures));
        QVERIFY2(figures.contains(u"last requests, newest first:"), qPrintable(figures));
        QCOMPARE(figures, plot->summaryText());

        // The health dot in the status bar and the Health panel's state: the state in words.
        QTRY_VERIFY(m_ctx->context->health()->last().state != HealthReport::State::Unknown);
        const QString state = HealthPanel::stateText(m_ctx->context->health()->last().state);
        int healthLabels = 0;
        for (QLabel *label : m_window->findChildren<QLabel *>()) {
            QAccessibleInterface *l = QAccessible::queryAccessibleInterface(label);
            if (!l->text(QAccessible::Name).startsWith(u"Health: "))
                continue;
            ++healthLabels;
            QCOMPARE(l->text(QAccessible::Name), u"Health: "_s + state);
            QCOMPARE(l->role(), QAccessible::StatusBar);
        }
        QCOMPARE(healthLabels, 2);

        // Compare's columns: named by their variant, described by their result.
        QSignalSpy finished(m_window->comparePanel()->compareRun(), &CompareRun::finished);
        QVERIFY(m_window->comparePanel()->sweep(Sweep::Parameter::Temperature, u"0, 0.5"_s));
        QVERIFY(finished.wait());
        for (CompareColumn *column : m_window->comparePanel()->columns()) {
            QAccessibleInterface *c = QAccessible::queryAccessibleInterface(column);
            QCOMPARE(c->role(), QAccessible::Grouping);
            QCOMPARE(c->text(QAccessible::Name), u"Variant "_s + column->title());
            QVERIFY2(c->text(QAccessible::Description).contains(u"total ") && c->text(QAccessible::Description).contains(u"ms"),
                     qPrintable(c->text(QAccessible::Description)));
        }

        // The Stats panel's acceptance plot: a chart, its days in the description.
        auto *acceptance = m_window->statsPanel()->findChild<AcceptancePlot *>();
        QVERIFY(acceptance);
        acceptance->setStats({{QDate(2026, 12, 1), 4, 3}}, 0.75);
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(acceptance);
        QCOMPARE(a->role(), QAccessible::Chart);
        QCOMPARE(a->text(QAccessible::Value), u"75 % accepted over the period"_s);
        QVERIFY2(a->text(QAccessible::Description).contains(u"3 of 4 accepted"), qPrintable(a->text(QAccessible::Description)));
    }

    void suggestionsAreAnnouncedAndReadable()
    {
        open();
        g_heard.clear();
        QAccessible::installUpdateHandler(hear);
        QAccessible::setActive(true); // what the platform's bridge does when a screen reader starts
        QVERIFY(SuggestionAnnouncer::listening());
        CodeEditor *editor = m_window->editor();
        m_window->loadText(u"def add(a, b):\n    \n"_s, 19, u"a.py"_s);

        // Ctrl+Space: the suggestion is announced with the key that takes it, and its text is
        // in the editor's description (the ghost text is not in the document).
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(editor->hasSuggestion());
        QTRY_COMPARE(heardAbout(editor).size(), 1);
        QVERIFY2(heardAbout(editor).at(0).contains(u"return a + b") && heardAbout(editor).at(0).contains(u"Tab to accept"),
                 qPrintable(heardAbout(editor).at(0)));
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(editor);
        QCOMPARE(iface->text(QAccessible::Name), u"Code editor"_s);
        QVERIFY2(iface->text(QAccessible::Description).contains(u"return a + b"), qPrintable(iface->text(QAccessible::Description)));

        // Tab: accepted.
        QTest::keyClick(editor, Qt::Key_Tab);
        QVERIFY(editor->toPlainText().contains(u"return a + b"));
        QVERIFY2(heardAbout(editor).constLast().contains(u"Suggestion accepted"), qPrintable(heardAbout(editor).join(u" | "_s)));
        QVERIFY(!iface->text(QAccessible::Description).contains(u"return a + b"));

        // Another, and Esc: dismissed.
        m_server->setReply("/v1/fim/completions", FakeUpstream::codestralCompletion(u"  # done"_s));
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(editor->hasSuggestion());
        QTRY_VERIFY(heardAbout(editor).constLast().contains(u"Tab to accept"));
        QTest::keyClick(editor, Qt::Key_Escape);
        QVERIFY(!editor->hasSuggestion());
        QVERIFY2(heardAbout(editor).constLast().contains(u"Suggestion dismissed"), qPrintable(heardAbout(editor).join(u" | "_s)));
        QCOMPARE(heardAbout(editor).size(), 4);
    }

    // Nobody listening: nothing is made on the keystroke path (no words, no events).
    void silentWithoutAssistiveTechnology()
    {
        open();
        QVERIFY(!SuggestionAnnouncer::listening());
        auto *announcer = m_window->editor()->findChild<SuggestionAnnouncer *>();
        QVERIFY(announcer);
        QSignalSpy said(announcer, &SuggestionAnnouncer::announced);
        m_window->loadText(u"def add(a, b):\n    \n"_s, 19, u"a.py"_s);
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(m_window->editor()->hasSuggestion());
        QTest::keyClick(m_window->editor(), Qt::Key_Tab);
        QCOMPARE(said.size(), 0);
        QCOMPARE(m_window->editor()->accessibleDescription(), QString());
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
