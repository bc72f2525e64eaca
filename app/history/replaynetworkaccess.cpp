#include "history/replaynetworkaccess.h"

#include "history/replayreply.h"
#include "net/fimreply.h"
#include "wire/fimrequest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace {

// Messages under the context "ReplayNetworkAccess"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ReplayNetworkAccess)
};

ReplayScript json(int status, const QJsonObject &body)
{
    ReplayScript s;
    s.status = status;
    s.headers = {{"Content-Type", "application/json"}};
    s.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return s;
}

ReplayScript unreadable(const QString &why)
{
    return json(503, QJsonObject{{QStringLiteral("message"), Tr::tr("The history cannot be read: %1").arg(why)}});
}

ReplayScript notRecorded(const QString &message)
{
    return json(404, QJsonObject{{QStringLiteral("message"), message}});
}

// "model qwen, temperature 0.2": a model and parameters, in words.
QString describe(const QString &model, const QByteArray &parameters)
{
    QStringList parts;
    if (!model.isEmpty())
        parts << Tr::tr("model %1").arg(model);
    const QJsonObject p = QJsonDocument::fromJson(answerParameters(parameters)).object();
    for (auto it = p.begin(); it != p.end(); ++it)
        parts << it.key() + QLatin1Char(' ')
                + (it->isArray() ? QString::fromUtf8(QJsonDocument(it->toArray()).toJson(QJsonDocument::Compact))
                                 : it->toVariant().toString());
    return parts.isEmpty() ? Tr::tr("no model or parameter named") : parts.join(QStringLiteral(", "));
}

// The headers to play again: the body is already decoded and its length is the body's.
QList<QPair<QByteArray, QByteArray>> replayHeaders(const HistoryRecord &r)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.responseHeaders).array()) {
        const QByteArray name = v.toArray().at(0).toString().toLatin1();
        static const QList<QByteArray> dropped{"content-length", "transfer-encoding", "content-encoding", "connection",
                                               "keep-alive"};
        if (!name.isEmpty() && !dropped.contains(name.toLower()))
            out.append({name, v.toArray().at(1).toString().toLatin1()});
    }
    const bool typed = std::any_of(out.begin(), out.end(), [](const auto &h) { return h.first.toLower() == "content-type"; });
    if (!typed) {
        // A record older than its headers: the body shows how it was framed.
        const QByteArray type = r.rawAnswer.startsWith("data:") || r.rawAnswer.startsWith("event:") ? "text/event-stream"
            : r.rawAnswer.trimmed().count('\n') > 0                                                 ? "application/x-ndjson"
                                                                                                    : "application/json";
        out.append({"Content-Type", type});
    }
    return out;
}

} // namespace

ReplayNetworkAccess::ReplayNetworkAccess(const QString &historyPath, QObject *parent)
    : QNetworkAccessManager(parent)
    , m_historyPath(historyPath)
{
}

ReplayNetworkAccess::~ReplayNetworkAccess() = default;

HistoryStore *ReplayNetworkAccess::store(QString *error)
{
    if (m_store && m_store->isOpen())
        return m_store.get();
    if (m_historyPath.isEmpty()) {
        *error = Tr::tr("The history is off, so there is nothing to replay. Turn it on in Settings and ask a live endpoint first.");
        return nullptr;
    }
    m_store = std::make_unique<HistoryStore>();
    m_store->setBusyTimeout(1000); // a read waits little: the window must not stall
    if (!m_store->open(m_historyPath, error)) {
        m_store.reset();
        return nullptr;
    }
    return m_store.get();
}

ReplayScript ReplayNetworkAccess::answer(const QByteArray &requestBody, double speed)
{
    QString why;
    const std::optional<FimRequest> request = FimRequest::fromJson(requestBody, &why);
    if (!request)
        return json(422, QJsonObject{{QStringLiteral("message"), Tr::tr("The replay cannot read the request: %1").arg(why)}});
    HistoryStore *history = store(&why);
    if (!history)
        return unreadable(why);

    const QList<HistoryRecord> asked = history->withContext(request->prompt, request->suffix, 200);
    const QByteArray wanted = answerParameters(parametersOf(*request, false));
    const HistoryRecord *match = nullptr;
    const HistoryRecord *answeredOtherwise = nullptr;
    for (const HistoryRecord &r : asked) {
        if (r.outcome != u"ok")
            continue;
        if ((request->model.isEmpty() || r.model == request->model) && answerParameters(r.parameters) == wanted) {
            match = &r;
            break;
        }
        if (!answeredOtherwise)
            answeredOtherwise = &r;
    }
    if (!match) {
        if (answeredOtherwise)
            return notRecorded(Tr::tr("Not recorded with %1. The newest answer recorded for this prefix and suffix was asked with %2.")
                                   .arg(describe(request->model, wanted),
                                        describe(answeredOtherwise->model.isEmpty() ? Tr::tr("the server's own") : answeredOtherwise->model,
                                                 answeredOtherwise->parameters)));
        if (!asked.isEmpty())
            return notRecorded(Tr::tr("Not recorded: this prefix and suffix were asked %n time(s) but never answered (the newest: %1).", nullptr,
                                  int(asked.size()))
                                   .arg(asked.first().error.isEmpty() ? asked.first().outcome : asked.first().error));
        return notRecorded(Tr::tr("Not recorded: the history (%1) holds no exchange with this prefix and suffix. Ask a live "
                                  "endpoint once with the history on, then replay.")
                               .arg(m_historyPath));
    }

    const QList<HistoryRecord> whole = history->byIds({match->id});
    if (whole.isEmpty())
        return notRecorded(Tr::tr("Not recorded: the exchange was deleted from the history just now."));
    const HistoryRecord &r = whole.first();
    ReplayScript s;
    s.status = r.httpStatus;
    s.headers = replayHeaders(r);
    s.body = r.rawAnswer;
    const QJsonObject timings = QJsonDocument::fromJson(r.timings).object();
    const double sent = std::max(0.0, timings.value(u"sent_ms").toDouble());
    const double scale = speed > 0 ? 1.0 / speed : 0.0;
    s.headersAtMs = std::max(0.0, timings.value(u"first_byte_ms").toDouble(sent) - sent) * scale;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.chunkTimings).array()) {
        const QJsonArray piece = v.toArray();
        s.pieces.append({std::max(s.headersAtMs, (piece.at(0).toDouble() - sent) * scale), qsizetype(piece.at(1).toInteger())});
    }
    const QString of = Tr::tr("exchange #%1, asked %2 through %3 (%4)")
                           .arg(r.id)
                           .arg(r.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), r.profile, endpointKindName(r.kind));
    s.headers.append({"X-Fim-Replay-Kind", endpointKindName(r.kind).toLatin1()});
    s.headers.append({"X-Fim-Replay-Of", QUrl::toPercentEncoding(of, " #:,()")});
    s.headers.append({"X-Fim-Replay-Id", QByteArray::number(r.id)});
    return s;
}

Exchange ReplayNetworkAccess::asRecorded(const Exchange &replayed)
{
    if (replayed.kind != EndpointKind::Replay)
        return replayed;
    qint64 id = 0;
    for (const auto &[name, value] : replayed.responseHeaders)
        if (name.compare("X-Fim-Replay-Id", Qt::CaseInsensitive) == 0)
            id = value.toLongLong();
    QString why;
    HistoryStore *history = id > 0 ? store(&why) : nullptr;
    const QList<HistoryRecord> records = history ? history->byIds({id}) : QList<HistoryRecord>{};
    if (records.isEmpty())
        return replayed;
    const HistoryRecord &r = records.first();
    Exchange x = replayed;
    x.kind = r.kind;
    x.url = QUrl(r.url);
    x.requestBody = r.requestBody;
    x.requestHeaders = {{"Content-Type", "application/json"}};
    x.note = replayed.note + QLatin1Char(' ')
        + Tr::tr("The request below is the one recorded; the replay was asked with POST %1.").arg(replayed.url.toString());
    return x;
}

QNetworkReply *ReplayNetworkAccess::createRequest(Operation operation, const QNetworkRequest &request, QIODevice *outgoingData)
{
    const QUrl url = request.url();
    if (url.scheme() != u"replay")
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);
    const QString path = url.path();
    ReplayScript script;
    QString why;
    if (operation == PostOperation && path.endsWith(u"/v1/fim/completions")) {
        const double speed = QUrlQuery(url).queryItemValue(QStringLiteral("speed")).toDouble();
        script = answer(outgoingData ? outgoingData->readAll() : QByteArray(), QUrlQuery(url).hasQueryItem(QStringLiteral("speed")) ? speed : 1.0);
    } else if (operation == GetOperation && path.endsWith(u"/health")) {
        if (HistoryStore *history = store(&why)) {
            const HistoryStore::Answered answered = history->answered();
            script = json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                           {QStringLiteral("service"), Tr::tr("Replay of %1: %n answered exchange(s)", nullptr, answered.count)
                                                                           .arg(m_historyPath)},
                                           {QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                                           {QStringLiteral("answered"), answered.count}});
        } else {
            script = unreadable(why);
        }
    } else if (operation == GetOperation && path.endsWith(u"/v1/models")) {
        if (HistoryStore *history = store(&why)) {
            QJsonArray data;
            for (const QString &model : history->answered().models)
                data.append(QJsonObject{{QStringLiteral("id"), model}, {QStringLiteral("object"), QStringLiteral("model")}});
            script = json(200, QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
        } else {
            script = unreadable(why);
        }
    } else {
        script = json(404, QJsonObject{{QStringLiteral("message"), Tr::tr("A replay answers /health, /v1/models and /v1/fim/completions only.")}});
    }
    return new ReplayReply(operation, request, std::move(script), this);
}
