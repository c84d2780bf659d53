#include "measurement/measurement_ring_buffer.h"

#include <QTest>

// MeasurementRingBuffer: growth, wrap-around, eviction counts, the two-part view.
class TestMeasurementRingBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendAndWrap_data();
    void appendAndWrap();
    void evictReceivedBefore();
    void setCapacityWhileWrapped_data();
    void setCapacityWhileWrapped();
    void clearKeepsEvictedCount();
};

namespace {

MeasurementSample sampleNumber(int n)
{
    MeasurementSample sample;
    sample.deviceTimeMs = 1000 + n;
    sample.receiveTimeMs = 2000 + n * 10;
    sample.value = n;
    sample.quality = Quality(n % MeasurementQuality::Count);
    return sample;
}

// The values held, oldest first, read through at() and through view().
QList<int> valuesByIndex(const MeasurementRingBuffer &buffer)
{
    QList<int> values;
    for (qsizetype i = 0; i < buffer.size(); ++i)
        values << int(buffer.at(i).value);
    return values;
}

QList<int> valuesByView(const MeasurementRingBuffer &buffer)
{
    QList<int> values;
    const MeasurementSeriesView view = buffer.view();
    for (const auto &part : {view.older, view.newer}) {
        for (const MeasurementSample &sample : part)
            values << int(sample.value);
    }
    return values;
}

QList<int> range(int from, int to)
{
    QList<int> values;
    for (int n = from; n <= to; ++n)
        values << n;
    return values;
}

} // namespace

void TestMeasurementRingBuffer::appendAndWrap_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("appended");

    QTest::newRow("below capacity") << 10 << 7;
    QTest::newRow("exactly full") << 10 << 10;
    QTest::newRow("wrapped once partly") << 10 << 13;
    QTest::newRow("wrapped several times") << 10 << 47;
    QTest::newRow("capacity one") << 1 << 5;
    QTest::newRow("large, grows in steps") << 1000 << 2500;
}

void TestMeasurementRingBuffer::appendAndWrap()
{
    QFETCH(int, capacity);
    QFETCH(int, appended);

    MeasurementRingBuffer buffer(capacity);
    for (int n = 0; n < appended; ++n)
        buffer.append(sampleNumber(n));
    const int held = std::min(capacity, appended);
    QCOMPARE(buffer.size(), qsizetype(held));
    QCOMPARE(buffer.evictedCount(), qint64(appended - held));
    const QList<int> expected = range(appended - held, appended - 1);
    QCOMPARE(valuesByIndex(buffer), expected);
    QCOMPARE(valuesByView(buffer), expected);
    QCOMPARE(buffer.view().size(), qsizetype(held));
    QCOMPARE(buffer.first(), sampleNumber(appended - held));
    QCOMPARE(buffer.last(), sampleNumber(appended - 1));
    for (qsizetype i = 0; i < buffer.view().size(); ++i)
        QCOMPARE(buffer.view().at(i), buffer.at(i));
}

void TestMeasurementRingBuffer::evictReceivedBefore()
{
    MeasurementRingBuffer buffer(8);
    for (int n = 0; n < 12; ++n)   // holds 4..11, receive times 2040..2110
        buffer.append(sampleNumber(n));
    QCOMPARE(buffer.evictReceivedBefore(2070), qsizetype(3));   // 4, 5, 6 go
    QCOMPARE(valuesByView(buffer), range(7, 11));
    QCOMPARE(buffer.evictedCount(), qint64(4 + 3));
    QCOMPARE(buffer.evictReceivedBefore(2070), qsizetype(0));
    // Refill after eviction while wrapped: no sample may be lost or reordered.
    for (int n = 12; n < 15; ++n)
        buffer.append(sampleNumber(n));
    QCOMPARE(valuesByView(buffer), range(7, 14));
    QCOMPARE(buffer.evictedCount(), qint64(7));
    buffer.append(sampleNumber(15));
    QCOMPARE(valuesByView(buffer), range(8, 15));
    QCOMPARE(buffer.evictReceivedBefore(std::numeric_limits<qint64>::max()), qsizetype(8));
    QVERIFY(buffer.isEmpty());
    QVERIFY(buffer.view().isEmpty());
    buffer.append(sampleNumber(16));
    QCOMPARE(valuesByView(buffer), QList<int>{16});
}

void TestMeasurementRingBuffer::setCapacityWhileWrapped_data()
{
    QTest::addColumn<int>("newCapacity");

    QTest::newRow("shrink below size") << 3;
    QTest::newRow("shrink to size") << 6;
    QTest::newRow("grow") << 20;
}

void TestMeasurementRingBuffer::setCapacityWhileWrapped()
{
    QFETCH(int, newCapacity);
    MeasurementRingBuffer buffer(6);
    for (int n = 0; n < 9; ++n)   // wrapped: holds 3..8
        buffer.append(sampleNumber(n));
    buffer.setCapacity(newCapacity);
    QCOMPARE(buffer.capacity(), qsizetype(newCapacity));
    const int held = std::min(6, newCapacity);
    QCOMPARE(valuesByView(buffer), range(9 - held, 8));
    QCOMPARE(buffer.evictedCount(), qint64(9 - held));
    for (int n = 9; n < 30; ++n)
        buffer.append(sampleNumber(n));
    QCOMPARE(valuesByView(buffer), range(30 - newCapacity, 29));
    QCOMPARE(buffer.evictedCount(), qint64(30 - newCapacity));
}

void TestMeasurementRingBuffer::clearKeepsEvictedCount()
{
    MeasurementRingBuffer buffer(2);
    for (int n = 0; n < 5; ++n)
        buffer.append(sampleNumber(n));
    buffer.clear();
    QVERIFY(buffer.isEmpty());
    QCOMPARE(buffer.evictedCount(), qint64(3));
    buffer.append(sampleNumber(7));
    QCOMPARE(valuesByIndex(buffer), QList<int>{7});
}

QTEST_GUILESS_MAIN(TestMeasurementRingBuffer)
#include "tst_measurement_ring_buffer.moc"
