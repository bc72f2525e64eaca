#pragma once

#include "backends/fimbackend.h"

// Mistral's FIM wire format, spoken by Codestral (codestral.mistral.ai, api.mistral.ai) and by the
// proxies in front of it (the seed Worker, ours): POST /v1/fim/completions, answers with
// "choices", SSE streams ending in [DONE]. The two kinds differ in health and models: a proxy has
// /health; Codestral is judged by /v1/models, which codestral.mistral.ai may not have. A replay
// endpoint (ReplayNetworkAccess) is asked like a proxy, with the profile's speed in the URL.
class MistralBackend final : public FimBackend
{
public:
    explicit MistralBackend(EndpointKind kind) : m_kind(kind) {}

    EndpointKind kind() const override { return m_kind; }
    std::optional<WireRequest> buildRequest(const Endpoint &endpoint, const FimRequest &request, QString *error) const override;
    std::optional<CompletionBody> parseBody(QByteArrayView body, QString *error) const override;
    std::optional<StreamChunk> parseEvent(QByteArrayView data, QString *error) const override;
    FimError explainError(int status, QByteArrayView body, QByteArrayView retryAfter, const Endpoint &endpoint) const override;

    QUrl healthUrl(const Endpoint &endpoint) const override;
    void readHealth(const Endpoint &endpoint, int status, QByteArrayView body, HealthReport &r) const override;
    QUrl modelsUrl(const Endpoint &endpoint) const override { return endpoint.url(QStringLiteral("/v1/models")); }
    std::optional<ModelList> modelsWhenMissing() const override;
    // A proxy's /v1/usage (ours, for a member's token): today's requests and tokens against the quota.
    QUrl infoUrl(const Endpoint &endpoint) const override;
    void readInfo(QByteArrayView body, HealthReport &r) const override;
    bool infoChanges() const override { return m_kind == EndpointKind::Proxy; }

private:
    EndpointKind m_kind;
};
