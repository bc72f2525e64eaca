#pragma once

#include "net/fimreply.h"
#include "suite/suiterun.h"
#include "wire/clienttimeouts.h"
#include "wire/endpoint.h"

#include <QList>
#include <QString>

#include <functional>

class QNetworkAccessManager;

// fim-complete --suite: a prompt suite against every endpoint given.
struct SuiteCommand
{
    QString path;
    QList<Endpoint> endpoints; // secrets from the environment, as for one request
    FimRequest parameters;     // the options' model and parameters; a case's own win
    int parallel = 4;
    bool json = false;
    // What becomes of the cases' extra context: sent as the suite says, dropped
    // (--without-context), or both, one run after the other (--compare-context).
    enum class Context { AsWritten, Without, Compare };
    Context context = Context::AsWritten;
    ClientTimeouts timeouts;
    // --run-tests (off by default: it runs the model's code, in the sandbox) and its limits.
    SuiteTesting testing;
    // --batch: the suite as one Mistral batch job (one Codestral endpoint; half the price, no
    // latency); --batch-resume ID: follow a job kept in the history instead (its suite, endpoint and
    // parameters are the job's). Jobs are kept in historyPath; polls start batchPollMs apart.
    bool batch = false;
    QString batchResume;
    QString historyPath;
    int batchPollMs = 2000;
    // Every exchange, with the profile and the answer as shown (--record).
    std::function<void(const Exchange &, const QString &profile, const QString &shown)> onExchange;
};

// Lines the suite could not take go to stderr with their numbers; a progress bar goes to stderr
// when it is a terminal; the table per endpoint goes to stdout, or, with json, one JSON line per
// case and endpoint (its "context": "with" or "without") to stdout and the table to stderr. To
// compare, the table with context, the one without, then per metric a line "with − without" with
// a column per endpoint. Returns 0 when every request was answered (a mismatch is a result, not a
// failure), 1 otherwise or when the file cannot be read. Cases with a test (HumanEval-infilling,
// SAFIM) add "test" ("pass", "fail", "timeout", "error", "not run"), "test_detail" and
// "test_output" to their JSON lines, and pass@1 with the counts to the table.
int runSuiteCommand(QNetworkAccessManager *network, const SuiteCommand &command);
// The same for --batch and --batch-resume (BatchRun): the progress bar counts the job's completed
// requests; the latency columns say "batch".
int runBatchSuiteCommand(QNetworkAccessManager *network, const SuiteCommand &command);
