#include "latency/latencymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// The latency table as a model: consistent for every view (QAbstractItemModelTester watches each
// change), bounded, and exported as CSV.
class TestLatencyModel : public QObject
{
    Q_OBJECT

    static RequestTiming timing(int n, RequestTiming::Outcome outcome = RequestTiming::Outcome::Ok)
    {
        RequestTiming t;
        t.id = quint64(n);
        t.scheduledAt = QDateTime(QDate(2026, 11, 25), QTime(12, 0)).addSecs(n);
        t.endpointName = QStringLiteral("Local proxy");
        t.model = QStringLiteral("codestral-latest");
        t.outcome = outcome;
        t.firstByteMs = 10 + n;
        t.totalMs = 20 + n;
        return t;
    }

private slots:
    void passesTheModelTesterThroughAppendDropAndClear()
    {
        LatencyModel model(5);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int i = 0; i < 12; ++i) // past the bound: the oldest rows drop
            model.append(timing(i, i % 4 == 3 ? RequestTiming::Outcome::Failed : RequestTiming::Outcome::Ok));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(removed.size(), 7);
        QCOMPARE(model.data(model.index(0, LatencyModel::Total)).toString().isEmpty(), false);
        QCOMPARE(model.history().at(0).id, quint64(7));
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.append(timing(99));
        QCOMPARE(model.rowCount(), 1);
    }

    void requestsAskedAheadAreMarkedThenUsedOrNot()
    {
        LatencyModel model(10);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto cache = [&](int row) { return model.data(model.index(row, LatencyModel::Cache)).toString(); };
        // Marked while in flight: the row takes the mark when it comes.
        model.markPrefetch(1, RequestTiming::Prefetch::Pending);
        model.append(timing(1));
        QCOMPARE(cache(0), QStringLiteral("ahead"));
        // Then used, on the row already there.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.markPrefetch(1, RequestTiming::Prefetch::Used);
        QCOMPARE(cache(0), QStringLiteral("ahead, used"));
        QCOMPARE(changed.size(), 1);
        RequestTiming edge = timing(2);
        edge.edgeCache = QStringLiteral("HIT");
        model.append(edge);
        model.markPrefetch(2, RequestTiming::Prefetch::Unused);
        QCOMPARE(cache(1), QStringLiteral("ahead, unused · edge hit"));
        model.append(timing(3));
        QCOMPARE(cache(2), QString());
        const QList<QByteArray> lines = model.toCsv().trimmed().split('\n');
        QVERIFY(lines.at(0).endsWith(",prefetch"));
        QVERIFY2(lines.at(1).endsWith(",\"ahead, used\""), lines.at(1).constData());
        QVERIFY(lines.at(3).endsWith(","));
    }

    // Hide below p dropped an answer: its row's status says so, whether the mark came before the
    // row (the controller hears of the answer before the client records the row) or after.
    void hiddenSuggestionsAreMarked()
    {
        LatencyModel model(10);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto timingWithStatus = [](int n) {
            RequestTiming t = timing(n);
            t.httpStatus = 200;
            return t;
        };
        const auto status = [&model](int row) { return model.data(model.index(row, LatencyModel::Status)).toString(); };
        model.markHidden(1, 0.1234);
        model.append(timingWithStatus(1));
        QCOMPARE(status(0), QStringLiteral("200 · hidden: p=0.12"));
        model.append(timingWithStatus(2));
        QCOMPARE(status(1), QStringLiteral("200"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.markHidden(2, 0.5);
        QCOMPARE(status(1), QStringLiteral("200 · hidden: p=0.50"));
        QCOMPARE(changed.size(), 1);
        model.append(timingWithStatus(3));
        QCOMPARE(status(2), QStringLiteral("200")); // a mark is for its own row only
    }

    void csvHasAHeaderAndARowPerRequest()
    {
        LatencyModel model(10);
        model.append(timing(1));
        model.append(timing(2));
        const QList<QByteArray> lines = model.toCsv().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(1).contains("codestral-latest"));
    }
};

QTEST_GUILESS_MAIN(TestLatencyModel)
#include "tst_latencymodel.moc"
