#include "wire/endpoint.h"

#include <QCoreApplication>

namespace {

struct KindInfo
{
    EndpointKind kind;
    const char *name;
    const char *title;
    const char *url;
};

constexpr KindInfo Kinds[] = {
    {EndpointKind::Proxy, "proxy", QT_TRANSLATE_NOOP("Endpoint", "Proxy (the seed Worker or ours)"), "http://127.0.0.1:8787"},
    {EndpointKind::Codestral, "codestral", QT_TRANSLATE_NOOP("Endpoint", "Codestral (Mistral API)"), "https://codestral.mistral.ai"},
    {EndpointKind::LlamaCpp, "llamacpp", QT_TRANSLATE_NOOP("Endpoint", "llama.cpp (llama-server /infill)"), "http://127.0.0.1:8080"},
    {EndpointKind::Ollama, "ollama", QT_TRANSLATE_NOOP("Endpoint", "Ollama (/api/generate)"), "http://127.0.0.1:11434"},
    {EndpointKind::OpenAi, "openai", QT_TRANSLATE_NOOP("Endpoint", "OpenAI-style /v1/completions"), "http://127.0.0.1:1234/v1"},
    {EndpointKind::Replay, "replay", QT_TRANSLATE_NOOP("Endpoint", "Replay from the history (no network)"), "replay://history"},
};

const KindInfo &info(EndpointKind kind)
{
    return Kinds[int(kind)];
}

// Routes users paste as part of the base URL: accepted and cut off.
constexpr const char *KnownRoutes[] = {"/v1/fim/completions", "/v1/completions", "/v1/models", "/health", "/infill",
                                       "/completion", "/props", "/api/generate", "/api/tags", "/api/version"};

} // namespace

QString hostAndPort(const QUrl &url)
{
    return url.host() + QLatin1Char(':') + QString::number(url.port(url.scheme() == u"https" ? 443 : 80));
}

QList<EndpointKind> allEndpointKinds()
{
    QList<EndpointKind> out;
    for (const KindInfo &k : Kinds)
        out.append(k.kind);
    return out;
}

QString endpointKindName(EndpointKind kind)
{
    return QString::fromLatin1(info(kind).name);
}

std::optional<EndpointKind> endpointKindFromName(const QString &name)
{
    for (const KindInfo &k : Kinds)
        if (name == QLatin1StringView(k.name))
            return k.kind;
    return std::nullopt;
}

QString endpointKindTitle(EndpointKind kind)
{
    return QCoreApplication::translate("Endpoint", info(kind).title);
}

QUrl Endpoint::defaultUrl(EndpointKind kind)
{
    return QUrl(QString::fromLatin1(info(kind).url));
}

QString Endpoint::secretEnvironmentVariable() const
{
    switch (kind) {
    case EndpointKind::Codestral: return QStringLiteral("CODESTRAL_API_KEY");
    case EndpointKind::Proxy: return QStringLiteral("FIM_PROXY_TOKEN");
    default: return QStringLiteral("FIM_API_KEY");
    }
}

QString Endpoint::validationError() const
{
    if (baseUrl.isEmpty())
        return QCoreApplication::translate("Endpoint", "The URL is empty.");
    if (!baseUrl.isValid())
        return QCoreApplication::translate("Endpoint", "The URL is not valid: %1").arg(baseUrl.errorString());
    if (kind == EndpointKind::Replay) {
        if (baseUrl.scheme() != u"replay")
            return QCoreApplication::translate("Endpoint", "A replay endpoint's URL is replay://history.");
        return {};
    }
    if (baseUrl.scheme() != u"http" && baseUrl.scheme() != u"https")
        return QCoreApplication::translate("Endpoint", "The URL must start with http:// or https://.");
    if (baseUrl.host().isEmpty())
        return QCoreApplication::translate("Endpoint", "The URL has no host name.");
    if (baseUrl.hasQuery() || baseUrl.hasFragment())
        return QCoreApplication::translate("Endpoint", "The URL must not have a query (?...) or a fragment (#...).");
    return {};
}

QUrl Endpoint::url(const QString &path) const
{
    // A base URL may carry a path prefix (an AI Gateway route, a reverse proxy, /v1): keep it.
    QUrl out = baseUrl;
    QString base = out.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    // Users often paste the full completion URL: accept it as the base.
    for (const char *known : KnownRoutes) {
        if (base.endsWith(QLatin1StringView(known))) {
            base.chop(qsizetype(qstrlen(known)));
            break;
        }
    }
    out.setPath(base + path);
    return out;
}
