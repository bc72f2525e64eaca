#pragma once

#include "wire/batchjob.h"
#include "wire/endpoint.h"
#include "wire/fimerror.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

// The HTTP calls of Mistral's Batch API against one Codestral endpoint (see wire/batchjob.h for
// where the routes and fields come from): upload a JSONL file (POST /v1/files, multipart with
// purpose=batch), create a job (POST /v1/batch/jobs), read it (GET /v1/batch/jobs/{id}), cancel it
// (POST /v1/batch/jobs/{id}/cancel), and read a file (GET /v1/files/{id}/content).
//
// The secret goes in the Authorization header and nowhere else: not in a body, a URL or a message.
// Each call answers once, later, through its callback, and only while its context object lives.
// An HTTP error is a FimError worded as for a completion on this endpoint (a refused key, 429 with
// Retry-After, 5xx); 404 on a job says the server no longer knows it.
class BatchClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchClient)

public:
    explicit BatchClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~BatchClient() override;

    void setEndpoint(const Endpoint &endpoint, const QString &secret);
    const Endpoint &endpoint() const { return m_endpoint; }
    // Each call's whole time (default 60 s; an upload of a big suite may want more).
    void setTimeout(int ms) { m_timeoutMs = ms; }

    using FileDone = std::function<void(const QString &fileId, const FimError &error)>;
    using JobDone = std::function<void(const BatchJob &job, const FimError &error)>;
    using ContentDone = std::function<void(const QByteArray &content, const FimError &error)>;
    // On error the first argument is empty and error.message says why; else error.message is empty.
    void upload(const QByteArray &jsonl, const QString &fileName, QObject *context, FileDone done);
    void createJob(const QString &fileId, const QString &model, QObject *context, JobDone done);
    void job(const QString &id, QObject *context, JobDone done);
    void cancel(const QString &id, QObject *context, JobDone done);
    void fileContent(const QString &fileId, QObject *context, ContentDone done);
    // Drops every call in flight; their callbacks are not called.
    void abortAll();

private:
    QNetworkRequest request(const QString &path) const;
    // Calls done(status, body, error) once the reply ends; error set for a failure below HTTP or an
    // HTTP error status (jobId: a 404 then means that job is gone).
    void watch(QNetworkReply *reply, QObject *context, const QString &jobId,
               std::function<void(const QByteArray &body, const FimError &error)> done);
    void whenJob(QNetworkReply *reply, QObject *context, const QString &jobId, JobDone done);

    QNetworkAccessManager *m_network;
    Endpoint m_endpoint;
    QString m_secret;
    int m_timeoutMs = 60000;
    QList<QPointer<QNetworkReply>> m_inFlight;
};
