#include "editor/codeeditor.h"
#include "screenshot.h"

#include <KSyntaxHighlighting/Repository>

#include <QSignalSpy>
#include <QTest>
#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextLayout>
#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QInputMethodEvent>

#include <algorithm>
#include <cmath>

// The editor and its suggestion keys, driven by real key events; no network.
class TestCodeEditor : public QObject
{
    Q_OBJECT

    KSyntaxHighlighting::Repository m_repository;
    CodeEditor *m_editor = nullptr;
    const QString m_text = QStringLiteral("def add(a, b):\n    \n\nprint(add(1, 2))\n");
    const int m_hole = 19; // after "def add(a, b):\n    "

    void showAtHole(const QString &suggestion)
    {
        QTextCursor c = m_editor->textCursor();
        c.setPosition(m_hole);
        m_editor->setTextCursor(c);
        m_editor->showSuggestion(m_hole, suggestion);
        QVERIFY(m_editor->hasSuggestion());
    }

    // No block may keep pre-edit text once the suggestion is gone: nothing on screen that is not in
    // the document.
    bool noGhostAnywhere() const
    {
        for (QTextBlock b = m_editor->document()->begin(); b.isValid(); b = b.next())
            if (b.layout() && !b.layout()->preeditAreaText().isEmpty())
                return false;
        return true;
    }

private slots:
    void init()
    {
        m_editor = new CodeEditor(&m_repository);
        m_editor->setDefinitionForFileName(QStringLiteral("sample.py"));
        m_editor->setPlainText(m_text);
        m_editor->resize(640, 360);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor));
        m_editor->setFocus();
    }
    void cleanup() { delete m_editor; }

    void suggestionLeavesDocumentAlone()
    {
        const int undoSteps = m_editor->document()->availableUndoSteps();
        const int revision = m_editor->document()->revision();
        const QTextBlock block = m_editor->document()->findBlock(m_hole);
        const qreal heightBefore = m_editor->document()->documentLayout()->blockBoundingRect(block).height();
        const QImage before = m_editor->viewport()->grab().toImage();
        showAtHole(QStringLiteral("return a + b\n    # two more\n    # lines"));
        QCOMPARE(m_editor->toPlainText(), m_text);
        QCOMPARE(m_editor->document()->availableUndoSteps(), undoSteps);
        QCOMPARE(m_editor->document()->revision(), revision);
        QVERIFY(!m_editor->document()->isModified());
        // It is drawn: the picture changed, and its lines push the following lines down.
        QVERIFY(m_editor->viewport()->grab().toImage() != before);
        QCOMPARE(m_editor->document()->documentLayout()->blockBoundingRect(block).height(), heightBefore * 3);
        m_editor->clearSuggestion();
        QCOMPARE(m_editor->document()->documentLayout()->blockBoundingRect(block).height(), heightBefore);
        QCOMPARE(m_editor->toPlainText(), m_text);
    }

    void tabAcceptsAllInOneUndoStep()
    {
        showAtHole(QStringLiteral("total = a + b\n    return total"));
        QVERIFY(!m_editor->document()->isUndoAvailable());
        QSignalSpy consumed(m_editor, &CodeEditor::suggestionConsumed);
        QSignalSpy edited(m_editor, &CodeEditor::userEdited);
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QCOMPARE(m_editor->toPlainText(), QString(m_text).insert(m_hole, QStringLiteral("total = a + b\n    return total")));
        QVERIFY(!m_editor->hasSuggestion());
        QCOMPARE(m_editor->textCursor().position(), m_hole + 30);
        QCOMPARE(consumed.size(), 1);
        QCOMPARE(consumed.first().at(1).toBool(), true);
        QCOMPARE(edited.size(), 0);
        // One Ctrl+Z takes all of it back, and nothing else is left to undo.
        QTest::keyClick(m_editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_editor->toPlainText(), m_text);
        QVERIFY(!m_editor->document()->isUndoAvailable());
    }

    void shiftTabAcceptsOneLine()
    {
        showAtHole(QStringLiteral("total = a + b\n    return total"));
        QTest::keyClick(m_editor, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(m_editor->toPlainText(), QString(m_text).insert(m_hole, QStringLiteral("total = a + b\n")));
        QCOMPARE(m_editor->suggestion(), QStringLiteral("    return total"));
        QCOMPARE(m_editor->suggestionPosition(), m_editor->textCursor().position());
        QTest::keyClick(m_editor, Qt::Key_Backtab, Qt::ShiftModifier);
        QVERIFY(!m_editor->hasSuggestion());
        QCOMPARE(m_editor->toPlainText(), QString(m_text).insert(m_hole, QStringLiteral("total = a + b\n    return total")));
    }

    void ctrlRightAcceptsAWordAndKeepsTheRest()
    {
        showAtHole(QStringLiteral("return a + b"));
        QTest::keyClick(m_editor, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(m_editor->toPlainText(), QString(m_text).insert(m_hole, QStringLiteral("return")));
        QCOMPARE(m_editor->suggestion(), QStringLiteral(" a + b"));
        QTest::keyClick(m_editor, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(m_editor->suggestion(), QStringLiteral(" + b"));
        // Each accepted word is its own undo step.
        QTest::keyClick(m_editor, Qt::Key_Escape);
        QTest::keyClick(m_editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_editor->toPlainText(), QString(m_text).insert(m_hole, QStringLiteral("return")));
        QTest::keyClick(m_editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_editor->toPlainText(), m_text);
    }

    void escDismisses()
    {
        showAtHole(QStringLiteral("return a + b"));
        QSignalSpy dismissed(m_editor, &CodeEditor::suggestionDismissed);
        QTest::keyClick(m_editor, Qt::Key_Escape);
        QVERIFY(!m_editor->hasSuggestion());
        QCOMPARE(dismissed.size(), 1);
        QCOMPARE(m_editor->toPlainText(), m_text);
    }

    void typingTheSuggestionConsumesIt()
    {
        showAtHole(QStringLiteral("return a + b"));
        QSignalSpy edited(m_editor, &CodeEditor::userEdited);
        QSignalSpy consumed(m_editor, &CodeEditor::suggestionConsumed);
        QTest::keyClicks(m_editor, QStringLiteral("ret"));
        QCOMPARE(m_editor->suggestion(), QStringLiteral("urn a + b"));
        QCOMPARE(consumed.size(), 3);
        QCOMPARE(edited.size(), 0);
        QCOMPARE(m_editor->toPlainText(), QString(m_text).insert(m_hole, QStringLiteral("ret")));
        // A character that does not match dismisses it and is typed as usual.
        QTest::keyClicks(m_editor, QStringLiteral("x"));
        QVERIFY(!m_editor->hasSuggestion());
        QCOMPARE(edited.size(), 1);
        QCOMPARE(m_editor->toPlainText(), QString(m_text).insert(m_hole, QStringLiteral("retx")));
    }

    // Show Confidence: each stretch of the ghost text at the opacity of its token's probability;
    // after a partial accept the rest keeps its own; a new suggestion starts unshaded.
    void confidenceShadesTheGhostText()
    {
        showAtHole(QStringLiteral("return a\r\n+ b"));
        const auto opacities = [this] {
            const QTextLayout *layout = m_editor->document()->findBlock(m_editor->suggestionPosition()).layout();
            const int at = layout->preeditAreaPosition();
            QList<double> out(layout->preeditAreaText().size(), -1);
            for (const QTextLayout::FormatRange &r : layout->formats())
                for (int i = std::max(r.start, at); i < std::min(r.start + r.length, at + int(out.size())); ++i)
                    out[i - at] = r.format.foreground().color().alphaF();
            return out;
        };
        const QList<double> plain = opacities();
        QCOMPARE(plain.size(), 12); // the "\r" is not drawn
        const double base = plain.at(0);
        QVERIFY(std::all_of(plain.cbegin(), plain.cend(), [base](double a) { return a == base; }));
        // "return" 0.9, " a" 0.2, "\r\n" 0.5, "+ b" unknown.
        m_editor->setSuggestionConfidence({{0, 6, 0.9}, {6, 2, 0.2}, {8, 2, 0.5}});
        const QList<double> shaded = opacities();
        QCOMPARE(shaded.size(), 12);
        const auto near = [](double a, double b) { return std::abs(a - b) < 1e-4; };
        QVERIFY(near(shaded.at(0), GhostText::opacityFor(base, 0.9)));
        QVERIFY(near(shaded.at(5), GhostText::opacityFor(base, 0.9)));
        QVERIFY(near(shaded.at(6), GhostText::opacityFor(base, 0.2)));
        QVERIFY(near(shaded.at(7), GhostText::opacityFor(base, 0.2)));
        QVERIFY(near(shaded.at(8), GhostText::opacityFor(base, 0.5))); // the line break, drawn as one
        QVERIFY(near(shaded.at(9), base));
        QVERIFY(near(shaded.at(11), base));
        QVERIFY(shaded.at(6) < shaded.at(0));
        QCOMPARE(m_editor->toPlainText(), m_text); // drawing only

        QTest::keyClick(m_editor, Qt::Key_Right, Qt::ControlModifier); // accepts "return"
        QCOMPARE(m_editor->suggestion(), QStringLiteral(" a\r\n+ b"));
        const QList<double> rest = opacities();
        QVERIFY(near(rest.at(0), GhostText::opacityFor(base, 0.2)));
        QVERIFY(near(rest.at(1), GhostText::opacityFor(base, 0.2)));
        QVERIFY(near(rest.at(2), GhostText::opacityFor(base, 0.5)));
        QVERIFY(near(rest.at(3), base));

        showAtHole(QStringLiteral("x"));
        QVERIFY(m_editor->suggestionConfidence().isEmpty());
        QVERIFY(near(opacities().at(0), base));
    }

    void shiftAloneKeepsTheSuggestion()
    {
        showAtHole(QStringLiteral("Return"));
        QTest::keyClick(m_editor, Qt::Key_Shift, Qt::ShiftModifier);
        QVERIFY(m_editor->hasSuggestion());
        QTest::keyClicks(m_editor, QStringLiteral("R"));
        QCOMPARE(m_editor->suggestion(), QStringLiteral("eturn"));
    }

    void clickAndCursorKeysDismiss()
    {
        showAtHole(QStringLiteral("return a + b"));
        QTest::keyClick(m_editor, Qt::Key_Left);
        QVERIFY(!m_editor->hasSuggestion());
        QCOMPARE(m_editor->textCursor().position(), m_hole - 1);
        showAtHole(QStringLiteral("return a + b"));
        QTest::mouseClick(m_editor->viewport(), Qt::LeftButton, {}, QPoint(5, 5));
        QVERIFY(!m_editor->hasSuggestion());
        QCOMPARE(m_editor->toPlainText(), m_text);
    }

    void editsBehindItsBackDismiss()
    {
        showAtHole(QStringLiteral("return a + b"));
        QTextCursor other(m_editor->document());
        other.insertText(QStringLiteral("# header\n"));
        QVERIFY(!m_editor->hasSuggestion());
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("# header\n") + m_text);
        // No pre-edit text is left anywhere in the document's layout.
        for (QTextBlock b = m_editor->document()->begin(); b.isValid(); b = b.next())
            QVERIFY(b.layout()->preeditAreaText().isEmpty());
    }

    void tabIndentsWithoutASuggestion()
    {
        QTextCursor c = m_editor->textCursor();
        c.setPosition(m_text.indexOf(QStringLiteral("print")));
        m_editor->setTextCursor(c);
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QVERIFY(m_editor->toPlainText().contains(QStringLiteral("\n    print(add(1, 2))")));
        QTest::keyClicks(m_editor, QStringLiteral("x"));
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QVERIFY(m_editor->toPlainText().contains(QStringLiteral("\n    x   print(")));
    }

    void enterKeepsAndDeepensIndentation()
    {
        m_editor->setPlainText(QStringLiteral("    if x:"));
        m_editor->moveCursor(QTextCursor::End);
        QTest::keyClick(m_editor, Qt::Key_Return);
        QTest::keyClicks(m_editor, QStringLiteral("y = 1"));
        QTest::keyClick(m_editor, Qt::Key_Return);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("    if x:\n        y = 1\n        "));
    }

    void ctrlSpaceAsksForACompletion()
    {
        QSignalSpy requested(m_editor, &CodeEditor::completionRequested);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(m_editor->toPlainText(), m_text);
    }

    void highlightingAndThemes()
    {
        QCOMPARE(m_editor->definitionName(), QStringLiteral("Python"));
        m_editor->setThemeByName(QStringLiteral("Breeze Dark"));
        QCOMPARE(m_editor->theme().name(), QStringLiteral("Breeze Dark"));
        QVERIFY(m_editor->palette().color(QPalette::Base).lightness() < 128);
        QVERIFY(Screenshot::inkRatio(m_editor->viewport()->grab(QRect(0, 0, 200, 80)).toImage()) > 0.02);
        m_editor->setThemeByName(QString()); // follow the palette again
        QVERIFY(m_editor->theme().isValid());
    }


    void ghostVanishesAfterAnyChange_data()
    {
        QTest::addColumn<int>("change");
        QTest::newRow("multi-line paste from the menu at the cursor") << 0;
        QTest::newRow("multi-line insert before the cursor, same line") << 1;
        QTest::newRow("undo") << 2;
        QTest::newRow("replace of a selection") << 3;
        QTest::newRow("drop of text") << 4;
        QTest::newRow("edit far away") << 5;
    }
    void ghostVanishesAfterAnyChange()
    {
        QFETCH(int, change);
        QTest::keyClicks(m_editor, QStringLiteral("x")); // something to undo
        QTextCursor c = m_editor->textCursor();
        c.setPosition(m_hole);
        m_editor->setTextCursor(c);
        m_editor->showSuggestion(m_hole, QStringLiteral("return a + b\n    # more"));
        QSignalSpy dismissed(m_editor, &CodeEditor::suggestionDismissed);
        switch (change) {
        case 0: {
            QGuiApplication::clipboard()->setText(QStringLiteral("one\ntwo\nthree"));
            m_editor->paste();
            break;
        }
        case 1: {
            QTextCursor other(m_editor->document());
            other.setPosition(m_hole - 2);
            other.insertText(QStringLiteral("A\nB\nC"));
            break;
        }
        case 2:
            m_editor->undo();
            break;
        case 3: {
            QTextCursor sel(m_editor->document());
            sel.setPosition(0);
            sel.setPosition(3, QTextCursor::KeepAnchor);
            sel.insertText(QStringLiteral("async def\n"));
            break;
        }
        case 4: {
            QMimeData mime;
            mime.setText(QStringLiteral("dropped\nlines\n"));
            const QPoint at = m_editor->cursorRect().center();
            QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(m_editor->viewport(), &enter);
            QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(m_editor->viewport(), &drop);
            break;
        }
        case 5: {
            QTextCursor end(m_editor->document());
            end.movePosition(QTextCursor::End);
            end.insertText(QStringLiteral("# tail\n"));
            break;
        }
        }
        QVERIFY(!m_editor->hasSuggestion());
        QVERIFY(!m_editor->hasActiveSuggestion());
        QCOMPARE(dismissed.size(), 1);
        QVERIFY(noGhostAnywhere());
    }

    void shiftEnterInsertsALineBreakNotU2028()
    {
        QTextCursor c = m_editor->textCursor();
        c.setPosition(14); // after "def add(a, b):"
        m_editor->setTextCursor(c);
        QSignalSpy edited(m_editor, &CodeEditor::userEdited);
        QTest::keyClick(m_editor, Qt::Key_Return, Qt::ShiftModifier);
        QVERIFY(!m_editor->document()->toRawText().contains(QChar::LineSeparator));
        QVERIFY(m_editor->exactText().startsWith(QStringLiteral("def add(a, b):\n    \n")));
        QCOMPARE(edited.size(), 1);
    }

    void exactTextKeepsEveryCharacter()
    {
        const QString text = QStringLiteral("a\u00a0b\fc\td\u2028e\n\nf");
        m_editor->setPlainText(text);
        QCOMPARE(m_editor->exactText(), text);
        QVERIFY(m_editor->toPlainText() != text); // Qt's own turns the no-break space into a space
    }

    void tabIndentsSelectedLinesAndShiftTabUnindents()
    {
        m_editor->setPlainText(QStringLiteral("a\nb\n\nc\n"));
        QTextCursor c(m_editor->document());
        c.setPosition(0);
        c.setPosition(6, QTextCursor::KeepAnchor); // a, b, the empty line and into c
        m_editor->setTextCursor(c);
        QTest::keyClick(m_editor, Qt::Key_Tab);
        QCOMPARE(m_editor->exactText(), QStringLiteral("    a\n    b\n\n    c\n"));
        QTest::keyClick(m_editor, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(m_editor->exactText(), QStringLiteral("a\nb\n\nc\n"));
        // One undo step each.
        m_editor->undo();
        QCOMPARE(m_editor->exactText(), QStringLiteral("    a\n    b\n\n    c\n"));
        // Without a selection and without a suggestion, Shift+Tab unindents the cursor's line.
        m_editor->setPlainText(QStringLiteral("        x = 1\n"));
        m_editor->moveCursor(QTextCursor::End);
        QTest::keyClick(m_editor, Qt::Key_Up);
        QTest::keyClick(m_editor, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(m_editor->exactText(), QStringLiteral("    x = 1\n"));
    }

    void suggestionKeysOnlyWithoutOtherModifiers()
    {
        showAtHole(QStringLiteral("return a + b"));
        // Ctrl+Shift+Right selects a word as always; it does not accept one.
        QTest::keyClick(m_editor, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_editor->exactText(), m_text);
        QVERIFY(!m_editor->hasSuggestion());
        showAtHole(QStringLiteral("return a + b"));
        QTest::keyClick(m_editor, Qt::Key_Backtab, Qt::ShiftModifier | Qt::ControlModifier);
        QCOMPARE(m_editor->exactText(), m_text);
        QVERIFY(!m_editor->hasSuggestion());
        showAtHole(QStringLiteral("return a + b"));
        QTest::keyClick(m_editor, Qt::Key_Escape, Qt::ShiftModifier);
        QVERIFY(!m_editor->hasSuggestion());
        QCOMPARE(m_editor->exactText(), m_text);
    }

    void typeThroughNeverSplitsAGrapheme()
    {
        // e + combining acute: typing "e" alone would leave a lone accent on screen.
        showAtHole(QStringLiteral("e\u0301t\u00e9"));
        QTest::keyClick(m_editor, Qt::Key_E, Qt::NoModifier);
        QVERIFY(!m_editor->hasSuggestion());
        QCOMPARE(m_editor->exactText(), QString(m_text).insert(m_hole, QLatin1Char('e')));
        m_editor->undo();
        // An emoji is one key press carrying a surrogate pair: it types through whole.
        showAtHole(QStringLiteral("\U0001F600 done"));
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QStringLiteral("\U0001F600"));
        QApplication::sendEvent(m_editor, &press);
        QVERIFY(m_editor->hasSuggestion());
        QCOMPARE(m_editor->suggestion(), QStringLiteral(" done"));
        // Ctrl+Right takes the next word; the rest stays whole.
        QTest::keyClick(m_editor, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(m_editor->suggestion(), QString());
        QCOMPARE(m_editor->exactText(), QString(m_text).insert(m_hole, QStringLiteral("\U0001F600 done")));
    }

    void inputMethodCommitIsTyping()
    {
        showAtHole(QStringLiteral("return a + b"));
        QSignalSpy edited(m_editor, &CodeEditor::userEdited);
        QInputMethodEvent through(QString(), {});
        through.setCommitString(QStringLiteral("ret"));
        QApplication::sendEvent(m_editor, &through);
        QCOMPARE(m_editor->suggestion(), QStringLiteral("urn a + b"));
        QCOMPARE(edited.size(), 0);
        QInputMethodEvent other(QString(), {});
        other.setCommitString(QStringLiteral("\u00fc"));
        QApplication::sendEvent(m_editor, &other);
        QVERIFY(!m_editor->hasSuggestion());
        QCOMPARE(edited.size(), 1); // counts as typing: the debounce starts
        QVERIFY(m_editor->exactText().contains(QStringLiteral("ret\u00fc")));
    }

    void escWithoutSuggestionAsksToStopAndCtrlShiftSpaceAsksFresh()
    {
        QSignalSpy stop(m_editor, &CodeEditor::stopRequested);
        QSignalSpy asked(m_editor, &CodeEditor::completionRequested);
        QTest::keyClick(m_editor, Qt::Key_Escape);
        QCOMPARE(stop.size(), 1);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier);
        QTest::keyClick(m_editor, Qt::Key_Space, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked.at(0).at(0).toBool(), false);
        QCOMPARE(asked.at(1).at(0).toBool(), true);
        QCOMPARE(m_editor->exactText(), m_text);
    }
};

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
