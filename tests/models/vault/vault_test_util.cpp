#include "vault_test_util.h"

#include "vault/certificate_importer.h"
#include "vault/certificate_vault_job.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFile>
#include <QMetaEnum>
#include <QStandardPaths>
#include <QTest>

namespace VaultTestUtil {

QString JobResult::describe() const
{
    return QStringLiteral("%1 (finished %2 times): %3 \"%4\"")
        .arg(finished ? QStringLiteral("finished") : QStringLiteral("no answer"))
        .arg(finishedCount)
        .arg(QString::fromLatin1(QMetaEnum::fromType<CertificateVault::Error>().valueToKey(int(error))), errorString);
}

JobResult wait(CertificateVaultJob *job)
{
    auto result = std::make_shared<JobResult>();
    QObject::connect(job, &CertificateVaultJob::finished, job, [result](CertificateVaultJob *finished) {
        ++result->finishedCount;
        result->finished = true;
        result->error = finished->error();
        result->errorString = finished->errorString();
        result->id = finished->id();
        result->info = finished->info();
        result->certificatePem = finished->certificatePem();
        result->identity = finished->takeIdentity();
    });
    if (!QTest::qWaitFor([&] { return result->finished; }, 20000)) {
        result->errorString = QStringLiteral("no answer within 20 s");
        return *result;
    }
    // A second finished() would arrive on a later turn; give it the chance.
    QTest::qWait(20);
    return *result;
}

QString importInto(CertificateVault &vault, const QStringList &files, const QString &name, QString *error,
                   const QByteArray &passphrase)
{
    CertificateImporter::Result imported = CertificateImporter::importFiles(files, passphrase);
    if (!imported.isOk()) {
        *error = QStringLiteral("import failed: ") + imported.errorString;
        return {};
    }
    CertificateInfo info = imported.info;
    info.name = name;
    const JobResult stored = wait(vault.store(imported.identity, info));
    imported.identity.wipe();
    if (!stored.ok()) {
        *error = QStringLiteral("store failed: ") + stored.describe();
        return {};
    }
    return stored.info.id;
}

QStringList filesWithKeyMaterial(const QStringList &folders, const QList<QByteArray> &needles)
{
    QStringList hits;
    for (const QString &folder : folders) {
        QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                hits.append(QStringLiteral("%1 (unreadable: %2)").arg(path, file.errorString()));
                continue;
            }
            const QByteArray content = file.readAll();
            if (content.contains("PRIVATE KEY")) {
                hits.append(path + QStringLiteral(" (PRIVATE KEY)"));
                continue;
            }
            for (const QByteArray &needle : needles) {
                if (!needle.isEmpty() && content.contains(needle)) {
                    hits.append(path + QStringLiteral(" (key bytes)"));
                    break;
                }
            }
        }
    }
    return hits;
}

QStringList lineScopeFolders()
{
    QStringList folders = {
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation),
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation),
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
        QFileInfo(CertificateVault::defaultSettingsFile()).absolutePath(),
    };
    folders.removeDuplicates();
    return folders;
}

} // namespace VaultTestUtil
