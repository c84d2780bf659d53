#include "secret_store_platform.h"

#include <array>

// QtKeychain 0.13 passes libsecret's GError message through as OtherError, so
// "no session bus" and "no Secret Service on the bus" can only be told apart
// by their text. libsecret strips the (untranslated) D-Bus error names from
// remote errors, so the GLib and dbus-daemon messages are matched, in English,
// as a best effort; the D-Bus names stay for backends that keep them.
bool isKeychainServiceUnreachable(const QString &keychainErrorText)
{
    static constexpr std::array markers = {
        QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown"),
        QLatin1String("org.freedesktop.DBus.Error.NoServer"),
        QLatin1String("org.freedesktop.DBus.Error.Spawn"),
        QLatin1String("org.freedesktop.DBus.Error.FileNotFound"),
        QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner"),
        QLatin1String("org.freedesktop.secrets was not provided"),   // nothing can be activated
        QLatin1String("org.freedesktop.secrets exited"),             // activation failed
        QLatin1String("Could not connect"),
        QLatin1String("autolaunch"),
        QLatin1String("DBUS_SESSION_BUS_ADDRESS"),
        QLatin1String("D-Bus is not running"),
        QLatin1String("No keyring daemon"),
    };
    for (const QLatin1String marker : markers) {
        if (keychainErrorText.contains(marker, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
