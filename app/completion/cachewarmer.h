#pragma once

#include "net/fimclient.h"

#include <QObject>
#include <QPointer>

class FimReply;

// Warms llama-server's prompt cache ahead of the next completion, as llama.vim does when its ring
// of chunks changes and the editor idles: the request the next Ctrl+Space would send, with
// n_predict 0 (nothing generated, nothing shown) and cache_prompt, so the server evaluates the extra
// context and the prefix now and the next real request reuses them (its cache_n, in the latency
// table's Cached column). One warm-up at a time; the same prompt is not warmed twice in a row.
class CacheWarmer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheWarmer)

public:
    explicit CacheWarmer(FimClient *client, QObject *parent = nullptr);
    ~CacheWarmer() override;

    // Sends request as a warm-up; false when the same prompt was the last one warmed.
    bool warm(FimRequest request);
    // Stops a warm-up in flight (a real request is about to use the slot).
    void cancel();
    bool isWarming() const { return !m_reply.isNull(); }
    // Forgets the last prompt warmed (the server restarted, another endpoint).
    void forget() { m_lastKey.clear(); }

signals:
    // A warm-up went out (for the latency table's mark).
    void started(quint64 id);

private:
    FimClient *m_client;
    QPointer<FimReply> m_reply;
    QByteArray m_lastKey;
};
