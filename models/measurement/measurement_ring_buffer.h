#pragma once

#include "measurement_sample.h"

#include <vector>

// Bounded FIFO of samples in arrival order. Grows on demand up to capacity()
// (so thousands of mostly idle series cost little), then overwrites the
// oldest sample. Every sample that leaves the buffer other than through
// clear() is counted in evictedCount().
//
// Not thread-safe.
class MeasurementRingBuffer
{
public:
    explicit MeasurementRingBuffer(qsizetype capacity = 100000);

    qsizetype capacity() const;
    // Drops the oldest samples that no longer fit (counted as evicted).
    // capacity must be >= 1.
    void setCapacity(qsizetype capacity);

    qsizetype size() const;
    bool isEmpty() const;
    const MeasurementSample &at(qsizetype i) const;   // 0 = oldest
    const MeasurementSample &first() const;           // oldest; not on an empty buffer
    const MeasurementSample &last() const;            // newest; not on an empty buffer

    void append(const MeasurementSample &sample);     // evicts the oldest when full
    // Evicts samples from the oldest end while their receiveTimeMs < cutoffMs.
    // Arrival order is receive-time order, so this is exact. Returns how many.
    qsizetype evictReceivedBefore(qint64 cutoffMs);
    void clear();                                     // does not count as eviction

    qint64 evictedCount() const;

    // The samples as two contiguous parts; valid until the next non-const call.
    MeasurementSeriesView view() const;

private:
    void linearize();

    std::vector<MeasurementSample> m_storage;
    qsizetype m_capacity = 0;
    qsizetype m_head = 0;    // index of the oldest sample in m_storage
    qsizetype m_size = 0;
    qint64 m_evicted = 0;
};
