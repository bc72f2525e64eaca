#include "wire/batchjob.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Messages under the context "BatchJob"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BatchJob)
};

struct StatusName
{
    BatchJob::Status status;
    const char16_t *name;
};

constexpr StatusName Names[] = {{BatchJob::Status::Queued, u"QUEUED"},
                                {BatchJob::Status::Running, u"RUNNING"},
                                {BatchJob::Status::Success, u"SUCCESS"},
                                {BatchJob::Status::Failed, u"FAILED"},
                                {BatchJob::Status::TimeoutExceeded, u"TIMEOUT_EXCEEDED"},
                                {BatchJob::Status::CancellationRequested, u"CANCELLATION_REQUESTED"},
                                {BatchJob::Status::Cancelled, u"CANCELLED"}};

// An error value in words: a string, or an object's "message" (or "detail"), else its JSON.
QString errorText(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return {};
    if (v.isString())
        return v.toString();
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const char16_t *key : {u"message", u"detail"})
            if (o.value(key).isString())
                return o.value(key).toString();
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

} // namespace

bool BatchJob::isFinal(Status status)
{
    return status == Status::Success || status == Status::Failed || status == Status::TimeoutExceeded || status == Status::Cancelled;
}

bool BatchJob::isFinal() const
{
    return isFinal(status);
}

QString BatchJob::statusName(Status status)
{
    for (const StatusName &n : Names)
        if (n.status == status)
            return QString::fromUtf16(n.name);
    return QStringLiteral("UNKNOWN");
}

BatchJob::Status BatchJob::statusFromName(const QString &name)
{
    for (const StatusName &n : Names)
        if (name == QStringView(n.name))
            return n.status;
    return Status::Unknown;
}

QString BatchJob::statusWords(Status status)
{
    switch (status) {
    case Status::Queued:
        return Tr::tr("queued");
    case Status::Running:
        return Tr::tr("running");
    case Status::Success:
        return Tr::tr("finished");
    case Status::Failed:
        return Tr::tr("failed");
    case Status::TimeoutExceeded:
        return Tr::tr("timed out");
    case Status::CancellationRequested:
        return Tr::tr("being cancelled");
    case Status::Cancelled:
        return Tr::tr("cancelled");
    case Status::Unknown:
        break;
    }
    return Tr::tr("in an unknown state");
}

bool BatchJob::isValidId(const QString &id)
{
    return !id.isEmpty() && id.size() <= 200
        && std::all_of(id.begin(), id.end(), [](QChar c) { return (c.isLetterOrNumber() && c.unicode() < 128) || c == u'-' || c == u'_' || c == u'.'; });
}

std::optional<BatchJob> BatchJob::fromJson(QByteArrayView body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    const QJsonObject o = doc.object();
    if (!doc.isObject() || !isValidId(o.value(u"id").toString()) || !o.value(u"status").isString()) {
        *error = Tr::tr("The answer is not a batch job (no \"id\" and \"status\").");
        return std::nullopt;
    }
    BatchJob job;
    job.id = o.value(u"id").toString();
    job.statusText = o.value(u"status").toString();
    job.status = statusFromName(job.statusText);
    job.model = o.value(u"model").toString();
    job.total = o.value(u"total_requests").toInt();
    job.completed = o.value(u"completed_requests").toInt();
    job.succeeded = o.value(u"succeeded_requests").toInt();
    job.failed = o.value(u"failed_requests").toInt();
    job.outputFile = o.value(u"output_file").toString();
    job.errorFile = o.value(u"error_file").toString();
    if ((!job.outputFile.isEmpty() && !isValidId(job.outputFile)) || (!job.errorFile.isEmpty() && !isValidId(job.errorFile))) {
        *error = Tr::tr("The batch job names a file whose id is not one (\"%1\").").arg(job.outputFile + job.errorFile);
        return std::nullopt;
    }
    const QJsonArray errors = o.value(u"errors").toArray();
    for (const QJsonValue &e : errors)
        if (const QString text = errorText(e); !text.isEmpty())
            job.errors << text;
    return job;
}

QByteArray BatchWire::inputLine(const QString &customId, const QByteArray &body)
{
    const QJsonObject o{{QStringLiteral("custom_id"), customId}, {QStringLiteral("body"), QJsonDocument::fromJson(body).object()}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray BatchWire::createJobBody(const QString &fileId, const QString &route, const QString &model)
{
    QJsonObject o{{QStringLiteral("input_files"), QJsonArray{fileId}}, {QStringLiteral("endpoint"), route}};
    if (!model.isEmpty())
        o.insert(QStringLiteral("model"), model);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString BatchWire::uploadedFileId(QByteArrayView body, QString *error)
{
    const QJsonObject o = QJsonDocument::fromJson(body.toByteArray()).object();
    if (!BatchJob::isValidId(o.value(u"id").toString())) {
        *error = Tr::tr("The upload's answer names no file (no \"id\").");
        return {};
    }
    return o.value(u"id").toString();
}

QList<BatchOutputLine> BatchWire::parseOutput(QByteArrayView jsonl, QStringList *problems)
{
    QList<BatchOutputLine> out;
    int number = 0;
    qsizetype start = 0;
    while (start < jsonl.size()) {
        qsizetype end = jsonl.indexOf('\n', start);
        if (end < 0)
            end = jsonl.size();
        const QByteArrayView line = jsonl.sliced(start, end - start).trimmed();
        start = end + 1;
        ++number;
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray());
        const QJsonObject o = doc.object();
        if (!doc.isObject() || !o.value(u"custom_id").isString()) {
            problems->append(Tr::tr("line %1: not a result line (a JSON object with \"custom_id\")").arg(number));
            continue;
        }
        BatchOutputLine r;
        r.customId = o.value(u"custom_id").toString();
        const QJsonObject response = o.value(u"response").toObject();
        r.statusCode = response.value(u"status_code").toInt();
        const QJsonValue body = response.value(u"body");
        if (body.isObject())
            r.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        else if (body.isString())
            r.body = body.toString().toUtf8(); // a body sent as text: read as the endpoint's answer all the same
        r.error = errorText(o.value(u"error"));
        out.append(r);
    }
    return out;
}
