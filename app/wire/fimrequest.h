#pragma once

#include "wire/contextchunk.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// One fill-in-the-middle request. Only the fields that are set go on the wire.
struct FimRequest
{
    // The limit sent when nobody chose one (the toolbar's default, fim-complete's): without any,
    // llama-server writes until its context is full.
    static constexpr int DefaultMaxTokens = 128;

    QString model;           // empty: not sent (the seed proxy picks its own)
    QString prompt;          // text before the cursor
    QString suffix;          // text after the cursor
    std::optional<int> maxTokens;
    std::optional<int> minTokens;
    std::optional<double> temperature;
    std::optional<double> topP;
    QStringList stop;
    std::optional<qint64> randomSeed;
    bool stream = false;
    // Ask for each token's probability and this many likeliest alternatives (llama.cpp "n_probs",
    // OpenAI-style "logprobs"). Mistral's format has no such field: toJson() leaves it out.
    std::optional<int> nProbs;
    // Extra context beside prefix and suffix, rendered by each backend in its server's form.
    // toJson() (Mistral's format: Codestral, the proxy) has no field for it: the chunks go before
    // the prompt as comments (ExtraContext::asComments).
    QList<ContextChunk> extra;
    // The edited file's name as the model may read it (a repository prompt names it last), and the
    // line-comment marker of its language; an empty marker: the name's (ExtraContext::commentMarkerFor).
    QString fileName;
    QString commentMarker;

    QString marker() const { return commentMarker.isEmpty() ? ExtraContext::commentMarkerFor(fileName) : commentMarker; }
    // The prompt as a server with no extra-context field reads it: the chunks as comments first.
    QString promptWithExtra() const { return ExtraContext::withComments(extra, marker(), prompt); }

    // Mistral's format; the extra context as comments before the prompt, or, apart (Replay, which
    // matches it against the history), in "context" [{filename, text}], "file" and "comment_marker".
    enum class Extra { AsComments, Apart };
    QByteArray toJson(Extra extraForm = Extra::AsComments) const;
    // A digest of the extra context as it reaches the model (chunks, file name, comment marker);
    // empty without extra context. In the cache key and the history's parameters.
    QString extraDigest() const;
    // The request a toJson() body describes (Mistral's FIM format; "n_probs" or "logprobs" read
    // into nProbs); nullopt with *error when the body is no JSON object or prompt is missing.
    static std::optional<FimRequest> fromJson(const QByteArray &body, QString *error);
    // A short, stable description of everything but prompt and suffix (for cache keys), nProbs
    // included ("n_probs"), and a digest of the extra context when there is some.
    QByteArray parameterKey() const;

    friend bool operator==(const FimRequest &, const FimRequest &) = default;
};
