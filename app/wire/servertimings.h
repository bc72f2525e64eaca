#pragma once

#include <optional>

#include <QtGlobal>

class QJsonObject;

// What the server says its own work took, where it says so (llama.cpp's "timings", Ollama's
// *_duration fields): always milliseconds here, whatever unit the server used. -1 when not given.
struct ServerTimings
{
    double promptMs = -1;     // evaluating the prompt
    double generationMs = -1; // generating the answer
    int promptTokens = -1;    // prompt tokens evaluated
    int generatedTokens = -1;
    int cachedTokens = -1;    // prompt tokens reused from the server's cache

    // Generated tokens per second, or -1.
    double tokensPerSecond() const
    {
        return generatedTokens >= 0 && generationMs > 0 ? generatedTokens * 1000.0 / generationMs : -1;
    }

    friend bool operator==(const ServerTimings &, const ServerTimings &) = default;
};

// llama-server's "timings" object ({prompt_n, prompt_ms, predicted_n, predicted_ms, cache_n}), on
// /infill, /completion and its OpenAI-style routes alike; nullopt when there is none.
std::optional<ServerTimings> serverTimingsFromLlamaCpp(const QJsonObject &answer);

// {"prompt_ms", "generation_ms", "prompt_tokens", "generated_tokens", "cached_tokens"}; null where
// the server said nothing.
QJsonObject serverTimingsToJson(const ServerTimings &timings);
