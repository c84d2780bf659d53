#include "broker_platform.h"

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

} // namespace BrokerPlatform
