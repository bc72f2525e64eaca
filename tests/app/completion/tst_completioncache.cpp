#include "completion/completioncache.h"
#include "latency/latencyhistory.h"

#include <QTest>

class TestCompletionCache : public QObject
{
    Q_OBJECT

    const QByteArray scope = QByteArrayLiteral("proxy|codestral-latest|{}");
    const QString prefix = QStringLiteral("def add(a, b):\n    ");
    const QString suffix = QStringLiteral("\n\nprint(add(1, 2))");

private slots:
    void exactHit()
    {
        CompletionCache cache;
        QVERIFY(!cache.lookup(scope, prefix, suffix));
        cache.insert(scope, prefix, suffix, QStringLiteral("return a + b"));
        QCOMPARE(cache.lookup(scope, prefix, suffix), QStringLiteral("return a + b"));
    }

    void typeThrough_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("rest"); // empty: no hit
        QTest::newRow("one char") << QStringLiteral("r") << QStringLiteral("eturn a + b");
        QTest::newRow("a word") << QStringLiteral("return") << QStringLiteral(" a + b");
        QTest::newRow("all but one") << QStringLiteral("return a + ") << QStringLiteral("b");
        QTest::newRow("all typed") << QStringLiteral("return a + b") << QString();
        QTest::newRow("mismatch") << QStringLiteral("ret0") << QString();
        QTest::newRow("case differs") << QStringLiteral("Return") << QString();
    }

    void typeThrough()
    {
        QFETCH(QString, typed);
        QFETCH(QString, rest);
        CompletionCache cache;
        cache.insert(scope, prefix, suffix, QStringLiteral("return a + b"));
        const auto got = cache.lookup(scope, prefix + typed, suffix);
        QCOMPARE(got.value_or(QString()), rest);
    }

    void scopeAndSuffixMatter()
    {
        CompletionCache cache;
        cache.insert(scope, prefix, suffix, QStringLiteral("return a + b"));
        QVERIFY(!cache.lookup("other", prefix, suffix));
        QVERIFY(!cache.lookup(scope, prefix, suffix + QLatin1Char('x')));
        QVERIFY(!cache.lookup(scope, QLatin1Char('#') + prefix, suffix));
    }

    void leastRecentlyUsedGoesFirst()
    {
        CompletionCache cache(3);
        for (int i = 0; i < 3; ++i)
            cache.insert(scope, QString::number(i), suffix, QStringLiteral("c%1").arg(i));
        QVERIFY(cache.lookup(scope, QStringLiteral("0"), suffix)); // 0 is now the most recent
        cache.insert(scope, QStringLiteral("3"), suffix, QStringLiteral("c3"));
        QCOMPARE(cache.size(), 3u);
        QVERIFY(cache.lookup(scope, QStringLiteral("0"), suffix));
        QVERIFY(!cache.lookup(scope, QStringLiteral("1"), suffix));
        QVERIFY(cache.lookup(scope, QStringLiteral("2"), suffix));
        QVERIFY(cache.lookup(scope, QStringLiteral("3"), suffix));
    }

    void walkBackIsBounded()
    {
        CompletionCache cache(8, 4);
        cache.insert(scope, prefix, suffix, QStringLiteral("return a + b"));
        QVERIFY(cache.lookup(scope, prefix + QStringLiteral("retu"), suffix));
        QVERIFY(!cache.lookup(scope, prefix + QStringLiteral("retur"), suffix));
    }

    void latencyPercentiles()
    {
        LatencyHistory history(5);
        for (int i = 1; i <= 7; ++i) {
            RequestTiming t;
            t.outcome = RequestTiming::Outcome::Ok;
            t.totalMs = i * 10;
            t.firstByteMs = i;
            history.append(t);
        }
        QCOMPARE(history.size(), 5u); // 30..70 kept
        QCOMPARE(history.at(0).totalMs, 30.0);
        QCOMPARE(*history.percentile(0.5), 50.0);
        QCOMPARE(*history.percentile(0.95), 70.0);
        QCOMPARE(*history.percentile(0.5, LatencyHistory::Measure::FirstByte), 5.0);
        RequestTiming failed;
        failed.outcome = RequestTiming::Outcome::Failed;
        failed.totalMs = 9999;
        history.append(failed);
        QCOMPARE(*history.percentile(1.0), 70.0);
        QVERIFY(!LatencyHistory().percentile(0.5));
    }
};

QTEST_GUILESS_MAIN(TestCompletionCache)
#include "tst_completioncache.moc"
