#pragma once

#include "history/batchjobstore.h"
#include "suite/batchrun.h"

#include <QString>

#include <optional>

class QNetworkAccessManager;

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
