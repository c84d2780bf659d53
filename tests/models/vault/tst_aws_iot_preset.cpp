#include "vault/aws_iot_preset.h"

#include <QTest>

using Port = AwsIotPreset::Port;
using V = ConnectionSettings::ProtocolVersion;

Q_DECLARE_METATYPE(AwsIotPreset::Port)
Q_DECLARE_METATYPE(ConnectionSettings::ProtocolVersion)

class TestAwsIotPreset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validateEndpoint_data();
    void validateEndpoint();
    void apply_data();
    void apply();
    void keepsOtherSettings();
};

void TestAwsIotPreset::validateEndpoint_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("words");    // empty: valid
    QTest::addColumn<QString>("region");

    QTest::newRow("eu-central-1") << QStringLiteral("a1b2c3d4e5f6g7-ats.iot.eu-central-1.amazonaws.com") << QString()
                                  << QStringLiteral("eu-central-1");
    QTest::newRow("us-east-1, upper case") << QStringLiteral("A1B2C3-ATS.IOT.US-EAST-1.AMAZONAWS.COM") << QString()
                                           << QStringLiteral("us-east-1");
    QTest::newRow("GovCloud") << QStringLiteral("abc123-ats.iot.us-gov-west-1.amazonaws.com") << QString()
                              << QStringLiteral("us-gov-west-1");
    QTest::newRow("China") << QStringLiteral("abc123-ats.iot.cn-north-1.amazonaws.com.cn") << QString()
                           << QStringLiteral("cn-north-1");
    QTest::newRow("surrounding spaces") << QStringLiteral("  abc123-ats.iot.ap-southeast-2.amazonaws.com ")
                                        << QString() << QStringLiteral("ap-southeast-2");
    QTest::newRow("empty") << QString() << QStringLiteral("enter your account's data endpoint") << QString();
    QTest::newRow("legacy endpoint") << QStringLiteral("abc123.iot.eu-west-1.amazonaws.com")
                                     << QStringLiteral("legacy endpoint") << QString();
    QTest::newRow("with scheme") << QStringLiteral("mqtts://abc123-ats.iot.eu-west-1.amazonaws.com")
                                 << QStringLiteral("without scheme") << QString();
    QTest::newRow("with port") << QStringLiteral("abc123-ats.iot.eu-west-1.amazonaws.com:8883")
                               << QStringLiteral("without scheme, port or path") << QString();
    QTest::newRow("other AWS service") << QStringLiteral("abc123-ats.s3.eu-west-1.amazonaws.com")
                                       << QStringLiteral("not an AWS IoT data endpoint") << QString();
    QTest::newRow("missing region") << QStringLiteral("abc123-ats.iot.amazonaws.com")
                                    << QStringLiteral("not an AWS IoT data endpoint") << QString();
    QTest::newRow("other domain") << QStringLiteral("abc123-ats.iot.eu-west-1.amazonaws.com.evil.example")
                                  << QStringLiteral("not an AWS IoT data endpoint") << QString();
    QTest::newRow("local broker") << QStringLiteral("broker.factory.local")
                                  << QStringLiteral("not an AWS IoT data endpoint") << QString();
}

void TestAwsIotPreset::validateEndpoint()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, words);
    QFETCH(QString, region);
    const QString problem = AwsIotPreset::validateEndpoint(endpoint);
    if (words.isEmpty()) {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    } else {
        QVERIFY2(problem.contains(words), qPrintable(problem));
        QVERIFY2(problem.contains(QLatin1String("-ats.iot.")), "the message shows what an endpoint looks like");
    }
    QCOMPARE(AwsIotPreset::region(endpoint), region);
}

void TestAwsIotPreset::apply_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("thingName");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("identity");
    QTest::addColumn<Port>("port");
    QTest::addColumn<V>("version");
    QTest::addColumn<QString>("words");          // empty: applies
    QTest::addColumn<int>("expectedPort");
    QTest::addColumn<QString>("expectedClientId");
    QTest::addColumn<QStringList>("expectedAlpn");

    const QString endpoint = QStringLiteral("a1b2c3-ats.iot.eu-central-1.amazonaws.com");
    const QString id = QStringLiteral("0123456789abcdef");
    QTest::newRow("8883, client id = thing name")
        << endpoint << QStringLiteral("press-1") << QString() << id << Port::Mqtt8883 << V::V5 << QString() << 8883
        << QStringLiteral("press-1") << QStringList();
    QTest::newRow("443 with ALPN, MQTT 3.1.1")
        << endpoint << QStringLiteral("press-1") << QString() << id << Port::Https443 << V::V311 << QString() << 443
        << QStringLiteral("press-1") << QStringList{QStringLiteral("x-amzn-mqtt-ca")};
    QTest::newRow("own client id") << endpoint << QStringLiteral("press-1") << QStringLiteral("press-1-console") << id
                                   << Port::Mqtt8883 << V::V5 << QString() << 8883
                                   << QStringLiteral("press-1-console") << QStringList();
    QTest::newRow("invalid endpoint") << QStringLiteral("iot.example.com") << QStringLiteral("press-1") << QString()
                                      << id << Port::Mqtt8883 << V::V5 << QStringLiteral("AWS IoT endpoint") << 0
                                      << QString() << QStringList();
    QTest::newRow("invalid thing name") << endpoint << QStringLiteral("press 1/a") << QString() << id
                                        << Port::Mqtt8883 << V::V5 << QStringLiteral("Thing name") << 0 << QString()
                                        << QStringList();
    QTest::newRow("no thing name, no client id") << endpoint << QString() << QString() << id << Port::Mqtt8883
                                                 << V::V5 << QStringLiteral("Client id") << 0 << QString()
                                                 << QStringList();
    QTest::newRow("no certificate") << endpoint << QStringLiteral("press-1") << QString() << QString()
                                    << Port::Mqtt8883 << V::V5 << QStringLiteral("Client certificate") << 0
                                    << QString() << QStringList();
}

void TestAwsIotPreset::apply()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, thingName);
    QFETCH(QString, clientId);
    QFETCH(QString, identity);
    QFETCH(Port, port);
    QFETCH(V, version);
    QFETCH(QString, words);
    QFETCH(int, expectedPort);
    QFETCH(QString, expectedClientId);
    QFETCH(QStringList, expectedAlpn);

    AwsIotPreset::Options options;
    options.endpoint = endpoint;
    options.thingName = thingName;
    options.clientId = clientId;
    options.clientIdentityId = identity;
    options.port = port;
    options.protocolVersion = version;
    ConnectionSettings settings;
    settings.username = QStringLiteral("left over");
    const ConnectionSettings before = settings;
    const QString problem = AwsIotPreset::apply(options, &settings);
    if (!words.isEmpty()) {
        QVERIFY2(problem.contains(words), qPrintable(problem));
        QCOMPARE(settings.host, before.host);
        QCOMPARE(settings.username, before.username);
        QVERIFY(!settings.tls.enabled);
        return;
    }
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(settings.host, endpoint);
    QCOMPARE(settings.port, expectedPort);
    QCOMPARE(settings.clientId, expectedClientId);
    QCOMPARE(settings.protocolVersion, version);
    QVERIFY(settings.tls.enabled);
    QVERIFY(settings.tls.verifyHostname);
    QCOMPARE(settings.tls.clientIdentityId, identity);
    QCOMPARE(settings.tls.alpnProtocols, expectedAlpn);
    QVERIFY(settings.username.isEmpty());
    // The result is usable as is.
    QVERIFY2(settings.validate().isEmpty(), qPrintable(settings.validate()));
}

void TestAwsIotPreset::keepsOtherSettings()
{
    ConnectionSettings settings;
    settings.keepAliveSeconds = 300;
    settings.will.enabled = true;
    settings.will.topic = QStringLiteral("dt/press-1/status");
    settings.will.payload = "offline";
    AwsIotPreset::Options options;
    options.endpoint = QStringLiteral("a1b2c3-ats.iot.eu-central-1.amazonaws.com");
    options.thingName = QStringLiteral("press-1");
    options.clientIdentityId = QStringLiteral("0123456789abcdef");
    QVERIFY(AwsIotPreset::apply(options, &settings).isEmpty());
    QCOMPARE(settings.keepAliveSeconds, 300);
    QVERIFY(settings.will.enabled);
    QCOMPARE(settings.will.payload, QByteArray("offline"));
}

QTEST_GUILESS_MAIN(TestAwsIotPreset)
#include "tst_aws_iot_preset.moc"
