#pragma once

// Internal to models/vault: the state CertificateVault fills in while it
// runs a job.

#include "certificate_vault_job.h"

class CertificateVaultJob::Private
{
public:
    Operation operation = Operation::Store;
    QString id;
    CertificateVault::Error error = CertificateVault::Error::NoError;
    QString errorString;
    CertificateInfo info;
    QByteArray certificatePem;
    CertificateIdentity identity;
    bool completed = false;
};
