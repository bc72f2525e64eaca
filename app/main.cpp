#include "context/appcontext.h"
#include "editor/codeeditor.h"
#include "settings/commandline.h"
#include "settings/translations.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

namespace {
// For the start-up benchmark (FIM_EXIT_AFTER_FIRST_PAINT=1): quit once the window has painted.
class ExitOnFirstPaint final : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("fim-playground"));
    QCoreApplication::setApplicationName(QStringLiteral("fim-playground"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FIM_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // Answer --help and --version before QApplication, which needs a display: in a QCoreApplication
    // with the translation installed, parsed again so the help is in that language.
    const CommandLineResult commandLine = parsePlaygroundCommandLine(arguments);
    if (commandLine.action != CommandLineResult::Action::Run) {
        QCoreApplication core(argc, argv);
        const QString languageError = Translations::install(&core, commandLine.options.language);
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

    QApplication app(argc, argv);
    const QString languageError = Translations::install(&app, commandLine.options.language);
    if (!languageError.isEmpty())
        std::fprintf(stderr, "fim-playground: %s\n", qPrintable(languageError));
    QApplication::setApplicationDisplayName(QStringLiteral("FIM Playground"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.fim_playground.FimPlayground"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fim-playground.svg")));

    AppContext context; // settings from $XDG_CONFIG_HOME, session from $XDG_STATE_HOME
    MainWindow window(&context);
    window.start(commandLine.options);
    ExitOnFirstPaint exitOnFirstPaint;
    if (qEnvironmentVariableIsSet("FIM_EXIT_AFTER_FIRST_PAINT"))
        window.editor()->viewport()->installEventFilter(&exitOnFirstPaint);
    window.show();
    return app.exec();
}
