#include "wire/networkfailure.h"

#include <QCoreApplication>

namespace {
// Messages under the context "FimClient"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FimClient)
};
} // namespace

FimError networkFailure(QNetworkReply::NetworkError code, const QString &errorString, const Endpoint &endpoint,
                        qint64 received, int httpStatus)
{
    const QUrl &url = endpoint.baseUrl;
    const QString where = hostAndPort(url);
    FimError e{FimError::Kind::Network, httpStatus, {}, {}};
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        switch (endpoint.kind) {
        case EndpointKind::Proxy:
            e.message = Tr::tr("Could not connect to %1 (connection refused). Is the proxy running? \"packaging/devenv run\" "
                               "starts the local proxy with the playground; \"npm run dev\" in proxy/ starts it alone.")
                            .arg(where);
            break;
        case EndpointKind::LlamaCpp:
            e.message = Tr::tr("Could not connect to %1 (connection refused). Is llama-server running? Start it with: "
                               "llama-server --port %2 -m MODEL.gguf")
                            .arg(where)
                            .arg(url.port(8080));
            break;
        case EndpointKind::Ollama:
            e.message = Tr::tr("Could not connect to %1 (connection refused). Is Ollama running? Start it with: ollama serve")
                            .arg(where);
            break;
        default:
            e.message = Tr::tr("Could not connect to %1 (connection refused).").arg(where);
        }
        break;
    case QNetworkReply::HostNotFoundError:
        e.message = Tr::tr("Host %1 not found. Check the endpoint URL and your network connection.").arg(url.host());
        break;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ProxyConnectionClosedError:
        e.message = received > 0
            ? Tr::tr("%1 closed the connection before the answer was complete (%2 bytes arrived).").arg(where).arg(received)
            : Tr::tr("%1 closed the connection without answering.").arg(where);
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        e.kind = FimError::Kind::Timeout;
        e.message = Tr::tr("The connection to %1 timed out.").arg(where);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        e.message = Tr::tr("TLS error talking to %1: %2. Check the URL's scheme and the server's certificate.")
                        .arg(where, errorString);
        break;
    case QNetworkReply::NoError:
        e.message = httpStatus == 0
            ? Tr::tr("%1 sent no HTTP status.").arg(where)
            : Tr::tr("%1 closed the connection before the answer was complete (%2 bytes arrived).").arg(where).arg(received);
        break;
    default:
        e.message = Tr::tr("Network error talking to %1: %2").arg(where, errorString);
        break;
    }
    return e;
}
