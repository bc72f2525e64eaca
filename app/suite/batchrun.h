#pragma once

#include "history/batchjobstore.h"
#include "suite/suiterun.h"
#include "wire/batchjob.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

class BatchClient;
class QNetworkAccessManager;

// A prompt suite against one Codestral endpoint through Mistral's Batch API, at half the price of
// single requests and with no latency to measure: the cases become one JSONL file of
// lines (BatchFile::input), which is uploaded (BatchClient), made a job, and polled, with a backoff,
// until the job ends; then its output file (and error file) is read and every line scored as
// SuiteRun scores an answer (BatchFile::results).
//
// The job is kept in a BatchJobStore when one is given (its id, the suite, the endpoint, model and
// parameters, its status and progress, at every poll), so that a later process can resume() it:
// prepareResume() reads the suite again and checks it is the file the job was made from.
//
// Signals: jobStarted() once the server has the job; progress() after each poll; resultReady()
// per case once the output is read; failed() when the job cannot be made, is lost, refused or
// fails as a whole (in words); finished() at the end in every case but detach(). No exchange reaches
// the inspector or the history: a batch has no request of its own per case.
class BatchRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchRun)

public:
    // store may be null: the job then lives only as long as this object.
    BatchRun(QNetworkAccessManager *network, BatchJobStore *store, QObject *parent = nullptr);
    ~BatchRun() override;

    // Polls wait firstMs, then each wait is 1.5 times the last, up to maxMs (default 2 s → 60 s).
    void setPollInterval(int firstMs, int maxMs);
    // Transient errors (429, 5xx, the network) in a row before the run gives up (default 5).
    void setRetryLimit(int tries) { m_retryLimit = tries; }

    // Why a target cannot run as a batch job (not Codestral, no key), or empty when it can.
    static QString unsuitableReason(const SuiteTarget &target);

    // Makes and follows a job for the cases against target. suitePath and suiteBytes name the
    // file the cases come from (kept with the job so that it can be resumed).
    void start(const QList<SuiteCase> &cases, const SuiteTarget &target, const QString &suitePath, const QByteArray &suiteBytes);

    // What resuming a stored job needs: its suite's cases, read again, and the target without its
    // secret (the caller reads it for target.endpoint: environment or keychain).
    struct Resumable
    {
        QList<SuiteCase> cases;
        SuiteTarget target;
    };
    // nullopt with *error when the suite cannot be read, has changed since, or the record is unusable.
    static std::optional<Resumable> prepareResume(const BatchJobRecord &record, QString *error);
    // Follows a stored job again from where it is (a poll first).
    void resume(const BatchJobRecord &record, const QList<SuiteCase> &cases, const SuiteTarget &target);

    // Asks the server to cancel the job; the run follows it to CANCELLED and reports what finished.
    // Before the job exists, stops at once.
    void cancelJob();
    // Stops following the job and leaves it running on the server (and in the store): finished()
    // is not emitted. A later resume() picks it up.
    void detach();

    bool isRunning() const { return m_running; }
    const BatchJob &job() const { return m_job; }
    const BatchJobRecord &record() const { return m_record; }
    const QList<SuiteCase> &cases() const { return m_cases; }
    const QList<SuiteTarget> &targets() const { return m_targets; }
    const QList<SuiteResult> &results() const { return m_results; }
    int total() const { return int(m_cases.size()); }
    SuiteSummary summary(int target) const { return SuiteRun::summarize(m_cases, m_results, target); }

signals:
    void jobStarted(const QString &jobId);
    void progress(const BatchJob &job);
    void resultReady(const SuiteResult &result);
    void failed(const QString &message);
    void finished();
    // The store refused the job (said once a run): it goes on, but would not survive a restart.
    void notKept(const QString &why);

private:
    void reset(const QList<SuiteCase> &cases, const SuiteTarget &target);
    void upload(const QByteArray &jsonl, const QString &name);
    void createJob(const QString &fileId);
    void poll();
    void schedulePoll();
    void onJob(const BatchJob &job, const FimError &error);
    // A transient error (429, 5xx, network): again after a wait, up to the retry limit; else fail.
    bool retryLater(const FimError &error, std::function<void()> again);
    void fetchResults();
    // Reads a result file (the output, then the error file, whichever the job has), then scores.
    void fetchFile(const QString &fileId, const QByteArray &output);
    void score(const QByteArray &output, const QByteArray &errors);
    void fail(const QString &message);
    void end();
    void keep();

    QNetworkAccessManager *m_network;
    BatchJobStore *m_store;
    BatchClient *m_client;
    QTimer m_timer;
    QList<SuiteCase> m_cases;
    QList<SuiteTarget> m_targets; // one
    QList<SuiteResult> m_results;
    BatchJob m_job;
    BatchJobRecord m_record;
    int m_firstPollMs = 2000;
    int m_maxPollMs = 60000;
    int m_nextPollMs = 2000;
    int m_retryLimit = 5;
    int m_retries = 0;
    bool m_running = false;
    bool m_notKept = false;
    quint64 m_generation = 0; // a callback of an earlier start() is dropped
};
