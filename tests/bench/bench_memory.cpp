// Memory: resident memory of the playground idle (after 100 completions to warm up), and after
// 10,000 more completions through the editor, the controller and the client, against the fake
// upstream in its own process. The growth should be near zero: every history is bounded.
#include "context/appcontext.h"
#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "settings/commandline.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

namespace {
qint64 residentKiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(1).toLongLong() * 4 : 0;
}

bool completions(AppContext &ctx, MainWindow &window, int count)
{
    for (int i = 0; i < count; ++i) {
        window.completion()->cache().clear(); // every one goes over the wire
        QSignalSpy done(ctx.client(), &FimClient::timingRecorded);
        window.completion()->trigger();
        if (!done.wait(5000))
            return false;
        window.editor()->clearSuggestion();
    }
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QProcess upstream;
    upstream.start(qEnvironmentVariable("FAKE_UPSTREAM_PATH"), {});
    if (!upstream.waitForReadyRead(10000))
        return 1;
    const QByteArray port = upstream.readLine().trimmed();
    QTemporaryDir dir;
    AppContext ctx(SettingsStore(dir.filePath(QStringLiteral("settings.conf"))),
                   SessionStore(dir.filePath(QStringLiteral("session.json"))), dir.filePath(QStringLiteral("history.sqlite")));
    ctx.secrets()->setKeychainEnabled(false);
    MainWindow window(&ctx);
    window.completion()->setAutoTrigger(false);
    window.start(PlaygroundOptions{});
    ctx.useEndpoint(Endpoint{QStringLiteral("fake"), EndpointKind::Proxy,
                             QUrl(QStringLiteral("http://127.0.0.1:") + QString::fromLatin1(port))});
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    QTest::qWait(200);
    if (!completions(ctx, window, 100))
        return 1;
    const qint64 idle = residentKiB();
    const int n = 10000;
    if (!completions(ctx, window, n))
        return 1;
    QTest::qWait(100);
    const qint64 after = residentKiB();
    std::printf("resident memory, whole window with panels (offscreen)\n");
    std::printf("  idle, after 100 completions     %8lld KiB\n", idle);
    std::printf("  after %d more completions   %8lld KiB   growth %+lld KiB (%.3f%%, %.1f bytes per completion)\n", n,
                after, after - idle, 100.0 * double(after - idle) / double(idle), 1024.0 * double(after - idle) / n);
    std::printf("  latency rows kept: %d (bounded at 1000)\n", ctx.latency()->rowCount());
    upstream.kill();
    upstream.waitForFinished();
    return 0;
}
