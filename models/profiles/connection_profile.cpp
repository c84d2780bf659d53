#include "connection_profile.h"

QString ConnectionProfile::passwordKey() const
{
    return QStringLiteral("profile/%1/password").arg(id.toString(QUuid::WithoutBraces));
}
