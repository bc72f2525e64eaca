#include "answercleaner.h"

#include <QTest>

using namespace AnswerCleaner;
using SuggestionText::Family;

class TestAnswerCleaner : public QObject
{
    Q_OBJECT

private slots:
    // Each rule names itself and says exactly what it took away.
    void eachRuleIsNamedWithWhatItRemoved_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<int>("family");
        QTest::addColumn<QString>("lineRest");
        QTest::addColumn<QStringList>("stops");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<int>("rule");
        QTest::addColumn<QString>("removed");
        QTest::newRow("end-of-text token") << QStringLiteral("return a;<|endoftext|>junk") << int(Family::Qwen) << QString()
                                           << QStringList() << QStringLiteral("return a;") << int(Rule::SpecialToken)
                                           << QStringLiteral("<|endoftext|>junk");
        QTest::newRow("leading token") << QStringLiteral("<s>x = 1") << int(Family::Mistral) << QString() << QStringList()
                                       << QStringLiteral("x = 1") << int(Rule::SpecialToken) << QStringLiteral("<s>");
        QTest::newRow("code fence") << QStringLiteral("```python\nx = 1\n```") << int(Family::Unknown) << QString()
                                    << QStringList() << QStringLiteral("x = 1") << int(Rule::CodeFence)
                                    << QStringLiteral("```python\n\n```");
        QTest::newRow("stop sequence") << QStringLiteral("a + b;\n\ndef other():") << int(Family::Unknown) << QString()
                                       << QStringList{QStringLiteral("\n\n")} << QStringLiteral("a + b;")
                                       << int(Rule::StopSequence) << QStringLiteral("\n\ndef other():");
        QTest::newRow("overlap") << QStringLiteral("bar(x))") << int(Family::Unknown) << QStringLiteral(")") << QStringList()
                                 << QStringLiteral("bar(x)") << int(Rule::Overlap) << QStringLiteral(")");
        QTest::newRow("trailing whitespace") << QStringLiteral("a = 1  \n    ") << int(Family::Unknown) << QString()
                                             << QStringList() << QStringLiteral("a = 1\n") << int(Rule::TrailingWhitespace)
                                             << QStringLiteral("      ");
    }
    void eachRuleIsNamedWithWhatItRemoved()
    {
        QFETCH(QString, raw);
        QFETCH(int, family);
        QFETCH(QString, lineRest);
        QFETCH(QStringList, stops);
        QFETCH(QString, shown);
        QFETCH(int, rule);
        QFETCH(QString, removed);
        const Context context{Family(family), lineRest, stops};
        const Cleaned c = clean(raw, context);
        QCOMPARE(c.raw, raw);
        QCOMPARE(c.text, shown);
        QCOMPARE(c.steps.size(), 1);
        QCOMPARE(int(c.steps.first().rule), rule);
        QCOMPARE(c.steps.first().removed, removed);
        QVERIFY(describe(c.steps).startsWith(ruleName(Rule(rule))));
        // Turned off, the rule leaves the answer as it came.
        const Cleaned off = clean(raw, context, allRules() & ~Rules(Rule(rule)));
        QVERIFY(off.steps.isEmpty());
        QCOMPARE(off.text, raw);
    }

    // Several rules on one answer, in their order; nothing fires on a clean answer.
    void rulesRunInOrder()
    {
        const Context context{Family::Qwen, QStringLiteral(")"), {QStringLiteral("\n\n")}};
        const Cleaned c = clean(QStringLiteral("```\nfoo(a)\n```<|endoftext|>"), context);
        QCOMPARE(c.text, QStringLiteral("foo(a"));
        QList<Rule> fired;
        for (const Step &s : c.steps)
            fired << s.rule;
        QCOMPARE(fired, (QList<Rule>{Rule::SpecialToken, Rule::CodeFence, Rule::Overlap}));
        QVERIFY(clean(QStringLiteral("return 0;"), context).steps.isEmpty());
        // A single line's trailing space may be the one before the next word: kept.
        QCOMPARE(clean(QStringLiteral("x = "), Context{}).text, QStringLiteral("x = "));
    }

    // While streaming, nothing is shown that the whole answer would not keep: the stream's text is
    // always a prefix of the final one, at every cut.
    void streamingShowsOnlyWhatStays_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QStringList>("stops");
        QTest::newRow("stop") << QStringLiteral("int a = 1;\n\nint b;") << QStringList{QStringLiteral("\n\n")};
        QTest::newRow("blanks") << QStringLiteral("if (x) {   \n    y();  \n}") << QStringList();
        QTest::newRow("token") << QStringLiteral("done();<|endoftext|>more") << QStringList();
    }
    void streamingShowsOnlyWhatStays()
    {
        QFETCH(QString, raw);
        QFETCH(QStringList, stops);
        const Context context{Family::Qwen, QString(), stops};
        const QString final = clean(raw, context).text;
        for (qsizetype cut = 0; cut <= raw.size(); ++cut) {
            const QString partial = cleanStreaming(raw.left(cut), context);
            QVERIFY2(final.startsWith(partial), qPrintable(QStringLiteral("cut %1: %2").arg(cut).arg(partial)));
        }
        // Rules off: the raw text streams as it is.
        QCOMPARE(cleanStreaming(raw, context, {}), raw);
    }

    void namesAndDescriptions()
    {
        QCOMPARE(ruleList().size(), 5);
        for (Rule r : ruleList()) {
            QVERIFY(!ruleName(r).isEmpty());
            QVERIFY(ruleDescription(r).size() > 20);
        }
        QCOMPARE(describe({{Rule::Overlap, QStringLiteral(")\n")}}), QStringLiteral("overlap removed “)↵”"));
    }
};

QTEST_GUILESS_MAIN(TestAnswerCleaner)
#include "tst_answercleaner.moc"
