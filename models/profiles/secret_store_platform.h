#pragma once

#include <QString>

// Platform knowledge SecretStore needs to classify keychain errors. Each
// platform has its own secret_store_platform_<os>.cpp, chosen in CMake.

// True when QtKeychain's error text (reported as OtherError) means that no
// keychain service could be reached at all, e.g. no D-Bus session bus or no
// Secret Service on it.
bool isKeychainServiceUnreachable(const QString &keychainErrorText);
