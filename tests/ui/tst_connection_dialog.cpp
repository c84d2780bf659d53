#include "connection/connection_dialog.h"

#include "profiles/profile_store.h"
#include "profiles/secret_store.h"
#include "screenshot.h"
#include "test_pki.h"
#include "vault/certificate_vault.h"
#include "vault_test_util.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <utility>

namespace {

constexpr int Timeout = 20000;

template<typename T>
T *child(const QDialog &dialog, const QString &name)
{
    T *widget = dialog.findChild<T *>(name);
    if (!widget)
        qFatal("no child widget named %s", qPrintable(name));
    return widget;
}

QPushButton *okButton(const QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newProfileIsValid();
    void invalidPortShowsError_data();
    void invalidPortShowsError();
    void fieldErrorsAppearNextToTheField_data();
    void fieldErrorsAppearNextToTheField();
    void protocolSwitchesSessionFields();
    void validProfileSaves();
    void screenshot();
};

void TestConnectionDialog::newProfileIsValid()
{
    ConnectionDialog dialog(nullptr);
    QVERIFY2(dialog.isValid(), qPrintable(dialog.validationError()));
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(okButton(dialog)->text(), QStringLiteral("Connect"));
    QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("clientId"))->placeholderText(), QStringLiteral("generated"));
    QCOMPARE(dialog.profile().settings.port, 1883);
    QCOMPARE(dialog.profile().name, QStringLiteral("localhost:1883"));
}

void TestConnectionDialog::invalidPortShowsError_data()
{
    QTest::addColumn<QString>("port");
    QTest::newRow("zero") << QStringLiteral("0");
    QTest::newRow("too large") << QStringLiteral("70000");
    QTest::newRow("negative") << QStringLiteral("-1");
    QTest::newRow("not a number") << QStringLiteral("18a3");
    QTest::newRow("empty") << QString();
}

void TestConnectionDialog::invalidPortShowsError()
{
    QFETCH(QString, port);
    ConnectionDialog dialog(nullptr);
    dialog.show();
    auto *portEdit = child<QLineEdit>(dialog, QStringLiteral("port"));
    auto *portError = child<QLabel>(dialog, QStringLiteral("portError"));

    portEdit->clear();
    QTest::keyClicks(portEdit, port);
    QVERIFY2(!dialog.fieldError(QStringLiteral("port")).isEmpty(), qPrintable(dialog.validationError()));
    QVERIFY(portError->isVisible());
    QVERIFY2(portError->text().contains(QLatin1String("port"), Qt::CaseInsensitive), qPrintable(portError->text()));
    QVERIFY(!okButton(dialog)->isEnabled());
    QCOMPARE(dialog.validationError(), portError->text());
    // Errors of one field do not leak into others.
    QVERIFY(dialog.fieldError(QStringLiteral("host")).isEmpty());

    // Fixing the port clears the error and enables Connect.
    portEdit->clear();
    QTest::keyClicks(portEdit, QStringLiteral("8883"));
    QVERIFY2(dialog.isValid(), qPrintable(dialog.validationError()));
    QVERIFY(portError->isHidden());
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(dialog.profile().settings.port, 8883);
}

void TestConnectionDialog::fieldErrorsAppearNextToTheField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expectedField");

    QTest::newRow("empty host") << QStringLiteral("host") << QString() << QStringLiteral("host");
    QTest::newRow("wildcard in will topic") << QStringLiteral("willTopic") << QStringLiteral("plant/+/status") << QStringLiteral("willTopic");
    QTest::newRow("empty will topic") << QStringLiteral("willTopic") << QString() << QStringLiteral("willTopic");
    QTest::newRow("keep-alive too short") << QStringLiteral("keepAlive") << QStringLiteral("2") << QStringLiteral("keepAlive");
}

void TestConnectionDialog::fieldErrorsAppearNextToTheField()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expectedField);

    ConnectionDialog dialog(nullptr);
    dialog.show();
    if (field == QLatin1String("willTopic"))
        child<QGroupBox>(dialog, QStringLiteral("will"))->setChecked(true);
    if (field == QLatin1String("keepAlive"))
        child<QSpinBox>(dialog, QStringLiteral("keepAlive"))->setValue(value.toInt());
    else
        child<QLineEdit>(dialog, field)->setText(value);

    const QString error = dialog.fieldError(expectedField);
    QVERIFY2(!error.isEmpty(), qPrintable(QStringLiteral("no error at %1; first error: %2").arg(expectedField, dialog.validationError())));
    QVERIFY(child<QLabel>(dialog, expectedField + QStringLiteral("Error"))->isVisible());
    QVERIFY(!okButton(dialog)->isEnabled());
}

void TestConnectionDialog::protocolSwitchesSessionFields()
{
    ConnectionDialog dialog(nullptr);
    auto *protocol = child<QComboBox>(dialog, QStringLiteral("protocol"));
    auto *expiry = child<QSpinBox>(dialog, QStringLiteral("sessionExpiry"));
    auto *clean = child<QCheckBox>(dialog, QStringLiteral("cleanSession"));

    protocol->setCurrentIndex(protocol->findData(int(ConnectionSettings::ProtocolVersion::V5)));
    QVERIFY(expiry->isEnabled());
    QVERIFY2(clean->text().startsWith(QLatin1String("Clean start")), qPrintable(clean->text()));
    expiry->setValue(300);
    QCOMPARE(dialog.profile().settings.sessionExpirySeconds, 300u);

    protocol->setCurrentIndex(protocol->findData(int(ConnectionSettings::ProtocolVersion::V311)));
    QVERIFY(!expiry->isEnabled());
    QVERIFY2(clean->text().startsWith(QLatin1String("Clean session")), qPrintable(clean->text()));
    QCOMPARE(dialog.profile().settings.protocolVersion, ConnectionSettings::ProtocolVersion::V311);
    QCOMPARE(dialog.profile().settings.sessionExpirySeconds, 0u);
}

void TestConnectionDialog::validProfileSaves()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString settingsFile = dir.filePath(QStringLiteral("profiles.ini"));
    const QString service = QStringLiteral("LineScopeUiTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    SecretStore secrets(service);
    ProfileStore store(&secrets, settingsFile);
    const QString password = QStringLiteral("s3cret-%1").arg(QUuid::createUuid().toString(QUuid::Id128));

    QUuid savedId;
    {
        ConnectionDialog dialog(&store);
        dialog.show();
        child<QLineEdit>(dialog, QStringLiteral("name"))->setText(QStringLiteral("Line 3 gateway"));
        child<QLineEdit>(dialog, QStringLiteral("host"))->setText(QStringLiteral("gateway.line3.example"));
        child<QLineEdit>(dialog, QStringLiteral("port"))->setText(QStringLiteral("8883"));
        child<QLineEdit>(dialog, QStringLiteral("username"))->setText(QStringLiteral("operator"));
        child<QLineEdit>(dialog, QStringLiteral("password"))->setText(password);
        child<QGroupBox>(dialog, QStringLiteral("will"))->setChecked(true);
        child<QLineEdit>(dialog, QStringLiteral("willTopic"))->setText(QStringLiteral("factory/chicago/linescope/status"));
        QVERIFY2(dialog.isValid(), qPrintable(dialog.validationError()));

        auto *save = child<QPushButton>(dialog, QStringLiteral("saveProfile"));
        QVERIFY(save->isEnabled());
        QSignalSpy saved(&dialog, &ConnectionDialog::profileSaved);
        QSignalSpy storeErrors(&store, &ProfileStore::errorOccurred);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY2(saved.wait(Timeout) || !saved.isEmpty(),
                 qPrintable(storeErrors.isEmpty() ? dialog.statusText() : storeErrors.constFirst().at(1).toString()));
        savedId = saved.constFirst().at(0).toUuid();
        QVERIFY2(dialog.statusText().contains(QLatin1String("Line 3 gateway")), qPrintable(dialog.statusText()));
        QCOMPARE(child<QListWidget>(dialog, QStringLiteral("profiles"))->count(), 1);
    }

    const auto profile = store.profile(savedId);
    QVERIFY(profile.has_value());
    QCOMPARE(profile->name, QStringLiteral("Line 3 gateway"));
    QCOMPARE(profile->settings.host, QStringLiteral("gateway.line3.example"));
    QCOMPARE(profile->settings.port, 8883);
    QCOMPARE(profile->settings.username, QStringLiteral("operator"));
    QVERIFY(profile->settings.will.enabled);
    QVERIFY(profile->hasStoredPassword);

    // The password went to the keychain, not into the settings file.
    QFile file(settingsFile);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QVERIFY(!file.readAll().contains(password.toUtf8()));

    // A new dialog lists the profile and fetches the password from the keychain.
    ConnectionDialog dialog(&store);
    auto *list = child<QListWidget>(dialog, QStringLiteral("profiles"));
    QCOMPARE(list->count(), 1);
    list->setCurrentRow(0);
    QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("host"))->text(), QStringLiteral("gateway.line3.example"));
    QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(dialog, QStringLiteral("password"))->text(), password, Timeout);
    QCOMPARE(dialog.profile().settings.password, password);

    // Clean up the keychain entry.
    QSignalSpy removed(&store, &ProfileStore::removed);
    store.remove(savedId);
    QVERIFY(removed.wait(Timeout) || !removed.isEmpty());
}

void TestConnectionDialog::screenshot()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString service = QStringLiteral("LineScopeUiTest-screenshot");
    SecretStore secrets(service);
    ProfileStore store(&secrets, dir.filePath(QStringLiteral("profiles.ini")));

    // Two client certificates in a vault of this test: one for the gateway,
    // one that runs out in 12 days (the profile list shows it in amber).
    TestPki pki(dir.path());
    TestPki::CertificateSpec ca;
    ca.commonName = QStringLiteral("Chicago Plant CA");
    ca.ca = true;
    QVERIFY2(pki.makeKey(QStringLiteral("caKey"), TestPki::KeyType::EcP256)
                 && pki.makeCertificate(QStringLiteral("ca"), QStringLiteral("caKey"), {}, ca),
             qPrintable(pki.error()));
    CertificateVault vault(dir.filePath(QStringLiteral("certificates.ini")), service);
    QHash<QString, QString> ids;
    for (const auto &[name, days] : {std::pair{QStringLiteral("line3-gateway"), 400}, std::pair{QStringLiteral("oven-2"), 12}}) {
        TestPki::CertificateSpec spec;
        spec.commonName = name;
        spec.notAfterSeconds = days * 24LL * 3600 + 3600;
        const QString key = name + QStringLiteral("-key");
        QVERIFY2(pki.makeKey(key, TestPki::KeyType::EcP256) && pki.makeCertificate(name, key, QStringLiteral("ca"), spec)
                     && !pki.writeCertificatesPem(name + QStringLiteral(".crt"), {name}).isEmpty()
                     && !pki.writeKey(name + QStringLiteral(".key"), key, TestPki::KeyFormat::Pkcs8Pem).isEmpty(),
                 qPrintable(pki.error()));
        QString error;
        ids.insert(name, VaultTestUtil::importInto(vault, {pki.path(name + QStringLiteral(".crt")), pki.path(name + QStringLiteral(".key"))},
                                                   name, &error));
        QVERIFY2(!ids.value(name).isEmpty(), qPrintable(error));
    }

    for (const QString &name : {QStringLiteral("Chicago line 3 gateway"), QStringLiteral("Embedded broker"), QStringLiteral("Oven line")}) {
        ConnectionProfile profile;
        profile.name = name;
        if (name == QLatin1String("Oven line")) {
            profile.settings.tls.enabled = true;
            profile.settings.tls.clientIdentityId = ids.value(QStringLiteral("oven-2"));
        }
        QSignalSpy saved(&store, &ProfileStore::saved);
        store.save(profile);
        QVERIFY(!saved.isEmpty() || saved.wait(Timeout));
    }

    ConnectionDialog dialog(&store, &vault);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QListWidget>(dialog, QStringLiteral("profiles"))->setCurrentRow(0);
    child<QLineEdit>(dialog, QStringLiteral("host"))->setText(QStringLiteral("gateway.line3.example"));
    child<QLineEdit>(dialog, QStringLiteral("port"))->setText(QStringLiteral("8883"));
    child<QLineEdit>(dialog, QStringLiteral("username"))->setText(QStringLiteral("operator"));
    child<QGroupBox>(dialog, QStringLiteral("will"))->setChecked(true);
    child<QLineEdit>(dialog, QStringLiteral("willTopic"))->setText(QStringLiteral("factory/chicago/+/linescope/status"));
    child<QGroupBox>(dialog, QStringLiteral("tls"))->setChecked(true);
    auto *identity = child<QComboBox>(dialog, QStringLiteral("clientIdentity"));
    identity->setCurrentIndex(identity->findData(ids.value(QStringLiteral("line3-gateway"))));
    QVERIFY(!dialog.fieldError(QStringLiteral("willTopic")).isEmpty());
    QTest::qWait(200);   // let the layout take the shown error labels into account

    saveScreenshot(&dialog, QStringLiteral("connection-dialog.png"));

    for (const QString &id : std::as_const(ids)) {
        const VaultTestUtil::JobResult removed = VaultTestUtil::wait(vault.remove(id));
        QVERIFY2(removed.ok(), qPrintable(removed.describe()));
    }
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connection_dialog.moc"
