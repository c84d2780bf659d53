#pragma once

#include <QMetaType>
#include <QString>

// How to read measurements from JSON payloads on topics that do not use the
// batched seed schema. Set by the user per topic filter; see
// MeasurementExtractor::setRules(). All pointers are JSON Pointers (RFC 6901).
//
// Example: topic filter "plant/+/sensors/#", valuePointer "/value",
// qualityPointer "/quality", timestampPointer "/ts" reads
// {"value": 4.2, "quality": "Good", "ts": 1714832621000}.
struct MeasurementRule
{
    QString topicFilter;          // MQTT filter; the first matching rule wins
    QString valuePointer = QStringLiteral("/value");  // required; "" = the whole payload
    QString qualityPointer;       // empty: the payload carries no quality (Unknown, not counted)
    QString timestampPointer;     // empty: device time = receive time (not counted)
    QString unitPointer;          // empty: use unit
    QString unit;                 // fixed unit when unitPointer is empty or does not resolve
    QString measurementName;      // empty: the topic's last level
    QString sourcePointer;        // e.g. "/deviceId"; empty or unresolved: derived from the topic

    // Empty when usable; otherwise a translated sentence naming the field and
    // what is wrong (invalid topic filter, malformed pointer). Pure.
    QString validate() const;

    friend bool operator==(const MeasurementRule &, const MeasurementRule &) = default;
};

Q_DECLARE_METATYPE(MeasurementRule)
