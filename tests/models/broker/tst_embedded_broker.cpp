// EmbeddedBroker with its services: the store-and-forward uplink wired to
// the supervised broker (settings from uplink.json, mutual TLS to a second
// mosquitto playing the cloud, downlink into the local shadow service,
// stopped with the broker), the LAN listener saved in broker.json and
// used by a fresh EmbeddedBroker, and a '#' monitor that gets all of 50,000
// retained topics.
#include "broker/embedded_broker.h"

#include "broker/broker_supervisor.h"
#include "broker_test_client.h"
#include "shadow/shadow_document.h"
#include "shadow/shadow_name.h"
#include "shadow/shadow_service.h"
#include "test_broker.h"
#include "uplink/store_and_forward_uplink.h"
#include "uplink_test_rig.h"

#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace UplinkTestRig;

namespace {

constexpr int WaitMs = 20000;

QString describe(const EmbeddedBroker &broker)
{
    return QStringLiteral("broker state %1, uplink running %2: %3\n%4")
        .arg(int(broker.supervisor()->state()))
        .arg(broker.uplink()->isRunning())
        .arg(UplinkTestRig::describe(broker.uplink()->status()), broker.supervisor()->logLines().join(QLatin1Char('\n')));
}

// A broker on a free loopback port in dataDirectory, with the uplink off.
void configureWithoutUplink(EmbeddedBroker &broker, const QString &dataDirectory)
{
    BrokerConfig config;
    config.dataDirectory = dataDirectory;
    config.port = 0;
    broker.setConfig(config);
    broker.setUplinkSettings(UplinkSettings());
}

} // namespace

class TestEmbeddedBroker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uplinkFollowsTheBroker();
    void invalidUplinkSettingsAreReported();
    void savedLanListenerIsUsedAtStart_data();
    void savedLanListenerIsUsedAtStart();
    void unusableBrokerJsonIsReported();
    void retainedTopicsReachMonitor();
};

void TestEmbeddedBroker::uplinkFollowsTheBroker()
{
    QTemporaryDir pkiDir;
    QTemporaryDir data;
    QVERIFY2(pkiDir.isValid() && data.isValid(), "no temporary folder");
    const TestTlsPki pki(pkiDir.path());
    QVERIFY2(pki.isValid(), qPrintable(pki.error()));
    TestBroker cloud(brokerConfigLines());
    cloud.setTlsListener(pki.listener());
    QString error;
    QVERIFY2(cloud.start(&error), qPrintable(error));
    CloudRecorder recorder;
    error = recorder.start(cloud.port());
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // What the GUI or `broker run --save-uplink` left in the data directory.
    UplinkSettings settings;
    settings.enabled = true;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = cloud.tlsPort();
    settings.keepAliveSeconds = 5;
    settings.certificateFile = pki.clientCertificateFile();
    settings.keyFile = pki.clientKeyFile();
    settings.caFile = pki.caFile();
    settings.topicFilters = {QStringLiteral("plant/#")};
    settings.downlinkFilters = {QStringLiteral("$aws/things/+/shadow/update")};
    settings.limits.minFreeDiskBytes = 0;
    QVERIFY2(settings.save(UplinkSettings::filePath(data.path()), &error), qPrintable(error));

    EmbeddedBroker broker;
    BrokerConfig config;
    config.dataDirectory = data.path();
    config.port = 0;
    broker.setConfig(config);
    QSignalSpy loaded(&broker, &EmbeddedBroker::uplinkSettingsChanged);
    broker.start();
    QVERIFY2(loaded.wait(WaitMs), qPrintable(describe(broker)));
    QVERIFY(broker.uplinkSettings() == settings);
    QTRY_VERIFY2_WITH_TIMEOUT(broker.uplink()->cloudState() == MqttSession::State::Connected
                                  && broker.uplink()->status().localState == MqttSession::State::Connected,
                              qPrintable(describe(broker)), WaitMs);
    QCOMPARE(broker.uplink()->configuration().queueFile, UplinkSettings::queueFilePath(data.path()));

    // Up: local -> cloud over mutual TLS.
    error = publishRange(broker.supervisor()->port(), 0, 49);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(recorder.waitForUnique(50, WaitMs), qPrintable(describe(broker)));
    QVERIFY2(recorder.orderProblem().isEmpty(), qPrintable(recorder.orderProblem()));

    // Down: a desired update from the cloud reaches the local shadow service.
    MqttSession cloudApp;
    cloudApp.setSettings(settingsFor(cloud.port(), QStringLiteral("cloud-app")));
    QSignalSpy connected(&cloudApp, &MqttSession::connected);
    cloudApp.connectToBroker();
    QVERIFY2(connected.wait(WaitMs), qPrintable(cloudApp.errorString()));
    MqttPublishRequest update;
    update.topic = QStringLiteral("$aws/things/press-7/shadow/update");
    update.payload = R"({"state":{"desired":{"strokesPerMinute":42}}})";
    update.qos = 1;
    QVERIFY2(cloudApp.publish(update) > 0, qPrintable(cloudApp.errorString()));
    const ShadowName press7 = ShadowName::classic(QStringLiteral("press-7"));
    QTRY_VERIFY2_WITH_TIMEOUT(broker.shadowService()->document(press7).has_value(), qPrintable(describe(broker)), WaitMs);
    QCOMPARE(broker.shadowService()->document(press7)->desired.value(QStringLiteral("strokesPerMinute")).toInt(), 42);
    QTRY_COMPARE_WITH_TIMEOUT(broker.uplink()->status().downlinkForwarded, 1u, WaitMs);

    // Stopped with the broker; the queue stays in the data directory.
    QSignalSpy stopped(broker.supervisor(), &BrokerSupervisor::stopped);
    broker.stop();
    QVERIFY2(stopped.wait(WaitMs), qPrintable(describe(broker)));
    QVERIFY(!broker.uplink()->isRunning());
    QVERIFY(QFile::exists(UplinkSettings::queueFilePath(data.path())));
    const UplinkStatus s = broker.uplink()->status();
    QVERIFY2(countersBalance(s) && s.published == 50, qPrintable(UplinkTestRig::describe(s)));
}

void TestEmbeddedBroker::invalidUplinkSettingsAreReported()
{
    QTemporaryDir data;
    QVERIFY2(data.isValid(), "no temporary folder");
    EmbeddedBroker broker;
    BrokerConfig config;
    config.dataDirectory = data.path();
    config.port = 0;
    broker.setConfig(config);
    UplinkSettings settings;
    settings.enabled = true;
    settings.host = QStringLiteral("cloud.example.com");
    settings.topicFilters = {QStringLiteral("plant/#/x")};
    broker.setUplinkSettings(settings);
    QSignalSpy messages(&broker, &EmbeddedBroker::serviceMessage);
    broker.start();
    QTRY_VERIFY2_WITH_TIMEOUT(
        [&] {
            for (const QList<QVariant> &m : std::as_const(messages)) {
                if (m.at(0).toString().contains(QLatin1String("Forwarded topics")))
                    return true;
            }
            return false;
        }(),
        qPrintable(describe(broker)), WaitMs);
    QVERIFY(!broker.uplink()->isRunning());
    QSignalSpy stopped(broker.supervisor(), &BrokerSupervisor::stopped);
    broker.stop();
    QVERIFY2(stopped.wait(WaitMs), qPrintable(describe(broker)));
}

void TestEmbeddedBroker::savedLanListenerIsUsedAtStart_data()
{
    QTest::addColumn<bool>("overridePort");
    QTest::newRow("port from broker.json") << false;
    QTest::newRow("command line overrides the port") << true;
}

void TestEmbeddedBroker::savedLanListenerIsUsedAtStart()
{
    QFETCH(bool, overridePort);
    QTemporaryDir data;
    QVERIFY2(data.isValid(), "no temporary folder");
    const int savedPort = TestBroker::freePort();
    const int overriddenPort = TestBroker::freePort();
    QVERIFY(savedPort > 0 && overriddenPort > 0 && savedPort != overriddenPort);

    // Saved the way the broker panel saves the settings dialog's LAN page.
    {
        EmbeddedBroker first;
        configureWithoutUplink(first, data.path());
        BrokerSettings lan;
        lan.lanEnabled = true;
        lan.lanPort = savedPort;
        lan.lanBindAddress = QStringLiteral("127.0.0.1");
        QSignalSpy saved(&first, &EmbeddedBroker::brokerSettingsSaved);
        first.saveBrokerSettings(lan);
        QVERIFY2(saved.wait(WaitMs), "broker.json was not written");
        QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    }

    // A fresh broker with nothing but the data directory, as at the next start of LineScope.
    EmbeddedBroker broker;
    configureWithoutUplink(broker, data.path());
    QSignalSpy started(broker.supervisor(), &BrokerSupervisor::started);
    QJsonObject overrides;
    if (overridePort)
        overrides.insert(QStringLiteral("lanPort"), overriddenPort);
    broker.startWithSavedSettings(overrides);
    QVERIFY2(started.wait(WaitMs), qPrintable(describe(broker)));
    const int expectedPort = overridePort ? overriddenPort : savedPort;
    QVERIFY2(broker.config().lan.enabled, qPrintable(describe(broker)));
    QCOMPARE(broker.config().lan.bindAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(broker.supervisor()->lanPort(), expectedPort);

    QString problem;
    QVERIFY2(BrokerTestClient::refusesAnonymous(expectedPort, &problem), qPrintable(problem));
    QSignalSpy stopped(broker.supervisor(), &BrokerSupervisor::stopped);
    broker.stop();
    QVERIFY2(stopped.wait(WaitMs), qPrintable(describe(broker)));
}

void TestEmbeddedBroker::unusableBrokerJsonIsReported()
{
    QTemporaryDir data;
    QVERIFY2(data.isValid(), "no temporary folder");
    const QByteArray broken = R"({"lanEnabled": true, "lanPort": "8883"})";
    const QString file = BrokerSettings::filePath(data.path());
    {
        QFile out(file);
        QVERIFY2(out.open(QIODevice::WriteOnly) && out.write(broken) == broken.size(), qPrintable(out.errorString()));
    }
    EmbeddedBroker broker;
    configureWithoutUplink(broker, data.path());
    QSignalSpy messages(&broker, &EmbeddedBroker::serviceMessage);
    QSignalSpy started(broker.supervisor(), &BrokerSupervisor::started);
    broker.startWithSavedSettings();
    QVERIFY2(started.wait(WaitMs), qPrintable(describe(broker)));
    QString text;
    for (const QList<QVariant> &m : std::as_const(messages))
        text += m.at(0).toString() + QLatin1Char('\n');
    QVERIFY2(text.contains(QLatin1String("\"lanPort\" must be a whole number")) && text.contains(QLatin1String("not used")),
             qPrintable(text));
    // The broker runs on loopback only; the file is left for the user to fix.
    QVERIFY(!broker.config().lan.enabled);
    QFile in(file);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(in.errorString()));
    QCOMPARE(in.readAll(), broken);
    QSignalSpy stopped(broker.supervisor(), &BrokerSupervisor::stopped);
    broker.stop();
    QVERIFY2(stopped.wait(WaitMs), qPrintable(describe(broker)));
}

void TestEmbeddedBroker::retainedTopicsReachMonitor()
{
    constexpr int count = 50000;
    QTemporaryDir data;
    QVERIFY2(data.isValid(), "no temporary folder");
    EmbeddedBroker broker;
    configureWithoutUplink(broker, data.path());
    QSignalSpy started(broker.supervisor(), &BrokerSupervisor::started);
    broker.start();
    QVERIFY2(started.wait(WaitMs), qPrintable(describe(broker)));
    const int port = broker.supervisor()->port();

    {
        MqttSession line;
        line.setSettings(settingsFor(port, QStringLiteral("line-of-50000")));
        QSignalSpy connected(&line, &MqttSession::connected);
        line.connectToBroker();
        QVERIFY2(connected.wait(WaitMs), qPrintable(line.errorString()));
        int acked = 0;
        connect(&line, &MqttSession::published, &line, [&acked](int, bool ok, const QString &) { acked += ok ? 1 : 0; });
        for (int i = 0; i < count; ++i) {
            MqttPublishRequest request;
            request.topic = QStringLiteral("factory/site/hall/line-%1/device-%2/status").arg(i / 1000).arg(i % 1000);
            request.payload = QByteArray::number(i);
            request.qos = 1;
            request.retain = true;
            QVERIFY2(line.publish(request) > 0, qPrintable(line.errorString()));
        }
        QTRY_VERIFY2_WITH_TIMEOUT(acked == count, qPrintable(QStringLiteral("%1 of %2 acknowledged").arg(acked).arg(count)), 60000);
    }

    MqttSession monitor;
    monitor.setSettings(settingsFor(port, QStringLiteral("linescope-monitor")));
    int retained = 0;
    connect(&monitor, &MqttSession::messagesReceived, &monitor, [&retained](const QList<MqttMessage> &messages) {
        for (const MqttMessage &m : messages)
            retained += m.retained ? 1 : 0;
    });
    MqttSubscription all;
    all.filter = QStringLiteral("#");
    all.qos = 1;
    monitor.subscribe(all);
    monitor.connectToBroker();
    QTRY_VERIFY2_WITH_TIMEOUT(retained >= count, qPrintable(QStringLiteral("the monitor got %1 of %2 retained messages").arg(retained).arg(count)),
                              60000);
    QTest::qWait(300);
    QCOMPARE(retained, count);
    QSignalSpy stopped(broker.supervisor(), &BrokerSupervisor::stopped);
    broker.stop();
    QVERIFY2(stopped.wait(WaitMs), qPrintable(describe(broker)));
}

QTEST_GUILESS_MAIN(TestEmbeddedBroker)
#include "tst_embedded_broker.moc"
