#pragma once

#include "wire/servertimings.h"
#include "wire/tokenprobability.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

class QJsonObject;

// Token counts when the server reports them.
struct Usage
{
    int promptTokens = -1;
    int completionTokens = -1;
    int totalTokens = -1;

    friend bool operator==(const Usage &, const Usage &) = default;
};

// A whole (non-streamed) answer, whatever the wire format. CompletionParser reads the shapes with
// "choices": Codestral's choices[0].message.content, the seed proxy's and OpenAI's choices[0].text.
struct CompletionBody
{
    QString text;
    QString finishReason;
    QString model;
    std::optional<Usage> usage;
    std::optional<ServerTimings> server;
    QString prompt; // the prompt as the server built it, when it says (llama.cpp)
    QList<TokenProbability> probs; // each token's probability, when asked for and given
};

// One streamed chunk (the data of one SSE event): choices[0].delta.content, or choices[0].text.
struct StreamChunk
{
    QString delta;
    QString finishReason; // empty while the stream goes on
    std::optional<Usage> usage;
    std::optional<ServerTimings> server;
    QString prompt; // the prompt as the server built it, when it says (llama.cpp's last event)
    QList<TokenProbability> probs; // the probabilities of this event's own tokens, when given
    QString model; // the model the server says answered, in the events that name it
    bool end = false; // the server's last chunk (llama.cpp "stop": true, Ollama "done": true)
};

// Parses the answers with "choices" (Mistral, the proxies, OpenAI-style servers).
namespace CompletionParser {

// On failure these return nullopt and put a short reason in *error.
std::optional<CompletionBody> parseBody(QByteArrayView body, QString *error);
std::optional<StreamChunk> parseChunk(QByteArrayView data, QString *error);
// The JSON object in bytes, or nullopt with a short reason in *error: for the other parsers.
std::optional<QJsonObject> parseObject(QByteArrayView bytes, QString *error);

} // namespace CompletionParser
