#include "cli_connection_options.h"

#include <QCommandLineParser>
#include <QFileInfo>

QList<QCommandLineOption> CliConnectionOptions::options()
{
    return {
        {{QStringLiteral("h"), QStringLiteral("host")},
         tr("Broker host name or address. Default: localhost."), tr("HOST")},
        {{QStringLiteral("p"), QStringLiteral("port")},
         tr("Broker port. Default: 1883, or 8883 with --cafile."), tr("PORT")},
        {{QStringLiteral("i"), QStringLiteral("id")},
         tr("Client id. Default: linescope-<random>."), tr("ID")},
        {{QStringLiteral("u"), QStringLiteral("username")},
         tr("User name to authenticate with."), tr("USER")},
        {{QStringLiteral("P"), QStringLiteral("pw")},
         tr("Password to authenticate with (needs -u)."), tr("PASSWORD")},
        {{QStringLiteral("k"), QStringLiteral("keepalive")},
         tr("Keep-alive interval in seconds, 0 to 65535. Default: 60."), tr("SECONDS")},
        {{QStringLiteral("V"), QStringLiteral("protocol-version")},
         tr("MQTT version: 311, 5, mqttv311 or mqttv5. Default: mqttv311."), tr("VERSION")},
        {QStringLiteral("cafile"),
         tr("Use TLS and trust the CA certificates in this PEM file."), tr("FILE")},
        {QStringLiteral("insecure"),
         tr("With TLS, do not check that the certificate matches the host name.")},
    };
}

bool CliConnectionOptions::parseProtocolVersion(const QString &text, ConnectionSettings::ProtocolVersion *version)
{
    if (text == u"311" || text == u"mqttv311") {
        *version = ConnectionSettings::ProtocolVersion::V311;
        return true;
    }
    if (text == u"5" || text == u"mqttv5") {
        *version = ConnectionSettings::ProtocolVersion::V5;
        return true;
    }
    return false;
}

bool CliConnectionOptions::parseNumber(const QString &text, qint64 minimum, qint64 maximum, qint64 *value)
{
    bool ok = false;
    const qint64 number = text.toLongLong(&ok, 10);
    if (!ok || number < minimum || number > maximum)
        return false;
    *value = number;
    return true;
}

QString CliConnectionOptions::read(const QCommandLineParser &parser, ConnectionSettings *settings)
{
    ConnectionSettings result = *settings;
    result.protocolVersion = ConnectionSettings::ProtocolVersion::V311;

    if (parser.isSet(QStringLiteral("host"))) {
        result.host = parser.value(QStringLiteral("host")).trimmed();
        if (result.host.isEmpty())
            return tr("The host given with -h is empty; give a host name or address.");
    }

    if (parser.isSet(QStringLiteral("cafile"))) {
        const QString caFile = parser.value(QStringLiteral("cafile"));
        const QFileInfo info(caFile);
        if (!info.isFile() || !info.isReadable())
            return tr("Cannot read the CA file \"%1\" given with --cafile.").arg(caFile);
        result.tls.enabled = true;
        result.tls.caFile = info.absoluteFilePath();
        result.port = 8883;
    }
    if (parser.isSet(QStringLiteral("insecure"))) {
        if (!result.tls.enabled)
            return tr("--insecure only applies to TLS connections; add --cafile FILE.");
        result.tls.verifyHostname = false;
    }

    if (parser.isSet(QStringLiteral("port"))) {
        const QString text = parser.value(QStringLiteral("port"));
        qint64 port = 0;
        if (!parseNumber(text, 1, 65535, &port))
            return tr("Invalid port \"%1\" for -p; use a number from 1 to 65535.").arg(text);
        result.port = int(port);
    }

    if (parser.isSet(QStringLiteral("id"))) {
        result.clientId = parser.value(QStringLiteral("id"));
        if (result.clientId.isEmpty())
            return tr("The client id given with -i is empty; leave -i out to get a generated id.");
    }

    if (parser.isSet(QStringLiteral("username")))
        result.username = parser.value(QStringLiteral("username"));
    if (parser.isSet(QStringLiteral("pw"))) {
        if (!parser.isSet(QStringLiteral("username")))
            return tr("-P needs -u; a password is only sent together with a user name.");
        result.password = parser.value(QStringLiteral("pw"));
    }

    if (parser.isSet(QStringLiteral("keepalive"))) {
        const QString text = parser.value(QStringLiteral("keepalive"));
        qint64 keepAlive = 0;
        if (!parseNumber(text, 0, 65535, &keepAlive))
            return tr("Invalid keep-alive \"%1\" for -k; use seconds from 0 to 65535.").arg(text);
        result.keepAliveSeconds = int(keepAlive);
    }

    if (parser.isSet(QStringLiteral("protocol-version"))) {
        const QString text = parser.value(QStringLiteral("protocol-version"));
        if (!parseProtocolVersion(text, &result.protocolVersion))
            return tr("Invalid MQTT version \"%1\" for -V; use 311, 5, mqttv311 or mqttv5.").arg(text);
    }

    *settings = result;
    return {};
}
