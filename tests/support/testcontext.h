#pragma once

#include "context/appcontext.h"
#include "settings/translations.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTranslator>

#include <memory>

// An AppContext whose settings, session and history live in a temporary folder (like
// XDG_CONFIG_HOME, XDG_STATE_HOME and XDG_DATA_HOME pointed at a scratch folder), secrets kept in memory instead of the system
// keychain (no secret service runs in CI) and, when given, every profile pointed at a test server.
struct TestContext
{
    QTemporaryDir dir;
    std::unique_ptr<AppContext> context;

    explicit TestContext(const QUrl &serverUrl = {}) { make(serverUrl); }

    QString settingsPath() const { return dir.filePath(QStringLiteral("config/fim-playground/settings.conf")); }
    QString sessionPath() const { return dir.filePath(QStringLiteral("state/fim-playground/session.json")); }
    QString historyPath() const { return dir.filePath(QStringLiteral("data/fim-playground/history.sqlite")); }

    // A new context on the same folders: what the next start of the playground sees.
    void restart(const QUrl &serverUrl = {})
    {
        context.reset();
        make(serverUrl);
    }

private:
    void make(const QUrl &serverUrl)
    {
        // English plural forms ("2 models", not "2 model(s)") as main() installs them, unless the
        // test installed a translation of its own (tst_translation's French).
        if (QCoreApplication *app = QCoreApplication::instance(); app && app->findChildren<QTranslator *>().isEmpty())
            Translations::install(app, QStringLiteral("en"));
        context = std::make_unique<AppContext>(SettingsStore(settingsPath()), SessionStore(sessionPath()), historyPath());
        context->secrets()->setBackend(SecretStore::Backend::Memory);
        // No look for servers on this machine's ports unless a test asks (tst_localservers).
        context->settings().localServersProbed = true;
        if (serverUrl.isValid()) {
            for (Endpoint &e : context->settings().profiles)
                if (e.kind == EndpointKind::Proxy)
                    e.baseUrl = serverUrl;
            context->settings().activeProfile = QStringLiteral("Local proxy");
        }
    }
};
