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

// Times and values are kept next to the indexes, so emitting a column reads
// no sample again (random reads into millions of samples miss the cache).
struct PerQuality
{
    qsizetype minIndex = -1;   // -1: no sample of this quality in the column
    qsizetype maxIndex = -1;
    double minValue = 0.0;
    double maxValue = 0.0;
    qint64 minTime = 0;
    qint64 maxTime = 0;
};

} // namespace

struct Decimator::Column
{
    bool used = false;
    qsizetype firstIndex = -1;
    qsizetype lastIndex = -1;
    qint64 firstTime = 0;
    qint64 lastTime = 0;
    double firstValue = 0.0;
    double lastValue = 0.0;
    Quality firstQuality = Quality::Unknown;
    Quality lastQuality = Quality::Unknown;
    PerQuality perQuality[QualityCount];

    void start(qsizetype index, qint64 time, double value, Quality quality)
    {
        used = true;
        firstIndex = lastIndex = index;
        firstTime = lastTime = time;
        firstValue = lastValue = value;
        firstQuality = lastQuality = quality;
        for (PerQuality &extremes : perQuality)
            extremes.minIndex = extremes.maxIndex = -1;
    }
};

// Summary of BlockSize consecutive samples (in arrival order), with the
// same tie rules as the per-sample loop, so merging it gives the same column.
// Indexes are sample numbers (Decimator::decimate()'s firstSequence + i).
struct Decimator::Block
{
    struct Extremes
    {
        qint64 minSeq = -1;   // -1: no sample of this quality
        qint64 maxSeq = -1;
        double minValue = 0.0;
        double maxValue = 0.0;
        qint64 minTime = 0;
        qint64 maxTime = 0;
    };
    qint64 count = 0;         // samples summarised
    qint64 minTime = 0;
    qint64 maxTime = 0;
    qint64 minTimeSeq = 0;    // earliest arrival among the smallest times
    qint64 maxTimeSeq = 0;    // earliest arrival among the largest times
    double minTimeValue = 0.0;
    double maxTimeValue = 0.0;
    Quality minTimeQuality = Quality::Unknown;
    Quality maxTimeQuality = Quality::Unknown;
    Extremes perQuality[QualityCount];
    MeasurementSample first;   // to notice a series that was replaced
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
    // Column c holds times [starts[c], starts[c + 1]) (null when the range
    // is too large for exact integer bounds). With cursor, the column of the
    // previous sample or block, sorted input finds its column with two
    // comparisons instead of a division.
    const qint64 *starts = nullptr;
    qsizetype cursor = 0;

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
    const qint64 *const starts = shared->starts;
    qsizetype cursor = shared->cursor;

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
        qsizetype c = cursor;
        if (!starts || time < starts[c] || time >= starts[c + 1]) {
            c = qsizetype(double(time - fromMs) * width / range);
            if (c > lastColumn)
                c = lastColumn;
            cursor = c;
        }
        ColumnType &column = columns[c];
        const double value = sample->value;
        const Quality quality = sample->quality;
        if (!column.used) {
            column.start(index, time, value, quality);
        } else {
            if (time < column.firstTime) {
                column.firstTime = time;
                column.firstIndex = index;
                column.firstValue = value;
                column.firstQuality = quality;
            }
            if (time > column.lastTime) {
                column.lastTime = time;
                column.lastIndex = index;
                column.lastValue = value;
                column.lastQuality = quality;
            }
        }
        PerQuality &extremes = column.perQuality[int(quality)];
        if (extremes.minIndex < 0) {
            extremes.minIndex = extremes.maxIndex = index;
            extremes.minValue = extremes.maxValue = value;
            extremes.minTime = extremes.maxTime = time;
        } else if (value < extremes.minValue) {
            extremes.minValue = value;
            extremes.minIndex = index;
            extremes.minTime = time;
        } else if (value > extremes.maxValue) {
            extremes.maxValue = value;
            extremes.maxIndex = index;
            extremes.maxTime = time;
        }
    }

    shared->inputCount = inputCount;
    shared->beforeIndex = beforeIndex;
    shared->beforeTime = beforeTime;
    shared->afterIndex = afterIndex;
    shared->afterTime = afterTime;
    shared->cursor = cursor;
}

// Samples [begin, end) of a view (crossing from older to newer as needed).
template<qint64 MeasurementSample::*TimeOf, typename ColumnType>
void scanRange(const MeasurementSeriesView &samples, qsizetype begin, qsizetype end, ColumnType *columns,
               ScanState *state)
{
    const auto olderSize = qsizetype(samples.older.size());
    if (begin < olderSize) {
        const qsizetype stop = std::min(end, olderSize);
        scanPart<TimeOf>(samples.older.subspan(size_t(begin), size_t(stop - begin)), begin, columns, state);
    }
    const qsizetype from = std::max(begin, olderSize);
    if (from < end)
        scanPart<TimeOf>(samples.newer.subspan(size_t(from - olderSize), size_t(end - from)), from, columns, state);
}

// Merges a whole block in O(1) when it lies outside the window or inside one
// column; false when its samples must be looked at one by one.
template<typename BlockType, typename ColumnType>
bool mergeBlock(const BlockType &block, qint64 firstSequence, ColumnType *columns, ScanState *state)
{
    if (block.maxTime < state->fromMs) {
        if (state->beforeIndex < 0 || block.maxTime > state->beforeTime) {
            state->beforeIndex = qsizetype(block.maxTimeSeq - firstSequence);
            state->beforeTime = block.maxTime;
        }
        return true;
    }
    if (block.minTime > state->toMs) {
        if (state->afterIndex < 0 || block.minTime < state->afterTime) {
            state->afterIndex = qsizetype(block.minTimeSeq - firstSequence);
            state->afterTime = block.minTime;
        }
        return true;
    }
    if (block.minTime < state->fromMs || block.maxTime > state->toMs)
        return false;
    const auto columnOf = [state](qint64 time) {
        const qsizetype c = qsizetype(double(time - state->fromMs) * state->width / state->range);
        return c > state->lastColumn ? state->lastColumn : c;
    };
    qsizetype c = 0;
    if (const qint64 *starts = state->starts) {
        c = state->cursor;
        if (block.minTime < starts[c] || block.minTime >= starts[c + 1]) {
            c = columnOf(block.minTime);
            state->cursor = c;
        }
        if (block.maxTime >= starts[c + 1])
            return false;
    } else {
        c = columnOf(block.minTime);
        if (columnOf(block.maxTime) != c)
            return false;
    }
    ColumnType &column = columns[c];
    const qsizetype minTimeIndex = qsizetype(block.minTimeSeq - firstSequence);
    const qsizetype maxTimeIndex = qsizetype(block.maxTimeSeq - firstSequence);
    if (!column.used) {
        column.start(minTimeIndex, block.minTime, block.minTimeValue, block.minTimeQuality);
        column.lastIndex = maxTimeIndex;
        column.lastTime = block.maxTime;
        column.lastValue = block.maxTimeValue;
        column.lastQuality = block.maxTimeQuality;
    } else {
        if (block.minTime < column.firstTime) {
            column.firstTime = block.minTime;
            column.firstIndex = minTimeIndex;
            column.firstValue = block.minTimeValue;
            column.firstQuality = block.minTimeQuality;
        }
        if (block.maxTime > column.lastTime) {
            column.lastTime = block.maxTime;
            column.lastIndex = maxTimeIndex;
            column.lastValue = block.maxTimeValue;
            column.lastQuality = block.maxTimeQuality;
        }
    }
    for (int q = 0; q < QualityCount; ++q) {
        const auto &b = block.perQuality[q];
        if (b.minSeq < 0)
            continue;
        PerQuality &extremes = column.perQuality[q];
        if (extremes.minIndex < 0) {
            extremes.minIndex = qsizetype(b.minSeq - firstSequence);
            extremes.maxIndex = qsizetype(b.maxSeq - firstSequence);
            extremes.minValue = b.minValue;
            extremes.maxValue = b.maxValue;
            extremes.minTime = b.minTime;
            extremes.maxTime = b.maxTime;
            continue;
        }
        if (b.minValue < extremes.minValue) {
            extremes.minValue = b.minValue;
            extremes.minIndex = qsizetype(b.minSeq - firstSequence);
            extremes.minTime = b.minTime;
        }
        if (b.maxValue > extremes.maxValue) {
            extremes.maxValue = b.maxValue;
            extremes.maxIndex = qsizetype(b.maxSeq - firstSequence);
            extremes.maxTime = b.maxTime;
        }
    }
    state->inputCount += block.count;
    return true;
}

// Adds block b (later in arrival order) to the summary into.
template<typename BlockType>
void accumulate(BlockType *into, const BlockType &b)
{
    if (b.minTime < into->minTime) {
        into->minTime = b.minTime;
        into->minTimeSeq = b.minTimeSeq;
        into->minTimeValue = b.minTimeValue;
        into->minTimeQuality = b.minTimeQuality;
    }
    if (b.maxTime > into->maxTime) {
        into->maxTime = b.maxTime;
        into->maxTimeSeq = b.maxTimeSeq;
        into->maxTimeValue = b.maxTimeValue;
        into->maxTimeQuality = b.maxTimeQuality;
    }
    for (int q = 0; q < QualityCount; ++q) {
        const auto &from = b.perQuality[q];
        auto &to = into->perQuality[q];
        if (from.minSeq < 0)
            continue;
        if (to.minSeq < 0) {
            to = from;
            continue;
        }
        if (from.minValue < to.minValue) {
            to.minValue = from.minValue;
            to.minSeq = from.minSeq;
            to.minTime = from.minTime;
        }
        if (from.maxValue > to.maxValue) {
            to.maxValue = from.maxValue;
            to.maxSeq = from.maxSeq;
            to.maxTime = from.maxTime;
        }
    }
    into->count += b.count;
}

template<qint64 MeasurementSample::*TimeOf, typename BlockType, typename ColumnType>
void scanWithBlocks(const MeasurementSeriesView &samples, qint64 firstSequence, const std::vector<BlockType> &blocks,
                    qint64 firstBlock, const std::vector<BlockType> &groups, qint64 firstGroup, ColumnType *columns,
                    ScanState *state)
{
    constexpr qsizetype B = Decimator::BlockSize;
    constexpr qint64 G = Decimator::GroupBlocks;
    const qsizetype blocksBegin = blocks.empty() ? samples.size() : qsizetype(firstBlock * B - firstSequence);
    scanRange<TimeOf>(samples, 0, blocksBegin, columns, state);
    qsizetype index = blocksBegin;
    const qint64 blockEnd = firstBlock + qint64(blocks.size());
    for (qint64 k = firstBlock; k < blockEnd;) {
        const qint64 g = k / G - firstGroup;
        if (k % G == 0 && g >= 0 && g < qint64(groups.size())
            && mergeBlock(groups[size_t(g)], firstSequence, columns, state)) {
            k += G;
            index += G * B;
            continue;
        }
        if (!mergeBlock(blocks[size_t(k - firstBlock)], firstSequence, columns, state))
            scanRange<TimeOf>(samples, index, index + B, columns, state);
        ++k;
        index += B;
    }
    if (!blocks.empty())
        scanRange<TimeOf>(samples, index, samples.size(), columns, state);
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

void Decimator::resetCache()
{
    m_blocks.clear();
    m_firstBlock = 0;
    m_groups.clear();
    m_firstGroup = 0;
}

void Decimator::updateBlocks(const MeasurementSeriesView &samples, TimeBase timeBase, qint64 firstSequence)
{
    constexpr qsizetype B = BlockSize;
    const qint64 endSequence = firstSequence + samples.size();
    if (timeBase != m_blockTimeBase) {
        resetCache();
        m_blockTimeBase = timeBase;
    }
    if (!m_blocks.empty()) {
        const qint64 lastStart = (m_firstBlock + qint64(m_blocks.size()) - 1) * B;
        if (lastStart < firstSequence || lastStart + B > endSequence
            || !(samples.at(qsizetype(lastStart - firstSequence)) == m_blocks.back().first))
            resetCache();
    }
    // Blocks that lost samples to eviction are scanned sample by sample.
    const qint64 firstUsable = (firstSequence + B - 1) / B;
    if (m_blocks.empty()) {
        m_firstBlock = firstUsable;
    } else if (m_firstBlock < firstUsable) {
        const auto drop = std::min<qint64>(firstUsable - m_firstBlock, qint64(m_blocks.size()));
        m_blocks.erase(m_blocks.begin(), m_blocks.begin() + drop);
        m_firstBlock += drop;
    }
    const qint64 MeasurementSample::*const timeOf = timeBase == TimeBase::Device ? &MeasurementSample::deviceTimeMs
                                                                                : &MeasurementSample::receiveTimeMs;
    for (qint64 k = m_firstBlock + qint64(m_blocks.size()); (k + 1) * B <= endSequence; ++k) {
        Block block;
        const qsizetype begin = qsizetype(k * B - firstSequence);
        for (qsizetype i = begin; i < begin + B; ++i) {
            const MeasurementSample &sample = samples.at(i);
            const qint64 time = sample.*timeOf;
            const qint64 seq = firstSequence + i;
            if (i == begin) {
                block.first = sample;
                block.minTime = block.maxTime = time;
                block.minTimeSeq = block.maxTimeSeq = seq;
                block.minTimeValue = block.maxTimeValue = sample.value;
                block.minTimeQuality = block.maxTimeQuality = sample.quality;
            } else if (time < block.minTime) {
                block.minTime = time;
                block.minTimeSeq = seq;
                block.minTimeValue = sample.value;
                block.minTimeQuality = sample.quality;
            } else if (time > block.maxTime) {
                block.maxTime = time;
                block.maxTimeSeq = seq;
                block.maxTimeValue = sample.value;
                block.maxTimeQuality = sample.quality;
            }
            Block::Extremes &extremes = block.perQuality[int(sample.quality)];
            if (extremes.minSeq < 0) {
                extremes.minSeq = extremes.maxSeq = seq;
                extremes.minValue = extremes.maxValue = sample.value;
                extremes.minTime = extremes.maxTime = time;
            } else if (sample.value < extremes.minValue) {
                extremes.minValue = sample.value;
                extremes.minSeq = seq;
                extremes.minTime = time;
            } else if (sample.value > extremes.maxValue) {
                extremes.maxValue = sample.value;
                extremes.maxSeq = seq;
                extremes.maxTime = time;
            }
        }
        block.count = B;
        m_blocks.push_back(block);
    }
    // Groups: only those whose blocks are all held.
    constexpr qint64 G = GroupBlocks;
    const qint64 firstFullGroup = (m_firstBlock + G - 1) / G;
    if (m_groups.empty() || m_firstGroup < firstFullGroup) {
        const auto drop = std::min<qint64>(std::max<qint64>(firstFullGroup - m_firstGroup, 0), qint64(m_groups.size()));
        m_groups.erase(m_groups.begin(), m_groups.begin() + drop);
        m_firstGroup += drop;
        if (m_groups.empty())
            m_firstGroup = firstFullGroup;
    }
    const qint64 blockEnd = m_firstBlock + qint64(m_blocks.size());
    for (qint64 g = m_firstGroup + qint64(m_groups.size()); (g + 1) * G <= blockEnd; ++g) {
        Block group = m_blocks[size_t(g * G - m_firstBlock)];
        for (qint64 k = g * G + 1; k < (g + 1) * G; ++k)
            accumulate(&group, m_blocks[size_t(k - m_firstBlock)]);
        m_groups.push_back(group);
    }
}

void Decimator::decimate(const MeasurementSeriesView &samples, const Options &options, DecimatedSeries *out)
{
    decimate(samples, options, out, -1);
}

void Decimator::decimate(const MeasurementSeriesView &samples, const Options &options, DecimatedSeries *out,
                         qint64 firstSequence)
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
    // Exact integer column bounds: floor((t - from) * width / range) >= c
    // exactly when t - from >= ceil(c * range / width). Only while
    // range * width stays far inside qint64 (and the division above exact).
    const qint64 range = toMs - fromMs;
    if (state.range * state.width < 4.0e15 && toMs < std::numeric_limits<qint64>::max()) {
        m_columnStarts.resize(width + 1);
        const auto w = qint64(width);
        for (qint64 c = 0; c < w; ++c)
            m_columnStarts[size_t(c)] = fromMs + (c * range + w - 1) / w;
        m_columnStarts[width] = toMs + 1;
        state.starts = m_columnStarts.data();
    }
    const qsizetype olderSize = qsizetype(samples.older.size());
    if (firstSequence >= 0) {
        updateBlocks(samples, options.timeBase, firstSequence);
        if (options.timeBase == TimeBase::Device)
            scanWithBlocks<&MeasurementSample::deviceTimeMs>(samples, firstSequence, m_blocks, m_firstBlock, m_groups,
                                                             m_firstGroup, m_columns.data(), &state);
        else
            scanWithBlocks<&MeasurementSample::receiveTimeMs>(samples, firstSequence, m_blocks, m_firstBlock,
                                                              m_groups, m_firstGroup, m_columns.data(), &state);
    } else if (options.timeBase == TimeBase::Device) {
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
        double value;
        Quality quality;
    };
    std::array<Kept, MaxKeptPerColumn> kept{};
    for (size_t c = 0; c < width; ++c) {
        const Column &column = m_columns[c];
        if (!column.used)
            continue;
        int count = 0;
        const auto keep = [&](qsizetype index, qint64 time, double value, Quality quality) {
            if (index < 0)
                return;
            for (int k = 0; k < count; ++k) {
                if (kept[size_t(k)].index == index)
                    return;
            }
            kept[size_t(count++)] = Kept{time, index, value, quality};
        };
        keep(column.firstIndex, column.firstTime, column.firstValue, column.firstQuality);
        keep(column.lastIndex, column.lastTime, column.lastValue, column.lastQuality);
        for (int q = 0; q < QualityCount; ++q) {
            const PerQuality &extremes = column.perQuality[q];
            keep(extremes.minIndex, extremes.minTime, extremes.minValue, Quality(q));
            keep(extremes.maxIndex, extremes.maxTime, extremes.maxValue, Quality(q));
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
        for (int k = 0; k < count; ++k) {
            const Kept &entry = kept[size_t(k)];
            points[emitted] = QPointF(double(entry.time), entry.value);
            qualities[emitted] = entry.quality;
            ++emitted;
        }
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
