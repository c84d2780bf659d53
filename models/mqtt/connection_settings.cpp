#include "connection_settings.h"

#include "topics/topic_name.h"

#include <QCoreApplication>

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionSettings)
};

// Strings in CONNECT (client id, user name, password, will payload) carry a two-byte length.
constexpr qsizetype MaxStringBytes = 65535;
constexpr int MinReconnectDelayMs = 100;

bool containsSpace(const QString &text)
{
    for (const QChar c : text) {
        if (c.isSpace()) {
            return true;
        }
    }
    return false;
}

} // namespace

QString ConnectionSettings::validate() const
{
    const bool v311 = protocolVersion == ProtocolVersion::V311;

    if (host.trimmed().isEmpty()) {
        return Text::tr("Host: enter the broker's host name or IP address.");
    }
    if (containsSpace(host) || host.contains(QLatin1String("://"))) {
        return Text::tr("Host: \"%1\" is not a host name. Enter only the host name or IP address, for example "
                        "broker.example.com, without spaces or a URL scheme.")
            .arg(host);
    }
    if (port < 1 || port > 65535) {
        return Text::tr("Port: %1 is not a valid port. Use a port between 1 and 65535 (usually 1883 for MQTT and "
                        "8883 for MQTT over TLS).")
            .arg(port);
    }
    if (keepAliveSeconds != 0 && (keepAliveSeconds < 5 || keepAliveSeconds > 65535)) {
        return Text::tr("Keep-alive: %1 seconds is not allowed. Use 0 to turn keep-alive off, or a value between 5 "
                        "and 65535 seconds.")
            .arg(keepAliveSeconds);
    }
    if (clientId.toUtf8().size() > MaxStringBytes) {
        return Text::tr("Client id: at most %1 bytes are allowed; brokers commonly accept up to 23 letters and "
                        "digits.")
            .arg(MaxStringBytes);
    }
    if (v311 && !cleanSession && clientId.isEmpty()) {
        return Text::tr("Client id: a persistent session (clean session off) needs a fixed client id, because the "
                        "broker finds the session by it. Enter a client id or turn clean session on.");
    }
    if (username.toUtf8().size() > MaxStringBytes) {
        return Text::tr("User name: at most %1 bytes are allowed.").arg(MaxStringBytes);
    }
    if (password.toUtf8().size() > MaxStringBytes) {
        return Text::tr("Password: at most %1 bytes are allowed.").arg(MaxStringBytes);
    }
    if (v311 && username.isEmpty() && !password.isEmpty()) {
        return Text::tr("Password: MQTT 3.1.1 does not allow a password without a user name. Enter a user name or "
                        "clear the password.");
    }
    if (v311 && sessionExpirySeconds != 0) {
        return Text::tr("Session expiry: MQTT 3.1.1 has no session expiry interval. Set it to 0, or switch the "
                        "protocol to MQTT 5.");
    }

    if (will.enabled) {
        const QString topicError = TopicName::validateForPublish(will.topic);
        if (!topicError.isEmpty()) {
            return Text::tr("Will topic: %1").arg(topicError);
        }
        if (will.qos > 2) {
            return Text::tr("Will QoS: %1 is not a QoS level. Use 0, 1 or 2.").arg(will.qos);
        }
        if (will.payload.size() > MaxStringBytes) {
            return Text::tr("Will payload: %1 bytes is too large. A will payload may have at most %2 bytes.")
                .arg(will.payload.size())
                .arg(MaxStringBytes);
        }
    }

    if (tls.enabled && !tls.serverName.isEmpty() && tls.serverName != host) {
        // libmosquitto 2.0 sends the host as SNI and checks the certificate
        // against it; there is no separate server-name setting.
        return Text::tr("TLS server name: a server name (%1) different from the host (%2) is not supported. Leave "
                        "it empty; LineScope checks the broker's certificate against the host name.")
            .arg(tls.serverName, host);
    }

    const bool clientPem = !tls.clientCertificatePem.isEmpty() || !tls.clientKeyPem.isEmpty();
    if (!tls.enabled && (clientPem || !tls.clientIdentityId.isEmpty())) {
        return Text::tr("Client certificate: a client certificate is only used with TLS. Turn TLS on, or remove "
                        "the client certificate.");
    }
    if (tls.enabled && clientPem && (tls.clientCertificatePem.isEmpty() || tls.clientKeyPem.isEmpty())) {
        return Text::tr("Client certificate: both the certificate and its private key are needed; only the %1 is "
                        "given.")
            .arg(tls.clientKeyPem.isEmpty() ? Text::tr("certificate") : Text::tr("private key"));
    }
    if (tls.enabled) {
        for (const QString &protocol : tls.alpnProtocols) {
            const qsizetype bytes = protocol.toUtf8().size();
            if (bytes < 1 || bytes > 255) {
                return Text::tr("ALPN protocol: \"%1\" must have 1 to 255 bytes.").arg(protocol);
            }
        }
    }

    if (autoReconnect) {
        if (reconnectMinDelayMs < MinReconnectDelayMs) {
            return Text::tr("Reconnect delay: the shortest delay must be at least %1 ms; it is %2 ms.")
                .arg(MinReconnectDelayMs)
                .arg(reconnectMinDelayMs);
        }
        if (reconnectMaxDelayMs < reconnectMinDelayMs) {
            return Text::tr("Reconnect delay: the longest delay (%1 ms) must not be shorter than the shortest delay "
                            "(%2 ms).")
                .arg(reconnectMaxDelayMs)
                .arg(reconnectMinDelayMs);
        }
    }
    return {};
}
