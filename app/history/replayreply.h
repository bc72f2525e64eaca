#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QTimer>

// What a replayed answer sends and when: the status and headers at headersAtMs, then each piece
// of the body at its time (ms after the request was made, already divided by the speed).
struct ReplayScript
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    double headersAtMs = 0;
    QList<QPair<double, qsizetype>> pieces; // the bytes beyond the listed pieces come with the last
};

// A QNetworkReply that plays a ReplayScript without a socket: requestSent at once, metaDataChanged
// with the status and headers, readyRead for each piece at its time, finished at the end (with
// errorOccurred first for a status of 400 or more, as Qt's HTTP replies do). abort() ends it at
// once with OperationCanceledError. The client reads it exactly as a reply from a server.
class ReplayReply final : public QNetworkReply
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayReply)

public:
    ReplayReply(QNetworkAccessManager::Operation operation, const QNetworkRequest &request, ReplayScript script,
                QObject *parent = nullptr);
    ~ReplayReply() override;

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void step();
    void end();

    ReplayScript m_script;
    QElapsedTimer m_clock;
    QTimer m_timer;
    bool m_sent = false;
    bool m_headers = false;
    qsizetype m_nextPiece = 0;
    qsizetype m_given = 0; // bytes of the body made readable so far
    qsizetype m_read = 0;  // bytes of the body read
};
