#include "commandline.h"
#include "completioncontroller.h"
#include "fimclient.h"
#include "mainwindow.h"
#include "secretstore.h"

#include <QApplication>
#include <QIcon>
#include <QNetworkAccessManager>

#include <cstdio>

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

    // The services the widgets are given: one network access manager for every request.
    QNetworkAccessManager network;
    FimClient client(&network);
    SecretStore secrets;
    const PlaygroundOptions &options = commandLine.options;
    Endpoint endpoint{QStringLiteral("Local proxy"), EndpointKind::Proxy, Endpoint::defaultProxyUrl()};
    if (!options.endpointUrl.isEmpty())
        endpoint.baseUrl = QUrl(options.endpointUrl);
    if (!options.kind.isEmpty())
        endpoint.kind = *endpointKindFromName(options.kind);
    else if (endpoint.baseUrl.host().endsWith(u"mistral.ai"))
        endpoint.kind = EndpointKind::Codestral;
    if (endpoint.kind == EndpointKind::Codestral)
        endpoint.name = QStringLiteral("Codestral");
    client.setEndpoint(endpoint, QString());
    secrets.read(endpoint, [&client, endpoint](const QString &secret, const QString &) {
        client.setEndpoint(endpoint, secret);
    });

    MainWindow window(&client);
    FimRequest parameters;
    parameters.model = options.model.isEmpty() && endpoint.kind == EndpointKind::Codestral ? QStringLiteral("codestral-latest")
                                                                                          : options.model;
    parameters.maxTokens = 128;
    parameters.temperature = 0.2;
    window.completion()->setRequestTemplate(parameters);
    window.show();
    return app.exec();
}
