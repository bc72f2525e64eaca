#pragma once

#include "backends/fimbackend.h"

// OpenAI-style text completions with "suffix": DeepSeek's beta API, Ollama's /v1, LM Studio. The
// base URL is the OpenAI base URL (…/v1, https://api.deepseek.com/beta); a bare host gets /v1.
// Answers carry choices[0].text; streams are SSE ending in [DONE]. Servers that refuse "suffix"
// (vLLM answers 400) need a template chosen in the profile: the prompt then carries the FIM tokens.
class OpenAiBackend final : public FimBackend
{
public:
    EndpointKind kind() const override { return EndpointKind::OpenAi; }
    std::optional<WireRequest> buildRequest(const Endpoint &endpoint, const FimRequest &request, QString *error) const override;
    std::optional<CompletionBody> parseBody(QByteArrayView body, QString *error) const override;
    std::optional<StreamChunk> parseEvent(QByteArrayView data, QString *error) const override;
    FimError explainError(int status, QByteArrayView body, QByteArrayView retryAfter, const Endpoint &endpoint) const override;
    QString answerNote(QByteArrayView requestBody, QByteArrayView answer) const override;
    bool refusesSuffix(int status, QByteArrayView body) const override;

    // No health route in this API: the model list answers, with the key, which is what matters.
    QUrl healthUrl(const Endpoint &endpoint) const override { return modelsUrl(endpoint); }
    QUrl modelsUrl(const Endpoint &endpoint) const override { return route(endpoint, QStringLiteral("/models")); }

private:
    static QUrl route(const Endpoint &endpoint, const QString &path);
};
