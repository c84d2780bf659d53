#include "measurement_ring_buffer.h"

#include <algorithm>

namespace {

constexpr qsizetype MinimumReserve = 16;

} // namespace

MeasurementRingBuffer::MeasurementRingBuffer(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity))
{
}

qsizetype MeasurementRingBuffer::capacity() const
{
    return m_capacity;
}

void MeasurementRingBuffer::setCapacity(qsizetype capacity)
{
    Q_ASSERT_X(capacity >= 1, "MeasurementRingBuffer::setCapacity", "capacity must be at least 1");
    capacity = std::max<qsizetype>(1, capacity);
    m_capacity = capacity;
    if (m_size <= capacity && qsizetype(m_storage.size()) <= capacity)
        return;
    linearize();
    if (m_size > capacity) {
        const qsizetype drop = m_size - capacity;
        m_storage.erase(m_storage.begin(), m_storage.begin() + drop);
        m_size = capacity;
        m_evicted += drop;
    }
    m_storage.shrink_to_fit();
}

qsizetype MeasurementRingBuffer::size() const
{
    return m_size;
}

bool MeasurementRingBuffer::isEmpty() const
{
    return m_size == 0;
}

const MeasurementSample &MeasurementRingBuffer::at(qsizetype i) const
{
    Q_ASSERT_X(i >= 0 && i < m_size, "MeasurementRingBuffer::at", "index out of range");
    return m_storage[size_t((m_head + i) % qsizetype(m_storage.size()))];
}

const MeasurementSample &MeasurementRingBuffer::first() const
{
    return at(0);
}

const MeasurementSample &MeasurementRingBuffer::last() const
{
    return at(m_size - 1);
}

void MeasurementRingBuffer::append(const MeasurementSample &sample)
{
    const auto stored = qsizetype(m_storage.size());
    if (m_size < stored) {
        m_storage[size_t((m_head + m_size) % stored)] = sample;
        ++m_size;
        return;
    }
    if (stored < m_capacity) {
        linearize();
        if (m_storage.capacity() == m_storage.size())
            m_storage.reserve(size_t(std::min(m_capacity, std::max(MinimumReserve, 2 * stored))));
        m_storage.push_back(sample);
        ++m_size;
        return;
    }
    // Full: the new sample takes the oldest one's place.
    m_storage[size_t(m_head)] = sample;
    m_head = (m_head + 1) % stored;
    ++m_evicted;
}

qsizetype MeasurementRingBuffer::evictReceivedBefore(qint64 cutoffMs)
{
    qsizetype evicted = 0;
    while (m_size > 0 && first().receiveTimeMs < cutoffMs) {
        m_head = (m_head + 1) % qsizetype(m_storage.size());
        --m_size;
        ++evicted;
    }
    if (m_size == 0)
        m_head = 0;
    m_evicted += evicted;
    return evicted;
}

void MeasurementRingBuffer::clear()
{
    m_storage.clear();
    m_head = 0;
    m_size = 0;
}

qint64 MeasurementRingBuffer::evictedCount() const
{
    return m_evicted;
}

MeasurementSeriesView MeasurementRingBuffer::view() const
{
    if (m_size == 0)
        return {};
    const auto stored = qsizetype(m_storage.size());
    const MeasurementSample *data = m_storage.data();
    const qsizetype end = m_head + m_size;
    if (end <= stored)
        return {std::span<const MeasurementSample>(data + m_head, size_t(m_size)), {}};
    return {std::span<const MeasurementSample>(data + m_head, size_t(stored - m_head)),
            std::span<const MeasurementSample>(data, size_t(end - stored))};
}

void MeasurementRingBuffer::linearize()
{
    if (m_head != 0) {
        std::rotate(m_storage.begin(), m_storage.begin() + m_head, m_storage.end());
        m_head = 0;
    }
    m_storage.resize(size_t(m_size));
}
