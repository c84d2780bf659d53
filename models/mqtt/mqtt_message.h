#pragma once

#include "connection_settings.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <optional>

// MQTT 5 properties that LineScope shows and sends. Empty/unset members were
// not present on the wire; MQTT 3.1.1 messages never carry any.
struct MqttProperties
{
    QString contentType;
    std::optional<quint8> payloadFormatIndicator;  // 0 = bytes, 1 = UTF-8
    QString responseTopic;
    QByteArray correlationData;
    QList<QPair<QString, QString>> userProperties;
    std::optional<quint32> messageExpirySeconds;
    QList<quint32> subscriptionIdentifiers;        // received messages only

    bool isEmpty() const;
    friend bool operator==(const MqttProperties &, const MqttProperties &) = default;
};

// One received PUBLISH, copied out of libmosquitto's buffers so it can cross threads.
struct MqttMessage
{
    QString topic;
    QByteArray payload;
    quint8 qos = 0;
    bool retained = false;
    qint64 receivedAtMs = 0;  // QDateTime::currentMSecsSinceEpoch() when it arrived
    MqttProperties properties;
};

// What the user asks to publish. Validate it with validatePublishRequest() first.
struct MqttPublishRequest
{
    QString topic;
    QByteArray payload;
    quint8 qos = 0;
    bool retain = false;
    MqttProperties properties;  // ignored (and rejected by validation) on MQTT 3.1.1
};

// Empty when the request may be published on a connection that uses the
// given MQTT version; otherwise a translated sentence naming the field and
// what is allowed (topic rules, QoS 0..2, size limits, properties only on
// MQTT 5, no subscription identifiers, UTF-8 payload when the payload format
// indicator says so). Pure function, callable on any thread.
QString validatePublishRequest(const MqttPublishRequest &request, ConnectionSettings::ProtocolVersion version);

Q_DECLARE_METATYPE(MqttMessage)
Q_DECLARE_METATYPE(QList<MqttMessage>)
