#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// Which wire format an endpoint speaks. Each has its backend in app/backends/.
//  Proxy:     the seed Cloudflare Worker or ours: /v1/fim/completions, /health, /v1/models.
//  Codestral: Mistral's API (codestral.mistral.ai or api.mistral.ai); a key is required.
//  LlamaCpp:  llama.cpp's llama-server: /infill, /health, /props.
//  Ollama:    /api/generate (NDJSON), /api/tags, /api/show, /api/version.
//  OpenAi:    OpenAI-style /v1/completions with suffix (DeepSeek beta, Ollama /v1, LM Studio, vLLM).
//  Replay:    no server: answers come from the history (ReplayNetworkAccess serves replay:// URLs in
//             the proxy's format and sends each recorded answer as it came, at its original pace).
enum class EndpointKind { Proxy, Codestral, LlamaCpp, Ollama, OpenAi, Replay };

QList<EndpointKind> allEndpointKinds();
// "proxy", "codestral", "llamacpp", "ollama", "openai", "replay": settings files and --kind.
QString endpointKindName(EndpointKind kind);
std::optional<EndpointKind> endpointKindFromName(const QString &name);
// For menus: "llama.cpp (llama-server)", ...
QString endpointKindTitle(EndpointKind kind);

// "host:port" of a URL, the port filled in from the scheme: how messages name a server.
QString hostAndPort(const QUrl &url);

// An endpoint profile as the user configures it. The secret itself is never stored here: it is
// looked up by SecretStore from the profile's name, or from secretEnvironmentVariable().
struct Endpoint
{
    Endpoint() = default;
    Endpoint(QString name, EndpointKind kind, QUrl baseUrl)
        : name(std::move(name)), kind(kind), baseUrl(std::move(baseUrl))
    {
    }

    QString name;
    EndpointKind kind = EndpointKind::Proxy;
    QUrl baseUrl;
    // How the FIM prompt is built (kinds llamacpp, ollama and openai only):
    //  ""          the server builds it from prefix and suffix (its own FIM template);
    //  "auto"      the playground fills the built-in template chosen from the model's name;
    //  a built-in template's id ("qwen", "starcoder", ...), or "custom" (customTemplate, customStops).
    QString promptTemplate;
    QString customTemplate;
    QStringList customStops;
    // Replay only: how much faster than recorded the answers come (2: twice as fast; 0: at once).
    double replaySpeed = 1.0;

    // The URL of a route under the base URL, keeping a path prefix the base URL may carry.
    QUrl url(const QString &path) const;
    bool requiresSecret() const { return kind == EndpointKind::Codestral; }
    // Whether a template can apply: Codestral and the proxies only take prefix and suffix.
    // Whether its answers carry token probabilities when asked (llama-server's n_probs, OpenAI-style
    // logprobs): Hide below p can judge only these.
    bool givesProbabilities() const { return kind == EndpointKind::LlamaCpp || kind == EndpointKind::OpenAi; }
    bool takesTemplates() const { return kind == EndpointKind::LlamaCpp || kind == EndpointKind::Ollama || kind == EndpointKind::OpenAi; }
    // The model sent when none is chosen: Codestral answers 422 without one; others pick their own.
    QString defaultModel() const { return kind == EndpointKind::Codestral ? QStringLiteral("codestral-latest") : QString(); }
    // Ollama answers 404 without a model: the playground must name one.
    bool needsModel() const { return kind == EndpointKind::Ollama; }
    // CODESTRAL_API_KEY for Codestral, FIM_PROXY_TOKEN for a proxy, FIM_API_KEY for the others.
    QString secretEnvironmentVariable() const;
    // Empty when the URL is usable, otherwise why not, in words.
    QString validationError() const;

    static QUrl defaultUrl(EndpointKind kind);
    static QUrl defaultCodestralUrl() { return defaultUrl(EndpointKind::Codestral); }
    static QUrl defaultProxyUrl() { return defaultUrl(EndpointKind::Proxy); }

    friend bool operator==(const Endpoint &, const Endpoint &) = default;
};
