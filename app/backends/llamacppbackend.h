#pragma once

#include "backends/fimbackend.h"

// llama.cpp's llama-server. FIM goes to POST /infill (input_prefix, input_suffix, n_predict, ...)
// where the server fills the model's own FIM tokens; with a template chosen in the profile the
// playground renders the prompt and sends it to POST /completion instead. Answers carry "content",
// "stop", "stop_type" and "timings"; streams are SSE whose last event has "stop": true, with no
// [DONE]. /health answers 503 while the model loads; /props gives n_ctx; /infill answers 501 when
// the model has no FIM tokens.
class LlamaCppBackend final : public FimBackend
{
public:
    EndpointKind kind() const override { return EndpointKind::LlamaCpp; }
    std::optional<WireRequest> buildRequest(const Endpoint &endpoint, const FimRequest &request, QString *error) const override;
    std::optional<CompletionBody> parseBody(QByteArrayView body, QString *error) const override;
    std::optional<StreamChunk> parseEvent(QByteArrayView data, QString *error) const override;
    FimError explainError(int status, QByteArrayView body, QByteArrayView retryAfter, const Endpoint &endpoint) const override;
    QString answerNote(QByteArrayView requestBody, QByteArrayView answer) const override;
    BodyFields bodyFields(const QUrl &url) const override;

    QUrl healthUrl(const Endpoint &endpoint) const override { return endpoint.url(QStringLiteral("/health")); }
    void readHealth(const Endpoint &endpoint, int status, QByteArrayView body, HealthReport &r) const override;
    QUrl infoUrl(const Endpoint &endpoint) const override { return endpoint.url(QStringLiteral("/props")); }
    void readInfo(QByteArrayView body, HealthReport &r) const override;
    QUrl modelsUrl(const Endpoint &endpoint) const override { return endpoint.url(QStringLiteral("/v1/models")); }

    // "eos"/"word" → "stop", "limit" → "length" (the names the other formats use).
    static QString finishReason(const QString &stopType);
};
