#pragma once

#include "net/fimclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

// One request through a client, run to its end: the deltas and when each came (ms after the
// request), how it ended, its timing and its exchange.
struct ReplyOutcome
{
    bool ok = false;
    CompletionResult result;
    FimError error;
    QStringList deltas;
    QList<double> deltaMs;
    RequestTiming timing;
    Exchange exchange;
};

inline ReplyOutcome runReply(FimClient *client, const FimRequest &request, int deadlineMs = 10000)
{
    ReplyOutcome out;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    FimReply *reply = client->complete(request);
    const quint64 id = reply->id();
    QObject::connect(reply, &FimReply::delta, &loop, [&](const QString &t) {
        out.deltas << t;
        out.deltaMs << double(clock.nsecsElapsed()) / 1e6;
    });
    QObject::connect(reply, &FimReply::finished, &loop, [&](const CompletionResult &r) {
        out.ok = true;
        out.result = r;
    });
    QObject::connect(reply, &FimReply::failed, &loop, [&](const FimError &e) { out.error = e; });
    QObject::connect(client, &FimClient::exchangeRecorded, &loop, [&](const Exchange &e) {
        if (e.id == id)
            out.exchange = e;
    });
    QObject::connect(client, &FimClient::timingRecorded, &loop, [&](const RequestTiming &timing) {
        if (timing.id == id) {
            out.timing = timing;
            loop.quit();
        }
    });
    QTimer::singleShot(deadlineMs, &loop, &QEventLoop::quit);
    loop.exec();
    return out;
}
