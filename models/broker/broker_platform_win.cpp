#include "broker_platform.h"

#include <QDir>
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

} // namespace BrokerPlatform
