#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Mistral's Batch API as plain values: the job object, the input and output lines, the body that
// creates a job. Bytes in, values or an error out; no QObject (BatchClient sends, BatchRun drives).
//
// Where the field names come from: Mistral's documentation, "Batch Processing"
// (docs.mistral.ai/studio-api/batch-processing: input lines {"custom_id", "body"}, a 50 % discount)
// and the API reference "Batch Endpoints" (docs.mistral.ai/api/endpoint/batch: BatchJobOut with id,
// status QUEUED|RUNNING|SUCCESS|FAILED|TIMEOUT_EXCEEDED|CANCELLATION_REQUESTED|CANCELLED,
// total_requests, completed_requests, succeeded_requests, failed_requests, output_file, error_file,
// errors), as summed up in REFERENCE.md §2. The output lines' shape ({"id", "custom_id",
// "response": {"status_code", "body"}, "error"}) is the one REFERENCE.md gives; a line may carry
// "error" as a string or as an object with "message", and both are read.
struct BatchJob
{
    enum class Status { Queued, Running, Success, Failed, TimeoutExceeded, CancellationRequested, Cancelled, Unknown };

    QString id;
    Status status = Status::Unknown;
    QString statusText; // as the server wrote it (kept when it is one this code does not know)
    QString model;
    int total = 0;
    int completed = 0;
    int succeeded = 0;
    int failed = 0;
    QString outputFile;
    QString errorFile;
    QStringList errors; // the job's own errors, in the server's words

    // The job will not change any more: success, failure, timeout, cancelled.
    bool isFinal() const;
    static bool isFinal(Status status);
    // "QUEUED", ... as the API names them (and the history keeps them).
    static QString statusName(Status status);
    static Status statusFromName(const QString &name);
    // "queued", "running", "finished", ... for people.
    static QString statusWords(Status status);

    // Whether text can be a job or file id (letters, digits, "-", "_", "."): what goes into a route.
    static bool isValidId(const QString &id);

    // A job object (the answer to create, get and cancel); nullopt with *error when the body is not one.
    static std::optional<BatchJob> fromJson(QByteArrayView body, QString *error);
};

// One line of the output file (or of the error file): which request, and its answer or error.
struct BatchOutputLine
{
    QString customId;
    int statusCode = 0;  // response.status_code; 0 when the line has no response
    QByteArray body;     // response.body as JSON: the endpoint's own answer
    QString error;       // the line's error in words, empty when none
};

namespace BatchWire {

// The route a Codestral batch runs: a FIM request per line.
inline constexpr char16_t FimRoute[] = u"/v1/fim/completions";

// {"custom_id": "...", "body": {...}}: body is a whole JSON object (the FIM request, no "stream").
QByteArray inputLine(const QString &customId, const QByteArray &body);
// POST /v1/batch/jobs: {"input_files": [fileId], "endpoint": route, "model": model}.
QByteArray createJobBody(const QString &fileId, const QString &route, const QString &model);
// The id of an uploaded file ({"id": ..., "purpose": "batch", ...}); empty with *error when none.
QString uploadedFileId(QByteArrayView body, QString *error);
// Every line of an output or error file, in file order; blank lines are skipped, a line that is not
// a JSON object or has no custom_id goes to *problems ("line 3: ...").
QList<BatchOutputLine> parseOutput(QByteArrayView jsonl, QStringList *problems);

} // namespace BatchWire
