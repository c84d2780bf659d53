#pragma once

#include "clock_skew_estimator.h"
#include "measurement_problem.h"
#include "measurement_rule.h"
#include "measurement_sample.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <limits>
#include <memory>
#include <optional>

struct MqttMessage;

// Everything known about one series except its samples.
struct MeasurementSeriesInfo
{
    SeriesKey key;
    QString deviceId;          // empty when the source was derived from the topic
    QString topic;             // the topic of the newest sample
    QString unit;              // the newest non-empty unit; may be empty
    qsizetype size = 0;        // samples held now
    qint64 totalCount = 0;     // samples ever added (held + evicted)
    qint64 evictedCount = 0;   // samples dropped by the count or time bound
    std::optional<MeasurementSample> last;   // the newest sample (arrival order)
};

// Counts of samples per quality, e.g. over a chart's time window.
struct QualityShares
{
    qint64 good = 0;
    qint64 uncertain = 0;
    qint64 bad = 0;
    qint64 unknown = 0;

    qint64 total() const { return good + uncertain + bad + unknown; }
    qint64 count(Quality quality) const;
    // count / total in [0, 1]; 0 when there are no samples.
    double share(Quality quality) const;
};

// Problem counter for one (topic, kind).
struct MeasurementProblemCount
{
    QString topic;
    MeasurementProblem::Kind kind = MeasurementProblem::Kind::MalformedJson;
    qint64 count = 0;
    MeasurementProblem firstExample;   // the first occurrence, with its raw text
};

// The measurement time series of a session: one bounded series per SeriesKey,
// filled from batches of MQTT messages through a MeasurementExtractor.
//
// Bounds (Limits), applied on every ingest() and setLimits():
//  - maxSamplesPerSeries: a ring buffer per series; the oldest samples go first.
//  - maxAgeMs (0 = no time bound): samples whose receive time is older than
//    maxAgeMs before the newest receive time the store has seen are dropped,
//    in every series (so idle series age too). Receive time, because it only
//    grows in arrival order and does not depend on device clocks.
// Dropped samples are counted per series (MeasurementSeriesInfo::evictedCount).
//
// Windowed lookups (qualityShares(), thresholdViolations(), samples(),
// toCsvRows()) select samples by *device* time, inclusive on both ends, because
// that is what charts plot.
//
// Threading: lives on one thread (normally the GUI thread); all calls there.
class MeasurementStore : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qsizetype maxSamplesPerSeries = 100000;   // >= 1
        qint64 maxAgeMs = 0;                      // 0 = keep regardless of age
        friend bool operator==(const Limits &, const Limits &) = default;
    };

    explicit MeasurementStore(QObject *parent = nullptr);
    ~MeasurementStore() override;

    Limits limits() const;
    // Applies the new bounds at once (evicting what no longer fits).
    void setLimits(const Limits &limits);

    // Rules for JSON payloads outside the seed schema (see MeasurementExtractor).
    void setRules(const QList<MeasurementRule> &rules);
    QList<MeasurementRule> rules() const;

    /* Series */
    QList<SeriesKey> seriesKeys() const;              // sorted by source, then measurement
    QList<MeasurementSeriesInfo> series() const;      // same order
    bool contains(const SeriesKey &key) const;
    // Default-constructed info (empty key) for an unknown key.
    MeasurementSeriesInfo seriesInfo(const SeriesKey &key) const;
    // The samples of a series in arrival order, for Decimator. Valid until the
    // next ingest(), setLimits() or clear(); empty for an unknown key.
    MeasurementSeriesView view(const SeriesKey &key) const;
    // Copies of the samples with fromMs <= deviceTimeMs <= toMs, arrival order.
    QList<MeasurementSample> samples(const SeriesKey &key, qint64 fromMs = std::numeric_limits<qint64>::min(),
                                     qint64 toMs = std::numeric_limits<qint64>::max()) const;

    /* Window statistics (device time, inclusive) */
    QualityShares qualityShares(const SeriesKey &key, qint64 fromMs, qint64 toMs) const;
    // Samples above high or below low (either bound may be absent). Bad samples
    // are not counted: their value is not a reading.
    qint64 thresholdViolations(const SeriesKey &key, qint64 fromMs, qint64 toMs, std::optional<double> low,
                               std::optional<double> high) const;

    /* Problems */
    QList<MeasurementProblemCount> problemCounts() const;   // sorted by topic, then kind
    qint64 problemCount(const QString &topic, MeasurementProblem::Kind kind) const;
    qint64 totalProblemCount() const;
    // Messages that carried no measurement format (Format::None), e.g. status texts.
    qint64 ignoredMessageCount() const;

    std::optional<ClockSkewEstimator::Estimate> clockSkew(const QString &source) const;
    QStringList clockSkewSources() const;

    // MeasurementCsv rows for the given series (in that order; unknown keys are
    // skipped), each series' samples in the device-time window in arrival
    // order. The first line is MeasurementCsv::header(); lines have no terminator.
    // Samples store no strings, so device_id, topic and unit are the series'
    // current ones (MeasurementSeriesInfo).
    QStringList toCsvRows(const QList<SeriesKey> &keys, qint64 fromMs = std::numeric_limits<qint64>::min(),
                          qint64 toMs = std::numeric_limits<qint64>::max()) const;

public Q_SLOTS:
    // Extracts and stores a batch (connect MqttSession::messagesReceived here).
    // Emits, in this order and at most once each per call: seriesAdded() with
    // the new keys, seriesUpdated() with every key that got samples or lost
    // samples to the bounds, problemsChanged() when a problem counter or
    // ignoredMessageCount() moved. Key lists are sorted.
    void ingest(const QList<MqttMessage> &messages);
    // Forgets all series, counters and extractor state (rules and limits stay).
    void clear();

Q_SIGNALS:
    void seriesAdded(const QList<SeriesKey> &keys);
    void seriesUpdated(const QList<SeriesKey> &keys);
    void problemsChanged();
    void cleared();

private:
    class Private;
    std::unique_ptr<Private> const d;
};
