#pragma once

#include "endpoint.h"

#include <QObject>

#include <functional>

// Where endpoint secrets (Codestral API keys, proxy tokens) live: the system keychain through
// QtKeychain, keyed by profile name. An environment variable (CODESTRAL_API_KEY, FIM_PROXY_TOKEN)
// overrides the keychain, for scripts and CI. Secrets are never written to settings files or logs.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using ReadCallback = std::function<void(const QString &secret, const QString &error)>;
    using WriteCallback = std::function<void(const QString &error)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // The environment's secret for this endpoint's kind, or an empty string.
    static QString fromEnvironment(const Endpoint &endpoint);

    // Calls back (later, on this thread) with the secret, or an empty secret and why. The
    // environment wins; a missing keychain entry is not an error.
    void read(const Endpoint &endpoint, ReadCallback done);
    void write(const QString &profileName, const QString &secret, WriteCallback done);
    void remove(const QString &profileName, WriteCallback done);

    // Turns the keychain off (tests, fim-complete): only the environment is read.
    void setKeychainEnabled(bool enabled) { m_keychainEnabled = enabled; }

private:
    bool m_keychainEnabled = true;
};
