#pragma once

#include "measurement_quality.h"

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

#include <span>

// One stored point of a time series. Kept compact on purpose (32 bytes, no
// strings): a series holds up to hundreds of thousands of them; the series'
// names and unit live once in the series (see SeriesKey, MeasurementStore).
struct MeasurementSample
{
    qint64 deviceTimeMs = 0;   // ms since the epoch, UTC; the device's own clock, or
                               // receiveTimeMs when the payload had no usable timestamp
    qint64 receiveTimeMs = 0;  // ms since the epoch, UTC; when LineScope received the message
    double value = 0.0;        // always finite
    Quality quality = Quality::Unknown;

    friend bool operator==(const MeasurementSample &, const MeasurementSample &) = default;
};

// Identifies one time series: where it comes from and what it measures.
// source is the payload's deviceId when it names one, otherwise derived from
// the topic (see MeasurementExtractor for the exact rule). The unit is a
// property of the series, not of the key.
struct SeriesKey
{
    QString source;
    QString measurement;

    friend bool operator==(const SeriesKey &, const SeriesKey &) = default;
    friend bool operator<(const SeriesKey &a, const SeriesKey &b)
    {
        const int bySource = QString::compare(a.source, b.source);
        return bySource != 0 ? bySource < 0 : QString::compare(a.measurement, b.measurement) < 0;
    }
};

inline size_t qHash(const SeriesKey &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.source, key.measurement);
}

// Read-only view of a series' samples in arrival order, as two contiguous
// parts (a ring buffer's older and newer half; either may be empty). Does not
// own the data: see MeasurementStore::view() for how long it stays valid.
struct MeasurementSeriesView
{
    std::span<const MeasurementSample> older;
    std::span<const MeasurementSample> newer;

    qsizetype size() const { return qsizetype(older.size() + newer.size()); }
    bool isEmpty() const { return size() == 0; }
    // i in [0, size()): the i-th oldest sample.
    const MeasurementSample &at(qsizetype i) const
    {
        const auto n = qsizetype(older.size());
        return i < n ? older[size_t(i)] : newer[size_t(i - n)];
    }
};

Q_DECLARE_METATYPE(MeasurementSample)
Q_DECLARE_METATYPE(SeriesKey)
