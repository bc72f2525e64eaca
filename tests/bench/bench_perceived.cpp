// Perceived latency: the whole window driven by key events against the fake upstream (its own
// process) answering in 300 ms. Prints, each as a ratio against the upstream's own answer time as
// the client saw it in this run:
// - pause-to-ghost: last key to the first ghost character painted, fixed (350 ms) vs adaptive
//   debounce;
// - accept-to-next: Tab to the next suggestion painted, without and with the request asked ahead;
// - requests per 100 typed characters for each mode (the cost of speed).
// Measures and prints; passes or fails on nothing but a run that cannot finish.
#include "context/appcontext.h"
#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "settings/commandline.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr int UpstreamMs = 300;
constexpr int Rounds = 8;
// A typing rhythm, the same for every mode: gaps between keys in milliseconds.
constexpr int Gaps[] = {95, 130, 110, 160, 100, 125, 145, 90, 120, 170, 105, 135};
const QString Typed = QStringLiteral("total = values");

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Notes the moment the editor's viewport is painted with a suggestion on it.
class PaintWatch final : public QObject
{
public:
    explicit PaintWatch(CodeEditor *editor)
        : m_editor(editor)
    {
        editor->viewport()->installEventFilter(this);
    }
    void arm(const QElapsedTimer *clock)
    {
        m_clock = clock;
        m_paintedMs = -1;
    }
    // Waits for the paint; -1 after 5 s.
    double wait()
    {
        QElapsedTimer limit;
        limit.start();
        while (m_paintedMs < 0 && limit.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        return m_paintedMs;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_clock && m_paintedMs < 0 && m_editor->hasSuggestion()) {
            // After the paint itself: the ghost text is on the screen then.
            m_editor->viewport()->removeEventFilter(this);
            const bool handled = QCoreApplication::sendEvent(m_editor->viewport(), event);
            m_paintedMs = double(m_clock->nsecsElapsed()) / 1e6;
            m_editor->viewport()->installEventFilter(this);
            return handled;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    CodeEditor *m_editor;
    const QElapsedTimer *m_clock = nullptr;
    double m_paintedMs = -1;
};

struct Typing
{
    std::vector<double> pauseToGhost;
    int requests = 0;
    int chars = 0;
};

// Types Typed at the rhythm in a fresh function each round, then waits for the ghost text.
Typing typeAndPause(MainWindow &window, PaintWatch &watch, int rounds, int &roundBase)
{
    Typing out;
    CompletionController *completion = window.completion();
    QSignalSpy started(completion, &CompletionController::requestStarted);
    QSignalSpy ahead(completion, &CompletionController::prefetchStarted);
    for (int r = 0; r < rounds; ++r, ++roundBase) {
        window.loadText(QStringLiteral("def mean_%1(values):\n    \n").arg(roundBase), 23 + int(QString::number(roundBase).size()),
                        QStringLiteral("stats.py"));
        completion->cache().clear();
        QTest::qWait(50);
        started.clear();
        ahead.clear();
        QElapsedTimer clock;
        for (qsizetype i = 0; i < Typed.size(); ++i) {
            QTest::keyClick(window.editor(), Typed.at(i).toLatin1());
            if (i + 1 < Typed.size())
                QTest::qWait(Gaps[i % std::size(Gaps)]);
        }
        clock.start();
        watch.arm(&clock);
        out.pauseToGhost.push_back(watch.wait());
        QTest::qWait(UpstreamMs + 100); // what was asked ahead comes, and counts
        out.requests += int(started.size() + ahead.size());
        out.chars += int(Typed.size());
        window.editor()->clearSuggestion();
    }
    return out;
}

// Shows a suggestion, lets the user read it for a second, then Tab: to the next one painted.
std::vector<double> acceptToNext(MainWindow &window, PaintWatch &watch, int rounds, int &roundBase)
{
    std::vector<double> out;
    CompletionController *completion = window.completion();
    for (int r = 0; r < rounds; ++r, ++roundBase) {
        window.loadText(QStringLiteral("def mean_%1(values):\n    \n").arg(roundBase), 23 + int(QString::number(roundBase).size()),
                        QStringLiteral("stats.py"));
        completion->cache().clear();
        QSignalSpy shown(completion, &CompletionController::suggestionShown);
        completion->trigger(true);
        if (!shown.wait(5000))
            return {};
        QTest::qWait(1000); // reading it
        QElapsedTimer clock;
        clock.start();
        watch.arm(&clock);
        QTest::keyClick(window.editor(), Qt::Key_Tab);
        out.push_back(watch.wait());
        window.editor()->clearSuggestion();
        QTest::qWait(UpstreamMs + 100);
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QProcess upstream;
    upstream.start(qEnvironmentVariable("FAKE_UPSTREAM_PATH"), {QStringLiteral("--delay"), QString::number(UpstreamMs)});
    if (!upstream.waitForReadyRead(10000))
        return 1;
    const QByteArray port = upstream.readLine().trimmed();
    QTemporaryDir dir;
    AppContext ctx(SettingsStore(dir.filePath(QStringLiteral("settings.conf"))),
                   SessionStore(dir.filePath(QStringLiteral("session.json"))), QString());
    ctx.secrets()->setKeychainEnabled(false);
    MainWindow window(&ctx);
    window.start(PlaygroundOptions{});
    ctx.useEndpoint(Endpoint{QStringLiteral("fake"), EndpointKind::Proxy,
                             QUrl(QStringLiteral("http://127.0.0.1:") + QString::fromLatin1(port))});
    window.resize(1000, 700);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    window.activateWindow();
    window.editor()->setFocus();
    QTest::qWait(300);
    std::vector<double> answered; // the upstream's own time, as the client saw it
    QObject::connect(ctx.client(), &FimClient::timingRecorded, &app, [&](const RequestTiming &t) {
        if (t.outcome == RequestTiming::Outcome::Ok)
            answered.push_back(t.totalMs);
    });

    CompletionController *completion = window.completion();
    PaintWatch watch(window.editor());
    int round = 0;
    completion->setAutoTrigger(true);
    completion->setDebounce(350);

    completion->setPrefetch(false);
    completion->setAdaptiveDebounce(false);
    const Typing fixed = typeAndPause(window, watch, Rounds, round);
    completion->setAdaptiveDebounce(true, 100, 1000);
    (void)typeAndPause(window, watch, 1, round); // it learns the rhythm first
    const Typing adaptive = typeAndPause(window, watch, Rounds, round);
    const int adaptiveWait = completion->currentDebounce();
    completion->setPrefetch(true);
    const Typing withPrefetch = typeAndPause(window, watch, Rounds, round);

    completion->setPrefetch(false);
    const std::vector<double> tabNew = acceptToNext(window, watch, Rounds, round);
    completion->setPrefetch(true);
    const std::vector<double> tabAhead = acceptToNext(window, watch, Rounds, round);
    if (tabNew.empty() || tabAhead.empty())
        return 1;

    const double upstreamMs = median(answered);
    auto ratio = [&](double ms) { return ms / upstreamMs; };
    const double pf = median(fixed.pauseToGhost), pa = median(adaptive.pauseToGhost);
    const double tn = median(tabNew), ta = median(tabAhead);
    std::printf("perceived latency, whole window (offscreen), fake upstream answering in %d ms; %d rounds each, medians\n",
                UpstreamMs, Rounds);
    std::printf("  the upstream's own answer, as the client saw it: %.1f ms (the baseline of the ratios)\n", upstreamMs);
    std::printf("  pause-to-ghost  fixed 350 ms debounce %7.1f ms (%.2f x)   adaptive (now %d ms) %7.1f ms (%.2f x)   adaptive/fixed %.2f\n",
                pf, ratio(pf), adaptiveWait, pa, ratio(pa), pa / pf);
    std::printf("  accept-to-next  new request after Tab %7.1f ms (%.2f x)   asked ahead %7.1f ms (%.2f x)\n", tn, ratio(tn), ta,
                ratio(ta));
    auto per100 = [](const Typing &t) { return t.chars > 0 ? 100.0 * t.requests / t.chars : 0.0; };
    std::printf("  requests per 100 typed characters  fixed %.1f   adaptive %.1f   adaptive + asked ahead %.1f\n", per100(fixed),
                per100(adaptive), per100(withPrefetch));
    upstream.kill();
    upstream.waitForFinished();
    return 0;
}
