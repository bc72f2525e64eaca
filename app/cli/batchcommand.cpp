#include "cli/batchcommand.h"

#include "net/batchclient.h"
#include "settings/secretstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace {

// Messages under the context "FimComplete"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FimComplete)
};

bool openStore(BatchJobStore &store, const QString &path)
{
    QString error;
    if (store.open(path, &error))
        return true;
    std::fprintf(stderr, "fim-complete: %s\n", qPrintable(error));
    return false;
}

} // namespace

BatchOptions::BatchOptions()
    : batch(QStringLiteral("batch"), Tr::tr("--suite: send the suite as one Mistral batch job (kind codestral, one endpoint; half the price, "
                                        "answered within hours, no latency figures). The job is kept in the history (--history): "
                                        "--batch-resume follows it again."))
    , resume(QStringLiteral("batch-resume"), Tr::tr("Follow a batch job kept in the history to its end and print its suite's table (its "
                                                "suite, endpoint and model are the job's; the key from CODESTRAL_API_KEY)."),
             QStringLiteral("id"))
    , cancel(QStringLiteral("batch-cancel"), Tr::tr("Cancel a batch job kept in the history (the key from CODESTRAL_API_KEY)."), QStringLiteral("id"))
    , list(QStringLiteral("batch-list"), Tr::tr("List the batch jobs kept in the history: id, status, requests done, model, endpoint, suite "
                                            "(with --json, one JSON line each)."))
    , poll(QStringLiteral("batch-poll"), Tr::tr("--batch, --batch-resume: milliseconds before the first look at the job; each wait is 1.5 "
                                            "times the last, up to a minute (default 2000)."),
           QStringLiteral("ms"), QStringLiteral("2000"))
{
}

void BatchOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({batch, resume, cancel, list, poll});
}

QString BatchOptions::usageError(const QCommandLineParser &parser, bool suite, bool compareContext) const
{
    if (parser.isSet(batch) && !suite)
        return Tr::tr("--batch goes with --suite");
    if (parser.isSet(resume) && suite)
        return Tr::tr("--batch-resume follows a kept job with the suite it was made from: leave out --suite");
    if (parser.isSet(batch) && compareContext)
        return Tr::tr("--batch runs one job: --compare-context would need two; run --batch and --batch --without-context");
    if (pollMs(parser) < 1)
        return Tr::tr("--batch-poll needs milliseconds, 1 or more");
    for (const QCommandLineOption *id : {&resume, &cancel})
        if (parser.isSet(*id) && !BatchJob::isValidId(parser.value(*id)))
            return Tr::tr("--%1: \"%2\" is not a batch job id").arg(id->names().constFirst(), parser.value(*id));
    return {};
}

QString BatchOptions::suiteError(const SuiteCommand &command) const
{
    if (command.endpoints.size() != 1)
        return Tr::tr("--batch sends the suite to one endpoint (%1 given)").arg(command.endpoints.size());
    const Endpoint &e = command.endpoints.constFirst();
    if (e.kind != EndpointKind::Codestral)
        return Tr::tr("--batch uses Mistral's Batch API, which only Codestral has: %1 is kind %2. Give a Mistral URL "
                  "(https://api.mistral.ai) and --kind codestral")
            .arg(e.baseUrl.toString(), endpointKindName(e.kind));
    return {};
}

int BatchOptions::pollMs(const QCommandLineParser &parser) const
{
    bool ok = false;
    const int ms = parser.value(poll).toInt(&ok);
    return ok ? ms : -1;
}

std::optional<int> BatchOptions::runKeptJobs(const QCommandLineParser &parser, QNetworkAccessManager *network, const QString &historyPath,
                                             bool json) const
{
    if (parser.isSet(list))
        return runBatchListCommand(historyPath, json);
    if (parser.isSet(cancel))
        return runBatchCancelCommand(network, historyPath, parser.value(cancel));
    if (!parser.isSet(resume))
        return std::nullopt;
    SuiteCommand command;
    command.batchResume = parser.value(resume);
    command.historyPath = historyPath;
    command.batchPollMs = pollMs(parser);
    command.json = json;
    return runBatchSuiteCommand(network, command);
}

std::optional<ResumableJob> findResumableJob(const BatchJobStore &store, const QString &jobId, QString *error)
{
    const std::optional<BatchJobRecord> record = store.find(jobId);
    if (!record) {
        *error = Tr::tr("The history (%1) keeps no batch job %2 (fim-complete --batch-list lists those it keeps).").arg(store.path(), jobId);
        return std::nullopt;
    }
    std::optional<BatchRun::Resumable> resumable = BatchRun::prepareResume(*record, error);
    if (!resumable)
        return std::nullopt;
    resumable->target.secret = SecretStore::fromEnvironment(resumable->target.endpoint);
    return ResumableJob{*record, *resumable};
}

int runBatchListCommand(const QString &historyPath, bool json)
{
    BatchJobStore store;
    if (!openStore(store, historyPath))
        return 1;
    QTextStream out(stdout);
    const QList<BatchJobRecord> jobs = store.all();
    if (jobs.isEmpty() && !json)
        std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("fim-complete: no batch job in %1.").arg(historyPath)));
    for (const BatchJobRecord &r : jobs) {
        if (json) {
            const QJsonObject o{{QStringLiteral("job"), r.jobId},
                                {QStringLiteral("status"), BatchJob::statusName(r.status)},
                                {QStringLiteral("completed"), r.completed},
                                {QStringLiteral("total"), r.total},
                                {QStringLiteral("succeeded"), r.succeeded},
                                {QStringLiteral("failed"), r.failed},
                                {QStringLiteral("model"), r.model},
                                {QStringLiteral("endpoint"), r.endpointUrl},
                                {QStringLiteral("suite"), r.suitePath},
                                {QStringLiteral("created"), r.created.toString(Qt::ISODate)},
                                {QStringLiteral("error"), r.error.isEmpty() ? QJsonValue() : QJsonValue(r.error)}};
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            out << Tr::tr("%1  %2  %3/%4  %5  %6  %7  %8")
                       .arg(r.jobId, BatchJob::statusName(r.status))
                       .arg(r.completed)
                       .arg(r.total)
                       .arg(r.model, r.endpointUrl, QFileInfo(r.suitePath).fileName(), r.created.toLocalTime().toString(Qt::ISODate))
                << (r.error.isEmpty() ? QString() : QStringLiteral("  (") + r.error + QLatin1Char(')')) << '\n';
        }
    }
    return 0;
}

int runBatchCancelCommand(QNetworkAccessManager *network, const QString &historyPath, const QString &jobId)
{
    BatchJobStore store;
    if (!openStore(store, historyPath))
        return 1;
    std::optional<BatchJobRecord> record = store.find(jobId);
    if (!record) {
        std::fprintf(stderr, "fim-complete: %s\n",
                     qPrintable(Tr::tr("The history (%1) keeps no batch job %2 (fim-complete --batch-list lists those it keeps).").arg(historyPath, jobId)));
        return 1;
    }
    const Endpoint endpoint(record->profile, EndpointKind::Codestral, QUrl(record->endpointUrl));
    const QString secret = SecretStore::fromEnvironment(endpoint);
    if (secret.isEmpty()) {
        std::fprintf(stderr, "fim-complete: %s\n", qPrintable(Tr::tr("Cancelling job %1 needs its key in %2.").arg(jobId, endpoint.secretEnvironmentVariable())));
        return 1;
    }
    BatchClient client(network);
    client.setEndpoint(endpoint, secret);
    QEventLoop loop;
    int exitCode = 1;
    client.cancel(jobId, &loop, [&](const BatchJob &job, const FimError &error) {
        if (!error.message.isEmpty()) {
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(Tr::tr("Cancelling batch job %1 failed: %2").arg(jobId, error.message)));
            if (error.httpStatus == 404) { // gone: nothing left to wait for
                record->status = BatchJob::Status::Failed;
                record->error = error.message;
            }
        } else {
            record->take(job);
            std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("fim-complete: batch job %1 is %2 (%3 of %4 requests done).")
                                                        .arg(jobId, BatchJob::statusWords(job.status))
                                                        .arg(job.completed)
                                                        .arg(job.total)));
            exitCode = 0;
        }
        loop.quit();
    });
    loop.exec();
    QString error;
    if (!store.save(*record, &error))
        std::fprintf(stderr, "fim-complete: %s\n", qPrintable(error));
    return exitCode;
}
