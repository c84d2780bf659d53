#pragma once

#include "measurement_sample.h"

#include <QList>
#include <QPointF>

#include <utility>
#include <vector>

// What a chart plots for one series after decimation. points are sorted by x
// (time in ms since the epoch as a double; y = value); qualities is parallel
// to points.
struct DecimatedSeries
{
    QList<QPointF> points;
    QList<Quality> qualities;
    // Indexes i (ascending, 1 <= i < points.size()) where the line must NOT be
    // drawn from points[i - 1] to points[i]: on both sides of every Bad point
    // (bad points are drawn as markers only) and across time gaps longer than
    // Decimator::Options::gapThresholdMs.
    QList<qsizetype> breaks;
    qsizetype inputCount = 0;   // samples inside [fromMs, toMs] that were looked at

    // The connected runs [begin, end) of points between the breaks, in order;
    // a run of one point is a lone marker.
    QList<std::pair<qsizetype, qsizetype>> runs() const;
    void clear();
};

// Min/max-per-pixel-column decimation (M4 with quality), so a chart gets a few
// points per pixel column instead of every sample.
//
// The time range [fromMs, toMs] is split into pixelWidth equal columns: a
// sample at time t belongs to column floor((t - fromMs) * pixelWidth / (toMs - fromMs)),
// and t == toMs to the last column (exact while (toMs - fromMs) * pixelWidth < 2^52).
// For every column that holds samples, the output keeps:
//  - the first and the last sample of the column (smallest and largest time),
//  - for EACH quality present in the column (good, uncertain, bad, unknown):
//    the sample with the smallest and the one with the largest value of that
//    quality.
// So the column's overall minimum and maximum are always kept (M4), and bad,
// uncertain or unknown samples are never hidden behind good ones: every
// quality that occurs in a column shows up with its value range. At most 10
// points per column; a column with few samples keeps all of them. Ties keep
// the earliest sample in arrival order. Within a column, the kept samples
// are emitted in time order (ties: arrival order), without duplicates.
// With includeEdgeNeighbours, the nearest sample before fromMs and the nearest
// after toMs are added too, so lines run to the chart's edges.
//
// Samples need not be sorted by time (device clocks jump): columns are found
// per sample. Cost: O(samples + pixelWidth); no allocation per sample, and none
// at all when the same Decimator and output are reused with a width that
// was seen before.
//
// Not thread-safe per instance; separate instances may run on any threads.
class Decimator
{
public:
    enum class TimeBase : quint8 { Device, Receive };

    struct Options
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;            // must be > fromMs, and toMs - fromMs must fit a qint64, for any output
        int pixelWidth = 0;         // columns; <= 0 gives an empty result
        TimeBase timeBase = TimeBase::Device;
        qint64 gapThresholdMs = 0;  // > 0: break lines across longer time gaps
        bool includeEdgeNeighbours = true;
    };

    Decimator();
    ~Decimator();

    // Fills *out (cleared first; its capacity is reused).
    void decimate(const MeasurementSeriesView &samples, const Options &options, DecimatedSeries *out);
    // The same output, faster on repeated calls over one growing series (a
    // live chart): firstSequence numbers samples.at(0) within the series'
    // life (MeasurementSeriesInfo::totalCount - size), so sample i is number
    // firstSequence + i, and a number always means the same sample. Summaries
    // of aligned blocks of BlockSize samples are kept between calls; a block
    // that lies in one column, or wholly outside the window, is merged in O(1)
    // instead of sample by sample. Evicted blocks are dropped, new ones
    // summarised once. Call resetCache() when the series is replaced (e.g.
    // the store was cleared); a shrunken series or a changed last cached
    // block also resets it. firstSequence < 0: no cache (as above).
    void decimate(const MeasurementSeriesView &samples, const Options &options, DecimatedSeries *out,
                  qint64 firstSequence);
    void resetCache();
    static constexpr qsizetype BlockSize = 16;
    // Blocks per group: a group inside one column is merged at once too.
    static constexpr qsizetype GroupBlocks = 8;
    // Convenience for one-off calls.
    static DecimatedSeries decimated(const MeasurementSeriesView &samples, const Options &options);

private:
    struct Column;
    struct Block;
    // Summaries for blocks [m_firstBlock, m_firstBlock + m_blocks.size()),
    // block k covering sample numbers [k * BlockSize, (k + 1) * BlockSize).
    void updateBlocks(const MeasurementSeriesView &samples, TimeBase timeBase, qint64 firstSequence);
    std::vector<Column> m_columns;
    std::vector<qsizetype> m_scratch;
    std::vector<qint64> m_columnStarts;   // width + 1 column bounds, reused
    std::vector<Block> m_blocks;
    qint64 m_firstBlock = 0;
    // Summaries of groups [m_firstGroup, ...), group g = blocks
    // [g * GroupBlocks, (g + 1) * GroupBlocks), all of them held.
    std::vector<Block> m_groups;
    qint64 m_firstGroup = 0;
    TimeBase m_blockTimeBase = TimeBase::Device;
};
