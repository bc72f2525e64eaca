#include "context/startuptimings.h"

#include <QTest>
#include <QThread>

class TestStartupTimings : public QObject
{
    Q_OBJECT

private slots:
    // Not started (tests, a start without --timings): marks record nothing.
    void offRecordsNothing()
    {
        StartupTimings timings;
        QVERIFY(!timings.isStarted());
        QVERIFY(timings.phases().isEmpty());
    }

    // Each mark gives the time since the one before to its phase; one phase marked twice adds up;
    // the process's start comes first; the report names every phase and the total.
    void phasesAddUpFromTheProcessStart()
    {
        StartupTimings &timings = StartupTimings::instance();
        timings.start();
        QThread::msleep(20);
        StartupTimings::mark("sleeping");
        StartupTimings::mark("nothing");
        QThread::msleep(10);
        StartupTimings::mark("sleeping");
        const QList<StartupTimings::Phase> &phases = timings.phases();
        QCOMPARE(phases.size(), 3);
        QVERIFY2(phases.at(0).ms > 0, "the process started before main()");
        QCOMPARE(QByteArray(phases.at(1).name), QByteArray("sleeping"));
        QVERIFY2(phases.at(1).ms >= 29 && phases.at(1).ms < 2000, qPrintable(QString::number(phases.at(1).ms)));
        QVERIFY2(phases.at(1).cpuMs < phases.at(1).ms, "asleep, the thread used little processor time");
        QVERIFY(phases.at(2).ms >= 0 && phases.at(2).ms < phases.at(1).ms);
        QCOMPARE(timings.totalMs(), phases.at(0).ms + phases.at(1).ms + phases.at(2).ms);
        const QString report = timings.report();
        QVERIFY(report.contains(u"sleeping"));
        QVERIFY(report.contains(u"process start to main"));
        QVERIFY(report.contains(u"total"));
        QCOMPARE(report.count(u'\n'), 2 + 3 + 1); // title, header, the phases, the total
    }
};

QTEST_GUILESS_MAIN(TestStartupTimings)
#include "tst_startuptimings.moc"
