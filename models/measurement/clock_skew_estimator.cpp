#include "clock_skew_estimator.h"

#include <QLocale>

#include <algorithm>
#include <cstdlib>

void ClockSkewEstimator::add(const QString &device, qint64 receiveTimeMs, qint64 deviceTimeMs)
{
    Device &entry = m_devices[device];
    const qint64 skew = receiveTimeMs - deviceTimeMs;
    if (entry.window.size() < size_t(WindowSize)) {
        entry.window.push_back(skew);
    } else {
        entry.window[entry.next] = skew;
        entry.next = (entry.next + 1) % entry.window.size();
    }
    entry.latest = skew;
    ++entry.observations;
}

std::optional<ClockSkewEstimator::Estimate> ClockSkewEstimator::estimate(const QString &device) const
{
    const auto it = m_devices.constFind(device);
    if (it == m_devices.constEnd() || it->window.empty())
        return std::nullopt;
    std::vector<qint64> sorted = it->window;
    const auto middle = sorted.begin() + std::ptrdiff_t(sorted.size() / 2);
    std::nth_element(sorted.begin(), middle, sorted.end());
    qint64 median = *middle;
    if (sorted.size() % 2 == 0) {
        // Even count: the mean of the two middle values (the lower one is the
        // largest element before middle after nth_element).
        const qint64 lower = *std::max_element(sorted.begin(), middle);
        median = lower + (median - lower) / 2;
    }
    Estimate estimate;
    estimate.medianMs = median;
    estimate.latestMs = it->latest;
    estimate.observations = it->observations;
    return estimate;
}

QStringList ClockSkewEstimator::devices() const
{
    QStringList names = m_devices.keys();
    names.sort();
    return names;
}

void ClockSkewEstimator::reset()
{
    m_devices.clear();
}

QString ClockSkewEstimator::displayText(qint64 skewMs)
{
    if (std::abs(skewMs) < 1000)
        return tr("%1 ms").arg(skewMs);
    return tr("%1 s").arg(QLocale().toString(double(skewMs) / 1000.0, 'f', 1));
}
