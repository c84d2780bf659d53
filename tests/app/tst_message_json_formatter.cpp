#include "cli/message_json_formatter.h"
#include "mqtt/mqtt_message.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The `sub --json` line format: exact objects for named message shapes.
class TestMessageJsonFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toJson_data();
    void toJson();
    void lineIsOneLine();
    void utf8Validity_data();
    void utf8Validity();
};

namespace {

// 2026-01-01T00:00:00.123Z
constexpr qint64 kNewYearMs = 1767225600123;

MqttMessage message(const QString &topic, const QByteArray &payload, quint8 qos = 0, bool retained = false)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.qos = qos;
    m.retained = retained;
    m.receivedAtMs = kNewYearMs;
    return m;
}

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("Bad JSON in the test data: %s", qPrintable(error.errorString()));
    return document.object();
}

} // namespace

void TestMessageJsonFormatter::toJson_data()
{
    QTest::addColumn<MqttMessage>("message");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("text payload, no properties")
        << message(QStringLiteral("factory/a"), "hello", 1)
        << QByteArray(R"({"topic":"factory/a","payload":"hello","qos":1,"retain":false,"time":"2026-01-01T00:00:00.123Z"})");
    QTest::newRow("retained, qos 2")
        << message(QStringLiteral("t"), "x", 2, true)
        << QByteArray(R"({"topic":"t","payload":"x","qos":2,"retain":true,"time":"2026-01-01T00:00:00.123Z"})");
    QTest::newRow("empty payload")
        << message(QStringLiteral("t"), QByteArray())
        << QByteArray(R"({"topic":"t","payload":"","qos":0,"retain":false,"time":"2026-01-01T00:00:00.123Z"})");
    QTest::newRow("multi-byte UTF-8 and control characters")
        << message(QStringLiteral("t/ü"), QByteArray("gr\xC3\xBC\xC3\x9F" "e\n\t\"q\"", 12))
        << QByteArray(R"({"topic":"t/ü","payload":"grüße\n\t\"q\"","qos":0,"retain":false,"time":"2026-01-01T00:00:00.123Z"})");
    QTest::newRow("NUL is valid UTF-8 and stays text")
        << message(QStringLiteral("t"), QByteArray("a\0b", 3))
        << QByteArray(R"({"topic":"t","payload":"a\u0000b","qos":0,"retain":false,"time":"2026-01-01T00:00:00.123Z"})");
    QTest::newRow("BOM is kept")
        << message(QStringLiteral("t"), QByteArray("\xEF\xBB\xBFx"))
        << QByteArray("{\"topic\":\"t\",\"payload\":\"\\ufeffx\",\"qos\":0,\"retain\":false,"
                      "\"time\":\"2026-01-01T00:00:00.123Z\"}");
    QTest::newRow("binary payload as base64")
        << message(QStringLiteral("t"), QByteArray("\x00\xFF\x10\x80", 4))
        << QByteArray(R"({"topic":"t","payload_base64":"AP8QgA==","qos":0,"retain":false,"time":"2026-01-01T00:00:00.123Z"})");
    QTest::newRow("overlong UTF-8 is not text")
        << message(QStringLiteral("t"), QByteArray("\xC0\xAF"))
        << QByteArray(R"({"topic":"t","payload_base64":"wK8=","qos":0,"retain":false,"time":"2026-01-01T00:00:00.123Z"})");
    QTest::newRow("truncated UTF-8 sequence is not text")
        << message(QStringLiteral("t"), QByteArray("ab\xE2\x82"))
        << QByteArray(R"({"topic":"t","payload_base64":"YWLigg==","qos":0,"retain":false,"time":"2026-01-01T00:00:00.123Z"})");

    MqttMessage withProperties = message(QStringLiteral("p"), "{}", 1);
    withProperties.properties.contentType = QStringLiteral("application/json");
    withProperties.properties.payloadFormatIndicator = 1;
    withProperties.properties.responseTopic = QStringLiteral("reply/here");
    withProperties.properties.correlationData = "req-7";
    withProperties.properties.messageExpirySeconds = 0;
    withProperties.properties.userProperties = {{QStringLiteral("k"), QStringLiteral("v")},
                                                {QStringLiteral("k"), QStringLiteral("second")},
                                                {QStringLiteral("a"), QStringLiteral("")}};
    withProperties.properties.subscriptionIdentifiers = {3, 268435455};
    QTest::newRow("all MQTT 5 properties")
        << withProperties
        << QByteArray(R"({"topic":"p","payload":"{}","qos":1,"retain":false,"time":"2026-01-01T00:00:00.123Z",
                          "properties":{"content_type":"application/json","payload_format_indicator":1,
                                        "response_topic":"reply/here","correlation_data":"req-7",
                                        "message_expiry_interval":0,
                                        "user_properties":[{"key":"k","value":"v"},{"key":"k","value":"second"},
                                                           {"key":"a","value":""}],
                                        "subscription_identifiers":[3,268435455]}})");

    MqttMessage binaryCorrelation = message(QStringLiteral("p"), "x");
    binaryCorrelation.properties.correlationData = QByteArray("\xFF\x00", 2);
    QTest::newRow("binary correlation data as base64")
        << binaryCorrelation
        << QByteArray(R"({"topic":"p","payload":"x","qos":0,"retain":false,"time":"2026-01-01T00:00:00.123Z",
                          "properties":{"correlation_data_base64":"/wA="}})");

    MqttMessage epoch = message(QStringLiteral("t"), "x");
    epoch.receivedAtMs = 0;
    QTest::newRow("time is UTC with milliseconds")
        << epoch << QByteArray(R"({"topic":"t","payload":"x","qos":0,"retain":false,"time":"1970-01-01T00:00:00.000Z"})");
}

void TestMessageJsonFormatter::toJson()
{
    QFETCH(MqttMessage, message);
    QFETCH(QByteArray, expected);

    const QJsonObject actual = MessageJsonFormatter::toJson(message);
    QVERIFY2(actual == parse(expected),
             qPrintable(QStringLiteral("got %1\nexpected %2")
                            .arg(QString::fromUtf8(QJsonDocument(actual).toJson(QJsonDocument::Compact)),
                                 QString::fromUtf8(QJsonDocument(parse(expected)).toJson(QJsonDocument::Compact)))));
}

void TestMessageJsonFormatter::lineIsOneLine()
{
    MqttMessage m = message(QStringLiteral("t"), "line 1\nline 2\r\n");
    m.properties.userProperties = {{QStringLiteral("multi\nline"), QStringLiteral("v\n")}};
    const QByteArray line = MessageJsonFormatter::toJsonLine(m);

    QVERIFY2(line.endsWith('\n'), line.constData());
    QCOMPARE(line.count('\n'), 1);
    QCOMPARE(parse(line), MessageJsonFormatter::toJson(m));
}

void TestMessageJsonFormatter::utf8Validity_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ascii") << QByteArray("abc") << true;
    QTest::newRow("four-byte emoji") << QByteArray("\xF0\x9F\x98\x80") << true;
    QTest::newRow("lone continuation byte") << QByteArray("\x80") << false;
    QTest::newRow("encoded surrogate") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("beyond U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::newRow("latin-1 byte") << QByteArray("caf\xE9") << false;
}

void TestMessageJsonFormatter::utf8Validity()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(MessageJsonFormatter::isValidUtf8(bytes), valid);
}

QTEST_GUILESS_MAIN(TestMessageJsonFormatter)
#include "tst_message_json_formatter.moc"
