#include "context/appcontext.h"
#include "editor/codeeditor.h"
#include "settings/commandline.h"
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
    // Answer --help and --version before QApplication, which needs a display.
    const CommandLineResult commandLine = parsePlaygroundCommandLine(arguments);
    switch (commandLine.action) {
    case CommandLineResult::Action::ShowHelp:
    case CommandLineResult::Action::ShowVersion:
        std::fputs(commandLine.text.toLocal8Bit().constData(), stdout);
        return 0;
    case CommandLineResult::Action::Error:
        std::fprintf(stderr, "fim-playground: %s\n", qPrintable(commandLine.text));
        return 2;
    case CommandLineResult::Action::Run:
        break;
    }

    QApplication app(argc, argv);
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
