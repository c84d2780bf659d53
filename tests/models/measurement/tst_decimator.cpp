#include "measurement/decimator.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <vector>

// Decimator: the per-column contract (first, last, min and max per quality),
// bad points never hidden, line breaks, edge neighbours, unsorted input, the
// two-part ring view, and speed.
class TestDecimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contract_data();
    void contract();
    void badNeverHidden();
    void fewPointsAreKeptAsTheyAre();
    void edgeNeighbours_data();
    void edgeNeighbours();
    void breaks_data();
    void breaks();
    void degenerate_data();
    void degenerate();
    void receiveTimeBase();
    void reuseKeepsCapacity();
    void blockCacheGivesSameOutput_data();
    void blockCacheGivesSameOutput();
    void blockCacheNoticesReplacedSeries();
    void spikeSurvives_data();
    void spikeSurvives();
    void speed();
};

namespace {

constexpr qint64 kFrom = 1777904621000;

// count samples over [kFrom, kFrom + spanMs); a noisy sine; qualities drawn
// with the given shares; with shuffle, times are not in arrival order.
std::vector<MeasurementSample> generate(int count, qint64 spanMs, quint32 seed, double uncertainShare,
                                        double badShare, double unknownShare, bool shuffle)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> noise(0.0, 3.0);
    std::vector<MeasurementSample> samples;
    samples.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        MeasurementSample sample;
        sample.deviceTimeMs = kFrom + qint64(double(i) * double(spanMs) / double(count));
        sample.receiveTimeMs = sample.deviceTimeMs + 100;
        sample.value = 50.0 + 20.0 * std::sin(double(i) / 500.0) + noise(rng);
        const double q = unit(rng);
        sample.quality = q < badShare                                      ? Quality::Bad
            : q < badShare + uncertainShare                                ? Quality::Uncertain
            : q < badShare + uncertainShare + unknownShare                 ? Quality::Unknown
                                                                           : Quality::Good;
        samples.push_back(sample);
    }
    if (shuffle)
        std::shuffle(samples.begin(), samples.end(), rng);
    return samples;
}

MeasurementSeriesView viewOf(const std::vector<MeasurementSample> &samples, size_t split = 0)
{
    const std::span<const MeasurementSample> all(samples);
    if (split == 0 || split >= samples.size())
        return {all, {}};
    return {all.first(split), all.subspan(split)};
}

// The column of a time per the documented contract, in exact integer arithmetic.
int columnOf(qint64 time, qint64 from, qint64 to, int width)
{
    return int(std::min<qint64>(width - 1, (time - from) * width / (to - from)));
}

struct Expected
{
    qint64 firstTime = std::numeric_limits<qint64>::max();
    qint64 lastTime = std::numeric_limits<qint64>::min();
    std::map<int, std::pair<double, double>> minMaxByQuality;
    int count = 0;
};

QString pointText(const QPointF &point, Quality quality)
{
    return QStringLiteral("(%1, %2, %3)")
        .arg(qint64(point.x()))
        .arg(point.y())
        .arg(MeasurementQuality::name(quality));
}

} // namespace

void TestDecimator::contract_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("width");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("shuffle");
    QTest::addColumn<int>("split");   // where the ring view is cut; 0 = one part

    QTest::newRow("100k into 2000 columns") << 100000 << 2000 << 1u << false << 0;
    QTest::newRow("100k into 2000 columns, ring view") << 100000 << 2000 << 2u << false << 37123;
    QTest::newRow("unsorted times") << 20000 << 300 << 3u << true << 0;
    QTest::newRow("unsorted, ring view") << 20000 << 300 << 4u << true << 999;
    QTest::newRow("odd width") << 5000 << 777 << 5u << false << 0;
    QTest::newRow("one column") << 1000 << 1 << 6u << false << 0;
    QTest::newRow("more columns than samples") << 500 << 2000 << 7u << false << 0;
}

void TestDecimator::contract()
{
    QFETCH(int, count);
    QFETCH(int, width);
    QFETCH(quint32, seed);
    QFETCH(bool, shuffle);
    QFETCH(int, split);

    const qint64 span = 600000;
    const std::vector<MeasurementSample> samples = generate(count, span, seed, 0.05, 0.02, 0.01, shuffle);
    Decimator::Options options;
    options.fromMs = kFrom;
    options.toMs = kFrom + span;
    options.pixelWidth = width;
    options.includeEdgeNeighbours = false;
    const DecimatedSeries out = Decimator::decimated(viewOf(samples, size_t(split)), options);

    // The same, computed naively.
    std::vector<Expected> expected(static_cast<size_t>(width));
    for (const MeasurementSample &sample : samples) {
        Expected &column = expected[size_t(columnOf(sample.deviceTimeMs, options.fromMs, options.toMs, width))];
        column.firstTime = std::min(column.firstTime, sample.deviceTimeMs);
        column.lastTime = std::max(column.lastTime, sample.deviceTimeMs);
        auto [it, inserted] = column.minMaxByQuality.try_emplace(int(sample.quality), sample.value, sample.value);
        if (!inserted) {
            it->second.first = std::min(it->second.first, sample.value);
            it->second.second = std::max(it->second.second, sample.value);
        }
        ++column.count;
    }

    std::set<std::tuple<qint64, double, int>> existing;
    for (const MeasurementSample &sample : samples)
        existing.insert({sample.deviceTimeMs, sample.value, int(sample.quality)});

    QCOMPARE(out.inputCount, qsizetype(count));
    QCOMPARE(out.qualities.size(), out.points.size());
    QVERIFY2(std::is_sorted(out.points.cbegin(), out.points.cend(),
                            [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }),
             "points must be sorted by time");

    // Group the output by column.
    std::vector<std::vector<qsizetype>> byColumn(static_cast<size_t>(width));
    for (qsizetype i = 0; i < out.points.size(); ++i)
        byColumn[size_t(columnOf(qint64(out.points.at(i).x()), options.fromMs, options.toMs, width))].push_back(i);

    qsizetype expectedTotal = 0;
    for (int c = 0; c < width; ++c) {
        const Expected &column = expected[size_t(c)];
        const std::vector<qsizetype> &kept = byColumn[size_t(c)];
        const auto where = QStringLiteral("column %1").arg(c);
        if (column.count == 0) {
            QVERIFY2(kept.empty(), qPrintable(where + QStringLiteral(" has no samples but output")));
            continue;
        }
        QVERIFY2(!kept.empty() && kept.size() <= 10, qPrintable(where + QStringLiteral(": %1 points").arg(kept.size())));
        QVERIFY2(kept.size() <= size_t(column.count), qPrintable(where));
        expectedTotal += qsizetype(kept.size());
        const auto hasTime = [&](qint64 time) {
            return std::any_of(kept.cbegin(), kept.cend(), [&](qsizetype i) { return qint64(out.points.at(i).x()) == time; });
        };
        QVERIFY2(hasTime(column.firstTime), qPrintable(where + QStringLiteral(": first sample missing")));
        QVERIFY2(hasTime(column.lastTime), qPrintable(where + QStringLiteral(": last sample missing")));
        for (const auto &[quality, minMax] : column.minMaxByQuality) {
            const auto has = [&](double value) {
                return std::any_of(kept.cbegin(), kept.cend(), [&](qsizetype i) {
                    return int(out.qualities.at(i)) == quality && out.points.at(i).y() == value;
                });
            };
            const QString name = MeasurementQuality::name(Quality(quality));
            QVERIFY2(has(minMax.first), qPrintable(where + QStringLiteral(": minimum of the %1 samples missing").arg(name)));
            QVERIFY2(has(minMax.second), qPrintable(where + QStringLiteral(": maximum of the %1 samples missing").arg(name)));
        }
        // Every output point is a real sample of that column.
        for (const qsizetype i : kept) {
            const bool real = existing.count({qint64(out.points.at(i).x()), out.points.at(i).y(), int(out.qualities.at(i))}) > 0;
            QVERIFY2(real, qPrintable(where + QStringLiteral(": invented point ") + pointText(out.points.at(i), out.qualities.at(i))));
        }
    }
    QCOMPARE(out.points.size(), expectedTotal);
    if (count > 20 * width)
        QVERIFY2(out.points.size() < count / 2, "decimation must reduce the point count");
}

void TestDecimator::badNeverHidden()
{
    // 100k good samples of a smooth line, a few bad and uncertain ones whose
    // values sit inside the good range, where a plain min/max would hide them.
    std::vector<MeasurementSample> samples = generate(100000, 3600000, 42, 0, 0, 0, false);
    const std::vector<size_t> badAt = {10, 5000, 5001, 33333, 77777, 99999};
    const std::vector<size_t> uncertainAt = {20, 40000, 88888};
    // 5000 and 5001 share a pixel column; different values keep both (the
    // column's bad minimum and maximum).
    for (const size_t i : badAt) {
        samples[i].quality = Quality::Bad;
        samples[i].value = i == 5001 ? 49.0 : 50.0;
    }
    for (const size_t i : uncertainAt) {
        samples[i].quality = Quality::Uncertain;
        samples[i].value = 51.0;
    }
    Decimator::Options options;
    options.fromMs = kFrom;
    options.toMs = kFrom + 3600000;
    options.pixelWidth = 800;
    const DecimatedSeries out = Decimator::decimated(viewOf(samples, 60000), options);

    for (const size_t i : badAt) {
        const qint64 time = samples[i].deviceTimeMs;
        const qsizetype index = out.points.indexOf(QPointF(double(time), samples[i].value));
        QVERIFY2(index >= 0 && out.qualities.at(index) == Quality::Bad,
                 qPrintable(QStringLiteral("bad sample %1 at %2 was hidden").arg(i).arg(time)));
        // A bad point is a marker: the line breaks on both sides.
        if (index > 0)
            QVERIFY2(out.breaks.contains(index), qPrintable(QStringLiteral("no break before bad point %1").arg(index)));
        if (index + 1 < out.points.size())
            QVERIFY2(out.breaks.contains(index + 1), qPrintable(QStringLiteral("no break after bad point %1").arg(index)));
    }
    for (const size_t i : uncertainAt) {
        const qsizetype index = out.points.indexOf(QPointF(double(samples[i].deviceTimeMs), 51.0));
        QVERIFY2(index >= 0 && out.qualities.at(index) == Quality::Uncertain,
                 qPrintable(QStringLiteral("uncertain sample %1 was hidden").arg(i)));
    }
    QCOMPARE(out.qualities.count(Quality::Bad), qsizetype(badAt.size()));
    QCOMPARE(out.qualities.count(Quality::Uncertain), qsizetype(uncertainAt.size()));
}

void TestDecimator::fewPointsAreKeptAsTheyAre()
{
    std::vector<MeasurementSample> samples;
    for (const qint64 offset : {400, 100, 300, 200, 500}) {
        MeasurementSample sample;
        sample.deviceTimeMs = kFrom + offset;
        sample.receiveTimeMs = kFrom + 1000 - offset;
        sample.value = double(offset) / 100.0;
        sample.quality = Quality::Good;
        samples.push_back(sample);
    }
    Decimator::Options options;
    options.fromMs = kFrom;
    options.toMs = kFrom + 1000;
    options.pixelWidth = 1000;
    const DecimatedSeries out = Decimator::decimated(viewOf(samples, 2), options);
    const QList<QPointF> expected = {{double(kFrom + 100), 1.0}, {double(kFrom + 200), 2.0}, {double(kFrom + 300), 3.0},
                                     {double(kFrom + 400), 4.0}, {double(kFrom + 500), 5.0}};
    QCOMPARE(out.points, expected);
    QVERIFY(out.breaks.isEmpty());
    QCOMPARE(out.runs(), (QList<std::pair<qsizetype, qsizetype>>{{0, 5}}));
}

void TestDecimator::edgeNeighbours_data()
{
    QTest::addColumn<bool>("include");
    QTest::newRow("with edge neighbours") << true;
    QTest::newRow("without") << false;
}

void TestDecimator::edgeNeighbours()
{
    QFETCH(bool, include);
    // Times 0..99 s, one per second; window 30..60 s.
    std::vector<MeasurementSample> samples;
    for (int i = 99; i >= 0; --i) {   // newest first: neighbours are found by time, not position
        MeasurementSample sample;
        sample.deviceTimeMs = kFrom + i * 1000;
        sample.value = i;
        sample.quality = Quality::Good;
        samples.push_back(sample);
    }
    Decimator::Options options;
    options.fromMs = kFrom + 30000 + 1;
    options.toMs = kFrom + 60000 - 1;
    options.pixelWidth = 100;
    options.includeEdgeNeighbours = include;
    const DecimatedSeries out = Decimator::decimated(viewOf(samples), options);
    QCOMPARE(out.inputCount, qsizetype(29));   // 31..59
    QCOMPARE(out.points.size(), qsizetype(include ? 31 : 29));
    QCOMPARE(out.points.constFirst().y(), include ? 30.0 : 31.0);
    QCOMPARE(out.points.constLast().y(), include ? 60.0 : 59.0);
}

void TestDecimator::breaks_data()
{
    QTest::addColumn<QList<int>>("offsetsSeconds");
    QTest::addColumn<QList<Quality>>("qualities");
    QTest::addColumn<qint64>("gapThresholdMs");
    QTest::addColumn<QList<qsizetype>>("expectedBreaks");

    const auto G = Quality::Good;
    const auto U = Quality::Uncertain;
    const auto B = Quality::Bad;
    const auto N = Quality::Unknown;
    QTest::newRow("all good") << QList<int>{0, 1, 2, 3} << QList<Quality>{G, G, G, G} << qint64(0) << QList<qsizetype>{};
    QTest::newRow("bad in the middle") << QList<int>{0, 1, 2, 3, 4} << QList<Quality>{G, G, B, G, G} << qint64(0)
                                       << QList<qsizetype>{2, 3};
    QTest::newRow("two bad in a row") << QList<int>{0, 1, 2, 3} << QList<Quality>{G, B, B, G} << qint64(0)
                                      << QList<qsizetype>{1, 2, 3};
    QTest::newRow("bad at the ends") << QList<int>{0, 1, 2} << QList<Quality>{B, G, B} << qint64(0)
                                     << QList<qsizetype>{1, 2};
    QTest::newRow("uncertain and unknown stay connected") << QList<int>{0, 1, 2, 3} << QList<Quality>{G, U, N, G}
                                                          << qint64(0) << QList<qsizetype>{};
    QTest::newRow("time gap") << QList<int>{0, 1, 2, 10, 11} << QList<Quality>{G, G, G, G, G} << qint64(5000)
                              << QList<qsizetype>{3};
    QTest::newRow("gap equal to the threshold is no gap") << QList<int>{0, 5, 10} << QList<Quality>{G, G, G}
                                                          << qint64(5000) << QList<qsizetype>{};
    QTest::newRow("gap and bad") << QList<int>{0, 10, 11, 12} << QList<Quality>{G, G, B, G} << qint64(5000)
                                 << QList<qsizetype>{1, 2, 3};
}

void TestDecimator::breaks()
{
    QFETCH(QList<int>, offsetsSeconds);
    QFETCH(QList<Quality>, qualities);
    QFETCH(qint64, gapThresholdMs);
    QFETCH(QList<qsizetype>, expectedBreaks);

    std::vector<MeasurementSample> samples;
    for (qsizetype i = 0; i < offsetsSeconds.size(); ++i) {
        MeasurementSample sample;
        sample.deviceTimeMs = kFrom + offsetsSeconds.at(i) * 1000;
        sample.value = double(i);
        sample.quality = qualities.at(i);
        samples.push_back(sample);
    }
    Decimator::Options options;
    options.fromMs = kFrom;
    options.toMs = kFrom + 100000;
    options.pixelWidth = 1000;
    options.gapThresholdMs = gapThresholdMs;
    const DecimatedSeries out = Decimator::decimated(viewOf(samples), options);
    QCOMPARE(out.points.size(), offsetsSeconds.size());
    QCOMPARE(out.qualities, qualities);
    QCOMPARE(out.breaks, expectedBreaks);

    // The runs cover all points, split exactly at the breaks.
    const QList<std::pair<qsizetype, qsizetype>> runs = out.runs();
    QCOMPARE(runs.size(), expectedBreaks.size() + 1);
    qsizetype next = 0;
    for (const auto &[begin, end] : runs) {
        QCOMPARE(begin, next);
        QVERIFY(end > begin);
        next = end;
    }
    QCOMPARE(next, out.points.size());
}

void TestDecimator::degenerate_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("empty");

    QTest::newRow("zero width") << kFrom << kFrom + 1000 << 0 << true;
    QTest::newRow("negative width") << kFrom << kFrom + 1000 << -5 << true;
    QTest::newRow("empty range") << kFrom << kFrom << 100 << true;
    QTest::newRow("reversed range") << kFrom + 1000 << kFrom << 100 << true;
    QTest::newRow("range too large for qint64")
        << std::numeric_limits<qint64>::min() << std::numeric_limits<qint64>::max() << 100 << true;
    QTest::newRow("huge but valid range") << qint64(0) << std::numeric_limits<qint64>::max() << 100 << false;
}

void TestDecimator::degenerate()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, width);
    QFETCH(bool, empty);
    const std::vector<MeasurementSample> samples = generate(100, 1000, 9, 0.1, 0.1, 0.1, false);
    Decimator::Options options;
    options.fromMs = from;
    options.toMs = to;
    options.pixelWidth = width;
    const DecimatedSeries out = Decimator::decimated(viewOf(samples), options);
    QCOMPARE(out.points.isEmpty(), empty);
    QCOMPARE(out.inputCount, qsizetype(empty ? 0 : 100));
    QVERIFY(Decimator::decimated(MeasurementSeriesView(), options).points.isEmpty());
}

void TestDecimator::receiveTimeBase()
{
    std::vector<MeasurementSample> samples = generate(1000, 10000, 11, 0, 0, 0, false);
    for (MeasurementSample &sample : samples)
        sample.receiveTimeMs = sample.deviceTimeMs + 60000;   // device clock a minute behind
    Decimator::Options options;
    options.fromMs = kFrom + 60000;
    options.toMs = kFrom + 70000;
    options.pixelWidth = 10000;
    options.timeBase = Decimator::TimeBase::Receive;
    const DecimatedSeries out = Decimator::decimated(viewOf(samples), options);
    QCOMPARE(out.inputCount, qsizetype(1000));
    QCOMPARE(out.points.constFirst().x(), double(samples.front().receiveTimeMs));
    options.timeBase = Decimator::TimeBase::Device;
    QCOMPARE(Decimator::decimated(viewOf(samples), options).inputCount, qsizetype(0));
}

void TestDecimator::reuseKeepsCapacity()
{
    const std::vector<MeasurementSample> samples = generate(50000, 60000, 12, 0.05, 0.05, 0, false);
    Decimator::Options options;
    options.fromMs = kFrom;
    options.toMs = kFrom + 60000;
    options.pixelWidth = 1500;
    Decimator decimator;
    DecimatedSeries out;
    decimator.decimate(viewOf(samples), options, &out);
    DecimatedSeries first = out;
    // Unshare, so out owns its buffers alone again.
    first.points.detach();
    first.qualities.detach();
    first.breaks.detach();
    const QPointF *data = out.points.constData();
    decimator.decimate(viewOf(samples), options, &out);
    QCOMPARE(out.points, first.points);
    QCOMPARE(out.qualities, first.qualities);
    QCOMPARE(out.breaks, first.breaks);
    QVERIFY2(out.points.constData() == data, "a reused output must not be reallocated");
}

void TestDecimator::speed()
{
    const std::vector<MeasurementSample> samples = generate(100000, 3600000, 13, 0.05, 0.02, 0.01, false);
    Decimator::Options options;
    options.fromMs = kFrom;
    options.toMs = kFrom + 3600000;
    options.pixelWidth = 2000;
    Decimator decimator;
    DecimatedSeries out;
    std::vector<qint64> nanoseconds;
    for (int run = 0; run < 21; ++run) {
        QElapsedTimer timer;
        timer.start();
        decimator.decimate(viewOf(samples, 54321), options, &out);
        nanoseconds.push_back(timer.nsecsElapsed());
    }
    std::sort(nanoseconds.begin(), nanoseconds.end());
    const double medianMs = double(nanoseconds[nanoseconds.size() / 2]) / 1e6;
    qInfo("100k samples -> 2000 columns: median %.3f ms, best %.3f ms, %lld points",
          medianMs, double(nanoseconds.front()) / 1e6, qint64(out.points.size()));
    // Well under a millisecond in release builds; the bound leaves room for
    // unoptimised debug builds on a busy machine and still catches anything
    // per-sample-allocating or quadratic.
    QVERIFY2(medianMs < 10.0, qPrintable(QStringLiteral("median %1 ms").arg(medianMs)));
}

void TestDecimator::blockCacheGivesSameOutput_data()
{
    QTest::addColumn<bool>("shuffle");
    QTest::addColumn<int>("split");        // ring view split point
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("badShare");
    QTest::newRow("sorted, wide columns") << false << 0 << 40 << 0.02;
    QTest::newRow("sorted, ring split mid-block") << false << 3333 << 300 << 0.02;
    QTest::newRow("sorted, one sample per column") << false << 0 << 4000 << 0.1;
    QTest::newRow("unsorted device clocks") << true << 1777 << 120 << 0.05;
    QTest::newRow("all bad") << false << 0 << 64 << 1.0;
}

void TestDecimator::blockCacheGivesSameOutput()
{
    QFETCH(bool, shuffle);
    QFETCH(int, split);
    QFETCH(int, width);
    QFETCH(double, badShare);
    // A live series: 6000 samples arrive in steps, the oldest are evicted
    // (sample numbers keep counting), and the window scrolls; each call must
    // give exactly what an uncached decimation gives.
    const std::vector<MeasurementSample> all = generate(6000, 600000, 11, 0.05, badShare, 0.02, shuffle);
    Decimator cached;
    Decimator plain;
    DecimatedSeries withCache;
    DecimatedSeries without;
    int checks = 0;
    for (qint64 end = 500; end <= 6000; end += 733) {
        const qint64 first = std::max<qint64>(0, end - 4000);   // ring of 4000
        const std::vector<MeasurementSample> held(all.begin() + first, all.begin() + end);
        const size_t cut = split > 0 ? std::min(size_t(split), held.size() - 1) : 0;
        const MeasurementSeriesView view = viewOf(held, cut);
        for (const qint64 windowMs : {qint64(600000), qint64(200000), qint64(45000)}) {
            Decimator::Options options;
            options.toMs = kFrom + qint64(double(end) * 100.0) + 700;
            options.fromMs = options.toMs - windowMs;
            options.pixelWidth = width;
            options.gapThresholdMs = 30000;
            cached.decimate(view, options, &withCache, first);
            plain.decimate(view, options, &without);
            QCOMPARE(withCache.inputCount, without.inputCount);
            QCOMPARE(withCache.qualities, without.qualities);
            QCOMPARE(withCache.points, without.points);
            QCOMPARE(withCache.breaks, without.breaks);
            ++checks;
        }
    }
    QVERIFY(checks > 10);
}

void TestDecimator::blockCacheNoticesReplacedSeries()
{
    // The same sample numbers, different samples (a cleared and refilled
    // store): the cache must not serve the old summaries.
    const std::vector<MeasurementSample> before = generate(2000, 200000, 1, 0.0, 0.0, 0.0, false);
    std::vector<MeasurementSample> after = before;
    for (MeasurementSample &sample : after)
        sample.value += 1000.0;
    Decimator::Options options;
    options.fromMs = kFrom;
    options.toMs = kFrom + 200000;
    options.pixelWidth = 20;
    Decimator decimator;
    DecimatedSeries out;
    decimator.decimate(viewOf(before), options, &out, 0);
    decimator.decimate(viewOf(after), options, &out, 0);
    const DecimatedSeries expected = Decimator::decimated(viewOf(after), options);
    QCOMPARE(out.points, expected.points);
}

void TestDecimator::spikeSurvives_data()
{
    QTest::addColumn<int>("at");          // sample index of the spike
    QTest::addColumn<double>("value");
    QTest::addColumn<Quality>("quality");
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("cached");

    // Block summaries cover 16 samples and groups 128: spikes at, next to and
    // inside those boundaries, merged from summaries or scanned one by one.
    QTest::newRow("high, mid-block, cached") << 50007 << 1000.0 << Quality::Good << 366 << true;
    QTest::newRow("low, mid-block, cached") << 50007 << -1000.0 << Quality::Good << 366 << true;
    QTest::newRow("high, first of a group, cached") << 51200 << 1000.0 << Quality::Good << 366 << true;
    QTest::newRow("high, last of a block, cached") << 51215 << 1000.0 << Quality::Good << 366 << true;
    QTest::newRow("high, very first sample, cached") << 0 << 1000.0 << Quality::Good << 366 << true;
    QTest::newRow("high, very last sample, cached") << 99999 << 1000.0 << Quality::Good << 366 << true;
    QTest::newRow("uncertain inside the good range, cached") << 70001 << 50.0 << Quality::Uncertain << 366 << true;
    QTest::newRow("bad inside the good range, cached") << 70001 << 50.0 << Quality::Bad << 366 << true;
    QTest::newRow("high, one column, cached") << 12345 << 1000.0 << Quality::Good << 1 << true;
    QTest::newRow("low, 2000 columns, cached") << 33333 << -1000.0 << Quality::Good << 2000 << true;
    QTest::newRow("high, uncached") << 50007 << 1000.0 << Quality::Good << 366 << false;
    QTest::newRow("bad, uncached") << 70001 << 50.0 << Quality::Bad << 366 << false;
}

void TestDecimator::spikeSurvives()
{
    QFETCH(int, at);
    QFETCH(double, value);
    QFETCH(Quality, quality);
    QFETCH(int, width);
    QFETCH(bool, cached);
    // One sample out of 100k, all others good: whatever path decimation takes,
    // the spike is in the output with its exact time, value and quality, and
    // it is its column's extreme.
    std::vector<MeasurementSample> samples = generate(100000, 10000000, 21, 0, 0, 0, false);
    samples[size_t(at)].value = value;
    samples[size_t(at)].quality = quality;
    const MeasurementSample spike = samples[size_t(at)];
    Decimator::Options options;
    options.fromMs = kFrom;
    options.toMs = kFrom + 10000000;
    options.pixelWidth = width;
    options.includeEdgeNeighbours = false;
    Decimator decimator;
    DecimatedSeries out;
    // Twice: the second call merges the summaries the first one built.
    for (int pass = 0; pass < 2; ++pass) {
        decimator.decimate(viewOf(samples, 40000), options, &out, cached ? 0 : -1);
        const qsizetype index = out.points.indexOf(QPointF(double(spike.deviceTimeMs), value));
        QVERIFY2(index >= 0, qPrintable(QStringLiteral("pass %1: the spike at sample %2 (%3) is missing from %4 points")
                                            .arg(pass)
                                            .arg(at)
                                            .arg(value)
                                            .arg(out.points.size())));
        QCOMPARE(out.qualities.at(index), quality);
        if (quality == Quality::Good) {
            const int column = columnOf(spike.deviceTimeMs, options.fromMs, options.toMs, width);
            for (qsizetype i = 0; i < out.points.size(); ++i) {
                if (i == index || columnOf(qint64(out.points.at(i).x()), options.fromMs, options.toMs, width) != column)
                    continue;
                const double y = out.points.at(i).y();
                QVERIFY2(value > 0 ? y < value : y > value,
                         qPrintable(QStringLiteral("pass %1: point %2 (%3) beyond the spike").arg(pass).arg(i).arg(y)));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestDecimator)
#include "tst_decimator.moc"
