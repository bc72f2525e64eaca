#include "net/batchclient.h"

#include "backends/fimbackend.h"
#include "wire/networkfailure.h"

#include <QCoreApplication>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

BatchClient::BatchClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

BatchClient::~BatchClient()
{
    abortAll();
}

void BatchClient::setEndpoint(const Endpoint &endpoint, const QString &secret)
{
    m_endpoint = endpoint;
    m_secret = secret;
}

QNetworkRequest BatchClient::request(const QString &path) const
{
    QNetworkRequest req(m_endpoint.url(path));
    req.setTransferTimeout(m_timeoutMs);
    req.setRawHeader("Accept", "application/json");
    if (!m_secret.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_secret.toUtf8());
    return req;
}

void BatchClient::abortAll()
{
    const QList<QPointer<QNetworkReply>> replies = m_inFlight;
    m_inFlight.clear();
    for (const QPointer<QNetworkReply> &r : replies) {
        if (!r)
            continue;
        r->disconnect(this);
        r->abort();
        r->deleteLater();
    }
}

void BatchClient::watch(QNetworkReply *reply, QObject *context, const QString &jobId,
                        std::function<void(const QByteArray &, const FimError &)> done)
{
    m_inFlight.append(reply);
    const QPointer<QObject> alive(context);
    connect(reply, &QNetworkReply::finished, this, [this, reply, alive, jobId, done] {
        m_inFlight.removeAll(reply);
        reply->deleteLater();
        if (!alive)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        FimError error;
        if (status == 404 && !jobId.isEmpty()) {
            error = {FimError::Kind::Http, 404,
                     tr("The server no longer knows job %1 (404 at %2): it may have been deleted, or it belongs to another "
                        "key or host.").arg(jobId, hostAndPort(m_endpoint.baseUrl)),
                     {}};
        } else if (status >= 400) {
            error = FimBackend::forKind(EndpointKind::Codestral).explainError(status, body, reply->rawHeader("Retry-After"), m_endpoint);
        } else if (reply->error() != QNetworkReply::NoError) {
            error = networkFailure(reply->error(), reply->errorString(), m_endpoint, body.size(), status);
        }
        done(body, error);
    });
}

void BatchClient::upload(const QByteArray &jsonl, const QString &fileName, QObject *context, FileDone done)
{
    // multipart/form-data: "purpose" = "batch" and "file" = the JSONL, as Mistral's Files API takes it
    // (docs.mistral.ai, API reference "Files": upload; REFERENCE.md §2). The file's name is ours.
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart purpose;
    purpose.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"purpose\""));
    purpose.setBody("batch");
    QHttpPart file;
    QString safeName = fileName;
    safeName.remove(QLatin1Char('"'));
    file.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"file\"; filename=\"%1\"").arg(safeName));
    file.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/jsonl"));
    file.setBody(jsonl);
    multi->append(purpose);
    multi->append(file);
    QNetworkReply *reply = m_network->post(request(QStringLiteral("/v1/files")), multi);
    multi->setParent(reply);
    watch(reply, context, {}, [done](const QByteArray &body, const FimError &error) {
        if (!error.message.isEmpty()) {
            done({}, error);
            return;
        }
        QString why;
        const QString id = BatchWire::uploadedFileId(body, &why);
        done(id, id.isEmpty() ? FimError{FimError::Kind::Parse, 200, why, {}} : FimError{});
    });
}

void BatchClient::whenJob(QNetworkReply *reply, QObject *context, const QString &jobId, JobDone done)
{
    watch(reply, context, jobId, [done](const QByteArray &body, const FimError &error) {
        if (!error.message.isEmpty()) {
            done({}, error);
            return;
        }
        QString why;
        const std::optional<BatchJob> job = BatchJob::fromJson(body, &why);
        done(job.value_or(BatchJob{}), job ? FimError{} : FimError{FimError::Kind::Parse, 200, why, {}});
    });
}

void BatchClient::createJob(const QString &fileId, const QString &model, QObject *context, JobDone done)
{
    QNetworkRequest req = request(QStringLiteral("/v1/batch/jobs"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    whenJob(m_network->post(req, BatchWire::createJobBody(fileId, QString::fromUtf16(BatchWire::FimRoute), model)), context, {}, done);
}

void BatchClient::job(const QString &id, QObject *context, JobDone done)
{
    whenJob(m_network->get(request(QStringLiteral("/v1/batch/jobs/%1").arg(id))),
            context, id, done);
}

void BatchClient::cancel(const QString &id, QObject *context, JobDone done)
{
    QNetworkRequest req = request(QStringLiteral("/v1/batch/jobs/%1/cancel").arg(id));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    whenJob(m_network->post(req, QByteArray()), context, id, done);
}

void BatchClient::fileContent(const QString &fileId, QObject *context, ContentDone done)
{
    QNetworkRequest req = request(QStringLiteral("/v1/files/%1/content").arg(fileId));
    req.setRawHeader("Accept", "application/octet-stream, application/jsonl, */*");
    watch(m_network->get(req), context, {}, done);
}
