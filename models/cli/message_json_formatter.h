#pragma once

#include <QByteArray>
#include <QJsonObject>

struct MqttMessage;
struct MqttProperties;

// The `linescope-cli sub --json` line format: one compact JSON object per
// message, for scripts (jq, log shippers).
//
//   {"topic": "...",
//    "payload": "..."            UTF-8 payload as text, or
//    "payload_base64": "..."     when the payload is not valid UTF-8,
//    "qos": 0..2, "retain": bool,
//    "time": "2026-01-31T12:00:00.123Z"   arrival, ISO-8601 UTC with ms,
//    "properties": {...}}        only when MQTT 5 properties are present
//
// "properties" holds only what was on the wire: "content_type",
// "payload_format_indicator", "response_topic", "correlation_data" (or
// "correlation_data_base64"), "message_expiry_interval",
// "user_properties": [{"key": k, "value": v}, ...] in wire order, and
// "subscription_identifiers": [n, ...]. The keys are a stable interface and
// are not translated. Pure functions, callable from any thread.
class MessageJsonFormatter
{
public:
    static QJsonObject toJson(const MqttMessage &message);
    static QJsonObject propertiesToJson(const MqttProperties &properties);
    // toJson() as compact UTF-8 followed by "\n".
    static QByteArray toJsonLine(const MqttMessage &message);
    // True when bytes decode as UTF-8 without errors (the "payload" vs
    // "payload_base64" decision).
    static bool isValidUtf8(const QByteArray &bytes);
};
