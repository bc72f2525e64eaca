#pragma once

#include "history/historystore.h"

#include <QNetworkAccessManager>

#include <memory>

struct Exchange;
struct FimRequest;
struct ReplayScript;

// The playground's network access manager: http and https go out as usual; replay:// URLs are
// answered from the history, without a socket (a ReplayReply), in the proxy's format:
//
// - GET  replay://history/health            {"status":"ok","service":"Replay of …: N answered exchanges","answered":N}
// - GET  replay://history/v1/models         the models that answered, newest first
// - POST replay://history/v1/fim/completions?speed=S
//        the newest answered exchange with the same prefix, suffix, parameters (stream aside) and,
//        when one is named, model: its status, headers and bytes as they came, each piece at its
//        original time divided by S (0: all at once). X-Fim-Replay-Kind names the wire format of
//        the recorded answer (FimReply reads it with that kind's backend), X-Fim-Replay-Of
//        which exchange it was in words and X-Fim-Replay-Id by its id. Nothing recorded: 404 {"message":"Not recorded: …"} saying what
//        the history holds for that prefix and suffix instead.
//
// The history file is opened on the first replay:// request and read on this thread; a file that
// cannot be read answers 503 with the reason, and is tried again on the next request.
class ReplayNetworkAccess final : public QNetworkAccessManager
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayNetworkAccess)

public:
    explicit ReplayNetworkAccess(const QString &historyPath, QObject *parent = nullptr);
    ~ReplayNetworkAccess() override;

    const QString &historyPath() const { return m_historyPath; }
    // The script for a completion request's body (public for tests and fim-complete's messages).
    ReplayScript answer(const QByteArray &requestBody, double speed);
    // A replayed exchange as the inspector shows it: the request as it was recorded (its route,
    // body and kind: llama.cpp's /infill, not the proxy-shaped one the replay was asked with),
    // the answer as it came again. Other exchanges, or one whose record is gone, come back as given.
    Exchange asRecorded(const Exchange &replayed);

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    HistoryStore *store(QString *error);

    QString m_historyPath;
    std::unique_ptr<HistoryStore> m_store;
};
