#include "vault/certificate_vault.h"

#include "keychain_test_util.h"
#include "profiles/secret_store.h"
#include "test_pki.h"
#include "vault/certificate_importer.h"
#include "vault/certificate_vault_job.h"
#include "vault_test_util.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMetaEnum>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>

using namespace KeychainTestUtil;
using namespace VaultTestUtil;
using Error = CertificateVault::Error;

namespace {

constexpr char kChildVariable[] = "LINESCOPE_TST_CERTIFICATE_VAULT_CHILD";
constexpr char kChildFilesVariable[] = "LINESCOPE_TST_CERTIFICATE_VAULT_FILES";

// Child mode: imports the files named in the environment into the default
// vault of a keychain-less world and prints "<error>\t<message>".
int runChild()
{
    const QStringList files = qEnvironmentVariable(kChildFilesVariable).split(QLatin1Char('\n'));
    CertificateImporter::Result imported = CertificateImporter::importFiles(files, {});
    QTextStream out(stdout);
    if (!imported.isOk()) {
        out << "import failed\t" << imported.errorString << '\n';
        return 1;
    }
    CertificateVault vault;
    const JobResult stored = wait(vault.store(imported.identity, imported.info));
    imported.identity.wipe();
    out << QMetaEnum::fromType<Error>().valueToKey(int(stored.error)) << '\t' << stored.errorString << '\t'
        << vault.settingsFile() << '\n';
    return 0;
}

QString uniqueService()
{
    return QStringLiteral("LineScopeTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

} // namespace

class TestCertificateVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void storeListLoadExportDelete();
    void storedOnlyInKeychain();
    void storeTwice();
    void chainAndTrustAnchors();
    void unknownIds_data();
    void unknownIds();
    void lookup_data();
    void lookup();
    void rotation();
    void cancelRotation();
    void changeSignal();
    void damagedEntry();
    void unwritableSettings();
    void noKeychain_data();
    void noKeychain();

private:
    QStringList clientFiles(const QString &name) const;
    std::unique_ptr<CertificateVault> newVault() const;

    QTemporaryDir m_pkiDir;
    QTemporaryDir m_configDir;
    std::unique_ptr<TestPki> m_pki;
    QString m_service = uniqueService();
    QStringList m_keyNames;
};

QStringList TestCertificateVault::clientFiles(const QString &name) const
{
    return {m_pki->path(name + QStringLiteral(".crt")), m_pki->path(name + QStringLiteral(".key"))};
}

std::unique_ptr<CertificateVault> TestCertificateVault::newVault() const
{
    return std::make_unique<CertificateVault>(m_configDir.filePath(QStringLiteral("certificates.ini")), m_service);
}

void TestCertificateVault::initTestCase()
{
    QVERIFY2(runsOnThrowawayKeyring(),
             "This test writes to the OS keychain. Run it through ctest or tests/support/with-keyring.sh, which "
             "provide a throwaway gnome-keyring, so your own keyring is not touched.");
    QVERIFY2(m_pkiDir.isValid() && m_configDir.isValid(), "no temporary folder");
    m_pki = std::make_unique<TestPki>(m_pkiDir.path());
    TestPki &pki = *m_pki;
    TestPki::CertificateSpec ca;
    ca.commonName = QStringLiteral("LineScope Test CA");
    ca.ca = true;
    QVERIFY2(pki.makeKey(QStringLiteral("caKey"), TestPki::KeyType::EcP256)
                 && pki.makeCertificate(QStringLiteral("ca"), QStringLiteral("caKey"), {}, ca),
             qPrintable(pki.error()));
    TestPki::CertificateSpec intermediate = ca;
    intermediate.commonName = QStringLiteral("LineScope Test Intermediate");
    QVERIFY2(pki.makeKey(QStringLiteral("intermediateKey"), TestPki::KeyType::EcP256)
                 && pki.makeCertificate(QStringLiteral("intermediate"), QStringLiteral("intermediateKey"),
                                        QStringLiteral("ca"), intermediate),
             qPrintable(pki.error()));
    const QStringList clients = {QStringLiteral("press-1"), QStringLiteral("press-2"), QStringLiteral("press-3"),
                                 QStringLiteral("press-4"), QStringLiteral("chained")};
    for (const QString &name : clients) {
        TestPki::CertificateSpec spec;
        spec.commonName = name;
        const QString key = name + QStringLiteral("-key");
        const QString issuer = name == QLatin1String("chained") ? QStringLiteral("intermediate") : QStringLiteral("ca");
        QVERIFY2(pki.makeKey(key, TestPki::KeyType::EcP256) && pki.makeCertificate(name, key, issuer, spec),
                 qPrintable(pki.error()));
        const QStringList chain = name == QLatin1String("chained")
            ? QStringList{name, QStringLiteral("intermediate"), QStringLiteral("ca")}
            : QStringList{name};
        QVERIFY2(!pki.writeCertificatesPem(name + QStringLiteral(".crt"), chain).isEmpty(), qPrintable(pki.error()));
        QVERIFY2(!pki.writeKey(name + QStringLiteral(".key"), key, TestPki::KeyFormat::Pkcs8Pem).isEmpty(),
                 qPrintable(pki.error()));
        m_keyNames.append(key);
    }
}

void TestCertificateVault::cleanupTestCase()
{
    if (!m_pki) {
        return;
    }
    QList<QByteArray> needles;
    for (const QString &key : std::as_const(m_keyNames)) {
        needles += m_pki->keyNeedles(key);
    }
    QStringList folders = lineScopeFolders();
    folders.append(m_configDir.path());
    const QStringList leaks = filesWithKeyMaterial(folders, needles);
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("key material in: ") + leaks.join(QLatin1String(", "))));
}

void TestCertificateVault::storeListLoadExportDelete()
{
    const auto vault = newVault();
    QVERIFY(vault->certificates().isEmpty());

    CertificateImporter::Result imported = CertificateImporter::importFiles(clientFiles(QStringLiteral("press-1")), {});
    QVERIFY2(imported.isOk(), qPrintable(imported.errorString));
    CertificateInfo info = imported.info;
    info.name = QStringLiteral("Press 1 (line 3)");
    const JobResult stored = wait(vault->store(imported.identity, info));
    QVERIFY2(stored.ok(), qPrintable(stored.describe()));
    QCOMPARE(stored.finishedCount, 1);
    const QString id = stored.info.id;
    QCOMPARE(id, CertificateVault::idFor(imported.info));
    QCOMPARE(id.size(), 16);
    QCOMPARE(stored.info.name, info.name);

    // A second vault on the same files sees it: nothing is kept only in memory.
    const auto reader = newVault();
    const QList<CertificateInfo> list = reader->certificates();
    QCOMPARE(list.size(), 1);
    const CertificateInfo &listed = list.constFirst();
    QCOMPARE(listed.id, id);
    QCOMPARE(listed.name, info.name);
    QCOMPARE(listed.subject, imported.info.subject);
    QCOMPARE(listed.issuer, imported.info.issuer);
    QCOMPARE(listed.serialNumber, imported.info.serialNumber);
    QCOMPARE(listed.sha256Fingerprint, imported.info.sha256Fingerprint);
    QCOMPARE(listed.notBefore, imported.info.notBefore);
    QCOMPARE(listed.notAfter, imported.info.notAfter);
    QCOMPARE(listed.keyType, QStringLiteral("EC P-256"));
    QVERIFY(listed.daysLeft() >= 364);
    QCOMPARE(reader->certificate(id)->sha256Fingerprint, imported.info.sha256Fingerprint);

    const JobResult loaded = wait(reader->loadIdentity(id));
    QVERIFY2(loaded.ok(), qPrintable(loaded.describe()));
    QCOMPARE(loaded.identity.privateKeyPem, m_pki->keyPem(QStringLiteral("press-1-key")));
    QCOMPARE(loaded.identity.certificateChainPem, m_pki->certificatePem(QStringLiteral("press-1")));
    QVERIFY(loaded.identity.caCertificatesPem.isEmpty());

    const JobResult exported = wait(reader->exportCertificate(id));
    QVERIFY2(exported.ok(), qPrintable(exported.describe()));
    QCOMPARE(exported.certificatePem, m_pki->certificatePem(QStringLiteral("press-1")));
    QVERIFY(!exported.certificatePem.contains("PRIVATE KEY"));
    QVERIFY(exported.identity.privateKeyPem.isEmpty());

    // The entries are where the class comment says, in the Secret Service.
    const LookupResult keyEntry = secretToolLookup(m_service, CertificateVault::keyEntry(id));
    if (keyEntry.toolAvailable) {
        QVERIFY2(keyEntry.found, qPrintable(keyEntry.error));
        QVERIFY(secretToolLookup(m_service, CertificateVault::chainEntry(id)).found);
    }

    const JobResult removed = wait(reader->remove(id));
    QVERIFY2(removed.ok(), qPrintable(removed.describe()));
    QVERIFY(reader->certificates().isEmpty());
    QVERIFY(!vault->certificate(id));
    if (keyEntry.toolAvailable) {
        QVERIFY(!secretToolLookup(m_service, CertificateVault::keyEntry(id)).found);
        QVERIFY(!secretToolLookup(m_service, CertificateVault::chainEntry(id)).found);
    }
    const JobResult gone = wait(reader->loadIdentity(id));
    QCOMPARE(gone.error, Error::NotFound);
}

void TestCertificateVault::storedOnlyInKeychain()
{
    const auto vault = newVault();
    QString error;
    const QString id = importInto(*vault, clientFiles(QStringLiteral("press-2")), QStringLiteral("press-2"), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));

    QFile file(vault->settingsFile());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray content = file.readAll();
    QVERIFY2(content.contains(vault->certificate(id)->sha256Fingerprint.toLatin1()), content.constData());
    QVERIFY2(!content.contains("PRIVATE KEY") && !content.contains("BEGIN CERTIFICATE"), content.constData());
    for (const QByteArray &needle : m_pki->keyNeedles(QStringLiteral("press-2-key"))) {
        QVERIFY2(!content.contains(needle) && !content.contains(needle.toBase64()), "key bytes in the settings file");
    }
    QVERIFY(wait(vault->remove(id)).ok());
}

void TestCertificateVault::storeTwice()
{
    const auto vault = newVault();
    QString error;
    const QString id = importInto(*vault, clientFiles(QStringLiteral("press-3")), QStringLiteral("first"), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    CertificateImporter::Result again = CertificateImporter::importFiles(clientFiles(QStringLiteral("press-3")), {});
    QVERIFY(again.isOk());
    const JobResult second = wait(vault->store(again.identity, again.info));
    QCOMPARE(second.error, Error::AlreadyStored);
    QVERIFY2(second.errorString.contains(QLatin1String("\"first\"")) && second.errorString.contains(id),
             qPrintable(second.errorString));
    QCOMPARE(vault->certificates().size(), 1);

    const JobResult empty = wait(vault->store({}, again.info));
    QCOMPARE(empty.error, Error::InvalidIdentity);
    QVERIFY(wait(vault->remove(id)).ok());
}

void TestCertificateVault::chainAndTrustAnchors()
{
    const auto vault = newVault();
    QString error;
    const QString id = importInto(*vault, clientFiles(QStringLiteral("chained")), QStringLiteral("chained"), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QCOMPARE(vault->certificate(id)->chainCertificates, 1);
    QCOMPARE(vault->certificate(id)->caCertificates, 1);
    const JobResult loaded = wait(vault->loadIdentity(id));
    QVERIFY2(loaded.ok(), qPrintable(loaded.describe()));
    QCOMPARE(loaded.identity.certificateChainPem,
             m_pki->certificatePem(QStringLiteral("chained")) + m_pki->certificatePem(QStringLiteral("intermediate")));
    QCOMPARE(loaded.identity.caCertificatesPem, m_pki->certificatePem(QStringLiteral("ca")));
    const JobResult exported = wait(vault->exportCertificate(id));
    QCOMPARE(exported.certificatePem, loaded.identity.certificateChainPem);
    QVERIFY(wait(vault->remove(id)).ok());
}

void TestCertificateVault::unknownIds_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("id");
    QTest::addColumn<Error>("expected");
    const QString unknown = QStringLiteral("0123456789abcdef");
    QTest::newRow("remove") << QStringLiteral("remove") << unknown << Error::NotFound;
    QTest::newRow("export") << QStringLiteral("export") << unknown << Error::NotFound;
    QTest::newRow("load") << QStringLiteral("load") << unknown << Error::NotFound;
    QTest::newRow("load a name-like text") << QStringLiteral("load") << QStringLiteral("../../etc") << Error::NotFound;
    QTest::newRow("confirm without replacement") << QStringLiteral("confirm") << unknown
                                                 << Error::NoPendingReplacement;
}

void TestCertificateVault::unknownIds()
{
    QFETCH(QString, operation);
    QFETCH(QString, id);
    QFETCH(Error, expected);
    const auto vault = newVault();
    CertificateVaultJob *job = operation == QLatin1String("remove") ? vault->remove(id)
        : operation == QLatin1String("export")                       ? vault->exportCertificate(id)
        : operation == QLatin1String("load")                         ? vault->loadIdentity(id)
                                                                     : vault->confirmReplacement(id);
    const JobResult result = wait(job);
    QVERIFY2(result.finished && result.error == expected, qPrintable(result.describe()));
    QCOMPARE(result.finishedCount, 1);
    QVERIFY2(result.errorString.contains(id), qPrintable(result.errorString));
}

void TestCertificateVault::lookup_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");   // "A", "B" or "" (not found)
    QTest::addColumn<QString>("words");

    QTest::newRow("full id") << QStringLiteral("@A") << QStringLiteral("A") << QString();
    QTest::newRow("id prefix") << QStringLiteral("@A:6") << QStringLiteral("A") << QString();
    QTest::newRow("upper-case id") << QStringLiteral("@A:upper") << QStringLiteral("A") << QString();
    QTest::newRow("name") << QStringLiteral("Press Four") << QStringLiteral("B") << QString();
    QTest::newRow("unknown name") << QStringLiteral("press-9") << QString() << QStringLiteral("no certificate");
    QTest::newRow("too short a prefix") << QStringLiteral("@A:3") << QString() << QStringLiteral("no certificate");
}

void TestCertificateVault::lookup()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, words);
    const auto vault = newVault();
    QString error;
    const QString a = importInto(*vault, clientFiles(QStringLiteral("press-1")), QStringLiteral("Press One"), &error);
    QVERIFY2(!a.isEmpty(), qPrintable(error));
    const QString b = importInto(*vault, clientFiles(QStringLiteral("press-4")), QStringLiteral("Press Four"), &error);
    QVERIFY2(!b.isEmpty(), qPrintable(error));

    if (text == QLatin1String("@A")) {
        text = a;
    } else if (text == QLatin1String("@A:6")) {
        text = a.left(6);
    } else if (text == QLatin1String("@A:upper")) {
        text = a.toUpper();
    } else if (text == QLatin1String("@A:3")) {
        text = a.left(3);
    }
    const QString found = vault->lookup(text, &error);
    QCOMPARE(found, expected == QLatin1String("A") ? a : expected == QLatin1String("B") ? b : QString());
    if (!words.isEmpty()) {
        QVERIFY2(error.contains(words), qPrintable(error));
    }
    QVERIFY(wait(vault->remove(a)).ok());
    QVERIFY(wait(vault->remove(b)).ok());
}

void TestCertificateVault::rotation()
{
    const auto vault = newVault();
    QString error;
    const QString oldId = importInto(*vault, clientFiles(QStringLiteral("press-1")), QStringLiteral("old"), &error);
    QVERIFY2(!oldId.isEmpty(), qPrintable(error));
    const QString newId = importInto(*vault, clientFiles(QStringLiteral("press-2")), QStringLiteral("new"), &error);
    QVERIFY2(!newId.isEmpty(), qPrintable(error));

    QVERIFY(!vault->setPendingReplacement(oldId, oldId, &error));
    QVERIFY2(error.contains(QLatin1String("cannot replace itself")), qPrintable(error));
    QVERIFY(!vault->setPendingReplacement(oldId, QStringLiteral("0123456789abcdef"), &error));
    QVERIFY2(error.contains(QLatin1String("import the new certificate first")), qPrintable(error));

    QVERIFY2(vault->setPendingReplacement(oldId, newId, &error), qPrintable(error));
    QCOMPARE(vault->pendingReplacement(oldId), newId);
    // Until confirmed, connections use the new one and the old one stays.
    QCOMPARE(vault->connectionIdentityId(oldId), newId);
    QCOMPARE(vault->resolvedId(oldId), oldId);
    QCOMPARE(vault->certificates().size(), 2);
    QVERIFY(wait(vault->loadIdentity(oldId)).ok());

    const JobResult confirmed = wait(vault->confirmReplacement(oldId));
    QVERIFY2(confirmed.ok(), qPrintable(confirmed.describe()));
    QCOMPARE(confirmed.id, newId);
    QCOMPARE(vault->certificates().size(), 1);
    QCOMPARE(vault->certificates().constFirst().id, newId);
    // A profile that still says oldId gets the new identity.
    QCOMPARE(vault->resolvedId(oldId), newId);
    QCOMPARE(vault->connectionIdentityId(oldId), newId);
    QCOMPARE(vault->certificate(oldId)->id, newId);
    const JobResult loaded = wait(vault->loadIdentity(oldId));
    QVERIFY2(loaded.ok(), qPrintable(loaded.describe()));
    QCOMPARE(loaded.identity.privateKeyPem, m_pki->keyPem(QStringLiteral("press-2-key")));
    const LookupResult oldKey = secretToolLookup(m_service, CertificateVault::keyEntry(oldId));
    if (oldKey.toolAvailable) {
        QVERIFY2(!oldKey.found, "the replaced key must leave the keychain");
    }

    // Deleting the replacement leaves no alias that points nowhere.
    QVERIFY(wait(vault->remove(newId)).ok());
    QCOMPARE(vault->resolvedId(oldId), oldId);
    QVERIFY(!vault->certificate(oldId));
}

void TestCertificateVault::cancelRotation()
{
    const auto vault = newVault();
    QString error;
    const QString oldId = importInto(*vault, clientFiles(QStringLiteral("press-3")), QStringLiteral("old"), &error);
    QVERIFY2(!oldId.isEmpty(), qPrintable(error));
    const QString newId = importInto(*vault, clientFiles(QStringLiteral("press-4")), QStringLiteral("new"), &error);
    QVERIFY2(!newId.isEmpty(), qPrintable(error));
    QVERIFY(vault->setPendingReplacement(oldId, newId, &error));
    QVERIFY(vault->cancelReplacement(oldId));
    QVERIFY(vault->pendingReplacement(oldId).isEmpty());
    QCOMPARE(vault->connectionIdentityId(oldId), oldId);
    QVERIFY(!vault->cancelReplacement(oldId));

    // Deleting a pending replacement withdraws it.
    QVERIFY(vault->setPendingReplacement(oldId, newId, &error));
    QVERIFY(wait(vault->remove(newId)).ok());
    QVERIFY(vault->pendingReplacement(oldId).isEmpty());
    QCOMPARE(vault->connectionIdentityId(oldId), oldId);
    QVERIFY(wait(vault->remove(oldId)).ok());
}

void TestCertificateVault::changeSignal()
{
    const auto vault = newVault();
    const auto other = newVault();
    QSignalSpy changed(vault.get(), &CertificateVault::certificatesChanged);
    QSignalSpy otherChanged(other.get(), &CertificateVault::certificatesChanged);
    // What a listener sees when the signal arrives: the job already answered, the list already updated.
    QStringList events;
    connect(vault.get(), &CertificateVault::certificatesChanged, this, [&events, &vault] {
        events.append(QStringLiteral("changed with %1 listed").arg(vault->certificates().size()));
    });
    const auto track = [&events](CertificateVaultJob *job) {
        connect(job, &CertificateVaultJob::finished, job, [&events](CertificateVaultJob *finished) {
            events.append(QStringLiteral("finished %1")
                              .arg(QLatin1String(QMetaEnum::fromType<Error>().valueToKey(int(finished->error())))));
        });
        return job;
    };

    CertificateImporter::Result imported = CertificateImporter::importFiles(clientFiles(QStringLiteral("press-1")), {});
    QVERIFY2(imported.isOk(), qPrintable(imported.errorString));
    CertificateVaultJob *storeJob = track(vault->store(imported.identity, imported.info));
    QCOMPARE(changed.count(), 0);   // jobs answer later, never from inside the call
    const JobResult stored = wait(storeJob);
    QVERIFY2(stored.ok(), qPrintable(stored.describe()));
    QCOMPARE(events, (QStringList{QStringLiteral("finished NoError"), QStringLiteral("changed with 1 listed")}));

    // A refused store changes nothing and says nothing.
    const JobResult twice = wait(track(vault->store(imported.identity, imported.info)));
    imported.identity.wipe();
    QCOMPARE(twice.error, Error::AlreadyStored);
    QVERIFY2(changed.count() == 1, qPrintable(events.join(QLatin1String(", "))));

    QString error;
    const QString newId = importInto(*vault, clientFiles(QStringLiteral("press-2")), QStringLiteral("new"), &error);
    QVERIFY2(!newId.isEmpty(), qPrintable(error));
    QCOMPARE(changed.count(), 2);
    QVERIFY2(vault->setPendingReplacement(stored.info.id, newId, &error), qPrintable(error));
    QCOMPARE(changed.count(), 3);
    QVERIFY(vault->cancelReplacement(stored.info.id));
    QCOMPARE(changed.count(), 4);
    QVERIFY(!vault->cancelReplacement(stored.info.id));
    QCOMPARE(changed.count(), 4);
    QVERIFY(vault->setPendingReplacement(stored.info.id, newId, &error));
    QCOMPARE(changed.count(), 5);
    const JobResult confirmed = wait(vault->confirmReplacement(stored.info.id));
    QVERIFY2(confirmed.ok(), qPrintable(confirmed.describe()));
    QCOMPARE(changed.count(), 6);

    events.clear();
    const JobResult removed = wait(track(vault->remove(newId)));
    QVERIFY2(removed.ok(), qPrintable(removed.describe()));
    QCOMPARE(events, (QStringList{QStringLiteral("finished NoError"), QStringLiteral("changed with 0 listed")}));
    const JobResult removedAgain = wait(vault->remove(newId));
    QCOMPARE(removedAgain.error, Error::NotFound);
    QCOMPARE(changed.count(), 7);
    // The signal is per object: another vault on the same files is not told.
    QCOMPARE(otherChanged.count(), 0);
}

void TestCertificateVault::damagedEntry()
{
    const auto vault = newVault();
    QString error;
    const QString id = importInto(*vault, clientFiles(QStringLiteral("press-1")), QStringLiteral("damaged"), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    SecretStore secrets(m_service);
    const Answer removed = waitForAnswer(secrets, [&] { secrets.remove(CertificateVault::chainEntry(id)); });
    QVERIFY2(removed.signal == QLatin1String("removed"), qPrintable(removed.describe()));
    const JobResult loaded = wait(vault->loadIdentity(id));
    QCOMPARE(loaded.error, Error::DamagedEntry);
    QVERIFY2(loaded.errorString.contains(QLatin1String("import it again")), qPrintable(loaded.errorString));
    QVERIFY(loaded.identity.privateKeyPem.isEmpty());

    const Answer garbage = waitForAnswer(secrets, [&] { secrets.write(CertificateVault::chainEntry(id), "garbage"); });
    QVERIFY2(garbage.signal == QLatin1String("written"), qPrintable(garbage.describe()));
    const JobResult exported = wait(vault->exportCertificate(id));
    QCOMPARE(exported.error, Error::DamagedEntry);
    QVERIFY(wait(vault->remove(id)).ok());
}

void TestCertificateVault::unwritableSettings()
{
    // A settings path below a regular file can never be created.
    QFile blocker(m_configDir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    CertificateVault vault(m_configDir.filePath(QStringLiteral("blocker/certificates.ini")), m_service);
    CertificateImporter::Result imported = CertificateImporter::importFiles(clientFiles(QStringLiteral("press-3")), {});
    QVERIFY(imported.isOk());
    const JobResult stored = wait(vault.store(imported.identity, imported.info));
    QCOMPARE(stored.error, Error::SettingsUnwritable);
    QVERIFY2(stored.errorString.contains(QLatin1String("cannot be created")), qPrintable(stored.errorString));
    // Checked before the keychain: nothing reached it.
    const LookupResult key = secretToolLookup(m_service, CertificateVault::keyEntry(stored.info.id));
    if (key.toolAvailable) {
        QVERIFY(!key.found);
    }
}

void TestCertificateVault::noKeychain_data()
{
    addNoKeychainRows();
}

void TestCertificateVault::noKeychain()
{
    QFETCH(NoKeychain, how);
    QTemporaryDir scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.errorString()));
    const ChildRun child = runSelfWithoutKeychain(
        how, scratch.path(),
        {{QString::fromLatin1(kChildVariable), QStringLiteral("1")},
         {QString::fromLatin1(kChildFilesVariable), clientFiles(QStringLiteral("press-4")).join(QLatin1Char('\n'))}});
    QVERIFY2(child.failure.isEmpty(), qPrintable(child.failure));
    const QString &output = child.output;
    const QString &diagnostics = child.diagnostics;

    const QStringList fields = output.trimmed().split(QLatin1Char('\t'));
    QVERIFY2(fields.size() == 3, qPrintable(diagnostics));
    QVERIFY2(fields.at(0) == QLatin1String("NoKeychain"), qPrintable(diagnostics));
    QVERIFY2(fields.at(1).contains(QLatin1String("No OS keychain is available"))
                 && fields.at(1).contains(QLatin1String("was not stored")),
             qPrintable(fields.at(1)));
    // Nothing stored anywhere: no certificate list, no key in any file.
    QVERIFY2(fields.at(2).startsWith(scratch.path()), qPrintable(fields.at(2)));
    QVERIFY2(!QFile::exists(fields.at(2)), qPrintable(QStringLiteral("%1 was written").arg(fields.at(2))));
    const QStringList leaks =
        filesWithKeyMaterial({scratch.path()}, m_pki->keyNeedles(QStringLiteral("press-4-key")));
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("key material in: ") + leaks.join(QLatin1String(", "))));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildVariable)) {
        return runChild();
    }
    TestCertificateVault test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_certificate_vault.moc"
