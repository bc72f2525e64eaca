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

QString table(const SuiteRun &run)
{
    QStringList rows;
    const QStringList header{tr("endpoint"), tr("cases"), tr("errors"), tr("first token p50/p95"), tr("total p50/p95"),
                             tr("exact"), tr("prefix")};
    QList<QStringList> cells{header};
    for (int t = 0; t < run.targets().size(); ++t) {
        const SuiteSummary s = run.summary(t);
        cells.append({run.targets().at(t).label, QString::number(s.cases), QString::number(s.errors),
                      SuiteSummary::msPair(s.firstTokenP50, s.firstTokenP95), SuiteSummary::msPair(s.totalP50, s.totalP95), rate(s.exact, s.withExpected),
                      rate(s.prefix, s.withExpected)});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : std::as_const(cells))
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    for (const QStringList &row : std::as_const(cells)) {
        QStringList padded;
        for (qsizetype i = 0; i < row.size(); ++i)
            padded << (i == 0 ? row.at(i).leftJustified(widths[i]) : row.at(i).rightJustified(widths[i]));
        rows << padded.join(QStringLiteral("  ")).trimmed();
    }
    return rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
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

    QList<SuiteTarget> targets;
    for (const Endpoint &e : command.endpoints)
        targets.append({e.name, e, SecretStore::fromEnvironment(e), command.parameters});
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
    run.start(suite->cases, targets, command.parallel);
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
    const QString summary = tr("%1: %n case(s)", nullptr, int(suite->cases.size())).arg(file)
        + tr(" × %n endpoint(s)", nullptr, int(targets.size())) + QLatin1Char('\n') + table(run);
    if (command.json) {
        std::fprintf(stderr, "%s", qPrintable(summary));
    } else {
        out << summary;
        out.flush();
    }
    return errors == 0 && done == run.total() ? 0 : 1;
}
