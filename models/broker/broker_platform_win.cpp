#include "broker_platform.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace BrokerPlatform {

QString privilegedUserName()
{
    // mosquitto ignores "user" on Windows; it always runs as the user who started it.
    return {};
}

QStringList extraExecutableSearchPaths()
{
    // The official installer's default location.
    QStringList paths;
    for (const char *variable : {"ProgramFiles", "ProgramFiles(x86)"}) {
        const QString root = qEnvironmentVariable(variable);
        if (!root.isEmpty())
            paths << QDir(root).filePath(QStringLiteral("mosquitto"));
    }
    return paths;
}

QStringList securityPluginCandidates(const QString &mosquittoExecutable)
{
    // The Windows installer puts the plugin next to mosquitto.exe.
    const QString name = QStringLiteral("mosquitto_dynamic_security.dll");
    QStringList candidates{QFileInfo(mosquittoExecutable).absoluteDir().filePath(name)};
    for (const QString &dir : extraExecutableSearchPaths())
        candidates << QDir(dir).filePath(name);
    return candidates;
}

bool restrictToOwner(const QString &filePath)
{
    // The data directory lives in the user's profile, which other users
    // cannot read; NTFS ACL editing is not needed on top of that.
    return QFile::setPermissions(filePath, QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace BrokerPlatform
