#pragma once

#include "wire/batchjob.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// A batch job as the history keeps it, so that it outlives the playground or fim-complete that
// started it: which suite (its path and a hash of its bytes, to notice it changed), which endpoint
// (the profile's name, where the secret is looked up, and the URL), the model and the parameters
// the lines were built with (never a secret), and the job's last known status and progress.
struct BatchJobRecord
{
    QString jobId;
    QDateTime created;
    QDateTime updated;
    QString suitePath;
    QString suiteHash; // SHA-1 of the suite file's bytes when the job was made
    QString profile;   // the endpoint's name
    QString endpointUrl;
    QString model;
    QByteArray parameters; // the variant's FimRequest as JSON (FimRequest::toJson)
    QString inputFile;
    BatchJob::Status status = BatchJob::Status::Queued;
    int total = 0;
    int completed = 0;
    int succeeded = 0;
    int failed = 0;
    QString outputFile;
    QString errorFile;
    QString error; // why it ended badly, in words; empty otherwise

    // The job's status and progress taken into the record.
    void take(const BatchJob &job);
    // Queued, running or being cancelled: there is something to wait for.
    bool isUnfinished() const { return !BatchJob::isFinal(status); }
};

// The batch_jobs table of the history file (added by a migration of HistorySchema). Opens the file
// as HistoryStore does, migrating it first; its own connection, used from one thread.
class BatchJobStore final
{
    Q_DISABLE_COPY_MOVE(BatchJobStore)

public:
    BatchJobStore();
    ~BatchJobStore();

    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const;
    const QString &path() const { return m_path; }

    // Inserts the record, or replaces the one with its job id.
    bool save(const BatchJobRecord &record, QString *error);
    std::optional<BatchJobRecord> find(const QString &jobId) const;
    // Every job, the newest first.
    QList<BatchJobRecord> all() const;
    // Those still queued, running or being cancelled, the newest first.
    QList<BatchJobRecord> unfinished() const;
    bool remove(const QString &jobId, QString *error);

    // The hash suiteHash holds for these bytes.
    static QString hashOf(const QByteArray &suiteBytes);

private:
    QString m_connection;
    QString m_path;
};
