#include "endpoint.h"

#include <QCoreApplication>

QString endpointKindName(EndpointKind kind)
{
    return kind == EndpointKind::Proxy ? QStringLiteral("proxy") : QStringLiteral("codestral");
}

std::optional<EndpointKind> endpointKindFromName(const QString &name)
{
    if (name == u"proxy")
        return EndpointKind::Proxy;
    if (name == u"codestral")
        return EndpointKind::Codestral;
    return std::nullopt;
}

QString Endpoint::secretEnvironmentVariable() const
{
    return kind == EndpointKind::Codestral ? QStringLiteral("CODESTRAL_API_KEY") : QStringLiteral("FIM_PROXY_TOKEN");
}

QString Endpoint::validationError() const
{
    if (baseUrl.isEmpty())
        return QCoreApplication::translate("Endpoint", "The URL is empty.");
    if (!baseUrl.isValid())
        return QCoreApplication::translate("Endpoint", "The URL is not valid: %1").arg(baseUrl.errorString());
    if (baseUrl.scheme() != u"http" && baseUrl.scheme() != u"https")
        return QCoreApplication::translate("Endpoint", "The URL must start with http:// or https://.");
    if (baseUrl.host().isEmpty())
        return QCoreApplication::translate("Endpoint", "The URL has no host name.");
    if (baseUrl.hasQuery() || baseUrl.hasFragment())
        return QCoreApplication::translate("Endpoint", "The URL must not have a query (?...) or a fragment (#...).");
    return {};
}

QUrl Endpoint::resolved(const QString &path) const
{
    // A base URL may carry a path prefix (an AI Gateway route, a reverse proxy): keep it.
    QUrl url = baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    // Users often paste the full completion URL: accept it as the base.
    for (const QString &known : {QStringLiteral("/v1/fim/completions"), QStringLiteral("/v1/models"), QStringLiteral("/health")}) {
        if (base.endsWith(known)) {
            base.chop(known.size());
            break;
        }
    }
    url.setPath(base + path);
    return url;
}
