#include "measurement_store.h"

#include "measurement_csv.h"
#include "measurement_extractor.h"
#include "measurement_ring_buffer.h"
#include "mqtt/mqtt_message.h"

#include <QSet>
#include <QThread>
#include <QtConcurrentMap>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace {

// Below this many messages a batch is parsed on the calling thread: handing
// it to the pool would cost more than it saves.
constexpr qsizetype ParallelParseMinimum = 64;

struct SeriesKeyHasher
{
    size_t operator()(const SeriesKey &key) const noexcept { return qHash(key); }
};

bool inWindow(const MeasurementSample &sample, qint64 fromMs, qint64 toMs)
{
    return sample.deviceTimeMs >= fromMs && sample.deviceTimeMs <= toMs;
}

} // namespace

qint64 QualityShares::count(Quality quality) const
{
    switch (quality) {
    case Quality::Good:
        return good;
    case Quality::Uncertain:
        return uncertain;
    case Quality::Bad:
        return bad;
    case Quality::Unknown:
        break;
    }
    return unknown;
}

double QualityShares::share(Quality quality) const
{
    const qint64 all = total();
    return all == 0 ? 0.0 : double(count(quality)) / double(all);
}

class MeasurementStore::Private
{
public:
    struct Series
    {
        explicit Series(qsizetype capacity)
            : buffer(capacity)
        {
        }
        QString deviceId;
        QString topic;
        QString unit;
        qint64 totalCount = 0;
        MeasurementRingBuffer buffer;
    };

    const Series *find(const SeriesKey &key) const
    {
        const auto it = series.find(key);
        return it == series.end() ? nullptr : &it->second;
    }

    template<typename Function>
    void forEachInWindow(const SeriesKey &key, qint64 fromMs, qint64 toMs, Function function) const
    {
        const Series *entry = find(key);
        if (!entry)
            return;
        const MeasurementSeriesView view = entry->buffer.view();
        for (const auto &part : {view.older, view.newer}) {
            for (const MeasurementSample &sample : part) {
                if (inWindow(sample, fromMs, toMs))
                    function(sample);
            }
        }
    }

    MeasurementSeriesInfo info(const SeriesKey &key, const Series &entry) const
    {
        MeasurementSeriesInfo result;
        result.key = key;
        result.deviceId = entry.deviceId;
        result.topic = entry.topic;
        result.unit = entry.unit;
        result.size = entry.buffer.size();
        result.totalCount = entry.totalCount;
        result.evictedCount = entry.buffer.evictedCount();
        if (!entry.buffer.isEmpty())
            result.last = entry.buffer.last();
        return result;
    }

    QList<SeriesKey> sortedKeys() const
    {
        QList<SeriesKey> keys;
        keys.reserve(qsizetype(series.size()));
        for (const auto &entry : series)
            keys.append(entry.first);
        std::sort(keys.begin(), keys.end());
        return keys;
    }

    // Applies the time bound; adds the keys of series that lost samples.
    void evictByAge(QSet<SeriesKey> *touched)
    {
        if (limits.maxAgeMs <= 0 || !haveReceiveTime)
            return;
        const qint64 cutoff = newestReceiveMs - limits.maxAgeMs;
        for (auto &[key, entry] : series) {
            if (entry.buffer.evictReceivedBefore(cutoff) > 0)
                touched->insert(key);
        }
    }

    MeasurementExtractor extractor;
    Limits limits;
    std::unordered_map<SeriesKey, Series, SeriesKeyHasher> series;
    std::map<std::pair<QString, int>, MeasurementProblemCount> problems;
    qint64 totalProblems = 0;
    qint64 ignoredMessages = 0;
    qint64 newestReceiveMs = 0;
    bool haveReceiveTime = false;
};

MeasurementStore::MeasurementStore(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
}

MeasurementStore::~MeasurementStore() = default;

MeasurementStore::Limits MeasurementStore::limits() const
{
    return d->limits;
}

void MeasurementStore::setLimits(const Limits &limits)
{
    Q_ASSERT_X(limits.maxSamplesPerSeries >= 1, "MeasurementStore::setLimits", "maxSamplesPerSeries must be >= 1");
    d->limits = limits;
    d->limits.maxSamplesPerSeries = std::max<qsizetype>(1, limits.maxSamplesPerSeries);
    QSet<SeriesKey> touched;
    for (auto &[key, entry] : d->series) {
        const qint64 before = entry.buffer.evictedCount();
        entry.buffer.setCapacity(d->limits.maxSamplesPerSeries);
        if (entry.buffer.evictedCount() != before)
            touched.insert(key);
    }
    d->evictByAge(&touched);
    if (!touched.isEmpty()) {
        QList<SeriesKey> keys(touched.cbegin(), touched.cend());
        std::sort(keys.begin(), keys.end());
        Q_EMIT seriesUpdated(keys);
    }
}

void MeasurementStore::setRules(const QList<MeasurementRule> &rules)
{
    d->extractor.setRules(rules);
}

QList<MeasurementRule> MeasurementStore::rules() const
{
    return d->extractor.rules();
}

QList<SeriesKey> MeasurementStore::seriesKeys() const
{
    return d->sortedKeys();
}

QList<MeasurementSeriesInfo> MeasurementStore::series() const
{
    QList<MeasurementSeriesInfo> result;
    for (const SeriesKey &key : d->sortedKeys())
        result.append(d->info(key, *d->find(key)));
    return result;
}

bool MeasurementStore::contains(const SeriesKey &key) const
{
    return d->find(key) != nullptr;
}

MeasurementSeriesInfo MeasurementStore::seriesInfo(const SeriesKey &key) const
{
    const Private::Series *entry = d->find(key);
    return entry ? d->info(key, *entry) : MeasurementSeriesInfo();
}

MeasurementSeriesView MeasurementStore::view(const SeriesKey &key) const
{
    const Private::Series *entry = d->find(key);
    return entry ? entry->buffer.view() : MeasurementSeriesView();
}

QList<MeasurementSample> MeasurementStore::samples(const SeriesKey &key, qint64 fromMs, qint64 toMs) const
{
    QList<MeasurementSample> result;
    d->forEachInWindow(key, fromMs, toMs, [&result](const MeasurementSample &sample) { result.append(sample); });
    return result;
}

QualityShares MeasurementStore::qualityShares(const SeriesKey &key, qint64 fromMs, qint64 toMs) const
{
    QualityShares shares;
    d->forEachInWindow(key, fromMs, toMs, [&shares](const MeasurementSample &sample) {
        switch (sample.quality) {
        case Quality::Good:
            ++shares.good;
            break;
        case Quality::Uncertain:
            ++shares.uncertain;
            break;
        case Quality::Bad:
            ++shares.bad;
            break;
        case Quality::Unknown:
            ++shares.unknown;
            break;
        }
    });
    return shares;
}

qint64 MeasurementStore::thresholdViolations(const SeriesKey &key, qint64 fromMs, qint64 toMs,
                                             std::optional<double> low, std::optional<double> high) const
{
    qint64 violations = 0;
    d->forEachInWindow(key, fromMs, toMs, [&](const MeasurementSample &sample) {
        if (sample.quality == Quality::Bad)
            return;
        if ((high && sample.value > *high) || (low && sample.value < *low))
            ++violations;
    });
    return violations;
}

QList<MeasurementProblemCount> MeasurementStore::problemCounts() const
{
    QList<MeasurementProblemCount> result;
    result.reserve(qsizetype(d->problems.size()));
    for (const auto &entry : d->problems)
        result.append(entry.second);
    return result;
}

qint64 MeasurementStore::problemCount(const QString &topic, MeasurementProblem::Kind kind) const
{
    const auto it = d->problems.find({topic, int(kind)});
    return it == d->problems.end() ? 0 : it->second.count;
}

qint64 MeasurementStore::totalProblemCount() const
{
    return d->totalProblems;
}

qint64 MeasurementStore::ignoredMessageCount() const
{
    return d->ignoredMessages;
}

std::optional<ClockSkewEstimator::Estimate> MeasurementStore::clockSkew(const QString &source) const
{
    return d->extractor.clockSkew(source);
}

QStringList MeasurementStore::clockSkewSources() const
{
    return d->extractor.clockSkewSources();
}

QStringList MeasurementStore::toCsvRows(const QList<SeriesKey> &keys, qint64 fromMs, qint64 toMs) const
{
    QStringList rows{MeasurementCsv::header()};
    for (const SeriesKey &key : keys) {
        const Private::Series *entry = d->find(key);
        if (!entry)
            continue;
        d->forEachInWindow(key, fromMs, toMs, [&](const MeasurementSample &sample) {
            rows.append(MeasurementCsv::row(sample, entry->deviceId, entry->topic, key.measurement, entry->unit));
        });
    }
    return rows;
}

void MeasurementStore::ingest(const QList<MqttMessage> &messages)
{
    QSet<SeriesKey> added;
    QSet<SeriesKey> touched;
    bool countersMoved = false;

    // Parsing (JSON, most of the cost) needs no state: it runs on the thread
    // pool; the results are recorded and stored here in arrival order.
    QList<ExtractionResult> results(messages.size());
    const auto parseRange = [this, &messages, &results](qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i)
            results[i] = d->extractor.parse(messages.at(i));
    };
    if (messages.size() >= ParallelParseMinimum) {
        const qsizetype chunks = std::max(2, QThread::idealThreadCount());
        QList<std::pair<qsizetype, qsizetype>> ranges;
        for (qsizetype c = 0; c < chunks; ++c)
            ranges.append({messages.size() * c / chunks, messages.size() * (c + 1) / chunks});
        QtConcurrent::blockingMap(ranges, [&parseRange](const std::pair<qsizetype, qsizetype> &range) {
            parseRange(range.first, range.second);
        });
    } else {
        parseRange(0, messages.size());
    }

    for (qsizetype m = 0; m < messages.size(); ++m) {
        const MqttMessage &message = messages.at(m);
        if (!d->haveReceiveTime || message.receivedAtMs > d->newestReceiveMs) {
            d->newestReceiveMs = message.receivedAtMs;
            d->haveReceiveTime = true;
        }
        ExtractionResult &result = results[m];
        d->extractor.record(message, &result);
        if (result.format == ExtractionResult::Format::None) {
            ++d->ignoredMessages;
            countersMoved = true;
        }
        for (ExtractedSample &sample : result.samples) {
            auto it = d->series.find(sample.key);
            if (it == d->series.end()) {
                it = d->series.try_emplace(sample.key, d->limits.maxSamplesPerSeries).first;
                added.insert(sample.key);
            }
            Private::Series &entry = it->second;
            entry.deviceId = sample.deviceId;
            entry.topic = sample.topic;
            if (!sample.unit.isEmpty())
                entry.unit = sample.unit;
            entry.buffer.append(sample.sample);
            ++entry.totalCount;
            touched.insert(sample.key);
        }
        for (const MeasurementProblem &problem : std::as_const(result.problems)) {
            auto [it, inserted] = d->problems.try_emplace({problem.topic, int(problem.kind)});
            MeasurementProblemCount &counter = it->second;
            if (inserted) {
                counter.topic = problem.topic;
                counter.kind = problem.kind;
                counter.firstExample = problem;
            }
            ++counter.count;
            ++d->totalProblems;
            countersMoved = true;
        }
    }
    d->evictByAge(&touched);

    if (!added.isEmpty()) {
        QList<SeriesKey> keys(added.cbegin(), added.cend());
        std::sort(keys.begin(), keys.end());
        Q_EMIT seriesAdded(keys);
    }
    if (!touched.isEmpty()) {
        QList<SeriesKey> keys(touched.cbegin(), touched.cend());
        std::sort(keys.begin(), keys.end());
        Q_EMIT seriesUpdated(keys);
    }
    if (countersMoved)
        Q_EMIT problemsChanged();
}

void MeasurementStore::clear()
{
    d->series.clear();
    d->problems.clear();
    d->totalProblems = 0;
    d->ignoredMessages = 0;
    d->newestReceiveMs = 0;
    d->haveReceiveTime = false;
    d->extractor.reset();
    Q_EMIT cleared();
}
