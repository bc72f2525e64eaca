#pragma once

#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "fakeupstream.h"
#include "settings/commandline.h"
#include "testcontext.h"
#include "window/mainwindow.h"

#include <QMenu>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// The whole window as a user starts it (with the options of a command line), shown offscreen and
// exposed, the editor focused; completing while typing is off so tests decide when to ask.
// Null when the window did not come up.
inline std::unique_ptr<MainWindow> openTestWindow(AppContext *context, const PlaygroundOptions &options = {})
{
    auto window = std::make_unique<MainWindow>(context);
    window->completion()->setAutoTrigger(false);
    window->start(options);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !QTest::qWaitFor([&window] { return window->hasStarted(); }))
        return {};
    window->editor()->setFocus();
    return window;
}

// A test of the whole window against the fake upstream, with settings, session and secrets in a
// scratch folder. A test class derives from it and calls setUpWindowTest() from init() and
// tearDownWindowTest() from cleanup(); open() starts the window as a user does.
class WindowTest : public QObject
{
protected:
    FakeUpstream *m_server = nullptr;
    std::unique_ptr<TestContext> m_ctx;
    std::unique_ptr<MainWindow> m_window;

    bool setUpWindowTest()
    {
        m_server = new FakeUpstream(this);
        if (!m_server->listen())
            return false;
        m_ctx = std::make_unique<TestContext>(m_server->url());
        return true;
    }

    void tearDownWindowTest()
    {
        if (m_window)
            m_window->editor()->document()->setModified(false); // no "save changes?" on the way out
        m_window.reset();
        m_ctx.reset();
        delete m_server;
        m_server = nullptr;
    }

    void open(const PlaygroundOptions &options = {})
    {
        m_window = openTestWindow(m_ctx->context.get(), options);
        QVERIFY(m_window);
    }

    // Ctrl+Space in the editor, and the wait for the request's end.
    void completeAtCursor()
    {
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        m_window->editor()->setFocus();
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(timings.wait());
    }

    // Chooses a menu's action with the keyboard (Down to it, Enter), the menu popped up where a
    // user would see it.
    void chooseMenuAction(QMenu *menu, const QString &text)
    {
        QVERIFY(menu);
        menu->popup(m_window->mapToGlobal(QPoint(200, 100)));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QAction *action = nullptr;
        for (QAction *a : menu->actions())
            if (a->text() == text)
                action = a;
        QVERIFY2(action, qPrintable(text));
        for (int i = 0; i < menu->actions().size() && menu->activeAction() != action; ++i)
            QTest::keyClick(menu, Qt::Key_Down);
        QCOMPARE(menu->activeAction(), action);
        QTest::keyClick(menu, Qt::Key_Return);
        QTRY_VERIFY(!menu->isVisible());
    }

    int completionRequests() const
    {
        int n = 0;
        for (const FakeUpstream::Recorded &r : m_server->requests())
            n += r.path == "/v1/fim/completions";
        return n;
    }
};
