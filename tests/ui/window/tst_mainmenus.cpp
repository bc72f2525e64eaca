#include "editor/completioncontroller.h"
#include "editor/editorkeys.h"
#include "fakeupstream.h"
#include "testcontext.h"
#include "testwindow.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QKeyEvent>
#include <QDialog>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

// The shortcuts the README promises, read from its table and pressed in the real window.
class TestMainMenus : public QObject
{
    Q_OBJECT

    struct Row
    {
        QString key;
        QString menu;
        QString item;
    };

    // The "Keyboard shortcuts" table of the README: | key | Menu ▸ Item |.
    static QList<Row> readmeShortcuts()
    {
        QFile f(qEnvironmentVariable("FIM_SOURCE_DIR") + QStringLiteral("/README.md"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QString text = QString::fromUtf8(f.readAll());
        const qsizetype start = text.indexOf(QStringLiteral("### Keyboard shortcuts"));
        const qsizetype end = text.indexOf(QStringLiteral("\n#"), start + 5);
        static const QRegularExpression row(QStringLiteral("^\\| (.+?) \\| (.+?) ▸ (.+?) \\|$"), QRegularExpression::MultilineOption);
        QList<Row> rows;
        for (auto it = row.globalMatch(text.mid(start, end - start)); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            if (m.captured(1) != u"key")
                rows.append({m.captured(1), m.captured(2), m.captured(3)});
        }
        return rows;
    }

    // The menu item, by its shown text (mnemonics and the key hint after a tab left out).
    static QAction *findAction(QMainWindow *window, const QString &menu, const QString &item)
    {
        for (QAction *top : window->menuBar()->actions()) {
            if (!top->menu() || top->text().remove(QLatin1Char('&')) != menu)
                continue;
            for (QAction *a : top->menu()->actions())
                if (a->text().remove(QLatin1Char('&')).section(QLatin1Char('\t'), 0, 0) == item)
                    return a;
        }
        return nullptr;
    }

    // Any dialog an action opens (a file dialog, Settings, a question) is closed at once.
    static void closeDialogsWhileRunning(QObject *owner, bool *running)
    {
        QTimer::singleShot(20, owner, [owner, running] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *d = qobject_cast<QDialog *>(w); d && d->isVisible())
                    d->reject();
            if (*running)
                closeDialogsWhileRunning(owner, running);
        });
    }

private slots:
    // Ctrl+A and Ctrl+C act on the text that has the keyboard (a panel's field), not on the editor.
    void editKeysActOnTheFocusedText()
    {
        TestContext ctx;
        std::unique_ptr<MainWindow> window = openTestWindow(ctx.context.get());
        QVERIFY(window);
        window->loadText(QStringLiteral("editor text\n"), 0, QStringLiteral("a.py"));
        auto *field = new QLineEdit(QStringLiteral("field text"), window->statusBar());
        field->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QApplication::clipboard()->clear();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("field text"));
        QVERIFY(!window->editor()->textCursor().hasSelection());
        QApplication::clipboard()->clear(); // the next test pastes what the clipboard holds
        window->editor()->document()->setModified(false);
    }

    void everyDocumentedShortcutTriggersItsAction()
    {
        const QList<Row> rows = readmeShortcuts();
        QVERIFY2(rows.size() >= 10, "the README's shortcut table was not found");
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeUpstream::Reply stall = FakeUpstream::seedCompletion(QStringLiteral("late"));
        stall.fault = FakeUpstream::Reply::Fault::StallBeforeHeaders;
        server.setReply("/v1/fim/completions", stall);
        TestContext ctx(server.url());
        std::unique_ptr<MainWindow> window = openTestWindow(ctx.context.get());
        QVERIFY(window);
        bool running = true;
        closeDialogsWhileRunning(this, &running);
        CompletionController *completion = window->completion();
        for (const Row &row : rows) {
            const QKeySequence key(row.key, QKeySequence::PortableText);
            QVERIFY2(!key.isEmpty(), qPrintable(row.key));
            QAction *action = findAction(window.get(), row.menu, row.item);
            QVERIFY2(action, qPrintable(QStringLiteral("no menu item %1 ▸ %2").arg(row.menu, row.item)));
            // As for a person at the keyboard: the window is active (a dialog that was open is gone).
            window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(window.get()));
            window->editor()->setFocus();
            const QKeyCombination combo = key[0];
            if (action->shortcuts().contains(key)) {
                // A menu shortcut: the key triggers the action.
                // The editor takes the standard editing keys (undo, copy, ...) itself, as Qt's text
                // widgets do, by accepting them as shortcut overrides; the menu item fires otherwise.
                QKeyEvent override(QEvent::ShortcutOverride, combo.key(), combo.keyboardModifiers());
                QApplication::sendEvent(window->editor(), &override);
                QSignalSpy triggered(action, &QAction::triggered);
                QTest::keyClick(window->editor(), combo.key(), combo.keyboardModifiers());
                QVERIFY2(triggered.size() == 1 || override.isAccepted(),
                         qPrintable(QStringLiteral("%1 did not trigger %2").arg(row.key, row.item)));
                if (row.item == u"Quit") {
                    QVERIFY(!window->isVisible());
                    window->show();
                    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
                }
                continue;
            }
            // A key the editor handles itself; the menu names it after a tab.
            QVERIFY2(action->text().endsWith(QLatin1Char('\t') + row.key), qPrintable(action->text()));
            QSignalSpy started(completion, &CompletionController::requestStarted);
            QSignalSpy ended(completion, &CompletionController::requestEnded);
            const auto editorKey = std::find_if(EditorKey::all().cbegin(), EditorKey::all().cend(),
                                                [&row](const EditorKey &k) { return row.item == QString::fromUtf8(k.menuItem); });
            QVERIFY2(editorKey != EditorKey::all().cend(), qPrintable(row.item));
            if (editorKey->needsSuggestion) {
                // A suggestion's key: with one on screen, it takes, cycles or dismisses it.
                CodeEditor *editor = window->editor();
                editor->showSuggestion(editor->textCursor().position(), QStringLiteral("alpha beta\ngamma"));
                QSignalSpy taken(editor, &CodeEditor::suggestionTaken);
                QSignalSpy endedSuggestion(editor, &CodeEditor::suggestionEnded);
                QSignalSpy cycled(editor, &CodeEditor::candidateCycleRequested);
                QTest::keyClick(editor, combo.key(), combo.keyboardModifiers());
                QVERIFY2(taken.size() + endedSuggestion.size() + cycled.size() >= 1, qPrintable(row.key));
                editor->clearSuggestion();
                continue;
            }
            if (row.item.startsWith(u"Stop")) {
                completion->trigger();
                QVERIFY(completion->isRequestInFlight());
                QTest::keyClick(window->editor(), combo.key(), combo.keyboardModifiers());
                QVERIFY2(!completion->isRequestInFlight(), qPrintable(row.key));
            } else {
                QTest::keyClick(window->editor(), combo.key(), combo.keyboardModifiers());
                QVERIFY2(started.size() == 1, qPrintable(QStringLiteral("%1 did not ask").arg(row.key)));
                completion->stop();
            }
        }
        running = false;
        window->editor()->document()->setModified(false);
    }
};

QTEST_MAIN(TestMainMenus)
#include "tst_mainmenus.moc"
