#include "uplink/store_and_forward_uplink.h"

#include "uplink_rig_fixture.h"
#include "vault/certificate_importer.h"
#include "vault/certificate_vault.h"
#include "vault_test_util.h"

#include <QStandardPaths>
#include <QTest>

using namespace UplinkTestRig;

// The uplink's client identity taken from the certificate vault by id (what
// `broker run --uplink-cert-id` and the settings dialog configure): the key
// lives in the real keychain (throwaway gnome-keyring), the cloud requires a
// client certificate, and the messages must arrive.
class TestUplinkVaultIdentity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void forwardsWithVaultIdentity();
};

void TestUplinkVaultIdentity::initTestCase()
{
    // The uplink's session opens the default vault; keep it out of the user's files.
    QStandardPaths::setTestModeEnabled(true);
}

void TestUplinkVaultIdentity::forwardsWithVaultIdentity()
{
    UplinkFixture f;
    const QString started = f.startBrokers();
    QVERIFY2(started.isEmpty(), qPrintable(started));

    CertificateImporter::Result imported =
        CertificateImporter::importFiles({f.pki.clientCertificateFile(), f.pki.clientKeyFile()}, {});
    QVERIFY2(imported.isOk(), qPrintable(QStringLiteral("import: %1").arg(imported.errorString)));
    CertificateVault vault;
    CertificateInfo info = imported.info;
    info.name = QStringLiteral("uplink vault identity test");
    const VaultTestUtil::JobResult stored = VaultTestUtil::wait(vault.store(imported.identity, info));
    imported.identity.wipe();
    QVERIFY2(stored.ok(), qPrintable(QStringLiteral("store in the keychain: %1").arg(stored.describe())));
    const QString id = stored.info.id;
    auto removeIdentity = qScopeGuard([&vault, id] { VaultTestUtil::wait(vault.remove(id)); });

    UplinkConfiguration configuration = f.configuration();
    configuration.cloudCertificateFile.clear();
    configuration.cloudKeyFile.clear();
    configuration.cloud.tls.clientIdentityId = id;
    f.uplink->configure(configuration);
    f.uplink->start();
    QVERIFY2(f.waitUntilSubscribed(), qPrintable(f.state()));

    const int count = 50;
    const QString published = publishRange(f.local.port(), 0, count - 1);
    QVERIFY2(published.isEmpty(), qPrintable(published));
    QVERIFY2(f.recorder->waitForUnique(count, 20000),
             qPrintable(QStringLiteral("cloud got %1 of %2; %3").arg(f.recorder->uniqueCount()).arg(count).arg(f.state())));
    QVERIFY2(f.recorder->orderProblem().isEmpty(), qPrintable(f.recorder->orderProblem()));
    f.uplink->stop();
}

QTEST_GUILESS_MAIN(TestUplinkVaultIdentity)
#include "tst_uplink_vault_identity.moc"
