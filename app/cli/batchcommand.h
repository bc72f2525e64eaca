#pragma once

#include "cli/suitecommand.h"
#include "history/batchjobstore.h"
#include "suite/batchrun.h"

#include <QCommandLineOption>
#include <QString>

#include <optional>

class QCommandLineParser;
class QNetworkAccessManager;

// fim-complete's batch options: --batch (with --suite), --batch-resume ID, --batch-cancel ID,
// --batch-list and --batch-poll MS.
struct BatchOptions
{
    QCommandLineOption batch;
    QCommandLineOption resume;
    QCommandLineOption cancel;
    QCommandLineOption list;
    QCommandLineOption poll;

    BatchOptions();
    void addTo(QCommandLineParser &parser) const;
    // Why the options given do not go together (or an id is none), or empty.
    QString usageError(const QCommandLineParser &parser, bool suite, bool compareContext) const;
    // Why a --suite command cannot run as a batch job (not one endpoint, not Codestral), or empty.
    QString suiteError(const SuiteCommand &command) const;
    int pollMs(const QCommandLineParser &parser) const;
    // --batch-list, --batch-cancel or --batch-resume when one is set: its exit code; else nullopt.
    std::optional<int> runKeptJobs(const QCommandLineParser &parser, QNetworkAccessManager *network, const QString &historyPath,
                                   bool json) const;
};

// fim-complete's batch jobs kept in the history: --batch-list and --batch-cancel ID, and what
// --batch-resume ID needs (runBatchSuiteCommand follows the job and prints its table).

// A kept job, its suite read again and its target with the secret from the environment
// (CODESTRAL_API_KEY). nullopt with *error when the history has no such job or it cannot resume.
struct ResumableJob
{
    BatchJobRecord record;
    BatchRun::Resumable resumable;
};
std::optional<ResumableJob> findResumableJob(const BatchJobStore &store, const QString &jobId, QString *error);

// The jobs the history keeps, newest first: id, status, completed / total, model, endpoint, suite,
// when made; with json, one JSON object a line. 0, or 1 when the history cannot be read.
int runBatchListCommand(const QString &historyPath, bool json);
// Asks the server to cancel a kept job (its endpoint, the key from the environment) and keeps the
// answer's status. 0 when the server took it.
int runBatchCancelCommand(QNetworkAccessManager *network, const QString &historyPath, const QString &jobId);
