#include "certificate_vault.h"

#include "certificate_vault_job.h"
#include "certificate_vault_job_p.h"
#include "openssl_util_p.h"
#include "profiles/secret_store.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

namespace {

Q_LOGGING_CATEGORY(lcVault, "linescope.vault")

using Error = CertificateVault::Error;
using Operation = CertificateVaultJob::Operation;

const QString ReplacementsGroup = QStringLiteral("replacements");
const QString PendingKey = QStringLiteral("pendingReplacement");
constexpr int IdLength = 16;
// Replacement chains longer than this are treated as broken (a cycle).
constexpr int MaxReplacementHops = 32;

bool isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{16}$"));
    return pattern.match(id).hasMatch();
}

struct KeychainAnswer
{
    bool ok = false;
    QByteArray secret;
    SecretStore::Error error = SecretStore::Error::NoError;
    QString message;
};

// Runs one SecretStore call for a job and hands its single answer to next.
// Each job has its own SecretStore, so answers cannot mix between jobs.
void askKeychain(SecretStore *store, QObject *context, const QString &key, const std::function<void()> &call,
                 const std::function<void(const KeychainAnswer &)> &next)
{
    auto connections = std::make_shared<std::vector<QMetaObject::Connection>>();
    auto answered = std::make_shared<bool>(false);
    const auto answer = [connections, answered, next](const KeychainAnswer &result) {
        if (*answered) {
            return;
        }
        *answered = true;
        for (const QMetaObject::Connection &connection : *connections) {
            QObject::disconnect(connection);
        }
        next(result);
    };
    connections->push_back(QObject::connect(store, &SecretStore::written, context, [key, answer](const QString &k) {
        if (k == key) {
            answer({true, {}, SecretStore::Error::NoError, {}});
        }
    }));
    connections->push_back(QObject::connect(store, &SecretStore::readFinished, context,
                                            [key, answer](const QString &k, const QByteArray &secret) {
                                                if (k == key) {
                                                    answer({true, secret, SecretStore::Error::NoError, {}});
                                                }
                                            }));
    connections->push_back(QObject::connect(store, &SecretStore::removed, context, [key, answer](const QString &k) {
        if (k == key) {
            answer({true, {}, SecretStore::Error::NoError, {}});
        }
    }));
    connections->push_back(QObject::connect(
        store, &SecretStore::errorOccurred, context,
        [key, answer](const QString &k, SecretStore::Error error, const QString &message) {
            if (k == key) {
                answer({false, {}, error, message});
            }
        }));
    call();
}

Error mapKeychainError(SecretStore::Error error)
{
    switch (error) {
    case SecretStore::Error::NoBackendAvailable:
        return Error::NoKeychain;
    case SecretStore::Error::AccessDenied:
        return Error::KeychainAccessDenied;
    case SecretStore::Error::EntryNotFound:
        return Error::DamagedEntry;
    case SecretStore::Error::NoError:
    case SecretStore::Error::OtherError:
        break;
    }
    return Error::KeychainError;
}

void writeInfo(QSettings &settings, const CertificateInfo &info)
{
    settings.beginGroup(info.id);
    settings.setValue(QStringLiteral("name"), info.name);
    settings.setValue(QStringLiteral("commonName"), info.commonName);
    settings.setValue(QStringLiteral("subject"), info.subject);
    settings.setValue(QStringLiteral("issuer"), info.issuer);
    settings.setValue(QStringLiteral("serialNumber"), info.serialNumber);
    settings.setValue(QStringLiteral("sha256"), info.sha256Fingerprint);
    settings.setValue(QStringLiteral("notBefore"), info.notBefore.toUTC().toString(Qt::ISODate));
    settings.setValue(QStringLiteral("notAfter"), info.notAfter.toUTC().toString(Qt::ISODate));
    settings.setValue(QStringLiteral("keyType"), info.keyType);
    settings.setValue(QStringLiteral("chainCertificates"), info.chainCertificates);
    settings.setValue(QStringLiteral("caCertificates"), info.caCertificates);
    settings.endGroup();
}

std::optional<CertificateInfo> readInfo(QSettings &settings, const QString &id)
{
    if (!isValidId(id) || !settings.childGroups().contains(id)) {
        return std::nullopt;
    }
    settings.beginGroup(id);
    CertificateInfo info;
    info.id = id;
    info.name = settings.value(QStringLiteral("name")).toString();
    info.commonName = settings.value(QStringLiteral("commonName")).toString();
    info.subject = settings.value(QStringLiteral("subject")).toString();
    info.issuer = settings.value(QStringLiteral("issuer")).toString();
    info.serialNumber = settings.value(QStringLiteral("serialNumber")).toString();
    info.sha256Fingerprint = settings.value(QStringLiteral("sha256")).toString();
    info.notBefore = QDateTime::fromString(settings.value(QStringLiteral("notBefore")).toString(), Qt::ISODate);
    info.notAfter = QDateTime::fromString(settings.value(QStringLiteral("notAfter")).toString(), Qt::ISODate);
    info.keyType = settings.value(QStringLiteral("keyType")).toString();
    info.chainCertificates = settings.value(QStringLiteral("chainCertificates"), 0).toInt();
    info.caCertificates = settings.value(QStringLiteral("caCertificates"), 0).toInt();
    settings.endGroup();
    if (info.sha256Fingerprint.isEmpty() || !info.notAfter.isValid()) {
        qCWarning(lcVault) << "Skipping the damaged entry" << id << "in" << settings.fileName();
        return std::nullopt;
    }
    return info;
}

// Splits the stored chain entry into the client chain and the trust anchors.
bool splitChain(const QByteArray &stored, int chainLength, QByteArray *chainPem, QByteArray *anchorsPem)
{
    std::vector<OpensslUtil::X509Ptr> certificates;
    QString error;
    if (!OpensslUtil::certificatesFromPem(stored, &certificates, &error) || certificates.empty()) {
        return false;
    }
    for (size_t i = 0; i < certificates.size(); ++i) {
        const QByteArray pem = OpensslUtil::certificatePem(certificates[i].get());
        (static_cast<int>(i) < chainLength ? *chainPem : *anchorsPem) += pem;
    }
    return true;
}

} // namespace

class CertificateVault::Private
{
public:
    CertificateVault *q = nullptr;
    QString settingsFile;
    QString service;

    std::unique_ptr<QSettings> openSettings() const
    {
        return std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    }

    QString settingsProblem() const;
    QString syncProblem(QSettings &settings) const;

    CertificateVaultJob *createJob(Operation operation, const QString &id)
    {
        return new CertificateVaultJob(operation, id, q);
    }

    // Answers on the next event-loop turn, as the jobs promise.
    void finishLater(CertificateVaultJob *job, Error error, const QString &text)
    {
        QTimer::singleShot(0, job, [this, job, error, text] { finish(job, error, text); });
    }

    void finish(CertificateVaultJob *job, Error error, const QString &text)
    {
        if (job->d->completed) {
            return;
        }
        job->d->completed = true;
        job->d->error = error;
        job->d->errorString = text;
        if (error != Error::NoError) {
            job->d->identity.wipe();
            qCDebug(lcVault) << job->operation() << job->id() << "failed:" << error;
        }
        Q_EMIT job->finished(job);
        job->deleteLater();
        if (error == Error::NoError && changesList(job->operation())) {
            Q_EMIT q->certificatesChanged();
        }
    }

    static bool changesList(Operation operation)
    {
        return operation == Operation::Store || operation == Operation::Remove
            || operation == Operation::ConfirmReplacement;
    }

    SecretStore *storeFor(CertificateVaultJob *job) const { return new SecretStore(service, job); }

    void runStore(CertificateVaultJob *job, CertificateIdentity identity);
    void removeEntries(CertificateVaultJob *job, const QString &id, const std::function<void()> &next);
    void runRemove(CertificateVaultJob *job);
    void runLoad(CertificateVaultJob *job, bool keyToo);
    void runConfirm(CertificateVaultJob *job, const QString &oldId);
};

QString CertificateVault::Private::settingsProblem() const
{
    const QFileInfo file(settingsFile);
    const QString folder = file.absolutePath();
    if (!QDir().mkpath(folder)) {
        return CertificateVault::tr("The folder %1 for the certificate list cannot be created. Check its "
                                    "permissions.")
            .arg(QDir::toNativeSeparators(folder));
    }
    const bool writable = file.exists() ? file.isWritable() : QFileInfo(folder).isWritable();
    if (!writable) {
        return CertificateVault::tr("The certificate list %1 cannot be written. Check its permissions.")
            .arg(QDir::toNativeSeparators(settingsFile));
    }
    return {};
}

QString CertificateVault::Private::syncProblem(QSettings &settings) const
{
    settings.sync();
    switch (settings.status()) {
    case QSettings::NoError:
        return {};
    case QSettings::AccessError:
        return CertificateVault::tr("The certificate list %1 cannot be written. Check its permissions and the free "
                                    "disk space.")
            .arg(QDir::toNativeSeparators(settingsFile));
    case QSettings::FormatError:
        break;
    }
    return CertificateVault::tr("The certificate list %1 is damaged and cannot be updated. Move it away; the "
                                "certificates then have to be imported again.")
        .arg(QDir::toNativeSeparators(settingsFile));
}

void CertificateVault::Private::runStore(CertificateVaultJob *job, CertificateIdentity identity)
{
    const QString id = job->id();
    const QString name = job->d->info.name;
    SecretStore *store = storeFor(job);
    const auto keychainFailed = [this, job, name](const KeychainAnswer &answer) {
        finish(job, mapKeychainError(answer.error),
               CertificateVault::tr("The certificate \"%1\" was not stored. %2").arg(name, answer.message));
    };
    const QByteArray keyPem = std::exchange(identity.privateKeyPem, {});
    const QByteArray chainPem = identity.certificateChainPem + identity.caCertificatesPem;
    askKeychain(
        store, job, keyEntry(id), [store, id, keyPem] { store->write(keyEntry(id), keyPem); },
        [this, job, store, id, chainPem, keychainFailed](const KeychainAnswer &keyAnswer) {
            if (!keyAnswer.ok) {
                keychainFailed(keyAnswer);
                return;
            }
            askKeychain(
                store, job, chainEntry(id), [store, id, chainPem] { store->write(chainEntry(id), chainPem); },
                [this, job, store, id, keychainFailed](const KeychainAnswer &chainAnswer) {
                    if (!chainAnswer.ok) {
                        // Take the key back out, so that nothing half-stored remains.
                        askKeychain(
                            store, job, keyEntry(id), [store, id] { store->remove(keyEntry(id)); },
                            [keychainFailed, chainAnswer](const KeychainAnswer &) { keychainFailed(chainAnswer); });
                        return;
                    }
                    const std::unique_ptr<QSettings> settings = openSettings();
                    writeInfo(*settings, job->d->info);
                    const QString problem = syncProblem(*settings);
                    if (problem.isEmpty()) {
                        finish(job, Error::NoError, {});
                        return;
                    }
                    askKeychain(
                        store, job, keyEntry(id), [store, id] { store->remove(keyEntry(id)); },
                        [this, job, store, id, problem](const KeychainAnswer &) {
                            askKeychain(
                                store, job, chainEntry(id), [store, id] { store->remove(chainEntry(id)); },
                                [this, job, problem](const KeychainAnswer &) {
                                    finish(job, Error::SettingsUnwritable, problem);
                                });
                        });
                });
        });
    identity.wipe();
}

void CertificateVault::Private::removeEntries(CertificateVaultJob *job, const QString &id,
                                              const std::function<void()> &next)
{
    SecretStore *store = storeFor(job);
    const auto failed = [this, job](const KeychainAnswer &answer) {
        finish(job, mapKeychainError(answer.error),
               CertificateVault::tr("The certificate was not deleted. %1").arg(answer.message));
    };
    askKeychain(
        store, job, keyEntry(id), [store, id] { store->remove(keyEntry(id)); },
        [store, job, id, failed, next](const KeychainAnswer &keyAnswer) {
            if (!keyAnswer.ok) {
                failed(keyAnswer);
                return;
            }
            askKeychain(
                store, job, chainEntry(id), [store, id] { store->remove(chainEntry(id)); },
                [failed, next](const KeychainAnswer &chainAnswer) {
                    if (!chainAnswer.ok) {
                        failed(chainAnswer);
                        return;
                    }
                    next();
                });
        });
}

void CertificateVault::Private::runRemove(CertificateVaultJob *job)
{
    const QString id = job->id();
    removeEntries(job, id, [this, job, id] {
        const std::unique_ptr<QSettings> settings = openSettings();
        settings->remove(id);
        // Nothing may point at an identity that is gone.
        const QStringList groups = settings->childGroups();
        for (const QString &group : groups) {
            if (isValidId(group) && settings->value(group + QLatin1Char('/') + PendingKey).toString() == id) {
                settings->remove(group + QLatin1Char('/') + PendingKey);
            }
        }
        settings->beginGroup(ReplacementsGroup);
        const QStringList aliases = settings->childKeys();
        for (const QString &alias : aliases) {
            if (settings->value(alias).toString() == id) {
                settings->remove(alias);
            }
        }
        settings->endGroup();
        const QString problem = syncProblem(*settings);
        finish(job, problem.isEmpty() ? Error::NoError : Error::SettingsUnwritable,
               problem.isEmpty() ? QString()
                                 : CertificateVault::tr("The keychain entries were deleted, but %1").arg(problem));
    });
}

void CertificateVault::Private::runLoad(CertificateVaultJob *job, bool keyToo)
{
    const QString id = job->id();
    const QString name = job->d->info.name;
    const int chainLength = 1 + job->d->info.chainCertificates;
    SecretStore *store = storeFor(job);
    const auto failed = [this, job, name](const KeychainAnswer &answer) {
        if (answer.error == SecretStore::Error::EntryNotFound) {
            finish(job, Error::DamagedEntry,
                   CertificateVault::tr("The OS keychain no longer holds the certificate \"%1\" (%2). Delete it "
                                        "from the list and import it again.")
                       .arg(name, job->id()));
            return;
        }
        finish(job, mapKeychainError(answer.error),
               CertificateVault::tr("The certificate \"%1\" could not be read. %2").arg(name, answer.message));
    };
    const auto readChain = [this, job, store, id, name, chainLength, failed] {
        askKeychain(
            store, job, chainEntry(id), [store, id] { store->read(chainEntry(id)); },
            [this, job, name, chainLength, failed](const KeychainAnswer &answer) {
                if (!answer.ok) {
                    failed(answer);
                    return;
                }
                QByteArray chain;
                QByteArray anchors;
                if (!splitChain(answer.secret, chainLength, &chain, &anchors)) {
                    finish(job, Error::DamagedEntry,
                           CertificateVault::tr("The keychain entry of the certificate \"%1\" is damaged. Delete it "
                                                "from the list and import it again.")
                               .arg(name));
                    return;
                }
                job->d->certificatePem = chain;
                job->d->identity.certificateChainPem = chain;
                job->d->identity.caCertificatesPem = anchors;
                finish(job, Error::NoError, {});
            });
    };
    if (!keyToo) {
        readChain();
        return;
    }
    askKeychain(
        store, job, keyEntry(id), [store, id] { store->read(keyEntry(id)); },
        [this, job, name, failed, readChain](const KeychainAnswer &answer) {
            if (!answer.ok) {
                failed(answer);
                return;
            }
            if (!answer.secret.contains("PRIVATE KEY")) {
                finish(job, Error::DamagedEntry,
                       CertificateVault::tr("The keychain entry of the private key for \"%1\" is damaged. Delete the "
                                            "certificate from the list and import it again.")
                           .arg(name));
                return;
            }
            job->d->identity.privateKeyPem = answer.secret;
            readChain();
        });
}

void CertificateVault::Private::runConfirm(CertificateVaultJob *job, const QString &oldId)
{
    const QString newId = job->id();
    removeEntries(job, oldId, [this, job, oldId, newId] {
        const std::unique_ptr<QSettings> settings = openSettings();
        settings->remove(oldId);
        settings->beginGroup(ReplacementsGroup);
        const QStringList aliases = settings->childKeys();
        for (const QString &alias : aliases) {
            if (settings->value(alias).toString() == oldId) {
                settings->setValue(alias, newId);
            }
        }
        settings->setValue(oldId, newId);
        settings->endGroup();
        const QString problem = syncProblem(*settings);
        finish(job, problem.isEmpty() ? Error::NoError : Error::SettingsUnwritable,
               problem.isEmpty() ? QString()
                                 : CertificateVault::tr("The old certificate was deleted from the keychain, but %1")
                                       .arg(problem));
    });
}

CertificateVault::CertificateVault(const QString &settingsFile, const QString &keychainService, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->settingsFile = settingsFile.isEmpty() ? defaultSettingsFile() : settingsFile;
    d->service = keychainService;
}

CertificateVault::~CertificateVault() = default;

QString CertificateVault::defaultSettingsFile()
{
    // Not AppConfigLocation of the running program: linescope-cli must see
    // the certificates the GUI (organisation and application "LineScope") imported.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/LineScope/LineScope/certificates.ini");
}

QString CertificateVault::keyEntry(const QString &id)
{
    return QStringLiteral("cert/%1/key").arg(id);
}

QString CertificateVault::chainEntry(const QString &id)
{
    return QStringLiteral("cert/%1/chain").arg(id);
}

QString CertificateVault::idFor(const CertificateInfo &info)
{
    QString hex = info.sha256Fingerprint;
    hex.remove(QLatin1Char(':'));
    return hex.left(IdLength).toLower();
}

QString CertificateVault::settingsFile() const
{
    return d->settingsFile;
}

QString CertificateVault::keychainService() const
{
    return d->service;
}

QList<CertificateInfo> CertificateVault::certificates() const
{
    const std::unique_ptr<QSettings> settings = d->openSettings();
    QList<CertificateInfo> list;
    const QStringList groups = settings->childGroups();
    for (const QString &group : groups) {
        if (const std::optional<CertificateInfo> info = readInfo(*settings, group)) {
            list.append(*info);
        }
    }
    std::sort(list.begin(), list.end(), [](const CertificateInfo &a, const CertificateInfo &b) {
        const int byName = QString::localeAwareCompare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return list;
}

std::optional<CertificateInfo> CertificateVault::certificate(const QString &id) const
{
    const std::unique_ptr<QSettings> settings = d->openSettings();
    return readInfo(*settings, resolvedId(id));
}

QString CertificateVault::lookup(const QString &text, QString *error) const
{
    const QString wanted = text.trimmed();
    if (const std::optional<CertificateInfo> exact = certificate(wanted.toLower())) {
        return exact->id;
    }
    constexpr int MinPrefixLength = 4;
    const QList<CertificateInfo> all = certificates();
    QStringList byPrefix;
    QStringList byName;
    for (const CertificateInfo &info : all) {
        if (wanted.size() >= MinPrefixLength && info.id.startsWith(wanted.toLower())) {
            byPrefix.append(info.id);
        }
        if (info.name == wanted) {
            byName.append(info.id);
        }
    }
    const QStringList &matches = byPrefix.isEmpty() ? byName : byPrefix;
    if (matches.size() == 1) {
        return matches.constFirst();
    }
    if (error) {
        *error = matches.isEmpty()
            ? tr("There is no certificate \"%1\" in the certificate list. Give its id or name as the list shows "
                 "them.")
                  .arg(wanted)
            : tr("\"%1\" matches several certificates (%2). Give the full id.")
                  .arg(wanted, matches.join(QLatin1String(", ")));
    }
    return {};
}

CertificateVaultJob *CertificateVault::store(const CertificateIdentity &identity, const CertificateInfo &info)
{
    const QString id = idFor(info);
    CertificateVaultJob *job = d->createJob(CertificateVaultJob::Operation::Store, id);
    job->d->info = info;
    job->d->info.id = id;
    if (job->d->info.name.trimmed().isEmpty()) {
        job->d->info.name = info.commonName.isEmpty() ? id : info.commonName;
    }
    if (identity.certificateChainPem.isEmpty() || identity.privateKeyPem.isEmpty() || id.size() != IdLength) {
        d->finishLater(job, Error::InvalidIdentity,
                       tr("Nothing was stored: a certificate and its private key are needed. Import them first."));
        return job;
    }
    if (const std::optional<CertificateInfo> existing = certificate(id); existing && existing->id == id) {
        d->finishLater(job, Error::AlreadyStored,
                       tr("This certificate is already stored as \"%1\" (id %2).").arg(existing->name, id));
        return job;
    }
    if (const QString problem = d->settingsProblem(); !problem.isEmpty()) {
        d->finishLater(job, Error::SettingsUnwritable, tr("The certificate was not stored. %1").arg(problem));
        return job;
    }
    QTimer::singleShot(0, job, [this, job, identity] { d->runStore(job, identity); });
    return job;
}

CertificateVaultJob *CertificateVault::remove(const QString &id)
{
    CertificateVaultJob *job = d->createJob(CertificateVaultJob::Operation::Remove, id);
    const std::unique_ptr<QSettings> settings = d->openSettings();
    const std::optional<CertificateInfo> info = readInfo(*settings, id);
    if (!info) {
        d->finishLater(job, Error::NotFound, tr("There is no certificate with the id \"%1\".").arg(id));
        return job;
    }
    job->d->info = *info;
    QTimer::singleShot(0, job, [this, job] { d->runRemove(job); });
    return job;
}

CertificateVaultJob *CertificateVault::exportCertificate(const QString &id)
{
    const QString resolved = resolvedId(id);
    CertificateVaultJob *job = d->createJob(CertificateVaultJob::Operation::ExportCertificate, resolved);
    const std::optional<CertificateInfo> info = certificate(resolved);
    if (!info) {
        d->finishLater(job, Error::NotFound, tr("There is no certificate with the id \"%1\".").arg(id));
        return job;
    }
    job->d->info = *info;
    QTimer::singleShot(0, job, [this, job] { d->runLoad(job, false); });
    return job;
}

CertificateVaultJob *CertificateVault::loadIdentity(const QString &id)
{
    const QString resolved = resolvedId(id);
    CertificateVaultJob *job = d->createJob(CertificateVaultJob::Operation::LoadIdentity, resolved);
    const std::optional<CertificateInfo> info = certificate(resolved);
    if (!info) {
        d->finishLater(job, Error::NotFound,
                       tr("There is no client certificate with the id \"%1\". Choose one from the certificate list "
                          "or import it.")
                           .arg(id));
        return job;
    }
    job->d->info = *info;
    QTimer::singleShot(0, job, [this, job] { d->runLoad(job, true); });
    return job;
}

bool CertificateVault::setPendingReplacement(const QString &oldId, const QString &newId, QString *error)
{
    const auto fail = [error](const QString &text) {
        if (error) {
            *error = text;
        }
        return false;
    };
    const std::unique_ptr<QSettings> settings = d->openSettings();
    if (!readInfo(*settings, oldId)) {
        return fail(tr("There is no certificate with the id \"%1\" to replace.").arg(oldId));
    }
    if (!readInfo(*settings, newId)) {
        return fail(tr("There is no certificate with the id \"%1\"; import the new certificate first.").arg(newId));
    }
    if (oldId == newId) {
        return fail(tr("A certificate cannot replace itself."));
    }
    settings->setValue(oldId + QLatin1Char('/') + PendingKey, newId);
    if (const QString problem = d->syncProblem(*settings); !problem.isEmpty()) {
        return fail(problem);
    }
    Q_EMIT certificatesChanged();
    return true;
}

QString CertificateVault::pendingReplacement(const QString &id) const
{
    const std::unique_ptr<QSettings> settings = d->openSettings();
    const QString resolved = resolvedId(id);
    if (!isValidId(resolved)) {
        return {};
    }
    const QString pending = settings->value(resolved + QLatin1Char('/') + PendingKey).toString();
    return readInfo(*settings, pending) ? pending : QString();
}

bool CertificateVault::cancelReplacement(const QString &oldId)
{
    const std::unique_ptr<QSettings> settings = d->openSettings();
    if (!isValidId(oldId) || !settings->contains(oldId + QLatin1Char('/') + PendingKey)) {
        return false;
    }
    settings->remove(oldId + QLatin1Char('/') + PendingKey);
    if (!d->syncProblem(*settings).isEmpty()) {
        return false;
    }
    Q_EMIT certificatesChanged();
    return true;
}

CertificateVaultJob *CertificateVault::confirmReplacement(const QString &oldId)
{
    const QString newId = pendingReplacement(oldId);
    CertificateVaultJob *job = d->createJob(CertificateVaultJob::Operation::ConfirmReplacement, newId);
    if (newId.isEmpty()) {
        d->finishLater(job, Error::NoPendingReplacement,
                       tr("The certificate \"%1\" has no pending replacement.").arg(oldId));
        return job;
    }
    job->d->info = certificate(newId).value_or(CertificateInfo());
    QTimer::singleShot(0, job, [this, job, oldId] { d->runConfirm(job, oldId); });
    return job;
}

QString CertificateVault::resolvedId(const QString &id) const
{
    const std::unique_ptr<QSettings> settings = d->openSettings();
    settings->beginGroup(ReplacementsGroup);
    QString current = id;
    for (int hop = 0; hop < MaxReplacementHops && isValidId(current) && settings->contains(current); ++hop) {
        current = settings->value(current).toString();
    }
    return current;
}

QString CertificateVault::connectionIdentityId(const QString &id) const
{
    const QString resolved = resolvedId(id);
    const QString pending = pendingReplacement(resolved);
    return pending.isEmpty() ? resolved : pending;
}
