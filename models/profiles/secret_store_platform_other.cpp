#include "secret_store_platform.h"

// Windows Credential Manager and the macOS Keychain are part of the OS and
// QtKeychain reports their absence as NoBackendAvailable itself.
bool isKeychainServiceUnreachable(const QString &keychainErrorText)
{
    Q_UNUSED(keychainErrorText)
    return false;
}
