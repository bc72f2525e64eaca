#include "secretstore.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

namespace {
const QString Service = QStringLiteral("fim-playground");
}

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::fromEnvironment(const Endpoint &endpoint)
{
    return qEnvironmentVariable(endpoint.secretEnvironmentVariable().toLatin1().constData()).trimmed();
}

void SecretStore::read(const Endpoint &endpoint, ReadCallback done)
{
    const QString env = fromEnvironment(endpoint);
    if (!env.isEmpty() || !m_keychainEnabled || endpoint.name.isEmpty()) {
        QTimer::singleShot(0, this, [done, env] { done(env, QString()); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(endpoint.name);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::NoError)
            done(readJob->textData(), QString());
        else if (j->error() == QKeychain::EntryNotFound)
            done(QString(), QString());
        else
            done(QString(), tr("The system keychain could not be read (%1). Set the environment variable instead.")
                                .arg(j->errorString()));
    });
    job->start();
}

void SecretStore::write(const QString &profileName, const QString &secret, WriteCallback done)
{
    if (!m_keychainEnabled) {
        QTimer::singleShot(0, this, [done] { done(tr("The keychain is turned off.")); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(profileName);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError
                 ? QString()
                 : tr("The secret could not be stored in the system keychain (%1).").arg(j->errorString()));
    });
    job->start();
}

void SecretStore::remove(const QString &profileName, WriteCallback done)
{
    if (!m_keychainEnabled) {
        QTimer::singleShot(0, this, [done] { done(QString()); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(profileName);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound ? QString() : j->errorString());
    });
    job->start();
}
