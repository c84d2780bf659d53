#include "measurement/measurement_store.h"

#include "measurement/measurement_csv.h"
#include "mqtt/mqtt_message.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <functional>

// MeasurementStore: ring bounds by count and time with eviction counts,
// signals per batch, quality shares, threshold violations, problem counters
// and the exact CSV text.
class TestMeasurementStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bounds_data();
    void bounds();
    void setLimitsEvictsAtOnce();
    void signalsPerBatch();
    void seriesInfo();
    void qualityShares_data();
    void qualityShares();
    void thresholds_data();
    void thresholds();
    void problemCounters();
    void csvExactText();
    void clear();
    void largeBatchEqualsOneByOne();
};

namespace {

const qint64 kBaseMs = QDateTime(QDate(2026, 5, 4), QTime(14, 23, 41), Qt::UTC).toMSecsSinceEpoch();
const QString kTopic = QStringLiteral("factory/chicago/building-a/line-3/press-7/telemetry");
const QString kDevice = QStringLiteral("press-7-chicago-a-l3");

MqttMessage message(const QString &topic, const QByteArray &payload, qint64 receivedAtMs)
{
    MqttMessage result;
    result.topic = topic;
    result.payload = payload;
    result.receivedAtMs = receivedAtMs;
    return result;
}

// A seed-schema message with one measurement.
MqttMessage telemetry(const QString &name, double value, const QString &quality, qint64 deviceMs, qint64 receivedMs,
                      const QString &device = kDevice, const QString &unit = QStringLiteral("bar"))
{
    const QByteArray payload = QStringLiteral(R"({"timestamp": %1, "deviceId": "%2", "measurements": [)"
                                              R"({"name": "%3", "value": %4, "unit": "%5", "quality": "%6"}]})")
                                   .arg(deviceMs)
                                   .arg(device, name, MeasurementCsv::formatValue(value), unit, quality)
                                   .toUtf8();
    return message(kTopic, payload, receivedMs);
}

QList<double> values(const QList<MeasurementSample> &samples)
{
    QList<double> result;
    for (const MeasurementSample &sample : samples)
        result << sample.value;
    return result;
}

} // namespace

void TestMeasurementStore::bounds_data()
{
    QTest::addColumn<qsizetype>("maxSamples");
    QTest::addColumn<qint64>("maxAgeMs");
    QTest::addColumn<QList<qint64>>("receiveOffsets");   // of one series, ms after kBaseMs
    QTest::addColumn<QList<double>>("kept");             // values kept (value n = n-th message)
    QTest::addColumn<qint64>("evicted");

    const QList<qint64> steady = {0, 400, 800, 1200, 1600};
    QTest::newRow("unbounded") << qsizetype(100) << qint64(0) << steady << QList<double>{0, 1, 2, 3, 4} << qint64(0);
    QTest::newRow("by count") << qsizetype(3) << qint64(0) << steady << QList<double>{2, 3, 4} << qint64(2);
    QTest::newRow("count of one") << qsizetype(1) << qint64(0) << steady << QList<double>{4} << qint64(4);
    QTest::newRow("by time") << qsizetype(100) << qint64(1000) << steady << QList<double>{2, 3, 4} << qint64(2);
    QTest::newRow("time edge is kept") << qsizetype(100) << qint64(800) << steady << QList<double>{2, 3, 4}
                                       << qint64(2);
    QTest::newRow("count stricter than time") << qsizetype(2) << qint64(1000) << steady << QList<double>{3, 4}
                                              << qint64(3);
    QTest::newRow("time stricter than count") << qsizetype(4) << qint64(500) << steady << QList<double>{3, 4}
                                              << qint64(3);
}

void TestMeasurementStore::bounds()
{
    QFETCH(qsizetype, maxSamples);
    QFETCH(qint64, maxAgeMs);
    QFETCH(QList<qint64>, receiveOffsets);
    QFETCH(QList<double>, kept);
    QFETCH(qint64, evicted);

    MeasurementStore store;
    store.setLimits({maxSamples, maxAgeMs});
    QCOMPARE(store.limits().maxSamplesPerSeries, maxSamples);
    const QString topic = QStringLiteral("line/press-7/temperature");
    const SeriesKey key{QStringLiteral("line/press-7"), QStringLiteral("temperature")};
    // An idle series that got one sample at the start ages with the others.
    store.ingest({message(QStringLiteral("line/press-8/temperature"), "5", kBaseMs)});
    // One message per batch, as they would arrive live.
    for (qsizetype i = 0; i < receiveOffsets.size(); ++i)
        store.ingest({message(topic, QByteArray::number(i), kBaseMs + receiveOffsets.at(i))});

    QCOMPARE(values(store.samples(key)), kept);
    const MeasurementSeriesInfo info = store.seriesInfo(key);
    QCOMPARE(info.evictedCount, evicted);
    QCOMPARE(info.size, kept.size());
    QCOMPARE(info.totalCount, qint64(receiveOffsets.size()));
    QCOMPARE(store.view(key).size(), kept.size());

    const SeriesKey idle{QStringLiteral("line/press-8"), QStringLiteral("temperature")};
    const bool idleExpired = maxAgeMs > 0 && receiveOffsets.constLast() - maxAgeMs > 0;
    QCOMPARE(store.seriesInfo(idle).size, qsizetype(idleExpired ? 0 : 1));
    QCOMPARE(store.seriesInfo(idle).evictedCount, qint64(idleExpired ? 1 : 0));
    QVERIFY2(store.contains(idle), "an emptied series stays known, with its eviction count");
}

void TestMeasurementStore::setLimitsEvictsAtOnce()
{
    MeasurementStore store;
    const SeriesKey key{QStringLiteral("a"), QStringLiteral("b")};
    QList<MqttMessage> batch;
    for (int i = 0; i < 10; ++i)
        batch << message(QStringLiteral("a/b"), QByteArray::number(i), kBaseMs + i * 100);
    store.ingest(batch);
    QSignalSpy updated(&store, &MeasurementStore::seriesUpdated);
    store.setLimits({4, 0});
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.constFirst().constFirst().value<QList<SeriesKey>>(), QList<SeriesKey>{key});
    QCOMPARE(values(store.samples(key)), (QList<double>{6, 7, 8, 9}));
    QCOMPARE(store.seriesInfo(key).evictedCount, qint64(6));
    store.setLimits({4, 250});   // newest receive time is +900: keeps +700, +800, +900
    QCOMPARE(values(store.samples(key)), (QList<double>{7, 8, 9}));
    QCOMPARE(store.seriesInfo(key).evictedCount, qint64(7));
    QCOMPARE(updated.size(), 2);
    store.setLimits({4, 250});
    QCOMPARE(updated.size(), 2);   // nothing moved, nothing emitted
}

void TestMeasurementStore::signalsPerBatch()
{
    MeasurementStore store;
    QSignalSpy added(&store, &MeasurementStore::seriesAdded);
    QSignalSpy updated(&store, &MeasurementStore::seriesUpdated);
    QSignalSpy problems(&store, &MeasurementStore::problemsChanged);

    const QList<MqttMessage> first = {
        telemetry(QStringLiteral("pressure"), 1, QStringLiteral("good"), kBaseMs, kBaseMs),
        telemetry(QStringLiteral("pressure"), 2, QStringLiteral("good"), kBaseMs + 1, kBaseMs + 1),
        message(QStringLiteral("line/oven-1/temperature"), "200", kBaseMs + 2),
    };
    store.ingest(first);
    const QList<SeriesKey> both = {SeriesKey{QStringLiteral("line/oven-1"), QStringLiteral("temperature")},
                                   SeriesKey{kDevice, QStringLiteral("pressure")}};
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.constFirst().constFirst().value<QList<SeriesKey>>(), both);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.constFirst().constFirst().value<QList<SeriesKey>>(), both);
    QCOMPARE(problems.size(), 0);
    QCOMPARE(store.seriesKeys(), both);

    // Known series only: no seriesAdded. A status text is counted as ignored.
    store.ingest({telemetry(QStringLiteral("pressure"), 3, QStringLiteral("excellent"), kBaseMs + 3, kBaseMs + 3),
                  message(QStringLiteral("line/oven-1/status"), "running", kBaseMs + 3)});
    QCOMPARE(added.size(), 1);
    QCOMPARE(updated.size(), 2);
    QCOMPARE(updated.at(1).constFirst().value<QList<SeriesKey>>(), QList<SeriesKey>{both.at(1)});
    QCOMPARE(problems.size(), 1);
    QCOMPARE(store.ignoredMessageCount(), qint64(1));

    // A batch with only a malformed payload: problems, no series signal.
    store.ingest({message(kTopic, "{oops", kBaseMs + 4)});
    QCOMPARE(updated.size(), 2);
    QCOMPARE(problems.size(), 2);
    store.ingest({});
    QCOMPARE(added.size() + updated.size() + problems.size(), 1 + 2 + 2);
}

void TestMeasurementStore::seriesInfo()
{
    MeasurementStore store;
    store.ingest({telemetry(QStringLiteral("pressure"), 1.5, QStringLiteral("good"), kBaseMs, kBaseMs + 20),
                  telemetry(QStringLiteral("pressure"), 2.5, QStringLiteral("uncertain"), kBaseMs + 1000,
                            kBaseMs + 1030)});
    const SeriesKey key{kDevice, QStringLiteral("pressure")};
    const MeasurementSeriesInfo info = store.seriesInfo(key);
    QCOMPARE(info.key, key);
    QCOMPARE(info.deviceId, kDevice);
    QCOMPARE(info.topic, kTopic);
    QCOMPARE(info.unit, QStringLiteral("bar"));
    QVERIFY(info.last.has_value());
    QCOMPARE(info.last->value, 2.5);
    QCOMPARE(info.last->quality, Quality::Uncertain);
    QCOMPARE(info.last->deviceTimeMs, kBaseMs + 1000);
    QCOMPARE(info.last->receiveTimeMs, kBaseMs + 1030);
    QCOMPARE(store.series().size(), 1);
    QCOMPARE(store.series().constFirst().key, key);
    QCOMPARE(store.clockSkew(kDevice)->medianMs, qint64(25));
    QCOMPARE(store.clockSkewSources(), QStringList{kDevice});
    QVERIFY(!store.contains(SeriesKey{kDevice, QStringLiteral("nothing")}));
    QCOMPARE(store.seriesInfo(SeriesKey{kDevice, QStringLiteral("nothing")}).size, qsizetype(0));
    QVERIFY(store.view(SeriesKey{kDevice, QStringLiteral("nothing")}).isEmpty());
}

void TestMeasurementStore::qualityShares_data()
{
    QTest::addColumn<QStringList>("qualities");   // one sample per second from kBaseMs
    QTest::addColumn<qint64>("fromSecond");
    QTest::addColumn<qint64>("toSecond");
    QTest::addColumn<QList<qint64>>("expected");  // good, uncertain, bad, unknown

    const QStringList mixed = {"good", "good", "uncertain", "bad", "good", "excellent", "bad", "good"};
    QTest::newRow("all") << mixed << qint64(0) << qint64(7) << QList<qint64>{4, 1, 2, 1};
    QTest::newRow("window is inclusive") << mixed << qint64(2) << qint64(3) << QList<qint64>{0, 1, 1, 0};
    QTest::newRow("tail") << mixed << qint64(5) << qint64(100) << QList<qint64>{1, 0, 1, 1};
    QTest::newRow("empty window") << mixed << qint64(20) << qint64(30) << QList<qint64>{0, 0, 0, 0};
    QTest::newRow("all good") << QStringList{"good", "GOOD", "Good"} << qint64(0) << qint64(2)
                              << QList<qint64>{3, 0, 0, 0};
}

void TestMeasurementStore::qualityShares()
{
    QFETCH(QStringList, qualities);
    QFETCH(qint64, fromSecond);
    QFETCH(qint64, toSecond);
    QFETCH(QList<qint64>, expected);

    MeasurementStore store;
    QList<MqttMessage> batch;
    for (qsizetype i = 0; i < qualities.size(); ++i)
        batch << telemetry(QStringLiteral("pressure"), double(i), qualities.at(i), kBaseMs + i * 1000, kBaseMs + i * 1000);
    store.ingest(batch);
    const QualityShares shares = store.qualityShares(SeriesKey{kDevice, QStringLiteral("pressure")},
                                                     kBaseMs + fromSecond * 1000, kBaseMs + toSecond * 1000);
    QCOMPARE((QList<qint64>{shares.good, shares.uncertain, shares.bad, shares.unknown}), expected);
    const qint64 total = expected.at(0) + expected.at(1) + expected.at(2) + expected.at(3);
    QCOMPARE(shares.total(), total);
    const QList<Quality> order = {Quality::Good, Quality::Uncertain, Quality::Bad, Quality::Unknown};
    for (int q = 0; q < 4; ++q) {
        QCOMPARE(shares.count(order.at(q)), expected.at(q));
        QCOMPARE(shares.share(order.at(q)), total == 0 ? 0.0 : double(expected.at(q)) / double(total));
    }
}

void TestMeasurementStore::thresholds_data()
{
    QTest::addColumn<std::optional<double>>("low");
    QTest::addColumn<std::optional<double>>("high");
    QTest::addColumn<qint64>("expected");

    // values 10, 50, 90, 95 (bad), 5, 100 (uncertain), 20 (unknown): see thresholds()
    QTest::newRow("high only") << std::optional<double>() << std::optional<double>(85.0) << qint64(2);
    QTest::newRow("low only") << std::optional<double>(15.0) << std::optional<double>() << qint64(2);
    QTest::newRow("both") << std::optional<double>(15.0) << std::optional<double>(85.0) << qint64(4);
    QTest::newRow("bounds are not violations") << std::optional<double>(5.0) << std::optional<double>(100.0)
                                               << qint64(0);
    QTest::newRow("none") << std::optional<double>() << std::optional<double>() << qint64(0);
    QTest::newRow("everything above a low high") << std::optional<double>() << std::optional<double>(0.0)
                                                 << qint64(6);
}

void TestMeasurementStore::thresholds()
{
    QFETCH(std::optional<double>, low);
    QFETCH(std::optional<double>, high);
    QFETCH(qint64, expected);

    const QList<std::pair<double, QString>> samples = {
        {10, "good"}, {50, "good"}, {90, "good"}, {95, "bad"}, {5, "good"}, {100, "uncertain"}, {20, "?"}};
    MeasurementStore store;
    QList<MqttMessage> batch;
    for (qsizetype i = 0; i < samples.size(); ++i)
        batch << telemetry(QStringLiteral("temperature"), samples.at(i).first, samples.at(i).second, kBaseMs + i,
                           kBaseMs + i);
    // Outside the window: never counted.
    batch << telemetry(QStringLiteral("temperature"), 1000, QStringLiteral("good"), kBaseMs + 60000, kBaseMs + 60000);
    store.ingest(batch);
    QCOMPARE(store.thresholdViolations(SeriesKey{kDevice, QStringLiteral("temperature")}, kBaseMs, kBaseMs + 59999,
                                       low, high),
             expected);
}

void TestMeasurementStore::problemCounters()
{
    MeasurementStore store;
    const QString otherTopic = QStringLiteral("factory/chicago/building-a/line-3/oven-1/telemetry");
    const QByteArray nonNumeric = R"({"timestamp": 1777904621, "measurements": [{"name": "pressure", "value": "n/a", "quality": "good"}]})";
    const QByteArray nonNumericToo = R"({"timestamp": 1777904621, "measurements": [{"name": "pressure", "value": "--", "quality": "good"}]})";
    store.ingest({message(kTopic, nonNumeric, kBaseMs), message(kTopic, nonNumericToo, kBaseMs + 1),
                  message(kTopic, "{broken", kBaseMs + 2), message(otherTopic, nonNumericToo, kBaseMs + 3),
                  message(kTopic, R"({"timestamp": 1777904621, "measurements": {}})", kBaseMs + 4)});

    QCOMPARE(store.problemCount(kTopic, MeasurementProblem::Kind::NonNumericValue), qint64(2));
    QCOMPARE(store.problemCount(kTopic, MeasurementProblem::Kind::MalformedJson), qint64(1));
    QCOMPARE(store.problemCount(kTopic, MeasurementProblem::Kind::MeasurementsNotArray), qint64(1));
    QCOMPARE(store.problemCount(otherTopic, MeasurementProblem::Kind::NonNumericValue), qint64(1));
    QCOMPARE(store.problemCount(otherTopic, MeasurementProblem::Kind::MalformedJson), qint64(0));
    QCOMPARE(store.totalProblemCount(), qint64(5));
    QVERIFY2(store.seriesKeys().isEmpty(), "no clean sample, no series");

    const QList<MeasurementProblemCount> counts = store.problemCounts();
    QCOMPARE(counts.size(), 4);
    // Sorted by topic (".../oven-1/..." before ".../press-7/..."), then kind.
    QCOMPARE(counts.at(0).topic, otherTopic);
    QCOMPARE(counts.at(0).firstExample.raw, QStringLiteral("--"));
    QCOMPARE(counts.at(1).topic, kTopic);
    QCOMPARE(counts.at(1).kind, MeasurementProblem::Kind::MalformedJson);
    QCOMPARE(counts.at(1).firstExample.raw, QStringLiteral("{broken"));
    QCOMPARE(counts.at(2).kind, MeasurementProblem::Kind::MeasurementsNotArray);
    QCOMPARE(counts.at(3).kind, MeasurementProblem::Kind::NonNumericValue);
    QCOMPARE(counts.at(3).count, qint64(2));
    QCOMPARE(counts.at(3).firstExample.raw, QStringLiteral("n/a"));   // the first, not the latest
    QCOMPARE(counts.at(3).firstExample.toString(),
             kTopic + QStringLiteral(": measurement 'pressure' has non-numeric value \"n/a\""));
}

void TestMeasurementStore::csvExactText()
{
    MeasurementStore store;
    const QByteArray seed = R"({"timestamp": "2026-05-04T14:23:41.000Z", "deviceId": "press-7-chicago-a-l3",
        "measurements": [
          {"name": "temperature", "value": 72.4, "unit": "celsius", "quality": "good"},
          {"name": "pressure", "value": 0, "unit": "bar", "quality": "BAD"},
          {"name": "flow, \"raw\"", "value": -1.25e-7, "unit": "l/min", "quality": "uncertain"},
          {"name": "speed", "value": 1e21, "unit": "rpm"}]})";
    store.ingest({message(kTopic, seed, kBaseMs + 123),
                  message(QStringLiteral("line/oven-1/temperature"), "200.5", kBaseMs + 2000)});

    const QList<SeriesKey> keys = {SeriesKey{kDevice, QStringLiteral("temperature")},
                                   SeriesKey{kDevice, QStringLiteral("pressure")},
                                   SeriesKey{QStringLiteral("missing"), QStringLiteral("series")},
                                   SeriesKey{kDevice, QStringLiteral("flow, \"raw\"")},
                                   SeriesKey{kDevice, QStringLiteral("speed")},
                                   SeriesKey{QStringLiteral("line/oven-1"), QStringLiteral("temperature")}};
    const QStringList expected = {
        QStringLiteral("device_time,receive_time,device_id,topic,measurement,value,unit,quality"),
        QStringLiteral("2026-05-04T14:23:41.000Z,2026-05-04T14:23:41.123Z,press-7-chicago-a-l3,"
                       "factory/chicago/building-a/line-3/press-7/telemetry,temperature,72.4,celsius,good"),
        QStringLiteral("2026-05-04T14:23:41.000Z,2026-05-04T14:23:41.123Z,press-7-chicago-a-l3,"
                       "factory/chicago/building-a/line-3/press-7/telemetry,pressure,0,bar,bad"),
        QStringLiteral("2026-05-04T14:23:41.000Z,2026-05-04T14:23:41.123Z,press-7-chicago-a-l3,"
                       "factory/chicago/building-a/line-3/press-7/telemetry,\"flow, \"\"raw\"\"\",-1.25e-07,l/min,"
                       "uncertain"),
        QStringLiteral("2026-05-04T14:23:41.000Z,2026-05-04T14:23:41.123Z,press-7-chicago-a-l3,"
                       "factory/chicago/building-a/line-3/press-7/telemetry,speed,1e+21,rpm,unknown"),
        QStringLiteral("2026-05-04T14:23:43.000Z,2026-05-04T14:23:43.000Z,,line/oven-1/temperature,temperature,"
                       "200.5,,unknown"),
    };
    const QStringList rows = store.toCsvRows(keys);
    QVERIFY2(rows == expected, qPrintable(rows.join(u'\n')));

    // The window is on device time, inclusive; the header is always there.
    QCOMPARE(store.toCsvRows(keys, kBaseMs + 1, kBaseMs + 2000), (QStringList{expected.constFirst(), expected.constLast()}));
    QCOMPARE(store.toCsvRows({}), QStringList{expected.constFirst()});
    QCOMPARE(MeasurementCsv::quoteField(QStringLiteral("a\nb")), QStringLiteral("\"a\nb\""));
    QCOMPARE(MeasurementCsv::quoteField(QStringLiteral("a\rb")), QStringLiteral("\"a\rb\""));
}

void TestMeasurementStore::clear()
{
    MeasurementStore store;
    store.setLimits({7, 0});
    store.ingest({telemetry(QStringLiteral("pressure"), 1, QStringLiteral("?"), kBaseMs, kBaseMs),
                  message(QStringLiteral("x/status"), "idle", kBaseMs)});
    QSignalSpy cleared(&store, &MeasurementStore::cleared);
    store.clear();
    QCOMPARE(cleared.size(), 1);
    QVERIFY(store.seriesKeys().isEmpty());
    QCOMPARE(store.totalProblemCount(), qint64(0));
    QCOMPARE(store.ignoredMessageCount(), qint64(0));
    QVERIFY(store.problemCounts().isEmpty());
    QVERIFY(store.clockSkewSources().isEmpty());
    QCOMPARE(store.limits().maxSamplesPerSeries, qsizetype(7));
}

void TestMeasurementStore::largeBatchEqualsOneByOne()
{
    // A large batch is parsed on the thread pool; everything that depends on
    // arrival order (out-of-order device times, clock skew, problem examples,
    // sample order) must come out as if the messages came one at a time.
    QList<MqttMessage> messages;
    for (int i = 0; i < 500; ++i) {
        const QString device = QStringLiteral("press-%1").arg(i % 7);
        // Every fifth message of a device goes back in time; some lack a quality.
        const qint64 deviceMs = kBaseMs + i * 1000 - (i % 5 == 4 ? 30000 : 0);
        messages.append(telemetry(QStringLiteral("pressure"), 4.0 + i % 11, i % 13 == 0 ? QString() : QStringLiteral("good"),
                                  deviceMs, deviceMs + 200 + i % 3, device));
    }
    messages.insert(250, message(kTopic, "{not json", kBaseMs + 250000));
    MeasurementStore batch;
    batch.ingest(messages);
    MeasurementStore single;
    for (const MqttMessage &m : std::as_const(messages))
        single.ingest({m});

    QCOMPARE(batch.seriesKeys(), single.seriesKeys());
    for (const SeriesKey &key : batch.seriesKeys()) {
        QCOMPARE(batch.samples(key), single.samples(key));
        QCOMPARE(batch.clockSkew(key.source)->medianMs, single.clockSkew(key.source)->medianMs);
        QCOMPARE(batch.clockSkew(key.source)->observations, single.clockSkew(key.source)->observations);
    }
    QVERIFY(batch.problemCount(kTopic, MeasurementProblem::Kind::OutOfOrderTimestamp) > 0);
    QCOMPARE(batch.totalProblemCount(), single.totalProblemCount());
    const QList<MeasurementProblemCount> batchProblems = batch.problemCounts();
    const QList<MeasurementProblemCount> singleProblems = single.problemCounts();
    QCOMPARE(batchProblems.size(), singleProblems.size());
    for (qsizetype i = 0; i < batchProblems.size(); ++i) {
        QCOMPARE(batchProblems.at(i).count, singleProblems.at(i).count);
        QCOMPARE(batchProblems.at(i).firstExample.message, singleProblems.at(i).firstExample.message);
    }
}

QTEST_GUILESS_MAIN(TestMeasurementStore)
#include "tst_measurement_store.moc"
