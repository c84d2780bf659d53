#pragma once

#include "mqtt/connection_settings.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>

QT_FORWARD_DECLARE_CLASS(QCommandLineParser)

// The connection options every linescope-cli command shares, spelled as in
// mosquitto_sub/mosquitto_pub: -h HOST, -p PORT, -i ID, -u USER, -P PASSWORD,
// -k KEEPALIVE, -V 311|5|mqttv311|mqttv5, --cafile FILE, --insecure,
// --cert FILE --key FILE; and LineScope's --cert-id ID (a client certificate
// from the certificate vault, see "linescope-cli cert").
//
// Defaults follow the mosquitto clients where ConnectionSettings differs:
// MQTT 3.1.1 unless -V says otherwise, port 8883 when --cafile, --cert or
// --cert-id turns TLS on. Unlike mosquitto_sub, a client certificate without
// --cafile verifies the broker against the system's trusted certificates (or
// the CA certificates imported with the --cert-id identity).
// --cert/--key files are read into memory when the options are read; they
// are not copied anywhere. --cert-id only names the vault entry: the
// connection (MqttSession) reads it from the OS keychain when it connects.
class CliConnectionOptions
{
    Q_DECLARE_TR_FUNCTIONS(CliConnectionOptions)
public:
    static QList<QCommandLineOption> options();

    // Reads the options above from a parser that has parsed successfully.
    // Fills *settings and returns an empty string, or returns a translated
    // sentence naming the option and what is allowed (settings unchanged then).
    // Does not call ConnectionSettings::validate(): commands adjust further
    // fields first and validate the result themselves.
    static QString read(const QCommandLineParser &parser, ConnectionSettings *settings);

    // Parses "311", "mqttv311", "5" or "mqttv5"; returns false for anything else.
    static bool parseProtocolVersion(const QString &text, ConnectionSettings::ProtocolVersion *version);

    // Parses a whole decimal number in [minimum, maximum]; false when it is not one.
    static bool parseNumber(const QString &text, qint64 minimum, qint64 maximum, qint64 *value);

private:
    // --cert/--key and --cert-id into settings->tls; an error text or empty.
    static QString readClientCertificate(const QCommandLineParser &parser, ConnectionSettings *settings);
};
