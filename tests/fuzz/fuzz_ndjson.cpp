// libFuzzer target: the NDJSON framing (Ollama's streams) and every backend's event and body
// readers. Invariants: the lines a stream splits into do not depend on how the bytes were cut into
// network reads; no reader crashes, hangs or leaks on any line.
#include "backends/fimbackend.h"
#include "wire/ndjsonparser.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    NdjsonParser whole;
    QList<QByteArray> expected = whole.feed(input);
    if (const QByteArray last = whole.finish(); !last.isEmpty())
        expected.append(last);

    // The same bytes cut where the input itself says (its bytes as cut lengths).
    NdjsonParser pieces;
    QList<QByteArray> got;
    qsizetype pos = 0;
    for (qsizetype i = 0; pos < input.size(); ++i) {
        const qsizetype len = std::min<qsizetype>(input.size() - pos, 1 + (size > 0 ? data[i % size] % 7 : 0));
        got += pieces.feed(input.sliced(pos, len));
        pos += len;
    }
    if (const QByteArray last = pieces.finish(); !last.isEmpty())
        got.append(last);
    if (!whole.overflowed() && !pieces.overflowed() && got != expected)
        __builtin_trap();

    QString error;
    for (const EndpointKind kind : allEndpointKinds()) {
        const FimBackend &backend = FimBackend::forKind(kind);
        for (const QByteArray &line : std::as_const(expected))
            (void)backend.parseEvent(line, &error);
        (void)backend.parseBody(input, &error);
        (void)backend.parseModels(input, &error);
        HealthReport r;
        backend.readHealth(Endpoint(QStringLiteral("f"), kind, QUrl(QStringLiteral("http://fuzz.example"))), 200, input, r);
        backend.readInfo(input, r);
        ModelInfo m;
        backend.readModelDetails(input, m);
        const FimError e = backend.explainError(400 + (size > 0 ? data[0] % 200 : 100), input, {},
                                                Endpoint(QStringLiteral("f"), kind, QUrl(QStringLiteral("http://fuzz.example"))));
        if (e.message.isEmpty())
            __builtin_trap();
    }
    return 0;
}
