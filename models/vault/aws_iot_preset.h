#pragma once

#include "mqtt/connection_settings.h"

#include <QCoreApplication>
#include <QString>

// Connection settings for AWS IoT Core with a client certificate.
//
// The endpoint is the account's ATS data endpoint,
// "<prefix>-ats.iot.<region>.amazonaws.com" (AWS console: Settings, or
// "aws iot describe-endpoint --endpoint-type iot:Data-ATS"). The connection
// uses TLS with host name verification on port 8883, or on port 443 with the
// ALPN protocol "x-amzn-mqtt-ca" for networks that only let HTTPS out. AWS
// requires the client id to match what the thing's policy allows; it
// defaults to the thing name. MQTT 3.1.1 and 5 are both supported by AWS.
//
// Pure functions; any thread.
class AwsIotPreset
{
    Q_DECLARE_TR_FUNCTIONS(AwsIotPreset)
public:
    enum class Port { Mqtt8883, Https443 };

    struct Options
    {
        QString endpoint;
        QString thingName;
        QString clientId;               // empty: the thing name
        QString clientIdentityId;       // CertificateVault id of the device certificate
        Port port = Port::Mqtt8883;
        ConnectionSettings::ProtocolVersion protocolVersion = ConnectionSettings::ProtocolVersion::V5;
    };

    static QString alpnProtocol();      // "x-amzn-mqtt-ca"

    // Empty when endpoint is an ATS data endpoint; otherwise a translated
    // sentence that says what is wrong and what it should look like.
    static QString validateEndpoint(const QString &endpoint);
    // The region in a valid endpoint ("eu-central-1"), else empty.
    static QString region(const QString &endpoint);

    // Fills *settings (other fields keep their values) and returns an empty
    // string, or returns a translated sentence and leaves *settings alone.
    static QString apply(const Options &options, ConnectionSettings *settings);
};
