#pragma once

#include "wire/endpoint.h"

#include <QHash>
#include <QObject>

#include <functional>

// Where endpoint secrets (Codestral API keys, proxy tokens) live: the system keychain through
// QtKeychain, keyed by profile name. An environment variable (CODESTRAL_API_KEY, FIM_PROXY_TOKEN)
// overrides the keychain, for scripts and CI. Secrets are never written to settings files or logs.
//
// Every call answers later, on this thread, through its callback, and only while the context
// object given with it is alive: a dialog closed before the keychain answers is never called.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using ReadCallback = std::function<void(const QString &secret, const QString &error)>;
    using WriteCallback = std::function<void(const QString &error)>;

    // Keychain: the system's (the default). Memory: this process only (tests, where no secret
    // service runs). Off: nothing is kept; only the environment is read (fim-complete).
    enum class Backend { Keychain, Memory, Off };

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // The environment's secret for this endpoint's kind, or an empty string.
    static QString fromEnvironment(const Endpoint &endpoint);

    // The secret, or an empty secret and why. The environment wins; a missing entry is no error.
    void read(const Endpoint &endpoint, QObject *context, ReadCallback done);
    void write(const QString &profileName, const QString &secret, QObject *context, WriteCallback done);
    void remove(const QString &profileName, QObject *context, WriteCallback done);
    // A profile was renamed: its secret moves with it (nothing happens when it has none).
    void rename(const QString &from, const QString &to, QObject *context, WriteCallback done);
    // A secret the keychain would not store, kept in this process's memory for this session only
    // (the user chose so): read() answers it until the playground quits, or until it is stored,
    // removed or renamed. Never written anywhere.
    void keepForSession(const QString &profileName, const QString &secret) { m_session.insert(profileName, secret); }

    void setBackend(Backend backend) { m_backend = backend; }
    Backend backend() const { return m_backend; }
    void setKeychainEnabled(bool enabled) { m_backend = enabled ? Backend::Keychain : Backend::Off; }

private:
    void readStored(const QString &profileName, QObject *context, ReadCallback done);

    Backend m_backend = Backend::Keychain;
    QHash<QString, QString> m_memory;
    QHash<QString, QString> m_session; // keepForSession()
};
