#include "shadow_result.h"

QString ShadowResult::describeRejection(int code, const QString &serviceMessage)
{
    switch (code) {
    case 400:
        return tr("The shadow service rejected the request as malformed (400: %1). Check the JSON: it needs a "
                  "\"state\" object holding \"desired\" and/or \"reported\" objects.")
            .arg(serviceMessage);
    case 401:
        return tr("The shadow service did not accept the connection's credentials (401: %1). Check the "
                  "certificate or login of this connection.")
            .arg(serviceMessage);
    case 403:
        return tr("This connection is not allowed to do that with the shadow (403: %1). Ask for publish and "
                  "subscribe rights on the shadow's $aws/things/... topics, or use a shadow that is not reserved.")
            .arg(serviceMessage);
    case 404:
        return tr("The shadow does not exist (404: %1). Check the thing and shadow name, or send an update to "
                  "create it.")
            .arg(serviceMessage);
    case 409:
        return tr("Someone changed the shadow since it was loaded (409: %1). Reload it, compare your change with "
                  "the new state and apply it again.")
            .arg(serviceMessage);
    case 413:
        return tr("The shadow would grow beyond its size limit of 8 KB for desired and reported together (413: "
                  "%1). Remove keys or move some of them to a named shadow.")
            .arg(serviceMessage);
    case 415:
        return tr("The request was not UTF-8 text (415: %1). Send the JSON encoded as UTF-8.").arg(serviceMessage);
    case 429:
        return tr("Too many shadow requests are waiting for replies on this connection (429: %1). Wait for them "
                  "to finish, then try again.")
            .arg(serviceMessage);
    case 500:
        return tr("The shadow service failed internally (500: %1). Try again; if it keeps failing, check the "
                  "service's log.")
            .arg(serviceMessage);
    case 503:
        return tr("The shadow service is unavailable at the moment (503: %1). Try again in a little while.")
            .arg(serviceMessage);
    default:
        return tr("The shadow service rejected the request with code %1: %2").arg(code).arg(serviceMessage);
    }
}
