#include "history/replayreply.h"

#include <QCoreApplication>

ReplayReply::ReplayReply(QNetworkAccessManager::Operation operation, const QNetworkRequest &request, ReplayScript script,
                         QObject *parent)
    : QNetworkReply(parent)
    , m_script(std::move(script))
{
    setOperation(operation);
    setRequest(request);
    setUrl(request.url());
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReplayReply::step);
    // The caller connects to the signals after post() returns: nothing is emitted before then.
    m_timer.start(0);
}

ReplayReply::~ReplayReply() = default;

qint64 ReplayReply::bytesAvailable() const
{
    return m_given - m_read + QNetworkReply::bytesAvailable();
}

qint64 ReplayReply::readData(char *data, qint64 maxSize)
{
    const qint64 n = std::min<qint64>(maxSize, m_given - m_read);
    if (n <= 0)
        return isFinished() ? -1 : 0;
    memcpy(data, m_script.body.constData() + m_read, size_t(n));
    m_read += n;
    return n;
}

void ReplayReply::step()
{
    const double now = double(m_clock.nsecsElapsed()) / 1e6;
    if (!m_sent) {
        m_sent = true;
        emit requestSent();
    }
    if (!m_headers) {
        if (now < m_script.headersAtMs) {
            m_timer.start(int(std::ceil(m_script.headersAtMs - now)));
            return;
        }
        m_headers = true;
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_script.status);
        for (const auto &[name, value] : std::as_const(m_script.headers))
            setRawHeader(name, value);
        emit metaDataChanged();
    }
    const qsizetype before = m_given;
    const qsizetype pieces = m_script.pieces.size();
    while (m_nextPiece < pieces && m_script.pieces.at(m_nextPiece).first <= now) {
        const bool last = m_nextPiece == pieces - 1;
        m_given = last ? m_script.body.size() : std::min(m_script.body.size(), m_given + m_script.pieces.at(m_nextPiece).second);
        ++m_nextPiece;
    }
    if (pieces == 0)
        m_given = m_script.body.size();
    if (m_given > before) {
        emit readyRead();
        // A reader may have aborted or gone in readyRead.
        if (isFinished())
            return;
    }
    if (m_nextPiece < pieces) {
        m_timer.start(int(std::ceil(std::max(0.0, m_script.pieces.at(m_nextPiece).first - now))));
        return;
    }
    end();
}

void ReplayReply::end()
{
    if (m_script.status >= 400) {
        const NetworkError code = m_script.status == 404 ? ContentNotFoundError
            : m_script.status >= 500                     ? InternalServerError
                                                         : ProtocolInvalidOperationError;
        setError(code, QCoreApplication::translate("ReplayReply", "The replay answered with HTTP %1.").arg(m_script.status));
        emit errorOccurred(code);
    }
    setFinished(true);
    emit finished();
}

void ReplayReply::abort()
{
    if (isFinished())
        return;
    m_timer.stop();
    setError(OperationCanceledError, QCoreApplication::translate("ReplayReply", "The replay was cancelled."));
    setFinished(true);
    emit errorOccurred(OperationCanceledError);
    emit finished();
}
