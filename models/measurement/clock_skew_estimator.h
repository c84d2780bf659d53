#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// Clock skew per device: receive time minus device time, in ms. Positive
// means the device clock is behind LineScope's clock (or the message was in
// transit that long). One observation per message; the estimate is the median
// of the last WindowSize observations, which ignores single delayed messages
// (e.g. ones queued by the broker while LineScope was offline).
//
// Not thread-safe; use from one thread at a time.
class ClockSkewEstimator
{
public:
    static constexpr int WindowSize = 63;

    struct Estimate
    {
        qint64 medianMs = 0;   // median over the last min(observations, WindowSize)
        qint64 latestMs = 0;   // the newest observation
        qint64 observations = 0;   // all observations since the last reset()
    };

    void add(const QString &device, qint64 receiveTimeMs, qint64 deviceTimeMs);
    std::optional<Estimate> estimate(const QString &device) const;
    QStringList devices() const;   // sorted
    void reset();

private:
    struct Device
    {
        std::vector<qint64> window;   // ring of the last WindowSize observations
        size_t next = 0;
        qint64 latest = 0;
        qint64 observations = 0;
    };
    QHash<QString, Device> m_devices;
};
