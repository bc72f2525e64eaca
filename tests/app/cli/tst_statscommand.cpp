#include "cli/statscommand.h"
#include "fimcompleterun.h"
#include "history/historystore.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

// fim-complete --stats, run as a process on a history file the test writes: the table, --json, --since
// (a date, a date-time, "7d"), and a missing file or a bad date said in words.
class TestStatsCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;

    static SuggestionRecord make(const QDateTime &at, const QString &model, SuggestionOutcome outcome, int shown, int accepted,
                                 double latencyMs)
    {
        SuggestionRecord r;
        r.shownAt = at;
        r.profile = QStringLiteral("Codestral");
        r.model = model;
        r.context = QStringLiteral("none");
        r.origin = QStringLiteral("request");
        r.outcome = outcome;
        r.shownChars = shown;
        r.acceptedChars = accepted;
        r.visibleMs = 1000;
        r.latencyMs = latencyMs;
        r.acceptMs = accepted > 0 ? 500 : -1;
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("history.sqlite"));
        HistoryStore store;
        QString error;
        QVERIFY(store.open(m_file, &error));
        const QDateTime old(QDate(2026, 11, 1), QTime(12, 0), QTimeZone::UTC);
        const QDateTime recent = QDateTime::currentDateTimeUtc().addSecs(-3600);
        for (SuggestionRecord r : {make(old, QStringLiteral("codestral-2405"), SuggestionOutcome::Dismissed, 10, 0, 300),
                                   make(recent, QStringLiteral("codestral-latest"), SuggestionOutcome::Accepted, 12, 12, 120),
                                   make(recent, QStringLiteral("codestral-latest"), SuggestionOutcome::Partial, 8, 4, 180),
                                   make(recent, QStringLiteral("codestral-latest"), SuggestionOutcome::TypedOver, 20, 0, 240)}) {
            QVERIFY(store.appendSuggestion(r, &error));
        }
    }

    void tableOfEveryGroup()
    {
        const FimCompleteRun run = FimCompleteRun::run({QStringLiteral("--stats"), QStringLiteral("--history"), m_file});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString out = QString::fromUtf8(run.out);
        const QStringList lines = out.split(u'\n');
        QVERIFY2(lines.at(0).startsWith(u"profile"), qPrintable(out));
        // codestral-2405: 1 seen, none accepted; codestral-latest: 3 seen, 2 accepted (67 %),
        // 16 of 40 characters (40 %), latencies 120 180 240 → p50 180, p95 240; the total: 4 seen, 2 accepted, 16 of 50 characters.
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("codestral-2405 +server +none +1 +0 % +0 +0 %"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("codestral-latest +server +none +3 +67 % +1 +40 % +– +180 / 240 +120 / 180"))),
                 qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\\nAll +4 +50 % +1 +32 %"))), qPrintable(out));
    }

    void jsonSince()
    {
        const FimCompleteRun run = FimCompleteRun::run({QStringLiteral("--stats"), QStringLiteral("--since"), QStringLiteral("7d"),
                                                        QStringLiteral("--json"), QStringLiteral("--history"), m_file});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2); // the recent group, and the total
        const QJsonObject row = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(row.value(u"model").toString(), QStringLiteral("codestral-latest"));
        QCOMPARE(row.value(u"seen").toInt(), 3);
        QCOMPARE(row.value(u"accepted").toInt(), 2);
        QCOMPARE(row.value(u"accepted_chars").toInt(), 16);
        QCOMPARE(row.value(u"char_acceptance").toDouble(), 16.0 / 40.0);
        QCOMPARE(row.value(u"latency_p50_ms").toDouble(), 180.0);
        QVERIFY(row.value(u"persistence").isNull());
        const QJsonObject total = QJsonDocument::fromJson(lines.at(1)).object();
        QVERIFY(total.value(u"total").toBool());
        QCOMPARE(total.value(u"seen").toInt(), 3);
        // A date: the old one is in again.
        const FimCompleteRun all = FimCompleteRun::run({QStringLiteral("--stats"), QStringLiteral("--since"), QStringLiteral("2026-10-31"),
                                                        QStringLiteral("--json"), QStringLiteral("--history"), m_file});
        QCOMPARE(all.out.trimmed().split('\n').size(), 3);
    }

    void sinceParses()
    {
        const QDateTime now(QDate(2026, 12, 4), QTime(15, 0));
        QCOMPARE(parseSince(QStringLiteral("7d"), now), now.addDays(-7));
        QCOMPARE(parseSince(QStringLiteral("12h"), now), now.addSecs(-12 * 3600));
        QCOMPARE(parseSince(QStringLiteral("2026-12-01"), now), QDateTime(QDate(2026, 12, 1), QTime(0, 0)));
        QCOMPARE(parseSince(QStringLiteral("2026-12-01T09:30:00Z"), now), QDateTime(QDate(2026, 12, 1), QTime(9, 30), QTimeZone::UTC));
        QVERIFY(!parseSince(QStringLiteral("last week"), now).isValid());
    }

    // A file of schema 3 (no suggestions yet) is read, not migrated: an older playground can still open it.
    void anOlderFileIsReadNotMigrated()
    {
        const QString file = m_dir.filePath(QStringLiteral("v3.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE exchanges (id INTEGER PRIMARY KEY)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 3")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));
        const QByteArray before = [&] { QFile f(file); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        const FimCompleteRun run = FimCompleteRun::run({QStringLiteral("--stats"), QStringLiteral("--history"), file});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("No suggestions recorded"), run.out.constData());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void wordsForWhatCannotBeDone()
    {
        const FimCompleteRun missing =
            FimCompleteRun::run({QStringLiteral("--stats"), QStringLiteral("--history"), m_dir.filePath(QStringLiteral("none.sqlite"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("no history at"), missing.err.constData());
        const FimCompleteRun bad =
            FimCompleteRun::run({QStringLiteral("--stats"), QStringLiteral("--since"), QStringLiteral("yesterday"), QStringLiteral("--history"), m_file});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("--since takes a date"), bad.err.constData());
        const FimCompleteRun withSuite = FimCompleteRun::run({QStringLiteral("--stats"), QStringLiteral("--suite"), QStringLiteral("x.jsonl")});
        QVERIFY(withSuite.exitCode != 0);
        QVERIFY2(withSuite.err.contains("--stats does not go with --suite"), withSuite.err.constData());
        // Nothing of an endpoint matters to it: a bad FIM_ENDPOINT does not stop it.
        const FimCompleteRun badEndpoint =
            FimCompleteRun::run({QStringLiteral("--stats"), QStringLiteral("--history"), m_file}, {}, {QStringLiteral("FIM_ENDPOINT=not a url")});
        QVERIFY2(badEndpoint.exitCode == 0, badEndpoint.err.constData());
        const FimCompleteRun alone = FimCompleteRun::run({QStringLiteral("--since"), QStringLiteral("7d")});
        QVERIFY(alone.exitCode != 0);
        QVERIFY2(alone.err.contains("--since goes with --stats"), alone.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestStatsCommand)
#include "tst_statscommand.moc"
