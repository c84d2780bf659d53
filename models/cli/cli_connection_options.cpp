#include "cli_connection_options.h"

#include "vault/certificate_vault.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

QList<QCommandLineOption> CliConnectionOptions::options()
{
    return {
        {{QStringLiteral("h"), QStringLiteral("host")},
         tr("Broker host name or address. Default: localhost."), tr("HOST")},
        {{QStringLiteral("p"), QStringLiteral("port")},
         tr("Broker port. Default: 1883, or 8883 with TLS (--cafile, --cert, --cert-id)."), tr("PORT")},
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
        {QStringLiteral("cert"),
         tr("Use TLS and authenticate with this client certificate (PEM); needs --key."), tr("FILE")},
        {QStringLiteral("key"),
         tr("The unencrypted private key (PEM) of the --cert certificate."), tr("FILE")},
        {QStringLiteral("cert-id"),
         tr("Use TLS and authenticate with this certificate from the certificate vault (id or name as "
            "\"linescope-cli cert list\" shows them)."),
         tr("ID")},
    };
}

QString CliConnectionOptions::readClientCertificate(const QCommandLineParser &parser, ConnectionSettings *settings)
{
    const bool certFile = parser.isSet(QStringLiteral("cert"));
    const bool keyFile = parser.isSet(QStringLiteral("key"));
    const bool certId = parser.isSet(QStringLiteral("cert-id"));
    if (certFile != keyFile)
        return tr("--cert and --key go together: give the client certificate and its private key.");
    if (certFile && certId)
        return tr("Use either --cert-id or --cert with --key, not both.");

    if (certFile) {
        // Read into memory only; the files are not copied anywhere.
        const auto readSmallFile = [](const QString &path, const QString &option, QByteArray *content) -> QString {
            constexpr qint64 MaxBytes = 1024 * 1024;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return tr("Cannot read the file \"%1\" given with %2: %3.").arg(path, option, file.errorString());
            if (file.size() > MaxBytes)
                return tr("The file \"%1\" given with %2 is too large for a certificate or key.").arg(path, option);
            *content = file.readAll();
            return {};
        };
        QByteArray certificate;
        QByteArray key;
        QString error = readSmallFile(parser.value(QStringLiteral("cert")), QStringLiteral("--cert"), &certificate);
        if (error.isEmpty())
            error = readSmallFile(parser.value(QStringLiteral("key")), QStringLiteral("--key"), &key);
        if (!error.isEmpty())
            return error;
        settings->tls.clientCertificatePem = certificate;
        settings->tls.clientKeyPem = key;
    }
    if (certId) {
        QString error;
        const CertificateVault vault;
        const QString id = vault.lookup(parser.value(QStringLiteral("cert-id")), &error);
        if (id.isEmpty())
            return tr("%1 (--cert-id; the list is in %2)").arg(error, QDir::toNativeSeparators(vault.settingsFile()));
        settings->tls.clientIdentityId = id;
    }
    if ((certFile || certId) && !settings->tls.enabled) {
        settings->tls.enabled = true;
        settings->port = 8883;
    }
    return {};
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
    if (const QString error = readClientCertificate(parser, &result); !error.isEmpty())
        return error;
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
