#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// The result of one health check of an endpoint.
struct HealthReport
{
    enum class State { Unknown, Ok, Degraded, Down, Unauthorized };

    State state = State::Unknown;
    QDateTime checkedAt;
    double roundTripMs = -1;
    int httpStatus = 0;
    QString service;      // from the seed's /health
    QDateTime serverTime; // from the seed's /health
    QString detail;       // why degraded, down or unauthorized, in words
    // Our proxy's /health says whether it holds a Codestral key (the seed's does not say).
    std::optional<bool> upstreamKey;
    // What this kind of server tells about itself, label and value: llama.cpp's state and context
    // size, Ollama's version, ... Shown in the Health panel.
    QList<QPair<QString, QString>> facts;
    // The tokens a request may hold, where the server says (llama-server's n_ctx per slot); 0: unknown.
    int contextTokens = 0;

    static QString stateName(State state);
};

// The seed proxy's /health body: {"status":"ok","timestamp":"<ISO>","service":"..."}.
struct HealthBody
{
    bool valid = false; // the body was a JSON object
    QString status;
    QString service;
    QDateTime timestamp;
    std::optional<bool> upstreamKey; // "upstream_key": true/false, ours only
};

HealthBody parseHealthBody(QByteArrayView body);
