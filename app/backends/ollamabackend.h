#pragma once

#include "backends/fimbackend.h"

// Ollama's native API: POST /api/generate {model, prompt, suffix, raw, stream, options}. "stream"
// defaults to true there, so it is always sent. Streams are NDJSON ({response, done:false} lines,
// then {done:true, done_reason, *_count, *_duration in nanoseconds}). "suffix" works only for models
// whose template has it (capability "insert" in /api/show); with a template chosen in the profile
// the playground renders the prompt itself and sends it with "raw": true. Health: /api/version.
// Models: /api/tags, then /api/show per model for its capabilities.
class OllamaBackend final : public FimBackend
{
public:
    EndpointKind kind() const override { return EndpointKind::Ollama; }
    std::optional<WireRequest> buildRequest(const Endpoint &endpoint, const FimRequest &request, QString *error) const override;
    StreamFraming streamFraming() const override { return StreamFraming::Ndjson; }
    std::optional<CompletionBody> parseBody(QByteArrayView body, QString *error) const override;
    std::optional<StreamChunk> parseEvent(QByteArrayView data, QString *error) const override;
    FimError explainError(int status, QByteArrayView body, QByteArrayView retryAfter, const Endpoint &endpoint) const override;
    bool refusesSuffix(int status, QByteArrayView body) const override;

    QUrl healthUrl(const Endpoint &endpoint) const override { return endpoint.url(QStringLiteral("/api/version")); }
    void readHealth(const Endpoint &endpoint, int status, QByteArrayView body, HealthReport &r) const override;
    QUrl modelsUrl(const Endpoint &endpoint) const override { return endpoint.url(QStringLiteral("/api/tags")); }
    std::optional<ModelList> parseModels(QByteArrayView body, QString *error) const override;
    std::pair<QUrl, QByteArray> modelDetailsRequest(const Endpoint &endpoint, const ModelInfo &model) const override;
    void readModelDetails(QByteArrayView body, ModelInfo &model) const override;
};
