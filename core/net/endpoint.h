#pragma once

#include <QString>
#include <QUrl>

#include <optional>

// Which protocol an endpoint speaks.
//  Proxy:     the seed Cloudflare Worker or ours: /v1/fim/completions, /health, /v1/models; an
//             optional bearer token.
//  Codestral: Mistral's API; a bearer key is required and health is judged by GET /v1/models.
enum class EndpointKind { Proxy, Codestral };

QString endpointKindName(EndpointKind kind);
std::optional<EndpointKind> endpointKindFromName(const QString &name);

// An endpoint profile as the user configures it. The secret itself is never stored here: it is
// looked up by SecretStore from the profile's name, or from secretEnvironmentVariable().
struct Endpoint
{
    QString name;
    EndpointKind kind = EndpointKind::Proxy;
    QUrl baseUrl;

    QUrl fimUrl() const { return resolved(QStringLiteral("/v1/fim/completions")); }
    QUrl modelsUrl() const { return resolved(QStringLiteral("/v1/models")); }
    // Codestral has no /health: its health is judged by /v1/models.
    QUrl healthUrl() const
    {
        return kind == EndpointKind::Proxy ? resolved(QStringLiteral("/health")) : modelsUrl();
    }
    bool requiresSecret() const { return kind == EndpointKind::Codestral; }
    // The model sent when none is chosen: Codestral answers 422 without one; a proxy picks its own.
    QString defaultModel() const { return kind == EndpointKind::Codestral ? QStringLiteral("codestral-latest") : QString(); }
    // CODESTRAL_API_KEY for Codestral, FIM_PROXY_TOKEN for a proxy.
    QString secretEnvironmentVariable() const;
    // Empty when the URL is usable, otherwise why not, in words.
    QString validationError() const;

    static QUrl defaultCodestralUrl() { return QUrl(QStringLiteral("https://codestral.mistral.ai")); }
    static QUrl defaultProxyUrl() { return QUrl(QStringLiteral("http://127.0.0.1:8787")); }

    friend bool operator==(const Endpoint &, const Endpoint &) = default;

private:
    QUrl resolved(const QString &path) const;
};
