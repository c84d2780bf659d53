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

    struct Tls
    {
        bool enabled = false;
        QString caFile;              // PEM; empty = system trust store
        bool verifyHostname = true;
        QString serverName;          // SNI override; empty = host
    } tls;

    bool autoReconnect = true;
    int reconnectMinDelayMs = 1000;
    int reconnectMaxDelayMs = 60000;

    // Returns an empty string when usable, otherwise a translated sentence that
    // names the field, what is wrong and what is allowed.
    QString validate() const;
};
