#include "context/appcontext.h"
#include "context/startuptimings.h"
#include "editor/codeeditor.h"
#include "settings/commandline.h"
#include "settings/sessionstore.h"
#include "settings/translations.h"
#include "window/mainwindow.h"
#include "window/standardiconcache.h"
#include "window/syntaxwarmup.h"

#include <KSyntaxHighlighting/Repository>

#include <QApplication>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QIcon>
#include <QStyle>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <future>
#include <memory>
#include <optional>

namespace {
// At the editor's first paint: --timings prints where the start-up went (once the frame is done),
// and the start-up benchmark (FIM_EXIT_AFTER_FIRST_PAINT=1) quits.
class FirstPaint final : public QObject
{
public:
    FirstPaint(bool printTimings, bool quit)
        : m_print(printTimings)
        , m_quit(quit)
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            watched->removeEventFilter(this);
            StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "show to the editor's first paint event"));
            QTimer::singleShot(0, this, [this] {
                StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "first paint (the frame done)"));
                // The start-up benchmark: when the frame was done, by the system clock (before the
                // report is written, as the bare window, which writes none, says it).
                const auto done = std::chrono::system_clock::now().time_since_epoch();
                if (m_print)
                    std::fputs(StartupTimings::instance().report().toLocal8Bit().constData(), stderr);
                if (m_quit) {
                    std::fprintf(stderr, "first paint at %lld\n", static_cast<long long>(std::chrono::nanoseconds(done).count()));
                    QCoreApplication::quit();
                }
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_print;
    bool m_quit;
    bool m_done = false;
};
} // namespace

int main(int argc, char *argv[])
{
    // --timings: counted from here (the parser below comes after the first phase's end).
    if (std::any_of(argv + 1, argv + argc, [](const char *a) { return std::strcmp(a, "--timings") == 0; }))
        StartupTimings::instance().start();
    QCoreApplication::setOrganizationName(QStringLiteral("fim-playground"));
    QCoreApplication::setApplicationName(QStringLiteral("fim-playground"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FIM_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // Answer --help and --version before QApplication, which needs a display: in a QCoreApplication
    // with the translation installed, parsed again so the help is in that language. Qt's own options
    // (-style, -platform, -reverse, ...) are QApplication's: with one, it is made first and takes them.
    std::optional<QApplication> app;
    CommandLineResult commandLine = parsePlaygroundCommandLine(arguments);
    if (commandLine.action == CommandLineResult::Action::Error && hasQtGuiOption(arguments)) {
        app.emplace(argc, argv);
        arguments = QCoreApplication::arguments();
        commandLine = parsePlaygroundCommandLine(arguments);
    }
    if (commandLine.action != CommandLineResult::Action::Run) {
        std::optional<QCoreApplication> core;
        if (!QCoreApplication::instance())
            core.emplace(argc, argv);
        const QString languageError = Translations::install(QCoreApplication::instance(), commandLine.options.language);
        if (!languageError.isEmpty())
            std::fprintf(stderr, "fim-playground: %s\n", qPrintable(languageError));
        const CommandLineResult translated = parsePlaygroundCommandLine(arguments);
        if (translated.action == CommandLineResult::Action::Error) {
            std::fprintf(stderr, "fim-playground: %s\n", qPrintable(translated.text));
            return 2;
        }
        std::fputs(translated.text.toLocal8Bit().constData(), stdout);
        return 0;
    }
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "command line"));
    // The syntax definitions' and themes' headers, the themes' colours and the definition the editor
    // opens with are read on another thread while Qt starts; the window takes them when it is built.
    QThread *mainThread = QThread::currentThread();
    std::future<std::unique_ptr<KSyntaxHighlighting::Repository>> repository =
        std::async(std::launch::async, [mainThread, file = commandLine.options.file, session = SessionStore::defaultPath()] {
            std::unique_ptr<KSyntaxHighlighting::Repository> r = SyntaxWarmUp::load(file, session);
            r->moveToThread(mainThread);
            return r;
        });

    if (!app)
        app.emplace(argc, argv);
    QApplication::setStyle(new StandardIconCache(QApplication::style())); // the docks' icons made once
    const QString languageError = Translations::install(&*app, commandLine.options.language);
    if (!languageError.isEmpty())
        std::fprintf(stderr, "fim-playground: %s\n", qPrintable(languageError));
    QApplication::setApplicationDisplayName(QStringLiteral("FIM Playground"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.fim_playground.FimPlayground"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fim-playground.svg")));
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "QApplication"));
    // The font database and the editor's font (the editor's first use would load them otherwise).
    (void)QFontMetricsF(QFontDatabase::systemFont(QFontDatabase::FixedFont)).height();
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "fonts"));

    AppContext context; // settings from $XDG_CONFIG_HOME, session from $XDG_STATE_HOME
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "services (network, client, health, models)"));
    MainWindow window(&context, [&repository] {
        std::unique_ptr<KSyntaxHighlighting::Repository> definitions = repository.get();
        StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "KSyntaxHighlighting Repository"));
        return definitions;
    });
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "window construction"));
    window.start(commandLine.options);
    FirstPaint firstPaint(commandLine.options.timings, qEnvironmentVariableIsSet("FIM_EXIT_AFTER_FIRST_PAINT"));
    if (commandLine.options.timings || qEnvironmentVariableIsSet("FIM_EXIT_AFTER_FIRST_PAINT"))
        window.editor()->viewport()->installEventFilter(&firstPaint);
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "window start"));
    window.show();
    StartupTimings::mark(QT_TRANSLATE_NOOP("StartupTimings", "show (polish, layout, platform window)"));
    return QApplication::exec();
}
