#pragma once

#include "net/fimclient.h"

#include <QObject>
#include <QPointer>

class FimReply;

// Warms llama-server's prompt cache ahead of the next completion, as llama.vim does when its ring
// of chunks changes and the editor idles: the request the next Ctrl+Space would send, with
// n_predict 0 (nothing generated, nothing shown) and cache_prompt, so the server evaluates the extra
// context and the prefix now and the next real request reuses them (its cache_n, in the latency
// table's Cached column). Through a client of its own, pointed where the editor's client points:
// a warm-up is no exchange of the user's (not in the inspector, the history or Edit and Resend);
// its timing comes out marked Prefetch::Warm for the latency table, which leaves it out of its
// percentiles. Only llama.cpp endpoints are warmed; one warm-up at a time; the same prompt is not
// warmed twice in a row.
class CacheWarmer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheWarmer)

public:
    // main: the editor's client, whose endpoint, secret and timeouts the warm-ups follow.
    CacheWarmer(QNetworkAccessManager *network, const FimClient *main, QObject *parent = nullptr);
    ~CacheWarmer() override;

    // Sends request as a warm-up; false when it is not sent (not llama.cpp, the same prompt as the
    // last warm-up).
    bool warm(FimRequest request);
    // Stops a warm-up in flight (a real request is about to use the slot).
    void cancel();
    // Forgets the last prompt warmed (another endpoint).
    void forget() { m_lastKey.clear(); }

signals:
    // A warm-up ended (finished, failed or cancelled after it was sent): its timing, marked Warm.
    void timingRecorded(const RequestTiming &timing);

private:
    const FimClient *m_main;
    FimClient m_client;
    QPointer<FimReply> m_reply;
    QByteArray m_lastKey;
};
