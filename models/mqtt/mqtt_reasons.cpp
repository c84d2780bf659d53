#include "mqtt_reasons.h"

#include "mqtt_platform.h"

#include <mosquitto.h>
#include <mqtt_protocol.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

namespace {

using Error = MqttSession::Error;
using Context = MqttReasons::Context;

QString endpoint(const Context &c)
{
    return QStringLiteral("%1:%2").arg(c.host).arg(c.port);
}

QString hexCode(int code)
{
    return QStringLiteral("0x") + QString::number(code, 16).toUpper().rightJustified(2, QLatin1Char('0'));
}

// libmosquitto's English name of an MQTT 5 reason code; a protocol term, used
// only next to our own translated sentence for codes we have no words for.
QString reasonName(int code)
{
    return QString::fromUtf8(mosquitto_reason_string(code));
}

// The protocol name of a TLS alert (RFC 8446), shown next to our sentence.
// OpenSSL 3.0 has no name for some TLS 1.3 alerts, e.g. certificate_required.
QString alertName(int alert)
{
    switch (alert) {
    case SSL_AD_HANDSHAKE_FAILURE:
        return QStringLiteral("handshake failure");
    case SSL_AD_BAD_CERTIFICATE:
        return QStringLiteral("bad certificate");
    case SSL_AD_UNSUPPORTED_CERTIFICATE:
        return QStringLiteral("unsupported certificate");
    case SSL_AD_CERTIFICATE_REVOKED:
        return QStringLiteral("certificate revoked");
    case SSL_AD_CERTIFICATE_EXPIRED:
        return QStringLiteral("certificate expired");
    case SSL_AD_CERTIFICATE_UNKNOWN:
        return QStringLiteral("certificate unknown");
    case SSL_AD_UNKNOWN_CA:
        return QStringLiteral("unknown CA");
    case SSL_AD_ACCESS_DENIED:
        return QStringLiteral("access denied");
    case SSL_AD_DECRYPT_ERROR:
        return QStringLiteral("decrypt error");
    case SSL_AD_PROTOCOL_VERSION:
        return QStringLiteral("protocol version");
    case SSL_AD_CERTIFICATE_REQUIRED:
        return QStringLiteral("certificate required");
    case SSL_AD_NO_APPLICATION_PROTOCOL:
        return QStringLiteral("no application protocol");
    default:
        break;
    }
    return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(SSL_alert_desc_string_long(alert))).arg(alert);
}

// A failed TLS handshake, explained from what ClientTlsContext recorded:
// the broker's certificate failed our verification, or the broker sent an
// alert (typically about our client certificate).
MqttReason tlsHandshakeReason(const Context &c)
{
    if (c.tlsVerifyError != 0) {
        const QString detail = QString::fromUtf8(X509_verify_cert_error_string(c.tlsVerifyError));
        switch (c.tlsVerifyError) {
        case X509_V_ERR_HOSTNAME_MISMATCH:
        case X509_V_ERR_IP_ADDRESS_MISMATCH:
            return {Error::TlsError,
                    MqttReasons::tr("The TLS connection to %1 failed: the broker's certificate is not issued for "
                                    "\"%2\" (host name mismatch; OpenSSL: %3). Connect with a host name the "
                                    "certificate lists, or ask the broker administrator for a certificate that "
                                    "includes this name.")
                        .arg(endpoint(c), c.host, detail),
                    false};
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return {Error::TlsError,
                    MqttReasons::tr("The TLS connection to %1 failed: the broker's certificate has expired "
                                    "(certificate expired; OpenSSL: %2). Ask the broker administrator to renew it, "
                                    "and check this computer's date and time.")
                        .arg(endpoint(c), detail),
                    false};
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return {Error::TlsError,
                    MqttReasons::tr("The TLS connection to %1 failed: the broker's certificate is not valid yet "
                                    "(OpenSSL: %2). Check this computer's date and time.")
                        .arg(endpoint(c), detail),
                    false};
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        case X509_V_ERR_CERT_UNTRUSTED:
            return {Error::TlsError,
                    MqttReasons::tr("The TLS connection to %1 failed: the broker's certificate was not issued by a "
                                    "certificate authority LineScope trusts (unknown CA; OpenSSL: %2). Choose the "
                                    "CA certificate of the authority that signed the broker's certificate in the "
                                    "connection profile.")
                        .arg(endpoint(c), detail),
                    false};
        default:
            return {Error::TlsError,
                    MqttReasons::tr("The TLS connection to %1 failed: the broker's certificate was rejected "
                                    "(OpenSSL: %2).")
                        .arg(endpoint(c), detail),
                    false};
        }
    }

    const QString alert = alertName(c.tlsAlertReceived);
    switch (c.tlsAlertReceived) {
    case SSL_AD_UNKNOWN_CA:
        return {Error::TlsError,
                MqttReasons::tr("The broker at %1 rejected LineScope's client certificate: it does not trust the "
                                "authority that issued it (TLS alert: %2). Use a client certificate issued by a CA "
                                "the broker trusts; on AWS IoT, the certificate must be registered and active.")
                    .arg(endpoint(c), alert),
                false};
    case SSL_AD_CERTIFICATE_EXPIRED:
        return {Error::TlsError,
                MqttReasons::tr("The broker at %1 rejected the client certificate because it has expired (TLS alert: "
                                "%2). Import the renewed certificate and choose it in the connection profile.")
                    .arg(endpoint(c), alert),
                false};
    case SSL_AD_CERTIFICATE_REQUIRED:
    case SSL_AD_HANDSHAKE_FAILURE:
        if (!c.clientCertificate) {
            return {Error::TlsError,
                    MqttReasons::tr("The broker at %1 requires a client certificate (TLS alert: %2). Choose a client "
                                    "certificate in the connection profile.")
                        .arg(endpoint(c), alert),
                    false};
        }
        Q_FALLTHROUGH();
    case SSL_AD_BAD_CERTIFICATE:
    case SSL_AD_UNSUPPORTED_CERTIFICATE:
    case SSL_AD_CERTIFICATE_REVOKED:
    case SSL_AD_CERTIFICATE_UNKNOWN:
    case SSL_AD_ACCESS_DENIED:
    case SSL_AD_DECRYPT_ERROR:
        return {Error::TlsError,
                MqttReasons::tr("The broker at %1 rejected the client certificate (TLS alert: %2). Check that the "
                                "certificate is the one registered with the broker and that it is not revoked.")
                    .arg(endpoint(c), alert),
                false};
    case SSL_AD_NO_APPLICATION_PROTOCOL:
        return {Error::TlsError,
                MqttReasons::tr("The server at %1 does not support the requested ALPN protocol (TLS alert: %2). "
                                "Check the protocol name, or connect to the MQTT port without ALPN.")
                    .arg(endpoint(c), alert),
                false};
    case SSL_AD_PROTOCOL_VERSION:
        return {Error::TlsError,
                MqttReasons::tr("The broker at %1 does not accept TLS 1.2 or newer (TLS alert: %2). LineScope does not "
                                "use older TLS versions; ask the broker administrator to enable TLS 1.2.")
                    .arg(endpoint(c), alert),
                false};
    default:
        return {Error::TlsError,
                MqttReasons::tr("The broker at %1 ended the TLS handshake (TLS alert: %2). The broker's log may say "
                                "more.")
                    .arg(endpoint(c), alert),
                false};
    }
}

MqttReason libraryReason(int code, const Context &c)
{
    if (code != MOSQ_ERR_SUCCESS && c.tls && (c.tlsVerifyError != 0 || c.tlsAlertReceived >= 0)) {
        return tlsHandshakeReason(c);
    }
    switch (code) {
    case MOSQ_ERR_SUCCESS:
        return {};
    case MOSQ_ERR_NOMEM:
        return {Error::InternalError,
                MqttReasons::tr("LineScope ran out of memory while talking to the broker (library: out of memory). "
                                "Close views with large histories and connect again."),
                false};
    case MOSQ_ERR_PROTOCOL:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker at %1 sent data that breaks the MQTT protocol (library: protocol error). "
                                "Check that the port belongs to an MQTT listener and that the broker supports the "
                                "MQTT version chosen in the connection profile.")
                    .arg(endpoint(c)),
                false};
    case MOSQ_ERR_INVAL:
        return {Error::InternalError,
                MqttReasons::tr("libmosquitto rejected a value as invalid (library: invalid arguments). Check the "
                                "connection profile; if it looks right, please report this as a bug."),
                false};
    case MOSQ_ERR_NO_CONN:
        return {Error::ConnectionLost,
                MqttReasons::tr("There is no connection to the broker (library: not connected). Connect first, then "
                                "try again."),
                true};
    case MOSQ_ERR_CONN_REFUSED:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker at %1 refused the connection (library: connection refused by the broker). "
                                "Check the connection profile.")
                    .arg(endpoint(c)),
                false};
    case MOSQ_ERR_NOT_FOUND:
        return {Error::InternalError,
                MqttReasons::tr("libmosquitto could not find an item it needed (library: not found). Please report "
                                "this as a bug."),
                false};
    case MOSQ_ERR_CONN_LOST:
        return {Error::ConnectionLost,
                MqttReasons::tr("The network connection to %1 closed unexpectedly (library: connection lost). The "
                                "broker may have stopped, or the network dropped the connection.")
                    .arg(endpoint(c)),
                true};
    case MOSQ_ERR_TLS:
    case MOSQ_ERR_TLS_HANDSHAKE:
        return {Error::TlsError,
                MqttReasons::tr("The TLS connection to %1 failed (%2). Check that the port is a TLS listener, that "
                                "the CA certificate file in the connection profile signed the broker's certificate and "
                                "that the host name matches the certificate.")
                    .arg(endpoint(c),
                         c.detail.isEmpty() ? MqttReasons::tr("library: TLS error") : c.detail),
                false};
    case MOSQ_ERR_PAYLOAD_SIZE:
        return {Error::InvalidRequest,
                MqttReasons::tr("The payload is too large for MQTT (library: payload too large). A packet may carry "
                                "at most 268,435,455 bytes."),
                false};
    case MOSQ_ERR_NOT_SUPPORTED:
        return {Error::InvalidRequest,
                MqttReasons::tr("The request is not supported by the MQTT version in use (library: not supported). "
                                "MQTT 5 properties need a connection that uses MQTT 5."),
                false};
    case MOSQ_ERR_AUTH:
        return {Error::BadCredentials,
                MqttReasons::tr("The broker rejected the authentication (library: authentication failed). Check the "
                                "credentials in the connection profile."),
                false};
    case MOSQ_ERR_ACL_DENIED:
        return {Error::NotAuthorized,
                MqttReasons::tr("The broker's access control denied the request (library: access denied). Ask the "
                                "broker administrator for access."),
                false};
    case MOSQ_ERR_ERRNO:
        if (MqttPlatform::isConnectionRefused(c.systemError)) {
            return {Error::ConnectionRefused,
                    MqttReasons::tr("Nothing accepted the connection on %1 (connection refused). Check that the "
                                    "broker is running and that the host name and port are right.")
                        .arg(endpoint(c)),
                    true};
        }
        // No separate enumerator for "unreachable": like an unknown host, the
        // address in the profile cannot be reached; the words tell them apart.
        return {Error::HostNotFound,
                MqttReasons::tr("Could not reach %1 (%2). Check the network connection, the host name and the port, "
                                "and whether a firewall blocks the connection.")
                    .arg(endpoint(c), MqttPlatform::socketErrorString(c.systemError)),
                true};
    case MOSQ_ERR_EAI:
    case MOSQ_ERR_LOOKUP:
        return {Error::HostNotFound,
                MqttReasons::tr("The host name \"%1\" could not be resolved (%2). Check the spelling of the host name "
                                "and the network's DNS settings.")
                    .arg(c.host, MqttPlatform::lookupErrorString(c.systemError)),
                true};
    case MOSQ_ERR_PROXY:
        return {Error::HostNotFound,
                MqttReasons::tr("The proxy could not connect to %1 (library: proxy error). Check the proxy settings.")
                    .arg(endpoint(c)),
                true};
    case MOSQ_ERR_MALFORMED_UTF8:
        return {Error::InvalidRequest,
                MqttReasons::tr("A topic or text field is not valid UTF-8 (library: malformed UTF-8). MQTT requires "
                                "UTF-8 text."),
                false};
    case MOSQ_ERR_KEEPALIVE:
        return {Error::ConnectionLost,
                MqttReasons::tr("The broker at %1 stopped answering within the keep-alive interval (library: "
                                "keep-alive timeout). The network or the broker may be overloaded or down.")
                    .arg(endpoint(c)),
                true};
    case MOSQ_ERR_MALFORMED_PACKET:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker at %1 sent a malformed packet (library: malformed packet). Check that the "
                                "port belongs to an MQTT listener.")
                    .arg(endpoint(c)),
                false};
    case MOSQ_ERR_DUPLICATE_PROPERTY:
        return {Error::InvalidRequest,
                MqttReasons::tr("An MQTT 5 property that may appear only once was given more than once (library: "
                                "duplicate property)."),
                false};
    case MOSQ_ERR_QOS_NOT_SUPPORTED:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker does not support this QoS level (library: QoS not supported). It announced "
                                "a lower maximum QoS when the connection was made; use a lower QoS."),
                false};
    case MOSQ_ERR_OVERSIZE_PACKET:
        return {Error::InvalidRequest,
                MqttReasons::tr("The message is larger than the broker accepts (library: packet larger than the "
                                "broker's maximum packet size). Send a smaller payload."),
                false};
    case MOSQ_ERR_OCSP:
        return {Error::TlsError,
                MqttReasons::tr("The revocation status of the broker's certificate could not be checked (library: "
                                "OCSP error)."),
                false};
    case MOSQ_ERR_TIMEOUT:
        return {Error::ServerUnavailable,
                MqttReasons::tr("The broker at %1 did not answer in time (library: timeout).").arg(endpoint(c)),
                true};
    case MOSQ_ERR_RETAIN_NOT_SUPPORTED:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker does not support retained messages (library: retain not supported). "
                                "Publish without the retain flag."),
                false};
    case MOSQ_ERR_TOPIC_ALIAS_INVALID:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker used an invalid topic alias (library: invalid topic alias)."),
                true};
    case MOSQ_ERR_ADMINISTRATIVE_ACTION:
        return {Error::ConnectionLost,
                MqttReasons::tr("The broker closed the connection by administrative action (library: administrative "
                                "action)."),
                true};
    default:
        return {Error::InternalError,
                MqttReasons::tr("libmosquitto reported error %1 (%2).")
                    .arg(code)
                    .arg(QString::fromUtf8(mosquitto_strerror(code))),
                false};
    }
}

MqttReason notAuthorisedConnack(const Context &c, const QString &packetTerm)
{
    // mosquitto answers a wrong password with "not authorised" rather than
    // "bad user name or password", so with credentials sent this is almost
    // always a credentials problem.
    if (c.hasCredentials) {
        return {Error::BadCredentials,
                MqttReasons::tr("The broker did not accept the user name or password (CONNACK: %1). Check the "
                                "credentials in the connection profile and that this user may connect.")
                    .arg(packetTerm),
                false};
    }
    return {Error::NotAuthorized,
            MqttReasons::tr("The broker does not let this client connect without credentials (CONNACK: %1). Enter a "
                            "user name and password in the connection profile.")
                .arg(packetTerm),
            false};
}

MqttReason connack311Reason(int code, const Context &c)
{
    switch (code) {
    case 0:
        return {};
    case 1:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker does not accept MQTT 3.1.1 (CONNACK: unacceptable protocol version). "
                                "Check the MQTT version in the connection profile."),
                false};
    case 2:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker rejected the client id (CONNACK: identifier rejected). Use a client id of "
                                "at most 23 letters and digits, or leave it empty so LineScope generates one."),
                false};
    case 3:
        return {Error::ServerUnavailable,
                MqttReasons::tr("The broker at %1 is running but does not accept connections now (CONNACK: server "
                                "unavailable). Try again later.")
                    .arg(endpoint(c)),
                true};
    case 4:
        return {Error::BadCredentials,
                MqttReasons::tr("The broker rejected the user name or password (CONNACK: bad user name or password). "
                                "Check the credentials in the connection profile."),
                false};
    case 5:
        return notAuthorisedConnack(c, MqttReasons::tr("not authorised", "CONNACK return code"));
    default:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker refused the connection with the unknown CONNACK code %1 (%2).")
                    .arg(code)
                    .arg(QString::fromUtf8(mosquitto_connack_string(code))),
                false};
    }
}

MqttReason connack5Reason(int code, const Context &c)
{
    switch (code) {
    case MQTT_RC_SUCCESS:
        return {};
    case MQTT_RC_UNSPECIFIED:
        return {Error::ServerUnavailable,
                MqttReasons::tr("The broker refused the connection without giving a reason (CONNACK: unspecified "
                                "error). The broker's log may say more."),
                true};
    case MQTT_RC_MALFORMED_PACKET:
    case MQTT_RC_PROTOCOL_ERROR:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker considers the connection request invalid (CONNACK: %1). Check the client "
                                "id, the will and the session settings in the connection profile.")
                    .arg(reasonName(code)),
                false};
    case MQTT_RC_IMPLEMENTATION_SPECIFIC:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker refused the connection for a reason of its own (CONNACK: implementation "
                                "specific error). The broker's log may say more."),
                false};
    case MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker does not support MQTT 5 (CONNACK: unsupported protocol version). Switch "
                                "the connection profile to MQTT 3.1.1."),
                false};
    case MQTT_RC_CLIENTID_NOT_VALID:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker rejected the client id (CONNACK: client identifier not valid). Use a "
                                "different client id, or leave it empty so LineScope generates one."),
                false};
    case MQTT_RC_BAD_USERNAME_OR_PASSWORD:
        return {Error::BadCredentials,
                MqttReasons::tr("The broker rejected the user name or password (CONNACK: bad user name or password). "
                                "Check the credentials in the connection profile."),
                false};
    case MQTT_RC_NOT_AUTHORIZED:
        return notAuthorisedConnack(c, MqttReasons::tr("not authorised", "CONNACK reason code"));
    case MQTT_RC_SERVER_UNAVAILABLE:
    case MQTT_RC_SERVER_BUSY:
    case MQTT_RC_QUOTA_EXCEEDED:
    case MQTT_RC_CONNECTION_RATE_EXCEEDED:
        return {Error::ServerUnavailable,
                MqttReasons::tr("The broker at %1 does not accept connections now (CONNACK: %2). Try again later.")
                    .arg(endpoint(c), reasonName(code)),
                true};
    case MQTT_RC_BANNED:
        return {Error::NotAuthorized,
                MqttReasons::tr("The broker has banned this client (CONNACK: banned). Ask the broker administrator."),
                false};
    case MQTT_RC_BAD_AUTHENTICATION_METHOD:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker does not support the authentication method (CONNACK: bad authentication "
                                "method). Use user name and password authentication."),
                false};
    case MQTT_RC_TOPIC_NAME_INVALID:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker rejected the will topic (CONNACK: topic name invalid). Change the will "
                                "topic in the connection profile."),
                false};
    case MQTT_RC_PACKET_TOO_LARGE:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The connection request is larger than the broker accepts (CONNACK: packet too large). "
                                "Use a smaller will payload."),
                false};
    case MQTT_RC_PAYLOAD_FORMAT_INVALID:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker rejected the will payload (CONNACK: payload format invalid). Change the "
                                "will payload in the connection profile."),
                false};
    case MQTT_RC_RETAIN_NOT_SUPPORTED:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker does not support retained messages, but the will is retained (CONNACK: "
                                "retain not supported). Turn off retain for the will."),
                false};
    case MQTT_RC_QOS_NOT_SUPPORTED:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker does not support the will's QoS (CONNACK: QoS not supported). Use a lower "
                                "will QoS."),
                false};
    case MQTT_RC_USE_ANOTHER_SERVER:
    case MQTT_RC_SERVER_MOVED:
        return {Error::ServerUnavailable,
                MqttReasons::tr("The broker at %1 sends its clients to another server (CONNACK: %2). Ask the broker "
                                "administrator for the new address.")
                    .arg(endpoint(c), reasonName(code)),
                false};
    default:
        return {Error::ProtocolRejected,
                MqttReasons::tr("The broker refused the connection (CONNACK: %1, reason code %2).")
                    .arg(reasonName(code), hexCode(code)),
                false};
    }
}

MqttReason disconnectReason(int code, const Context &c)
{
    switch (code) {
    case MQTT_RC_NORMAL_DISCONNECTION:
        return {Error::ConnectionLost,
                MqttReasons::tr("The broker closed the connection (DISCONNECT: normal disconnection)."),
                true};
    case MQTT_RC_NOT_AUTHORIZED:
        return {Error::NotAuthorized,
                MqttReasons::tr("The broker closed the connection because this client is no longer authorised "
                                "(DISCONNECT: not authorised). Ask the broker administrator for access."),
                false};
    case MQTT_RC_SERVER_BUSY:
        return {Error::ServerUnavailable,
                MqttReasons::tr("The broker closed the connection because it is busy (DISCONNECT: server busy)."),
                true};
    case MQTT_RC_SERVER_SHUTTING_DOWN:
        return {Error::ConnectionLost,
                MqttReasons::tr("The broker at %1 is shutting down (DISCONNECT: server shutting down).")
                    .arg(endpoint(c)),
                true};
    case MQTT_RC_KEEP_ALIVE_TIMEOUT:
        return {Error::ConnectionLost,
                MqttReasons::tr("The broker did not hear from LineScope within the keep-alive interval (DISCONNECT: "
                                "keep alive timeout). The network may be slow or interrupted."),
                true};
    case MQTT_RC_SESSION_TAKEN_OVER:
        return {Error::ConnectionLost,
                MqttReasons::tr("Another client connected with the same client id \"%1\", so the broker closed this "
                                "connection (DISCONNECT: session taken over). Give each client its own client id. "
                                "LineScope does not reconnect by itself here, or the two clients would keep pushing "
                                "each other off.")
                    .arg(c.subject),
                false};
    case MQTT_RC_ADMINISTRATIVE_ACTION:
        return {Error::ConnectionLost,
                MqttReasons::tr("An administrator disconnected this client (DISCONNECT: administrative action)."),
                true};
    case MQTT_RC_USE_ANOTHER_SERVER:
    case MQTT_RC_SERVER_MOVED:
        return {Error::ServerUnavailable,
                MqttReasons::tr("The broker at %1 sends its clients to another server (DISCONNECT: %2). Ask the "
                                "broker administrator for the new address.")
                    .arg(endpoint(c), reasonName(code)),
                false};
    default:
        return {Error::ConnectionLost,
                MqttReasons::tr("The broker closed the connection (DISCONNECT: %1, reason code %2).")
                    .arg(reasonName(code), hexCode(code)),
                true};
    }
}

MqttReason subackReason(int code, const Context &c)
{
    if (code >= 0 && code <= 2) {
        return {};
    }
    if (!c.mqtt5) {
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker refused the subscription to %1 (SUBACK: failure). Its access control may "
                                "not allow this filter.")
                    .arg(c.subject),
                false};
    }
    switch (code) {
    case MQTT_RC_NOT_AUTHORIZED:
        return {Error::NotAuthorized,
                MqttReasons::tr("The broker does not allow this client to subscribe to %1 (SUBACK: not authorised). "
                                "Ask the broker administrator for read access to these topics.")
                    .arg(c.subject),
                false};
    case MQTT_RC_TOPIC_FILTER_INVALID:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker considers the filter %1 invalid (SUBACK: topic filter invalid).")
                    .arg(c.subject),
                false};
    case MQTT_RC_QUOTA_EXCEEDED:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker refused the subscription to %1 because a limit was reached (SUBACK: quota "
                                "exceeded). Remove other subscriptions first.")
                    .arg(c.subject),
                false};
    case MQTT_RC_SHARED_SUBS_NOT_SUPPORTED:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker does not support shared subscriptions, so %1 was refused (SUBACK: shared "
                                "subscriptions not supported).")
                    .arg(c.subject),
                false};
    case MQTT_RC_SUBSCRIPTION_IDS_NOT_SUPPORTED:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker does not support subscription identifiers, so %1 was refused (SUBACK: "
                                "subscription identifiers not supported). Subscribe without an identifier.")
                    .arg(c.subject),
                false};
    case MQTT_RC_WILDCARD_SUBS_NOT_SUPPORTED:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker does not support wildcard subscriptions, so %1 was refused (SUBACK: "
                                "wildcard subscriptions not supported).")
                    .arg(c.subject),
                false};
    default:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker refused the subscription to %1 (SUBACK: %2, reason code %3).")
                    .arg(c.subject, reasonName(code), hexCode(code)),
                false};
    }
}

MqttReason pubackReason(int code, const Context &c)
{
    switch (code) {
    case MQTT_RC_SUCCESS:
        return {};
    case MQTT_RC_NO_MATCHING_SUBSCRIBERS:
        // Success: the broker took the message. Said anyway, because "why does
        // nobody see it" is the next question.
        return {Error::NoError,
                MqttReasons::tr("The broker accepted the message, but no client is subscribed to %1 (no matching "
                                "subscribers).")
                    .arg(c.subject),
                false};
    case MQTT_RC_NOT_AUTHORIZED:
        return {Error::NotAuthorized,
                MqttReasons::tr("The broker does not allow this client to publish to %1 (not authorised). Ask the "
                                "broker administrator for write access.")
                    .arg(c.subject),
                false};
    case MQTT_RC_TOPIC_NAME_INVALID:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker considers the topic %1 invalid (topic name invalid).").arg(c.subject),
                false};
    case MQTT_RC_PACKET_ID_NOT_FOUND:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker no longer knew the message for %1 (packet identifier not found); it was "
                                "probably lost when the connection was re-established. Publish it again.")
                    .arg(c.subject),
                false};
    case MQTT_RC_QUOTA_EXCEEDED:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker refused the message for %1 because a limit was reached (quota exceeded).")
                    .arg(c.subject),
                false};
    case MQTT_RC_PAYLOAD_FORMAT_INVALID:
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker refused the message for %1 because the payload does not match its payload "
                                "format indicator (payload format invalid).")
                    .arg(c.subject),
                false};
    default:
        if (code < 0x80) {
            return {};
        }
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker did not accept the message for %1 (%2, reason code %3).")
                    .arg(c.subject, reasonName(code), hexCode(code)),
                false};
    }
}

MqttReason unsubackReason(int code, const Context &c)
{
    switch (code) {
    case MQTT_RC_SUCCESS:
        return {};
    case MQTT_RC_NO_SUBSCRIPTION_EXISTED:
        return {Error::NoError,
                MqttReasons::tr("The broker had no subscription to %1 (no subscription existed).").arg(c.subject),
                false};
    case MQTT_RC_NOT_AUTHORIZED:
        return {Error::NotAuthorized,
                MqttReasons::tr("The broker does not allow this client to unsubscribe from %1 (not authorised).")
                    .arg(c.subject),
                false};
    default:
        if (code < 0x80) {
            return {};
        }
        return {Error::InvalidRequest,
                MqttReasons::tr("The broker refused to unsubscribe from %1 (%2, reason code %3).")
                    .arg(c.subject, reasonName(code), hexCode(code)),
                false};
    }
}

} // namespace

MqttReason MqttReasons::describe(Source source, int code, const Context &context)
{
    switch (source) {
    case Source::Library:
        return libraryReason(code, context);
    case Source::Connack:
        return context.mqtt5 ? connack5Reason(code, context) : connack311Reason(code, context);
    case Source::Disconnect:
        return disconnectReason(code, context);
    case Source::Suback:
        return subackReason(code, context);
    case Source::Puback:
        return pubackReason(code, context);
    case Source::Unsuback:
        return unsubackReason(code, context);
    }
    return {Error::InternalError, tr("Unknown reason source."), false};
}
