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

} // namespace BrokerPlatform
