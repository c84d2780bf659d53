#include "mqtt/message_handoff.h"

#include <QElapsedTimer>
#include <QList>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>

class TestMessageHandoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deliversEverythingInOrderInSlices();
    void timersRunDuringAFlood();
    void slicesShrinkToTheTimeBudget();
    void dropsTheOldestAtTheBound_data();
    void dropsTheOldestAtTheBound();
    void floodOfASmallBoundCountsEveryDrop();
};

namespace {

QList<MqttMessage> numbered(int first, int count)
{
    QList<MqttMessage> batch;
    batch.reserve(count);
    for (int i = first; i < first + count; ++i) {
        MqttMessage message;
        message.topic = QStringLiteral("t");
        message.payload = QByteArray::number(i);
        batch.append(message);
    }
    return batch;
}

} // namespace

void TestMessageHandoff::deliversEverythingInOrderInSlices()
{
    MessageHandoff handoff;
    handoff.setSliceSize(300);
    QList<QByteArray> received;
    int largestSlice = 0;
    connect(&handoff, &MessageHandoff::messagesReady, this, [&](const QList<MqttMessage> &slice) {
        largestSlice = std::max(largestSlice, int(slice.size()));
        for (const MqttMessage &message : slice)
            received.append(message.payload);
    });
    std::unique_ptr<QThread> producer(QThread::create([&] {
        for (int batch = 0; batch < 40; ++batch)
            handoff.append(numbered(batch * 250, 250));
    }));
    producer->start();
    QVERIFY(producer->wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 10000, 10000);
    QVERIFY2(largestSlice <= 300, qPrintable(QStringLiteral("slice of %1 messages").arg(largestSlice)));
    for (int i = 0; i < received.size(); ++i)
        QCOMPARE(received.at(i), QByteArray::number(i));
    QCOMPARE(handoff.pendingCount(), 0);
}

void TestMessageHandoff::timersRunDuringAFlood()
{
    // A producer that appends far faster than the slot below consumes. With
    // one queued signal per batch the 10 ms timer would not fire until the
    // flood ends; here it keeps firing.
    MessageHandoff handoff;
    handoff.setSliceSize(500);
    qint64 delivered = 0;
    connect(&handoff, &MessageHandoff::messagesReady, this, [&](const QList<MqttMessage> &slice) {
        QThread::usleep(2000);  // a slow consumer: a busy view
        delivered += slice.size();
    });
    std::atomic<bool> stop = false;
    std::unique_ptr<QThread> producer(QThread::create([&] {
        int n = 0;
        while (!stop) {
            handoff.append(numbered(n, 200));
            n += 200;
            QThread::usleep(200);
        }
    }));
    int ticks = 0;
    QTimer probe;
    probe.setInterval(10);
    connect(&probe, &QTimer::timeout, this, [&] { ++ticks; });
    probe.start();
    producer->start();
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    stop = true;
    QVERIFY(producer->wait(10000));
    QVERIFY2(delivered > 0, "nothing was delivered");
    // 100 ticks would be ideal; slices of 2 ms each leave room for most of them.
    QVERIFY2(ticks >= 40, qPrintable(QStringLiteral("the 10 ms timer fired only %1 times in 1 s while %2 messages were delivered")
                                         .arg(ticks).arg(delivered)));
}

void TestMessageHandoff::slicesShrinkToTheTimeBudget()
{
    // Receivers that cost 50 us per message: a 50 ms budget fits about 1000
    // per turn (in slices of a quarter budget), so after the first measured
    // slice none may be near the slice size limit (a slower, loaded machine
    // only makes slices smaller, down to the minimum of 50).
    MessageHandoff handoff;
    handoff.setSliceSize(4000);
    handoff.setTimeBudgetMs(50);
    QCOMPARE(handoff.timeBudgetMs(), 50);
    QList<qsizetype> slices;
    qint64 nextExpected = 0;
    bool inOrder = true;
    connect(&handoff, &MessageHandoff::messagesReady, this, [&](const QList<MqttMessage> &slice) {
        slices.append(slice.size());
        for (const MqttMessage &message : slice)
            inOrder = inOrder && message.payload == QByteArray::number(nextExpected++);
        QElapsedTimer busy;
        busy.start();
        while (busy.nsecsElapsed() < slice.size() * 50000)
            ;
    });
    handoff.append(numbered(0, 20000));
    QTRY_COMPARE_WITH_TIMEOUT(nextExpected, qint64(20000), 20000);
    QVERIFY2(inOrder, "messages were handed on out of order");
    QVERIFY2(slices.size() > 2, qPrintable(QStringLiteral("only %1 slices").arg(slices.size())));
    const qsizetype largestLater = *std::max_element(slices.cbegin() + 1, slices.cend());
    QVERIFY2(largestLater <= 1600, qPrintable(QStringLiteral("a slice of %1 messages (about 1000 fit the budget); slices: %2")
                                                 .arg(largestLater).arg(slices.size())));
    QCOMPARE(handoff.pendingCount(), 0);
}

void TestMessageHandoff::dropsTheOldestAtTheBound_data()
{
    QTest::addColumn<int>("published");
    QTest::addColumn<int>("fitting");  // messages the bound holds
    QTest::addColumn<int>("batchSize");
    QTest::newRow("under the bound") << 50 << 100 << 10;
    QTest::newRow("exactly the bound") << 100 << 100 << 25;
    QTest::newRow("one batch over") << 1000 << 100 << 1000;
    QTest::newRow("many small batches") << 1000 << 100 << 7;
    QTest::newRow("bound below one message") << 30 << 0 << 3;
}

void TestMessageHandoff::dropsTheOldestAtTheBound()
{
    QFETCH(int, published);
    QFETCH(int, fitting);
    QFETCH(int, batchSize);
    // Payloads of equal length, so every message has the same estimate.
    auto make = [](int first, int count) {
        QList<MqttMessage> batch = numbered(first, count);
        for (MqttMessage &message : batch)
            message.payload = message.payload.rightJustified(8, '0');
        return batch;
    };
    const qint64 perMessage = MessageHandoff::estimatedBytes(make(0, 1).constFirst());
    MessageHandoff handoff;
    handoff.setBacklogLimitBytes(std::max<qint64>(1, perMessage * fitting));
    QList<QByteArray> received;
    connect(&handoff, &MessageHandoff::messagesReady, this, [&](const QList<MqttMessage> &slice) {
        for (const MqttMessage &message : slice)
            received.append(message.payload);
    });
    // No event loop runs while appending: everything stays in the backlog.
    for (int first = 0; first < published; first += batchSize)
        handoff.append(make(first, std::min(batchSize, published - first)));
    const int kept = std::min(published, fitting);
    QCOMPARE(handoff.droppedCount(), quint64(published - kept));
    QCOMPARE(handoff.pendingCount(), qsizetype(kept));
    QCOMPARE(handoff.pendingBytes(), perMessage * kept);
    if (kept > 0)
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), kept, 10000);
    QTest::qWait(20);
    QCOMPARE(received.size(), kept);
    // The newest survive, in order.
    for (int i = 0; i < kept; ++i)
        QCOMPARE(received.at(i), QByteArray::number(published - kept + i).rightJustified(8, '0'));
    QCOMPARE(handoff.pendingBytes(), 0);
}

void TestMessageHandoff::floodOfASmallBoundCountsEveryDrop()
{
    // A producer far faster than a slow consumer, against a bound of a few
    // hundred messages: published = delivered + dropped, exactly.
    MessageHandoff handoff;
    const qint64 perMessage = MessageHandoff::estimatedBytes(numbered(100000, 1).constFirst());
    handoff.setBacklogLimitBytes(perMessage * 300);
    QCOMPARE(handoff.backlogLimitBytes(), perMessage * 300);
    qint64 delivered = 0;
    qint64 lastSeen = -1;
    bool increasing = true;
    connect(&handoff, &MessageHandoff::messagesReady, this, [&](const QList<MqttMessage> &slice) {
        for (const MqttMessage &message : slice) {
            const qint64 n = message.payload.toLongLong();
            increasing = increasing && n > lastSeen;
            lastSeen = n;
        }
        delivered += slice.size();
        QThread::usleep(1000);
    });
    constexpr int Published = 200000;
    std::unique_ptr<QThread> producer(QThread::create([&] {
        for (int first = 100000; first < 100000 + Published; first += 100)
            handoff.append(numbered(first, 100));
    }));
    producer->start();
    QElapsedTimer elapsed;
    elapsed.start();
    while (!producer->isFinished() && elapsed.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QVERIFY(producer->wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(handoff.pendingCount(), 0, 10000);
    const quint64 dropped = handoff.droppedCount();
    QVERIFY2(dropped > 0, qPrintable(QStringLiteral("nothing dropped; %1 delivered").arg(delivered)));
    QVERIFY2(quint64(delivered) + dropped == quint64(Published),
             qPrintable(QStringLiteral("%1 delivered + %2 dropped != %3 published").arg(delivered).arg(dropped).arg(Published)));
    QVERIFY2(increasing, "messages were handed on out of order");
    QCOMPARE(lastSeen, qint64(100000 + Published - 1));
    QCOMPARE(handoff.pendingBytes(), 0);
}

QTEST_GUILESS_MAIN(TestMessageHandoff)
#include "tst_message_handoff.moc"
