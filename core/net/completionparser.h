#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

// Token counts when the server reports them.
struct Usage
{
    int promptTokens = -1;
    int completionTokens = -1;
    int totalTokens = -1;

    friend bool operator==(const Usage &, const Usage &) = default;
};

// A whole (non-streamed) answer, in either shape: Codestral's choices[0].message.content or the
// seed proxy's choices[0].text.
struct CompletionBody
{
    QString text;
    QString finishReason;
    QString model;
    std::optional<Usage> usage;
};

// One streamed chunk (the data of one SSE event): choices[0].delta.content, or choices[0].text.
struct StreamChunk
{
    QString delta;
    QString finishReason; // empty while the stream goes on
    std::optional<Usage> usage;
};

namespace CompletionParser {

// On failure these return nullopt and put a short reason in *error.
std::optional<CompletionBody> parseBody(QByteArrayView body, QString *error);
std::optional<StreamChunk> parseChunk(QByteArrayView data, QString *error);

} // namespace CompletionParser
