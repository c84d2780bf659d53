#include "mqtt_platform.h"

#include <cerrno>
#include <netdb.h>

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
    return error == EAGAIN || error == EWOULDBLOCK;
}

bool isConnectionRefused(int error)
{
    return error == ECONNREFUSED;
}

QString socketErrorString(int error)
{
    return qt_error_string(error);
}

QString lookupErrorString(int error)
{
    // glibc returns static strings here, so this is safe on any thread.
    return QString::fromLocal8Bit(gai_strerror(error));
}

} // namespace MqttPlatform
