#pragma once

#include "wire/endpoint.h"
#include "wire/healthreport.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

// Polls one endpoint's health on the route its kind's backend names (/health, /v1/models,
// /api/version, ...) and asks for what the server tells of itself (llama.cpp /props, once; a proxy's
// /v1/usage, at most once a minute: with the first check, then after a burst of requests ends or with
// a check, whichever comes first once the minute is over; the facts say "as of" when). At most one
// check is in flight; while the endpoint is down the interval backs off (doubling, up to 8 times).
// reportChanged() fires after every check.
class HealthMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthMonitor)

public:
    explicit HealthMonitor(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~HealthMonitor() override;

    void setEndpoint(const Endpoint &endpoint, const QString &secret);
    void setInterval(int ms);
    int interval() const { return m_intervalMs; }
    int currentDelay() const { return m_timer.interval(); }
    void setSlowThreshold(int ms) { m_slowMs = ms; }
    void setTimeout(int ms) { m_timeoutMs = ms; }

    void start();
    void stop();
    // Checks now unless a check is already in flight (returns false then).
    bool checkNow();
    bool isChecking() const { return !m_reply.isNull(); }
    // The second look (llama.cpp /props, a proxy's /v1/usage) is on its way; a report follows it.
    bool isFetchingInfo() const { return !m_infoReply.isNull(); }
    // A request went through: where the info changes with use (a proxy member's usage), it is
    // asked again once the burst of requests has ended (no request for InfoRefreshDelayMs: the
    // proxy counts after its answer), and no sooner than infoInterval() after it was last asked.
    // Never once per request: a proxy may count these reads against the member's rate limit.
    // refused: the request was refused (429); the first refusal after answered requests is read
    // once the burst is over even within the minute, so Health shows a quota used up.
    void infoMayHaveChanged(bool refused = false);
    static constexpr int InfoRefreshDelayMs = 1500;
    static constexpr int InfoIntervalMs = 60000;
    // While Down, the checks back off (twice the interval, up to eight times) but come at least
    // this often: a restarted server shows OK within seconds.
    static constexpr int LocalDownRecheckMs = 3000; // localhost, 127.0.0.1, ::1
    static constexpr int LocalCheckMs = 10000;      // and while it answers
    static constexpr int DownRecheckMs = 15000;
    void setInfoInterval(int ms) { m_infoIntervalMs = ms; }
    int infoInterval() const { return m_infoIntervalMs; }
    const HealthReport &last() const { return m_last; }

signals:
    void checkStarted();
    void reportChanged(const HealthReport &report);

private:
    void onFinished();
    void fetchInfo();
    void fetchInfoWhenDue();
    bool infoDue() const;
    void scheduleNext();
    int nextDelay() const;

    QNetworkAccessManager *m_network;
    Endpoint m_endpoint;
    QString m_secret;
    QTimer m_timer;
    QTimer m_infoTimer;
    QPointer<QNetworkReply> m_reply;
    QPointer<QNetworkReply> m_infoReply;
    QList<QPair<QString, QString>> m_info; // from the backend's info route
    QList<QPair<QString, QString>> m_checkFacts; // from the last health check itself
    bool m_infoMissing = false; // the info route answered 404: not asked again for this endpoint
    QElapsedTimer m_infoAsked;  // since the info was last asked (invalid: never, for this endpoint)
    int m_infoIntervalMs = InfoIntervalMs;
    bool m_readOnRefusal = false;    // a 429 came: read the info once the burst is over
    bool m_readAfterRefusal = false; // read after a 429 already, and none answered since
    qint64 m_startedNs = 0;
    int m_intervalMs = 30000;
    int m_slowMs = 1500;
    int m_timeoutMs = 5000;
    int m_backoff = 1;
    bool m_running = false;
    HealthReport m_last;
};
