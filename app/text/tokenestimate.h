#pragma once

#include <QtTypes>

// The playground's estimate of a token count where no tokenizer is at hand: 4 characters a token,
// rounded up (as the proxy estimates, proxy/src/usage.ts). The status bar, the Context panel and
// its budget use it; the server's /tokenize replaces it where it can.
namespace TokenEstimate {

constexpr int of(qsizetype chars)
{
    return int((chars + 3) / 4);
}

} // namespace TokenEstimate
