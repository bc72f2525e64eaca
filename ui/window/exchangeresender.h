#pragma once

#include "wire/endpoint.h"

#include <QObject>

class AppContext;

// Sends a request body the user edited in the inspector (Edit and resend) through the active
// endpoint's client, with its key, and reports the outcome in words. An exchange made with another
// endpoint is refused: the key in hand is the active profile's.
class ExchangeResender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeResender)

public:
    explicit ExchangeResender(AppContext *context, QObject *parent = nullptr);

    void resend(const Endpoint &endpoint, const QUrl &url, const QByteArray &body);

signals:
    void statusMessage(const QString &text, bool isError);

private:
    AppContext *m_context;
};
