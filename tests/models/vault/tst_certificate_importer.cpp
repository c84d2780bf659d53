#include "vault/certificate_importer.h"

#include "test_pki.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Error = CertificateImporter::Error;
using FileRole = CertificateImporter::FileRole;
using KeyFormat = TestPki::KeyFormat;
using KeyType = TestPki::KeyType;

namespace {

constexpr qint64 Day = 24 * 3600;
const QByteArray Passphrase("correct horse battery staple");

QString errorName(Error error)
{
    return QString::fromLatin1(QMetaEnum::fromType<Error>().valueToKey(int(error)));
}

QString describe(const CertificateImporter::Result &result)
{
    return QStringLiteral("error %1: \"%2\" (file %3); warnings: %4")
        .arg(errorName(result.error), result.errorString, result.errorFile,
             result.warnings.join(QLatin1String(" | ")));
}

} // namespace

class TestCertificateImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void import_data();
    void import();
    void awsDownloadSetRoles();
    void identityContent();
    void unreadableFile();
    void asynchronous();
    void expiryDecidedByClock_data();
    void expiryDecidedByClock();

private:
    QStringList paths(const QStringList &names) const;

    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
    QHash<QString, QString> m_files;   // short name -> path
};

QStringList TestCertificateImporter::paths(const QStringList &names) const
{
    QStringList result;
    for (const QString &name : names) {
        result.append(m_files.value(name, m_dir.filePath(name)));
    }
    return result;
}

void TestCertificateImporter::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    m_pki = std::make_unique<TestPki>(m_dir.path());
    TestPki &pki = *m_pki;

    const auto make = [&](const QString &certificate, const QString &key, KeyType type, const QString &issuer,
                          const TestPki::CertificateSpec &spec) {
        return pki.makeKey(key, type) && pki.makeCertificate(certificate, key, issuer, spec);
    };
    TestPki::CertificateSpec caSpec;
    caSpec.commonName = QStringLiteral("LineScope Test CA");
    caSpec.ca = true;
    caSpec.notBeforeSeconds = -Day;
    caSpec.notAfterSeconds = 3650 * Day;
    QVERIFY2(make(QStringLiteral("ca"), QStringLiteral("caKey"), KeyType::EcP256, {}, caSpec), qPrintable(pki.error()));
    TestPki::CertificateSpec intermediateSpec = caSpec;
    intermediateSpec.commonName = QStringLiteral("LineScope Test Intermediate");
    QVERIFY2(make(QStringLiteral("intermediate"), QStringLiteral("intermediateKey"), KeyType::EcP256,
                  QStringLiteral("ca"), intermediateSpec),
             qPrintable(pki.error()));
    TestPki::CertificateSpec awsRootSpec = caSpec;
    awsRootSpec.commonName = QStringLiteral("Amazon Root CA 1 (test double)");
    QVERIFY2(make(QStringLiteral("awsRoot"), QStringLiteral("awsRootKey"), KeyType::EcP256, {}, awsRootSpec),
             qPrintable(pki.error()));

    TestPki::CertificateSpec client;
    client.commonName = QStringLiteral("press-1");
    QVERIFY2(make(QStringLiteral("client"), QStringLiteral("clientKey"), KeyType::EcP256, QStringLiteral("ca"), client),
             qPrintable(pki.error()));
    QVERIFY2(make(QStringLiteral("rsaClient"), QStringLiteral("rsaKey"), KeyType::Rsa2048, QStringLiteral("ca"), client),
             qPrintable(pki.error()));
    QVERIFY2(make(QStringLiteral("chainClient"), QStringLiteral("chainKey"), KeyType::EcP256,
                  QStringLiteral("intermediate"), client),
             qPrintable(pki.error()));
    TestPki::CertificateSpec aws = client;
    aws.commonName = QStringLiteral("AWS IoT Certificate");
    QVERIFY2(make(QStringLiteral("awsDevice"), QStringLiteral("awsKey"), KeyType::Rsa2048, QStringLiteral("awsRoot"),
                  aws),
             qPrintable(pki.error()));
    TestPki::CertificateSpec expired = client;
    expired.notBeforeSeconds = -30 * Day;
    expired.notAfterSeconds = -Day;
    QVERIFY2(make(QStringLiteral("expired"), QStringLiteral("expiredKey"), KeyType::EcP256, QStringLiteral("ca"),
                  expired),
             qPrintable(pki.error()));
    TestPki::CertificateSpec notYet = client;
    notYet.notBeforeSeconds = 2 * Day;
    notYet.notAfterSeconds = 365 * Day;
    QVERIFY2(make(QStringLiteral("notYet"), QStringLiteral("notYetKey"), KeyType::EcP256, QStringLiteral("ca"), notYet),
             qPrintable(pki.error()));
    TestPki::CertificateSpec soon = client;
    soon.notAfterSeconds = 10 * Day;
    QVERIFY2(make(QStringLiteral("soon"), QStringLiteral("soonKey"), KeyType::EcP256, QStringLiteral("ca"), soon),
             qPrintable(pki.error()));
    QVERIFY2(make(QStringLiteral("weak"), QStringLiteral("weakKey"), KeyType::Rsa1024, QStringLiteral("ca"), client),
             qPrintable(pki.error()));
    QVERIFY2(make(QStringLiteral("edwards"), QStringLiteral("edKey"), KeyType::Ed25519, QStringLiteral("ca"), client),
             qPrintable(pki.error()));
    QVERIFY2(pki.makeKey(QStringLiteral("otherKey"), KeyType::EcP256), qPrintable(pki.error()));

    struct File
    {
        QString name;
        QString path;
    };
    const QList<File> files = {
        {QStringLiteral("client.crt"), pki.writeCertificatesPem(QStringLiteral("client.crt"), {QStringLiteral("client")})},
        {QStringLiteral("client.der"), pki.writeCertificateDer(QStringLiteral("client.der"), QStringLiteral("client"))},
        {QStringLiteral("client-pkcs8.key"),
         pki.writeKey(QStringLiteral("client-pkcs8.key"), QStringLiteral("clientKey"), KeyFormat::Pkcs8Pem)},
        {QStringLiteral("client-sec1.key"),
         pki.writeKey(QStringLiteral("client-sec1.key"), QStringLiteral("clientKey"), KeyFormat::TraditionalPem)},
        {QStringLiteral("client-key.der"),
         pki.writeKey(QStringLiteral("client-key.der"), QStringLiteral("clientKey"), KeyFormat::Pkcs8Der)},
        {QStringLiteral("client-encrypted.key"),
         pki.writeKey(QStringLiteral("client-encrypted.key"), QStringLiteral("clientKey"),
                      KeyFormat::EncryptedPkcs8Pem, Passphrase)},
        {QStringLiteral("client-encrypted-key.der"),
         pki.writeKey(QStringLiteral("client-encrypted-key.der"), QStringLiteral("clientKey"),
                      KeyFormat::EncryptedPkcs8Der, Passphrase)},
        {QStringLiteral("client.p12"),
         pki.writePkcs12(QStringLiteral("client.p12"), QStringLiteral("client"), QStringLiteral("clientKey"),
                         {QStringLiteral("ca")}, Passphrase)},
        {QStringLiteral("rsa-client.crt"),
         pki.writeCertificatesPem(QStringLiteral("rsa-client.crt"), {QStringLiteral("rsaClient")})},
        {QStringLiteral("rsa-pkcs1.key"),
         pki.writeKey(QStringLiteral("rsa-pkcs1.key"), QStringLiteral("rsaKey"), KeyFormat::TraditionalPem)},
        {QStringLiteral("chain.pem"),
         pki.writeCertificatesPem(QStringLiteral("chain.pem"), {QStringLiteral("chainClient"),
                                                                QStringLiteral("intermediate"), QStringLiteral("ca")})},
        {QStringLiteral("chain.key"),
         pki.writeKey(QStringLiteral("chain.key"), QStringLiteral("chainKey"), KeyFormat::Pkcs8Pem)},
        {QStringLiteral("0a1b2c3d4e-certificate.pem.crt"),
         pki.writeCertificatesPem(QStringLiteral("0a1b2c3d4e-certificate.pem.crt"), {QStringLiteral("awsDevice")})},
        {QStringLiteral("0a1b2c3d4e-private.pem.key"),
         pki.writeKey(QStringLiteral("0a1b2c3d4e-private.pem.key"), QStringLiteral("awsKey"), KeyFormat::TraditionalPem)},
        {QStringLiteral("AmazonRootCA1.pem"),
         pki.writeCertificatesPem(QStringLiteral("AmazonRootCA1.pem"), {QStringLiteral("awsRoot")})},
        {QStringLiteral("expired.crt"), pki.writeCertificatesPem(QStringLiteral("expired.crt"), {QStringLiteral("expired")})},
        {QStringLiteral("expired.key"),
         pki.writeKey(QStringLiteral("expired.key"), QStringLiteral("expiredKey"), KeyFormat::Pkcs8Pem)},
        {QStringLiteral("not-yet.crt"), pki.writeCertificatesPem(QStringLiteral("not-yet.crt"), {QStringLiteral("notYet")})},
        {QStringLiteral("not-yet.key"),
         pki.writeKey(QStringLiteral("not-yet.key"), QStringLiteral("notYetKey"), KeyFormat::Pkcs8Pem)},
        {QStringLiteral("soon.crt"), pki.writeCertificatesPem(QStringLiteral("soon.crt"), {QStringLiteral("soon")})},
        {QStringLiteral("soon.key"), pki.writeKey(QStringLiteral("soon.key"), QStringLiteral("soonKey"), KeyFormat::Pkcs8Pem)},
        {QStringLiteral("weak.crt"), pki.writeCertificatesPem(QStringLiteral("weak.crt"), {QStringLiteral("weak")})},
        {QStringLiteral("weak.key"), pki.writeKey(QStringLiteral("weak.key"), QStringLiteral("weakKey"), KeyFormat::Pkcs8Pem)},
        {QStringLiteral("ed.crt"), pki.writeCertificatesPem(QStringLiteral("ed.crt"), {QStringLiteral("edwards")})},
        {QStringLiteral("ed.key"), pki.writeKey(QStringLiteral("ed.key"), QStringLiteral("edKey"), KeyFormat::Pkcs8Pem)},
        {QStringLiteral("other.key"),
         pki.writeKey(QStringLiteral("other.key"), QStringLiteral("otherKey"), KeyFormat::Pkcs8Pem)},
        {QStringLiteral("ca.crt"), pki.writeCertificatesPem(QStringLiteral("ca.crt"), {QStringLiteral("ca")})},
    };
    for (const File &file : files) {
        QVERIFY2(!file.path.isEmpty(), qPrintable(file.name + QLatin1String(": ") + pki.error()));
        m_files.insert(file.name, file.path);
    }

    // Combined PEM: key and certificate in one file, as some tools write them.
    const QByteArray combined = pki.keyPem(QStringLiteral("clientKey")) + pki.certificatePem(QStringLiteral("client"));
    m_files.insert(QStringLiteral("combined.pem"), pki.writeBytes(QStringLiteral("combined.pem"), combined));
    // The AWS public key file, which the import does not need.
    m_files.insert(QStringLiteral("0a1b2c3d4e-public.pem.key"),
                   pki.writeBytes(QStringLiteral("0a1b2c3d4e-public.pem.key"),
                                  "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n"));
    // Damaged and foreign files.
    const QByteArray certificatePem = pki.certificatePem(QStringLiteral("client"));
    const qsizetype endLine = certificatePem.indexOf("-----END");
    m_files.insert(QStringLiteral("no-end.crt"),
                   pki.writeBytes(QStringLiteral("no-end.crt"), certificatePem.left(endLine - 20)));
    QByteArray damaged = certificatePem;
    damaged.replace(40, 60, QByteArray(60, 'A'));
    m_files.insert(QStringLiteral("damaged.crt"), pki.writeBytes(QStringLiteral("damaged.crt"), damaged));
    QFile der(m_files.value(QStringLiteral("client.der")));
    QVERIFY2(der.open(QIODevice::ReadOnly), qPrintable(der.errorString()));
    const QByteArray derBytes = der.readAll();
    m_files.insert(QStringLiteral("half.der"), pki.writeBytes(QStringLiteral("half.der"), derBytes.left(derBytes.size() / 2)));
    m_files.insert(QStringLiteral("empty.crt"), pki.writeBytes(QStringLiteral("empty.crt"), {}));
    m_files.insert(QStringLiteral("notes.txt"),
                   pki.writeBytes(QStringLiteral("notes.txt"), "Certificates are in the other folder.\n"));
    m_files.insert(QStringLiteral("request.csr"),
                   pki.writeBytes(QStringLiteral("request.csr"),
                                  "-----BEGIN CERTIFICATE REQUEST-----\nMIIBDjCBtQIBADBTMQswCQYD\n"
                                  "-----END CERTIFICATE REQUEST-----\n"));
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        QVERIFY2(!it.value().isEmpty(), qPrintable(it.key() + QLatin1String(": ") + pki.error()));
    }
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder")));
}

void TestCertificateImporter::import_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<Error>("expectedError");
    QTest::addColumn<QString>("words");        // in errorString, or in a warning when it succeeds
    QTest::addColumn<QString>("errorFile");    // the file the error names; "" when none
    QTest::addColumn<QString>("keyType");
    QTest::addColumn<int>("chainCertificates");
    QTest::addColumn<int>("caCertificates");

    const QString ec = QStringLiteral("EC P-256");
    const QString rsa = QStringLiteral("RSA 2048");
    const QByteArray none;

    QTest::newRow("PEM certificate + PKCS #8 key")
        << QStringList{"client.crt", "client-pkcs8.key"} << none << Error::NoError << QString() << QString() << ec << 0
        << 0;
    QTest::newRow("PEM certificate + SEC1 EC key")
        << QStringList{"client.crt", "client-sec1.key"} << none << Error::NoError << QString() << QString() << ec << 0
        << 0;
    QTest::newRow("PEM certificate + PKCS #1 RSA key")
        << QStringList{"rsa-client.crt", "rsa-pkcs1.key"} << none << Error::NoError << QString() << QString() << rsa
        << 0 << 0;
    QTest::newRow("key first, then certificate")
        << QStringList{"client-pkcs8.key", "client.crt"} << none << Error::NoError << QString() << QString() << ec << 0
        << 0;
    QTest::newRow("DER certificate + DER key")
        << QStringList{"client.der", "client-key.der"} << none << Error::NoError << QString() << QString() << ec << 0
        << 0;
    QTest::newRow("key and certificate in one PEM file")
        << QStringList{"combined.pem"} << none << Error::NoError << QString() << QString() << ec << 0 << 0;
    QTest::newRow("chain with intermediate and root")
        << QStringList{"chain.pem", "chain.key"} << none << Error::NoError << QString() << QString() << ec << 1 << 1;
    QTest::newRow("encrypted PKCS #8 PEM with passphrase")
        << QStringList{"client.crt", "client-encrypted.key"} << Passphrase << Error::NoError << QString() << QString()
        << ec << 0 << 0;
    QTest::newRow("encrypted PKCS #8 DER with passphrase")
        << QStringList{"client.crt", "client-encrypted-key.der"} << Passphrase << Error::NoError << QString()
        << QString() << ec << 0 << 0;
    QTest::newRow("encrypted key without passphrase")
        << QStringList{"client.crt", "client-encrypted.key"} << none << Error::PassphraseRequired
        << QStringLiteral("protected by a passphrase") << QStringLiteral("client-encrypted.key") << QString() << 0 << 0;
    QTest::newRow("encrypted DER key without passphrase")
        << QStringList{"client.crt", "client-encrypted-key.der"} << none << Error::PassphraseRequired
        << QStringLiteral("protected by a passphrase") << QStringLiteral("client-encrypted-key.der") << QString() << 0
        << 0;
    QTest::newRow("encrypted key, wrong passphrase")
        << QStringList{"client.crt", "client-encrypted.key"} << QByteArray("Tr0ub4dor&3") << Error::WrongPassphrase
        << QStringLiteral("does not unlock") << QStringLiteral("client-encrypted.key") << QString() << 0 << 0;
    QTest::newRow("encrypted DER key, wrong passphrase")
        << QStringList{"client.crt", "client-encrypted-key.der"} << QByteArray("Tr0ub4dor&3") << Error::WrongPassphrase
        << QStringLiteral("does not unlock") << QStringLiteral("client-encrypted-key.der") << QString() << 0 << 0;
    QTest::newRow("PKCS #12 with passphrase")
        << QStringList{"client.p12"} << Passphrase << Error::NoError << QString() << QString() << ec << 0 << 1;
    QTest::newRow("PKCS #12 without passphrase")
        << QStringList{"client.p12"} << none << Error::PassphraseRequired << QStringLiteral("PKCS #12")
        << QStringLiteral("client.p12") << QString() << 0 << 0;
    QTest::newRow("PKCS #12, wrong passphrase")
        << QStringList{"client.p12"} << QByteArray("wrong") << Error::WrongPassphrase << QStringLiteral("does not unlock")
        << QStringLiteral("client.p12") << QString() << 0 << 0;
    QTest::newRow("AWS IoT download set")
        << QStringList{"0a1b2c3d4e-certificate.pem.crt", "0a1b2c3d4e-private.pem.key", "0a1b2c3d4e-public.pem.key",
                       "AmazonRootCA1.pem"}
        << none << Error::NoError << QStringLiteral("public key") << QString() << rsa << 0 << 1;
    QTest::newRow("AWS IoT set in another order")
        << QStringList{"AmazonRootCA1.pem", "0a1b2c3d4e-private.pem.key", "0a1b2c3d4e-certificate.pem.crt"} << none
        << Error::NoError << QString() << QString() << rsa << 0 << 1;
    QTest::newRow("key of another certificate")
        << QStringList{"client.crt", "other.key"} << none << Error::KeyMismatch << QStringLiteral("does not belong")
        << QStringLiteral("other.key") << QString() << 0 << 0;
    QTest::newRow("AWS key with our client certificate")
        << QStringList{"client.crt", "0a1b2c3d4e-private.pem.key"} << none << Error::KeyMismatch
        << QStringLiteral("press-1") << QStringLiteral("0a1b2c3d4e-private.pem.key") << QString() << 0 << 0;
    QTest::newRow("expired certificate")
        << QStringList{"expired.crt", "expired.key"} << none << Error::CertificateExpired << QStringLiteral("expired on")
        << QStringLiteral("expired.crt") << QString() << 0 << 0;
    QTest::newRow("not yet valid")
        << QStringList{"not-yet.crt", "not-yet.key"} << none << Error::CertificateNotYetValid
        << QStringLiteral("not valid before") << QStringLiteral("not-yet.crt") << QString() << 0 << 0;
    QTest::newRow("expires in 10 days: warning")
        << QStringList{"soon.crt", "soon.key"} << none << Error::NoError << QStringLiteral("expires in")
        << QString() << ec << 0 << 0;
    QTest::newRow("RSA 1024")
        << QStringList{"weak.crt", "weak.key"} << none << Error::UnsupportedKeyType << QStringLiteral("1024 bits")
        << QStringLiteral("weak.key") << QString() << 0 << 0;
    QTest::newRow("Ed25519")
        << QStringList{"ed.crt", "ed.key"} << none << Error::UnsupportedKeyType << QStringLiteral("Ed25519")
        << QStringLiteral("ed.key") << QString() << 0 << 0;
    QTest::newRow("no files") << QStringList{} << none << Error::NoFiles << QStringLiteral("No files") << QString()
                              << QString() << 0 << 0;
    QTest::newRow("missing file")
        << QStringList{"client.crt", "missing.key"} << none << Error::FileUnreadable << QStringLiteral("does not exist")
        << QStringLiteral("missing.key") << QString() << 0 << 0;
    QTest::newRow("a folder") << QStringList{"folder"} << none << Error::FileUnreadable << QStringLiteral("folder")
                              << QStringLiteral("folder") << QString() << 0 << 0;
    QTest::newRow("empty file") << QStringList{"empty.crt", "client-pkcs8.key"} << none << Error::FileTruncated
                                << QStringLiteral("empty") << QStringLiteral("empty.crt") << QString() << 0 << 0;
    QTest::newRow("PEM without END line")
        << QStringList{"no-end.crt", "client-pkcs8.key"} << none << Error::FileTruncated << QStringLiteral("END line")
        << QStringLiteral("no-end.crt") << QString() << 0 << 0;
    QTest::newRow("damaged PEM")
        << QStringList{"damaged.crt", "client-pkcs8.key"} << none << Error::FileTruncated << QStringLiteral("damaged")
        << QStringLiteral("damaged.crt") << QString() << 0 << 0;
    QTest::newRow("DER cut in half")
        << QStringList{"half.der", "client-pkcs8.key"} << none << Error::FileTruncated << QStringLiteral("cut off")
        << QStringLiteral("half.der") << QString() << 0 << 0;
    QTest::newRow("text file") << QStringList{"notes.txt"} << none << Error::NotACertificate
                               << QStringLiteral("not a certificate") << QStringLiteral("notes.txt") << QString() << 0
                               << 0;
    QTest::newRow("certificate request")
        << QStringList{"request.csr", "client-pkcs8.key"} << none << Error::NotACertificate
        << QStringLiteral("CERTIFICATE REQUEST") << QStringLiteral("request.csr") << QString() << 0 << 0;
    QTest::newRow("certificate without key")
        << QStringList{"client.crt", "ca.crt"} << none << Error::MissingPrivateKey << QStringLiteral("no private key")
        << QStringLiteral("client.crt") << QString() << 0 << 0;
    QTest::newRow("public key only, no certificate")
        << QStringList{"0a1b2c3d4e-public.pem.key"} << none << Error::NotACertificate
        << QStringLiteral("None of the files") << QString() << QString() << 0 << 0;
    QTest::newRow("key without certificate")
        << QStringList{"client-pkcs8.key"} << none << Error::MissingCertificate << QStringLiteral("no certificate")
        << QStringLiteral("client-pkcs8.key") << QString() << 0 << 0;
    QTest::newRow("two different keys")
        << QStringList{"client.crt", "client-pkcs8.key", "other.key"} << none << Error::AmbiguousPrivateKey
        << QStringLiteral("2 different private keys") << QStringLiteral("client-pkcs8.key") << QString() << 0 << 0;
    QTest::newRow("same key twice (PEM and DER)")
        << QStringList{"client.crt", "client-pkcs8.key", "client-key.der"} << none << Error::NoError << QString()
        << QString() << ec << 0 << 0;
}

void TestCertificateImporter::import()
{
    QFETCH(QStringList, files);
    QFETCH(QByteArray, passphrase);
    QFETCH(Error, expectedError);
    QFETCH(QString, words);
    QFETCH(QString, errorFile);
    QFETCH(QString, keyType);
    QFETCH(int, chainCertificates);
    QFETCH(int, caCertificates);

    const CertificateImporter::Result result = CertificateImporter::importFiles(paths(files), passphrase);
    QVERIFY2(result.error == expectedError,
             qPrintable(QStringLiteral("expected %1, got %2").arg(errorName(expectedError), describe(result))));
    if (expectedError != Error::NoError) {
        QVERIFY2(result.errorString.contains(words), qPrintable(describe(result)));
        QVERIFY2(result.identity.isEmpty(), "no key material may come back with an error");
        if (errorFile.isEmpty()) {
            QVERIFY2(result.errorFile.isEmpty(), qPrintable(describe(result)));
        } else {
            QCOMPARE(result.errorFile, paths({errorFile}).constFirst());
            QVERIFY2(result.errorString.contains(QDir::toNativeSeparators(result.errorFile))
                         || expectedError == Error::AmbiguousPrivateKey,
                     qPrintable(describe(result)));
        }
        return;
    }
    QVERIFY2(result.errorString.isEmpty(), qPrintable(describe(result)));
    if (!words.isEmpty()) {
        QVERIFY2(result.warnings.join(QLatin1Char('\n')).contains(words), qPrintable(describe(result)));
    } else {
        QVERIFY2(result.warnings.isEmpty(), qPrintable(describe(result)));
    }
    QCOMPARE(result.info.keyType, keyType);
    QCOMPARE(result.info.chainCertificates, chainCertificates);
    QCOMPARE(result.info.caCertificates, caCertificates);
    QVERIFY(result.identity.privateKeyPem.startsWith("-----BEGIN PRIV" "ATE KEY-----"));
    QVERIFY(result.identity.certificateChainPem.startsWith("-----BEGIN CERTIFICATE-----"));
    QCOMPARE(result.identity.certificateChainPem.count("BEGIN CERTIFICATE"), 1 + chainCertificates);
    QCOMPARE(result.identity.caCertificatesPem.count("BEGIN CERTIFICATE"), caCertificates);
    QVERIFY(!result.identity.certificateChainPem.contains("PRIVATE KEY"));
    QVERIFY(!result.identity.caCertificatesPem.contains("PRIVATE KEY"));
    QCOMPARE(result.files.size(), files.size());
}

void TestCertificateImporter::awsDownloadSetRoles()
{
    const QStringList files = paths({"0a1b2c3d4e-public.pem.key", "AmazonRootCA1.pem", "0a1b2c3d4e-private.pem.key",
                                     "0a1b2c3d4e-certificate.pem.crt"});
    const CertificateImporter::Result result = CertificateImporter::importFiles(files, {});
    QVERIFY2(result.isOk(), qPrintable(describe(result)));
    QHash<QString, FileRole> roles;
    for (const CertificateImporter::FileReport &report : result.files) {
        roles.insert(QFileInfo(report.path).fileName(), report.role);
    }
    QCOMPARE(roles.value(QStringLiteral("0a1b2c3d4e-certificate.pem.crt")), FileRole::ClientCertificate);
    QCOMPARE(roles.value(QStringLiteral("0a1b2c3d4e-private.pem.key")), FileRole::PrivateKey);
    QCOMPARE(roles.value(QStringLiteral("AmazonRootCA1.pem")), FileRole::CaCertificates);
    QCOMPARE(roles.value(QStringLiteral("0a1b2c3d4e-public.pem.key")), FileRole::Unused);
    QCOMPARE(result.identity.caCertificatesPem, m_pki->certificatePem(QStringLiteral("awsRoot")));
    QCOMPARE(result.info.name, QStringLiteral("AWS IoT Certificate"));
}

void TestCertificateImporter::identityContent()
{
    const CertificateImporter::Result result =
        CertificateImporter::importFiles(paths({"chain.pem", "chain.key"}), {});
    QVERIFY2(result.isOk(), qPrintable(describe(result)));
    // The key comes back as PKCS #8, identical to what OpenSSL writes for it.
    QCOMPARE(result.identity.privateKeyPem, m_pki->keyPem(QStringLiteral("chainKey")));
    QCOMPARE(result.identity.certificateChainPem,
             m_pki->certificatePem(QStringLiteral("chainClient")) + m_pki->certificatePem(QStringLiteral("intermediate")));
    QCOMPARE(result.identity.caCertificatesPem, m_pki->certificatePem(QStringLiteral("ca")));

    const CertificateInfo &info = result.info;
    QCOMPARE(info.name, QStringLiteral("press-1"));
    QCOMPARE(info.commonName, QStringLiteral("press-1"));
    QCOMPARE(info.subject, QStringLiteral("CN=press-1,O=LineScope Tests"));
    QCOMPARE(info.issuer, QStringLiteral("CN=LineScope Test Intermediate,O=LineScope Tests"));
    QVERIFY2(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$")).match(info.sha256Fingerprint).hasMatch(),
             qPrintable(info.sha256Fingerprint));
    QVERIFY2(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:)*[0-9A-F]{2}$")).match(info.serialNumber).hasMatch(),
             qPrintable(info.serialNumber));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(qAbs(info.notBefore.secsTo(now) - 3600) < 120);
    QVERIFY2(info.daysLeft(now) == 364 || info.daysLeft(now) == 365, qPrintable(QString::number(info.daysLeft(now))));
    QCOMPARE(info.validity(now), CertificateInfo::Validity::Valid);
    QVERIFY(info.id.isEmpty());
}

void TestCertificateImporter::unreadableFile()
{
    const QString path = m_pki->writeBytes(QStringLiteral("locked.key"), m_pki->keyPem(QStringLiteral("clientKey")));
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    QFile probe(path);
    if (probe.open(QIODevice::ReadOnly)) {
        QSKIP("This user reads files without read permission (root); the case cannot be set up.");
    }
    const CertificateImporter::Result result =
        CertificateImporter::importFiles({m_files.value(QStringLiteral("client.crt")), path}, {});
    QCOMPARE(result.error, Error::FileUnreadable);
    QVERIFY2(result.errorString.contains(QLatin1String("cannot be read")), qPrintable(result.errorString));
}

void TestCertificateImporter::asynchronous()
{
    CertificateImporter importer;
    QSignalSpy finished(&importer, &CertificateImporter::finished);
    importer.setFiles(paths({"client.crt", "client-encrypted.key"}));
    importer.setPassphrase(Passphrase);
    importer.start();
    QVERIFY(importer.isRunning());
    QCOMPARE(finished.count(), 0);   // never from inside start()
    QVERIFY2(finished.wait(20000), "the import did not finish");
    QTest::qWait(100);   // a second finished() would be queued behind the first
    QCOMPARE(finished.count(), 1);
    QVERIFY(!importer.isRunning());
    QVERIFY2(importer.error() == Error::NoError, qPrintable(importer.errorString()));
    QVERIFY(!importer.result().identity.privateKeyPem.isEmpty());
    importer.clearSecrets();
    QVERIFY(importer.result().identity.privateKeyPem.isEmpty());

    // The passphrase was used once and is gone: a second run has none.
    importer.start();
    QVERIFY2(finished.wait(20000), "the second import did not finish");
    QTest::qWait(100);
    QCOMPARE(finished.count(), 2);
    QCOMPARE(importer.error(), Error::PassphraseRequired);
}

void TestCertificateImporter::expiryDecidedByClock_data()
{
    QTest::addColumn<qint64>("nowOffsetSeconds");
    QTest::addColumn<Error>("expectedError");
    QTest::addColumn<bool>("warning");

    QTest::newRow("today: 364 days left") << qint64(0) << Error::NoError << false;
    QTest::newRow("31 days before the end") << 334 * Day << Error::NoError << false;
    QTest::newRow("29 days before the end") << 336 * Day << Error::NoError << true;
    QTest::newRow("one hour after the end") << 365 * Day + 3600 << Error::CertificateExpired << false;
    QTest::newRow("two hours before notBefore") << qint64(-2 * 3600) << Error::CertificateNotYetValid << false;
}

void TestCertificateImporter::expiryDecidedByClock()
{
    QFETCH(qint64, nowOffsetSeconds);
    QFETCH(Error, expectedError);
    QFETCH(bool, warning);
    const CertificateImporter::Result result = CertificateImporter::importFiles(
        paths({"client.crt", "client-pkcs8.key"}), {}, QDateTime::currentDateTimeUtc().addSecs(nowOffsetSeconds));
    QVERIFY2(result.error == expectedError, qPrintable(describe(result)));
    QCOMPARE(result.warnings.join(QLatin1Char(' ')).contains(QLatin1String("expires in")), warning);
}

QTEST_GUILESS_MAIN(TestCertificateImporter)
#include "tst_certificate_importer.moc"
