#include "uplink/uplink_queue.h"

#include "mqtt/mqtt_message.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

QList<MqttMessage> messages(int first, int count, int payloadBytes = 11)
{
    QList<MqttMessage> list;
    for (int seq = first; seq < first + count; ++seq) {
        MqttMessage m;
        m.topic = QStringLiteral("t/%1").arg(seq % 2);  // 3 bytes of topic, 14 with the payload
        m.payload = QByteArray::number(seq).leftJustified(payloadBytes, ' ');
        m.qos = 1;
        m.receivedAtMs = 1000 + seq;
        list.append(m);
    }
    return list;
}

} // namespace

class TestUplinkQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendFetchRemoveKeepsOrderAndCounters();
    void limits_data();
    void limits();
    void survivesReopen();
    void unwritableLocationIsReported();

private:
    QString openQueue(UplinkQueue &queue, const QTemporaryDir &dir)
    {
        QString error;
        queue.open(dir.filePath(QStringLiteral("queue.db")), UplinkQueue::Durability::Full, &error);
        return error;
    }
};

void TestUplinkQueue::appendFetchRemoveKeepsOrderAndCounters()
{
    QTemporaryDir dir;
    UplinkQueue queue;
    const QString openError = openQueue(queue, dir);
    QVERIFY2(openError.isEmpty(), qPrintable(openError));

    QString error;
    UplinkQueue::AppendResult result;
    QVERIFY2(queue.append(messages(0, 30), {}, false, &result, &error), qPrintable(error));
    QCOMPARE(result.stored, 30u);
    QCOMPARE(result.dropped, 0u);

    QList<UplinkQueue::Row> rows;
    QVERIFY2(queue.fetch(0, 10, &rows, &error), qPrintable(error));
    QCOMPARE(rows.size(), 10);
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).payload.trimmed().toInt(), i);
        QCOMPARE(rows.at(i).receivedAtMs, 1000 + i);
    }
    QList<UplinkQueue::Row> next;
    QVERIFY2(queue.fetch(rows.last().id, 100, &next, &error), qPrintable(error));
    QCOMPARE(next.size(), 20);
    QCOMPARE(next.first().payload.trimmed().toInt(), 10);

    quint64 removed = 0;
    QList<qint64> ids;
    for (const UplinkQueue::Row &row : std::as_const(rows)) {
        ids.append(row.id);
    }
    ids.append(rows.first().id);  // removing twice must not count twice
    QVERIFY2(queue.removeDelivered(ids, &removed, &error), qPrintable(error));
    QCOMPARE(removed, 10u);

    UplinkQueue::Counters c;
    QVERIFY2(queue.counters(&c, &error), qPrintable(error));
    QCOMPARE(c.published, 30u);
    QCOMPARE(c.delivered, 10u);
    QCOMPARE(c.dropped, 0u);
    QCOMPARE(c.queued, 20u);
    QCOMPARE(c.queuedBytes, 20 * 14);
    QCOMPARE(c.oldestReceivedAtMs, 1010);
    QCOMPARE(c.published, c.delivered + c.dropped + c.queued);
}

void TestUplinkQueue::limits_data()
{
    QTest::addColumn<qint64>("maxMessages");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<bool>("diskFloor");
    QTest::addColumn<int>("expectedQueued");
    QTest::addColumn<int>("expectedAlarm");

    // 100 messages of 14 bytes in one queue that already holds 20.
    QTest::newRow("by count") << qint64(50) << qint64(1 << 20) << false << 50
                              << int(UplinkStatus::Alarm::MessageLimit);
    QTest::newRow("by bytes") << qint64(1000) << qint64(14 * 40) << false << 40
                              << int(UplinkStatus::Alarm::ByteLimit);
    QTest::newRow("disk floor: queue does not grow") << qint64(1000) << qint64(1 << 20) << true << 20
                                                     << int(UplinkStatus::Alarm::DiskFloor);
    QTest::newRow("within limits") << qint64(1000) << qint64(1 << 20) << false << 120
                                   << int(UplinkStatus::Alarm::None);
}

void TestUplinkQueue::limits()
{
    QFETCH(qint64, maxMessages);
    QFETCH(qint64, maxBytes);
    QFETCH(bool, diskFloor);
    QFETCH(int, expectedQueued);
    QFETCH(int, expectedAlarm);

    QTemporaryDir dir;
    UplinkQueue queue;
    const QString openError = openQueue(queue, dir);
    QVERIFY2(openError.isEmpty(), qPrintable(openError));
    QString error;
    QVERIFY2(queue.append(messages(0, 20), {}, false, nullptr, &error), qPrintable(error));

    UplinkQueueLimits limits;
    limits.maxMessages = maxMessages;
    limits.maxBytes = maxBytes;
    UplinkQueue::AppendResult result;
    QVERIFY2(queue.append(messages(20, 100), limits, diskFloor, &result, &error), qPrintable(error));
    QCOMPARE(int(result.cause), expectedAlarm);
    QCOMPARE(int(result.dropped), 120 - expectedQueued);

    UplinkQueue::Counters c;
    QVERIFY2(queue.counters(&c, &error), qPrintable(error));
    QCOMPARE(int(c.queued), expectedQueued);
    QCOMPARE(int(c.dropped), 120 - expectedQueued);
    QCOMPARE(c.published, c.delivered + c.dropped + c.queued);
    quint64 perTopic = 0;
    for (const quint64 n : std::as_const(c.droppedByTopic)) {
        perTopic += n;
    }
    QCOMPARE(perTopic, c.dropped);
    if (c.dropped > 0) {
        // The OLDEST went: both topics alternate, so each lost half.
        QCOMPARE(c.droppedByTopic.value(QStringLiteral("t/0")), c.dropped / 2);
    }

    // What is left is the newest part, still in order.
    QList<UplinkQueue::Row> rows;
    QVERIFY2(queue.fetch(0, 1000, &rows, &error), qPrintable(error));
    QCOMPARE(rows.size(), expectedQueued);
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).payload.trimmed().toInt(), 120 - expectedQueued + i);
    }
}

void TestUplinkQueue::survivesReopen()
{
    QTemporaryDir dir;
    QString error;
    {
        UplinkQueue queue;
        const QString openError = openQueue(queue, dir);
        QVERIFY2(openError.isEmpty(), qPrintable(openError));
        QVERIFY2(queue.append(messages(0, 5), {}, false, nullptr, &error), qPrintable(error));
    }
    UplinkQueue reopened;
    const QString openError = openQueue(reopened, dir);
    QVERIFY2(openError.isEmpty(), qPrintable(openError));
    UplinkQueue::Counters c;
    QVERIFY2(reopened.counters(&c, &error), qPrintable(error));
    QCOMPARE(c.published, 5u);
    QCOMPARE(c.queued, 5u);
}

void TestUplinkQueue::unwritableLocationIsReported()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY2(blocker.open(QIODevice::WriteOnly), qPrintable(blocker.errorString()));
    blocker.close();
    UplinkQueue queue;
    QString error;
    // A regular file where the folder should be.
    QVERIFY(!queue.open(dir.filePath(QStringLiteral("file/queue.db")), UplinkQueue::Durability::Full, &error));
    QVERIFY2(error.contains(QStringLiteral("queue.db")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestUplinkQueue)
#include "tst_uplink_queue.moc"
