#include "cli/batchcommand.h"

#include "net/batchclient.h"
#include "settings/secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fim-complete", text);
}

bool openStore(BatchJobStore &store, const QString &path)
{
    QString error;
    if (store.open(path, &error))
        return true;
    std::fprintf(stderr, "fim-complete: %s\n", qPrintable(error));
    return false;
}

} // namespace

std::optional<ResumableJob> findResumableJob(const BatchJobStore &store, const QString &jobId, QString *error)
{
    const std::optional<BatchJobRecord> record = store.find(jobId);
    if (!record) {
        *error = tr("The history (%1) keeps no batch job %2 (fim-complete --batch-list lists those it keeps).").arg(store.path(), jobId);
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
        std::fprintf(stderr, "%s\n", qPrintable(tr("fim-complete: no batch job in %1.").arg(historyPath)));
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
            out << tr("%1  %2  %3/%4  %5  %6  %7  %8")
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
                     qPrintable(tr("The history (%1) keeps no batch job %2 (fim-complete --batch-list lists those it keeps).").arg(historyPath, jobId)));
        return 1;
    }
    const Endpoint endpoint(record->profile, EndpointKind::Codestral, QUrl(record->endpointUrl));
    const QString secret = SecretStore::fromEnvironment(endpoint);
    if (secret.isEmpty()) {
        std::fprintf(stderr, "fim-complete: %s\n", qPrintable(tr("Cancelling job %1 needs its key in %2.").arg(jobId, endpoint.secretEnvironmentVariable())));
        return 1;
    }
    BatchClient client(network);
    client.setEndpoint(endpoint, secret);
    QEventLoop loop;
    int exitCode = 1;
    client.cancel(jobId, &loop, [&](const BatchJob &job, const FimError &error) {
        if (!error.message.isEmpty()) {
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(tr("Cancelling batch job %1 failed: %2").arg(jobId, error.message)));
            if (error.httpStatus == 404) { // gone: nothing left to wait for
                record->status = BatchJob::Status::Failed;
                record->error = error.message;
            }
        } else {
            record->take(job);
            std::fprintf(stderr, "%s\n", qPrintable(tr("fim-complete: batch job %1 is %2 (%3 of %4 requests done).")
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
