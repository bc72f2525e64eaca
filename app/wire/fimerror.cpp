#include "wire/fimerror.h"

QString FimError::kindName() const
{
    switch (kind) {
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Http: return QStringLiteral("http");
    case Kind::Parse: return QStringLiteral("parse");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::RateLimited: return QStringLiteral("rate-limited");
    case Kind::Config: return QStringLiteral("config");
    case Kind::TooLarge: return QStringLiteral("too-large");
    case Kind::Invalid: return QStringLiteral("invalid-request");
    }
    return QStringLiteral("unknown");
}
