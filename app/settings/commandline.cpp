#include "settings/commandline.h"

#include "settings/translations.h"
#include "wire/endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

CommandLineResult parsePlaygroundCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "FIM Playground: try fill-in-the-middle code completion against a proxy or Codestral."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption endpointOption(
        QStringLiteral("endpoint"), QCoreApplication::translate("main", "Base URL of the endpoint to use."),
        QStringLiteral("url"));
    const QCommandLineOption kindOption(
        QStringLiteral("kind"), QCoreApplication::translate("main", "Endpoint kind: codestral, proxy, llamacpp, ollama, openai or replay (answers from the history; --endpoint replay://history)."),
        QStringLiteral("kind"));
    const QCommandLineOption modelOption(
        QStringLiteral("model"), QCoreApplication::translate("main", "Model to ask for."), QStringLiteral("name"));
    const QCommandLineOption cursorOption(
        QStringLiteral("cursor"),
        QCoreApplication::translate("main", "Place the cursor at LINE:COL (1-based) in the opened file."),
        QStringLiteral("line:col"));
    const QCommandLineOption timingsOption(
        QStringLiteral("timings"),
        QCoreApplication::translate("main", "Print to stderr, once the window has first painted, how long each phase of the start-up took."));
        const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "Show the window in this language (%1) instead of the system's.")
            .arg(Translations::available().join(QStringLiteral(", "))),
        QStringLiteral("code"));
    parser.addOptions({endpointOption, kindOption, modelOption, cursorOption, timingsOption, langOption});
    parser.addPositionalArgument(QStringLiteral("file"), QCoreApplication::translate("main", "File to open."),
                                 QStringLiteral("[file]"));

    CommandLineResult result;
    if (!parser.parse(arguments)) {
        result.action = CommandLineResult::Action::Error;
        result.text = parser.errorText();
        return result;
    }
    result.options.language = parser.value(langOption); // also for --help, which speaks it
    if (parser.isSet(helpOption)) {
        result.action = CommandLineResult::Action::ShowHelp;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.action = CommandLineResult::Action::ShowVersion;
        result.text = QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion()
            + QLatin1Char('\n');
        return result;
    }

    auto fail = [&result](const QString &message) {
        result.action = CommandLineResult::Action::Error;
        result.text = message;
        return result;
    };
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(QCoreApplication::translate("main", "Only one file can be opened, got %1.").arg(positional.size()));
    if (!positional.isEmpty())
        result.options.file = positional.constFirst();

    if (parser.isSet(endpointOption)) {
        const QUrl url(parser.value(endpointOption), QUrl::StrictMode);
        const bool replay = url.scheme() == u"replay";
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https" && !replay) || url.host().isEmpty())
            return fail(QCoreApplication::translate("main", "--endpoint needs an http:// or https:// URL (or replay://history), got \"%1\".")
                            .arg(parser.value(endpointOption)));
        if (replay && parser.isSet(kindOption) && parser.value(kindOption) != u"replay")
            return fail(QCoreApplication::translate("main", "replay://history is the replay's URL: leave out --kind or give --kind replay."));
        result.options.endpointUrl = parser.value(endpointOption);
        if (replay)
            result.options.kind = QStringLiteral("replay");
    }
    if (parser.isSet(kindOption)) {
        const QString kind = parser.value(kindOption);
        if (!endpointKindFromName(kind))
            return fail(QCoreApplication::translate("main", "--kind must be codestral, proxy, llamacpp, ollama, openai or replay, got \"%1\".").arg(kind));
        result.options.kind = kind;
    }
    result.options.model = parser.value(modelOption);
    result.options.timings = parser.isSet(timingsOption);
    if (parser.isSet(cursorOption)) {
        const QStringList parts = parser.value(cursorOption).split(QLatin1Char(':'));
        bool lineOk = false;
        bool columnOk = parts.size() == 1;
        const int line = parts.value(0).toInt(&lineOk);
        const int column = parts.size() == 2 ? parts.at(1).toInt(&columnOk) : 1;
        if (parts.size() > 2 || !lineOk || !columnOk || line < 1 || column < 1)
            return fail(QCoreApplication::translate("main", "--cursor needs LINE:COL with numbers from 1, got \"%1\".")
                            .arg(parser.value(cursorOption)));
        result.options.line = line;
        result.options.column = column;
    }
    return result;
}

bool hasQtGuiOption(const QStringList &arguments)
{
    // QGuiApplication's and QApplication's options (their documentation), X11's included.
    static const QStringList qtOptions{
        QStringLiteral("platform"), QStringLiteral("platformpluginpath"), QStringLiteral("platformtheme"),
        QStringLiteral("plugin"), QStringLiteral("qmljsdebugger"), QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowicon"), QStringLiteral("qwindowtitle"), QStringLiteral("reverse"),
        QStringLiteral("session"), QStringLiteral("display"), QStringLiteral("geometry"), QStringLiteral("style"),
        QStringLiteral("stylesheet"), QStringLiteral("widgetcount"), QStringLiteral("nograb"), QStringLiteral("dograb"),
        QStringLiteral("sync"), QStringLiteral("fn"), QStringLiteral("font"), QStringLiteral("bg"),
        QStringLiteral("background"), QStringLiteral("fg"), QStringLiteral("foreground"), QStringLiteral("btn"),
        QStringLiteral("button"), QStringLiteral("name"), QStringLiteral("title"), QStringLiteral("visual"),
        QStringLiteral("ncols"), QStringLiteral("cmap"), QStringLiteral("im"), QStringLiteral("inputstyle")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--")
            return false; // what follows is files
        if (!a.startsWith(u'-') || a.size() < 2)
            continue;
        QStringView name = QStringView(a).mid(a.startsWith(u"--") ? 2 : 1);
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0)
            name = name.first(eq);
        if (qtOptions.contains(name))
            return true;
    }
    return false;
}
