#include "panels/expectedansweredit.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Compare's Expected field: a saved case's answer taken for a run at its prefix and suffix, cleared
// at another place, never over what the user typed (real key events); scores only with a text.
class TestExpectedAnswerEdit : public QObject
{
    Q_OBJECT

    static SuiteCase savedCase(const QString &name, const QString &prompt, std::optional<QString> expected)
    {
        SuiteCase c;
        c.name = name;
        c.request.prompt = prompt;
        c.request.suffix = u"\n"_s;
        c.expected = std::move(expected);
        return c;
    }

private slots:
    void takesASavedAnswerButNeverOverTypedText()
    {
        ExpectedAnswerEdit edit;
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        edit.rememberCase(savedCase(u"old"_s, u"x = "_s, u"1"_s));
        edit.rememberCase(savedCase(u"add"_s, u"x = "_s, u"a + b"_s)); // the newest at a place wins
        edit.rememberCase(savedCase(u"open"_s, u"y = "_s, std::nullopt)); // expects nothing: not kept

        QCOMPARE(edit.takeFor(u"x = "_s, u"\n"_s), u"add"_s);
        QCOMPARE(edit.toPlainText(), u"a + b"_s);
        QCOMPARE(edit.takeFor(u"y = "_s, u"\n"_s), QString()); // elsewhere: the taken answer goes
        QVERIFY(edit.toPlainText().isEmpty());
        QCOMPARE(edit.takeFor(u"x = "_s, u"\n"_s), u"add"_s);
        QCOMPARE(edit.takeFor(u"x = "_s, u"\nmore"_s), QString()); // the suffix counts too
        QVERIFY(edit.toPlainText().isEmpty());

        // Typed by the user: it stays wherever the run is.
        edit.setFocus();
        QTest::keyClicks(&edit, u"mine"_s);
        QCOMPARE(edit.takeFor(u"x = "_s, u"\n"_s), QString());
        QCOMPARE(edit.toPlainText(), u"mine"_s);
        QCOMPARE(edit.takeFor(u"z = "_s, u"\n"_s), QString());
        QCOMPARE(edit.toPlainText(), u"mine"_s);
        // Emptied by the user: a saved answer may come again.
        edit.selectAll();
        QTest::keyClick(&edit, Qt::Key_Backspace);
        QCOMPARE(edit.takeFor(u"x = "_s, u"\n"_s), u"add"_s);
    }

    void scoresOnlyAgainstAText()
    {
        ExpectedAnswerEdit edit;
        QVERIFY(!edit.scoresOf(u"a + b"_s, IdentifierLexer::Language::Python));
        edit.setPlainText(u"a + b"_s);
        // "a - b" against "a + b": one substitution over 5: ES 1 − 1/5; identifiers [a, b] both.
        const std::optional<CompletionScores> s = edit.scoresOf(u"a - b"_s, IdentifierLexer::Language::Python);
        QVERIFY(s);
        QVERIFY(!s->exact);
        QCOMPARE(s->editSimilarity, 1.0 - 1.0 / 5.0);
        QVERIFY(s->identifierExact);
    }
};

QTEST_MAIN(TestExpectedAnswerEdit)
#include "tst_expectedansweredit.moc"
