#include "fakebatchserver.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

FakeUpstream::Reply error(int status, const QString &message)
{
    return FakeUpstream::json(status, compact(QJsonObject{{QStringLiteral("object"), QStringLiteral("error")},
                                                          {QStringLiteral("message"), message}}));
}

// The parts of a multipart/form-data body: name → (filename, content).
struct Part
{
    QByteArray filename;
    QByteArray content;
};

QHash<QByteArray, Part> multipartParts(const QByteArray &contentType, const QByteArray &body, QString *why)
{
    QHash<QByteArray, Part> parts;
    const qsizetype b = contentType.indexOf("boundary=");
    if (!contentType.startsWith("multipart/form-data") || b < 0) {
        *why = QStringLiteral("not multipart/form-data: %1").arg(QString::fromLatin1(contentType));
        return parts;
    }
    QByteArray boundary = contentType.mid(b + 9);
    if (boundary.startsWith('"'))
        boundary = boundary.mid(1, boundary.indexOf('"', 1) - 1);
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break;
        pos += 2; // CRLF
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headerEnd);
        if (headerEnd < 0 || next < 0) {
            *why = QStringLiteral("a multipart part is cut short");
            return {};
        }
        const QByteArray headers = body.mid(pos, headerEnd - pos);
        const QByteArray content = body.mid(headerEnd + 4, next - headerEnd - 4);
        auto param = [&headers](const QByteArray &name) -> QByteArray {
            const QByteArray key = name + "=\"";
            const qsizetype at = headers.indexOf(key);
            if (at < 0)
                return {};
            const qsizetype end = headers.indexOf('"', at + key.size());
            return headers.mid(at + key.size(), end - at - key.size());
        };
        parts.insert(param("name"), Part{param("filename"), content});
        pos = next + 2;
    }
    return parts;
}

} // namespace

FakeBatchServer::FakeBatchServer(QObject *parent)
    : QObject(parent)
{
    // FakeUpstream emits requestReceived before it picks the answer, and takes a queued answer for
    // the path first: the answer made here is the one it sends.
    connect(&m_http, &FakeUpstream::requestReceived, this, &FakeBatchServer::onRequest);
    answer = [](const QJsonObject &body) { return QStringLiteral("answer:") + body.value(u"prompt").toString().right(8); };
}

void FakeBatchServer::failNext(const QByteArray &method, const QByteArray &pathStart, const FakeUpstream::Reply &reply)
{
    m_injected.append({method, pathStart, reply});
}

void FakeBatchServer::onRequest(const FakeUpstream::Recorded &request)
{
    QByteArray path = request.path;
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path.truncate(q);
    m_http.enqueue(path, route(request));
}

FakeUpstream::Reply FakeBatchServer::route(const FakeUpstream::Recorded &request)
{
    for (qsizetype i = 0; i < m_injected.size(); ++i) {
        if (m_injected.at(i).method == request.method && request.path.startsWith(m_injected.at(i).pathStart))
            return m_injected.takeAt(i).reply;
    }
    if (!key.isEmpty() && request.headers.value("authorization") != "Bearer " + key.toUtf8())
        return FakeUpstream::json(401, R"({"message":"Unauthorized","request_id":"fake"})");
    const QByteArray &path = request.path;
    if (request.method == "POST" && path == "/v1/files")
        return upload(request);
    if (request.method == "POST" && path == "/v1/batch/jobs")
        return createJob(request);
    if (path.startsWith("/v1/batch/jobs/")) {
        QByteArray rest = path.mid(15);
        const bool cancel = rest.endsWith("/cancel");
        if (cancel)
            rest.chop(7);
        const QString id = QString::fromUtf8(rest);
        if (loseJobs || !jobs.contains(id))
            return FakeUpstream::json(404, R"({"detail":"Not Found"})");
        Job &job = jobs[id];
        if (cancel && request.method == "POST") {
            cancelled << id;
            job.cancelAsked = true;
            if (job.status == u"QUEUED" || job.status == u"RUNNING")
                job.status = QStringLiteral("CANCELLATION_REQUESTED");
            return FakeUpstream::json(200, compact(jobObject(job)));
        }
        if (request.method == "GET")
            return pollJob(job);
    }
    if (request.method == "GET" && path.startsWith("/v1/files/") && path.endsWith("/content")) {
        const QString id = QString::fromUtf8(path.mid(10, path.size() - 10 - 8));
        if (!files.contains(id))
            return FakeUpstream::json(404, R"({"detail":"File not found"})");
        return FakeUpstream::text(200, files.value(id), "application/octet-stream");
    }
    return FakeUpstream::json(404, R"({"detail":"Not Found"})");
}

FakeUpstream::Reply FakeBatchServer::upload(const FakeUpstream::Recorded &request)
{
    uploads << request.body;
    QString why;
    const QHash<QByteArray, Part> parts = multipartParts(request.headers.value("content-type"), request.body, &why);
    if (!why.isEmpty() || parts.value("purpose").content != "batch" || !parts.contains("file")) {
        problems << (why.isEmpty() ? QStringLiteral("the upload needs purpose=batch and a file") : why);
        return FakeUpstream::json(422, R"({"detail":[{"loc":["body","purpose"],"msg":"purpose batch and a file are required","type":"value_error"}]})");
    }
    int number = 0;
    for (const QByteArray &line : parts.value("file").content.split('\n')) {
        ++number;
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        const QJsonObject o = doc.object();
        const bool known = o.keys() == QStringList({QStringLiteral("body"), QStringLiteral("custom_id")}); // sorted
        if (!doc.isObject() || !o.value(u"custom_id").isString() || !o.value(u"body").isObject() || !known) {
            problems << QStringLiteral("upload line %1 is not {\"custom_id\", \"body\"}: %2").arg(number).arg(QString::fromUtf8(line));
            return error(422, QStringLiteral("Invalid JSONL at line %1").arg(number));
        }
    }
    const QString id = QStringLiteral("file-%1").arg(++m_next);
    files.insert(id, parts.value("file").content);
    return FakeUpstream::json(200, compact(QJsonObject{{QStringLiteral("id"), id},
                                                       {QStringLiteral("object"), QStringLiteral("file")},
                                                       {QStringLiteral("purpose"), QStringLiteral("batch")},
                                                       {QStringLiteral("filename"), QString::fromUtf8(parts.value("file").filename)},
                                                       {QStringLiteral("bytes"), int(parts.value("file").content.size())}}));
}

FakeUpstream::Reply FakeBatchServer::createJob(const FakeUpstream::Recorded &request)
{
    const QJsonObject o = request.json();
    const QJsonArray inputs = o.value(u"input_files").toArray();
    if (inputs.size() != 1 || !files.contains(inputs.at(0).toString()) || o.value(u"endpoint").toString() != u"/v1/fim/completions"
        || o.value(u"model").toString().isEmpty()) {
        problems << QStringLiteral("a job request that does not fit: %1").arg(QString::fromUtf8(request.body));
        return error(422, QStringLiteral("input_files, endpoint and model are required"));
    }
    Job job;
    job.id = QStringLiteral("job-%1").arg(++m_next);
    job.inputFile = inputs.at(0).toString();
    job.model = o.value(u"model").toString();
    job.endpoint = o.value(u"endpoint").toString();
    for (const QByteArray &line : files.value(job.inputFile).split('\n'))
        if (!line.trimmed().isEmpty())
            job.lines << QJsonDocument::fromJson(line).object();
    jobs.insert(job.id, job);
    return FakeUpstream::json(200, compact(jobObject(job)));
}

FakeUpstream::Reply FakeBatchServer::pollJob(Job &job)
{
    ++polls;
    const qsizetype total = job.lines.size();
    if (job.status == u"QUEUED" || job.status == u"RUNNING") {
        ++job.polls;
        if (job.polls >= pollsUntilDone && failJobs)
            job.status = QStringLiteral("FAILED");
        else if (job.polls >= pollsUntilDone)
            finishJob(job, int(total));
        else
            job.status = QStringLiteral("RUNNING");
    } else if (job.status == u"CANCELLATION_REQUESTED") {
        finishJob(job, int(total * job.polls / std::max(1, pollsUntilDone)));
        job.status = QStringLiteral("CANCELLED");
    }
    return FakeUpstream::json(200, compact(jobObject(job)));
}

void FakeBatchServer::finishJob(Job &job, int linesDone)
{
    QByteArray output;
    QByteArray errors;
    for (int i = 0; i < linesDone && i < job.lines.size(); ++i) {
        const QJsonObject &line = job.lines.at(i);
        const QString customId = line.value(u"custom_id").toString();
        const QJsonObject body = line.value(u"body").toObject();
        if (customId == failCustomId) {
            const QJsonObject entry{{QStringLiteral("id"), QStringLiteral("batch-%1-%2").arg(job.id).arg(i)},
                                    {QStringLiteral("custom_id"), customId},
                                    {QStringLiteral("response"), QJsonObject{{QStringLiteral("status_code"), 500},
                                                                             {QStringLiteral("body"), QJsonObject{{QStringLiteral("message"), QStringLiteral("Internal server error")}}}}},
                                    {QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), QStringLiteral("The model failed on this request (fake)")},
                                                                          {QStringLiteral("code"), 3000}}}};
            errors += compact(entry) + '\n';
            continue;
        }
        const QJsonDocument answer = QJsonDocument::fromJson(FakeUpstream::codestralCompletion(this->answer(body)).chunks.value(0));
        QJsonObject answerBody = answer.object();
        answerBody.insert(QStringLiteral("model"), job.model);
        const QJsonObject entry{{QStringLiteral("id"), QStringLiteral("batch-%1-%2").arg(job.id).arg(i)},
                                {QStringLiteral("custom_id"), customId},
                                {QStringLiteral("response"), QJsonObject{{QStringLiteral("status_code"), 200}, {QStringLiteral("body"), answerBody}}},
                                {QStringLiteral("error"), QJsonValue()}};
        output += compact(entry) + '\n';
    }
    job.outputFile = QStringLiteral("file-%1").arg(++m_next);
    files.insert(job.outputFile, output);
    if (!errors.isEmpty()) {
        job.errorFile = QStringLiteral("file-%1").arg(++m_next);
        files.insert(job.errorFile, errors);
    }
    job.status = QStringLiteral("SUCCESS");
}

QJsonObject FakeBatchServer::jobObject(const Job &job) const
{
    const qsizetype total = job.lines.size();
    int done = 0;
    if (job.status == u"SUCCESS" || job.status == u"CANCELLED")
        done = int(QByteArray(files.value(job.outputFile) + files.value(job.errorFile)).count('\n'));
    else if (job.status == u"RUNNING")
        done = int(total * job.polls / std::max(1, pollsUntilDone));
    int failed = job.errorFile.isEmpty() ? 0 : int(files.value(job.errorFile).count('\n'));
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject{{QStringLiteral("id"), job.id},
                       {QStringLiteral("object"), QStringLiteral("batch")},
                       {QStringLiteral("input_files"), QJsonArray{job.inputFile}},
                       {QStringLiteral("endpoint"), job.endpoint},
                       {QStringLiteral("model"), job.model},
                       {QStringLiteral("status"), job.status},
                       {QStringLiteral("created_at"), 1764800000},
                       {QStringLiteral("total_requests"), int(total)},
                       {QStringLiteral("completed_requests"), done},
                       {QStringLiteral("succeeded_requests"), done - failed},
                       {QStringLiteral("failed_requests"), failed},
                       {QStringLiteral("output_file"), orNull(job.outputFile)},
                       {QStringLiteral("error_file"), orNull(job.errorFile)},
                       {QStringLiteral("errors"), job.status == u"FAILED" ? QJsonArray{QJsonObject{{QStringLiteral("message"), QStringLiteral("The model is not available for batch")}, {QStringLiteral("count"), int(total)}}}
                                                                           : QJsonArray()}};
}
