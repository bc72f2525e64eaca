#pragma once

#include "wire/endpoint.h"

#include <QList>
#include <QObject>
#include <QUrl>

class AppContext;
class EndpointDetector;
class NoticeBar;

// After the first frame, looks for FIM servers people run on their own machine (Ollama on
// 127.0.0.1:11434, llama-server on :8080 and :8012) and offers, in the notice bar, a profile for
// each that answers and has none yet. Clicking the offer adds the profile and makes it active.
// Once something was offered the settings remember it and later starts do not look again; until
// then every start looks (a server started after the playground's first run is still found; a
// port nobody listens on refuses at once).
class LocalServers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServers)

public:
    LocalServers(AppContext *context, NoticeBar *bar, QObject *parent = nullptr);

    // The places to look (tests point them at fakes).
    void setCandidates(const QList<QUrl> &urls) { m_candidates = urls; }
    static QList<QUrl> defaultCandidates();
    // Looks unless an earlier start offered something (the settings remember it); force looks again.
    void start(bool force = false);
    // Adds the profile for a found server and activates it (what the notice's link does).
    void addProfile(EndpointKind kind, const QUrl &url);

signals:
    void found(EndpointKind kind, const QUrl &url, const QString &what);
    void profileAdded(const QString &name);
    // Every place has been asked.
    void finished();

private:
    void probeNext();
    bool hasProfileFor(const QUrl &url) const;

    AppContext *m_context;
    NoticeBar *m_bar;
    EndpointDetector *m_detector = nullptr;
    QList<QUrl> m_candidates = defaultCandidates();
    QList<QUrl> m_queue;
    QStringList m_offers; // one line per server found, for the notice
};
