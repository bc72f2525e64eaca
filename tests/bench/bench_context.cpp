// Context extraction: the cost of taking the default window (64 KiB before, 16 KiB after the
// cursor) from a 100 KiB and from a 100 MiB document at the same cursor, through the editor's
// QTextDocument adapter. Prints microseconds per extraction and the ratio.
#include "completion/contextextractor.h"
#include "editor/documenttextsource.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTextDocument>

#include <cstdio>

namespace {

double perExtraction(const QTextDocument &doc, int line, int rounds)
{
    const ContextLimits limits;
    qsizetype sink = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rounds; ++i) {
        const FimContext c = ContextExtractor::extract(DocumentTextSource(&doc), line, 4, limits);
        sink += c.prefix.size() + c.suffix.size();
    }
    const double us = double(timer.nsecsElapsed()) / rounds / 1000.0;
    if (sink == 0)
        std::printf("(empty context)\n");
    return us;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QString line = QStringLiteral("    value = compute(value, %1)  # a line of about fifty chars\n");
    QString small;
    while (small.size() < 100 * 1024)
        small += line.arg(small.size() % 997);
    QString big;
    big.reserve(100 * 1024 * 1024 + 4096);
    while (big.size() < 100 * 1024 * 1024)
        big += small;
    QTextDocument smallDoc(small);
    QTextDocument bigDoc(big);
    const int cursorLine = 1000; // the same position in both
    const int rounds = 200;
    perExtraction(smallDoc, cursorLine, 20); // warm up
    perExtraction(bigDoc, cursorLine, 20);
    const double a = perExtraction(smallDoc, cursorLine, rounds);
    const double b = perExtraction(bigDoc, cursorLine, rounds);
    const double c = perExtraction(bigDoc, bigDoc.blockCount() / 2, rounds);
    std::printf("context extraction (64 KiB + 16 KiB window), %d rounds\n", rounds);
    std::printf("  100 KiB document, line %d              %8.1f us\n", cursorLine, a);
    std::printf("  100 MiB document, line %d              %8.1f us   ratio %.2f\n", cursorLine, b, b / a);
    std::printf("  100 MiB document, line %d (middle) %8.1f us   ratio %.2f\n", bigDoc.blockCount() / 2, c, c / a);
    return 0;
}
