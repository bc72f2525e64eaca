#pragma once

#include "net/fimreply.h"
#include "wire/clienttimeouts.h"
#include "wire/endpoint.h"

#include <QList>
#include <QString>

#include <functional>

class QNetworkAccessManager;

// fim-complete --suite: a prompt suite against every endpoint given.
struct SuiteCommand
{
    QString path;
    QList<Endpoint> endpoints; // secrets from the environment, as for one request
    FimRequest parameters;     // the options' model and parameters; a case's own win
    int parallel = 4;
    bool json = false;
    ClientTimeouts timeouts;
    // Every exchange, with the profile and the answer as shown (--record).
    std::function<void(const Exchange &, const QString &profile, const QString &shown)> onExchange;
};

// Lines the suite could not take go to stderr with their numbers; a progress bar goes to stderr
// when it is a terminal; the table per endpoint goes to stdout, or, with json, one JSON line per
// case and endpoint to stdout and the table to stderr. Returns 0 when every request was answered
// (a mismatch is a result, not a failure), 1 otherwise or when the file cannot be read.
int runSuiteCommand(QNetworkAccessManager *network, const SuiteCommand &command);
