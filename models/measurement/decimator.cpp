#include "decimator.h"

#include <algorithm>
#include <array>

namespace {

constexpr int QualityCount = MeasurementQuality::Count;
// first, last, and min/max for each quality
constexpr int MaxKeptPerColumn = 2 + 2 * QualityCount;

} // namespace

struct Decimator::Column
{
    bool used = false;
    qsizetype firstIndex = -1;
    qsizetype lastIndex = -1;
    qint64 firstTime = 0;
    qint64 lastTime = 0;
    std::array<qsizetype, QualityCount> minIndex{};
    std::array<qsizetype, QualityCount> maxIndex{};
    std::array<double, QualityCount> minValue{};
    std::array<double, QualityCount> maxValue{};

    void start(qsizetype index, qint64 time)
    {
        used = true;
        firstIndex = lastIndex = index;
        firstTime = lastTime = time;
        minIndex.fill(-1);
        maxIndex.fill(-1);
    }
};

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
    const double columnsPerMs = double(options.pixelWidth) / double(toMs - fromMs);
    const qsizetype lastColumn = qsizetype(width) - 1;

    qsizetype beforeIndex = -1;
    qint64 beforeTime = 0;
    qsizetype afterIndex = -1;
    qint64 afterTime = 0;
    qsizetype inputCount = 0;

    // The hot loop: no allocation, one column lookup per sample.
    const auto scan = [&](std::span<const MeasurementSample> part, qsizetype base) {
        for (size_t i = 0; i < part.size(); ++i) {
            const MeasurementSample &sample = part[i];
            const qint64 time = sample.*timeOf;
            const qsizetype index = base + qsizetype(i);
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
            const qsizetype c = std::min(lastColumn, qsizetype(double(time - fromMs) * columnsPerMs));
            Column &column = m_columns[size_t(c)];
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
            const auto q = size_t(sample.quality);
            if (column.minIndex[q] < 0) {
                column.minIndex[q] = column.maxIndex[q] = index;
                column.minValue[q] = column.maxValue[q] = sample.value;
                continue;
            }
            if (sample.value < column.minValue[q]) {
                column.minValue[q] = sample.value;
                column.minIndex[q] = index;
            }
            if (sample.value > column.maxValue[q]) {
                column.maxValue[q] = sample.value;
                column.maxIndex[q] = index;
            }
        }
    };
    scan(samples.older, 0);
    scan(samples.newer, qsizetype(samples.older.size()));
    out->inputCount = inputCount;

    const auto emitSample = [&](qsizetype index) {
        const MeasurementSample &sample = samples.at(index);
        out->points.append(QPointF(double(sample.*timeOf), sample.value));
        out->qualities.append(sample.quality);
    };

    if (options.includeEdgeNeighbours && beforeIndex >= 0)
        emitSample(beforeIndex);
    std::array<qsizetype, MaxKeptPerColumn> kept{};
    for (size_t c = 0; c < width; ++c) {
        const Column &column = m_columns[c];
        if (!column.used)
            continue;
        int count = 0;
        const auto keep = [&](qsizetype index) {
            if (index < 0)
                return;
            for (int k = 0; k < count; ++k) {
                if (kept[size_t(k)] == index)
                    return;
            }
            kept[size_t(count++)] = index;
        };
        keep(column.firstIndex);
        keep(column.lastIndex);
        for (int q = 0; q < QualityCount; ++q) {
            keep(column.minIndex[size_t(q)]);
            keep(column.maxIndex[size_t(q)]);
        }
        std::sort(kept.begin(), kept.begin() + count, [&](qsizetype a, qsizetype b) {
            const qint64 timeA = samples.at(a).*timeOf;
            const qint64 timeB = samples.at(b).*timeOf;
            return timeA != timeB ? timeA < timeB : a < b;
        });
        for (int k = 0; k < count; ++k)
            emitSample(kept[size_t(k)]);
    }
    if (options.includeEdgeNeighbours && afterIndex >= 0)
        emitSample(afterIndex);

    for (qsizetype i = 1; i < out->points.size(); ++i) {
        const bool bad = out->qualities.at(i - 1) == Quality::Bad || out->qualities.at(i) == Quality::Bad;
        const bool gap = options.gapThresholdMs > 0
            && out->points.at(i).x() - out->points.at(i - 1).x() > double(options.gapThresholdMs);
        if (bad || gap)
            out->breaks.append(i);
    }
}
