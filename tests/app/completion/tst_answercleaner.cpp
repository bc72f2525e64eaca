#include "completion/answercleaner.h"

#include <QTest>

using namespace AnswerCleaner;
using SuggestionText::Family;

class TestAnswerCleaner : public QObject
{
    Q_OBJECT

    // Brackets of text that close nothing or are never closed (a closer of another kind than the
    // open one counts as one of each); 0 for balanced text.
    static int unmatchedBrackets(const QString &text)
    {
        const QStringView openers = u"([{", closers = u")]}";
        QList<qsizetype> open;
        int unmatched = 0;
        for (QChar c : text) {
            if (const qsizetype o = openers.indexOf(c); o >= 0) {
                open.append(o);
            } else if (const qsizetype k = closers.indexOf(c); k >= 0) {
                if (!open.isEmpty() && open.last() == k)
                    open.removeLast();
                else
                    ++unmatched;
            }
        }
        return unmatched + int(open.size());
    }

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
        const Cleaned c = clean(QStringLiteral("```\nfoo(a))\n```<|endoftext|>"), context);
        QCOMPARE(c.text, QStringLiteral("foo(a)"));
        QList<Rule> fired;
        for (const Step &s : c.steps)
            fired << s.rule;
        QCOMPARE(fired, (QList<Rule>{Rule::SpecialToken, Rule::CodeFence, Rule::Overlap}));
        // The model's own closing bracket is no overlap: foo(a) before the line's ")" stays whole.
        const Cleaned own = clean(QStringLiteral("```\nfoo(a)\n```<|endoftext|>"), context);
        QCOMPARE(own.text, QStringLiteral("foo(a)"));
        QCOMPARE(own.steps.size(), 2);
        QVERIFY(clean(QStringLiteral("return 0;"), context).steps.isEmpty());
        // A single line's trailing space may be the one before the next word: kept.
        QCOMPARE(clean(QStringLiteral("x = "), Context{}).text, QStringLiteral("x = "));
    }

    // The overlap takes only what repeats the text after the cursor and closes what the answer did
    // not open itself: a closing bracket (or quote) of the model's own is the model's text.
    void overlapTakesOnlyWhatTheAnswerDidNotOpen_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("lineRest");
        QTest::addColumn<QString>("shown");
        // print(|)
        QTest::newRow("print(|) + len(x): balanced, whole") << "len(x)" << ")" << "len(x)";
        QTest::newRow("print(|) + x): one closer too many") << "x)" << ")" << "x";
        QTest::newRow("foo(|) + foo(a): whole") << "foo(a)" << ")" << "foo(a)";
        QTest::newRow("f(g(|)) + bar(x)): only the extra one") << "bar(x))" << "))" << "bar(x)";
        QTest::newRow("f(g(|)) + x)): both") << "x))" << "))" << "x";
        QTest::newRow("f(|), f(a)) + x), f(a): the repeated rest") << "x), f(a)" << "), f(a))" << "x";
        QTest::newRow("if (|) { + x) {: the rest of the line") << "x) {" << ") {" << "x";
        QTest::newRow("a[|] + i]") << "i]" << "]" << "i";
        QTest::newRow("a[|] + f(i)]") << "f(i)]" << "]" << "f(i)";
        QTest::newRow("f(|) + ): only the closer") << ")" << ")" << "";
        QTest::newRow("print(\"|\") + hi\"): quote and bracket") << "hi\")" << "\")" << "hi";
        QTest::newRow("x = \"|\" + \"a\": the quotes pair") << "\"a\"" << "\"" << "\"a\"";
        QTest::newRow("s = \"a|\" + b\" + \"c\": one quote too many") << "b\" + \"c\"" << "\"" << "b\" + \"c";
        QTest::newRow("y = |; + 1;: nothing closes") << "1;" << ";" << "1;";
        QTest::newRow("f(|) + a]: no overlap") << "a]" << ")" << "a]";
    }
    void overlapTakesOnlyWhatTheAnswerDidNotOpen()
    {
        QFETCH(QString, raw);
        QFETCH(QString, lineRest);
        QFETCH(QString, shown);
        const Cleaned c = clean(raw, Context{Family::Unknown, lineRest, {}});
        QCOMPARE(c.text, shown);
        QCOMPARE(c.steps.isEmpty(), shown == raw);
        QCOMPARE(SuggestionText::trimOverlap(raw, lineRest), shown);
    }

    // Over every cursor position of bracketed code and many answers, the model's own and ones that
    // repeat the rest of the line: accepting the cleaned answer never leaves the brackets
    // unbalanced where the raw answer left them balanced, nor more unbalanced than it did, and
    // cleaning only ever takes from the end of the answer.
    void acceptingNeverUnbalancesBrackets()
    {
        const QStringList code{
            QStringLiteral("print(len(items[0]), max(a, b))"),
            QStringLiteral("if (x[i] > 0) { y = f(g(x), [1, 2]); }"),
            QStringLiteral("call({\"a\": [1, (2)]}, z)"),
            QStringLiteral("def f(a):\n    return g(a[0], {k: v})\n"),
            QStringLiteral("s = \"text\" + t(\"u\")"),
            QStringLiteral("m[(a)][b] = {c: [d(e), f]}"),
        };
        const QStringList own{QStringLiteral("len(x)"), QStringLiteral("a[i]"), QStringLiteral("f(g(1), [2])"),
                              QStringLiteral("{}"), QStringLiteral("x"), QStringLiteral("\"s\""), QStringLiteral("(a)(b)"),
                              QStringLiteral("x)(y"), QStringLiteral("y]"), QStringLiteral(")")};
        int checked = 0, repaired = 0;
        for (const QString &doc : code) {
            QVERIFY2(unmatchedBrackets(doc) == 0, qPrintable(doc));
            for (qsizetype at = 0; at <= doc.size(); ++at) {
                const QString prefix = doc.left(at), suffix = doc.mid(at);
                const QString lineRest = suffix.section(QLatin1Char('\n'), 0, 0);
                QStringList answers = own;
                // The model going on into the text after the cursor: that is what overlap is for.
                for (qsizetype j = 1; j <= std::min<qsizetype>(lineRest.size(), 8); ++j)
                    for (const QString &middle : {QStringLiteral("x"), QStringLiteral("len(x)"), QStringLiteral("a[0]")})
                        answers << middle + lineRest.left(j);
                for (const QString &raw : std::as_const(answers)) {
                    const QString cleaned = clean(raw, Context{Family::Unknown, lineRest, {}}).text;
                    const QString why = QStringLiteral("%1|%2 + “%3” → “%4”").arg(prefix, suffix, raw, cleaned);
                    QVERIFY2(raw.startsWith(cleaned), qPrintable(why));
                    const int before = unmatchedBrackets(prefix + raw + suffix);
                    const int after = unmatchedBrackets(prefix + cleaned + suffix);
                    QVERIFY2(after <= before, qPrintable(why));
                    ++checked;
                    repaired += after < before;
                }
            }
        }
        QVERIFY(checked > 2000);
        QVERIFY(repaired > 100); // the rule still does its work
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
