#pragma once

#include <QCoreApplication>
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
    Q_DECLARE_TR_FUNCTIONS(ClockSkewEstimator)
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

    // A skew for display: "850 ms" below one second, else "-12.3 s"
    // (translated, in the current locale).
    static QString displayText(qint64 skewMs);

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
