#include "certificate_vault_job.h"

#include "certificate_vault_job_p.h"

#include <utility>

CertificateVaultJob::CertificateVaultJob(Operation operation, const QString &id, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->operation = operation;
    d->id = id;
}

CertificateVaultJob::~CertificateVaultJob()
{
    d->identity.wipe();
}

CertificateVaultJob::Operation CertificateVaultJob::operation() const
{
    return d->operation;
}

QString CertificateVaultJob::id() const
{
    return d->id;
}

CertificateVault::Error CertificateVaultJob::error() const
{
    return d->error;
}

QString CertificateVaultJob::errorString() const
{
    return d->errorString;
}

CertificateInfo CertificateVaultJob::info() const
{
    return d->info;
}

QByteArray CertificateVaultJob::certificatePem() const
{
    return d->certificatePem;
}

CertificateIdentity CertificateVaultJob::takeIdentity()
{
    return std::exchange(d->identity, {});
}
