#include "simulation/line_simulator.h"

#include "mqtt/mqtt_session.h"
#include "test_broker.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kWaitMs = 20000;
const QStringList kQualities = {QStringLiteral("good"), QStringLiteral("uncertain"), QStringLiteral("bad")};
const QString kLinePrefix = QStringLiteral("factory/chicago/building-a/line-3/");
// 2026-05-04T14:23:41.000Z, the timestamp of the seed example.
const qint64 kSeedEpochMs = QDateTime(QDate(2026, 5, 4), QTime(14, 23, 41), Qt::UTC).toMSecsSinceEpoch();

using UnitMap = QHash<QString, QString>;

LineSimulatorConfig seeded(quint32 seed)
{
    LineSimulatorConfig config;
    config.seed = seed;
    return config;
}

// Checks one telemetry payload against the seed schema; returns the problem or an empty string.
QString schemaProblem(const QByteArray &payload, const QString &deviceId, QJsonArray *measurementsOut = nullptr)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return QStringLiteral("not JSON (%1): %2").arg(parseError.errorString(), QString::fromUtf8(payload));
    if (!document.isObject())
        return QStringLiteral("not an object: %1").arg(QString::fromUtf8(payload));
    const QJsonObject object = document.object();
    const QStringList keys = object.keys();
    if (QSet<QString>(keys.begin(), keys.end()) != QSet<QString>{QStringLiteral("timestamp"), QStringLiteral("deviceId"), QStringLiteral("measurements")})
        return QStringLiteral("unexpected keys %1").arg(keys.join(QLatin1Char(',')));
    const QString timestampText = object.value(QStringLiteral("timestamp")).toString();
    const QDateTime timestamp = QDateTime::fromString(timestampText, Qt::ISODateWithMs);
    if (!timestamp.isValid() || !timestampText.endsWith(QLatin1Char('Z')) || timestampText.size() != 24)
        return QStringLiteral("timestamp is not UTC ISO-8601 with milliseconds: %1").arg(timestampText);
    if (object.value(QStringLiteral("deviceId")).toString() != deviceId)
        return QStringLiteral("deviceId %1, expected %2").arg(object.value(QStringLiteral("deviceId")).toString(), deviceId);
    const QJsonArray measurements = object.value(QStringLiteral("measurements")).toArray();
    if (measurements.isEmpty())
        return QStringLiteral("no measurements");
    for (const QJsonValue &value : measurements) {
        const QJsonObject measurement = value.toObject();
        const QStringList fields = measurement.keys();
        if (QSet<QString>(fields.begin(), fields.end()) != QSet<QString>{QStringLiteral("name"), QStringLiteral("value"), QStringLiteral("unit"), QStringLiteral("quality")})
            return QStringLiteral("measurement with keys %1").arg(fields.join(QLatin1Char(',')));
        if (measurement.value(QStringLiteral("name")).toString().isEmpty() || measurement.value(QStringLiteral("unit")).toString().isEmpty())
            return QStringLiteral("measurement without name or unit");
        if (!measurement.value(QStringLiteral("value")).isDouble() || !std::isfinite(measurement.value(QStringLiteral("value")).toDouble()))
            return QStringLiteral("value of %1 is not a finite number").arg(measurement.value(QStringLiteral("name")).toString());
        if (!kQualities.contains(measurement.value(QStringLiteral("quality")).toString()))
            return QStringLiteral("quality %1").arg(measurement.value(QStringLiteral("quality")).toString());
    }
    if (measurementsOut)
        *measurementsOut = measurements;
    return {};
}

QHash<QString, int> countQualities(const QJsonArray &measurements)
{
    QHash<QString, int> counts;
    for (const QJsonValue &value : measurements)
        ++counts[value.toObject().value(QStringLiteral("quality")).toString()];
    return counts;
}

} // namespace

class TestLineSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void assetNames();
    void topics_data();
    void topics();
    void payloadSchema_data();
    void payloadSchema();
    void qualityShares_data();
    void qualityShares();
    void valuesVarySmoothly();
    void deterministicForSeed();
    void publishesThroughBroker();
    void waitsForConnection();

private:
    bool connectSession(MqttSession &session, const TestBroker &broker, QString *problem);
};

bool TestLineSimulator::connectSession(MqttSession &session, const TestBroker &broker, QString *problem)
{
    ConnectionSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    session.setSettings(settings);
    session.connectToBroker();
    QElapsedTimer clock;
    clock.start();
    while (session.state() != MqttSession::State::Connected && clock.elapsed() < kWaitMs)
        QTest::qWait(20);
    if (session.state() == MqttSession::State::Connected)
        return true;
    *problem = QStringLiteral("session not connected: %1\nBroker log:\n%2").arg(session.errorString(), broker.logText());
    return false;
}

void TestLineSimulator::assetNames()
{
    LineSimulatorConfig config;
    config.assetCount = 7;
    LineSimulator simulator(nullptr, config);
    QCOMPARE(simulator.assetCount(), 7);
    QStringList names;
    for (int i = 0; i < simulator.assetCount(); ++i)
        names << simulator.assetName(i);
    QCOMPARE(names, (QStringList{QStringLiteral("press-1"), QStringLiteral("press-2"), QStringLiteral("conveyor-1"), QStringLiteral("robot-1"),
                                 QStringLiteral("oven-1"), QStringLiteral("packer-1"), QStringLiteral("press-3")}));
    QCOMPARE(simulator.assetName(7), QString());
    QCOMPARE(simulator.assetName(-1), QString());
    QCOMPARE(simulator.makePayload(7, kSeedEpochMs), QByteArray());
}

void TestLineSimulator::topics_data()
{
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("building");
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("assetIndex");
    QTest::addColumn<QString>("telemetryTopic");
    QTest::addColumn<QString>("statusTopic");
    QTest::addColumn<QString>("deviceId");

    QTest::newRow("seed line, first press") << QStringLiteral("chicago") << QStringLiteral("building-a") << QStringLiteral("line-3") << 0
                                            << QStringLiteral("factory/chicago/building-a/line-3/press-1/telemetry")
                                            << QStringLiteral("factory/chicago/building-a/line-3/press-1/status")
                                            << QStringLiteral("press-1-chicago-a-l3");
    QTest::newRow("other line, conveyor") << QStringLiteral("detroit") << QStringLiteral("building-b") << QStringLiteral("line-1") << 2
                                          << QStringLiteral("factory/detroit/building-b/line-1/conveyor-1/telemetry")
                                          << QStringLiteral("factory/detroit/building-b/line-1/conveyor-1/status")
                                          << QStringLiteral("conveyor-1-detroit-b-l1");
    QTest::newRow("names without the usual prefixes") << QStringLiteral("plant7") << QStringLiteral("hall") << QStringLiteral("west") << 4
                                                      << QStringLiteral("factory/plant7/hall/west/oven-1/telemetry")
                                                      << QStringLiteral("factory/plant7/hall/west/oven-1/status")
                                                      << QStringLiteral("oven-1-plant7-hall-lwest");
    // Config text ends up inside the JSON payload: it must be escaped, and non-ASCII kept intact.
    const QString site = QString::fromUtf8("z\u00fcrich \"nord\" \U0001F3ED");
    QTest::newRow("site with quotes and non-ASCII") << site << QStringLiteral("building-a") << QStringLiteral("line-3") << 1
                                                    << QStringLiteral("factory/%1/building-a/line-3/press-2/telemetry").arg(site)
                                                    << QStringLiteral("factory/%1/building-a/line-3/press-2/status").arg(site)
                                                    << QStringLiteral("press-2-%1-a-l3").arg(site);
}

void TestLineSimulator::topics()
{
    QFETCH(QString, site);
    QFETCH(QString, building);
    QFETCH(QString, line);
    QFETCH(int, assetIndex);
    QFETCH(QString, telemetryTopic);
    QFETCH(QString, statusTopic);
    QFETCH(QString, deviceId);

    LineSimulatorConfig config;
    config.site = site;
    config.building = building;
    config.line = line;
    LineSimulator simulator(nullptr, config);
    QCOMPARE(simulator.telemetryTopic(assetIndex), telemetryTopic);
    QCOMPARE(simulator.statusTopic(assetIndex), statusTopic);
    QCOMPARE(simulator.deviceId(assetIndex), deviceId);
    const QByteArray payload = simulator.makePayload(assetIndex, kSeedEpochMs);
    const QString problem = schemaProblem(payload, deviceId);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLineSimulator::payloadSchema_data()
{
    QTest::addColumn<int>("assetIndex");
    QTest::addColumn<UnitMap>("units");

    const QString dimensionless = QStringLiteral("dimensionless");
    QTest::newRow("press") << 0
                           << UnitMap{{QStringLiteral("temperature"), QStringLiteral("celsius")}, {QStringLiteral("pressure"), QStringLiteral("bar")},
                                      {QStringLiteral("vibration_rms"), QStringLiteral("mm/s")}, {QStringLiteral("cycle_time"), QStringLiteral("s")},
                                      {QStringLiteral("anomaly_score"), dimensionless}};
    QTest::newRow("conveyor") << 2
                              << UnitMap{{QStringLiteral("speed"), QStringLiteral("m/min")}, {QStringLiteral("motor_current"), QStringLiteral("A")},
                                         {QStringLiteral("vibration_rms"), QStringLiteral("mm/s")}, {QStringLiteral("temperature"), QStringLiteral("celsius")},
                                         {QStringLiteral("anomaly_score"), dimensionless}};
    QTest::newRow("robot") << 3
                           << UnitMap{{QStringLiteral("cycle_time"), QStringLiteral("s")}, {QStringLiteral("temperature"), QStringLiteral("celsius")},
                                      {QStringLiteral("torque"), QStringLiteral("Nm")}, {QStringLiteral("position_error"), QStringLiteral("mm")},
                                      {QStringLiteral("anomaly_score"), dimensionless}};
    QTest::newRow("oven") << 4
                          << UnitMap{{QStringLiteral("temperature"), QStringLiteral("celsius")}, {QStringLiteral("humidity"), QStringLiteral("percent")},
                                     {QStringLiteral("power"), QStringLiteral("kW")}, {QStringLiteral("anomaly_score"), dimensionless}};
    QTest::newRow("packer") << 5
                            << UnitMap{{QStringLiteral("speed"), QStringLiteral("packs/min")}, {QStringLiteral("reject_rate"), QStringLiteral("percent")},
                                       {QStringLiteral("temperature"), QStringLiteral("celsius")}, {QStringLiteral("anomaly_score"), dimensionless}};
}

void TestLineSimulator::payloadSchema()
{
    QFETCH(int, assetIndex);
    QFETCH(UnitMap, units);

    LineSimulatorConfig config = seeded(7);
    config.assetCount = 6;
    LineSimulator simulator(nullptr, config);
    const QByteArray payload = simulator.makePayload(assetIndex, kSeedEpochMs);

    // Field order as in the seed example, so payloads read the same in a raw message view.
    const QByteArray expectedStart = "{\"timestamp\":\"2026-05-04T14:23:41.000Z\",\"deviceId\":\"" + simulator.deviceId(assetIndex).toUtf8() + "\",\"measurements\":[{\"name\":";
    QVERIFY2(payload.startsWith(expectedStart), payload.constData());

    QJsonArray measurements;
    const QString problem = schemaProblem(payload, simulator.deviceId(assetIndex), &measurements);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    UnitMap seen;
    for (const QJsonValue &value : std::as_const(measurements)) {
        const QJsonObject measurement = value.toObject();
        const QString name = measurement.value(QStringLiteral("name")).toString();
        QVERIFY2(!seen.contains(name), qPrintable(QStringLiteral("%1 appears twice").arg(name)));
        seen.insert(name, measurement.value(QStringLiteral("unit")).toString());
        if (name == QLatin1String("anomaly_score")) {
            const double score = measurement.value(QStringLiteral("value")).toDouble();
            QVERIFY2(score >= 0.0 && score <= 1.0, qPrintable(QString::number(score)));
        }
    }
    QCOMPARE(seen, units);
}

void TestLineSimulator::qualityShares_data()
{
    QTest::addColumn<double>("uncertainShare");
    QTest::addColumn<double>("badShare");

    QTest::newRow("defaults") << 0.05 << 0.02;
    QTest::newRow("noisy line") << 0.2 << 0.1;
    QTest::newRow("perfect sensors") << 0.0 << 0.0;
    QTest::newRow("everything bad") << 0.0 << 1.0;
}

void TestLineSimulator::qualityShares()
{
    QFETCH(double, uncertainShare);
    QFETCH(double, badShare);

    LineSimulatorConfig config = seeded(1234);
    config.uncertainShare = uncertainShare;
    config.badShare = badShare;
    LineSimulator simulator(nullptr, config);
    QHash<QString, int> counts;
    int total = 0;
    for (int i = 0; i < 10000; ++i) {
        const int asset = i % simulator.assetCount();
        const QByteArray payload = simulator.makePayload(asset, kSeedEpochMs + i * 100);
        if (i % 100 == 0) {  // the full schema check is slow; the shares only need the qualities
            const QString problem = schemaProblem(payload, simulator.deviceId(asset));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        const QJsonArray measurements = QJsonDocument::fromJson(payload).object().value(QStringLiteral("measurements")).toArray();
        QVERIFY2(!measurements.isEmpty(), payload.constData());
        const QHash<QString, int> payloadCounts = countQualities(measurements);
        for (auto it = payloadCounts.cbegin(); it != payloadCounts.cend(); ++it)
            counts[it.key()] += it.value();
        total += int(measurements.size());
    }

    const QHash<QString, double> expected = {{QStringLiteral("good"), 1.0 - uncertainShare - badShare},
                                             {QStringLiteral("uncertain"), uncertainShare},
                                             {QStringLiteral("bad"), badShare}};
    for (const QString &quality : kQualities) {
        const double share = double(counts.value(quality)) / total;
        const double p = expected.value(quality);
        // Six standard deviations of a binomial share: fails by chance about once in 10^9 runs.
        const double tolerance = 6.0 * std::sqrt(p * (1.0 - p) / total) + 1e-9;
        QVERIFY2(std::abs(share - p) <= tolerance,
                 qPrintable(QStringLiteral("%1: share %2 of %3 samples, expected %4 +- %5").arg(quality).arg(share).arg(total).arg(p).arg(tolerance)));
    }
}

void TestLineSimulator::valuesVarySmoothly()
{
    LineSimulatorConfig config = seeded(3);
    config.uncertainShare = 0.0;
    config.badShare = 0.0;
    LineSimulator simulator(nullptr, config);

    // Ten minutes of one press, one sample per second.
    QHash<QString, QList<double>> series;
    for (int second = 0; second < 600; ++second) {
        QJsonArray measurements;
        const QString problem = schemaProblem(simulator.makePayload(0, kSeedEpochMs + second * 1000LL), simulator.deviceId(0), &measurements);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const QJsonValue &value : std::as_const(measurements))
            series[value.toObject().value(QStringLiteral("name")).toString()] << value.toObject().value(QStringLiteral("value")).toDouble();
    }
    for (auto it = series.cbegin(); it != series.cend(); ++it) {
        const QList<double> &values = it.value();
        const auto [lowest, highest] = std::minmax_element(values.cbegin(), values.cend());
        const double range = *highest - *lowest;
        QVERIFY2(range > 0.0, qPrintable(QStringLiteral("%1 never changes").arg(it.key())));
        double largestStep = 0.0;
        for (qsizetype i = 1; i < values.size(); ++i)
            largestStep = std::max(largestStep, std::abs(values.at(i) - values.at(i - 1)));
        // Smooth: no single second jumps across most of what ten minutes cover.
        QVERIFY2(largestStep < 0.75 * range,
                 qPrintable(QStringLiteral("%1 jumps by %2 within the range %3").arg(it.key()).arg(largestStep).arg(range)));
    }
    const QList<double> temperature = series.value(QStringLiteral("temperature"));
    QVERIFY(!temperature.isEmpty());
    for (double value : temperature)
        QVERIFY2(value > 50.0 && value < 95.0, qPrintable(QStringLiteral("press temperature %1 celsius").arg(value)));
}

void TestLineSimulator::deterministicForSeed()
{
    LineSimulator first(nullptr, seeded(42));
    LineSimulator second(nullptr, seeded(42));
    LineSimulator other(nullptr, seeded(43));
    int differences = 0;
    for (int i = 0; i < 200; ++i) {
        const int asset = i % first.assetCount();
        const qint64 time = kSeedEpochMs + i * 250;
        const QByteArray payload = first.makePayload(asset, time);
        QCOMPARE(second.makePayload(asset, time), payload);
        if (other.makePayload(asset, time) != payload)
            ++differences;
    }
    QVERIFY2(differences > 190, qPrintable(QStringLiteral("seed 43 matched seed 42 in %1 of 200 payloads").arg(200 - differences)));
}

void TestLineSimulator::publishesThroughBroker()
{
    TestBroker broker;
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));
    MqttSession session;
    QVERIFY2(connectSession(session, broker, &problem), qPrintable(problem));

    // A reference client records everything on the line.
    const QString subPath = TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_sub"));
    QVERIFY2(!subPath.isEmpty(), "mosquitto_sub is not installed (package mosquitto-clients)");
    const QString readyTopic = QStringLiteral("linescope/test/ready");
    QProcess monitor;
    QByteArray recorded;
    connect(&monitor, &QProcess::readyReadStandardOutput, this, [&monitor, &recorded] { recorded += monitor.readAllStandardOutput(); });
    monitor.start(subPath, {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), QString::number(broker.port()), QStringLiteral("-q"),
                            QStringLiteral("1"), QStringLiteral("-v"), QStringLiteral("-t"), kLinePrefix + QLatin1Char('#'),
                            QStringLiteral("-t"), readyTopic});
    QVERIFY2(monitor.waitForStarted(kWaitMs), qPrintable(monitor.errorString()));
    // Telemetry is not retained: make sure the monitor is subscribed before the line starts.
    QTimer ping;
    connect(&ping, &QTimer::timeout, &session, [&session, &readyTopic] {
        MqttPublishRequest request;
        request.topic = readyTopic;
        request.payload = "ping";
        session.publish(request);
    });
    ping.start(100);
    QTRY_VERIFY2_WITH_TIMEOUT(recorded.contains(readyTopic.toUtf8()), qPrintable(QString::fromUtf8(monitor.readAllStandardError())), kWaitMs);
    ping.stop();

    LineSimulatorConfig config = seeded(11);
    config.messagesPerSecond = 200.0;
    config.maxMessages = 300;
    config.qos = 1;
    LineSimulator simulator(&session, config);
    QSignalSpy finished(&simulator, &LineSimulator::finished);
    QSignalSpy failures(&simulator, &LineSimulator::publishFailed);
    QElapsedTimer clock;
    clock.start();
    simulator.start();
    QVERIFY2(finished.wait(kWaitMs), qPrintable(QStringLiteral("published %1").arg(simulator.publishedCount())));
    // 300 messages at 200/s take about 1.5 s; the simulator must not rush.
    QVERIFY2(clock.elapsed() >= 1200, qPrintable(QStringLiteral("300 messages took only %1 ms").arg(clock.elapsed())));
    QCOMPARE(simulator.publishedCount(), qint64(300));
    QVERIFY(!simulator.isRunning());

    auto telemetryLines = [&recorded] {
        QList<QByteArray> lines;
        const QList<QByteArray> all = recorded.split('\n');
        for (const QByteArray &line : all) {
            if (line.startsWith("factory/") && line.contains("/telemetry "))
                lines << line;
        }
        return lines;
    };
    QTRY_COMPARE_WITH_TIMEOUT(telemetryLines().size(), 300, kWaitMs);
    QTest::qWait(300);
    const QList<QByteArray> lines = telemetryLines();
    QCOMPARE(lines.size(), 300);  // and nothing after finished()
    QCOMPARE(failures.size(), 0);
    QCOMPARE(simulator.failedCount(), qint64(0));

    QHash<QString, int> perAsset;
    QHash<QString, int> qualities;
    for (const QByteArray &line : lines) {
        const qsizetype space = line.indexOf(' ');
        const QString topic = QString::fromUtf8(line.left(space));
        const QString asset = topic.section(QLatin1Char('/'), 4, 4);
        QCOMPARE(topic, kLinePrefix + asset + QLatin1String("/telemetry"));
        QJsonArray measurements;
        const QString payloadProblem = schemaProblem(line.mid(space + 1), asset + QLatin1String("-chicago-a-l3"), &measurements);
        QVERIFY2(payloadProblem.isEmpty(), qPrintable(payloadProblem));
        ++perAsset[asset];
        const QHash<QString, int> counts = countQualities(measurements);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            qualities[it.key()] += it.value();
    }
    // Spread evenly: round-robin over the five assets.
    QCOMPARE(perAsset.size(), simulator.assetCount());
    for (auto it = perAsset.cbegin(); it != perAsset.cend(); ++it)
        QVERIFY2(it.value() == 60, qPrintable(QStringLiteral("%1 sent %2 messages").arg(it.key()).arg(it.value())));
    for (const QString &quality : kQualities)
        QCOMPARE(simulator.qualityCount(quality), qint64(qualities.value(quality)));

    // Status messages are retained: a client that connects now still gets one per asset.
    monitor.terminate();
    monitor.waitForFinished(kWaitMs);
    QProcess late;
    late.start(subPath, {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), QString::number(broker.port()), QStringLiteral("-v"),
                         QStringLiteral("-t"), kLinePrefix + QLatin1String("+/status"), QStringLiteral("-C"),
                         QString::number(simulator.assetCount()), QStringLiteral("-W"), QStringLiteral("10")});
    QSignalSpy lateFinished(&late, &QProcess::finished);
    QVERIFY2(lateFinished.wait(kWaitMs), "mosquitto_sub for the status topics did not finish");
    QCOMPARE(late.exitCode(), 0);
    QStringList statuses = QString::fromUtf8(late.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    statuses.sort();
    QStringList expected;
    for (int i = 0; i < simulator.assetCount(); ++i)
        expected << simulator.statusTopic(i) + QLatin1Char(' ') + simulator.assetStatus(i);
    expected.sort();
    QCOMPARE(statuses, expected);
}

void TestLineSimulator::waitsForConnection()
{
    TestBroker broker;
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));
    MqttSession session;
    LineSimulatorConfig config = seeded(5);
    config.messagesPerSecond = 100.0;
    LineSimulator simulator(&session, config);
    simulator.start();
    QTest::qWait(300);
    QCOMPARE(simulator.publishedCount(), qint64(0));
    QCOMPARE(simulator.failedCount(), qint64(0));  // not connected is not a failure

    QVERIFY2(connectSession(session, broker, &problem), qPrintable(problem));
    QTRY_VERIFY_WITH_TIMEOUT(simulator.publishedCount() >= 10, kWaitMs);
    simulator.stop();
    const qint64 atStop = simulator.publishedCount();
    QTest::qWait(300);
    QCOMPARE(simulator.publishedCount(), atStop);
    QCOMPARE(simulator.failedCount(), qint64(0));
}

QTEST_GUILESS_MAIN(TestLineSimulator)
#include "tst_line_simulator.moc"
