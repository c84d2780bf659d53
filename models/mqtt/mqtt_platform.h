#pragma once

#include <QString>

// The few socket details that differ between Windows and the rest, so the
// MQTT code itself stays portable. libmosquitto reports socket errors through
// errno on every platform (on Windows it copies WSAGetLastError() into errno),
// but the values differ: EWOULDBLOCK vs WSAEWOULDBLOCK and so on.
// Implemented in mqtt_platform_unix.cpp / mqtt_platform_win.cpp, chosen in CMake.
//
// Threading: errno is per thread; call these on the thread that made the
// libmosquitto call, right after it.
namespace MqttPlatform {

void clearSocketError();
int socketError();
bool isWouldBlock(int error);
bool isConnectionRefused(int error);
// Text for a socket error, in the system's words (not translated by us).
QString socketErrorString(int error);
// Text for a name-resolution error (libmosquitto stores getaddrinfo()'s result in errno).
QString lookupErrorString(int error);

} // namespace MqttPlatform
