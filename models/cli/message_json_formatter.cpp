#include "message_json_formatter.h"

#include "mqtt/mqtt_message.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

#include <optional>

namespace {

// Strict decoding that keeps a leading BOM: the text must stand for the exact bytes.
std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// Adds bytes as "<key>" when they are UTF-8 text, else as "<key>_base64".
void insertBytes(QJsonObject &object, const QString &key, const QByteArray &bytes)
{
    if (const std::optional<QString> text = decodeUtf8(bytes))
        object.insert(key, *text);
    else
        object.insert(key + QStringLiteral("_base64"), QString::fromLatin1(bytes.toBase64()));
}

} // namespace

bool MessageJsonFormatter::isValidUtf8(const QByteArray &bytes)
{
    return decodeUtf8(bytes).has_value();
}

QJsonObject MessageJsonFormatter::propertiesToJson(const MqttProperties &properties)
{
    QJsonObject object;
    if (!properties.contentType.isEmpty())
        object.insert(QStringLiteral("content_type"), properties.contentType);
    if (properties.payloadFormatIndicator)
        object.insert(QStringLiteral("payload_format_indicator"), int(*properties.payloadFormatIndicator));
    if (!properties.responseTopic.isEmpty())
        object.insert(QStringLiteral("response_topic"), properties.responseTopic);
    if (!properties.correlationData.isEmpty())
        insertBytes(object, QStringLiteral("correlation_data"), properties.correlationData);
    if (properties.messageExpirySeconds)
        object.insert(QStringLiteral("message_expiry_interval"), qint64(*properties.messageExpirySeconds));
    if (!properties.userProperties.isEmpty()) {
        QJsonArray userProperties;
        for (const auto &[key, value] : properties.userProperties)
            userProperties.append(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
        object.insert(QStringLiteral("user_properties"), userProperties);
    }
    if (!properties.subscriptionIdentifiers.isEmpty()) {
        QJsonArray identifiers;
        for (const quint32 identifier : properties.subscriptionIdentifiers)
            identifiers.append(qint64(identifier));
        object.insert(QStringLiteral("subscription_identifiers"), identifiers);
    }
    return object;
}

QJsonObject MessageJsonFormatter::toJson(const MqttMessage &message)
{
    QJsonObject object;
    object.insert(QStringLiteral("topic"), message.topic);
    insertBytes(object, QStringLiteral("payload"), message.payload);
    object.insert(QStringLiteral("qos"), int(message.qos));
    object.insert(QStringLiteral("retain"), message.retained);
    object.insert(QStringLiteral("time"),
                  QDateTime::fromMSecsSinceEpoch(message.receivedAtMs, Qt::UTC).toString(Qt::ISODateWithMs));
    const QJsonObject properties = propertiesToJson(message.properties);
    if (!properties.isEmpty())
        object.insert(QStringLiteral("properties"), properties);
    return object;
}

QByteArray MessageJsonFormatter::toJsonLine(const MqttMessage &message)
{
    QByteArray line = QJsonDocument(toJson(message)).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}
