#pragma once

#include <QCoreApplication>
#include <QString>

struct ExtractedSample;
struct MeasurementSample;
struct SeriesKey;

// The CSV format shared by the chart export and `linescope-cli measurements --csv`:
//
//   device_time,receive_time,device_id,topic,measurement,value,unit,quality
//   2026-05-04T14:23:41.000Z,2026-05-04T14:23:41.120Z,press-7-chicago-a-l3,factory/chicago/building-a/line-3/press-7/telemetry,temperature,72.4,celsius,good
//
// Times are ISO 8601 UTC with milliseconds; device_id is empty when the
// series' source was derived from the topic; value is the shortest text that
// reads back as the same double ("72.4", "1e+20"); quality is
// MeasurementQuality::name(). Fields are quoted per RFC 4180: a field
// containing ',', '"', CR or LF is enclosed in '"' with inner '"' doubled.
// Functions return lines without a line terminator; callers choose "\n" or
// "\r\n". Pure; callable from any thread.
class MeasurementCsv
{
public:
    static QString header();
    static QString row(const ExtractedSample &sample);
    static QString row(const MeasurementSample &sample, const QString &deviceId, const QString &topic,
                       const QString &measurement, const QString &unit);
    static QString quoteField(const QString &field);
    static QString formatTime(qint64 epochMs);     // "2026-05-04T14:23:41.000Z"
    static QString formatValue(double value);
};
