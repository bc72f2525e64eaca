#include "history/historystore.h"
#include "history/historywriter.h"
#include "history/suggestionstats.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

// What became of the suggestions: the figures of SuggestionStats against ones worked out by hand,
// the "suggestions" table in a real SQLite file (every field back, a file of schema 3 brought up
// to date with its exchanges untouched), and the writer pairing a suggestion with its exchange
// whichever comes first.
class TestSuggestionStats : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static SuggestionRecord make(const QString &model, SuggestionOutcome outcome, int shown, int accepted, double visibleMs,
                                 double latencyMs, int tokens = -1, std::optional<double> persistence = std::nullopt)
    {
        SuggestionRecord r;
        r.shownAt = QDateTime(QDate(2026, 12, 3), QTime(10, 0), QTimeZone::UTC);
        r.profile = QStringLiteral("local");
        r.model = model;
        r.context = QStringLiteral("none");
        r.origin = QStringLiteral("request");
        r.outcome = outcome;
        r.shownChars = shown;
        r.acceptedChars = accepted;
        r.visibleMs = visibleMs;
        r.latencyMs = latencyMs;
        r.acceptMs = accepted > 0 ? visibleMs : -1;
        r.completionTokens = tokens;
        r.persistence = persistence;
        return r;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void figuresAsWorkedOutByHand()
    {
        const QString a = QStringLiteral("model-a");
        const QList<SuggestionRecord> records{
            // seen, accepted whole: 20 of 20 characters, 10 tokens, still all there
            make(a, SuggestionOutcome::Accepted, 20, 20, 2000, 100, 10, 1.0),
            // seen, 5 of 10 taken, 6 tokens, half of it still there
            make(a, SuggestionOutcome::Partial, 10, 5, 1500, 300, 6, 0.5),
            // seen, dismissed: 30 characters, 12 tokens
            make(a, SuggestionOutcome::Dismissed, 30, 0, 800, 200, 12),
            // not seen (400 ms < 750 ms) and not acted upon: counted as recorded only
            make(a, SuggestionOutcome::TypedOver, 40, 0, 400, 50, 20),
            // seen, typed over: no token count
            make(a, SuggestionOutcome::TypedOver, 10, 0, 900, 400),
            // another model: accepted within 200 ms, which makes it seen
            make(QStringLiteral("model-b"), SuggestionOutcome::Accepted, 8, 8, 200, 80, 4),
        };
        const SuggestionStats stats = SuggestionStats::of(records);
        QCOMPARE(stats.rows.size(), 2);
        const SuggestionStats::Row &r = stats.rows.at(0);
        QCOMPARE(r.model, a);
        QCOMPARE(r.recorded, 5);
        QCOMPARE(r.seen, 4);
        QCOMPARE(r.accepted, 2);
        QCOMPARE(r.acceptedWhole, 1);
        QCOMPARE(*r.acceptanceRate, 2.0 / 4.0);
        // (20 + 5) accepted of (20 + 10 + 30 + 10) seen characters
        QCOMPARE(*r.charAcceptance, 25.0 / 70.0);
        // mean of 1.0 and 0.5
        QCOMPARE(r.persistenceChecked, 2);
        QCOMPARE(*r.persistence, 0.75);
        // seen latencies 100, 300, 200, 400 → sorted 100 200 300 400: p50 = rank ceil(2) = 200,
        // p95 = rank ceil(3.8) = 4 → 400; accepted ones 100, 300 → p50 rank 1 = 100, p95 rank 2 = 300
        QCOMPARE(*r.latencyP50, 200.0);
        QCOMPARE(*r.latencyP95, 400.0);
        QCOMPARE(*r.acceptedLatencyP50, 100.0);
        QCOMPARE(*r.acceptedLatencyP95, 300.0);
        // tokens known for 3 seen suggestions: (10 + 6 + 12) / (20 + 5 + 0)
        QCOMPARE(*r.tokensPerAcceptedChar, 28.0 / 25.0);
        const SuggestionStats::Row &b = stats.rows.at(1);
        QCOMPARE(b.seen, 1);
        QCOMPARE(*b.acceptanceRate, 1.0);
        QVERIFY(!b.persistence);
        // Everything: 5 seen, 3 accepted; 33 of 78 characters.
        QCOMPARE(stats.total.seen, 5);
        QCOMPARE(*stats.total.acceptanceRate, 3.0 / 5.0);
        QCOMPARE(*stats.total.charAcceptance, 33.0 / 78.0);
        QCOMPARE(stats.days.size(), 1);
        QCOMPARE(stats.days.at(0).seen, 5);
        QCOMPARE(stats.days.at(0).accepted, 3);
        // CSV: a header, a line per group, the total; "0.5000" written with a dot.
        const QList<QByteArray> lines = stats.toCsv().split('\n');
        QCOMPARE(lines.size(), 5); // header, 2 groups, total, and the empty piece after the last line break
        QVERIFY(lines.at(0).startsWith("profile,model,template,context,recorded,seen,accepted"));
        QVERIFY(lines.at(1).startsWith("local,model-a,,none,5,4,2,1,0.5000,0.3571,0.7500,2,200.0,400.0,100.0,300.0,1.120"));
        QVERIFY(lines.at(3).startsWith("(all),,,,6,5,3,2,0.6000"));
    }

    void nothingSeenGivesNoRates()
    {
        const SuggestionStats stats = SuggestionStats::of({make(QStringLiteral("m"), SuggestionOutcome::Unused, 5, 0, 100, 10)});
        QCOMPARE(stats.total.recorded, 1);
        QCOMPARE(stats.total.seen, 0);
        QVERIFY(!stats.total.acceptanceRate);
        QVERIFY(!stats.total.latencyP50);
        QCOMPARE(SuggestionStats::percent(stats.total.acceptanceRate), QStringLiteral("–"));
        QVERIFY(stats.days.isEmpty());
    }

    void everyFieldComesBackFromSqlite()
    {
        HistoryStore store;
        QString error;
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("fields.sqlite")), &error), qPrintable(error));
        SuggestionRecord r = make(QStringLiteral("qwen"), SuggestionOutcome::Partial, 12, 6, 1234.5, 87.25, 9, 0.8);
        r.exchangeId = 0;
        r.promptTemplate = QStringLiteral("qwen");
        r.context = QStringLiteral("pinned+ring");
        r.origin = QStringLiteral("prefetch");
        r.typedChars = 2;
        QVERIFY2(store.appendSuggestion(r, &error), qPrintable(error));
        QVERIFY(r.id > 0);
        SuggestionRecord none = make(QStringLiteral("qwen"), SuggestionOutcome::Dismissed, 3, 0, 10, -1);
        none.shownAt = r.shownAt.addSecs(60);
        QVERIFY(store.appendSuggestion(none, &error));
        const QList<SuggestionRecord> back = store.suggestions(QDateTime());
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0), r);
        QCOMPARE(back.at(1), none); // -1 latency and accept time, no tokens, no persistence: NULLs
        QVERIFY(store.setSuggestionPersistence(none.id, 0.25, &error));
        QCOMPARE(store.suggestions(r.shownAt.addSecs(30)).size(), 1); // since: only the later one
        QCOMPARE(*store.suggestions(r.shownAt.addSecs(30)).at(0).persistence, 0.25);
    }

    // A file of schema 3 keeps its exchanges as they were and gains the table.
    void schemaThreeIsBroughtUpToDate()
    {
        const QString file = m_dir.filePath(QStringLiteral("v3.sqlite"));
        {
            HistoryStore store;
            QString error;
            QVERIFY(store.open(file, &error));
            HistoryRecord x;
            x.time = QDateTime(QDate(2026, 11, 30), QTime(9, 0), QTimeZone::UTC);
            x.prefix = QStringLiteral("def f(");
            x.cleanedAnswer = QStringLiteral("x)");
            x.outcome = QStringLiteral("ok");
            QVERIFY(store.append(x, &error));
        }
        {
            // Back to schema 3, as a playground of the last release left it.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE suggestions")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE IF EXISTS batch_jobs"))); // a later schema's
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 3")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));
        HistoryStore store;
        QString error;
        QVERIFY2(store.open(file, &error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), HistoryStore::SchemaVersion);
        const QList<HistoryRecord> rows = store.newest(5);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).prefix, QStringLiteral("def f("));
        QCOMPARE(rows.at(0).cleanedAnswer, QStringLiteral("x)"));
        QVERIFY(store.suggestions(QDateTime()).isEmpty());
        SuggestionRecord s = make(QStringLiteral("m"), SuggestionOutcome::Accepted, 2, 2, 900, 30);
        QVERIFY(store.appendSuggestion(s, &error));
    }

    // The writer pairs a suggestion with its exchange by request id, whichever is written first;
    // persistence reaches the row later; one whose exchange never comes is written at the close.
    void writerPairsSuggestionsWithExchanges()
    {
        const QString file = m_dir.filePath(QStringLiteral("writer.sqlite"));
        auto exchange = [](const QString &prefix) {
            return std::function<HistoryRecord()>([prefix] {
                HistoryRecord x;
                x.time = QDateTime::currentDateTimeUtc();
                x.prefix = prefix;
                x.outcome = QStringLiteral("ok");
                return x;
            });
        };
        {
            HistoryWriter writer(file, 1000);
            writer.record(exchange(QStringLiteral("first")), 101);
            writer.recordSuggestion(make(QStringLiteral("m"), SuggestionOutcome::Accepted, 4, 4, 900, 10), 101, 1);
            // The suggestion before its exchange (accepted while the stream still ran).
            writer.recordSuggestion(make(QStringLiteral("m"), SuggestionOutcome::Partial, 6, 3, 900, 10), 102, 2);
            writer.recordPersistence(2, 0.5); // still waiting: kept with it
            writer.record(exchange(QStringLiteral("second")), 102);
            writer.recordPersistence(1, 1.0);
            // From the cache: no exchange, written at once.
            writer.recordSuggestion(make(QStringLiteral("m"), SuggestionOutcome::Dismissed, 5, 0, 900, 1), 0, 3);
            // An exchange that never comes: written when the writer closes, with no exchange.
            writer.recordSuggestion(make(QStringLiteral("m"), SuggestionOutcome::Unused, 7, 0, 900, 10), 999, 4);
            writer.flush();
            QVERIFY(writer.isAvailable());
        }
        HistoryStore store;
        QString error;
        QVERIFY(store.open(file, &error));
        const QList<HistoryRecord> exchanges = store.newest(5); // newest first
        QCOMPARE(exchanges.size(), 2);
        const QList<SuggestionRecord> s = store.suggestions(QDateTime());
        QCOMPARE(s.size(), 4);
        QCOMPARE(s.at(0).exchangeId, exchanges.at(1).id); // "first"
        QCOMPARE(*s.at(0).persistence, 1.0);
        QCOMPARE(s.at(1).exchangeId, exchanges.at(0).id); // "second"
        QCOMPARE(*s.at(1).persistence, 0.5);
        QCOMPARE(s.at(2).exchangeId, 0);
        QCOMPARE(s.at(3).outcome, SuggestionOutcome::Unused);
        QCOMPARE(s.at(3).exchangeId, 0);
    }
};

QTEST_GUILESS_MAIN(TestSuggestionStats)
#include "tst_suggestionstats.moc"
