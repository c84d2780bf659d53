#pragma once

#include <QObject>

// The OS keychain (Windows Credential Manager, macOS Keychain, Secret
// Service) through QtKeychain. Every call is asynchronous and answers with
// exactly one of the signals carrying the same key, always after the call
// returned. Never falls back to a file: without a keychain, errorOccurred()
// says so with Error::NoBackendAvailable.
//
// Threading: create and use it on a thread with a running event loop
// (normally the GUI thread); nothing here blocks the caller. Requests are
// executed in the order they were made.
//
// Secrets are opaque bytes. They are never logged and never written anywhere
// but the keychain; error messages name the key, never the secret.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Error {
        NoError,
        EntryNotFound,        // read(): nothing is stored under the key
        AccessDenied,         // the keychain is locked or the user refused access
        NoBackendAvailable,   // no keychain service is reachable on this machine/session
        OtherError            // anything else; the message carries the keychain's own text
    };
    Q_ENUM(Error)

    explicit SecretStore(const QString &service = QStringLiteral("LineScope"), QObject *parent = nullptr);
    ~SecretStore() override;

    // The keychain "service" (Secret Service attribute "server", the target
    // prefix on Windows, the service on macOS) all keys are stored under.
    QString service() const;

    // Stores or replaces the secret: written(key) or errorOccurred(key, ...).
    void write(const QString &key, const QByteArray &secret);
    // readFinished(key, secret) or errorOccurred(key, EntryNotFound, ...).
    void read(const QString &key);
    // removed(key) or errorOccurred(key, ...). Removing a key that does not
    // exist is not an error, on every platform.
    void remove(const QString &key);

Q_SIGNALS:
    void written(const QString &key);
    void readFinished(const QString &key, const QByteArray &secret);
    void removed(const QString &key);
    // message is translated and says what failed and what to try.
    void errorOccurred(const QString &key, SecretStore::Error error, const QString &message);

private:
    QString m_service;
};
