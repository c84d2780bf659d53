#pragma once

#include "certificate_identity.h"
#include "certificate_info.h"
#include "certificate_vault.h"

#include <QObject>
#include <QString>

#include <memory>

// One keychain operation of CertificateVault. Created by the vault (its
// parent), started on the next event-loop turn, so connect to finished()
// right after the call. Deletes itself after finished(); read the results in
// the slot connected to it.
class CertificateVaultJob : public QObject
{
    Q_OBJECT
public:
    enum class Operation { Store, Remove, ExportCertificate, LoadIdentity, ConfirmReplacement };
    Q_ENUM(Operation)

    ~CertificateVaultJob() override;

    Operation operation() const;
    // The identity the job is about. For ConfirmReplacement: the replacement's id.
    QString id() const;

    /* Valid after finished() */
    CertificateVault::Error error() const;
    QString errorString() const;       // translated: what failed and what to try
    CertificateInfo info() const;      // the identity's public details, when known
    QByteArray certificatePem() const; // ExportCertificate: client certificate and intermediates
    // LoadIdentity: moves the identity out of the job, which keeps no copy.
    CertificateIdentity takeIdentity();

Q_SIGNALS:
    void finished(CertificateVaultJob *job);

private:
    friend class CertificateVault;
    CertificateVaultJob(Operation operation, const QString &id, QObject *parent);

    class Private;
    std::unique_ptr<Private> const d;
};
