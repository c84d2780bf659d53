#pragma once

#include <QStringList>

// The few things the broker supervisor needs to know about the operating
// system. One implementation per platform, chosen in CMakeLists.txt.
namespace BrokerPlatform {

// Name of the current user when the process runs with root privileges
// (mosquitto would drop to "mosquitto" then); empty otherwise and on Windows.
QString privilegedUserName();

// Folders searched for the mosquitto program after PATH.
QStringList extraExecutableSearchPaths();

// Full paths where mosquitto's dynamic-security plugin may be installed,
// most likely first: next to the given mosquitto program, then the
// system's library folders.
QStringList securityPluginCandidates(const QString &mosquittoExecutable);

// Makes a file readable and writable by its owner only (secrets).
bool restrictToOwner(const QString &filePath);

} // namespace BrokerPlatform
