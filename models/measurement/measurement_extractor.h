#pragma once

#include "clock_skew_estimator.h"
#include "measurement_problem.h"
#include "measurement_rule.h"
#include "measurement_sample.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

struct MqttMessage;
class QJsonValue;

// One measurement taken out of a message, with the series it belongs to.
struct ExtractedSample
{
    SeriesKey key;
    QString deviceId;   // the payload's deviceId; empty when the source comes from the topic
    QString topic;
    QString unit;       // may be empty
    MeasurementSample sample;
};

// What one message yielded. samples and problems are both complete: every
// measurement the message carried is either in samples or explained by a
// problem (or both, when the sample was kept despite the problem).
struct ExtractionResult
{
    enum class Format : quint8 {
        None,       // no measurement format applies (e.g. a status text "running"); not a problem
        Batched,    // {"timestamp", "deviceId", "measurements": [...]} (the seed schema)
        PlainNumber,// the payload is one number, e.g. "72.4"
        Rule,       // read with a user MeasurementRule
        Invalid,    // looked like JSON but could not be read (see problems)
    };
    Format format = Format::None;
    QList<ExtractedSample> samples;
    QList<MeasurementProblem> problems;

    // Left by MeasurementExtractor::parse() for record(), which owns the
    // extractor's state; empty after extract() or record().
    struct OrderCheck
    {
        qsizetype sample = 0;         // index into samples (device time from the payload)
        qsizetype problemIndex = 0;   // where its OutOfOrderTimestamp problem belongs
    };
    QList<OrderCheck> orderChecks;
    QString skewSource;               // with skewDeviceTimeMs: one clock skew observation
    std::optional<qint64> skewDeviceTimeMs;
};

// Turns MQTT messages into measurement samples.
//
// Formats, tried in this order:
//  1. Rule: the first MeasurementRule whose topic filter matches the topic.
//     The payload must be JSON (a bare JSON number, string, ... counts);
//     value, quality, timestamp, unit and source come from the rule's pointers.
//     Measurement name = rule.measurementName, else the topic's last level.
//  2. Batched (the seed schema, topic factory/{site}/{building}/{line}/{asset}/telemetry):
//     a JSON object with a "measurements" member:
//       {"timestamp": "2026-05-04T14:23:41.000Z", "deviceId": "press-7-chicago-a-l3",
//        "measurements": [{"name": "temperature", "value": 72.4, "unit": "celsius", "quality": "good"}]}
//     The name comes from each entry; "timestamp" is message-wide (an entry
//     may override it with its own "timestamp"); quality per entry.
//  3. PlainNumber: the whole payload (white space trimmed) is a decimal number,
//     e.g. topic .../press-7/temperature, payload "72.4". No timestamp and no
//     quality in the format: device time = receive time, quality Unknown, and
//     neither is counted as a problem.
//  4. A payload that starts with '{' or '[' but is not valid JSON: Invalid with
//     a MalformedJson problem. Anything else (text, JSON without "measurements"
//     and without a rule): Format::None, no samples, no problem.
//
// Series source: the payload's deviceId (batched "deviceId", or the rule's
// sourcePointer) when it is a non-empty string. Otherwise the topic: without
// its last level when the measurement name is that last level (so
// ".../press-7/temperature" is series (".../press-7", "temperature")), the
// whole topic when the name comes from elsewhere.
//
// Values: JSON numbers, and strings that hold a whole decimal number
// ("72.4", " 1e3 "). NaN/Infinity ("NaN", "inf") give NonFiniteValue; other
// strings, booleans, objects, arrays and null give NonNumericValue with the raw
// text; a missing value gives MissingValue.
//
// Timestamps (see parseTimestamp()): ISO 8601 text or epoch numbers. Missing
// gives MissingTimestamp, unreadable gives InvalidTimestamp; both use the
// receive time as device time.
//
// State: the extractor remembers the newest device time per series to report
// OutOfOrderTimestamp (a device time strictly older than the newest one
// seen for that series; the sample is kept), and estimates the clock skew per
// source (receive time - device time, once per message with a usable device
// timestamp). reset() forgets both.
//
// Not a QObject. parse() may run on several threads at once; everything else
// from one thread at a time (extract() and record() change the state).
class MeasurementExtractor
{
    Q_DECLARE_TR_FUNCTIONS(MeasurementExtractor)
public:
    MeasurementExtractor();
    ~MeasurementExtractor();

    // Replaces the rules. Rules that do not validate() are kept but never match;
    // check them before. Does not reset the state.
    void setRules(const QList<MeasurementRule> &rules);
    QList<MeasurementRule> rules() const;

    // parse() then record().
    ExtractionResult extract(const MqttMessage &message);
    // The message's samples and problems, without touching the state: safe
    // to call from several threads at once (while nobody changes the rules).
    ExtractionResult parse(const MqttMessage &message) const;
    // Brings the state up to date with a parse() result of message, in
    // arrival order: adds OutOfOrderTimestamp problems to *result and
    // records the clock skew observation.
    void record(const MqttMessage &message, ExtractionResult *result);

    std::optional<ClockSkewEstimator::Estimate> clockSkew(const QString &source) const;
    QStringList clockSkewSources() const;

    void reset();

    // Reads a timestamp; returns ms since the epoch (UTC) or nullopt.
    // Strings: ISO 8601 date-time with or without fractional seconds and with
    // "Z", a "+hh:mm"/"-hh:mm" offset or no zone (then read as UTC):
    // "2026-05-04T14:23:41Z", "2026-05-04T14:23:41.250+02:00"; a string
    // holding a number is read as a number.
    // Numbers: epoch time whose unit is guessed from the magnitude, since all
    // plausible dates (1973..5138) fall into one band per unit:
    //   below 1e11 seconds (fractions allowed), below 1e14 milliseconds,
    //   below 1e17 microseconds, otherwise nanoseconds.
    // Zero, negative numbers, results before 1970-01-02 or after 9999-12-31
    // and anything else give nullopt. Pure.
    static std::optional<qint64> parseTimestamp(const QJsonValue &value);

    // Reads a measurement value as described in the class comment. Returns the
    // value, or nullopt with *problem set to MissingValue, NonNumericValue or
    // NonFiniteValue. Pure.
    static std::optional<double> parseValue(const QJsonValue &value, MeasurementProblem::Kind *problem);

private:
    class Private;
    std::unique_ptr<Private> const d;
};
