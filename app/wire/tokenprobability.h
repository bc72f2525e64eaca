#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

class QJsonArray;
class QJsonValue;

// One generated token with the probability the server gave it, where it gives them (llama.cpp's
// "n_probs", OpenAI-style "logprobs"). Servers send natural-log probabilities; so does this.
struct TokenProbability
{
    // The text this token added to the answer, as the server reports it: the answer's text is these
    // joined. llama-server reports "" for a token it held back (a stop sequence might have begun
    // there) and then gives the held-back text with the token that releases it.
    QString token;
    double logprob = 0; // NaN when the server gave none for this token
    // The likeliest tokens at this step, with their log-probabilities, likeliest first (the chosen
    // token among them when it was likely enough).
    QList<QPair<QString, double>> top;

    double probability() const;

    friend bool operator==(const TokenProbability &, const TokenProbability &) = default;
};

namespace TokenProbabilities {

// llama.cpp's "completion_probabilities" (on /completion and /infill, whole and in each streamed
// event): [{id, token, bytes, logprob, top_logprobs: [{id, token, bytes, logprob}]}].
QList<TokenProbability> fromLlamaCpp(const QJsonArray &array);
// An OpenAI-style completion choice's "logprobs", in either shape: the legacy completions one
// {tokens, token_logprobs, top_logprobs: [{token: logprob}], text_offset} (OpenAI, vLLM) or the
// newer {content: [{token, logprob, top_logprobs: [{token, logprob}]}]} (llama-server's
// /v1/completions). Null or anything else: none.
QList<TokenProbability> fromOpenAi(const QJsonValue &logprobs);

// The probability of a whole suggestion: the geometric mean of its tokens' probabilities,
// exp(mean of their log-probabilities), over the tokens that have one. nullopt without any. The
// one definition the ghost text, Hide below p and the inspector use.
std::optional<double> suggestionProbability(const QList<TokenProbability> &tokens);

} // namespace TokenProbabilities
