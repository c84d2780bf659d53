#pragma once

#include <QMetaType>
#include <QString>

class QJsonValue;

// Data quality of one measurement, after OPC-UA (Part 4, StatusCode severity).
// Unknown is ours: the payload had no quality, or one we could not read.
// Such samples are kept but must never be presented as trustworthy (a value of
// 0 with an unknown quality is not a real zero reading).
enum class Quality : quint8 { Good, Uncertain, Bad, Unknown };

namespace MeasurementQuality {

constexpr int Count = 4;   // number of Quality values; usable as an array size

// How a quality field was read.
enum class Parse {
    Recognised,   // a known name or status code
    Missing,      // no field, or JSON null: Quality::Unknown
    Unrecognised, // present but not understood: Quality::Unknown
};

// Parses a quality given as text. Accepted, case-insensitively and with
// surrounding white space ignored:
//  - "good", "uncertain", "bad" (also "GOOD", "Good");
//  - OPC-UA symbolic status names, which start with their severity:
//    "GoodClamped", "Uncertain_LastUsableValue", "BadSensorFailure";
//  - an OPC-UA numeric StatusCode as decimal ("2147483648") or hex ("0x80000000")
//    text, read as qualityFromStatusCode().
// Anything else (also "unknown", "ok", "") gives Quality::Unknown with
// *parse == Unrecognised. parse may be null. Pure; callable from any thread.
Quality fromText(const QString &text, Parse *parse = nullptr);

// Parses the quality field of a JSON payload: a string as fromText(), a
// whole number in [0, 0xFFFFFFFF] as an OPC-UA StatusCode, an undefined
// value or null as Missing; other types (bool, object, fractions, ...) as
// Unrecognised. parse may be null.
Quality fromJson(const QJsonValue &value, Parse *parse = nullptr);

// An OPC-UA StatusCode: bits 31..30 are the severity.
// 0x00000000..0x3FFFFFFF Good (0 = Good), 0x40000000..0x7FFFFFFF Uncertain,
// 0x80000000..0xBFFFFFFF Bad. 0xC0000000..0xFFFFFFFF is reserved by OPC-UA and
// gives Unknown with *parse == Unrecognised. Note that classic OPC DA codes
// (192 = good) are *not* supported: 192 reads as Good, 0 also as Good.
Quality fromStatusCode(quint32 code, Parse *parse = nullptr);

// Stable lower-case names used in CSV and the CLI: "good", "uncertain",
// "bad", "unknown". Not translated (they are data).
QString name(Quality quality);
// A translated word for the UI ("Good", "Uncertain", "Bad", "Unknown").
QString displayName(Quality quality);

} // namespace MeasurementQuality

Q_DECLARE_METATYPE(Quality)
