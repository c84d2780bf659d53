#include "secret_store.h"

#include "secret_store_platform.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>

namespace {

Q_LOGGING_CATEGORY(lcSecrets, "linescope.secrets")

enum class Operation { Write, Read, Remove };

struct Failure
{
    SecretStore::Error error = SecretStore::Error::NoError;
    QString message;
};

QString trimmedDetail(const QString &detail)
{
    QString text = detail.trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (text.isEmpty())
        text = SecretStore::tr("no details were given");
    return text;
}

// The one place where QtKeychain's error codes become SecretStore errors and
// translated, actionable messages. `detail` is QtKeychain's errorString();
// it never contains the secret.
Failure mapKeychainError(QKeychain::Error code, const QString &detail, Operation operation, const QString &key)
{
    // QtKeychain's libsecret backend reports an unreachable Secret Service as
    // OtherError; the platform file recognises those cases.
    if (code == QKeychain::NoBackendAvailable || code == QKeychain::NotImplemented
        || (code == QKeychain::OtherError && isKeychainServiceUnreachable(detail))) {
        return {SecretStore::Error::NoBackendAvailable,
                SecretStore::tr("No OS keychain is available (Secret Service, Windows Credential Manager or macOS "
                                "Keychain). LineScope does not store secrets in files; start a keychain service "
                                "and try again.")};
    }
    switch (code) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return {SecretStore::Error::EntryNotFound,
                SecretStore::tr("The OS keychain has no secret stored under \"%1\". Enter it again and save it.")
                    .arg(key)};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {SecretStore::Error::AccessDenied,
                SecretStore::tr("The OS keychain denied access to \"%1\" (%2). Unlock the keychain or allow "
                                "LineScope to use it, then try again.")
                    .arg(key, trimmedDetail(detail))};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    switch (operation) {
    case Operation::Write:
        return {SecretStore::Error::OtherError,
                SecretStore::tr("Could not store the secret \"%1\" in the OS keychain: %2. Check that the keychain "
                                "is unlocked and try again.")
                    .arg(key, trimmedDetail(detail))};
    case Operation::Read:
        return {SecretStore::Error::OtherError,
                SecretStore::tr("Could not read the secret \"%1\" from the OS keychain: %2. Check that the keychain "
                                "is unlocked and try again.")
                    .arg(key, trimmedDetail(detail))};
    case Operation::Remove:
        break;
    }
    return {SecretStore::Error::OtherError,
            SecretStore::tr("Could not delete the secret \"%1\" from the OS keychain: %2. Check that the keychain "
                            "is unlocked and try again.")
                .arg(key, trimmedDetail(detail))};
}

// Jobs get no parent on purpose: a started job must outlive this object
// because the backend (libsecret, D-Bus) calls back into it. setAutoDelete()
// owns it and deletes it after finished(); the connection's context object
// keeps us from being called after our own destruction.
template<typename JobT>
JobT *createJob(const QString &service, const QString &key)
{
    auto *job = new JobT(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::service() const
{
    return m_service;
}

void SecretStore::write(const QString &key, const QByteArray &secret)
{
    auto *job = createJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finishedJob) {
        if (finishedJob->error() == QKeychain::NoError) {
            Q_EMIT written(key);
            return;
        }
        const Failure failure = mapKeychainError(finishedJob->error(), finishedJob->errorString(), Operation::Write, key);
        qCWarning(lcSecrets) << "keychain write failed for" << key << failure.error << finishedJob->errorString();
        Q_EMIT errorOccurred(key, failure.error, failure.message);
    });
    job->start();
}

void SecretStore::read(const QString &key)
{
    auto *job = createJob<QKeychain::ReadPasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finishedJob) {
        if (finishedJob->error() == QKeychain::NoError) {
            Q_EMIT readFinished(key, static_cast<QKeychain::ReadPasswordJob *>(finishedJob)->binaryData());
            return;
        }
        const Failure failure = mapKeychainError(finishedJob->error(), finishedJob->errorString(), Operation::Read, key);
        if (failure.error != Error::EntryNotFound)
            qCWarning(lcSecrets) << "keychain read failed for" << key << failure.error << finishedJob->errorString();
        Q_EMIT errorOccurred(key, failure.error, failure.message);
    });
    job->start();
}

void SecretStore::remove(const QString &key)
{
    auto *job = createJob<QKeychain::DeletePasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finishedJob) {
        const Failure failure = mapKeychainError(finishedJob->error(), finishedJob->errorString(), Operation::Remove, key);
        // Nothing stored means nothing left to delete: the caller's goal is met.
        if (failure.error == Error::NoError || failure.error == Error::EntryNotFound) {
            Q_EMIT removed(key);
            return;
        }
        qCWarning(lcSecrets) << "keychain delete failed for" << key << failure.error << finishedJob->errorString();
        Q_EMIT errorOccurred(key, failure.error, failure.message);
    });
    job->start();
}
