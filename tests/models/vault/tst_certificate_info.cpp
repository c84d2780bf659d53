#include "vault/certificate_info.h"

#include <QTest>

// CertificateInfo's expiry wording: calendar days in local time, so a
// certificate that runs out later today "expires today", not "in 0 days".
class TestCertificateInfo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expiryText_data();
    void expiryText();
    void validityTextCarriesDate();
    void notYetValid();
};

namespace {

// Local wall-clock times, so the rows mean the same in every time zone.
QDateTime local(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 6, day), QTime(hour, minute));
}

CertificateInfo expiringAt(const QDateTime &notAfter)
{
    CertificateInfo info;
    info.notBefore = local(1, 0).addYears(-1).toUTC();
    info.notAfter = notAfter.toUTC();
    return info;
}

} // namespace

void TestCertificateInfo::expiryText_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("notAfter");
    QTest::addColumn<QString>("expected");

    QTest::newRow("-1: yesterday") << local(10, 12) << local(9, 18) << QStringLiteral("expired yesterday");
    QTest::newRow("-1: less than 24 h ago") << local(10, 1) << local(9, 23) << QStringLiteral("expired yesterday");
    QTest::newRow("-3") << local(10, 12) << local(7, 12) << QStringLiteral("expired 3 days ago");
    QTest::newRow("0: later today") << local(10, 12) << local(10, 18) << QStringLiteral("expires today");
    QTest::newRow("0: already passed") << local(10, 12) << local(10, 8) << QStringLiteral("expired today");
    QTest::newRow("1: tomorrow") << local(10, 12) << local(11, 9) << QStringLiteral("expires tomorrow");
    QTest::newRow("1: tomorrow, under 24 h") << local(10, 23) << local(11, 1) << QStringLiteral("expires tomorrow");
    QTest::newRow("2") << local(10, 12) << local(12, 12) << QStringLiteral("expires in 2 days");
    QTest::newRow("2: under 48 h") << local(10, 23, 30) << local(12, 0, 30) << QStringLiteral("expires in 2 days");
    QTest::newRow("30") << local(10, 12) << local(10, 12).addDays(30) << QStringLiteral("expires in 30 days");
}

void TestCertificateInfo::expiryText()
{
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, notAfter);
    QFETCH(QString, expected);

    const CertificateInfo info = expiringAt(notAfter);
    // The vault hands in UTC times; the wording must not depend on that.
    QCOMPARE(info.expiryText(now.toUTC()), expected);
    QCOMPARE(info.expiryText(now), expected);
}

void TestCertificateInfo::validityTextCarriesDate()
{
    const CertificateInfo info = expiringAt(local(10, 18));
    const QString text = info.validityText(local(10, 12));
    const QString date = info.notAfter.date().toString(Qt::ISODate);
    QVERIFY2(text.startsWith(QLatin1String("expires today (")) && text.contains(date),
             qPrintable(QStringLiteral("\"%1\" should say \"expires today\" with the date %2").arg(text, date)));
    QVERIFY2(!text.contains(QLatin1String("0 days")), qPrintable(text));
}

void TestCertificateInfo::notYetValid()
{
    CertificateInfo info = expiringAt(local(30, 12));
    info.notBefore = local(20, 12).toUTC();
    const QString text = info.validityText(local(10, 12));
    QVERIFY2(text.startsWith(QLatin1String("not valid before ")), qPrintable(text));
    QCOMPARE(info.validity(local(10, 12)), CertificateInfo::Validity::NotYetValid);
}

QTEST_MAIN(TestCertificateInfo)
#include "tst_certificate_info.moc"
