#include "aws_iot_preset.h"

#include <QRegularExpression>

namespace {

// <prefix>-ats.iot.<region>.amazonaws.com, also in China (amazonaws.com.cn).
const QRegularExpression &endpointPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]+-ats\\.iot\\.(?<region>[a-z]{2}(?:-[a-z]+)+-[0-9]+)\\.amazonaws\\.com(?:\\.cn)?$"));
    return pattern;
}

// AWS IoT thing names: letters, digits, ":", "_" and "-", at most 128.
const QRegularExpression &thingNamePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9:_-]{1,128}$"));
    return pattern;
}

constexpr int MaxAwsClientIdLength = 128;

} // namespace

QString AwsIotPreset::alpnProtocol()
{
    return QStringLiteral("x-amzn-mqtt-ca");
}

QString AwsIotPreset::validateEndpoint(const QString &endpoint)
{
    const QString example = QStringLiteral("a1b2c3d4e5f6g7-ats.iot.eu-central-1.amazonaws.com");
    const QString text = endpoint.trimmed();
    if (text.isEmpty()) {
        return tr("AWS IoT endpoint: enter your account's data endpoint, for example %1 (AWS IoT console, "
                  "Settings).")
            .arg(example);
    }
    if (text.contains(QLatin1String("://")) || text.contains(QLatin1Char('/')) || text.contains(QLatin1Char(':'))) {
        return tr("AWS IoT endpoint: \"%1\" must be only the host name, without scheme, port or path, for example "
                  "%2.")
            .arg(text, example);
    }
    const QString lower = text.toLower();
    if (endpointPattern().match(lower).hasMatch()) {
        return {};
    }
    static const QRegularExpression legacy(
        QStringLiteral("^[a-z0-9]+\\.iot\\.[a-z]{2}(?:-[a-z]+)+-[0-9]+\\.amazonaws\\.com(?:\\.cn)?$"));
    if (legacy.match(lower).hasMatch()) {
        return tr("AWS IoT endpoint: \"%1\" is the legacy endpoint, whose certificates Amazon no longer "
                  "supports. Use the ATS endpoint, which has \"-ats\" after the first part, for example %2.")
            .arg(text, example);
    }
    return tr("AWS IoT endpoint: \"%1\" is not an AWS IoT data endpoint. It looks like "
              "<prefix>-ats.iot.<region>.amazonaws.com, for example %2.")
        .arg(text, example);
}

QString AwsIotPreset::region(const QString &endpoint)
{
    const QRegularExpressionMatch match = endpointPattern().match(endpoint.trimmed().toLower());
    return match.hasMatch() ? match.captured(QStringLiteral("region")) : QString();
}

QString AwsIotPreset::apply(const Options &options, ConnectionSettings *settings)
{
    if (const QString problem = validateEndpoint(options.endpoint); !problem.isEmpty()) {
        return problem;
    }
    if (!options.thingName.isEmpty() && !thingNamePattern().match(options.thingName).hasMatch()) {
        return tr("Thing name: \"%1\" is not a valid AWS IoT thing name. Use up to 128 letters, digits, \":\", "
                  "\"_\" and \"-\".")
            .arg(options.thingName);
    }
    const QString clientId = options.clientId.isEmpty() ? options.thingName : options.clientId;
    if (clientId.isEmpty()) {
        return tr("Client id: AWS IoT policies usually allow only client ids that match the thing name. Enter the "
                  "thing name or a client id.");
    }
    if (clientId.size() > MaxAwsClientIdLength) {
        return tr("Client id: AWS IoT accepts at most %1 characters; \"%2\" has %3.")
            .arg(MaxAwsClientIdLength)
            .arg(clientId)
            .arg(clientId.size());
    }
    if (options.clientIdentityId.isEmpty()) {
        return tr("Client certificate: AWS IoT authenticates devices with their certificate. Import the "
                  "certificate, its private key and AmazonRootCA1.pem, then choose it.");
    }

    ConnectionSettings result = *settings;
    result.host = options.endpoint.trimmed().toLower();
    result.port = options.port == Port::Https443 ? 443 : 8883;
    result.protocolVersion = options.protocolVersion;
    result.clientId = clientId;
    result.username.clear();
    result.password.clear();
    result.tls.enabled = true;
    result.tls.verifyHostname = true;
    result.tls.serverName.clear();
    result.tls.clientIdentityId = options.clientIdentityId;
    result.tls.alpnProtocols = options.port == Port::Https443 ? QStringList{alpnProtocol()} : QStringList{};
    *settings = result;
    return {};
}
