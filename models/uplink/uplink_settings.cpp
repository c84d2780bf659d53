#include "uplink_settings.h"

#include "topics/topic_filter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

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

// Reads one member into *value when present; a wrong type is reported once.
template<typename T, typename Convert>
void readMember(const QJsonObject &json, const QString &key, T *value, QString *error, Convert convert,
                const char *expected)   // marked with QT_TRANSLATE_NOOP("UplinkSettings", ...)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined() || v.isNull()) {
        return;
    }
    bool ok = false;
    const T converted = convert(v, &ok);
    if (ok) {
        *value = converted;
    } else if (error && error->isEmpty()) {
        *error = Text::tr("uplink.json: \"%1\" must be %2.").arg(key, Text::tr(expected));
    }
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
    const auto toBool = [](const QJsonValue &v, bool *ok) {
        *ok = v.isBool();
        return v.toBool();
    };
    const auto toText = [](const QJsonValue &v, bool *ok) {
        *ok = v.isString();
        return v.toString();
    };
    const auto toInt = [](const QJsonValue &v, bool *ok) {
        *ok = v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
        return int(v.toDouble());
    };
    const auto toInt64 = [](const QJsonValue &v, bool *ok) {
        *ok = v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
        return qint64(v.toDouble());
    };
    const auto toList = [](const QJsonValue &v, bool *ok) {
        QStringList list;
        *ok = v.isArray();
        for (const QJsonValue &item : v.toArray()) {
            *ok = *ok && item.isString();
            list.append(item.toString());
        }
        return list;
    };
    const char *text = QT_TRANSLATE_NOOP("UplinkSettings", "a string");
    const char *number = QT_TRANSLATE_NOOP("UplinkSettings", "a whole number");
    const char *list = QT_TRANSLATE_NOOP("UplinkSettings", "a list of strings");
    const char *boolean = QT_TRANSLATE_NOOP("UplinkSettings", "true or false");
    readMember(json, QStringLiteral("enabled"), &s.enabled, error, toBool, boolean);
    readMember(json, QStringLiteral("host"), &s.host, error, toText, text);
    readMember(json, QStringLiteral("port"), &s.port, error, toInt, number);
    readMember(json, QStringLiteral("clientId"), &s.clientId, error, toText, text);
    readMember(json, QStringLiteral("keepAliveSeconds"), &s.keepAliveSeconds, error, toInt, number);
    readMember(json, QStringLiteral("identityId"), &s.identityId, error, toText, text);
    readMember(json, QStringLiteral("certificateFile"), &s.certificateFile, error, toText, text);
    readMember(json, QStringLiteral("keyFile"), &s.keyFile, error, toText, text);
    readMember(json, QStringLiteral("caFile"), &s.caFile, error, toText, text);
    readMember(json, QStringLiteral("alpnProtocols"), &s.alpnProtocols, error, toList, list);
    readMember(json, QStringLiteral("topicFilters"), &s.topicFilters, error, toList, list);
    readMember(json, QStringLiteral("downlinkFilters"), &s.downlinkFilters, error, toList, list);
    readMember(json, QStringLiteral("maxMessages"), &s.limits.maxMessages, error, toInt64, number);
    readMember(json, QStringLiteral("maxBytes"), &s.limits.maxBytes, error, toInt64, number);
    readMember(json, QStringLiteral("minFreeDiskBytes"), &s.limits.minFreeDiskBytes, error, toInt64, number);
    return s;
}

bool UplinkSettings::load(const QString &file, UplinkSettings *settings, QString *error)
{
    QFile in(file);
    if (!in.exists()) {
        *settings = UplinkSettings();
        return true;
    }
    if (!in.open(QIODevice::ReadOnly)) {
        *error = Text::tr("The uplink settings %1 cannot be read: %2.").arg(QDir::toNativeSeparators(file), in.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &parseError);
    if (!document.isObject()) {
        *error = Text::tr("The uplink settings %1 are not a JSON object: %2. Fix or delete the file.")
                     .arg(QDir::toNativeSeparators(file), parseError.errorString());
        return false;
    }
    QString problem;
    *settings = fromJson(document.object(), &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    return true;
}

bool UplinkSettings::save(const QString &file, QString *error) const
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile out(file);
    const QByteArray data = QJsonDocument(toJson()).toJson();
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        *error = Text::tr("The uplink settings %1 cannot be written: %2.").arg(QDir::toNativeSeparators(file), out.errorString());
        return false;
    }
    return true;
}
