#pragma once

#include <QObject>

// The OS keychain (Windows Credential Manager, macOS Keychain, Secret
// Service) through QtKeychain. Every call is asynchronous and answers with
// exactly one of the signals carrying the same key. Never falls back to a
// file: without a keychain, errorOccurred() says so.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Error { NoError, EntryNotFound, AccessDenied, NoBackendAvailable, OtherError };
    Q_ENUM(Error)

    explicit SecretStore(const QString &service = QStringLiteral("LineScope"), QObject *parent = nullptr);

    QString service() const;

    void write(const QString &key, const QByteArray &secret);
    void read(const QString &key);
    void remove(const QString &key);

Q_SIGNALS:
    void written(const QString &key);
    void readFinished(const QString &key, const QByteArray &secret);
    void removed(const QString &key);
    void errorOccurred(const QString &key, SecretStore::Error error, const QString &message);

private:
    QString m_service;
};
