#include "mqtt/mqtt_message.h"

#include <QTest>

#include <functional>

Q_DECLARE_METATYPE(MqttPublishRequest)
Q_DECLARE_METATYPE(MqttProperties)
Q_DECLARE_METATYPE(ConnectionSettings::ProtocolVersion)

class TestMqttMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void propertiesIsEmpty_data();
    void propertiesIsEmpty();
    void validatePublishRequest_data();
    void validatePublishRequest();
};

namespace {

using V = ConnectionSettings::ProtocolVersion;

MqttPublishRequest request(const std::function<void(MqttPublishRequest &)> &change)
{
    MqttPublishRequest r;
    r.topic = QStringLiteral("factory/chicago/line-3/press-1/telemetry");
    r.payload = "{\"value\": 1}";
    change(r);
    return r;
}

MqttProperties properties(const std::function<void(MqttProperties &)> &change)
{
    MqttProperties p;
    change(p);
    return p;
}

} // namespace

void TestMqttMessage::propertiesIsEmpty_data()
{
    QTest::addColumn<MqttProperties>("properties");
    QTest::addColumn<bool>("empty");

    QTest::newRow("default") << MqttProperties() << true;
    QTest::newRow("content type") << properties([](auto &p) { p.contentType = QStringLiteral("a/b"); }) << false;
    QTest::newRow("payload format 0") << properties([](auto &p) { p.payloadFormatIndicator = 0; }) << false;
    QTest::newRow("response topic") << properties([](auto &p) { p.responseTopic = QStringLiteral("r"); }) << false;
    QTest::newRow("correlation data") << properties([](auto &p) { p.correlationData = "x"; }) << false;
    QTest::newRow("user property") << properties([](auto &p) { p.userProperties.append({QString(), QString()}); })
                                   << false;
    QTest::newRow("expiry 0") << properties([](auto &p) { p.messageExpirySeconds = 0; }) << false;
    QTest::newRow("subscription id") << properties([](auto &p) { p.subscriptionIdentifiers.append(1); }) << false;
}

void TestMqttMessage::propertiesIsEmpty()
{
    QFETCH(MqttProperties, properties);
    QFETCH(bool, empty);
    QCOMPARE(properties.isEmpty(), empty);
}

void TestMqttMessage::validatePublishRequest_data()
{
    QTest::addColumn<MqttPublishRequest>("request");
    QTest::addColumn<ConnectionSettings::ProtocolVersion>("version");
    // Empty: valid. Otherwise the field the message must start with.
    QTest::addColumn<QString>("field");

    QTest::newRow("plain 5") << request([](auto &) {}) << V::V5 << QString();
    QTest::newRow("plain 3.1.1") << request([](auto &) {}) << V::V311 << QString();
    QTest::newRow("empty payload") << request([](auto &r) { r.payload.clear(); }) << V::V5 << QString();
    QTest::newRow("binary payload") << request([](auto &r) { r.payload = QByteArray("\x00\xff\x80", 3); }) << V::V5
                                    << QString();
    QTest::newRow("empty topic") << request([](auto &r) { r.topic.clear(); }) << V::V5 << QStringLiteral("Topic");
    QTest::newRow("wildcard topic") << request([](auto &r) { r.topic = QStringLiteral("a/+/b"); }) << V::V5
                                    << QStringLiteral("Topic");
    QTest::newRow("qos 2") << request([](auto &r) { r.qos = 2; }) << V::V5 << QString();
    QTest::newRow("qos 3") << request([](auto &r) { r.qos = 3; }) << V::V5 << QStringLiteral("QoS");
    QTest::newRow("properties on 3.1.1") << request([](auto &r) { r.properties.contentType = QStringLiteral("x"); })
                                         << V::V311 << QStringLiteral("Properties");
    QTest::newRow("all properties on 5") << request([](auto &r) {
        r.properties.contentType = QStringLiteral("application/json");
        r.properties.payloadFormatIndicator = 1;
        r.properties.responseTopic = QStringLiteral("reply/here");
        r.properties.correlationData = QByteArray("\x01\x00\x02", 3);
        r.properties.userProperties = {{QStringLiteral("unit"), QStringLiteral("°C")}};
        r.properties.messageExpirySeconds = 60;
    }) << V::V5 << QString();
    QTest::newRow("subscription id") << request([](auto &r) { r.properties.subscriptionIdentifiers = {4}; }) << V::V5
                                     << QStringLiteral("Subscription identifiers");
    QTest::newRow("payload format 2") << request([](auto &r) { r.properties.payloadFormatIndicator = 2; }) << V::V5
                                      << QStringLiteral("Payload format indicator");
    QTest::newRow("utf-8 flag, binary payload") << request([](auto &r) {
        r.properties.payloadFormatIndicator = 1;
        r.payload = QByteArray("\xff\xfe", 2);
    }) << V::V5 << QStringLiteral("Payload");
    QTest::newRow("bytes flag, binary payload") << request([](auto &r) {
        r.properties.payloadFormatIndicator = 0;
        r.payload = QByteArray("\xff\xfe", 2);
    }) << V::V5 << QString();
    QTest::newRow("wildcard response topic") << request([](auto &r) { r.properties.responseTopic = QStringLiteral("#"); })
                                             << V::V5 << QStringLiteral("Response topic");
    QTest::newRow("correlation data too long") << request([](auto &r) {
        r.properties.correlationData = QByteArray(65536, 'c');
    }) << V::V5 << QStringLiteral("Correlation data");
    QTest::newRow("user property value too long") << request([](auto &r) {
        r.properties.userProperties = {{QStringLiteral("k"), QString(65536, QLatin1Char('v'))}};
    }) << V::V5 << QStringLiteral("User property");
}

void TestMqttMessage::validatePublishRequest()
{
    QFETCH(MqttPublishRequest, request);
    QFETCH(ConnectionSettings::ProtocolVersion, version);
    QFETCH(QString, field);

    const QString message = ::validatePublishRequest(request, version);
    if (field.isEmpty()) {
        QVERIFY2(message.isEmpty(), qPrintable(QStringLiteral("unexpected error: ") + message));
        return;
    }
    QVERIFY2(message.startsWith(field + QLatin1Char(':')) || message.startsWith(field + QLatin1Char(' ')),
             qPrintable(QStringLiteral("expected a message about \"%1\", got: \"%2\"").arg(field, message)));
    QVERIFY2(message.size() > field.size() + 15, qPrintable(message));
}

QTEST_GUILESS_MAIN(TestMqttMessage)
#include "tst_mqtt_message.moc"
