#pragma once

#include "vault/certificate_identity.h"
#include "vault/certificate_info.h"
#include "vault/certificate_vault.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class CertificateVaultJob;

// Helpers shared by the vault-backed tests (tst_certificate_vault, tst_mutual_tls).
namespace VaultTestUtil {

// What one CertificateVaultJob answered.
struct JobResult
{
    bool finished = false;
    int finishedCount = 0;
    CertificateVault::Error error = CertificateVault::Error::NoError;
    QString errorString;
    QString id;
    CertificateInfo info;
    QByteArray certificatePem;
    CertificateIdentity identity;

    bool ok() const { return finished && error == CertificateVault::Error::NoError; }
    QString describe() const;   // for failure messages; never contains key material
};

// Spins the event loop until job finished (20 s at most).
JobResult wait(CertificateVaultJob *job);

// Imports files (CertificateImporter, blocking) and stores them under name.
// Returns the id, or an empty string with *error set.
QString importInto(CertificateVault &vault, const QStringList &files, const QString &name, QString *error,
                   const QByteArray &passphrase = {});

// Files below each folder whose bytes contain "PRIVATE KEY" or any needle.
QStringList filesWithKeyMaterial(const QStringList &folders, const QList<QByteArray> &needles);

// The folders where LineScope keeps configuration and data for this process.
QStringList lineScopeFolders();

} // namespace VaultTestUtil
