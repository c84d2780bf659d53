#include "broker_platform.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <pwd.h>
#include <unistd.h>

namespace BrokerPlatform {

QString privilegedUserName()
{
    const uid_t uid = ::geteuid();
    if (uid != 0)
        return {};
    const passwd *entry = ::getpwuid(uid);
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QStringLiteral("root");
}

QStringList extraExecutableSearchPaths()
{
    // Debian/Ubuntu install the broker into sbin, which is not on a normal user's PATH;
    // Homebrew uses its own prefix.
    return {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"),
            QStringLiteral("/opt/homebrew/sbin"), QStringLiteral("/usr/local/opt/mosquitto/sbin")};
}

QStringList securityPluginCandidates(const QString &mosquittoExecutable)
{
    const QString name = QStringLiteral("mosquitto_dynamic_security.so");
    const QDir programDir = QFileInfo(mosquittoExecutable).absoluteDir();
    QStringList candidates{programDir.filePath(name), QDir(programDir.filePath(QStringLiteral("../lib"))).filePath(name)};
    for (const char *dir : {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib/arm-linux-gnueabihf",
                            "/usr/lib64", "/usr/lib", "/usr/local/lib", "/opt/homebrew/lib"})
        candidates << QDir(QString::fromLatin1(dir)).filePath(name);
    return candidates;
}

bool restrictToOwner(const QString &filePath)
{
    return QFile::setPermissions(filePath, QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace BrokerPlatform
