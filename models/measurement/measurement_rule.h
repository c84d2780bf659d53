#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

QT_FORWARD_DECLARE_CLASS(QJsonArray)

// How to read measurements from JSON payloads on topics that do not use the
// batched seed schema. Set by the user per topic filter; see
// MeasurementExtractor::setRules(). All pointers are JSON Pointers (RFC 6901).
//
// Example: topic filter "plant/+/sensors/#", valuePointer "/value",
// qualityPointer "/quality", timestampPointer "/ts" reads
// {"value": 4.2, "quality": "Good", "ts": 1714832621000}.
struct MeasurementRule
{
    Q_DECLARE_TR_FUNCTIONS(MeasurementRule)
public:
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

    // The command-line form (linescope-cli measurements --rule TEXT):
    //   FILTER=VALUE_POINTER[,KEY=VALUE]...
    // FILTER is everything before the first '='; VALUE_POINTER may be empty
    // (the whole payload is the value). KEY is one of
    //   quality=PTR  time=PTR  unit=PTR  source=PTR   (JSON pointers, "/..." )
    //   fixed-unit=TEXT  name=TEXT                     (plain text)
    // each at most once. Example:
    //   factory/+/+/+/+/temp=/value,quality=/q,time=/ts,unit=/unit
    // Pointers containing ',' cannot be written in this form.
    // On error returns std::nullopt and sets *error (translated) to a sentence
    // that names the part that is wrong and what is allowed. Pure.
    static std::optional<MeasurementRule> parse(const QString &text, QString *error = nullptr);
    // The inverse of parse() (defaults left out).
    QString toText() const;

    // Workspace form: a JSON array of objects with the field names above.
    static QJsonArray toJson(const QList<MeasurementRule> &rules);
    // Invalid entries are skipped and described in *errors (translated).
    static QList<MeasurementRule> fromJson(const QJsonArray &array, QStringList *errors = nullptr);

    friend bool operator==(const MeasurementRule &, const MeasurementRule &) = default;
};

Q_DECLARE_METATYPE(MeasurementRule)
