#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

// One reason why (part of) a message could not be turned into clean samples.
// Problems are never dropped: MeasurementExtractor returns one per occurrence,
// MeasurementStore counts them per topic and kind and keeps the first example.
//
// What happens to the data, per kind:
//  - the sample is kept: MissingQuality, UnknownQuality (both as
//    Quality::Unknown), MissingTimestamp, InvalidTimestamp (both get the
//    receive time as device time), OutOfOrderTimestamp (kept where it arrived);
//  - the measurement is left out of its series: NonNumericValue,
//    MissingValue, NonFiniteValue, MissingName;
//  - the whole message yields nothing: MalformedJson, MeasurementsNotArray;
//    EntryNotObject drops that one entry of the measurements array.
struct MeasurementProblem
{
    Q_DECLARE_TR_FUNCTIONS(MeasurementProblem)
public:
    enum class Kind : quint8 {
        MalformedJson,
        MeasurementsNotArray,
        EntryNotObject,
        MissingName,
        MissingValue,
        NonNumericValue,
        NonFiniteValue,
        MissingQuality,
        UnknownQuality,
        MissingTimestamp,
        InvalidTimestamp,
        OutOfOrderTimestamp,
    };
    static constexpr int KindCount = int(Kind::OutOfOrderTimestamp) + 1;

    Kind kind = Kind::MalformedJson;
    QString topic;
    QString measurement;   // empty when the problem concerns the whole message
    QString raw;           // the offending text as received (JSON for
                           // non-strings), shortened to at most 120 characters
    QString message;       // translated sentence without the topic, e.g.
                           // "measurement 'pressure' has non-numeric value \"n/a\""

    // "topic: message", as the CLI prints it.
    QString toString() const;

    // Stable identifier for logs and files: "malformed-json", "non-numeric-value", ...
    static QString kindId(Kind kind);
    // Short translated description of the kind for the UI ("Non-numeric value").
    static QString kindDisplayName(Kind kind);
    // raw shortened to at most 120 characters with an ellipsis.
    static QString shortenRaw(const QString &raw);
};

Q_DECLARE_METATYPE(MeasurementProblem)
