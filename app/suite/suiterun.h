#pragma once

#include "net/fimclient.h"
#include "suite/promptsuite.h"
#include "wire/endpoint.h"

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
    RequestTiming timing;
    bool batch = false; // answered through a batch job (BatchRun): no latency of its own, tables say "batch"
};

// A target's figures over a run: time to first token and total (p50/p95 over the answered ones,
// and the mean total) and the matches over the cases that say what they expect.
struct SuiteSummary
{
    int cases = 0;
    int errors = 0;
    std::optional<double> firstTokenP50, firstTokenP95, totalP50, totalP95;
    std::optional<double> totalMean;
    int withExpected = 0;
    int exact = 0;
    int prefix = 0;

    // "103 / 135 ms", "– / – ms" when nothing was answered: a p50/p95 pair for tables.
    static QString msPair(const std::optional<double> &p50, const std::optional<double> &p95);
};

// Runs every case of a suite against every target, at most `parallel` requests at once, each
// target through its own FimClient. Results come as each request ends; finished() once all have.
// cancel() stops what is in flight and what waits (their results are not reported).
class SuiteRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuiteRun)

public:
    explicit SuiteRun(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~SuiteRun() override;

    void setTimeouts(const ClientTimeouts &timeouts) { m_timeouts = timeouts; }
    void start(const QList<SuiteCase> &cases, const QList<SuiteTarget> &targets, int parallel);
    void cancel();
    bool isRunning() const { return m_inFlight > 0 || !m_waiting.empty(); }

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
};
