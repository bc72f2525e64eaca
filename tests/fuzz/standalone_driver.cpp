// Runs a libFuzzer target without libFuzzer (any compiler): every file of the corpus folder given
// as the first argument, then a fixed number of deterministic mutations of them. Used by the
// ordinary test run; the real fuzzing runs under clang with the "fuzz" preset.
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR [ITERATIONS]\n", argv[0]);
        return 2;
    }
    const int iterations = argc > 2 ? std::atoi(argv[2]) : 20000;
    QList<QByteArray> corpus;
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            corpus << f.readAll();
    }
    if (corpus.isEmpty()) {
        std::fprintf(stderr, "no corpus files in %s\n", argv[1]);
        return 2;
    }
    for (const QByteArray &input : std::as_const(corpus))
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
    QRandomGenerator rng(12345);
    for (int i = 0; i < iterations; ++i) {
        QByteArray input = corpus.at(int(rng.bounded(corpus.size())));
        const int edits = 1 + int(rng.bounded(8));
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = input.isEmpty() ? 0 : qsizetype(rng.bounded(int(input.size())));
            switch (rng.bounded(4)) {
            case 0: if (!input.isEmpty()) input[at] = char(rng.bounded(256)); break;
            case 1: input.insert(at, char(rng.bounded(256))); break;
            case 2: input.remove(at, 1 + qsizetype(rng.bounded(16))); break;
            default: input.insert(at, corpus.at(int(rng.bounded(corpus.size()))).left(qsizetype(rng.bounded(64)))); break;
            }
        }
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
    }
    std::printf("%d corpus inputs and %d mutations ran clean\n", int(corpus.size()), iterations);
    return 0;
}
