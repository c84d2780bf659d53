#include "measurement/axis_scale.h"

#include <QTest>

// AxisScale::nice: ranges on 1/2/5 steps that hold the data, and stability
// while the data moves within a tick (why charts use it).
class TestAxisScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nice_data();
    void nice();
    void staysPutWhileDataMovesInside();
};

void TestAxisScale::nice_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("niceMin");
    QTest::addColumn<double>("niceMax");
    QTest::addColumn<int>("ticks");
    QTest::newRow("0.3..9.7") << 0.3 << 9.7 << 0.0 << 10.0 << 6;
    QTest::newRow("temperature 61.4..78.2") << 61.4 << 78.2 << 60.0 << 80.0 << 5;
    QTest::newRow("pressure 4.12..4.31") << 4.12 << 4.31 << 4.1 << 4.35 << 6;
    QTest::newRow("negative -23..-2") << -23.0 << -2.0 << -30.0 << 0.0 << 4;
    QTest::newRow("across zero -0.7..1.2") << -0.7 << 1.2 << -1.0 << 1.5 << 6;
    QTest::newRow("large 1.2e6..9.9e6") << 1.2e6 << 9.9e6 << 0.0 << 1e7 << 6;
    QTest::newRow("one value 50") << 50.0 << 50.0 << 47.0 << 53.0 << 7;
    QTest::newRow("one value 0") << 0.0 << 0.0 << -1.0 << 1.0 << 5;
    QTest::newRow("inverted") << 10.0 << 5.0 << 9.0 << 11.0 << 5;
}

void TestAxisScale::nice()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, niceMin);
    QFETCH(double, niceMax);
    QFETCH(int, ticks);
    const AxisScale scale = AxisScale::nice(min, max, 5);
    QVERIFY2(qFuzzyCompare(1 + scale.min, 1 + niceMin), qPrintable(QString::number(scale.min)));
    QVERIFY2(qFuzzyCompare(1 + scale.max, 1 + niceMax), qPrintable(QString::number(scale.max)));
    QCOMPARE(scale.ticks, ticks);
    if (max > min) {
        QVERIFY(scale.min <= min);
        QVERIFY(scale.max >= max);
    }
}

void TestAxisScale::staysPutWhileDataMovesInside()
{
    const AxisScale first = AxisScale::nice(61.4, 78.2, 5);
    for (double wiggle = 0; wiggle < 1.5; wiggle += 0.1)
        QCOMPARE(AxisScale::nice(61.4 - wiggle, 78.2 + wiggle, 5), first);
    QVERIFY(!(AxisScale::nice(55.0, 78.2, 5) == first));
}

QTEST_GUILESS_MAIN(TestAxisScale)
#include "tst_axis_scale.moc"
