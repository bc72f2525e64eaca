#pragma once

#include "wire/endpoint.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// Finds which kind of FIM server answers at a URL (--kind auto, the profile editor's Detect
// button, the first start's look at the usual local ports). It asks the routes only one kind has,
// all at once, and decides when they have answered:
//  *.mistral.ai                                 → codestral (no request needed)
//  GET /api/version {"version"}                 → ollama
//  GET /props {default_generation_settings}     → llamacpp
//  GET /health {"status","service"|"timestamp"} → proxy
//  GET /v1/models {"data": [...]}               → then the FIM routes themselves (POST {}, which
//                                                  a route that exists refuses with 400/401/422):
//     /v1/fim/completions                       → codestral (Mistral's API, or a server shaped like it)
//     /v1/completions                           → openai
class EndpointDetector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointDetector)

public:
    explicit EndpointDetector(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~EndpointDetector() override;

    // Starts probing (replacing a probe in flight); detected() or failed() follows, never from
    // within this call. timeoutMs applies to each route.
    void probe(const QUrl &baseUrl, int timeoutMs = 3000);
    bool isProbing() const { return !m_pending.isEmpty(); }
    void cancel();

signals:
    // what: a short description for people ("Ollama 0.5.7", "llama-server, n_ctx 4096").
    void detected(const QUrl &baseUrl, EndpointKind kind, const QString &what);
    void failed(const QUrl &baseUrl, const QString &reason);

private:
    struct Probe
    {
        EndpointKind kind;
        QPointer<QNetworkReply> reply;
        bool done = false;
        bool matched = false;
        QString what;
        QString error;
    };
    void onProbeFinished(int index);
    void decide();
    // /v1/models alone names no wire format: asks the completion routes.
    void probeRoutes(const QString &modelsWhat);

    QNetworkAccessManager *m_network;
    QUrl m_url;
    int m_timeoutMs = 3000;
    bool m_routesAsked = false; // the second round: the completion routes
    QString m_modelsWhat;       // what /v1/models said, for the second round's verdict
    QList<Probe> m_pending;
};
