#include "uplink/uplink_engine.h"

#include <QDir>
#include <QTest>

// The free-disk decision of UplinkEngine. QStorageInfo cannot be made invalid
// on demand, so the decision and the wording are tested directly.
class TestUplinkEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkDiskFloor_data();
    void checkDiskFloor();
    void unreadableTextNamesFolderAndFloor();
};

void TestUplinkEngine::checkDiskFloor_data()
{
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("available");
    QTest::addColumn<qint64>("floor");
    QTest::addColumn<int>("expected");

    using Check = UplinkEngine::DiskFloorCheck;
    QTest::newRow("plenty free") << true << qint64(10'000'000) << qint64(1'000'000) << int(Check::Enough);
    QTest::newRow("exactly the floor") << true << qint64(1'000'000) << qint64(1'000'000) << int(Check::Enough);
    QTest::newRow("one byte below") << true << qint64(999'999) << qint64(1'000'000) << int(Check::Reached);
    QTest::newRow("storage unreadable") << false << qint64(-1) << qint64(1'000'000) << int(Check::Unreadable);
    QTest::newRow("unreadable, no floor set") << false << qint64(-1) << qint64(0) << int(Check::Enough);
    QTest::newRow("disk full, no floor set") << true << qint64(0) << qint64(0) << int(Check::Enough);
}

void TestUplinkEngine::checkDiskFloor()
{
    QFETCH(bool, valid);
    QFETCH(qint64, available);
    QFETCH(qint64, floor);
    QFETCH(int, expected);
    const auto actual = UplinkEngine::checkDiskFloor(valid, available, floor);
    QVERIFY2(int(actual) == expected,
             qPrintable(QStringLiteral("valid=%1 available=%2 floor=%3: got %4, expected %5")
                            .arg(valid).arg(available).arg(floor).arg(int(actual)).arg(expected)));
}

void TestUplinkEngine::unreadableTextNamesFolderAndFloor()
{
    const QString folder = QDir::tempPath() + QStringLiteral("/queue-folder");
    const QString text = UplinkEngine::diskFloorUnreadableText(folder, 52'428'800);
    QVERIFY2(text.contains(QDir::toNativeSeparators(folder)), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("52428800")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("cannot be read")) && text.contains(QLatin1String("not enforced")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestUplinkEngine)
#include "tst_uplink_engine.moc"
