#include "history/historystore.h"
#include "panels/acceptanceplot.h"
#include "panels/statspanel.h"

#include <QComboBox>
#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

// The Stats panel on a real history file: a row per group and the total, the period chosen with
// the keyboard, the plot's figures in words, Export CSV, history off, a file that is no database.
class TestStatsPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static SuggestionRecord make(const QDateTime &at, const QString &model, int shown, int accepted)
    {
        SuggestionRecord r;
        r.shownAt = at;
        r.profile = QStringLiteral("local");
        r.model = model;
        r.context = QStringLiteral("none");
        r.origin = QStringLiteral("request");
        r.outcome = accepted == shown ? SuggestionOutcome::Accepted : accepted > 0 ? SuggestionOutcome::Partial : SuggestionOutcome::Dismissed;
        r.shownChars = shown;
        r.acceptedChars = accepted;
        r.visibleMs = 1000;
        r.latencyMs = 100;
        return r;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void groupsPeriodsAndExport()
    {
        const QString file = m_dir.filePath(QStringLiteral("history.sqlite"));
        {
            HistoryStore store;
            QString error;
            QVERIFY(store.open(file, &error));
            const QDateTime now = QDateTime::currentDateTime();
            const QDateTime today(now.date(), QTime(0, 0, 30)); // local midnight, plus a little
            for (SuggestionRecord r : {make(today.addDays(-3), QStringLiteral("a"), 10, 10), make(today.addDays(-3), QStringLiteral("b"), 10, 0),
                                       make(today, QStringLiteral("a"), 10, 5), make(today, QStringLiteral("a"), 20, 0)})
                QVERIFY(store.appendSuggestion(r, &error));
        }
        StatsPanel panel;
        panel.setPath(file);
        panel.resize(900, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // Last 7 days: a (3 seen, 2 accepted), b (1 seen, none), and the total.
        QCOMPARE(panel.period(), StatsPanel::Period::Week);
        QCOMPARE(panel.table()->rowCount(), 3);
        QCOMPARE(panel.table()->item(0, 1)->text(), QStringLiteral("a"));
        QCOMPARE(panel.table()->item(0, 4)->text(), QStringLiteral("3"));
        QCOMPARE(panel.table()->item(0, 5)->text(), QStringLiteral("67 %"));
        QCOMPARE(panel.table()->item(0, 7)->text(), QStringLiteral("38 %")); // 15 of 40 characters
        QCOMPARE(panel.table()->item(2, 0)->text(), QStringLiteral("All"));
        QCOMPARE(panel.table()->item(2, 5)->text(), QStringLiteral("50 %"));
        QVERIFY(panel.plot()->accessibleDescription().contains(QStringLiteral("1 of 2 accepted")));
        // Today, chosen from the keyboard: only today's two of model a.
        auto *period = panel.findChild<QComboBox *>();
        period->setFocus();
        QTest::keyClick(period, Qt::Key_Home);
        QCOMPARE(panel.period(), StatsPanel::Period::Today);
        QCOMPARE(panel.table()->rowCount(), 1);
        QCOMPARE(panel.table()->item(0, 4)->text(), QStringLiteral("2"));
        QCOMPARE(panel.table()->item(0, 5)->text(), QStringLiteral("50 %"));
        // Export: the table as CSV, byte for byte what the figures say.
        const QString csv = m_dir.filePath(QStringLiteral("stats.csv"));
        QString error;
        QVERIFY(panel.exportCsv(csv, &error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), panel.stats().toCsv());
    }

    void historyOffOrUnreadable()
    {
        StatsPanel panel;
        panel.setPath(QString());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.statusText().contains(QStringLiteral("History is off")));
        QCOMPARE(panel.table()->rowCount(), 0);
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(QByteArray(4096, 'x'));
        g.close();
        panel.setPath(garbage);
        QVERIFY2(panel.statusText().startsWith(QStringLiteral("Cannot read the history")), qPrintable(panel.statusText()));
        QCOMPARE(panel.table()->rowCount(), 0);
        QCOMPARE(g.size(), 4096); // nothing written over it
    }
};

QTEST_MAIN(TestStatsPanel)
#include "tst_statspanel.moc"
