#include "net/fimreply.h"

#include "backends/fimbackend.h"
#include "net/fimclient.h"
#include "wire/endpointrequest.h"
#include "wire/errorparser.h"
#include "wire/networkfailure.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace {

constexpr qsizetype MaxRecordedAnswer = 256 * 1024;
constexpr qsizetype MaxErrorBody = 64 * 1024;

} // namespace

FimReply::FimReply(FimClient *client, quint64 id, const FimRequest &request, Setup setup, qint64 scheduledNs)
    : QObject(client)
    , m_client(client)
    , m_id(id)
    , m_request(request)
    , m_setup(std::move(setup))
    , m_scheduledNs(scheduledNs)
{
    if (m_request.model.isEmpty())
        m_request.model = m_setup.endpoint.defaultModel();
    const Endpoint &e = m_setup.endpoint;
    m_timing.id = id;
    m_timing.scheduledAt = QDateTime::currentDateTime().addMSecs(-qint64((FimClient::monotonicNs() - scheduledNs) / 1000000));
    m_timing.endpointName = e.name;
    m_timing.host = e.baseUrl.host();
    m_timing.kind = endpointKindName(e.kind);
    m_timing.model = m_request.model;
    m_timing.stream = request.stream;
    m_timing.promptChars = request.prompt.size();
    m_timing.suffixChars = request.suffix.size();
    m_exchange.id = id;
    m_exchange.kind = e.kind;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FimReply::onTimer);
}

FimReply::~FimReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void FimReply::start(QNetworkAccessManager *network)
{
    m_network = network;
    const Endpoint &e = m_setup.endpoint;
    std::optional<WireRequest> wire;
    QString why;
    if (const QString bad = e.validationError(); !bad.isEmpty()) {
        m_configError = FimError{FimError::Kind::Config, 0, tr("The endpoint URL cannot be used: %1").arg(bad), {}};
    } else if (e.requiresSecret() && m_setup.secret.isEmpty()) {
        m_configError = FimError{FimError::Kind::Config, 0,
                                 tr("No API key for %1. Set %2 or store the key in the endpoint's settings.")
                                     .arg(host(), e.secretEnvironmentVariable()),
                                 {}};
    } else if (wire = m_setup.backend->buildRequest(e, m_request, &why); !wire && !m_setup.editedBody) {
        m_configError = FimError{FimError::Kind::Config, 0, why, {}};
    }
    if (!m_configError && m_setup.editedBody) {
        // Exactly what the user wrote, to the route the exchange went to; no second attempt.
        const QByteArray accept = wire ? wire->accept : QByteArrayLiteral("application/json");
        wire = WireRequest{m_setup.editedUrl, *m_setup.editedBody, accept, std::nullopt, QString()};
        m_retried = true;
        m_exchange.note = tr("Edited and sent again from the request inspector.");
    }
    if (m_configError) {
        m_timer.start(0);
        return;
    }

    QNetworkRequest req = makeEndpointRequest(wire->url, m_setup.secret, wire->accept);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(0); // our own timers distinguish connect, first byte, idle and total
    m_exchange.url = req.url();
    m_exchange.request = m_request;
    m_exchange.requestHeaders = {{"Content-Type", "application/json"}, {"Accept", wire->accept}};
    if (!m_setup.secret.isEmpty())
        m_exchange.requestHeaders.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer <redacted>")));
    m_exchange.requestBody = wire->body;
    if (wire->usedTemplate) {
        m_exchange.templateTitle = wire->usedTemplate->title;
        m_exchange.rawPrompt = wire->rawPrompt;
    }
    m_timing.requestBytes = wire->body.size();

    m_reply = network->post(req, wire->body);
    connect(m_reply, &QNetworkReply::requestSent, this, [this] {
        m_timing.sentMs = elapsedMs();
        m_phase = Phase::WaitingForHeaders;
        armTimer();
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &FimReply::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &FimReply::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &FimReply::onFinished);
    armTimer();
}

void FimReply::abort()
{
    if (!m_done)
        finish(RequestTiming::Outcome::Cancelled, std::nullopt);
}

double FimReply::elapsedMs() const
{
    return double(FimClient::monotonicNs() - m_scheduledNs) / 1e6;
}

void FimReply::armTimer()
{
    const ClientTimeouts &t = m_setup.timeouts;
    const int phaseLimit = m_phase == Phase::Connecting ? t.connectMs
        : m_phase == Phase::WaitingForHeaders           ? t.firstByteMs
                                                        : t.idleMs;
    const qint64 totalLeft = std::max<qint64>(0, qint64(t.totalMs - elapsedMs()));
    m_timer.start(int(std::min<qint64>(phaseLimit, totalLeft)));
}

void FimReply::onTimer()
{
    if (m_configError) {
        fail(*m_configError);
        return;
    }
    using L = ClientTimeouts::Limit;
    const L limit = elapsedMs() + 1 >= m_setup.timeouts.totalMs ? L::Total
        : m_phase == Phase::Connecting                          ? L::Connect
        : m_phase == Phase::WaitingForHeaders                   ? L::FirstByte
                                                                : L::Idle;
    fail(m_setup.timeouts.failure(limit, m_setup.endpoint.baseUrl, m_timing.httpStatus));
}

void FimReply::onMetaData()
{
    if (m_done)
        return;
    if (m_timing.firstByteMs < 0)
        m_timing.firstByteMs = elapsedMs();
    if (m_timing.sentMs < 0)
        m_timing.sentMs = m_timing.firstByteMs;
    m_phase = Phase::Receiving;
    m_timing.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // The Content-Type decides the framing, whatever the kind usually sends (StreamDecoder).
    m_decoder.start(m_timing.httpStatus, m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray());
    m_exchange.httpStatus = m_timing.httpStatus;
    m_exchange.responseHeaders = m_reply->rawHeaderPairs();
    // "HIT", or a CDN's "HIT from ...": the first word.
    m_timing.edgeCache = QString::fromLatin1(m_reply->rawHeader("X-Cache")).section(QLatin1Char(' '), 0, 0).toUpper();
    if (m_setup.endpoint.kind == EndpointKind::Replay && m_reply->hasRawHeader("X-Fim-Replay-Kind")) {
        // A recorded answer is read in the wire format it was recorded in (ReplayNetworkAccess).
        if (const auto recorded = endpointKindFromName(QString::fromLatin1(m_reply->rawHeader("X-Fim-Replay-Kind"))))
            m_setup.backend = &FimBackend::forKind(*recorded);
        m_exchange.note = tr("Replayed from the history: %1.").arg(QString::fromUtf8(QByteArray::fromPercentEncoding(m_reply->rawHeader("X-Fim-Replay-Of"))));
    }
    const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (declared > m_setup.maxAnswerBytes) {
        fail({FimError::Kind::TooLarge, m_timing.httpStatus,
              tr("The answer from %1 would be %2 KiB, more than the %3 KiB allowed.")
                  .arg(host())
                  .arg(declared / 1024)
                  .arg(m_setup.maxAnswerBytes / 1024),
              {}});
        return;
    }
    armTimer();
}

void FimReply::onReadyRead()
{
    if (m_timing.firstByteMs < 0)
        onMetaData();
    if (m_done)
        return;
    const QByteArray bytes = m_reply->readAll();
    m_received += bytes.size();
    m_timing.responseBytes = m_received;
    if (m_exchange.chunks.size() < 4096 && !bytes.isEmpty())
        m_exchange.chunks.append({elapsedMs(), bytes.size()});
    if (m_exchange.rawAnswer.size() < MaxRecordedAnswer)
        m_exchange.rawAnswer.append(bytes.left(MaxRecordedAnswer - m_exchange.rawAnswer.size()));
    if (m_received > m_setup.maxAnswerBytes) {
        fail({FimError::Kind::TooLarge, m_timing.httpStatus,
              tr("The answer from %1 passed %2 KiB and was cut off. The server may be sending an endless body.")
                  .arg(host())
                  .arg(m_setup.maxAnswerBytes / 1024),
              {}});
        return;
    }
    armTimer();
    if (!m_decoder.isStream()) {
        if (m_body.size() < (m_timing.httpStatus >= 400 ? MaxErrorBody : m_setup.maxAnswerBytes))
            m_body.append(bytes);
        return;
    }
    const StreamDecoder::Piece piece = m_decoder.feed(bytes);
    const QPointer<FimReply> alive(this);
    readEvents(piece.payloads);
    if (piece.error && alive && !m_done)
        fail({FimError::Kind::Http, m_timing.httpStatus,
              tr("%1 reported an error in the stream: %2").arg(host(), ErrorParser::serverMessage(*piece.error)), {}});
}

void FimReply::readEvents(const QList<QByteArray> &payloads)
{
    for (const QByteArray &payload : payloads)
        if (!readEvent(payload))
            return;
}

bool FimReply::readEvent(const QByteArray &payload)
{
    QString why;
    const std::optional<StreamChunk> chunk = m_setup.backend->parseEvent(payload, &why);
    if (!chunk) {
        // An error object the server put in the stream ({"error": ...}, {"message": ...}) is the
        // server's word; anything else is a stream we cannot read.
        const QJsonObject o = QJsonDocument::fromJson(payload).object();
        const bool serverError = o.contains(u"error") || o.contains(u"message") || o.contains(u"detail");
        const QString said = serverError ? ErrorParser::serverMessage(payload) : QString();
        fail({serverError ? FimError::Kind::Http : FimError::Kind::Parse, m_timing.httpStatus,
              said.isEmpty() ? tr("A stream event from %1 could not be read: %2").arg(host(), why)
                             : tr("%1 reported an error in the stream: %2").arg(host(), said),
              {}});
        return false;
    }
    if (chunk->usage)
        m_usage = chunk->usage;
    if (chunk->server)
        m_timing.server = chunk->server;
    noteServerPrompt(chunk->prompt);
    if (!chunk->model.isEmpty())
        m_model = chunk->model;
    if (!chunk->finishReason.isEmpty())
        m_finishReason = chunk->finishReason;
    if (chunk->end)
        m_sawEnd = true;
    m_probs += chunk->probs; // before the delta: a receiver reads them with it
    if (!chunk->delta.isEmpty()) {
        if (m_timing.firstTokenMs < 0)
            m_timing.firstTokenMs = elapsedMs();
        m_text += chunk->delta;
        const QPointer<FimReply> alive(this);
        emit delta(chunk->delta);
        if (!alive || m_done) // the receiver aborted
            return false;
    }
    return true;
}

void FimReply::onFinished()
{
    m_timer.stop();
    if (m_timing.firstByteMs < 0 && m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        onMetaData();
    if (m_done)
        return;
    const int status = m_timing.httpStatus;
    if (status >= 400) {
        m_body.append(m_reply->readAll().left(MaxErrorBody));
        if (retryAsRawPrompt())
            return;
        fail(m_setup.backend->explainError(status, m_body, m_reply->rawHeader("Retry-After"), m_setup.endpoint));
        return;
    }
    // A connection closed before the declared Content-Length arrived is not always reported as an
    // error by QNetworkReply: check the length ourselves.
    const QVariant declared = m_reply->header(QNetworkRequest::ContentLengthHeader);
    const bool shortBody = declared.isValid() && !m_decoder.isStream() && m_received < declared.toLongLong();
    if (m_reply->error() != QNetworkReply::NoError || status == 0 || shortBody) {
        fail(networkFailure(m_reply->error(), m_reply->errorString(), m_setup.endpoint, m_received, status));
        return;
    }
    if (!m_decoder.isStream()) {
        readWholeBody();
        return;
    }
    bool cut = false;
    // The last NDJSON line may lack its line ending.
    for (const QByteArray &last : m_decoder.finish(&cut))
        if (!readEvent(last))
            return;
    endStream(cut);
}

bool FimReply::retryAsRawPrompt()
{
    // Once, only when the server builds the prompt, and only when the model's name gives a template.
    if (m_retried || !m_setup.endpoint.promptTemplate.isEmpty() || !m_setup.backend->refusesSuffix(m_timing.httpStatus, m_body))
        return false;
    Endpoint raw = m_setup.endpoint;
    raw.promptTemplate = QStringLiteral("auto");
    QString why;
    const std::optional<FimTemplate> tmpl = FimBackend::templateFor(raw, m_request.model, &why);
    if (!tmpl)
        return false;
    const QString said = ErrorParser::serverMessage(m_body);
    m_retried = true;
    m_setup.endpoint = raw;
    m_reply->disconnect(this);
    m_reply->deleteLater();
    m_reply = nullptr;
    m_body.clear();
    m_received = 0;
    m_phase = Phase::Connecting;
    m_decoder = StreamDecoder();
    m_timing.sentMs = m_timing.firstByteMs = m_timing.firstTokenMs = -1;
    m_timing.httpStatus = 0;
    m_timing.responseBytes = 0;
    // The exchange is the retry's: the refusal's body is no piece of the answer (a replay would
    // pace the real answer by it), its status and headers are not the answer's.
    m_exchange.rawAnswer.clear();
    m_exchange.chunks.clear();
    m_exchange.httpStatus = 0;
    m_exchange.responseHeaders.clear();
    start(m_network);
    m_exchange.note = tr("%1 refused prefix and suffix for %2 (%3): sent again as a raw prompt with the %4 template. "
                         "Choose it in Settings ▸ Endpoints ▸ Prompt to skip the refusal.")
                          .arg(host(), m_request.model, said, tmpl->title);
    return true;
}

void FimReply::readWholeBody()
{
    const int status = m_timing.httpStatus;
    QString why;
    std::optional<CompletionBody> body = m_setup.backend->parseBody(m_body, &why);
    if (const auto payloads = !body && m_request.stream ? StreamDecoder::payloadsOfUnlabelledStream(m_body) : std::nullopt) {
        // A stream under a Content-Type that did not say so: read in the framing it has.
        const QPointer<FimReply> alive(this); // a delta's receiver may end everything
        readEvents(*payloads);
        if (alive && !m_done)
            endStream(false);
        return;
    }
    if (!body) {
        fail({FimError::Kind::Parse, status, tr("The answer from %1 could not be read: %2").arg(host(), why), {}});
        return;
    }
    m_text = body->text;
    m_finishReason = body->finishReason;
    m_usage = body->usage;
    m_model = body->model;
    m_probs = body->probs;
    if (body->server)
        m_timing.server = body->server;
    noteServerPrompt(body->prompt);
    if (!m_text.isEmpty())
        m_timing.firstTokenMs = elapsedMs();
    // A stream was asked for but the server (the seed proxy) answered with one body: deliver it as
    // one delta so streaming consumers need no second path.
    if (m_request.stream && !m_text.isEmpty()) {
        const QPointer<FimReply> alive(this);
        emit delta(m_text);
        if (!alive || m_done)
            return;
    }
    succeed();
}

void FimReply::noteServerPrompt(const QString &prompt)
{
    // What the server says it fed the model, where the client did not build the prompt itself.
    if (prompt.isEmpty() || !m_exchange.rawPrompt.isEmpty())
        return;
    m_exchange.rawPrompt = prompt;
    m_exchange.promptFromServer = true;
}

void FimReply::endStream(bool cutMidEvent)
{
    // Complete only with the server's own end: [DONE], a finish reason, "stop"/"done": true.
    if (m_sawEnd || !m_finishReason.isEmpty()) {
        succeed();
        return;
    }
    fail({FimError::Kind::Network, m_timing.httpStatus,
          tr("The stream from %1 ended before the completion was finished%2 (%3 characters arrived).")
              .arg(host(), cutMidEvent ? tr(", in the middle of an event") : QString())
              .arg(m_text.size()),
          {}});
}

void FimReply::succeed()
{
    if (const QString note = m_setup.backend->answerNote(m_exchange.requestBody, m_exchange.rawAnswer); !note.isEmpty())
        m_exchange.note = m_exchange.note.isEmpty() ? note : m_exchange.note + QLatin1Char(' ') + note;
    m_timing.completionChars = m_text.size();
    m_timing.usage = m_usage;
    m_timing.totalMs = elapsedMs();
    finish(RequestTiming::Outcome::Ok, std::nullopt);
}

void FimReply::fail(const FimError &error)
{
    m_timing.errorKind = error.kindName();
    finish(RequestTiming::Outcome::Failed, error);
}

void FimReply::finish(RequestTiming::Outcome outcome, const std::optional<FimError> &error)
{
    // Over before anyone hears of it: whatever the receivers do (abort, start new requests,
    // destroy the client), this reply emits nothing more.
    m_done = true;
    m_timer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        if (outcome != RequestTiming::Outcome::Ok)
            m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    m_timing.outcome = outcome;
    if (m_timing.totalMs < 0)
        m_timing.totalMs = elapsedMs();
    m_timing.completionChars = m_text.size();
    if (error)
        m_exchange.error = error->message;
    m_timing.answeredModel = m_model;
    m_exchange.answerText = m_text;
    m_exchange.timing = m_timing;
    // Receivers may destroy the client, and with it this reply: keep what the client reports.
    const RequestTiming timing = m_timing;
    const Exchange exchange = m_exchange;
    const bool sent = !m_configError;
    const quint64 id = m_id;
    const QPointer<FimClient> client(m_client);
    if (outcome == RequestTiming::Outcome::Ok)
        emit finished(CompletionResult{m_text, m_finishReason, m_model, m_usage, m_timing, m_probs});
    else if (error)
        emit failed(*error);
    if (client)
        client->release(id, timing, exchange, sent);
}
