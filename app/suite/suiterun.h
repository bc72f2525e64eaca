#pragma once

#include "net/fimclient.h"
#include "suite/completionmetrics.h"
#include "suite/promptsuite.h"
#include "suite/suitetester.h"
#include "wire/endpoint.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <deque>
#include <optional>

class QNetworkAccessManager;

// Where a suite runs: an endpoint with its secret and the parameters of a variant (a Compare
// variant, or what fim-complete's options say). label names it in tables.
struct SuiteTarget
{
    QString label;
    Endpoint endpoint;
    QString secret;
    FimRequest parameters; // model and parameters; a case's own parameters win
};

// One case against one target, as it ended.
struct SuiteResult
{
    int caseIndex = -1;
    int target = -1;
    quint64 requestId = 0; // the FimReply's id: its exchange and timing carry it
    bool answered = false;
    QString answer; // cleaned as the editor would show it
    QString error;  // in words, when it failed
    int httpStatus = 0;
    double firstTokenMs = -1;
    double totalMs = -1;
    SuiteMatch match; // against the case's expected answer, when it has one
    // Every metric against the case's expected answer (identifiers in the language of the case's
    // "file"), when it has one and the request was answered.
    CompletionScores scores;
    RequestTiming timing;
    TestOutcome test; // the case's test run on the answer (status None: the case has no test)
    bool batch = false; // answered through a batch job (BatchRun): no latency of its own, tables say "batch"
};

// A target's figures over a run: time to first token and total (p50/p95 over the answered ones,
// and the mean total) and the metrics over the answered cases that say what they expect
// (withExpected of them): exact, prefix, first-line exact and identifier exact as counts, edit
// similarity, identifier F1 and chrF as spreads.
struct SuiteSummary
{
    int cases = 0;
    int errors = 0;
    std::optional<double> firstTokenP50, firstTokenP95, totalP50, totalP95;
    std::optional<double> totalMean;
    int withExpected = 0;
    int exact = 0;
    int prefix = 0;
    int firstLineExact = 0;
    int identifierExact = 0;
    ScoreSpread editSimilarity, identifierF1, chrF;
    // The cases' tests (SuiteTesting): pass@1 is passed / the tests that ran (pass, fail, timeout).
    int withTest = 0, passed = 0, failed = 0, timedOut = 0, testErrors = 0, notRun = 0;
    std::optional<double> passAt1() const;
    void count(const TestOutcome &test);

    // "103 / 135 ms", "– / – ms" when nothing was answered: a p50/p95 pair for tables.
    static QString msPair(const std::optional<double> &p50, const std::optional<double> &p95);
};

// Whether the cases' tests run on the answers (off unless the user allows it: it runs the
// model's code, in the Sandbox), within which limits, and how many at once.
struct SuiteTesting
{
    bool run = false;
    SandboxLimits limits;
    int parallel = 2;
};

// Runs every case of a suite against every target, at most `parallel` requests at once, each
// target through its own FimClient. Results come as each request ends; finished() once all have.
// cancel() stops what is in flight and what waits (their results are not reported).
// With testing on, an answered case that has a test is reported once its test has run (tests run
// beside the requests, SuiteTesting::parallel at once); with it off, its test is "not run".
class SuiteRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuiteRun)

public:
    explicit SuiteRun(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~SuiteRun() override;

    void setTimeouts(const ClientTimeouts &timeouts) { m_timeouts = timeouts; }
    void setTesting(const SuiteTesting &testing);
    const SuiteTesting &testing() const { return m_testing; }
    void start(const QList<SuiteCase> &cases, const QList<SuiteTarget> &targets, int parallel);
    void cancel();
    bool isRunning() const { return m_inFlight > 0 || !m_waiting.empty() || !m_beingTested.isEmpty(); }

    const QList<SuiteCase> &cases() const { return m_cases; }
    const QList<SuiteTarget> &targets() const { return m_targets; }
    const QList<SuiteResult> &results() const { return m_results; }
    int total() const { return int(m_cases.size() * m_targets.size()); }
    SuiteSummary summary(int target) const { return summarize(m_cases, m_results, target); }

    // What a case sends to a target: the variant's parameters, then the case's own (the model
    // defaulted to the endpoint's). stream is left as the variant has it.
    static FimRequest requestFor(const SuiteCase &suiteCase, const SuiteTarget &target);
    // An answered result: the answer cleaned as the editor would show it, matched against what the
    // case expects, with the answer's timing. A BatchRun scores its lines through this too.
    static SuiteResult answered(const SuiteCase &suiteCase, const Endpoint &endpoint, const FimRequest &request,
                                const CompletionResult &result);
    // A target's figures over these results.
    static SuiteSummary summarize(const QList<SuiteCase> &cases, const QList<SuiteResult> &results, int target);

signals:
    void resultReady(const SuiteResult &result);
    void finished();
    // Every request's exchange, the target it went to and its answer as cleaned (empty when it
    // failed), for the inspector and the history.
    void exchangeRecorded(int target, const Exchange &exchange, const QString &shown);

private:
    void sendNext();
    bool testLater(SuiteResult &result); // false: result.test is final (no test, not run)

    QNetworkAccessManager *m_network;
    ClientTimeouts m_timeouts;
    QList<SuiteCase> m_cases;
    QList<SuiteTarget> m_targets;
    QList<FimClient *> m_clients;
    std::deque<std::pair<int, int>> m_waiting; // (case, target)
    QList<QPointer<FimReply>> m_replies;
    QList<SuiteResult> m_results;
    int m_parallel = 1;
    int m_inFlight = 0;
    quint64 m_run = 0;
    SuiteTesting m_testing;
    SuiteTester *m_tester;
    QHash<quint64, SuiteResult> m_beingTested; // by request id
};
