#pragma once

#include "codeeditor.h"
#include "commandline.h"
#include "completioncontroller.h"
#include "mainwindow.h"

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
    if (!QTest::qWaitForWindowExposed(window.get()))
        return {};
    window->editor()->setFocus();
    return window;
}
