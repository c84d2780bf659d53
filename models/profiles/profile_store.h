#pragma once

#include "connection_profile.h"

#include <QObject>
#include <QSettings>

#include <memory>

class SecretStore;

// Loads and saves ConnectionProfiles with QSettings (INI file in
// QStandardPaths::AppConfigLocation unless a path is given). Passwords go to
// the SecretStore; the settings file holds only a reference.
//
// save() writes settings synchronously (small file) and the password
// asynchronously; saved(profileId) or errorOccurred(profileId, message)
// follows once the keychain answered.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    explicit ProfileStore(SecretStore *secrets, const QString &settingsFile = {}, QObject *parent = nullptr);
    ~ProfileStore() override;

    QString settingsFile() const;
    QList<ConnectionProfile> profiles() const;   // without passwords
    std::optional<ConnectionProfile> profile(const QUuid &id) const;

    void save(const ConnectionProfile &profile); // stores profile.settings.password in the keychain if non-empty
    void remove(const QUuid &id);                // also deletes the keychain entry

    // Reads the password; passwordLoaded(id, password) or errorOccurred(id, msg).
    void loadPassword(const QUuid &id);

Q_SIGNALS:
    void saved(const QUuid &id);
    void removed(const QUuid &id);
    void passwordLoaded(const QUuid &id, const QString &password);
    void errorOccurred(const QUuid &id, const QString &message);

private:
    class Private;
    std::unique_ptr<Private> const d;
};
