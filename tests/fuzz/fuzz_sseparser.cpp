// libFuzzer target: the SSE framing parser. The input is split at positions taken from its first
// bytes, and the events must not depend on where the cuts fall.
#include "wire/sseparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));
    const qsizetype cutA = input.isEmpty() ? 0 : data[0] % (input.size() + 1);
    const qsizetype cutB = input.isEmpty() ? 0 : cutA + data[1] % (input.size() - cutA + 1);

    SseParser whole;
    QList<SseEvent> expected = whole.feed(input);
    const bool cutWhole = whole.finish();

    SseParser pieces;
    QList<SseEvent> got = pieces.feed(input.first(cutA));
    got += pieces.feed(input.sliced(cutA, cutB - cutA));
    got += pieces.feed(input.sliced(cutB));
    const bool cutPieces = pieces.finish();
    if (got != expected || cutWhole != cutPieces)
        std::abort();
    return 0;
}
