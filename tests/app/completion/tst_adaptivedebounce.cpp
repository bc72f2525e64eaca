#include "completion/adaptivedebounce.h"

#include <QTest>

// The adaptive debounce: learnt from key gaps and answer latency, within its bounds.
class TestAdaptiveDebounce : public QObject
{
    Q_OBJECT

    static void type(AdaptiveDebounce &d, qint64 &at, const QList<int> &gaps)
    {
        for (const int gap : gaps) {
            at += gap;
            d.keyPressed(at);
        }
    }

private slots:
    void fixedUntilEnoughIsKnown()
    {
        AdaptiveDebounce d;
        QCOMPARE(d.delayMs(350), 350);
        qint64 at = 0;
        d.keyPressed(at);
        type(d, at, {120, 130, 110, 125, 115, 140, 120}); // 7 gaps
        QCOMPARE(d.delayMs(350), 350);
        type(d, at, {118});
        QCOMPARE(d.medianGap(), std::optional<double>(120)); // 110 115 118 120 120 125 130 140
        QCOMPARE(d.delayMs(350), 240);
    }

    void aSlowEndpointIsAskedSooner()
    {
        AdaptiveDebounce d;
        qint64 at = 0;
        d.keyPressed(at);
        type(d, at, QList<int>(10, 150));
        QCOMPARE(d.delayMs(350), 300);
        d.answered(400);
        d.answered(420);
        d.answered(380);
        QCOMPARE(d.medianLatency(), std::optional<double>(400));
        QCOMPARE(d.delayMs(350), 200); // 2 × 150 − 400 / 4
    }

    void pausesAreNotRhythm()
    {
        AdaptiveDebounce d;
        qint64 at = 0;
        d.keyPressed(at);
        type(d, at, {100, 100, 5000, 100, 100, 2000, 100, 100, 100, 100, 100, 100});
        QCOMPARE(d.medianGap(), std::optional<double>(100));
        QCOMPARE(d.delayMs(350), 200);
    }

    void withinTheBounds()
    {
        AdaptiveDebounce d;
        d.setBounds(150, 600);
        qint64 at = 0;
        d.keyPressed(at);
        type(d, at, QList<int>(10, 40)); // a fast typist: 80 ms would be too eager
        QCOMPARE(d.delayMs(350), 150);
        d.clear();
        at = 0;
        d.keyPressed(at);
        type(d, at, QList<int>(10, 900)); // a slow one: 1800 ms would feel dead
        QCOMPARE(d.delayMs(350), 600);
        d.setBounds(500, 100); // a maximum under the minimum is the minimum
        QCOMPARE(d.minMs(), 500);
        QCOMPARE(d.maxMs(), 500);
        QCOMPARE(d.delayMs(350), 500);
    }

    void theWindowForgetsOldRhythm()
    {
        AdaptiveDebounce d;
        qint64 at = 0;
        d.keyPressed(at);
        type(d, at, QList<int>(AdaptiveDebounce::GapWindow, 300));
        QCOMPARE(d.delayMs(350), 600);
        type(d, at, QList<int>(AdaptiveDebounce::GapWindow / 2 + 1, 100)); // most of the window now
        QCOMPARE(d.delayMs(350), 200);
        d.answered(-1); // a failed request's -1 is no latency
        d.answered(std::nan(""));
        QVERIFY(!d.medianLatency());
    }
};

QTEST_APPLESS_MAIN(TestAdaptiveDebounce)
#include "tst_adaptivedebounce.moc"
