#include "uplink_settings.h"

#include "broker/json_settings_file.h"
#include "topics/topic_filter.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(UplinkSettings)
};

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list) {
        array.append(item);
    }
    return array;
}

QString checkFilters(const QStringList &filters, const QString &field)
{
    for (const QString &filter : filters) {
        const TopicFilter::ValidationError problem = TopicFilter::validate(filter);
        if (!problem.isValid()) {
            return Text::tr("%1: \"%2\" is not a valid topic filter: %3").arg(field, filter, problem.message);
        }
    }
    return {};
}

} // namespace

QString UplinkSettings::filePath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("uplink.json"));
}

QString UplinkSettings::queueFilePath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("uplink-queue.sqlite"));
}

QString UplinkSettings::validate() const
{
    if (!enabled) {
        return {};
    }
    if (host.trimmed().isEmpty()) {
        return Text::tr("Cloud host: enter the host name or IP address of the cloud broker, e.g. "
                        "abc123-ats.iot.eu-central-1.amazonaws.com.");
    }
    if (port < 1 || port > 65535) {
        return Text::tr("Cloud port: %1 is not a valid port. Use a port between 1 and 65535 (8883 for MQTT over TLS, "
                        "443 with ALPN).")
            .arg(port);
    }
    if (!identityId.isEmpty() && (!certificateFile.isEmpty() || !keyFile.isEmpty())) {
        return Text::tr("Client identity: choose either a certificate from the vault or a certificate and key file, "
                        "not both.");
    }
    if (certificateFile.isEmpty() != keyFile.isEmpty()) {
        return Text::tr("Client identity: a certificate file needs its key file and the other way round. Choose both "
                        "files.");
    }
    if (topicFilters.isEmpty()) {
        return Text::tr("Forwarded topics: enter at least one topic filter, e.g. factory/# (or # for everything).");
    }
    if (const QString problem = checkFilters(topicFilters, Text::tr("Forwarded topics")); !problem.isEmpty()) {
        return problem;
    }
    if (const QString problem = checkFilters(downlinkFilters, Text::tr("Downlink topics")); !problem.isEmpty()) {
        return problem;
    }
    if (limits.maxMessages < 1) {
        return Text::tr("Queue limit: at least 1 message must fit; %1 is not allowed.").arg(limits.maxMessages);
    }
    if (limits.maxBytes < 1024) {
        return Text::tr("Queue size limit: %1 bytes is too small. Allow at least 1024 bytes.").arg(limits.maxBytes);
    }
    if (limits.minFreeDiskBytes < 0) {
        return Text::tr("Free-disk floor: %1 bytes is not allowed. Use 0 or more.").arg(limits.minFreeDiskBytes);
    }
    ConnectionSettings cloud = toConfiguration(1883, {}).cloud;
    return cloud.validate();
}

UplinkConfiguration UplinkSettings::toConfiguration(int localPort, const QString &queueFile) const
{
    UplinkConfiguration c;
    c.local.host = QStringLiteral("127.0.0.1");
    c.local.port = localPort;
    c.local.clientId = QStringLiteral("linescope-uplink-local");
    c.local.reconnectMinDelayMs = 250;
    c.local.reconnectMaxDelayMs = 5000;

    c.cloud.host = host.trimmed();
    c.cloud.port = port;
    c.cloud.clientId = clientId.isEmpty() ? QStringLiteral("linescope-uplink") : clientId;
    c.cloud.keepAliveSeconds = keepAliveSeconds;
    // AWS IoT speaks MQTT 3.1.1 and 5; 3.1.1 is what every cloud broker takes.
    c.cloud.protocolVersion = ConnectionSettings::ProtocolVersion::V311;
    c.cloud.reconnectMinDelayMs = 500;
    c.cloud.tls.enabled = true;
    c.cloud.tls.caFile = caFile;
    c.cloud.tls.clientIdentityId = identityId;
    c.cloud.tls.alpnProtocols = alpnProtocols;
    c.cloudCertificateFile = certificateFile;
    c.cloudKeyFile = keyFile;

    c.topicFilters = topicFilters;
    c.downlinkFilters = downlinkFilters;
    c.limits = limits;
    c.queueFile = queueFile;
    return c;
}

QJsonObject UplinkSettings::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("enabled"), enabled);
    json.insert(QStringLiteral("host"), host);
    json.insert(QStringLiteral("port"), port);
    json.insert(QStringLiteral("clientId"), clientId);
    json.insert(QStringLiteral("keepAliveSeconds"), keepAliveSeconds);
    json.insert(QStringLiteral("identityId"), identityId);
    json.insert(QStringLiteral("certificateFile"), certificateFile);
    json.insert(QStringLiteral("keyFile"), keyFile);
    json.insert(QStringLiteral("caFile"), caFile);
    json.insert(QStringLiteral("alpnProtocols"), toArray(alpnProtocols));
    json.insert(QStringLiteral("topicFilters"), toArray(topicFilters));
    json.insert(QStringLiteral("downlinkFilters"), toArray(downlinkFilters));
    // Sizes as numbers: JSON doubles hold integers exactly up to 2^53.
    json.insert(QStringLiteral("maxMessages"), double(limits.maxMessages));
    json.insert(QStringLiteral("maxBytes"), double(limits.maxBytes));
    json.insert(QStringLiteral("minFreeDiskBytes"), double(limits.minFreeDiskBytes));
    return json;
}

UplinkSettings UplinkSettings::fromJson(const QJsonObject &json, QString *error)
{
    UplinkSettings s;
    JsonSettingsFile::Reader reader(json, QStringLiteral("uplink.json"));
    reader.read(QStringLiteral("enabled"), &s.enabled);
    reader.read(QStringLiteral("host"), &s.host);
    reader.read(QStringLiteral("port"), &s.port);
    reader.read(QStringLiteral("clientId"), &s.clientId);
    reader.read(QStringLiteral("keepAliveSeconds"), &s.keepAliveSeconds);
    reader.read(QStringLiteral("identityId"), &s.identityId);
    reader.read(QStringLiteral("certificateFile"), &s.certificateFile);
    reader.read(QStringLiteral("keyFile"), &s.keyFile);
    reader.read(QStringLiteral("caFile"), &s.caFile);
    reader.read(QStringLiteral("alpnProtocols"), &s.alpnProtocols);
    reader.read(QStringLiteral("topicFilters"), &s.topicFilters);
    reader.read(QStringLiteral("downlinkFilters"), &s.downlinkFilters);
    reader.read(QStringLiteral("maxMessages"), &s.limits.maxMessages);
    reader.read(QStringLiteral("maxBytes"), &s.limits.maxBytes);
    reader.read(QStringLiteral("minFreeDiskBytes"), &s.limits.minFreeDiskBytes);
    if (error && error->isEmpty())
        *error = reader.error();
    return s;
}

bool UplinkSettings::load(const QString &file, UplinkSettings *settings, QString *error)
{
    QJsonObject json;
    if (!JsonSettingsFile::read(file, &json, error))
        return false;
    QString problem;
    *settings = fromJson(json, &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    return true;
}

bool UplinkSettings::save(const QString &file, QString *error) const
{
    return JsonSettingsFile::write(file, toJson(), error);
}
