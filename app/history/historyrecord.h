#pragma once

#include "wire/endpoint.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// One exchange as the history keeps it: where it went, what was asked (prefix, suffix, file and
// cursor, model and every parameter), the request as sent, the raw and the cleaned answer, when each
// piece of the answer came, how it ended and how long it took. Never a secret: the request's
// headers are not kept, and the body never holds one.
struct HistoryRecord
{
    qint64 id = 0;
    QDateTime time;        // when it was asked (UTC)
    QString source;        // "playground", "compare", "fim-complete"
    QString profile;       // the endpoint profile's name
    EndpointKind kind = EndpointKind::Proxy;
    QString url;           // the route it went to
    QString model;
    QByteArray parameters; // JSON object: max_tokens, temperature, top_p, stop, random_seed, stream
    QString prefix;
    QString suffix;
    QString fileName;      // empty for an unsaved buffer
    int line = -1;         // the cursor, 1-based; -1 when unknown
    int column = -1;
    QByteArray requestBody;
    QByteArray rawAnswer;
    QString cleanedAnswer;
    QByteArray chunkTimings; // JSON array of [ms, bytes]
    int httpStatus = 0;
    QByteArray responseHeaders; // JSON array of [name, value] (no Set-Cookie), for a replay
    QString outcome;         // "ok", "error", "cancelled", "timeout"
    QString error;           // in words, when it failed
    QByteArray timings;      // JSON object: client and server timings

    friend bool operator==(const HistoryRecord &, const HistoryRecord &) = default;
};

struct Exchange;

// The record of an exchange that went over the wire (FimClient::exchangeRecorded): everything but
// the cleaned answer and the file and cursor, which only the playground knows.
HistoryRecord historyRecordOf(const Exchange &exchange, const QString &profile, const QString &source);

class QJsonObject;
struct FimRequest;
// One line of a JSONL export: every field, the bodies as text, the JSON fields as JSON.
QJsonObject historyRecordToJson(const HistoryRecord &record);
// The request to ask again: prefix, suffix, model and every parameter as recorded.
FimRequest requestOf(const HistoryRecord &record);
// The parameters of a request as the history keeps them (a JSON object), with or without "stream".
QByteArray parametersOf(const FimRequest &request, bool withStream = true);
// The parameters that decide an answer, in one comparable form: "stream" left out.
QByteArray answerParameters(const QByteArray &parametersJson);
// The exchange as the request inspector shows it (no id: it is no request of this session).
Exchange exchangeOf(const HistoryRecord &record);
