#pragma once

#include <QObject>

class AppContext;
class NoticeBar;
struct Endpoint;
struct FimError;
struct HealthReport;

// Tells the user, once and in one place (the notice bar), what to do about the endpoint in use:
// no API key for Codestral, a proxy that has no Codestral key of its own. A keychain that cannot be
// read is mentioned only where a secret is needed and none came. Status-bar words go through
// statusMessage().
class EndpointNotices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointNotices)

public:
    EndpointNotices(AppContext *context, NoticeBar *bar, QObject *parent = nullptr);

    void onEndpointChanged(const Endpoint &endpoint, bool hasSecret, const QString &secretError);
    void onHealth(const HealthReport &report);
    void onCompletionError(const FimError &error);

signals:
    void statusMessage(const QString &text, bool isError);

private:
    void proxyHasNoKey();

    AppContext *m_context;
    NoticeBar *m_bar;
};
