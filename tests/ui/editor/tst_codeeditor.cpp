#include "codeeditor.h"
#include "screenshot.h"

#include <KSyntaxHighlighting/Repository>

#include <QSignalSpy>
#include <QTest>
#include <QAbstractTextDocumentLayout>
#include <QTextBlock>

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
};

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
