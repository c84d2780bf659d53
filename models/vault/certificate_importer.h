#pragma once

#include "certificate_identity.h"
#include "certificate_info.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

// Reads a client identity (certificate, its chain and the private key) from
// files and checks it before anything is stored.
//
// Accepted, recognised by content (file names only label the result):
//   - certificates as PEM (one or more blocks: certificate plus chain) or DER;
//   - private keys as PEM PKCS #1 ("RSA PRIVATE KEY"), SEC1 ("EC PRIVATE KEY"),
//     PKCS #8 ("PRIVATE KEY"), encrypted PKCS #8 ("ENCRYPTED PRIVATE KEY",
//     needs the passphrase) or legacy encrypted PEM, and the same as DER;
//   - PKCS #12 bundles (.p12/.pfx) with their passphrase;
//   - the AWS IoT download set in one go: *-certificate.pem.crt,
//     *-private.pem.key, AmazonRootCA1.pem (a self-signed CA: kept as trust
//     anchor for the broker) and *-public.pem.key (ignored, not needed).
//
// Usage: setFiles(), optionally setPassphrase(), start(); finished() follows
// (always after start() returned) and result() holds the outcome. The work
// runs on a thread-pool thread (QtConcurrent), never on the caller's thread.
// Create and use the object on one thread with an event loop.
//
// The private key is only in memory, in result().identity; hand it to
// CertificateVault::store() and call clearSecrets() right after. The importer
// never writes files and never logs key material or the passphrase.
class CertificateImporter : public QObject
{
    Q_OBJECT
public:
    enum class Error {
        NoError,
        NoFiles,                 // no file was given
        FileUnreadable,          // missing, a folder, no permission, or a read error
        FileTruncated,           // empty, cut off or damaged (e.g. a PEM block without its END line)
        NotACertificate,         // the file holds neither a certificate, a private key nor a PKCS #12 bundle
        PassphraseRequired,      // an encrypted key or a PKCS #12 bundle, and no passphrase was given
        WrongPassphrase,         // the passphrase does not decrypt the key or bundle
        MissingPrivateKey,       // certificates, but no private key among the files
        MissingCertificate,      // a private key, but no certificate among the files
        AmbiguousPrivateKey,     // more than one different private key
        KeyMismatch,             // the private key belongs to none of the certificates
        CertificateExpired,
        CertificateNotYetValid,
        UnsupportedKeyType       // e.g. DSA, Ed25519, RSA below 2048 bits
    };
    Q_ENUM(Error)

    // What a file turned out to be.
    enum class FileRole {
        Unused,              // read, but nothing in it was needed (e.g. a public key)
        ClientCertificate,   // holds the certificate that matches the key
        ChainCertificates,   // intermediate certificates only
        CaCertificates,      // trust anchors (self-signed CA certificates) only
        PrivateKey,
        Pkcs12Bundle
    };
    Q_ENUM(FileRole)

    struct FileReport
    {
        QString path;
        FileRole role = FileRole::Unused;
    };

    struct Result
    {
        Error error = Error::NoError;
        QString errorString;             // translated; names the file and what to try
        QString errorFile;               // the file the error is about, if one
        QStringList warnings;            // translated; e.g. expires within 30 days
        CertificateInfo info;            // of the client certificate; name suggested, id empty
        CertificateIdentity identity;    // memory only; empty unless error == NoError
        QList<FileReport> files;

        bool isOk() const { return error == Error::NoError; }
    };

    explicit CertificateImporter(QObject *parent = nullptr);
    ~CertificateImporter() override;

    void setFiles(const QStringList &paths);
    QStringList files() const;
    // Kept in memory only until the import finished, then overwritten.
    void setPassphrase(const QByteArray &passphrase);

    // Legal when not running. finished() follows exactly once.
    void start();
    bool isRunning() const;

    // Valid after finished().
    Result result() const;
    Error error() const;
    QString errorString() const;
    QStringList warnings() const;

    // Overwrites and drops the private key held in result().
    void clearSecrets();

    // The import itself, blocking; what start() runs on the pool. Any thread.
    // now decides expiry (tests pass a fixed time).
    static Result importFiles(const QStringList &paths, const QByteArray &passphrase,
                              const QDateTime &now = QDateTime::currentDateTimeUtc());

Q_SIGNALS:
    void finished();

private:
    class Private;
    std::unique_ptr<Private> const d;
};
