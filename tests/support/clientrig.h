#pragma once

#include "fakeupstream.h"
#include "net/fimclient.h"

#include <QNetworkAccessManager>

// What most network tests start from: a fake upstream on loopback, and the real client pointed at
// it as a proxy with no secret.
struct ClientRig
{
    FakeUpstream server;
    QNetworkAccessManager network;
    FimClient client{&network};

    bool start()
    {
        if (!server.listen())
            return false;
        client.setEndpoint(Endpoint{QStringLiteral("fake"), EndpointKind::Proxy, server.url()}, QString());
        return true;
    }
};
