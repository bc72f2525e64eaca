#include "cli/suitecommand.h"

#include "settings/secretstore.h"
#include "suite/suiterun.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace {

// Messages under the context "FimComplete"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FimComplete)
};

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
                 errors > 0 ? qPrintable(Tr::tr("  %n error(s)", nullptr, errors)) : "");
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
};

QString table(const QList<Figures> &figures)
{
    QList<QStringList> cells{{Tr::tr("endpoint"), Tr::tr("cases"), Tr::tr("errors"), Tr::tr("first token p50/p95"), Tr::tr("total p50/p95"), Tr::tr("exact"),
                              Tr::tr("prefix")}};
    for (const auto &[label, s] : figures)
        cells.append({label, QString::number(s.cases), QString::number(s.errors), SuiteSummary::msPair(s.firstTokenP50, s.firstTokenP95),
                      SuiteSummary::msPair(s.totalP50, s.totalP95), rate(s.exact, s.withExpected), rate(s.prefix, s.withExpected)});
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
    QList<QStringList> cells{{Tr::tr("with − without")}, {Tr::tr("errors")},     {Tr::tr("first token p50/p95")}, {Tr::tr("total p50/p95")},
                             {Tr::tr("total mean")},     {Tr::tr("exact")}, {Tr::tr("prefix")}};
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

// One run of the cases against the targets; context ("with" or "without") goes in each JSON line.
Outcome runOnce(QNetworkAccessManager *network, const SuiteCommand &command, const QList<SuiteCase> &cases,
                const QList<SuiteTarget> &targets, const QString &context)
{
    SuiteRun run(network);
    run.setTimeouts(command.timeouts);
    const bool terminal = isatty(fileno(stderr)) != 0;
    QTextStream out(stdout);
    int done = 0;
    int errors = 0;
    QObject::connect(&run, &SuiteRun::resultReady, &run, [&](const SuiteResult &r) {
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
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
            out.flush();
        }
        if (!r.answered && !terminal)
            std::fprintf(stderr, "fim-complete: %s on %s: %s\n", qPrintable(c.name), qPrintable(run.targets().at(r.target).label),
                         qPrintable(r.error));
        if (terminal)
            drawProgress(done, run.total(), errors);
    });
    QObject::connect(&run, &SuiteRun::exchangeRecorded, &run, [&](int target, const Exchange &x, const QString &shown) {
        if (command.onExchange)
            command.onExchange(x, run.targets().at(target).label, shown);
    });
    QEventLoop loop;
    QObject::connect(&run, &SuiteRun::finished, &loop, &QEventLoop::quit);
    run.start(cases, targets, command.parallel);
    if (terminal)
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
        outcome.figures.append({run.targets().at(t).label, run.summary(t)});
    outcome.allAnswered = errors == 0 && done == run.total();
    return outcome;
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
        return Tr::tr("%1: %n case(s)", nullptr, int(suite->cases.size())).arg(file) + Tr::tr(" × %n endpoint(s)", nullptr, int(targets.size()))
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
        summary = title(Tr::tr(", without context")) + table(o.figures);
        allAnswered = o.allAnswered;
        break;
    }
    case SuiteCommand::Context::Compare: {
        const Outcome with = runOnce(network, command, suite->cases, targets, QStringLiteral("with"));
        const Outcome without = runOnce(network, command, withoutContext, targets, QStringLiteral("without"));
        summary = title(Tr::tr(", with context")) + table(with.figures) + QLatin1Char('\n') + title(Tr::tr(", without context"))
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
