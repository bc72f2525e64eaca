#include "settings/secretstore.h"

#include <QPointer>
#include <QTimer>

#include <optional>

#include <qt6keychain/keychain.h>

namespace {

const QString Service = QStringLiteral("fim-playground");

// Calls back later, on this thread, unless the context is gone by then.
void later(QObject *owner, QObject *context, std::function<void()> call)
{
    QTimer::singleShot(0, owner, [guard = QPointer<QObject>(context), call = std::move(call)] {
        if (guard)
            call();
    });
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

// SecretStore::fromEnvironment is in secretenvironment.cpp: fim-complete needs it without the keychain.

void SecretStore::read(const Endpoint &endpoint, QObject *context, ReadCallback done)
{
    const QString env = fromEnvironment(endpoint);
    if (env.isEmpty() && m_session.contains(endpoint.name)) {
        later(this, context, [done, secret = m_session.value(endpoint.name)] { done(secret, QString()); });
        return;
    }
    if (!env.isEmpty() || m_backend == Backend::Off || endpoint.name.isEmpty()) {
        later(this, context, [done, env] { done(env, QString()); });
        return;
    }
    readStored(endpoint.name, context, std::move(done));
}

void SecretStore::readStored(const QString &profileName, QObject *context, ReadCallback done)
{
    if (m_backend != Backend::Keychain) {
        const QString secret = m_memory.value(profileName);
        later(this, context, [done, secret] { done(secret, QString()); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(profileName);
    connect(job, &QKeychain::Job::finished, this, [done, guard = QPointer<QObject>(context)](QKeychain::Job *j) {
        if (!guard)
            return;
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

void SecretStore::write(const QString &profileName, const QString &secret, QObject *context, WriteCallback done)
{
    if (m_backend == Backend::Off) {
        later(this, context, [done] { done(tr("The keychain is turned off.")); });
        return;
    }
    if (m_backend == Backend::Memory) {
        m_session.remove(profileName);
        m_memory.insert(profileName, secret);
        later(this, context, [done] { done(QString()); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(profileName);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, profileName, done, guard = QPointer<QObject>(context)](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            m_session.remove(profileName); // stored: the session's copy is no longer the one in use
        if (guard)
            done(j->error() == QKeychain::NoError
                     ? QString()
                     : tr("The secret could not be stored in the system keychain (%1).").arg(j->errorString()));
    });
    job->start();
}

void SecretStore::remove(const QString &profileName, QObject *context, WriteCallback done)
{
    m_session.remove(profileName);
    if (m_backend != Backend::Keychain) {
        m_memory.remove(profileName);
        later(this, context, [done] { done(QString()); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(profileName);
    connect(job, &QKeychain::Job::finished, this, [done, guard = QPointer<QObject>(context)](QKeychain::Job *j) {
        if (guard)
            done(j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound ? QString() : j->errorString());
    });
    job->start();
}

void SecretStore::rename(const QString &from, const QString &to, QObject *context, WriteCallback done)
{
    // A key kept for the session only goes along as it is: it stays the one in use, whatever the
    // keychain holds (writing the stored one under the new name must not drop it).
    std::optional<QString> session;
    if (from != to && m_session.contains(from)) {
        session = m_session.take(from);
        m_session.insert(to, *session);
    }
    if (from == to || m_backend == Backend::Off) {
        later(this, context, [done] { done(QString()); });
        return;
    }
    // Read under the old name, write under the new, then remove the old: never a moment without it.
    readStored(from, this, [this, from, to, session, done, guard = QPointer<QObject>(context)](const QString &secret, const QString &error) {
        if (!error.isEmpty() || secret.isEmpty()) {
            if (guard)
                done(error);
            return;
        }
        write(to, secret, this, [this, from, to, session, done, guard](const QString &writeError) {
            if (session)
                m_session.insert(to, *session);
            if (!writeError.isEmpty()) {
                if (guard)
                    done(writeError);
                return;
            }
            remove(from, this, [done, guard](const QString &removeError) {
                if (guard)
                    done(removeError);
            });
        });
    });
}

// Its meta-object here, not in the one file of all of them: a program that uses none of this class
// (fim-complete) links none of it, nor the keychain behind it.
#include "moc_secretstore.cpp"
