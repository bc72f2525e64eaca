#include "wire/clienttimeouts.h"

#include "wire/endpoint.h"

#include <QCoreApplication>

namespace {
// Messages under the context "FimClient"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FimClient)
};
} // namespace

FimError ClientTimeouts::failure(Limit limit, const QUrl &baseUrl, int httpStatus) const
{
    const QString where = hostAndPort(baseUrl);
    FimError e{FimError::Kind::Timeout, httpStatus, {}, {}};
    switch (limit) {
    case Limit::Total:
        e.message = Tr::tr("No complete answer from %1 within %2 s. Raise the total timeout in Settings ▸ Network, "
                           "or try a smaller max_tokens.")
                        .arg(where)
                        .arg(totalMs / 1000.0);
        break;
    case Limit::Connect:
        e.message = Tr::tr("Could not connect to %1 within %2 s. Is the server running and reachable? (Connect "
                           "timeout: Settings ▸ Network.)")
                        .arg(where)
                        .arg(connectMs / 1000.0);
        break;
    case Limit::FirstByte:
        e.message = Tr::tr("%1 accepted the request but sent no answer within %2 s. (First byte timeout: Settings ▸ "
                           "Network.)")
                        .arg(where)
                        .arg(firstByteMs / 1000.0);
        break;
    case Limit::Idle:
        e.message = Tr::tr("%1 stopped sending for %2 s in the middle of the answer. (Idle timeout: Settings ▸ "
                           "Network.)")
                        .arg(where)
                        .arg(idleMs / 1000.0);
        break;
    }
    return e;
}
