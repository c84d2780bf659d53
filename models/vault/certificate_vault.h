#pragma once

#include "certificate_identity.h"
#include "certificate_info.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class CertificateVaultJob;

// Client identities (certificate, chain, private key) kept in the OS keychain.
//
// Storage: one identity has two keychain entries under the SecretStore
// service (default "LineScope"): "cert/<id>/key" (the private key, PKCS #8
// PEM) and "cert/<id>/chain" (the client certificate, its intermediates and
// any trust anchors imported with it). The settings file (INI; default
// defaultSettingsFile()) holds only the id and public details: name,
// subject, issuer, serial, SHA-256 fingerprint, validity, key type. The
// private key is never written to a file and never logged. Without a
// keychain, store() fails with Error::NoKeychain and nothing is stored
// anywhere: the settings file is written only after both entries are in
// the keychain.
//
// The id is the first 16 hex digits of the certificate's SHA-256
// fingerprint, so importing the same certificate twice is detected.
//
// Rotation: a profile keeps referring to the id it was set up with. To
// replace that certificate, import the new one and call
// setPendingReplacement(oldId, newId). connectionIdentityId(oldId) then
// answers newId, so the next connection tries the new certificate while the
// old one stays stored. After the first successful connection with it, call
// confirmReplacement(oldId): the old identity is deleted and oldId from
// then on resolves to newId (resolvedId()), so profiles need no edit. If
// the new certificate does not work, cancelReplacement(oldId) returns to the
// old one. MqttSession does the connectionIdentityId()/confirmReplacement()
// steps itself for settings with tls.clientIdentityId.
//
// Threading: create and use on one thread with an event loop (normally the
// GUI thread). Reading the list and details reads the small settings file
// synchronously; everything that touches the keychain is a job that answers
// asynchronously (never from inside the call that created it).
class CertificateVault : public QObject
{
    Q_OBJECT
public:
    enum class Error {
        NoError,
        NotFound,               // no identity with this id
        AlreadyStored,          // store(): this certificate is already in the vault
        InvalidIdentity,        // store(): no certificate or no key given
        NoKeychain,             // no OS keychain is reachable; nothing was stored
        KeychainAccessDenied,   // the keychain is locked or access was refused
        KeychainError,          // any other keychain failure; the message has its text
        DamagedEntry,           // the keychain entries of an identity are missing or unreadable
        SettingsUnwritable,     // the settings file cannot be written
        NoPendingReplacement    // confirmReplacement() without setPendingReplacement()
    };
    Q_ENUM(Error)

    // Empty settingsFile: defaultSettingsFile(). keychainService: the
    // SecretStore service the entries are stored under.
    explicit CertificateVault(const QString &settingsFile = {},
                              const QString &keychainService = QStringLiteral("LineScope"),
                              QObject *parent = nullptr);
    ~CertificateVault() override;

    // certificates.ini in LineScope's configuration folder (the GUI's
    // AppConfigLocation), the same for the GUI and linescope-cli.
    static QString defaultSettingsFile();
    static QString keyEntry(const QString &id);     // "cert/<id>/key"
    static QString chainEntry(const QString &id);   // "cert/<id>/chain"
    // The id a certificate gets, from its SHA-256 fingerprint.
    static QString idFor(const CertificateInfo &info);

    QString settingsFile() const;
    QString keychainService() const;

    // Sorted by name. Ids of identities that were replaced are not listed.
    QList<CertificateInfo> certificates() const;
    // Details of id (after resolvedId()); nullopt when unknown.
    std::optional<CertificateInfo> certificate(const QString &id) const;
    // Finds an identity the way a user names it: its id, a unique start of
    // it (4 digits or more) or its exact name. Returns the id, or an empty
    // string with *error set (translated) when none or several match.
    QString lookup(const QString &text, QString *error = nullptr) const;

    /* Keychain jobs: each emits CertificateVaultJob::finished() once and
       then deletes itself; read its results in the slot. */

    // Stores identity with info's public details (info.name is the display
    // name; info.id is ignored and set by the vault). The job's info() has the id.
    CertificateVaultJob *store(const CertificateIdentity &identity, const CertificateInfo &info);
    // Deletes both keychain entries, then the settings entry.
    CertificateVaultJob *remove(const QString &id);
    // The client certificate and its intermediates as PEM; never the key.
    CertificateVaultJob *exportCertificate(const QString &id);
    // Reads key and chain for a connection; take it with takeIdentity().
    CertificateVaultJob *loadIdentity(const QString &id);

    /* Rotation (see the class comment) */
    // false with *error (translated) when either id is unknown or they are the same.
    bool setPendingReplacement(const QString &oldId, const QString &newId, QString *error = nullptr);
    QString pendingReplacement(const QString &id) const;
    bool cancelReplacement(const QString &oldId);
    // Deletes the old identity and redirects oldId to its replacement.
    CertificateVaultJob *confirmReplacement(const QString &oldId);
    // id itself, or the identity that replaced it (after confirmReplacement()).
    QString resolvedId(const QString &id) const;
    // What a connection configured with id should use now: the pending
    // replacement if there is one, else resolvedId(id).
    QString connectionIdentityId(const QString &id) const;

Q_SIGNALS:
    // The list or a pending replacement changed through this vault object:
    // emitted on the vault's thread after a successful store(), remove() or
    // confirmReplacement() job has emitted its finished(), and from within a
    // successful setPendingReplacement()/cancelReplacement(). Other
    // CertificateVault objects on the same settings file do not see it.
    void certificatesChanged();

private:
    class Private;
    std::unique_ptr<Private> const d;
};
