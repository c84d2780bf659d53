#include "mqtt_message.h"

#include "topics/topic_name.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace {

// MQTT's largest remaining length; a PUBLISH also carries the topic and headers.
constexpr qint64 MaxPacketBytes = 268435455;
// Strings and binary data inside properties have a two-byte length.
constexpr qsizetype MaxPropertyBytes = 65535;

class Text
{
    Q_DECLARE_TR_FUNCTIONS(MqttPublishRequest)
};

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    Q_UNUSED(decoded)
    return !decoder.hasError();
}

} // namespace

bool MqttProperties::isEmpty() const
{
    return contentType.isEmpty() && !payloadFormatIndicator.has_value() && responseTopic.isEmpty()
        && correlationData.isEmpty() && userProperties.isEmpty() && !messageExpirySeconds.has_value()
        && subscriptionIdentifiers.isEmpty();
}

QString validatePublishRequest(const MqttPublishRequest &request, ConnectionSettings::ProtocolVersion version)
{
    const QString topicError = TopicName::validateForPublish(request.topic);
    if (!topicError.isEmpty()) {
        return Text::tr("Topic: %1").arg(topicError);
    }
    if (request.qos > 2) {
        return Text::tr("QoS: %1 is not a QoS level. Use 0, 1 or 2.").arg(request.qos);
    }
    const qint64 overhead = request.topic.toUtf8().size() + 2 + 2;
    if (request.payload.size() + overhead > MaxPacketBytes) {
        return Text::tr("Payload: %1 bytes is too large. One MQTT message can carry at most %2 bytes including its "
                  "topic.")
            .arg(request.payload.size())
            .arg(MaxPacketBytes - overhead);
    }

    const MqttProperties &p = request.properties;
    if (p.isEmpty()) {
        return {};
    }
    if (version != ConnectionSettings::ProtocolVersion::V5) {
        return Text::tr("Properties: MQTT 5 properties cannot be sent over an MQTT 3.1.1 connection. Remove them, or "
                  "switch the connection profile to MQTT 5.");
    }
    if (!p.subscriptionIdentifiers.isEmpty()) {
        return Text::tr("Subscription identifiers: the broker adds them to delivered messages; a client may not publish "
                  "them. Remove them from the message.");
    }
    if (p.payloadFormatIndicator.has_value()) {
        if (*p.payloadFormatIndicator > 1) {
            return Text::tr("Payload format indicator: %1 is not allowed. Use 0 (bytes) or 1 (UTF-8 text).")
                .arg(*p.payloadFormatIndicator);
        }
        if (*p.payloadFormatIndicator == 1 && !isValidUtf8(request.payload)) {
            return Text::tr("Payload: the payload format indicator says UTF-8 text, but the payload is not valid UTF-8. "
                      "Set the indicator to 0 (bytes) or fix the payload.");
        }
    }
    if (!p.responseTopic.isEmpty()) {
        const QString responseError = TopicName::validateForPublish(p.responseTopic);
        if (!responseError.isEmpty()) {
            return Text::tr("Response topic: %1").arg(responseError);
        }
    }
    if (p.contentType.toUtf8().size() > MaxPropertyBytes) {
        return Text::tr("Content type: at most %1 bytes are allowed.").arg(MaxPropertyBytes);
    }
    if (p.correlationData.size() > MaxPropertyBytes) {
        return Text::tr("Correlation data: %1 bytes is too long; at most %2 bytes are allowed.")
            .arg(p.correlationData.size())
            .arg(MaxPropertyBytes);
    }
    for (const auto &[name, value] : p.userProperties) {
        if (name.toUtf8().size() > MaxPropertyBytes || value.toUtf8().size() > MaxPropertyBytes) {
            return Text::tr("User property \"%1\": names and values may have at most %2 bytes each.")
                .arg(name.left(40))
                .arg(MaxPropertyBytes);
        }
    }
    return {};
}
