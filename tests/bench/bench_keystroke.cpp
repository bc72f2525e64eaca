// Keystroke path: what one key press costs, from the key event to the repaint, in a small and a
// 20,000-line Python document, typing normally, typing through a suggestion on screen, and typing
// with the window sent shaded (text above and below it faded, the gutter bracket), and with the
// context lab gathering (a 16-chunk ring full, recent edits followed). Prints
// microseconds per key, the large/small ratio and the shaded/plain ratio, each measured in this
// run; it passes or fails on nothing but crashes.
#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "history/historywriter.h"
#include "net/fimclient.h"
#include "window/contextcollector.h"

#include <KSyntaxHighlighting/Repository>

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

QString pythonDocument(int lines)
{
    QString text;
    for (int i = 0; text.count(QLatin1Char('\n')) < lines; ++i)
        text += QStringLiteral("def function_%1(a, b):\n    \"\"\"Add two numbers.\"\"\"\n    return a + b  # %1\n\n").arg(i);
    return text;
}

// Median microseconds per key over several rounds of `keys` key presses.
// perKey: run after every key press (the history's writes, for instance).
double measure(CodeEditor &editor, bool withSuggestion, int keys, const std::function<void()> &perKey = {})
{
    std::vector<double> rounds;
    for (int round = 0; round < 5; ++round) {
        QTextCursor c(editor.document()->findBlockByNumber(editor.document()->blockCount() / 2));
        c.movePosition(QTextCursor::EndOfBlock);
        editor.setTextCursor(c);
        const QString suggestion(keys + 1, QLatin1Char('x'));
        if (withSuggestion)
            editor.showSuggestion(c.position(), suggestion);
        QCoreApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        qint64 eventNs = 0;
        for (int i = 0; i < keys; ++i) {
            QElapsedTimer keyTimer;
            keyTimer.start();
            QTest::keyClick(&editor, Qt::Key_X);
            if (perKey)
                perKey();
            eventNs += keyTimer.nsecsElapsed();
            QCoreApplication::processEvents(); // layout and paint, as the event loop would
        }
        rounds.push_back(double(timer.nsecsElapsed()) / keys / 1000.0);
        if (round == 0)
            std::printf("    (key handling without painting: %.1f us/key)\n", double(eventNs) / keys / 1000.0);
        editor.clearSuggestion();
        for (int i = 0; i < keys; ++i)
            QTest::keyClick(&editor, Qt::Key_Backspace);
    }
    std::sort(rounds.begin(), rounds.end());
    return rounds[rounds.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    KSyntaxHighlighting::Repository repository;
    QNetworkAccessManager network;
    FimClient client(&network);
    const int keys = 400;
    std::printf("keystroke cost: median of 5 rounds of %d keys, key event to repaint, Python highlighting\n", keys);
    double small[2] = {0, 0};
    for (int lines : {50, 20000}) {
        CodeEditor editor(&repository);
        editor.setDefinitionForFileName(QStringLiteral("bench.py"));
        editor.setPlainText(pythonDocument(lines));
        editor.resize(900, 700);
        CompletionController controller(&editor, &client); // restarts its debounce on every key
        controller.setDebounce(60000);
        editor.show();
        (void)QTest::qWaitForWindowExposed(&editor);
        double plain = 0;
        for (bool withSuggestion : {false, true}) {
            editor.setShowSentWindow(false);
            const double us = measure(editor, withSuggestion, keys);
            const char *what = withSuggestion ? "typing through a suggestion" : "typing";
            if (!withSuggestion)
                plain = us;
            if (lines == 50) {
                small[withSuggestion] = us;
                std::printf("  %6d lines  %-28s %8.1f us/key\n", editor.blockCount(), what, us);
            } else {
                std::printf("  %6d lines  %-28s %8.1f us/key   ratio to 50 lines %.2f\n", editor.blockCount(), what, us,
                            us / small[withSuggestion]);
            }
        }
        // The window of a request around the cursor's line, cut on both sides within the view.
        const int middle = editor.document()->blockCount() / 2;
        QTextDocument *doc = editor.document();
        editor.setSentWindow(doc->findBlockByNumber(middle - 8).position(), doc->findBlockByNumber(middle + 6).position());
        editor.setShowSentWindow(true);
        const double shaded = measure(editor, false, keys);
        std::printf("  %6d lines  %-28s %8.1f us/key   ratio to typing unshaded %.2f\n", editor.blockCount(),
                    "typing, window sent shaded", shaded, shaded / plain);
        editor.setShowSentWindow(false);
        // The Context lab on: a full ring of 16 chunks of 64 lines, recent edits followed per key;
        // against the same editor without it, measured before and after (the mean of the two).
        {
            const double before = measure(editor, false, keys);
            auto collector = std::make_unique<ContextCollector>(&editor, nullptr);
            for (int i = 0; collector->ring().chunks().size() < ContextRing::DefaultCapacity; ++i) {
                ContextItem chunk;
                chunk.filename = QStringLiteral("other_%1.py").arg(i);
                for (int line = 0; line < ContextRing::DefaultChunkLines; ++line)
                    chunk.text += QStringLiteral("value_%1_%2 = %2\n").arg(i).arg(line);
                collector->ring().add(chunk);
            }
            const double ring = measure(editor, false, keys);
            collector.reset();
            const double after = measure(editor, false, keys);
            std::printf("  %6d lines  %-28s %8.1f us/key   ratio to no ring (%.1f us/key, same run) %.2f\n", editor.blockCount(),
                        "typing, 16-chunk ring", ring, (before + after) / 2, ring / ((before + after) / 2));
        }
        // History on: one whole exchange (4 KiB of answer) written per key, far more than typing
        // ever causes; the writes go to SQLite on the writer's thread.
        QTemporaryDir dir;
        HistoryWriter history(dir.filePath(QStringLiteral("history.sqlite")), 100000);
        HistoryRecord record;
        record.time = QDateTime::currentDateTimeUtc();
        record.prefix = pythonDocument(40);
        record.suffix = pythonDocument(10);
        record.rawAnswer = QByteArray(4096, 'x');
        const double off = measure(editor, false, keys);
        const double on = measure(editor, false, keys, [&history, &record] { history.record(record); });
        history.flush();
        std::printf("  %6d lines  %-28s %8.1f us/key   ratio to history off (%.1f us/key, same run) %.2f\n",
                    editor.blockCount(), "typing, history on", on, off, on / off);
    }
    return 0;
}
