#include "text/editdistance.h"

#include <QTest>

// Levenshtein on code points, and the edit similarity RepoBench and CrossCodeEval report.
class TestEditDistance : public QObject
{
    Q_OBJECT

private slots:
    void knownPairs_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<qsizetype>("distance");
        QTest::addColumn<double>("similarity");
        // kitten → sitten (k→s) → sittin (e→i) → sitting (+g): 3 edits; 1 − 3/7.
        QTest::newRow("kitten") << QStringLiteral("kitten") << QStringLiteral("sitting") << qsizetype(3) << 1.0 - 3.0 / 7.0;
        // flaw → law (−f) → lawn (+n): 2; 1 − 2/4.
        QTest::newRow("flaw") << QStringLiteral("flaw") << QStringLiteral("lawn") << qsizetype(2) << 0.5;
        QTest::newRow("both empty") << QString() << QString() << qsizetype(0) << 1.0;
        QTest::newRow("one empty") << QStringLiteral("abc") << QString() << qsizetype(3) << 0.0;
        QTest::newRow("equal") << QStringLiteral("return a + b") << QStringLiteral("return a + b") << qsizetype(0) << 1.0;
        // The emoji is one code point (two UTF-16 units): one substitution in 3 characters.
        QTest::newRow("astral") << QStringLiteral("a😀b") << QStringLiteral("a😁b") << qsizetype(1) << 1.0 - 1.0 / 3.0;
        // é precomposed against e + combining acute: two code points against one, 2 edits of 2.
        QTest::newRow("combining") << QStringLiteral("\u00e9") << QStringLiteral("e\u0301") << qsizetype(2) << 0.0;
    }
    void knownPairs()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(qsizetype, distance);
        QFETCH(double, similarity);
        QCOMPARE(EditDistance::levenshtein(a, b), distance);
        QCOMPARE(EditDistance::levenshtein(b, a), distance);
        QVERIFY(qAbs(EditDistance::similarity(a, b) - similarity) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestEditDistance)
#include "tst_editdistance.moc"
