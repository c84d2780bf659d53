// MqttSession's store-and-forward hooks: the message sink (called on the
// worker thread before acknowledging) and the silent-link timeout.
#include "mqtt/mqtt_session.h"

#include "broker/broker_supervisor.h"
#include "process_pause.h"
#include "test_broker.h"
#include "uplink_test_rig.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

namespace {

struct SinkLog
{
    QMutex mutex;
    QList<int> stored;
    int calls = 0;
    int refusals = 0;
    bool ranOnCallerThread = false;
};

ConnectionSettings persistent(int port)
{
    ConnectionSettings s = UplinkTestRig::settingsFor(port, QStringLiteral("sink-test"));
    s.cleanSession = false;
    s.sessionExpirySeconds = 600;
    return s;
}

} // namespace

class TestMqttMessageSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sink_data();
    void sink();
    void silentLinkIsDetected();
};

void TestMqttMessageSink::sink_data()
{
    QTest::addColumn<int>("refuseFirstCalls");
    QTest::newRow("accepting sink") << 0;
    QTest::newRow("refused batches are delivered again") << 3;
}

void TestMqttMessageSink::sink()
{
    QFETCH(int, refuseFirstCalls);
    TestBroker broker(UplinkTestRig::brokerConfigLines());
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    auto log = std::make_shared<SinkLog>();
    QThread *const testThread = QThread::currentThread();
    MqttSession session;
    session.setSettings(persistent(broker.port()));
    session.setMessageSink([log, testThread, refuseFirstCalls](const QList<MqttMessage> &messages) {
        QMutexLocker lock(&log->mutex);
        log->ranOnCallerThread = log->ranOnCallerThread || QThread::currentThread() == testThread;
        if (log->calls++ < refuseFirstCalls) {
            ++log->refusals;
            return false;
        }
        for (const MqttMessage &m : messages) {
            log->stored.append(m.payload.toInt());
        }
        return true;
    });
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("plant/#");
    subscription.qos = 1;
    QVERIFY(session.subscribe(subscription));
    QSignalSpy subscribed(&session, &MqttSession::subscribed);
    int received = 0;
    connect(&session, &MqttSession::messagesReceived, this,
            [&received](const QList<MqttMessage> &messages) { received += messages.size(); });
    session.connectToBroker();
    QVERIFY2(subscribed.wait(20000), qPrintable(session.errorString()));

    const int count = 200;
    const QString published = UplinkTestRig::publishRange(broker.port(), 0, count - 1);
    QVERIFY2(published.isEmpty(), qPrintable(published));

    auto allStored = [&] {
        QMutexLocker lock(&log->mutex);
        QSet<int> unique(log->stored.cbegin(), log->stored.cend());
        return unique.size() == count;
    };
    QVERIFY2(QTest::qWaitFor(allStored, 30000),
             qPrintable(QStringLiteral("stored %1 of %2, refusals %3, state %4: %5")
                            .arg(log->stored.size())
                            .arg(count)
                            .arg(log->refusals)
                            .arg(int(session.state()))
                            .arg(session.errorString())));
    QMutexLocker lock(&log->mutex);
    QVERIFY2(!log->ranOnCallerThread, "the sink must run on the session's worker thread");
    QCOMPARE(log->refusals, refuseFirstCalls);
    // Nothing refused was acknowledged: the broker sent it again, so every
    // message was stored, and in order of arrival per (single) publisher.
    QList<int> firstSeen;
    QSet<int> seen;
    for (const int seq : std::as_const(log->stored)) {
        if (!seen.contains(seq)) {
            seen.insert(seq);
            firstSeen.append(seq);
        }
    }
    QVERIFY2(std::is_sorted(firstSeen.cbegin(), firstSeen.cend()), "messages were stored out of order");
    QVERIFY2(QTest::qWaitFor([&] { return received >= log->stored.size(); }, 10000),
             "messagesReceived() must still carry every batch the sink saw");
}

void TestMqttMessageSink::silentLinkIsDetected()
{
    TestBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    MqttSession session;
    ConnectionSettings s = UplinkTestRig::settingsFor(broker.port(), QStringLiteral("silent-test"));
    s.keepAliveSeconds = 5;
    session.setSettings(s);
    session.setSilentLinkTimeout(7000);
    QSignalSpy connected(&session, &MqttSession::connected);
    session.connectToBroker();
    QVERIFY2(connected.wait(20000), qPrintable(session.errorString()));

    const qint64 pid = broker.supervisor()->processId();
    if (!ProcessPause::pause(pid)) {
        QSKIP("This platform cannot freeze a process (SIGSTOP).");
    }
    QElapsedTimer sinceCut;
    sinceCut.start();
    QSignalSpy errors(&session, &MqttSession::errorOccurred);
    const bool down = QTest::qWaitFor([&] { return session.state() != MqttSession::State::Connected; }, 20000);
    const qint64 detectedAfter = sinceCut.elapsed();
    ProcessPause::resume(pid);
    QVERIFY2(down, "a frozen broker was never reported");
    // 1.5 x keep-alive; libmosquitto alone takes up to 2 x keep-alive.
    QVERIFY2(detectedAfter <= 7500, qPrintable(QStringLiteral("detected after %1 ms").arg(detectedAfter)));
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().at(0).value<MqttSession::Error>(), MqttSession::Error::ConnectionLost);

    // And it comes back by itself once the broker answers again.
    QVERIFY2(QTest::qWaitFor([&] { return session.state() == MqttSession::State::Connected; }, 20000),
             qPrintable(session.errorString()));
}

LINESCOPE_UPLINK_TEST_MAIN(TestMqttMessageSink)
#include "tst_mqtt_message_sink.moc"
