#include "uplink/store_and_forward_uplink.h"

#include "broker/broker_supervisor.h"
#include "process_pause.h"
#include "uplink_rig_fixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace UplinkTestRig;

class TestStoreAndForwardUplink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forwardsInOrderWithinAwsLimits();
    void outage_data();
    void outage();
    void overflow_data();
    void overflow();
    void cloudIdentity_data();
    void cloudIdentity();
    void downlink();
};

void TestStoreAndForwardUplink::forwardsInOrderWithinAwsLimits()
{
    UplinkFixture f;
    const QString started = f.startBrokers();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    f.uplink->configure(f.configuration());
    f.uplink->start();
    QVERIFY2(f.waitUntilSubscribed(), qPrintable(f.state()));

    const int count = messageCount();
    const QString published = publishRange(f.local.port(), 0, count - 1);
    QVERIFY2(published.isEmpty(), qPrintable(published));
    QVERIFY2(f.recorder->waitForUnique(count, count * 20 + 20000),
             qPrintable(QStringLiteral("cloud got %1 of %2; %3").arg(f.recorder->uniqueCount()).arg(count).arg(f.state())));
    QVERIFY2(f.recorder->orderProblem().isEmpty(), qPrintable(f.recorder->orderProblem()));
    QVERIFY2(f.recorder->maxPerSecond() <= 100,
             qPrintable(QStringLiteral("cloud saw %1 publishes in one second").arg(f.recorder->maxPerSecond())));
    QVERIFY2(f.waitFor([count](const UplinkStatus &s) { return s.delivered == quint64(count) && s.queued == 0; }, 10000),
             qPrintable(f.state()));
    const UplinkStatus s = f.uplink->status();
    QVERIFY2(s.maxInFlightSeen >= 1 && s.maxInFlightSeen <= 100, qPrintable(f.state()));
    QVERIFY2(countersBalance(s), qPrintable(f.state()));
    QCOMPARE(s.dropped, 0u);
    QVERIFY2(!s.isAlarmActive(), qPrintable(f.state()));
    QVERIFY2(s.drainRatePerSecond > 0, qPrintable(f.state()));
}

void TestStoreAndForwardUplink::outage_data()
{
    QTest::addColumn<bool>("silent");
    QTest::newRow("clean disconnect") << false;
    QTest::newRow("silent cut (SIGSTOP)") << true;
}

void TestStoreAndForwardUplink::outage()
{
    QFETCH(bool, silent);
    UplinkFixture f;
    const QString started = f.startBrokers();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const UplinkConfiguration configuration = f.configuration();
    f.uplink->configure(configuration);
    f.uplink->start();
    QVERIFY2(f.waitUntilSubscribed(), qPrintable(f.state()));

    QElapsedTimer outage;
    outage.start();
    qint64 pid = 0;
    if (silent) {
        pid = f.cloud.supervisor()->processId();
        if (!ProcessPause::pause(pid)) {
            QSKIP("This platform cannot freeze a process (SIGSTOP).");
        }
    } else {
        f.cloud.stop();
    }
    const int count = messageCount();
    const QString published = publishRange(f.local.port(), 0, count - 1);
    if (!published.isEmpty()) {
        ProcessPause::resume(pid);
        QFAIL(qPrintable(published));
    }
    const bool down = f.waitFor([](const UplinkStatus &s) { return s.cloudState != MqttSession::State::Connected; },
                                20000);
    const qint64 detectedAfter = outage.elapsed();
    if (silent && (!down || detectedAfter > configuration.cloud.keepAliveSeconds * 1500)) {
        ProcessPause::resume(pid);
        QFAIL(qPrintable(QStringLiteral("silent link shown down after %1 ms (limit %2 ms); %3")
                             .arg(detectedAfter)
                             .arg(configuration.cloud.keepAliveSeconds * 1500)
                             .arg(f.state())));
    }
    QVERIFY2(down, qPrintable(f.state()));
    const bool allQueued =
        f.waitFor([count](const UplinkStatus &s) { return s.published >= quint64(count); }, 30000);
    QTest::qWait(static_cast<int>(std::max<qint64>(0, outageMs() - outage.elapsed())));
    const UplinkStatus during = f.uplink->status();

    QElapsedTimer sinceBack;
    if (silent) {
        // The frozen broker still holds, in its socket buffer, what the uplink
        // wrote on the connection it has since given up; it forwards that at
        // once when it resumes. AWS counts its limit per connection, and that
        // connection is gone, so the first second is left out of the rate.
        f.recorder->ignoreRateUntil(QDateTime::currentMSecsSinceEpoch() + 1000);
        ProcessPause::resume(pid);
        sinceBack.start();
    } else {
        QString error;
        QVERIFY2(f.cloud.start(&error), qPrintable(error));
        sinceBack.start();
    }
    QVERIFY2(allQueued, qPrintable(f.state()));
    QVERIFY2(during.queued > 0 && during.oldestQueuedAgeMs > 0, qPrintable(describe(during)));
    QVERIFY2(countersBalance(during), qPrintable(describe(during)));

    const quint64 deliveredBefore = during.delivered;
    QVERIFY2(f.waitFor([deliveredBefore](const UplinkStatus &s) { return s.delivered > deliveredBefore; }, 20000),
             qPrintable(f.state()));
    const qint64 drainStartedAfter = sinceBack.elapsed();
    QVERIFY2(drainStartedAfter <= 5000,
             qPrintable(QStringLiteral("draining started %1 ms after the cloud returned").arg(drainStartedAfter)));

    QVERIFY2(f.recorder->waitForUnique(count, count * 20 + 30000),
             qPrintable(QStringLiteral("cloud got %1 of %2; %3").arg(f.recorder->uniqueCount()).arg(count).arg(f.state())));
    QString missing;
    QVERIFY2(f.recorder->hasAll(0, count - 1, &missing), qPrintable(missing));
    QVERIFY2(f.recorder->orderProblem().isEmpty(), qPrintable(f.recorder->orderProblem()));
    QVERIFY2(f.recorder->maxPerSecond() <= 100,
             qPrintable(QStringLiteral("cloud saw %1 publishes in one second").arg(f.recorder->maxPerSecond())));
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return s.queued == 0; }, 10000), qPrintable(f.state()));
    const UplinkStatus s = f.uplink->status();
    QVERIFY2(s.maxInFlightSeen <= 100, qPrintable(f.state()));
    QVERIFY2(countersBalance(s), qPrintable(f.state()));
    QCOMPARE(s.dropped, 0u);
    // Every duplicate the cloud saw was a publish the uplink sent again.
    QVERIFY2(quint64(f.recorder->duplicates()) <= s.resent,
             qPrintable(QStringLiteral("%1 duplicates; %2").arg(f.recorder->duplicates()).arg(f.state())));
    qInfo("outage: %d messages, %d duplicates at the cloud, %llu resent, detected after %lld ms, drain after %lld ms",
          count, f.recorder->duplicates(), static_cast<unsigned long long>(s.resent), detectedAfter,
          drainStartedAfter);
}

void TestStoreAndForwardUplink::overflow_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("expectedAlarm");

    QTest::newRow("by count") << int(UplinkStatus::Alarm::MessageLimit) << int(UplinkStatus::Alarm::MessageLimit);
    QTest::newRow("by bytes") << int(UplinkStatus::Alarm::ByteLimit) << int(UplinkStatus::Alarm::ByteLimit);
    QTest::newRow("free-disk floor") << int(UplinkStatus::Alarm::DiskFloor) << int(UplinkStatus::Alarm::DiskFloor);
}

void TestStoreAndForwardUplink::overflow()
{
    QFETCH(int, limit);
    QFETCH(int, expectedAlarm);
    UplinkFixture f;
    const QString started = f.startBrokers();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    f.cloud.stop();

    UplinkConfiguration configuration = f.configuration();
    const auto which = UplinkStatus::Alarm(limit);
    if (which == UplinkStatus::Alarm::MessageLimit) {
        configuration.limits.maxMessages = 100;
    } else if (which == UplinkStatus::Alarm::ByteLimit) {
        configuration.limits.maxBytes = 100 * 24;  // topic 21 bytes + up to 3 digits
    } else {
        configuration.limits.minFreeDiskBytes = std::numeric_limits<qint64>::max();
    }
    QSignalSpy alarms(f.uplink.get(), &StoreAndForwardUplink::alarmChanged);
    f.uplink->configure(configuration);
    f.uplink->start();
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return s.localState == MqttSession::State::Connected; }, 20000),
             qPrintable(f.state()));

    const int count = 300;
    const QString published = publishRange(f.local.port(), 0, count - 1);
    QVERIFY2(published.isEmpty(), qPrintable(published));
    QVERIFY2(f.waitFor([count](const UplinkStatus &s) { return s.published >= quint64(count); }, 20000),
             qPrintable(f.state()));
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return s.dropped > 0; }, 5000), qPrintable(f.state()));
    UplinkStatus s = f.uplink->status();
    QCOMPARE(int(s.alarm), expectedAlarm);
    QVERIFY2(!s.alarmText.isEmpty(), qPrintable(f.state()));
    QVERIFY2(!alarms.isEmpty() && alarms.first().at(0).toBool(), "alarmChanged(true, ...) was not emitted");
    QVERIFY2(countersBalance(s), qPrintable(f.state()));
    quint64 perTopic = 0;
    for (const quint64 n : std::as_const(s.droppedByTopic)) {
        perTopic += n;
    }
    QCOMPARE(perTopic, s.dropped);
    QCOMPARE(int(s.droppedByTopic.size()), topicCount());

    if (which == UplinkStatus::Alarm::DiskFloor) {
        // Nothing can be kept while the disk is (as configured) full; free
        // it (here: lower the floor) and the uplink works again.
        QCOMPARE(s.queued, 0u);
        f.uplink->stop();
        configuration.limits.minFreeDiskBytes = 0;
        f.uplink->configure(configuration);
        f.uplink->start();
    }
    QString error;
    QVERIFY2(f.cloud.start(&error), qPrintable(error));
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return !s.isAlarmActive(); }, 20000), qPrintable(f.state()));
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return s.queued == 0; }, 30000), qPrintable(f.state()));
    s = f.uplink->status();
    QVERIFY2(countersBalance(s), qPrintable(f.state()));
    QCOMPARE(f.recorder->orderProblem(), QString());

    // The oldest were dropped: what the cloud got is the newest, complete.
    const int kept = count - int(s.dropped);
    QVERIFY2(f.recorder->waitForUnique(kept, 10000), qPrintable(f.state()));
    QString missing;
    QVERIFY2(f.recorder->hasAll(count - kept, count - 1, &missing), qPrintable(missing));

    // Recovered: new messages flow again.
    const QString more = publishRange(f.local.port(), count, count + 9);
    QVERIFY2(more.isEmpty(), qPrintable(more));
    QVERIFY2(f.recorder->hasAll(count, count + 9, nullptr)
                 || QTest::qWaitFor([&] { return f.recorder->hasAll(count, count + 9, nullptr); }, 20000),
             qPrintable(f.state()));
    QVERIFY2(!f.uplink->status().isAlarmActive(), qPrintable(f.state()));
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return s.queued == 0; }, 10000), qPrintable(f.state()));
    QVERIFY2(countersBalance(f.uplink->status()), qPrintable(f.state()));
}

void TestStoreAndForwardUplink::cloudIdentity_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("errorContains");

    // The cloud's listener requires a client certificate: without one (or
    // with an unreadable one) nothing reaches it, while the queue keeps
    // everything for later.
    QTest::newRow("no client certificate") << QString() << QString() << QString();
    QTest::newRow("unreadable key file") << QStringLiteral("client") << QStringLiteral("missing.key")
                                         << QStringLiteral("missing.key");
}

void TestStoreAndForwardUplink::cloudIdentity()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, errorContains);
    UplinkFixture f;
    const QString started = f.startBrokers();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    UplinkConfiguration configuration = f.configuration();
    configuration.cloudCertificateFile = certificate.isEmpty() ? QString() : f.pki.clientCertificateFile();
    configuration.cloudKeyFile = key.isEmpty() ? QString() : f.dir.filePath(key);
    QSignalSpy errors(f.uplink.get(), &StoreAndForwardUplink::errorOccurred);
    f.uplink->configure(configuration);
    f.uplink->start();
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return s.localState == MqttSession::State::Connected; }, 20000),
             qPrintable(f.state()));
    const QString published = publishRange(f.local.port(), 0, 9);
    QVERIFY2(published.isEmpty(), qPrintable(published));
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return s.published >= 10; }, 20000), qPrintable(f.state()));
    QVERIFY2(QTest::qWaitFor([&] { return !errors.isEmpty(); }, 20000), qPrintable(f.state()));
    // Give a wrongly accepted connection time to deliver something.
    QTest::qWait(1500);
    const UplinkStatus s = f.uplink->status();
    QVERIFY2(s.cloudState != MqttSession::State::Connected, qPrintable(f.state()));
    QCOMPARE(s.delivered, 0u);
    QCOMPARE(s.queued, 10u);
    QCOMPARE(f.recorder->uniqueCount(), 0);
    if (!errorContains.isEmpty()) {
        QVERIFY2(errors.first().at(0).toString().contains(errorContains), qPrintable(errors.first().at(0).toString()));
        QCOMPARE(s.cloudState, MqttSession::State::Failed);
    }
}

void TestStoreAndForwardUplink::downlink()
{
    UplinkFixture f;
    const QString started = f.startBrokers();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    UplinkConfiguration configuration = f.configuration();
    configuration.downlinkFilters = {QStringLiteral("$aws/things/+/shadow/update/delta")};
    f.uplink->configure(configuration);
    f.uplink->start();
    QVERIFY2(f.waitUntilSubscribed(), qPrintable(f.state()));

    MqttSession localListener;
    localListener.setSettings(settingsFor(f.local.port(), QStringLiteral("local-listener")));
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("$aws/things/#");
    subscription.qos = 1;
    localListener.subscribe(subscription);
    QSignalSpy subscribed(&localListener, &MqttSession::subscribed);
    QSignalSpy received(&localListener, &MqttSession::messagesReceived);
    localListener.connectToBroker();
    QVERIFY2(subscribed.wait(20000), qPrintable(localListener.errorString()));

    MqttSession cloudPublisher;
    cloudPublisher.setSettings(settingsFor(f.cloud.port(), QStringLiteral("cloud-shadow-service")));
    QSignalSpy cloudConnected(&cloudPublisher, &MqttSession::connected);
    cloudPublisher.connectToBroker();
    QVERIFY2(cloudConnected.wait(20000), qPrintable(cloudPublisher.errorString()));
    const QByteArray delta = R"({"version":7,"state":{"setpoint":42}})";
    MqttPublishRequest request;
    request.qos = 1;
    request.topic = QStringLiteral("$aws/things/press-1/shadow/update/rejected");  // not in the downlink filter
    request.payload = "{}";
    QVERIFY2(cloudPublisher.publish(request) > 0, qPrintable(cloudPublisher.errorString()));
    request.topic = QStringLiteral("$aws/things/press-1/shadow/update/delta");
    request.payload = delta;
    QVERIFY2(cloudPublisher.publish(request) > 0, qPrintable(cloudPublisher.errorString()));

    QVERIFY2(QTest::qWaitFor([&] { return !received.isEmpty(); }, 20000), qPrintable(f.state()));
    QTest::qWait(500);  // a wrongly forwarded second message would arrive by now
    QList<MqttMessage> messages;
    for (const QList<QVariant> &batch : std::as_const(received)) {
        messages += batch.at(0).value<QList<MqttMessage>>();
    }
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().topic, request.topic);
    QCOMPARE(messages.first().payload, delta);
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return s.downlinkForwarded == 1; }, 5000), qPrintable(f.state()));
    QCOMPARE(f.uplink->status().downlinkFailed, 0u);
    // The downlink is not sent back up (the uplink forwards plant/# only, and never its own publishes).
    QCOMPARE(f.uplink->status().published, 0u);
}

LINESCOPE_UPLINK_TEST_MAIN(TestStoreAndForwardUplink)
#include "tst_store_and_forward_uplink.moc"
