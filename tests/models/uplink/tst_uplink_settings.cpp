#include "uplink/uplink_settings.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

// UplinkSettings: validation names the field, uplink.json round trip without
// secrets, malformed files are reported, and the configuration it makes.
class TestUplinkSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
    void roundTrip();
    void badFile_data();
    void badFile();
    void toConfiguration();
};

namespace {

UplinkSettings valid()
{
    UplinkSettings s;
    s.enabled = true;
    s.host = QStringLiteral("abc123-ats.iot.eu-central-1.amazonaws.com");
    s.identityId = QStringLiteral("3f2a91c0aa55bb66");
    s.topicFilters = {QStringLiteral("factory/#")};
    return s;
}

} // namespace

void TestUplinkSettings::validate_data()
{
    QTest::addColumn<UplinkSettings>("settings");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("valid") << valid() << QString();
    UplinkSettings off;
    QTest::newRow("off needs nothing") << off << QString();
    UplinkSettings s = valid();
    s.host.clear();
    QTest::newRow("no host") << s << QStringLiteral("Cloud host");
    s = valid();
    s.port = 0;
    QTest::newRow("bad port") << s << QStringLiteral("Cloud port");
    s = valid();
    s.certificateFile = QStringLiteral("c.pem");
    s.keyFile = QStringLiteral("k.pem");
    QTest::newRow("vault and files") << s << QStringLiteral("not both");
    s = valid();
    s.identityId.clear();
    s.certificateFile = QStringLiteral("c.pem");
    QTest::newRow("certificate without key") << s << QStringLiteral("key file");
    s = valid();
    s.topicFilters.clear();
    QTest::newRow("nothing forwarded") << s << QStringLiteral("Forwarded topics");
    s = valid();
    s.topicFilters = {QStringLiteral("factory/#/x")};
    QTest::newRow("bad forwarded filter") << s << QStringLiteral("factory/#/x");
    s = valid();
    s.downlinkFilters = {QStringLiteral("$aws/things/+x/shadow")};
    QTest::newRow("bad downlink filter") << s << QStringLiteral("Downlink topics");
    s = valid();
    s.limits.maxMessages = 0;
    QTest::newRow("no room") << s << QStringLiteral("Queue limit");
    s = valid();
    s.limits.maxBytes = 10;
    QTest::newRow("tiny byte limit") << s << QStringLiteral("Queue size limit");
    s = valid();
    s.keepAliveSeconds = 2;
    QTest::newRow("keep-alive too short") << s << QStringLiteral("Keep-alive");
}

void TestUplinkSettings::validate()
{
    QFETCH(UplinkSettings, settings);
    QFETCH(QString, errorContains);
    const QString problem = settings.validate();
    if (errorContains.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(errorContains), qPrintable(problem));
}

void TestUplinkSettings::roundTrip()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    UplinkSettings s = valid();
    s.identityId.clear();
    s.certificateFile = dir.filePath(QStringLiteral("c.pem"));
    s.keyFile = dir.filePath(QStringLiteral("k.pem"));
    s.caFile = dir.filePath(QStringLiteral("ca.pem"));
    s.alpnProtocols = {QStringLiteral("x-amzn-mqtt-ca")};
    s.downlinkFilters = {QStringLiteral("$aws/things/+/shadow/update/delta")};
    s.limits.maxMessages = 12345;
    s.limits.maxBytes = qint64(6) * 1024 * 1024 * 1024;  // above 32 bits
    s.limits.minFreeDiskBytes = 7;
    const QString file = UplinkSettings::filePath(dir.filePath(QStringLiteral("sub")));
    QString error;
    QVERIFY2(s.save(file, &error), qPrintable(error));
    UplinkSettings loaded;
    QVERIFY2(UplinkSettings::load(file, &loaded, &error), qPrintable(error));
    QVERIFY(loaded == s);

    UplinkSettings missing = valid();
    QVERIFY2(UplinkSettings::load(dir.filePath(QStringLiteral("none.json")), &missing, &error), qPrintable(error));
    QVERIFY2(missing == UplinkSettings(), "a missing file must give the defaults (uplink off)");
}

void TestUplinkSettings::badFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("not JSON") << QByteArray("{host: x") << QStringLiteral("not a JSON object");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
    QTest::newRow("port as text") << QByteArray(R"({"port":"8883"})") << QStringLiteral("\"port\" must be a whole number");
    QTest::newRow("filters not a list") << QByteArray(R"({"topicFilters":"a/#"})") << QStringLiteral("\"topicFilters\" must be a list");
    QTest::newRow("enabled as number") << QByteArray(R"({"enabled":1})") << QStringLiteral("\"enabled\" must be true or false");
}

void TestUplinkSettings::badFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, errorContains);
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString path = dir.filePath(QStringLiteral("uplink.json"));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly) && file.write(content) == content.size(), qPrintable(file.errorString()));
    file.close();
    UplinkSettings s;
    QString error;
    QVERIFY(!UplinkSettings::load(path, &s, &error));
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestUplinkSettings::toConfiguration()
{
    UplinkSettings s = valid();
    s.downlinkFilters = {QStringLiteral("$aws/things/+/shadow/update/delta")};
    const UplinkConfiguration c = s.toConfiguration(18830, QStringLiteral("/data/uplink-queue.sqlite"));
    QCOMPARE(c.local.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.local.port, 18830);
    QCOMPARE(c.cloud.host, s.host);
    QCOMPARE(c.cloud.port, 8883);
    QVERIFY(c.cloud.tls.enabled);
    QCOMPARE(c.cloud.tls.clientIdentityId, s.identityId);
    QVERIFY(c.cloud.tls.clientKeyPem.isEmpty());
    QCOMPARE(c.topicFilters, s.topicFilters);
    QCOMPARE(c.downlinkFilters, s.downlinkFilters);
    QCOMPARE(c.queueFile, QStringLiteral("/data/uplink-queue.sqlite"));
    QCOMPARE(c.maxInFlight, 100);
    QCOMPARE(c.maxPublishesPerSecond, 100);
}

QTEST_GUILESS_MAIN(TestUplinkSettings)
#include "tst_uplink_settings.moc"
