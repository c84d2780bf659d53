#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

// Test certificates made at test time with the OpenSSL C API, so validity
// can be set freely (backdated, expired, expiring in 10 days) without
// faketime or "openssl ca" databases. Files land in the given folder.
// Every function returns false / an empty string on failure, with error().
class TestPki
{
public:
    enum class KeyType { EcP256, Rsa2048, Rsa1024, Ed25519 };
    enum class KeyFormat {
        Pkcs8Pem,            // "PRIVATE KEY"
        TraditionalPem,      // "RSA PRIVATE KEY" (PKCS #1) / "EC PRIVATE KEY" (SEC1)
        EncryptedPkcs8Pem,   // "ENCRYPTED PRIVATE KEY", AES-256-CBC
        Pkcs8Der,
        EncryptedPkcs8Der
    };

    struct CertificateSpec
    {
        QString commonName;
        qint64 notBeforeSeconds = -3600;             // relative to now
        qint64 notAfterSeconds = 365LL * 24 * 3600;  // relative to now
        bool ca = false;
        QStringList dnsNames;
        QStringList ipAddresses;
    };

    explicit TestPki(const QString &directory);
    ~TestPki();
    TestPki(const TestPki &) = delete;
    TestPki &operator=(const TestPki &) = delete;

    QString error() const;
    QString path(const QString &fileName) const;

    bool makeKey(const QString &name, KeyType type);
    // Signed by issuer's certificate and key; self-signed when issuer is empty.
    bool makeCertificate(const QString &name, const QString &keyName, const QString &issuer,
                         const CertificateSpec &spec);

    // Each returns the absolute path, or an empty string on failure. Files
    // are world-readable so a mosquitto that dropped root privileges reads them.
    QString writeCertificatesPem(const QString &fileName, const QStringList &certificateNames);
    QString writeCertificateDer(const QString &fileName, const QString &certificateName);
    QString writeKey(const QString &fileName, const QString &keyName, KeyFormat format,
                     const QByteArray &passphrase = {});
    QString writePkcs12(const QString &fileName, const QString &certificateName, const QString &keyName,
                        const QStringList &caNames, const QByteArray &passphrase);
    QString writeBytes(const QString &fileName, const QByteArray &bytes);

    QByteArray certificatePem(const QString &certificateName) const;
    QByteArray keyPem(const QString &keyName) const;   // unencrypted PKCS #8
    // Byte strings that betray the private key if found in a file: its
    // PKCS #8 DER, a window of it, and base64 lines of its PEM forms.
    QList<QByteArray> keyNeedles(const QString &keyName) const;

private:
    class Private;
    std::unique_ptr<Private> const d;
};
