#include "mqtt_platform.h"

#include <cerrno>
#include <winsock2.h>

namespace MqttPlatform {

void clearSocketError()
{
    errno = 0;
}

int socketError()
{
    return errno;
}

bool isWouldBlock(int error)
{
    return error == WSAEWOULDBLOCK || error == EAGAIN || error == EWOULDBLOCK;
}

bool isConnectionRefused(int error)
{
    return error == WSAECONNREFUSED || error == ECONNREFUSED;
}

QString socketErrorString(int error)
{
    // Winsock codes are system error codes; Qt formats them with FormatMessage.
    return qt_error_string(error);
}

QString lookupErrorString(int error)
{
    // getaddrinfo() reports WSA* codes on Windows; gai_strerror() is not
    // thread-safe there, FormatMessage is.
    return qt_error_string(error);
}

} // namespace MqttPlatform
