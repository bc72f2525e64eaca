#pragma once

#include "wire/endpoint.h"
#include "wire/fimerror.h"
#include "wire/modellistparser.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

// Fetches an endpoint's model list on its kind's route (/v1/models, /api/tags). When Codestral has
// no model route (404) the built-in list is delivered with a note saying so. Where the kind has
// per-model details (Ollama's capabilities) fetched() comes twice: with the list, and again once
// the details are in. A new fetch() replaces one in flight.
class ModelsFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelsFetcher)

public:
    explicit ModelsFetcher(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ModelsFetcher() override;

    void fetch(const Endpoint &endpoint, const QString &secret);
    bool isFetching() const { return !m_reply.isNull(); }
    // Per-model details still on their way: another fetched() will follow.
    bool detailsPending() const { return !m_details.isEmpty(); }

signals:
    // note: something the user should know about the list (built-in fallback, filtered), or empty.
    void fetched(const ModelList &list, const QString &note);
    void failed(const FimError &error);

private:
    void onFinished();

    QNetworkAccessManager *m_network;
    Endpoint m_endpoint;
    QPointer<QNetworkReply> m_reply;
    QString m_secret;
    QList<QNetworkReply *> m_details; // per-model details in flight (Ollama /api/show)
    ModelList m_list;
    QString m_note;
    static constexpr qsizetype MaxDetails = 32;
};
