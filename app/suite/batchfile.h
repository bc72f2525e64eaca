#pragma once

#include "suite/suiterun.h"
#include "wire/batchjob.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

// A suite as a batch job's files: the JSONL uploaded for its cases, and the results read back
// from the job's output and error files. Plain functions; BatchRun does the HTTP.
namespace BatchFile {

// One line a case, {"custom_id": "case-N" (N: the case's index), "body": the FIM body the backend
// builds for it against target (the case's own fields first), without "stream"}. Empty with
// *error when a case cannot be sent.
QByteArray input(const QList<SuiteCase> &cases, const SuiteTarget &target, QString *error);

// A result per case, in the cases' order, scored as SuiteRun scores an answer (the same cleaning
// and matching; SuiteResult::batch set, no latency): an answered line's body read as the endpoint's
// answer, a failed line's error in its words (else the status explained), a case with no line an
// error that says why (the job was cancelled, or gave none). Lines that cannot be read go to
// *problems.
QList<SuiteResult> results(const QList<SuiteCase> &cases, const SuiteTarget &target, const BatchJob &job, const QByteArray &output,
                           const QByteArray &errors, QStringList *problems);

} // namespace BatchFile
