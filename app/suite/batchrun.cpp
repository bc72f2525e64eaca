#include "suite/batchrun.h"

#include "net/batchclient.h"
#include "suite/batchfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace {

bool isTransient(const FimError &error)
{
    return error.kind == FimError::Kind::RateLimited || error.kind == FimError::Kind::Network || error.kind == FimError::Kind::Timeout
        || error.httpStatus >= 500;
}

} // namespace

BatchRun::BatchRun(QNetworkAccessManager *network, BatchJobStore *store, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_store(store)
    , m_client(new BatchClient(network, this))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BatchRun::poll);
}

BatchRun::~BatchRun() = default;

void BatchRun::setPollInterval(int firstMs, int maxMs)
{
    m_firstPollMs = std::max(1, firstMs);
    m_maxPollMs = std::max(m_firstPollMs, maxMs);
    m_nextPollMs = m_firstPollMs;
}

QString BatchRun::unsuitableReason(const SuiteTarget &target)
{
    if (target.endpoint.kind != EndpointKind::Codestral)
        return tr("Batch jobs are Mistral's: \"%1\" is a %2 endpoint, not Codestral (kind codestral, api.mistral.ai).")
            .arg(target.label, endpointKindName(target.endpoint.kind));
    if (target.secret.isEmpty())
        return tr("\"%1\" has no API key: set it in Settings or in %2.").arg(target.label, target.endpoint.secretEnvironmentVariable());
    return {};
}

void BatchRun::reset(const QList<SuiteCase> &cases, const SuiteTarget &target)
{
    m_timer.stop();
    m_client->abortAll();
    ++m_generation;
    m_cases = cases;
    m_targets = {target};
    m_results.clear();
    m_job = {};
    m_record = {};
    m_nextPollMs = m_firstPollMs;
    m_retries = 0;
    m_notKept = false;
    m_running = true;
    m_client->setEndpoint(target.endpoint, target.secret);
}

void BatchRun::start(const QList<SuiteCase> &cases, const SuiteTarget &target, const QString &suitePath, const QByteArray &suiteBytes)
{
    reset(cases, target);
    if (const QString why = unsuitableReason(target); !why.isEmpty()) {
        fail(why);
        return;
    }
    if (cases.isEmpty()) {
        fail(tr("The suite has no case to run."));
        return;
    }
    QString error;
    const QByteArray jsonl = BatchFile::input(cases, target, &error);
    if (jsonl.isEmpty()) {
        fail(error);
        return;
    }
    m_record.suitePath = QFileInfo(suitePath).absoluteFilePath();
    m_record.suiteHash = BatchJobStore::hashOf(suiteBytes);
    m_record.profile = target.endpoint.name;
    m_record.endpointUrl = target.endpoint.baseUrl.toString();
    FimRequest parameters = target.parameters;
    if (parameters.model.isEmpty())
        parameters.model = target.endpoint.defaultModel();
    m_record.model = parameters.model;
    m_record.parameters = parameters.toJson(FimRequest::Extra::Apart);
    m_record.total = int(cases.size());
    upload(jsonl, QFileInfo(suitePath).completeBaseName() + QStringLiteral(".batch.jsonl"));
}

void BatchRun::upload(const QByteArray &jsonl, const QString &name)
{
    const quint64 generation = m_generation;
    m_client->upload(jsonl, name, this, [this, generation, jsonl, name](const QString &fileId, const FimError &error) {
        if (generation != m_generation || !m_running)
            return;
        if (!error.message.isEmpty()) {
            if (!retryLater(error, [this, jsonl, name] { upload(jsonl, name); }))
                fail(tr("Uploading the suite failed: %1").arg(error.message));
            return;
        }
        m_retries = 0;
        m_record.inputFile = fileId;
        createJob(fileId);
    });
}

void BatchRun::createJob(const QString &fileId)
{
    const quint64 generation = m_generation;
    m_client->createJob(fileId, m_record.model, this, [this, generation, fileId](const BatchJob &job, const FimError &error) {
        if (generation != m_generation || !m_running)
            return;
        if (!error.message.isEmpty()) {
            // Creating a job is not idempotent: asked again after a lost answer (a timeout, a
            // reset, a 5xx), the server could make and bill a second job. Only a refusal that
            // made none (429) is asked again.
            if (error.kind == FimError::Kind::RateLimited && retryLater(error, [this, fileId] { createJob(fileId); }))
                return;
            const bool unsure = error.kind != FimError::Kind::RateLimited && error.httpStatus < 400;
            fail(unsure ? tr("Creating the batch job failed: %1. The server may have made it all the same: look at the jobs in "
                             "Mistral's console before you run the suite again.")
                              .arg(error.message)
                        : tr("Creating the batch job failed: %1").arg(error.message));
            return;
        }
        m_retries = 0;
        m_job = job;
        m_record.jobId = job.id;
        m_record.created = QDateTime::currentDateTimeUtc();
        m_record.take(job);
        keep();
        emit jobStarted(job.id);
        emit progress(m_job);
        if (job.isFinal())
            fetchResults();
        else
            schedulePoll();
    });
}

std::optional<BatchRun::Resumable> BatchRun::prepareResume(const BatchJobRecord &record, QString *error)
{
    QFile file(record.suitePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("The suite of job %1 cannot be read (%2: %3): its answers cannot be matched to cases.")
                     .arg(record.jobId, record.suitePath, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (!record.suiteHash.isEmpty() && BatchJobStore::hashOf(bytes) != record.suiteHash) {
        *error = tr("%1 has changed since job %2 was made from it: its answers can no longer be matched to the cases.")
                     .arg(record.suitePath, record.jobId);
        return std::nullopt;
    }
    QString why;
    const std::optional<FimRequest> parameters = FimRequest::fromJson(record.parameters, &why);
    const QUrl url(record.endpointUrl);
    if (!parameters || !url.isValid() || url.scheme().isEmpty()) {
        *error = tr("Job %1 is not kept whole in the history (%2).").arg(record.jobId, parameters ? tr("no endpoint URL") : why);
        return std::nullopt;
    }
    Resumable r;
    r.cases = PromptSuite::parse(bytes).cases;
    r.target.label = record.profile.isEmpty() ? url.host() : record.profile;
    r.target.endpoint = Endpoint(record.profile, EndpointKind::Codestral, url);
    r.target.parameters = *parameters;
    return r;
}

void BatchRun::resume(const BatchJobRecord &record, const QList<SuiteCase> &cases, const SuiteTarget &target)
{
    reset(cases, target);
    m_record = record;
    m_job.id = record.jobId;
    m_job.status = record.status;
    m_job.total = record.total;
    m_job.completed = record.completed;
    m_job.succeeded = record.succeeded;
    m_job.failed = record.failed;
    m_job.outputFile = record.outputFile;
    m_job.errorFile = record.errorFile;
    if (const QString why = unsuitableReason(target); !why.isEmpty()) {
        fail(why);
        return;
    }
    emit jobStarted(record.jobId);
    poll();
}

void BatchRun::schedulePoll()
{
    m_timer.start(m_nextPollMs);
    m_nextPollMs = std::min(m_maxPollMs, int(m_nextPollMs * 1.5) + 1);
}

void BatchRun::poll()
{
    if (!m_running)
        return;
    const quint64 generation = m_generation;
    m_client->job(m_job.id, this, [this, generation](const BatchJob &job, const FimError &error) {
        if (generation == m_generation && m_running)
            onJob(job, error);
    });
}

void BatchRun::onJob(const BatchJob &job, const FimError &error)
{
    if (!error.message.isEmpty()) {
        if (error.httpStatus == 404) { // the job is gone: nothing to wait for any more
            m_record.status = BatchJob::Status::Failed;
            fail(error.message);
            return;
        }
        if (!retryLater(error, [this] { poll(); }))
            fail(tr("Following batch job %1 failed: %2").arg(m_job.id, error.message));
        return;
    }
    m_retries = 0;
    m_job = job;
    m_record.take(job);
    keep();
    emit progress(m_job);
    if (job.isFinal())
        fetchResults();
    else
        schedulePoll();
}

bool BatchRun::retryLater(const FimError &error, std::function<void()> again)
{
    if (!isTransient(error) || ++m_retries > m_retryLimit)
        return false;
    // The server's Retry-After when it says, else the next step of the backoff.
    const int waitMs = error.retryAfterSeconds ? *error.retryAfterSeconds * 1000 : m_nextPollMs;
    m_nextPollMs = std::min(m_maxPollMs, int(m_nextPollMs * 1.5) + 1);
    const quint64 generation = m_generation;
    QTimer::singleShot(waitMs, this, [this, generation, again] {
        if (generation == m_generation && m_running)
            again();
    });
    return true;
}

void BatchRun::fetchResults()
{
    if (m_job.status != BatchJob::Status::Success && m_job.status != BatchJob::Status::Cancelled && m_job.outputFile.isEmpty()
        && m_job.errorFile.isEmpty()) {
        const QString said = m_job.errors.isEmpty() ? QString() : QStringLiteral(": ") + m_job.errors.join(QStringLiteral("; "));
        fail(tr("Batch job %1 %2%3.").arg(m_job.id, BatchJob::statusWords(m_job.status), said));
        return;
    }
    // The output, then the error file (each may be missing), then the scores.
    fetchFile(m_job.outputFile, {});
}

void BatchRun::fetchFile(const QString &fileId, const QByteArray &output)
{
    const bool isOutput = fileId == m_job.outputFile && !fileId.isEmpty();
    if (fileId.isEmpty()) { // no output file: on to the error file, or done
        if (fileId == m_job.outputFile && !m_job.errorFile.isEmpty())
            fetchFile(m_job.errorFile, output);
        else
            score(output, {});
        return;
    }
    const quint64 generation = m_generation;
    m_client->fileContent(fileId, this, [this, generation, fileId, output, isOutput](const QByteArray &content, const FimError &error) {
        if (generation != m_generation || !m_running)
            return;
        if (!error.message.isEmpty()) {
            if (!retryLater(error, [this, fileId, output] { fetchFile(fileId, output); }))
                fail((isOutput ? tr("Reading the results of batch job %1 failed: %2") : tr("Reading the error file of batch job %1 failed: %2"))
                         .arg(m_job.id, error.message));
            return;
        }
        m_retries = 0;
        if (isOutput && !m_job.errorFile.isEmpty())
            fetchFile(m_job.errorFile, content);
        else if (isOutput)
            score(content, {});
        else
            score(output, content);
    });
}

void BatchRun::score(const QByteArray &output, const QByteArray &errors)
{
    QStringList problems;
    const QList<SuiteResult> results = BatchFile::results(m_cases, m_targets.constFirst(), m_job, output, errors, &problems);
    for (const SuiteResult &r : results) {
        m_results.append(r);
        emit resultReady(r);
    }
    if (!problems.isEmpty())
        m_record.error = tr("Lines of the results could not be read: %1").arg(problems.join(QStringLiteral("; ")));
    if (m_job.status == BatchJob::Status::Failed || m_job.status == BatchJob::Status::TimeoutExceeded) {
        // What it did answer is shown; that it did not finish is said too.
        const QString said = m_job.errors.isEmpty() ? QString() : QStringLiteral(": ") + m_job.errors.join(QStringLiteral("; "));
        fail(tr("Batch job %1 %2 after %3 of %4 requests%5.")
                 .arg(m_job.id, BatchJob::statusWords(m_job.status))
                 .arg(m_job.completed)
                 .arg(m_job.total)
                 .arg(said));
        return;
    }
    keep();
    end();
}

void BatchRun::cancelJob()
{
    if (!m_running)
        return;
    if (m_job.id.isEmpty()) { // the job is not made yet: stop making it
        m_client->abortAll();
        fail(tr("Cancelled before the batch job was made."));
        return;
    }
    m_timer.stop();
    const quint64 generation = m_generation;
    m_client->cancel(m_job.id, this, [this, generation](const BatchJob &job, const FimError &error) {
        if (generation != m_generation || !m_running)
            return;
        if (!error.message.isEmpty()) {
            fail(tr("Cancelling batch job %1 failed: %2").arg(m_job.id, error.message));
            return;
        }
        onJob(job, {});
    });
}

void BatchRun::detach()
{
    m_timer.stop();
    m_client->abortAll();
    ++m_generation;
    m_running = false;
}

void BatchRun::fail(const QString &message)
{
    m_record.error = message;
    if (!m_record.jobId.isEmpty())
        keep();
    emit failed(message);
    end();
}

void BatchRun::end()
{
    m_timer.stop();
    m_running = false;
    emit finished();
}

void BatchRun::keep()
{
    if (!m_store || !m_store->isOpen() || m_record.jobId.isEmpty())
        return;
    QString error;
    if (!m_store->save(m_record, &error) && !m_notKept) { // the run goes on; only a restart would lose it
        m_notKept = true;
        emit notKept(error);
    }
}
