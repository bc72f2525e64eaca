#include "cli/suitecommand.h"

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

#include <cstdio>
#include <type_traits>
#include <unistd.h>

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("fim-complete", text, disambiguation, n);
}

QJsonValue msOrNull(double ms)
{
    return ms >= 0 ? QJsonValue(qRound(ms * 10) / 10.0) : QJsonValue();
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
                 errors > 0 ? qPrintable(tr("  %n error(s)", nullptr, errors)) : "");
    std::fflush(stderr);
}

// The cells as columns two spaces apart: the first left-aligned, the others right-aligned.
QString grid(const QList<QStringList> &cells)
{
    QList<qsizetype> widths;
    for (const QStringList &row : cells) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    QStringList rows;
    for (const QStringList &row : cells) {
        QStringList padded;
        for (qsizetype i = 0; i < row.size(); ++i)
            padded << (i == 0 ? row.at(i).leftJustified(widths[i]) : row.at(i).rightJustified(widths[i]));
        rows << padded.join(QStringLiteral("  ")).trimmed();
    }
    return rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

// An endpoint's figures over one run.
struct Figures
{
    QString label;
    SuiteSummary summary;
    bool batch = false; // answered by a batch job: no latency to show
};

QString table(const QList<Figures> &figures)
{
    QList<QStringList> cells{{tr("endpoint"), tr("cases"), tr("errors"), tr("first token p50/p95"), tr("total p50/p95"), tr("exact"),
                              tr("prefix")}};
    for (const auto &[label, s, batch] : figures)
        cells.append({label, QString::number(s.cases), QString::number(s.errors),
                      batch ? tr("batch") : SuiteSummary::msPair(s.firstTokenP50, s.firstTokenP95),
                      batch ? tr("batch") : SuiteSummary::msPair(s.totalP50, s.totalP95), rate(s.exact, s.withExpected), rate(s.prefix, s.withExpected)});
    return grid(cells);
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

// A line per metric, "with − without", a column per endpoint.
QString difference(const QList<Figures> &with, const QList<Figures> &without)
{
    QList<QStringList> cells{{tr("with − without")}, {tr("errors")},     {tr("first token p50/p95")}, {tr("total p50/p95")},
                             {tr("total mean")},     {tr("exact")}, {tr("prefix")}};
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
    }
    return grid(cells);
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
            QJsonObject o{{QStringLiteral("case"), c.name},
                          {QStringLiteral("line"), c.line},
                          {QStringLiteral("endpoint"), run.targets().at(r.target).label},
                          {QStringLiteral("context"), context},
                          {QStringLiteral("answered"), r.answered},
                          {QStringLiteral("answer"), r.answered ? QJsonValue(r.answer) : QJsonValue()},
                          {QStringLiteral("expected"), c.expected ? QJsonValue(*c.expected) : QJsonValue()},
                          {QStringLiteral("exact"), c.expected && r.answered ? QJsonValue(r.match.exact) : QJsonValue()},
                          {QStringLiteral("prefix"), c.expected && r.answered ? QJsonValue(r.match.prefix) : QJsonValue()},
                          {QStringLiteral("error"), r.answered ? QJsonValue() : QJsonValue(r.error)},
                          {QStringLiteral("status"), r.httpStatus},
                          {QStringLiteral("first_token_ms"), msOrNull(r.firstTokenMs)},
                          {QStringLiteral("total_ms"), msOrNull(r.totalMs)}};
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
            std::fprintf(stderr, "%s\n", qPrintable(tr("fim-complete: batch job %1 (fim-complete --batch-resume %1 follows it again, "
                                                       "--batch-cancel %1 cancels it)").arg(id)));
        });
        QObject::connect(&run, &BatchRun::failed, &run, [&](const QString &message) {
            failed = true;
            if (terminal)
                std::fprintf(stderr, "\r\033[K");
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(message));
        });
        QObject::connect(&run, &BatchRun::notKept, &run, [](const QString &why) {
            std::fprintf(stderr, "%s\n", qPrintable(tr("fim-complete: the job is not kept in the history (%1): it cannot be resumed after this run.").arg(why)));
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

// One run of the cases against the targets.
Outcome runOnce(QNetworkAccessManager *network, const SuiteCommand &command, const QList<SuiteCase> &cases,
                const QList<SuiteTarget> &targets, const QString &context)
{
    SuiteRun run(network);
    run.setTimeouts(command.timeouts);
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
        return tr("%1: %n case(s)", nullptr, int(suite->cases.size())).arg(file) + tr(" × %n endpoint(s)", nullptr, int(targets.size()))
            + note + QLatin1Char('\n');
    };
    QString summary;
    bool allAnswered = false;
    switch (command.context) {
    case SuiteCommand::Context::AsWritten: {
        const Outcome o = runOnce(network, command, suite->cases, targets, QStringLiteral("with"));
        summary = title({}) + table(o.figures);
        allAnswered = o.allAnswered;
        break;
    }
    case SuiteCommand::Context::Without: {
        const Outcome o = runOnce(network, command, withoutContext, targets, QStringLiteral("without"));
        summary = title(tr(", without context")) + table(o.figures);
        allAnswered = o.allAnswered;
        break;
    }
    case SuiteCommand::Context::Compare: {
        const Outcome with = runOnce(network, command, suite->cases, targets, QStringLiteral("with"));
        const Outcome without = runOnce(network, command, withoutContext, targets, QStringLiteral("without"));
        summary = title(tr(", with context")) + table(with.figures) + QLatin1Char('\n') + title(tr(", without context"))
            + table(without.figures) + QLatin1Char('\n') + difference(with.figures, without.figures);
        allAnswered = with.allAnswered && without.allAnswered;
        break;
    }
    }
    if (command.json) {
        std::fprintf(stderr, "%s", qPrintable(summary));
    } else {
        QTextStream out(stdout);
        out << summary;
        out.flush();
    }
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
        std::fprintf(stderr, "%s\n", qPrintable(tr("fim-complete: the job is not kept in the history (%1): it cannot be resumed after this run.").arg(error)));
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
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(tr("Cannot read %1: %2").arg(command.path, in.errorString())));
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
    const QString summary = tr("%1: %n case(s)", nullptr, int(cases.size())).arg(file) + tr(", one batch job") + QLatin1Char('\n') + table(o.figures);
    if (command.json) {
        std::fprintf(stderr, "%s", qPrintable(summary));
    } else {
        QTextStream out(stdout);
        out << summary;
        out.flush();
    }
    return o.allAnswered ? 0 : 1;
}
