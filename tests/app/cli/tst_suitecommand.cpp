#include "fakeservers.h"
#include "fakeupstream.h"
#include "fimcompleterun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// fim-complete --suite run as a user runs it (app/cli/suitecommand.cpp), against fake servers.
class TestSuiteCommand : public QObject
{
    Q_OBJECT

    FakeUpstream *m_server = nullptr;

    using Run = FimCompleteRun;
    static Run run(const QStringList &args)
    {
        return FimCompleteRun::run(args, {QStringLiteral("CODESTRAL_API_KEY"), QStringLiteral("FIM_PROXY_TOKEN")}, {}, 20000);
    }

private slots:
    void init()
    {
        m_server = new FakeUpstream(this);
        QVERIFY(m_server->listen());
    }
    void cleanup() { delete m_server; }

    // --suite against two endpoints: a malformed line said with its number, the rest run; one
    // JSON line per case and endpoint; the table per endpoint; exit 1 while one request fails, 0
    // once all are answered (a mismatch is a result).
    void aSuiteRunsEveryCaseAgainstEveryEndpoint()
    {
        QTemporaryDir dir;
        const QString suite = dir.filePath(QStringLiteral("mine.jsonl"));
        QFile file(suite);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"name\":\"add\",\"prompt\":\"def add(a, b):\\n    \",\"expected\":\"return a + b\"}\n"
                   "{\"name\":\"broken\",\"prompt\":\n"
                   "{\"name\":\"mul\",\"prompt\":\"def mul(a, b):\\n    \",\"expected\":\"return a * b\"}\n"
                   "{\"name\":\"boom\",\"prompt\":\"boom\"}\n");
        file.close();
        FakeUpstream second;
        QVERIFY(second.listen());
        for (FakeUpstream *server : {m_server, &second})
            FakeServers::serveWith(*server, EndpointKind::Proxy, [](const QJsonObject &) { return QStringLiteral("return a + b"); }, 0, 2, 0,
                                   [](const QJsonObject &body) { return body.value(u"prompt").toString() == u"boom"; });
        const QStringList both{QStringLiteral("--endpoint"), m_server->url().toString(), QStringLiteral("--endpoint"), second.url().toString()};
        Run r = run(QStringList{QStringLiteral("--suite"), suite, QStringLiteral("--json"), QStringLiteral("--parallel"), QStringLiteral("2")} << both);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("mine.jsonl:2: not JSON"), r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 6);
        int exact = 0;
        int failed = 0;
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY2(o.contains(u"first_token_ms") && o.contains(u"endpoint") && o.contains(u"line"), line.constData());
            exact += o.value(u"exact").toBool();
            if (!o.value(u"answered").toBool()) {
                ++failed;
                QCOMPARE(o.value(u"case").toString(), QStringLiteral("boom"));
                QVERIFY(!o.value(u"error").toString().isEmpty());
            }
        }
        QCOMPARE(exact, 2);
        QCOMPARE(failed, 2);
        // One field per metric: "add" matches, "mul" ("return a * b") is one character off; "boom"
        // expects nothing (null). mul's chrF, white space dropped: "returna+b" against "returna*b"
        // match 8, 6, 5, 4, 3, 2 of 9, 8, 7, 6, 5, 4 n-grams (n = 1..6) on both sides:
        // P = R = (8/9 + 6/8 + 5/7 + 4/6 + 3/5 + 2/4) / 6 = 5191/7560 = 0.68664 → 0.6866.
        const QStringList metrics{QStringLiteral("first_line_exact"), QStringLiteral("identifier_exact"), QStringLiteral("edit_similarity"),
                                  QStringLiteral("identifier_precision"), QStringLiteral("identifier_recall"), QStringLiteral("identifier_f1"),
                                  QStringLiteral("chrf")};
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QString name = o.value(u"case").toString();
            for (const QString &m : metrics)
                QVERIFY2(o.contains(m) && o.value(m).isNull() == (name == u"boom"), line.constData());
            if (name == u"add") {
                QCOMPARE(o.value(u"first_line_exact").toBool(), true);
                QCOMPARE(o.value(u"edit_similarity").toDouble(), 1.0);
                QCOMPARE(o.value(u"chrf").toDouble(), 1.0);
            } else if (name == u"mul") {
                QCOMPARE(o.value(u"first_line_exact").toBool(), false);
                QCOMPARE(o.value(u"identifier_exact").toBool(), true); // [a, b] both: return is a keyword
                QCOMPARE(o.value(u"identifier_f1").toDouble(), 1.0);
                QCOMPARE(o.value(u"edit_similarity").toDouble(), 0.9167); // 1 − 1/12
                QCOMPARE(o.value(u"chrf").toDouble(), 0.6866);
            }
        }
        QVERIFY2(r.err.contains("mine.jsonl: 3 cases × 2 endpoints"), r.err.constData());

        // Without the failing case: exit 0, the table on stdout.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"name\":\"add\",\"prompt\":\"def add(a, b):\\n    \",\"expected\":\"return a + b\"}\n"
                   "{\"name\":\"mul\",\"prompt\":\"def mul(a, b):\\n    \",\"expected\":\"return a * b\"}\n");
        file.close();
        r = run(QStringList{QStringLiteral("--suite"), suite} << both);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> table = r.out.trimmed().split('\n');
        // The title, the header, one row per endpoint; a blank line, the metrics' header and rows; a
        // blank line and the two lines of legend.
        QCOMPARE(table.size(), 11);
        QVERIFY2(table.at(1).startsWith("endpoint") && table.at(1).contains("first token p50/p95") && table.at(1).endsWith("prefix"),
                 table.at(1).constData());
        for (int i = 2; i < 4; ++i) {
            QVERIFY2(table.at(i).contains(" 2 ") && table.at(i).contains("1/2 50%"), table.at(i).constData());
            QVERIFY2(table.at(i).contains(" ms"), table.at(i).constData());
        }
        QVERIFY(table.at(2).startsWith(m_server->url().toString().toUtf8()));
        QCOMPARE(table.at(4), QByteArray());
        QVERIFY2(QRegularExpression(QStringLiteral("^endpoint +scored +line EM +id EM +ES +id F1 +chrF$")).match(QString::fromUtf8(table.at(5))).hasMatch(),
                 table.at(5).constData());
        // ES: 1 and 11/12, mean 23/24 = 96, p50 the first (nearest rank of 2) 92, p95 100; id F1 1
        // and 1; chrF 1 and 5191/7560 = 0.6866: mean 84, p50 69, p95 100. Line EM: add only; id EM: both.
        for (int i : {6, 7})
            QVERIFY2(QRegularExpression(QStringLiteral("^http\\S+ +2 +1/2 50% +2/2 100% +96 \\(92/100\\) +100 \\(100/100\\) +84 \\(69/100\\)$"))
                         .match(QString::fromUtf8(table.at(i)))
                         .hasMatch(),
                     table.at(i).constData());
        QVERIFY2(table.at(9).startsWith("scored: ") && table.at(10).contains("mean (p50/p95)"), r.out.constData());
        for (const QByteArray &line : table)
            QVERIFY2(QString::fromUtf8(line).size() <= 100, line.constData());

        // A file that is not there: said, exit 1.
        r = run({QStringLiteral("--suite"), dir.filePath(QStringLiteral("none.jsonl"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Cannot read"), r.err.constData());
    }

    // --compare-context: the suite with its cases' context, then without, against a proxy (the
    // context as comment lines before the prompt) and a llama-server (input_extra) that answer
    // "helper()" only when they see the helper: both tables and the difference per metric, exactly
    // where it does not depend on timing; with --json, each line says which run it is of.
    // --without-context alone sends no context.
    void aSuiteComparesWithAndWithoutContext()
    {
        QTemporaryDir dir;
        const QString suite = dir.filePath(QStringLiteral("ctx.jsonl"));
        QFile file(suite);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"name\":\"uses helper\",\"prompt\":\"total = \",\"expected\":\"helper()\","
                   "\"context\":[{\"filename\":\"helpers.py\",\"text\":\"def helper():\\n    return 1\\n\"}]}\n"
                   "{\"name\":\"plain\",\"prompt\":\"x = \",\"expected\":\"0\"}\n");
        file.close();
        FakeUpstream llama;
        QVERIFY(llama.listen());
        const FakeServers::Answerer answer = [](const QJsonObject &body) {
            const bool seen = body.value(u"prompt").toString().contains(u"def helper") || !body.value(u"input_extra").toArray().isEmpty();
            return seen ? QStringLiteral("helper()") : QStringLiteral("0");
        };
        FakeServers::serveWith(*m_server, EndpointKind::Proxy, answer, 0, 2);
        FakeServers::serveWith(llama, EndpointKind::LlamaCpp, answer, 0, 2);
        const QString proxyUrl = m_server->url().toString();
        const QString llamaUrl = llama.url().toString();
        const QStringList both{QStringLiteral("--endpoint"), proxyUrl, QStringLiteral("--endpoint"), llamaUrl,
                               QStringLiteral("--kind"), QStringLiteral("proxy"), QStringLiteral("--kind"), QStringLiteral("llamacpp")};

        Run r = run(QStringList{QStringLiteral("--suite"), suite, QStringLiteral("--compare-context")} << both);
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        // Two runs (title, header, a row per endpoint; the metrics' header and rows), twelve lines of
        // difference, two of legend.
        QCOMPARE(lines.size(), 2 * 7 + 12 + 2);
        QCOMPARE(lines.at(0), QStringLiteral("ctx.jsonl: 2 cases × 2 endpoints, with context"));
        QVERIFY2(lines.at(1).startsWith(u"endpoint") && lines.at(1).endsWith(u"prefix"), qPrintable(lines.at(1)));
        for (int i : {2, 3})
            QVERIFY2(lines.at(i).endsWith(u"2/2 100%  2/2 100%"), qPrintable(lines.at(i)));
        // With the context every answer is right.
        for (int i : {5, 6})
            QVERIFY2(lines.at(i).endsWith(u"2  2/2 100%  2/2 100%  100 (100/100)  100 (100/100)  100 (100/100)"), qPrintable(lines.at(i)));
        QCOMPARE(lines.at(7), QStringLiteral("ctx.jsonl: 2 cases × 2 endpoints, without context"));
        for (int i : {9, 10})
            QVERIFY2(lines.at(i).endsWith(u"1/2 50%  1/2 50%"), qPrintable(lines.at(i)));
        // Without it, "0" against "helper()": 8 edits over 8 (ES 0), no shared character (chrF 0), no
        // identifier of the expected one (F1 0); "plain" still perfect: means 50, p50 0, p95 100.
        for (int i : {12, 13})
            QVERIFY2(lines.at(i).endsWith(u"2  1/2 50%  1/2 50%  50 (0/100)  50 (0/100)  50 (0/100)"), qPrintable(lines.at(i)));
        QVERIFY(lines.at(2).startsWith(proxyUrl) && lines.at(3).startsWith(llamaUrl));
        // The difference: a line per metric, a column per endpoint, as wide as its name.
        const int first = int(QStringLiteral("id F1 mean (p50/p95)").size());
        auto row = [&](const QString &metric, const QString &proxyCell, const QString &llamaCell) {
            return metric.leftJustified(first) + u"  " + proxyCell.rightJustified(proxyUrl.size()) + u"  "
                + llamaCell.rightJustified(llamaUrl.size());
        };
        QCOMPARE(lines.at(14), row(QStringLiteral("with − without"), proxyUrl, llamaUrl));
        QCOMPARE(lines.at(15), row(QStringLiteral("errors"), QStringLiteral("0"), QStringLiteral("0")));
        const QRegularExpression pair(QStringLiteral("^ *[-+]?\\d+ / [-+]?\\d+ ms$"));
        for (int i : {16, 17}) {
            QVERIFY2(lines.at(i).startsWith(i == 16 ? u"first token p50/p95" : u"total p50/p95"), qPrintable(lines.at(i)));
            const QString cells = lines.at(i).mid(first + 2);
            QVERIFY2(pair.match(cells.left(proxyUrl.size())).hasMatch() && pair.match(cells.mid(proxyUrl.size() + 2)).hasMatch(),
                     qPrintable(lines.at(i)));
        }
        QVERIFY2(QRegularExpression(QStringLiteral("^total mean +[-+]?\\d+ ms +[-+]?\\d+ ms$")).match(lines.at(18)).hasMatch(),
                 qPrintable(lines.at(18)));
        QCOMPARE(lines.at(19), row(QStringLiteral("exact"), QStringLiteral("+1 (+50 pp)"), QStringLiteral("+1 (+50 pp)")));
        QCOMPARE(lines.at(20), row(QStringLiteral("prefix"), QStringLiteral("+1 (+50 pp)"), QStringLiteral("+1 (+50 pp)")));
        QCOMPARE(lines.at(21), row(QStringLiteral("line EM"), QStringLiteral("+1 (+50 pp)"), QStringLiteral("+1 (+50 pp)")));
        QCOMPARE(lines.at(22), row(QStringLiteral("id EM"), QStringLiteral("+1 (+50 pp)"), QStringLiteral("+1 (+50 pp)")));
        // 100 (100/100) − 50 (0/100)
        QCOMPARE(lines.at(23), row(QStringLiteral("ES mean (p50/p95)"), QStringLiteral("+50 (+100/0)"), QStringLiteral("+50 (+100/0)")));
        QCOMPARE(lines.at(24), row(QStringLiteral("id F1 mean (p50/p95)"), QStringLiteral("+50 (+100/0)"), QStringLiteral("+50 (+100/0)")));
        QCOMPARE(lines.at(25), row(QStringLiteral("chrF mean (p50/p95)"), QStringLiteral("+50 (+100/0)"), QStringLiteral("+50 (+100/0)")));
        // What went: the context as comments before the prompt (the proxy), as input_extra (llama.cpp).
        QStringList prompts;
        for (const FakeUpstream::Recorded &x : m_server->requests())
            if (x.path == "/v1/fim/completions")
                prompts << x.json().value(u"prompt").toString();
        prompts.sort();
        QCOMPARE(prompts, (QStringList{QStringLiteral("// Path: helpers.py\n// def helper():\n//     return 1\ntotal = "),
                                       QStringLiteral("total = "), QStringLiteral("x = "), QStringLiteral("x = ")}));
        int withExtra = 0;
        for (const FakeUpstream::Recorded &x : llama.requests())
            withExtra += x.path == "/infill" && x.json().contains(u"input_extra");
        QCOMPARE(withExtra, 1);

        // --json: each line says which run it is of; the tables go to stderr.
        r = run(QStringList{QStringLiteral("--suite"), suite, QStringLiteral("--compare-context"), QStringLiteral("--json")} << both);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> json = r.out.trimmed().split('\n');
        QCOMPARE(json.size(), 8);
        QMap<QString, int> answers; // "with uses helper helper()" → how many
        for (const QByteArray &line : json) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            ++answers[o.value(u"context").toString() + u' ' + o.value(u"case").toString() + u' ' + o.value(u"answer").toString()];
        }
        const QMap<QString, int> expected{{QStringLiteral("with uses helper helper()"), 2}, {QStringLiteral("with plain 0"), 2},
                                          {QStringLiteral("without uses helper 0"), 2}, {QStringLiteral("without plain 0"), 2}};
        QCOMPARE(answers, expected);
        QVERIFY2(r.err.contains("with − without"), r.err.constData());

        // --without-context: one run, none of the context sent.
        const qsizetype before = m_server->requests().size();
        r = run(QStringList{QStringLiteral("--suite"), suite, QStringLiteral("--without-context"), QStringLiteral("--json")} << both);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> without = r.out.trimmed().split('\n');
        QCOMPARE(without.size(), 4);
        for (const QByteArray &line : without) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o.value(u"context").toString(), QStringLiteral("without"));
            QCOMPARE(o.value(u"answer").toString(), QStringLiteral("0"));
        }
        QVERIFY2(r.err.contains("ctx.jsonl: 2 cases × 2 endpoints, without context"), r.err.constData());
        for (qsizetype i = before; i < m_server->requests().size(); ++i)
            QVERIFY(!m_server->requests().at(i).json().value(u"prompt").toString().contains(u"Path:"));

        // The flags go with --suite, and not together.
        r = run({QStringLiteral("--prefix"), QStringLiteral("x"), QStringLiteral("--compare-context")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("go with --suite"), r.err.constData());
        r = run({QStringLiteral("--suite"), suite, QStringLiteral("--compare-context"), QStringLiteral("--without-context")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("exclude each other"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSuiteCommand)
#include "tst_suitecommand.moc"
