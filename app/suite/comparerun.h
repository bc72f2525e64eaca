#pragma once

#include "completion/variant.h"
#include "net/fimclient.h"
#include "wire/endpoint.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class SecretStore;

// One Compare run: the same prefix and suffix sent to 2–4 variants at once, each through its own
// FimClient (the variants may be different endpoints), each with its endpoint's secret. Every
// column ends on its own (answered, failed, cancelled); cancel() ends one. The run before the
// last is kept (previous()) so a re-run can be set against it.
class CompareRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareRun)

public:
    struct Column
    {
        enum class State { Waiting, Running, Answered, Failed, Cancelled };
        Variant variant;
        Endpoint endpoint;
        State state = State::Waiting;
        CompletionResult result;
        FimError error;
        quint64 requestId = 0;
    };

    CompareRun(QNetworkAccessManager *network, SecretStore *secrets, QObject *parent = nullptr);
    ~CompareRun() override;

    void setTimeouts(const ClientTimeouts &timeouts) { m_timeouts = timeouts; }
    // Starts a run; a run still going is cancelled and becomes the previous one. endpoints[i] is the
    // endpoint of variants[i] (an invalid one fails that column in words).
    void start(const QList<Variant> &variants, const QList<Endpoint> &endpoints, const QString &prompt, const QString &suffix);
    void cancel(int column);
    void cancelAll();

    const QList<Column> &columns() const { return m_columns; }
    const QList<Column> &previous() const { return m_previous; }
    bool isRunning() const;

signals:
    void started();
    void columnChanged(int column);
    void finished();
    // Every column's request, for the latency panel and the inspector.
    void timingRecorded(const RequestTiming &timing);
    void exchangeRecorded(const Exchange &exchange);

private:
    void send(int column, quint64 run, const QString &secret);
    void settle(int column, Column::State state);

    QNetworkAccessManager *m_network;
    SecretStore *m_secrets;
    ClientTimeouts m_timeouts;
    QList<Column> m_columns;
    QList<Column> m_previous;
    QList<FimClient *> m_clients;
    QList<QPointer<FimReply>> m_replies;
    QString m_prompt;
    QString m_suffix;
    quint64 m_run = 0;
};
