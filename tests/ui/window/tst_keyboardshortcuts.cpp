#include "editor/codeeditor.h"
#include "editor/editorkeys.h"
#include "screenshot.h"
#include "testcontext.h"
#include "testwindow.h"
#include "window/focuscycler.h"
#include "window/mainwindow.h"
#include "window/shortcutsdialog.h"

#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QStyle>
#include <QStyleOption>
#include <QTimer>
#include <QToolBar>

using namespace Qt::StringLiterals;

// Help ▸ Keyboard Shortcuts against the README's table (both ways) and the editor's own keys
// against what the editor does with them; F6 and Shift+F6 around the window.
class TestKeyboardShortcuts : public QObject
{
    Q_OBJECT

    // The README's "Keyboard shortcuts" table: "key|Menu ▸ Item" for each row.
    static QStringList readmeRows()
    {
        QFile f(qEnvironmentVariable("FIM_SOURCE_DIR") + u"/README.md"_s);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QString text = QString::fromUtf8(f.readAll());
        const qsizetype start = text.indexOf(u"### Keyboard shortcuts"_s);
        const qsizetype end = text.indexOf(u"\n#"_s, start + 5);
        static const QRegularExpression row(u"^\\| (.+?) \\| (.+? ▸ .+?) \\|$"_s, QRegularExpression::MultilineOption);
        QStringList rows;
        for (auto it = row.globalMatch(text.mid(start, end - start)); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            rows << m.captured(1) + u'|' + m.captured(2);
        }
        return rows;
    }

private slots:
    void dialogMatchesTheReadmeBothWays()
    {
        TestContext ctx;
        std::unique_ptr<MainWindow> window = openTestWindow(ctx.context.get());
        QVERIFY(window);
        QStringList dialog;
        for (const ShortcutsDialog::Row &r : ShortcutsDialog::rows(window.get()))
            dialog << r.key.toString(QKeySequence::PortableText) + u'|' + r.path;
        const QStringList readme = readmeRows();
        QVERIFY2(readme.size() >= 20, "the README's shortcut table was not found");
        QStringList missingInReadme;
        for (const QString &r : std::as_const(dialog))
            if (!readme.contains(r))
                missingInReadme << r;
        QStringList missingInDialog;
        for (const QString &r : readme)
            if (!dialog.contains(r))
                missingInDialog << r;
        QVERIFY2(missingInReadme.isEmpty(), qPrintable(u"in the dialog, not in the README: "_s + missingInReadme.join(u", "_s)));
        QVERIFY2(missingInDialog.isEmpty(), qPrintable(u"in the README, not in the dialog: "_s + missingInDialog.join(u", "_s)));
        QCOMPARE(dialog.size(), readme.size());
        QVERIFY(dialog.contains(u"F6|View ▸ Focus Next Area"_s));
        QVERIFY(dialog.contains(u"Tab|Completion ▸ Accept Suggestion"_s));
    }

    // Each editor key names a Completion menu item that shows that key after a tab.
    void editorKeysNameTheirMenuItems()
    {
        TestContext ctx;
        std::unique_ptr<MainWindow> window = openTestWindow(ctx.context.get());
        QVERIFY(window);
        QMenu *completion = nullptr;
        for (QAction *top : window->menuBar()->actions())
            if (top->text().remove(u'&') == u"Completion")
                completion = top->menu();
        QVERIFY(completion);
        for (const EditorKey &k : EditorKey::all()) {
            bool found = false;
            for (QAction *a : completion->actions())
                found |= a->text() == QString::fromUtf8(k.menuItem) + u'\t' + k.key.toString(QKeySequence::PortableText);
            QVERIFY2(found, k.menuItem);
        }
    }

    // The table says what each key does; the editor does it.
    void editorKeysDoWhatTheTableSays()
    {
        KSyntaxHighlighting::Repository repository;
        CodeEditor editor(&repository);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        using E = EditorKey::Effect;
        for (const EditorKey &k : EditorKey::all()) {
            editor.clearSuggestion();
            editor.setPlainText(u"x = \n"_s);
            QTextCursor c = editor.textCursor();
            c.setPosition(4);
            editor.setTextCursor(c);
            if (k.needsSuggestion)
                editor.showSuggestion(4, u"first second\nnext line"_s);
            QSignalSpy complete(&editor, &CodeEditor::completionRequested);
            QSignalSpy candidates(&editor, &CodeEditor::candidatesRequested);
            QSignalSpy cycle(&editor, &CodeEditor::candidateCycleRequested);
            QSignalSpy stop(&editor, &CodeEditor::stopRequested);
            QSignalSpy ended(&editor, &CodeEditor::suggestionEnded);
            const QKeyCombination combo = k.key[0];
            QTest::keyClick(&editor, combo.key(), combo.keyboardModifiers());
            const QString text = editor.toPlainText();
            const char *what = k.menuItem;
            switch (k.effect) {
            case E::Complete:
                QVERIFY2(complete.size() == 1 && !complete.at(0).at(0).toBool(), what);
                break;
            case E::CompleteFresh:
                QVERIFY2(complete.size() == 1 && complete.at(0).at(0).toBool(), what);
                break;
            case E::Candidates:
                QVERIFY2(candidates.size() == 1, what);
                break;
            case E::Stop:
                QVERIFY2(stop.size() == 1, what);
                break;
            case E::AcceptAll:
                QVERIFY2(text == u"x = first second\nnext line\n" && !editor.hasActiveSuggestion(), qPrintable(text));
                break;
            case E::AcceptLine:
                QVERIFY2(text.startsWith(u"x = first second\n") && !text.contains(u"next line") && editor.hasActiveSuggestion(), qPrintable(text));
                break;
            case E::AcceptWord:
                QVERIFY2(text.startsWith(u"x = first") && !text.contains(u"second") && editor.hasActiveSuggestion(), qPrintable(text));
                break;
            case E::Dismiss:
                QVERIFY2(text == u"x = \n" && !editor.hasSuggestion() && ended.size() == 1
                             && ended.at(0).at(0).value<CodeEditor::SuggestionEnd>() == CodeEditor::SuggestionEnd::Dismissed,
                         what);
                break;
            case E::NextCandidate:
                QVERIFY2(cycle.size() == 1 && cycle.at(0).at(0).toInt() == 1, what);
                break;
            case E::PreviousCandidate:
                QVERIFY2(cycle.size() == 1 && cycle.at(0).at(0).toInt() == -1, what);
                break;
            }
        }
        editor.clearSuggestion();
    }

    // F6 goes editor → each visible dock → toolbar → editor; Shift+F6 back.
    void f6CyclesEditorDocksAndToolbar()
    {
        TestContext ctx;
        std::unique_ptr<MainWindow> window = openTestWindow(ctx.context.get());
        QVERIFY(window);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        auto *cycler = window->findChild<FocusCycler *>();
        QVERIFY(cycler);
        const QList<QWidget *> areas = cycler->areas();
        QCOMPARE(areas.first(), window->editor());
        QVERIFY(qobject_cast<QToolBar *>(areas.last()));
        int docks = 0;
        for (QWidget *a : areas)
            docks += qobject_cast<QDockWidget *>(a) != nullptr;
        QVERIFY2(docks >= 3, qPrintable(QString::number(docks))); // Health, Models, the bottom group's front one
        window->editor()->setFocus();
        QTRY_VERIFY(window->editor()->hasFocus());
        QList<QWidget *> visited;
        for (qsizetype i = 0; i < areas.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            QWidget *area = nullptr;
            for (QWidget *a : areas)
                if (a == focus || a->isAncestorOf(focus))
                    area = a;
            visited << area;
        }
        // Every area but the editor in order, then the editor again.
        QCOMPARE(visited.constLast(), window->editor());
        QCOMPARE(visited.mid(0, visited.size() - 1), areas.mid(1));
        // Screen order: the docks from top to bottom.
        for (qsizetype i = 2; i + 1 < areas.size(); ++i)
            QVERIFY(areas.at(i - 1)->mapToGlobal(QPoint()).y() <= areas.at(i)->mapToGlobal(QPoint()).y() + 8);
        // Shift+F6 goes back: to the toolbar from the editor.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
        QVERIFY(areas.last()->isAncestorOf(QApplication::focusWidget()));
        // Where the keyboard went shows, as after Tab: the toolbar's first box draws its focus frame.
        QVERIFY(window->testAttribute(Qt::WA_KeyboardFocusChange));
        QStyleOption drawn;
        drawn.initFrom(QApplication::focusWidget());
        QVERIFY(drawn.state & QStyle::State_KeyboardFocusChange);
        QVERIFY(drawn.state & QStyle::State_HasFocus);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
        QVERIFY(areas.at(areas.size() - 2)->isAncestorOf(QApplication::focusWidget()));
    }

    // The dialog rendered, to look at (and it shows rows).
    void dialogScreenshot()
    {
        TestContext ctx;
        std::unique_ptr<MainWindow> window = openTestWindow(ctx.context.get());
        QVERIFY(window);
        ShortcutsDialog dialog(window.get());
        QCOMPARE(dialog.table()->rowCount(), int(ShortcutsDialog::rows(window.get()).size()));
        const QImage image = Screenshot::grab(&dialog);
        QVERIFY(!image.isNull());
        QVERIFY(Screenshot::inkRatio(image) > 0.02);
        QVERIFY(!Screenshot::save(image, u"keyboard-shortcuts"_s).isEmpty());
    }

    // Help ▸ Keyboard Shortcuts opens it, with the keyboard (Alt+H, then its mnemonic K).
    void helpMenuOpensTheDialog()
    {
        TestContext ctx;
        std::unique_ptr<MainWindow> window = openTestWindow(ctx.context.get());
        QVERIFY(window);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        bool seen = false;
        QTimer::singleShot(0, this, [&seen] {
            QTRY_VERIFY(qobject_cast<ShortcutsDialog *>(QApplication::activeModalWidget()));
            seen = true;
            QTest::keyClick(QApplication::activeModalWidget(), Qt::Key_Escape);
        });
        QTest::keyClick(window.get(), Qt::Key_H, Qt::AltModifier);
        QTRY_VERIFY(QApplication::activePopupWidget());
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_K);
        QTRY_VERIFY(seen);
        window->editor()->document()->setModified(false);
    }
};

QTEST_MAIN(TestKeyboardShortcuts)
#include "tst_keyboardshortcuts.moc"
