#pragma once

#include "connection_profile.h"

#include <QObject>
#include <QSettings>
#include <QStringList>

#include <memory>
#include <optional>

class SecretStore;

// Loads and saves ConnectionProfiles with QSettings (INI file in
// QStandardPaths::AppConfigLocation unless a path is given). Passwords go to
// the SecretStore; the settings file holds only a reference ("passwordRef",
// the keychain key) and never the password itself. Likewise a client
// certificate is stored as its CertificateVault id (tls/clientIdentityId);
// the PEM fields of ConnectionSettings::Tls are never written.
//
// save() writes settings synchronously (small file) and the password
// asynchronously; saved(profileId) or errorOccurred(profileId, message)
// follows once the keychain answered. Every operation answers through signals
// emitted after the call returned, never from inside it.
//
// Threading: use it on the thread of the SecretStore (normally the GUI
// thread), with a running event loop. The SecretStore must outlive this
// object. It may be shared; answers for keys this store did not ask about are
// left to their requester.
//
// Reading is forgiving: a value that is missing falls back to the
// ConnectionSettings default; a value that is present but invalid (a port of
// "abc", protocol "v7", qos 5, ...) falls back too, is described in
// loadProblems(), and the first one of each read is logged with qWarning.
// Sections that are not a profile id are skipped the same way.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    explicit ProfileStore(SecretStore *secrets, const QString &settingsFile = {}, QObject *parent = nullptr);
    ~ProfileStore() override;

    QString settingsFile() const;
    QList<ConnectionProfile> profiles() const;   // without passwords, sorted by name
    std::optional<ConnectionProfile> profile(const QUuid &id) const;

    // Translated descriptions of the invalid values found by the last
    // profiles() or profile() call; empty when the file was clean.
    QStringList loadProblems() const;

    // Stores profile.settings.password in the keychain if non-empty. With an
    // empty password, an already stored one is kept if profile.hasStoredPassword
    // is true and deleted from the keychain otherwise. When the settings file
    // cannot be written nothing reaches the keychain. When the keychain fails,
    // the profile is saved without the new password (a previously stored one
    // stays referenced) and errorOccurred() says why.
    void save(const ConnectionProfile &profile);

    // Removes the profile from the settings file and deletes its keychain
    // entry. removed(id) follows once both are done; if the keychain entry
    // could not be deleted, errorOccurred(id, message) comes first. An unknown
    // id only gives errorOccurred().
    void remove(const QUuid &id);

    // Reads the password; passwordLoaded(id, password) or errorOccurred(id, msg).
    void loadPassword(const QUuid &id);

Q_SIGNALS:
    void saved(const QUuid &id);
    void removed(const QUuid &id);
    void passwordLoaded(const QUuid &id, const QString &password);
    void errorOccurred(const QUuid &id, const QString &message);   // translated

private:
    class Private;
    std::unique_ptr<Private> const d;
};
