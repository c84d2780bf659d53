#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Everything needed to open one MQTT connection. A plain value: profiles
// (models/profiles) persist it, MqttSession consumes it. The password lives
// here only in memory; it is persisted through the keychain, never QSettings.
struct ConnectionSettings
{
    enum class ProtocolVersion { V311, V5 };

    QString host = QStringLiteral("localhost");
    int port = 1883;
    ProtocolVersion protocolVersion = ProtocolVersion::V5;
    QString clientId;        // empty: MqttSession generates "linescope-<random>"
    QString username;
    QString password;        // memory only
    int keepAliveSeconds = 60;
    bool cleanSession = true;           // "clean start" on MQTT 5
    quint32 sessionExpirySeconds = 0;   // MQTT 5 only; 0 = session ends with the connection

    struct Will
    {
        bool enabled = false;
        QString topic;
        QByteArray payload;
        quint8 qos = 0;
        bool retain = false;
    } will;

    // Mutual TLS: the client identity is either a CertificateVault id
    // (clientIdentityId; MqttSession reads it from the keychain before it
    // connects) or PEM bytes in memory (clientCertificatePem + clientKeyPem,
    // e.g. from linescope-cli --cert/--key). The PEM fields and
    // caCertificatesPem are never persisted: ProfileStore writes neither.
    // The broker is verified against caFile and caCertificatesPem together;
    // when both are empty, against the CA certificates imported with the
    // vault identity (e.g. AmazonRootCA1.pem), else the system trust store.
    struct Tls
    {
        bool enabled = false;
        QString caFile;              // PEM; empty = system trust store
        bool verifyHostname = true;
        QString serverName;          // SNI override; empty = host
        QString clientIdentityId;    // CertificateVault id; empty = none
        QByteArray clientCertificatePem;  // memory only: client certificate, then intermediates
        QByteArray clientKeyPem;          // memory only: unencrypted PEM private key
        QByteArray caCertificatesPem;     // memory only: CA certificates for the broker
        QStringList alpnProtocols;        // e.g. "x-amzn-mqtt-ca" for AWS IoT on port 443
    } tls;

    bool autoReconnect = true;
    int reconnectMinDelayMs = 1000;
    int reconnectMaxDelayMs = 60000;

    // Returns an empty string when usable, otherwise a translated sentence that
    // names the field, what is wrong and what is allowed.
    QString validate() const;
};
