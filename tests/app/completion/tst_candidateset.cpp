#include "completion/candidateset.h"

#include <QTest>

class TestCandidateSet : public QObject
{
    Q_OBJECT

private slots:
    void foldsDuplicatesAndCycles()
    {
        CandidateSet set;
        set.expect(5);
        QVERIFY(set.add(QStringLiteral("a()"), 1));
        QCOMPARE(set.label(), QStringLiteral("1 / 1 · 4 coming"));
        QVERIFY(!set.add(QStringLiteral("a()"), 2)); // the same answer: folded
        QVERIFY(set.add(QStringLiteral("b()"), 3));
        QVERIFY(!set.add(QString(), 4));             // empty: not a candidate
        set.addFailure();
        QCOMPARE(set.count(), 2);
        QCOMPARE(set.pending(), 0);
        QCOMPARE(set.label(), QStringLiteral("1 / 2 · 1 same folded · 1 failed"));
        set.step(1);
        QCOMPARE(set.currentText(), QStringLiteral("b()"));
        QCOMPARE(set.currentReplyId(), 3u);
        set.step(1); // round the end
        QCOMPARE(set.currentText(), QStringLiteral("a()"));
        set.step(-1);
        QCOMPARE(set.current(), 1);
        set.clear();
        QCOMPARE(set.count(), 0);
        set.step(1); // nothing to step through: no crash
    }
};

QTEST_GUILESS_MAIN(TestCandidateSet)
#include "tst_candidateset.moc"
