#include "suite/completionmetrics.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Every metric against values worked out by hand, the arithmetic beside each: edit similarity
// (Levenshtein over the longer length, code points), first-line exact match, chrF over n = 1..6
// with white space dropped and orders longer than a text left out, identifier precision, recall and
// F1 as multisets, the scores of one answer together, and the mean and percentiles of a spread.
class TestCompletionMetrics : public QObject
{
    Q_OBJECT

private slots:
    void editSimilarity_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("distance");
        QTest::addColumn<double>("similarity");
        // kitten → sitten (k→s) → sittin (e→i) → sitting (+g): 3 edits; the longer is 7.
        QTest::newRow("kitten/sitting") << u"kitten"_s << u"sitting"_s << 3 << 1.0 - 3.0 / 7.0;
        // flaw → law (−f) → lawn (+n): 2 edits over 4.
        QTest::newRow("flaw/lawn") << u"flaw"_s << u"lawn"_s << 2 << 1.0 - 2.0 / 4.0;
        QTest::newRow("same") << u"return a + b"_s << u"return a + b"_s << 0 << 1.0;
        QTest::newRow("both empty") << QString() << QString() << 0 << 1.0;
        // Everything inserted: 3 edits over 3.
        QTest::newRow("answer empty") << QString() << u"abc"_s << 3 << 0.0;
        // ï → i: 1 edit over 5 code points.
        QTest::newRow("non-ASCII") << u"naïve"_s << u"naive"_s << 1 << 1.0 - 1.0 / 5.0;
        // 😀 and 😁 are one code point each (two UTF-16 units that share the first): 1 edit over 2
        // code points, 0.5 (counted in QChar it would be 1 − 1/3).
        QTest::newRow("outside the BMP") << u"a😀"_s << u"a😁"_s << 1 << 0.5;
    }

    void editSimilarity()
    {
        QFETCH(QString, answer);
        QFETCH(QString, expected);
        QFETCH(int, distance);
        QFETCH(double, similarity);
        QCOMPARE(CompletionMetrics::levenshtein(answer, expected), distance);
        QCOMPARE(CompletionMetrics::levenshtein(expected, answer), distance);
        QCOMPARE(CompletionMetrics::editSimilarity(answer, expected), similarity);
    }

    void firstLineExact_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("same");
        QTest::newRow("same first line, rest differs") << u"x = 1\ny = 2"_s << u"x = 1\nz = 3"_s << true;
        QTest::newRow("blank lines before") << u"\n   \nx = 1  \n"_s << u"x = 1"_s << true;
        QTest::newRow("indentation counts") << u"  x = 1"_s << u"x = 1"_s << false;
        QTest::newRow("differs") << u"x = 2\ny"_s << u"x = 1\ny"_s << false;
        QTest::newRow("neither has a line") << u"  \n"_s << QString() << true;
        QTest::newRow("only one has a line") << u"\n"_s << u"x"_s << false;
    }

    void firstLineExact()
    {
        QFETCH(QString, answer);
        QFETCH(QString, expected);
        QFETCH(bool, same);
        QCOMPARE(CompletionMetrics::firstLineExact(answer, expected), same);
    }

    void chrF_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<double>("score");
        // "abc def\ng" is "abcdefg" once white space is gone; against "abcdef", every order counts:
        //   n  answer's  expected's  matches  precision  recall
        //   1     7          6          6        6/7        1
        //   2     6          5          5        5/6        1
        //   3     5          4          4        4/5        1
        //   4     4          3          3        3/4        1
        //   5     3          2          2        2/3        1
        //   6     2          1          1        1/2        1
        // P = (6/7 + 5/6 + 4/5 + 3/4 + 2/3 + 1/2) / 6 = (360 + 350 + 336 + 315 + 280 + 210) / 420 / 6
        //   = 1851 / 2520;  R = 1
        // chrF = (1 + 4)·P·R / (4·P + R) = 5·1851/2520 / (4·1851/2520 + 1) = 9255 / (7404 + 2520) = 9255 / 9924
        QTest::newRow("n = 1..6, white space dropped") << u"abc def\ng"_s << u"abcdef"_s << 9255.0 / 9924.0;
        // Same length, one last character differs: precision = recall at each n, so chrF = P:
        // (6/7 + 5/6 + 4/5 + 3/4 + 2/3 + 1/2) / 6 = 1851 / 2520.
        QTest::newRow("last character differs") << u"abcdefg"_s << u"abcdefh"_s << 1851.0 / 2520.0;
        // "aab" against "ab": n = 1: 3 and 2 unigrams, matches min(2,1) + min(1,1) = 2: P 2/3, R 1.
        // n = 2: {aa, ab} and {ab}: 1 match: P 1/2, R 1. n = 3..6: "ab" has none: left out.
        // P = (2/3 + 1/2) / 2 = 7/12, R = 1; chrF = 5·(7/12) / (4·7/12 + 1) = (35/12) / (40/12) = 7/8.
        QTest::newRow("n longer than a text") << u"aab"_s << u"ab"_s << 7.0 / 8.0;
        // Nothing in common: P = R = 0 at every order: 0.
        QTest::newRow("nothing shared") << u"xyz"_s << u"abc"_s << 0.0;
        QTest::newRow("same") << u"return a + b"_s << u"return a+b"_s << 1.0;
        QTest::newRow("both empty") << QString() << QString() << 1.0;
        QTest::newRow("both only white space") << u"  \t"_s << u"\n"_s << 1.0;
        QTest::newRow("answer empty") << QString() << u"abc"_s << 0.0;
        QTest::newRow("expected empty") << u"abc"_s << QString() << 0.0;
        // Code points: "😀😀" against "😀": n = 1: 2 and 1, 1 match: P 1/2, R 1; n = 2: the expected
        // has none. chrF = 5·(1/2) / (4·(1/2) + 1) = 2.5 / 3 = 5/6. (In UTF-16 units it would be 25/32.)
        QTest::newRow("outside the BMP") << u"😀😀"_s << u"😀"_s << 5.0 / 6.0;
    }

    void chrF()
    {
        QFETCH(QString, answer);
        QFETCH(QString, expected);
        QFETCH(double, score);
        QVERIFY2(qAbs(CompletionMetrics::chrF(answer, expected) - score) < 1e-12,
                 qPrintable(u"%1, expected %2"_s.arg(CompletionMetrics::chrF(answer, expected), 0, 'g', 17).arg(score, 0, 'g', 17)));
    }

    void identifierOverlapCountsRepeats()
    {
        // foo(bar, bar, baz) against foo(bar, qux): matches foo 1 + bar min(2, 1) + baz 0 = 2.
        // P = 2/4, R = 2/3, F1 = 2·(1/2)·(2/3) / (1/2 + 2/3) = (2/3) / (7/6) = 4/7.
        // (As sets it would be {foo, bar, baz} against {foo, bar, qux}: 2/3 each.)
        const auto o = CompletionMetrics::identifierOverlap({u"foo"_s, u"bar"_s, u"bar"_s, u"baz"_s}, {u"foo"_s, u"bar"_s, u"qux"_s});
        QCOMPARE(o.precision, 0.5);
        QCOMPARE(o.recall, 2.0 / 3.0);
        QVERIFY(qAbs(o.f1 - 4.0 / 7.0) < 1e-12);

        const auto none = CompletionMetrics::identifierOverlap({}, {});
        QCOMPARE(none.f1, 1.0);
        const auto missing = CompletionMetrics::identifierOverlap({}, {u"x"_s});
        QCOMPARE(missing.precision, 0.0);
        QCOMPARE(missing.recall, 0.0);
        QCOMPARE(missing.f1, 0.0);
        const auto disjoint = CompletionMetrics::identifierOverlap({u"a"_s}, {u"b"_s});
        QCOMPARE(disjoint.f1, 0.0);
    }

    void scoresOfOneAnswer()
    {
        using L = IdentifierLexer::Language;
        // A final newline costs nothing: every metric is perfect.
        const CompletionScores same = CompletionScores::of(u"return a + b\n"_s, u"return a + b"_s, L::Python);
        QVERIFY(same.exact && same.prefix && same.firstLineExact && same.identifierExact);
        QCOMPARE(same.editSimilarity, 1.0);
        QCOMPARE(same.chrF, 1.0);
        QCOMPARE(same.identifierF1, 1.0);

        // "return a - c" against "return a + b": 2 substitutions over 12: ES 1 − 2/12 = 5/6;
        // identifiers [a, c] against [a, b] (return is a keyword): P = R = F1 = 1/2, not the same sequence.
        const CompletionScores off = CompletionScores::of(u"return a - c"_s, u"return a + b"_s, L::Python);
        QVERIFY(!off.exact && !off.prefix && !off.firstLineExact && !off.identifierExact);
        QCOMPARE(off.editSimilarity, 1.0 - 2.0 / 12.0);
        QCOMPARE(off.identifierPrecision, 0.5);
        QCOMPARE(off.identifierRecall, 0.5);
        QCOMPARE(off.identifierF1, 0.5);
        QVERIFY(off.chrF > 0 && off.chrF < 1);
        QCOMPARE(off.summaryLine(), u"EM ✗ · line ✗ · ES 83 · chrF %1 · id EM ✗ · id F1 50"_s.arg(qRound(off.chrF * 100)));

        // The first line right, a second one more: line EM holds, EM does not; the same identifiers
        // in another order are no identifier EM but F1 1.
        const CompletionScores lines = CompletionScores::of(u"x = y\nz = 1"_s, u"x = y"_s, L::Python);
        QVERIFY(lines.firstLineExact && !lines.exact && lines.prefix);
        const CompletionScores order = CompletionScores::of(u"f(b, a)"_s, u"f(a, b)"_s, L::Python);
        QVERIFY(!order.identifierExact);
        QCOMPARE(order.identifierF1, 1.0);
    }

    void spread()
    {
        // Sorted 0.2, 0.4, 0.6, 0.8, 1.0: mean 3.0 / 5 = 0.6; p50 the ceil(2.5) = 3rd, 0.6; p95 the
        // ceil(4.75) = 5th, 1.0.
        const ScoreSpread s = ScoreSpread::of({1.0, 0.2, 0.8, 0.4, 0.6});
        QVERIFY(qAbs(*s.mean - 0.6) < 1e-12);
        QCOMPARE(*s.p50, 0.6);
        QCOMPARE(*s.p95, 1.0);
        QCOMPARE(s.text(), u"60 (60/100)"_s);
        const ScoreSpread none = ScoreSpread::of({});
        QVERIFY(!none.mean && !none.p50 && !none.p95);
        QCOMPARE(none.text(), u"–"_s);
    }
};

QTEST_GUILESS_MAIN(TestCompletionMetrics)
#include "tst_completionmetrics.moc"
