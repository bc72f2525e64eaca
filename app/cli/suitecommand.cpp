#include "cli/suitecommand.h"

#include "cli/texttable.h"

#include "cli/batchcommand.h"
#include "settings/secretstore.h"
#include "suite/batchrun.h"
#include "suite/suiterun.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <type_traits>
#include <unistd.h>

namespace {

// The summary table: on stdout, or on stderr when stdout carries the JSON lines.
void printSummary(const QString &summary, bool json)
{
    if (json) {
        std::fprintf(stderr, "%s", qPrintable(summary));
        return;
    }
    QTextStream out(stdout);
    out << summary;
    out.flush();
}

// Messages under the context "FimComplete"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FimComplete)
};

QJsonValue msOrNull(double ms)
{
    return ms >= 0 ? QJsonValue(qRound(ms * 10) / 10.0) : QJsonValue();
}

// A score 0..1 to four decimals: enough to tell answers apart, short enough to read.
QJsonValue score(double value)
{
    return qRound(value * 10000) / 10000.0;
}

QString rate(int n, int of)
{
    return of == 0 ? QStringLiteral("–") : QStringLiteral("%1/%2 %3%").arg(n).arg(of).arg(qRound(100.0 * n / of));
}

// "  12/40 [#######.............]  1 error": redrawn in place on a terminal.
void drawProgress(int done, int total, int errors)
{
    constexpr int Width = 30;
    const int filled = total > 0 ? done * Width / total : Width;
    std::fprintf(stderr, "\r\033[K%5d/%d [%s%s]%s", done, total, QByteArray(filled, '#').constData(),
                 QByteArray(Width - filled, '.').constData(),
                 errors > 0 ? qPrintable(Tr::tr("  %n error(s)", nullptr, errors)) : "");
    std::fflush(stderr);
}

// An endpoint's figures over one run.
struct Figures
{
    QString label;
    SuiteSummary summary;
    bool batch = false; // answered by a batch job: no latency to show
};

// pass@1 and the tests' outcomes, as columns added to a table's cells (when a case has a test).
void addTestColumns(QList<QStringList> &cells, const QList<Figures> &figures)
{
    if (std::none_of(figures.begin(), figures.end(), [](const Figures &f) { return f.summary.withTest > 0; }))
        return;
    cells[0] << Tr::tr("pass@1") << Tr::tr("fail") << Tr::tr("timeout") << Tr::tr("error") << Tr::tr("not run");
    for (qsizetype i = 0; i < figures.size(); ++i) {
        const SuiteSummary &s = figures.at(i).summary;
        const int ran = s.passed + s.failed + s.timedOut;
        cells[i + 1] << rate(s.passed, ran) << QString::number(s.failed) << QString::number(s.timedOut) << QString::number(s.testErrors)
                     << QString::number(s.notRun);
    }
}

QString table(const QList<Figures> &figures)
{
    QList<QStringList> cells{{Tr::tr("endpoint"), Tr::tr("cases"), Tr::tr("errors"), Tr::tr("first token p50/p95"), Tr::tr("total p50/p95"), Tr::tr("exact"),
                              Tr::tr("prefix")}};
    for (const auto &[label, s, batch] : figures)
        cells.append({label, QString::number(s.cases), QString::number(s.errors),
                      batch ? Tr::tr("batch") : SuiteSummary::msPair(s.firstTokenP50, s.firstTokenP95),
                      batch ? Tr::tr("batch") : SuiteSummary::msPair(s.totalP50, s.totalP95), rate(s.exact, s.withExpected), rate(s.prefix, s.withExpected)});
    addTestColumns(cells, figures);
    return textTable(cells);
}

// The metrics against the expected answers, per endpoint; empty when no case says what it expects.
QString scoresTable(const QList<Figures> &figures)
{
    if (std::none_of(figures.cbegin(), figures.cend(), [](const Figures &f) { return f.summary.withExpected > 0; }))
        return {};
    QList<QStringList> cells{{Tr::tr("endpoint"), Tr::tr("scored"), Tr::tr("line EM"), Tr::tr("id EM"), Tr::tr("ES"), Tr::tr("id F1"), Tr::tr("chrF")}};
    for (const auto &[label, s, batch] : figures)
        cells.append({label, QString::number(s.withExpected), rate(s.firstLineExact, s.withExpected), rate(s.identifierExact, s.withExpected),
                      s.editSimilarity.text(), s.identifierF1.text(), s.chrF.text()});
    return textTable(cells);
}

// What the scores table's abbreviations mean, once under the tables.
QString scoresLegend()
{
    return Tr::tr("scored: answered cases that expect an answer · line EM: first non-empty lines equal\n"
              "id: identifiers · ES (edit similarity), id F1, chrF: ×100, mean (p50/p95)\n");
}

// A table after a blank line, or nothing when there is none.
QString withBlankLine(const QString &table)
{
    return table.isEmpty() ? table : QLatin1Char('\n') + table;
}

// "+3", "-2", "0".
QString signedNumber(qint64 n)
{
    return n > 0 ? QStringLiteral("+%1").arg(n) : QString::number(n);
}

// Of the rounded figures the tables show, so the difference is theirs; "–" when one is missing.
QString msDifference(const std::optional<double> &with, const std::optional<double> &without)
{
    return with && without ? signedNumber(qRound(*with) - qRound(*without)) : QStringLiteral("–");
}

// "+1 (+50 pp)": cases and percentage points, as the tables round them.
QString rateDifference(int with, int withOf, int without, int withoutOf)
{
    if (withOf == 0 || withoutOf == 0)
        return QStringLiteral("–");
    const int points = qRound(100.0 * with / withOf) - qRound(100.0 * without / withoutOf);
    return QStringLiteral("%1 (%2 pp)").arg(signedNumber(with - without), signedNumber(points));
}

// "+3 (+1/0)": mean (p50/p95) ×100 as the tables round them; "–" when one is missing.
QString spreadDifference(const ScoreSpread &with, const ScoreSpread &without)
{
    if (!with.mean || !without.mean)
        return QStringLiteral("–");
    auto points = [](double with, double without) { return signedNumber(qRound(100 * with) - qRound(100 * without)); };
    return QStringLiteral("%1 (%2/%3)").arg(points(*with.mean, *without.mean), points(*with.p50, *without.p50), points(*with.p95, *without.p95));
}

// A line per metric, "with − without", a column per endpoint.
QString difference(const QList<Figures> &with, const QList<Figures> &without)
{
    QList<QStringList> cells{{Tr::tr("with − without")}, {Tr::tr("errors")},     {Tr::tr("first token p50/p95")}, {Tr::tr("total p50/p95")},
                             {Tr::tr("total mean")},     {Tr::tr("exact")}, {Tr::tr("prefix")},
                             {Tr::tr("line EM")},        {Tr::tr("id EM")}, {Tr::tr("ES mean (p50/p95)")}, {Tr::tr("id F1 mean (p50/p95)")},
                             {Tr::tr("chrF mean (p50/p95)")}};
    for (qsizetype t = 0; t < with.size() && t < without.size(); ++t) {
        const SuiteSummary &w = with.at(t).summary;
        const SuiteSummary &o = without.at(t).summary;
        cells[0] << with.at(t).label;
        cells[1] << signedNumber(w.errors - o.errors);
        cells[2] << QStringLiteral("%1 / %2 ms").arg(msDifference(w.firstTokenP50, o.firstTokenP50), msDifference(w.firstTokenP95, o.firstTokenP95));
        cells[3] << QStringLiteral("%1 / %2 ms").arg(msDifference(w.totalP50, o.totalP50), msDifference(w.totalP95, o.totalP95));
        cells[4] << QStringLiteral("%1 ms").arg(msDifference(w.totalMean, o.totalMean));
        cells[5] << rateDifference(w.exact, w.withExpected, o.exact, o.withExpected);
        cells[6] << rateDifference(w.prefix, w.withExpected, o.prefix, o.withExpected);
        cells[7] << rateDifference(w.firstLineExact, w.withExpected, o.firstLineExact, o.withExpected);
        cells[8] << rateDifference(w.identifierExact, w.withExpected, o.identifierExact, o.withExpected);
        cells[9] << spreadDifference(w.editSimilarity, o.editSimilarity);
        cells[10] << spreadDifference(w.identifierF1, o.identifierF1);
        cells[11] << spreadDifference(w.chrF, o.chrF);
    }
    return textTable(cells);
}

// "test": "pass" | "fail" | "timeout" | "error" | "not run" (null: the case has no test), with what
// failed or why it did not run, and the program's last lines of output.
void addTestFields(QJsonObject &o, const TestOutcome &test)
{
    const bool has = test.status != TestOutcome::Status::None;
    o.insert(QStringLiteral("test"), has ? QJsonValue(test.key()) : QJsonValue());
    if (!has)
        return;
    o.insert(QStringLiteral("test_detail"), test.detail);
    o.insert(QStringLiteral("test_output"), test.outputTail);
    o.insert(QStringLiteral("test_ms"), msOrNull(test.ms));
}

struct Outcome
{
    QList<Figures> figures;
    bool allAnswered = false;
};

// Follows a run (a SuiteRun or a BatchRun) that start() begins, printing each result as it comes;
// context ("with" or "without") goes in each JSON line.
template <typename Run>
Outcome follow(Run &run, const SuiteCommand &command, const QString &context, const std::function<void()> &start)
{
    constexpr bool Batch = std::is_same_v<Run, BatchRun>;
    const bool terminal = isatty(fileno(stderr)) != 0;
    QTextStream out(stdout);
    int done = 0;
    int errors = 0;
    QObject::connect(&run, &Run::resultReady, &run, [&](const SuiteResult &r) {
        ++done;
        errors += r.answered ? 0 : 1;
        const SuiteCase &c = run.cases().at(r.caseIndex);
        if (command.json) {
            const bool scored = c.expected && r.answered;
            QJsonObject o{{QStringLiteral("case"), c.name},
                          {QStringLiteral("line"), c.line},
                          {QStringLiteral("endpoint"), run.targets().at(r.target).label},
                          {QStringLiteral("context"), context},
                          {QStringLiteral("answered"), r.answered},
                          {QStringLiteral("answer"), r.answered ? QJsonValue(r.answer) : QJsonValue()},
                          {QStringLiteral("expected"), c.expected ? QJsonValue(*c.expected) : QJsonValue()},
                          {QStringLiteral("exact"), c.expected && r.answered ? QJsonValue(r.match.exact) : QJsonValue()},
                          {QStringLiteral("prefix"), c.expected && r.answered ? QJsonValue(r.match.prefix) : QJsonValue()},
                          {QStringLiteral("first_line_exact"), scored ? QJsonValue(r.scores.firstLineExact) : QJsonValue()},
                          {QStringLiteral("identifier_exact"), scored ? QJsonValue(r.scores.identifierExact) : QJsonValue()},
                          {QStringLiteral("edit_similarity"), scored ? score(r.scores.editSimilarity) : QJsonValue()},
                          {QStringLiteral("identifier_precision"), scored ? score(r.scores.identifierPrecision) : QJsonValue()},
                          {QStringLiteral("identifier_recall"), scored ? score(r.scores.identifierRecall) : QJsonValue()},
                          {QStringLiteral("identifier_f1"), scored ? score(r.scores.identifierF1) : QJsonValue()},
                          {QStringLiteral("chrf"), scored ? score(r.scores.chrF) : QJsonValue()},
                          {QStringLiteral("error"), r.answered ? QJsonValue() : QJsonValue(r.error)},
                          {QStringLiteral("status"), r.httpStatus},
                          {QStringLiteral("first_token_ms"), msOrNull(r.firstTokenMs)},
                          {QStringLiteral("total_ms"), msOrNull(r.totalMs)}};
            addTestFields(o, r.test);
            if (r.batch) // no latency of its own: the timing fields are null
                o.insert(QStringLiteral("batch"), true);
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
            out.flush();
        }
        if (!r.answered && !terminal)
            std::fprintf(stderr, "fim-complete: %s on %s: %s\n", qPrintable(c.name), qPrintable(run.targets().at(r.target).label),
                         qPrintable(r.error));
        if (terminal && !Batch)
            drawProgress(done, run.total(), errors);
    });
    bool failed = false;
    if constexpr (Batch) {
        // The bar counts the job's completed requests as the server reports them.
        QObject::connect(&run, &BatchRun::progress, &run, [&](const BatchJob &job) {
            if (terminal)
                drawProgress(job.completed, job.total > 0 ? job.total : run.total(), job.failed);
        });
        QObject::connect(&run, &BatchRun::jobStarted, &run, [&](const QString &id) {
            if (terminal)
                std::fprintf(stderr, "\r\033[K");
            std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("fim-complete: batch job %1 (fim-complete --batch-resume %1 follows it again, "
                                                       "--batch-cancel %1 cancels it)").arg(id)));
        });
        QObject::connect(&run, &BatchRun::failed, &run, [&](const QString &message) {
            failed = true;
            if (terminal)
                std::fprintf(stderr, "\r\033[K");
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(message));
        });
        QObject::connect(&run, &BatchRun::notKept, &run, [](const QString &why) {
            std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("fim-complete: the job is not kept in the history (%1): it cannot be resumed after this run.").arg(why)));
        });
    } else {
        QObject::connect(&run, &SuiteRun::exchangeRecorded, &run, [&](int target, const Exchange &x, const QString &shown) {
            if (command.onExchange)
                command.onExchange(x, run.targets().at(target).label, shown);
        });
    }
    QEventLoop loop;
    QObject::connect(&run, &Run::finished, &loop, &QEventLoop::quit);
    start();
    if (terminal && !Batch)
        drawProgress(0, run.total(), 0);
    if (run.isRunning())
        loop.exec();
    if (terminal)
        std::fprintf(stderr, "\r\033[K");
    if (terminal && errors > 0) {
        // The errors in words, now that the bar is gone.
        for (const SuiteResult &r : run.results())
            if (!r.answered)
                std::fprintf(stderr, "fim-complete: %s on %s: %s\n", qPrintable(run.cases().at(r.caseIndex).name),
                             qPrintable(run.targets().at(r.target).label), qPrintable(r.error));
    }
    Outcome outcome;
    for (int t = 0; t < run.targets().size(); ++t)
        outcome.figures.append({run.targets().at(t).label, run.summary(t), Batch});
    outcome.allAnswered = !failed && errors == 0 && done == run.total();
    return outcome;
}

// --run-tests runs what the model wrote: said before anything runs, with the sandbox's limits.
void warnAboutTests(const PromptSuite &suite, const SuiteTesting &testing, const QString &file)
{
    const qsizetype withTest = std::count_if(suite.cases.begin(), suite.cases.end(), [](const SuiteCase &c) { return c.test.has_value(); });
    if (testing.run) {
        std::fprintf(stderr, "%s",
                     qPrintable(Tr::tr("fim-complete: warning: --run-tests runs the code the model wrote (with the cases' tests) on this machine, "
                                   "in a bubblewrap sandbox: no network, read-only system folders, a fresh temporary folder as the only "
                                   "writable place, %1 s and %2 MiB at most per run.\n")
                                    .arg(testing.limits.timeLimitMs / 1000.0)
                                    .arg(testing.limits.memoryBytes / (1024 * 1024))));
        if (withTest == 0)
            std::fprintf(stderr, "fim-complete: no case of %s has a test: nothing to run.\n", qPrintable(file));
    } else if (withTest > 0) {
        std::fprintf(stderr, "%s",
                     qPrintable(Tr::tr("fim-complete: %1: %n case(s) with a test; --run-tests would run them (it runs the model's code, in a sandbox).\n",
                                       nullptr, int(withTest))
                                    .arg(file)));
    }
}

// One run of the cases against the targets.
Outcome runOnce(QNetworkAccessManager *network, const SuiteCommand &command, const QList<SuiteCase> &cases,
                const QList<SuiteTarget> &targets, const QString &context)
{
    SuiteRun run(network);
    run.setTimeouts(command.timeouts);
    run.setTesting(command.testing);
    return follow(run, command, context, [&] { run.start(cases, targets, command.parallel); });
}

} // namespace

int runSuiteCommand(QNetworkAccessManager *network, const SuiteCommand &command)
{
    QString error;
    const std::optional<PromptSuite> suite = PromptSuite::load(command.path, &error);
    if (!suite) {
        std::fprintf(stderr, "fim-complete: %s\n", qPrintable(error));
        return 1;
    }
    const QString file = QFileInfo(command.path).fileName();
    warnAboutTests(*suite, command.testing, file);
    for (const SuiteProblem &p : suite->problems)
        std::fprintf(stderr, "fim-complete: %s:%d: %s (skipped)\n", qPrintable(file), p.line, qPrintable(p.message));
    if (suite->cases.isEmpty()) {
        std::fprintf(stderr, "fim-complete: %s has no case to run.\n", qPrintable(command.path));
        return 1;
    }
    QList<SuiteCase> withoutContext = suite->cases;
    bool anyContext = false;
    for (SuiteCase &c : withoutContext) {
        anyContext = anyContext || !c.request.extra.isEmpty();
        c.request.extra.clear();
    }
    if (!anyContext && command.context != SuiteCommand::Context::AsWritten)
        std::fprintf(stderr, "fim-complete: no case of %s has context: with and without it, the requests are the same.\n", qPrintable(file));

    QList<SuiteTarget> targets;
    for (const Endpoint &e : command.endpoints)
        targets.append({e.name, e, SecretStore::fromEnvironment(e), command.parameters});
    auto title = [&](const QString &note) {
        const QString named = suite->format.isEmpty() ? file : QStringLiteral("%1 (%2)").arg(file, suite->format);
        return Tr::tr("%1: %n case(s)", nullptr, int(suite->cases.size())).arg(named) + Tr::tr(" × %n endpoint(s)", nullptr, int(targets.size()))
            + note + QLatin1Char('\n');
    };
    QString summary;
    bool allAnswered = false;
    bool anyScores = false;
    // The metrics table after a blank line, or nothing when no case could be scored.
    auto scores = [&anyScores](const QList<Figures> &figures) {
        const QString t = scoresTable(figures);
        anyScores = anyScores || !t.isEmpty();
        return withBlankLine(t);
    };
    switch (command.context) {
    case SuiteCommand::Context::AsWritten: {
        const Outcome o = runOnce(network, command, suite->cases, targets, QStringLiteral("with"));
        summary = title({}) + table(o.figures) + scores(o.figures);
        allAnswered = o.allAnswered;
        break;
    }
    case SuiteCommand::Context::Without: {
        const Outcome o = runOnce(network, command, withoutContext, targets, QStringLiteral("without"));
        summary = title(Tr::tr(", without context")) + table(o.figures) + scores(o.figures);
        allAnswered = o.allAnswered;
        break;
    }
    case SuiteCommand::Context::Compare: {
        const Outcome with = runOnce(network, command, suite->cases, targets, QStringLiteral("with"));
        const Outcome without = runOnce(network, command, withoutContext, targets, QStringLiteral("without"));
        summary = title(Tr::tr(", with context")) + table(with.figures) + scores(with.figures) + QLatin1Char('\n')
            + title(Tr::tr(", without context")) + table(without.figures) + scores(without.figures) + QLatin1Char('\n')
            + difference(with.figures, without.figures);
        allAnswered = with.allAnswered && without.allAnswered;
        break;
    }
    }
    if (anyScores)
        summary += QLatin1Char('\n') + scoresLegend();
    printSummary(summary, command.json);
    return allAnswered ? 0 : 1;
}

int runBatchSuiteCommand(QNetworkAccessManager *network, const SuiteCommand &command)
{
    QString error;
    BatchJobStore store;
    const bool kept = store.open(command.historyPath, &error);
    if (!kept && !command.batchResume.isEmpty()) {
        std::fprintf(stderr, "fim-complete: %s\n", qPrintable(error));
        return 1;
    }
    if (!kept)
        std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("fim-complete: the job is not kept in the history (%1): it cannot be resumed after this run.").arg(error)));
    BatchRun run(network, kept ? &store : nullptr);
    run.setPollInterval(command.batchPollMs, std::max(60000, command.batchPollMs));
    QString file;
    QList<SuiteCase> cases;
    SuiteTarget target;
    QByteArray bytes;
    std::optional<BatchJobRecord> resumed;
    if (!command.batchResume.isEmpty()) {
        std::optional<ResumableJob> job = findResumableJob(store, command.batchResume, &error);
        if (!job) {
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(error));
            return 1;
        }
        resumed = job->record;
        cases = job->resumable.cases;
        target = job->resumable.target;
        file = QFileInfo(job->record.suitePath).fileName();
    } else {
        QFile in(command.path);
        if (!in.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(Tr::tr("Cannot read %1: %2").arg(command.path, in.errorString())));
            return 1;
        }
        bytes = in.readAll();
        const PromptSuite suite = PromptSuite::parse(bytes);
        file = QFileInfo(command.path).fileName();
        for (const SuiteProblem &p : suite.problems)
            std::fprintf(stderr, "fim-complete: %s:%d: %s (skipped)\n", qPrintable(file), p.line, qPrintable(p.message));
        if (suite.cases.isEmpty()) {
            std::fprintf(stderr, "fim-complete: %s has no case to run.\n", qPrintable(command.path));
            return 1;
        }
        cases = suite.cases;
        if (command.context == SuiteCommand::Context::Without)
            for (SuiteCase &c : cases)
                c.request.extra.clear();
        const Endpoint &e = command.endpoints.constFirst();
        target = {e.name, e, SecretStore::fromEnvironment(e), command.parameters};
    }
    const QString context = command.context == SuiteCommand::Context::Without ? QStringLiteral("without") : QStringLiteral("with");
    const Outcome o = follow(run, command, context, [&] {
        if (resumed)
            run.resume(*resumed, cases, target);
        else
            run.start(cases, target, command.path, bytes);
    });
    const QString summary = Tr::tr("%1: %n case(s)", nullptr, int(cases.size())).arg(file) + Tr::tr(", one batch job") + QLatin1Char('\n') + table(o.figures);
    printSummary(summary, command.json);
    return o.allAnswered ? 0 : 1;
}
