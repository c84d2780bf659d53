#include "decimator.h"

#include <algorithm>
#include <array>
#include <limits>

namespace {

constexpr int QualityCount = MeasurementQuality::Count;
// first, last, and min/max for each quality
constexpr int MaxKeptPerColumn = 2 + 2 * QualityCount;

} // namespace

namespace {

struct PerQuality
{
    qsizetype minIndex = -1;   // -1: no sample of this quality in the column
    qsizetype maxIndex = -1;
    double minValue = 0.0;
    double maxValue = 0.0;
};

} // namespace

struct Decimator::Column
{
    bool used = false;
    qsizetype firstIndex = -1;
    qsizetype lastIndex = -1;
    qint64 firstTime = 0;
    qint64 lastTime = 0;
    PerQuality perQuality[QualityCount];

    void start(qsizetype index, qint64 time)
    {
        used = true;
        firstIndex = lastIndex = index;
        firstTime = lastTime = time;
        for (PerQuality &extremes : perQuality)
            extremes.minIndex = extremes.maxIndex = -1;
    }
};

namespace {

// Inputs and results of the per-sample loop, kept apart from the columns so
// the compiler can hold them in registers (nothing aliases them).
struct ScanState
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    double range = 0.0;    // toMs - fromMs
    double width = 0.0;    // columns
    qsizetype lastColumn = 0;

    qsizetype inputCount = 0;
    qsizetype beforeIndex = -1;   // nearest sample before fromMs
    qint64 beforeTime = 0;
    qsizetype afterIndex = -1;    // nearest sample after toMs
    qint64 afterTime = 0;
};

// The hot loop: no allocation, one column lookup per sample. A template
// over the column type, because Decimator::Column is private.
template<qint64 MeasurementSample::*TimeOf, typename ColumnType>
void scanPart(std::span<const MeasurementSample> part, qsizetype index, ColumnType *columns, ScanState *shared)
{
    const qint64 fromMs = shared->fromMs;
    const qint64 toMs = shared->toMs;
    const double range = shared->range;
    const double width = shared->width;
    const qsizetype lastColumn = shared->lastColumn;
    qsizetype inputCount = shared->inputCount;
    qsizetype beforeIndex = shared->beforeIndex;
    qint64 beforeTime = shared->beforeTime;
    qsizetype afterIndex = shared->afterIndex;
    qint64 afterTime = shared->afterTime;

    const MeasurementSample *sample = part.data();
    const MeasurementSample *const end = sample + part.size();
    for (; sample != end; ++sample, ++index) {
        const qint64 time = sample->*TimeOf;
        if (time < fromMs) {
            if (beforeIndex < 0 || time > beforeTime) {
                beforeIndex = index;
                beforeTime = time;
            }
            continue;
        }
        if (time > toMs) {
            if (afterIndex < 0 || time < afterTime) {
                afterIndex = index;
                afterTime = time;
            }
            continue;
        }
        ++inputCount;
        // floor(offset * width / range): the product is exact in a double and
        // the division correctly rounded, so this is the exact integer
        // quotient while range * width < 2^52 (about 140 years at 1000 columns).
        qsizetype c = qsizetype(double(time - fromMs) * width / range);
        if (c > lastColumn)
            c = lastColumn;
        ColumnType &column = columns[c];
        const double value = sample->value;
        if (!column.used) {
            column.start(index, time);
        } else {
            if (time < column.firstTime) {
                column.firstTime = time;
                column.firstIndex = index;
            }
            if (time > column.lastTime) {
                column.lastTime = time;
                column.lastIndex = index;
            }
        }
        PerQuality &extremes = column.perQuality[int(sample->quality)];
        if (extremes.minIndex < 0) {
            extremes.minIndex = extremes.maxIndex = index;
            extremes.minValue = extremes.maxValue = value;
        } else if (value < extremes.minValue) {
            extremes.minValue = value;
            extremes.minIndex = index;
        } else if (value > extremes.maxValue) {
            extremes.maxValue = value;
            extremes.maxIndex = index;
        }
    }

    shared->inputCount = inputCount;
    shared->beforeIndex = beforeIndex;
    shared->beforeTime = beforeTime;
    shared->afterIndex = afterIndex;
    shared->afterTime = afterTime;
}

} // namespace

QList<std::pair<qsizetype, qsizetype>> DecimatedSeries::runs() const
{
    QList<std::pair<qsizetype, qsizetype>> result;
    qsizetype begin = 0;
    for (const qsizetype breakIndex : breaks) {
        result.append({begin, breakIndex});
        begin = breakIndex;
    }
    if (begin < points.size())
        result.append({begin, points.size()});
    return result;
}

void DecimatedSeries::clear()
{
    points.clear();
    qualities.clear();
    breaks.clear();
    inputCount = 0;
}

Decimator::Decimator() = default;
Decimator::~Decimator() = default;

DecimatedSeries Decimator::decimated(const MeasurementSeriesView &samples, const Options &options)
{
    Decimator decimator;
    DecimatedSeries result;
    decimator.decimate(samples, options, &result);
    return result;
}

void Decimator::decimate(const MeasurementSeriesView &samples, const Options &options, DecimatedSeries *out)
{
    out->clear();
    if (options.pixelWidth <= 0 || options.toMs <= options.fromMs)
        return;
    // toMs - fromMs must be representable.
    if (options.fromMs < 0 && options.toMs > std::numeric_limits<qint64>::max() + options.fromMs)
        return;

    const auto width = size_t(options.pixelWidth);
    if (m_columns.size() < width)
        m_columns.resize(width);
    for (size_t c = 0; c < width; ++c)
        m_columns[c].used = false;

    const qint64 MeasurementSample::*const timeOf = options.timeBase == TimeBase::Device
        ? &MeasurementSample::deviceTimeMs
        : &MeasurementSample::receiveTimeMs;
    const qint64 fromMs = options.fromMs;
    const qint64 toMs = options.toMs;
    ScanState state;
    state.fromMs = fromMs;
    state.toMs = toMs;
    state.range = double(toMs - fromMs);
    state.width = double(options.pixelWidth);
    state.lastColumn = qsizetype(width) - 1;
    const qsizetype olderSize = qsizetype(samples.older.size());
    if (options.timeBase == TimeBase::Device) {
        scanPart<&MeasurementSample::deviceTimeMs>(samples.older, 0, m_columns.data(), &state);
        scanPart<&MeasurementSample::deviceTimeMs>(samples.newer, olderSize, m_columns.data(), &state);
    } else {
        scanPart<&MeasurementSample::receiveTimeMs>(samples.older, 0, m_columns.data(), &state);
        scanPart<&MeasurementSample::receiveTimeMs>(samples.newer, olderSize, m_columns.data(), &state);
    }
    const qsizetype inputCount = state.inputCount;
    const qsizetype beforeIndex = state.beforeIndex;
    const qsizetype afterIndex = state.afterIndex;
    out->inputCount = inputCount;
    // Written through plain pointers into lists sized for the worst case and
    // cut to length at the end: no per-point container calls (which, being
    // inline templates, may come from unoptimised copies in other objects).
    const qsizetype upperBound = std::min(inputCount, MaxKeptPerColumn * qsizetype(width)) + 2;
    out->points.resize(upperBound);
    out->qualities.resize(upperBound);
    QPointF *points = out->points.data();
    Quality *qualities = out->qualities.data();
    qsizetype emitted = 0;
    const auto emitSample = [&](qsizetype index) {
        const MeasurementSample &sample = samples.at(index);
        points[emitted] = QPointF(double(sample.*timeOf), sample.value);
        qualities[emitted] = sample.quality;
        ++emitted;
    };

    if (options.includeEdgeNeighbours && beforeIndex >= 0)
        emitSample(beforeIndex);
    struct Kept
    {
        qint64 time;
        qsizetype index;
    };
    std::array<Kept, MaxKeptPerColumn> kept{};
    for (size_t c = 0; c < width; ++c) {
        const Column &column = m_columns[c];
        if (!column.used)
            continue;
        int count = 0;
        const auto keep = [&](qsizetype index) {
            if (index < 0)
                return;
            for (int k = 0; k < count; ++k) {
                if (kept[size_t(k)].index == index)
                    return;
            }
            kept[size_t(count++)] = Kept{samples.at(index).*timeOf, index};
        };
        keep(column.firstIndex);
        keep(column.lastIndex);
        for (const PerQuality &extremes : column.perQuality) {
            keep(extremes.minIndex);
            keep(extremes.maxIndex);
        }
        // At most 10 entries: insertion sort by (time, arrival).
        for (int k = 1; k < count; ++k) {
            const Kept entry = kept[size_t(k)];
            int j = k - 1;
            while (j >= 0
                   && (kept[size_t(j)].time > entry.time
                       || (kept[size_t(j)].time == entry.time && kept[size_t(j)].index > entry.index))) {
                kept[size_t(j + 1)] = kept[size_t(j)];
                --j;
            }
            kept[size_t(j + 1)] = entry;
        }
        for (int k = 0; k < count; ++k)
            emitSample(kept[size_t(k)].index);
    }
    if (options.includeEdgeNeighbours && afterIndex >= 0)
        emitSample(afterIndex);
    out->points.resize(emitted);
    out->qualities.resize(emitted);

    for (qsizetype i = 1; i < emitted; ++i) {
        const bool bad = qualities[i - 1] == Quality::Bad || qualities[i] == Quality::Bad;
        const bool gap = options.gapThresholdMs > 0 && points[i].x() - points[i - 1].x() > double(options.gapThresholdMs);
        if (bad || gap)
            out->breaks.append(i);
    }
}
