#include "measurement/measurement_csv.h"
#include "measurement/measurement_store.h"
#include "mqtt/mqtt_message.h"
#include "mqtt/mqtt_session.h"
#include "simulation/line_simulator.h"
#include "test_broker.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// A simulated line on a real mosquitto -> MqttSession -> MeasurementStore ->
// CSV: the good/uncertain/bad counts in the store equal what the simulator
// says it published, once with LineSimulator in-process and once with the
// real `linescope-cli simulate` (LINESCOPE_CLI).
class TestMeasurementEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endToEnd_data();
    void endToEnd();
};

namespace {

constexpr int kWaitMs = 20000;

struct Published
{
    qint64 good = 0;
    qint64 uncertain = 0;
    qint64 bad = 0;
    qint64 total() const { return good + uncertain + bad; }
};

bool waitForState(MqttSession &session, MqttSession::State state)
{
    QElapsedTimer clock;
    clock.start();
    while (session.state() != state && clock.elapsed() < kWaitMs)
        QTest::qWait(20);
    return session.state() == state;
}

bool connectSession(MqttSession &session, const TestBroker &broker, QString *problem)
{
    ConnectionSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    session.setSettings(settings);
    session.connectToBroker();
    if (waitForState(session, MqttSession::State::Connected))
        return true;
    *problem = QStringLiteral("session not connected: %1\nBroker log:\n%2").arg(session.errorString(), broker.logText());
    return false;
}

QualityShares sharesOfAll(const MeasurementStore &store)
{
    QualityShares all;
    for (const SeriesKey &key : store.seriesKeys()) {
        const QualityShares shares = store.qualityShares(key, std::numeric_limits<qint64>::min(),
                                                         std::numeric_limits<qint64>::max());
        all.good += shares.good;
        all.uncertain += shares.uncertain;
        all.bad += shares.bad;
        all.unknown += shares.unknown;
    }
    return all;
}

QString describe(const MeasurementStore &store, const Published &published)
{
    const QualityShares shares = sharesOfAll(store);
    QString text = QStringLiteral("published %1 good, %2 uncertain, %3 bad; stored %4 good, %5 uncertain, %6 bad, "
                                  "%7 unknown in %8 series; %9 problems")
                       .arg(published.good)
                       .arg(published.uncertain)
                       .arg(published.bad)
                       .arg(shares.good)
                       .arg(shares.uncertain)
                       .arg(shares.bad)
                       .arg(shares.unknown)
                       .arg(store.seriesKeys().size())
                       .arg(store.totalProblemCount());
    for (const MeasurementProblemCount &count : store.problemCounts())
        text += QStringLiteral("\n  %1 x %2").arg(count.count).arg(count.firstExample.toString());
    return text;
}

} // namespace

void TestMeasurementEndToEnd::endToEnd_data()
{
    QTest::addColumn<bool>("useCli");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("count");

    QTest::newRow("LineSimulator in-process") << false << 7u << 200;
    QTest::newRow("linescope-cli simulate") << true << 9u << 150;
}

void TestMeasurementEndToEnd::endToEnd()
{
    QFETCH(bool, useCli);
    QFETCH(quint32, seed);
    QFETCH(int, count);

    TestBroker broker;
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));

    MeasurementStore store;
    MqttSession subscriber;
    connect(&subscriber, &MqttSession::messagesReceived, &store, &MeasurementStore::ingest);
    QVERIFY2(connectSession(subscriber, broker, &problem), qPrintable(problem));
    QSignalSpy subscribed(&subscriber, &MqttSession::subscribed);
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("factory/#");
    subscription.qos = 1;
    QVERIFY2(subscriber.subscribe(subscription), qPrintable(subscriber.errorString()));
    QVERIFY2(subscribed.wait(kWaitMs), qPrintable(broker.logText()));

    Published published;
    QStringList deviceIds;
    // The in-process publisher must outlive the run: destroying it would drop
    // what it has not sent yet.
    MqttSession publisher;
    std::unique_ptr<LineSimulator> simulator;
    if (useCli) {
        const QString cli = qEnvironmentVariable("LINESCOPE_CLI", QStringLiteral(LINESCOPE_BINARY_DIR "/app/linescope-cli"));
        QProcess simulate;
        simulate.start(cli, {QStringLiteral("simulate"), QStringLiteral("-h"), broker.host(), QStringLiteral("-p"),
                             QString::number(broker.port()), QStringLiteral("--count"), QString::number(count),
                             QStringLiteral("--seed"), QString::number(seed), QStringLiteral("--rate"),
                             QStringLiteral("500"), QStringLiteral("-q"), QStringLiteral("1")});
        QVERIFY2(simulate.waitForStarted(kWaitMs), qPrintable(cli + QStringLiteral(": ") + simulate.errorString()));
        QSignalSpy finished(&simulate, &QProcess::finished);
        QVERIFY2(finished.wait(kWaitMs), "linescope-cli simulate did not finish");
        const QString out = QString::fromUtf8(simulate.readAllStandardOutput());
        const QString err = QString::fromUtf8(simulate.readAllStandardError());
        QVERIFY2(simulate.exitCode() == 0, qPrintable(QStringLiteral("exit %1\n%2\n%3").arg(simulate.exitCode()).arg(out, err)));
        // "Published N telemetry messages (measurements: g good, u uncertain, b bad); f failed."
        static const QRegularExpression summary(
            QStringLiteral(R"(Published (\d+) telemetry messages \(measurements: (\d+) good, (\d+) uncertain, (\d+) bad\); 0 failed)"));
        const QRegularExpressionMatch match = summary.match(out);
        QVERIFY2(match.hasMatch(), qPrintable(QStringLiteral("unexpected summary: ") + out + err));
        QCOMPARE(match.captured(1).toInt(), count);
        published.good = match.captured(2).toLongLong();
        published.uncertain = match.captured(3).toLongLong();
        published.bad = match.captured(4).toLongLong();
        LineSimulator names(nullptr);
        for (int i = 0; i < names.assetCount(); ++i)
            deviceIds << names.deviceId(i);
    } else {
        QVERIFY2(connectSession(publisher, broker, &problem), qPrintable(problem));
        LineSimulatorConfig config;
        config.seed = seed;
        config.maxMessages = count;
        config.messagesPerSecond = 500.0;
        config.qos = 1;
        simulator = std::make_unique<LineSimulator>(&publisher, config);
        QSignalSpy finished(simulator.get(), &LineSimulator::finished);
        simulator->start();
        QVERIFY2(finished.wait(kWaitMs), qPrintable(QStringLiteral("published %1").arg(simulator->publishedCount())));
        QCOMPARE(simulator->publishedCount(), qint64(count));
        QCOMPARE(simulator->failedCount(), qint64(0));
        published.good = simulator->qualityCount(QStringLiteral("good"));
        published.uncertain = simulator->qualityCount(QStringLiteral("uncertain"));
        published.bad = simulator->qualityCount(QStringLiteral("bad"));
        for (int i = 0; i < simulator->assetCount(); ++i)
            deviceIds << simulator->deviceId(i);
    }
    QVERIFY2(published.total() > count, "every telemetry message carries several measurements");
    QVERIFY2(published.uncertain > 0 && published.bad > 0,
             "the run should contain uncertain and bad measurements; choose another seed");

    // QoS 1 end to end: everything arrives; wait until the store has it all.
    QTRY_VERIFY2_WITH_TIMEOUT(sharesOfAll(store).total() >= published.total(), qPrintable(describe(store, published)),
                              kWaitMs);
    QTest::qWait(200);   // nothing more may trickle in
    const QualityShares shares = sharesOfAll(store);
    const QByteArray details = describe(store, published).toUtf8();
    QVERIFY2(shares.good == published.good, details.constData());
    QVERIFY2(shares.uncertain == published.uncertain, details.constData());
    QVERIFY2(shares.bad == published.bad, details.constData());
    QVERIFY2(shares.unknown == 0, details.constData());
    QVERIFY2(store.totalProblemCount() == 0, details.constData());
    // The retained asset status texts are not measurements: counted as ignored.
    QVERIFY2(store.ignoredMessageCount() >= deviceIds.size(), details.constData());

    // One series per device and measurement, every device with a skew estimate.
    QSet<QString> sources;
    for (const MeasurementSeriesInfo &info : store.series()) {
        sources.insert(info.key.source);
        QVERIFY2(!info.unit.isEmpty(), qPrintable(info.key.source + u'/' + info.key.measurement));
        QCOMPARE(info.evictedCount, qint64(0));
    }
    QCOMPARE(sources, QSet<QString>(deviceIds.cbegin(), deviceIds.cend()));
    for (const QString &device : std::as_const(deviceIds)) {
        const auto skew = store.clockSkew(device);
        QVERIFY2(skew.has_value(), qPrintable(device));
        // Same machine, same clock: transit time only.
        QVERIFY2(std::abs(skew->medianMs) < 10000, qPrintable(QStringLiteral("%1: %2 ms").arg(device).arg(skew->medianMs)));
    }

    // CSV export of everything: one row per measurement, quality column as published.
    const QStringList rows = store.toCsvRows(store.seriesKeys());
    QCOMPARE(rows.constFirst(), MeasurementCsv::header());
    QCOMPARE(rows.size() - 1, published.total());
    QHash<QString, qint64> qualityColumn;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList fields = rows.at(i).split(u',');
        QVERIFY2(fields.size() == 8, qPrintable(rows.at(i)));
        QVERIFY2(fields.at(3).startsWith(QStringLiteral("factory/")) && fields.at(3).endsWith(QStringLiteral("/telemetry")),
                 qPrintable(rows.at(i)));
        ++qualityColumn[fields.at(7)];
    }
    QCOMPARE(qualityColumn.value(QStringLiteral("good")), published.good);
    QCOMPARE(qualityColumn.value(QStringLiteral("uncertain")), published.uncertain);
    QCOMPARE(qualityColumn.value(QStringLiteral("bad")), published.bad);

    if (simulator)
        QCOMPARE(simulator->failedCount(), qint64(0));
    publisher.disconnectFromBroker();
    subscriber.disconnectFromBroker();
    waitForState(subscriber, MqttSession::State::Disconnected);
}

QTEST_GUILESS_MAIN(TestMeasurementEndToEnd)
#include "tst_measurement_end_to_end.moc"
