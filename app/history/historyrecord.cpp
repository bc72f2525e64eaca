#include "history/historyrecord.h"

#include "net/fimreply.h"
#include "wire/servertimings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

HistoryRecord historyRecordOf(const Exchange &x, const QString &profile, const QString &source)
{
    HistoryRecord r;
    r.time = x.timing.scheduledAt.isValid() ? x.timing.scheduledAt.toUTC() : QDateTime::currentDateTimeUtc();
    r.source = source;
    r.profile = profile;
    r.kind = x.kind;
    r.url = x.url.toString();
    const FimRequest &q = x.request;
    r.model = q.model.isEmpty() ? x.timing.answeredModel : q.model; // the server's own name when none was asked
    r.parameters = parametersOf(q);
    r.prefix = q.prompt;
    r.suffix = q.suffix;
    r.requestBody = x.requestBody;
    r.rawAnswer = x.rawAnswer;
    QJsonArray chunks;
    for (const auto &[ms, bytes] : x.chunks)
        chunks.append(QJsonArray{qRound(ms * 10) / 10.0, bytes});
    r.chunkTimings = QJsonDocument(chunks).toJson(QJsonDocument::Compact);
    r.httpStatus = x.httpStatus;
    QJsonArray headers;
    for (const auto &[name, value] : x.responseHeaders)
        if (name.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
            headers.append(QJsonArray{QString::fromLatin1(name), QString::fromLatin1(value)});
    r.responseHeaders = QJsonDocument(headers).toJson(QJsonDocument::Compact);
    switch (x.timing.outcome) {
    case RequestTiming::Outcome::Ok:
        r.outcome = QStringLiteral("ok");
        break;
    case RequestTiming::Outcome::Failed:
        r.outcome = QStringLiteral("error");
        break;
    case RequestTiming::Outcome::Cancelled:
        r.outcome = QStringLiteral("cancelled");
        break;
    case RequestTiming::Outcome::Pending:
        r.outcome = QStringLiteral("pending");
        break;
    }
    r.error = x.error;
    r.timings = QJsonDocument(requestTimingToJson(x.timing)).toJson(QJsonDocument::Compact);
    return r;
}

QByteArray parametersOf(const FimRequest &q, bool withStream)
{
    QJsonObject parameters;
    if (q.maxTokens)
        parameters.insert(QStringLiteral("max_tokens"), *q.maxTokens);
    if (q.minTokens)
        parameters.insert(QStringLiteral("min_tokens"), *q.minTokens);
    if (q.temperature)
        parameters.insert(QStringLiteral("temperature"), *q.temperature);
    if (q.topP)
        parameters.insert(QStringLiteral("top_p"), *q.topP);
    if (!q.stop.isEmpty())
        parameters.insert(QStringLiteral("stop"), QJsonArray::fromStringList(q.stop));
    if (q.randomSeed)
        parameters.insert(QStringLiteral("random_seed"), QString::number(*q.randomSeed)); // 64 bits: as text
    if (const QString digest = q.extraDigest(); !digest.isEmpty())
        parameters.insert(QStringLiteral("context_digest"), digest); // the extra context sent
    if (withStream)
        parameters.insert(QStringLiteral("stream"), q.stream);
    return QJsonDocument(parameters).toJson(QJsonDocument::Compact);
}

QByteArray answerParameters(const QByteArray &parametersJson)
{
    QJsonObject o = QJsonDocument::fromJson(parametersJson).object();
    o.remove(QStringLiteral("stream"));
    return QJsonDocument(o).toJson(QJsonDocument::Compact); // keys sorted: one form for equal objects
}

QJsonObject historyRecordToJson(const HistoryRecord &r)
{
    auto json = [](const QByteArray &text) {
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        return doc.isObject() ? QJsonValue(doc.object()) : doc.isArray() ? QJsonValue(doc.array()) : QJsonValue();
    };
    return QJsonObject{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("time"), r.time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("source"), r.source},
        {QStringLiteral("profile"), r.profile},
        {QStringLiteral("kind"), endpointKindName(r.kind)},
        {QStringLiteral("url"), r.url},
        {QStringLiteral("model"), r.model},
        {QStringLiteral("parameters"), json(r.parameters)},
        {QStringLiteral("prompt"), r.prefix},
        {QStringLiteral("suffix"), r.suffix},
        {QStringLiteral("file"), r.fileName},
        {QStringLiteral("line"), r.line},
        {QStringLiteral("column"), r.column},
        {QStringLiteral("request_body"), QString::fromUtf8(r.requestBody)},
        {QStringLiteral("raw_answer"), QString::fromUtf8(r.rawAnswer)},
        {QStringLiteral("answer"), r.cleanedAnswer},
        {QStringLiteral("chunks"), json(r.chunkTimings)},
        {QStringLiteral("http_status"), r.httpStatus},
        {QStringLiteral("response_headers"), json(r.responseHeaders)},
        {QStringLiteral("outcome"), r.outcome},
        {QStringLiteral("error"), r.error},
        {QStringLiteral("timings"), json(r.timings)},
    };
}

FimRequest requestOf(const HistoryRecord &r)
{
    // The parameters as a request body would name them, with what was asked.
    QJsonObject o = QJsonDocument::fromJson(r.parameters).object();
    o.insert(QStringLiteral("model"), r.model);
    o.insert(QStringLiteral("prompt"), r.prefix);
    o.insert(QStringLiteral("suffix"), r.suffix);
    QString unreadable;
    return FimRequest::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact), &unreadable).value_or(FimRequest{});
}

Exchange exchangeOf(const HistoryRecord &r)
{
    Exchange x;
    x.kind = r.kind;
    x.url = QUrl(r.url);
    x.requestHeaders = {{"Content-Type", "application/json"}};
    x.requestBody = r.requestBody;
    x.rawAnswer = r.rawAnswer;
    x.httpStatus = r.httpStatus;
    x.note = QCoreApplication::translate("HistoryRecord", "From the history: asked %1 through %2%3.")
                 .arg(r.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), r.profile,
                      r.error.isEmpty() ? QString() : QStringLiteral(" — ") + r.error);
    x.request = requestOf(r);
    x.error = r.error;
    x.timing.scheduledAt = r.time; // when it was asked, not when it is looked at
    return x;
}
