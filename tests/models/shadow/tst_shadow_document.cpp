#include "shadow/shadow_document.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qFatal("test JSON does not parse: %s (%s)", json, qPrintable(error.errorString()));
    }
    return document.object();
}

QByteArray text(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestShadowDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data();
    void merge();
    void delta_data();
    void delta();
    void metadataFor();
    void mergeMetadataKeepsUntouchedLeaves();
    void applyUpdate();
    void applyUpdateNullSectionRemovesIt();
    void deltaMetadataFollowsDesired();
    void jsonRoundTrip();
    void fromJsonComputesMissingDelta();
    void metadataTimestamp_data();
    void metadataTimestamp();
};

void TestShadowDocument::merge_data()
{
    QTest::addColumn<QJsonObject>("section");
    QTest::addColumn<QJsonObject>("update");
    QTest::addColumn<QJsonObject>("expected");

    QTest::newRow("add key") << parse(R"({"a":1})") << parse(R"({"b":2})") << parse(R"({"a":1,"b":2})");
    QTest::newRow("replace scalar") << parse(R"({"a":1})") << parse(R"({"a":"on"})") << parse(R"({"a":"on"})");
    QTest::newRow("null removes key") << parse(R"({"a":1,"b":2})") << parse(R"({"a":null})") << parse(R"({"b":2})");
    QTest::newRow("null of a missing key") << parse(R"({"a":1})") << parse(R"({"z":null})") << parse(R"({"a":1})");
    QTest::newRow("nested merge") << parse(R"({"l":{"r":1,"g":2}})") << parse(R"({"l":{"g":3,"b":4}})")
                                  << parse(R"({"l":{"r":1,"g":3,"b":4}})");
    QTest::newRow("nested null removal") << parse(R"({"l":{"c":{"r":1,"g":2}}})") << parse(R"({"l":{"c":{"g":null}}})")
                                         << parse(R"({"l":{"c":{"r":1}}})");
    QTest::newRow("null removes a whole object") << parse(R"({"l":{"r":1},"m":1})") << parse(R"({"l":null})")
                                                 << parse(R"({"m":1})");
    QTest::newRow("array replaced whole") << parse(R"({"c":["RED","GREEN","BLUE"]})") << parse(R"({"c":["RED"]})")
                                          << parse(R"({"c":["RED"]})");
    QTest::newRow("array of objects replaced whole") << parse(R"({"c":[{"a":1},{"b":2}]})")
                                                     << parse(R"({"c":[{"b":3}]})") << parse(R"({"c":[{"b":3}]})");
    QTest::newRow("object replaces scalar") << parse(R"({"a":1})") << parse(R"({"a":{"x":1}})")
                                            << parse(R"({"a":{"x":1}})");
    QTest::newRow("scalar replaces object") << parse(R"({"a":{"x":1}})") << parse(R"({"a":2})") << parse(R"({"a":2})");
}

void TestShadowDocument::merge()
{
    QFETCH(QJsonObject, section);
    QFETCH(QJsonObject, update);
    QFETCH(QJsonObject, expected);
    const QJsonObject merged = ShadowDocument::merge(section, update);
    QVERIFY2(merged == expected, text(merged).constData());
}

void TestShadowDocument::delta_data()
{
    QTest::addColumn<QJsonObject>("desired");
    QTest::addColumn<QJsonObject>("reported");
    QTest::addColumn<QJsonObject>("expected");

    // The examples of the AWS "Delta state" section.
    QTest::newRow("aws example") << parse(R"({"color":"RED","state":"STOP"})")
                                 << parse(R"({"color":"GREEN","engine":"ON"})")
                                 << parse(R"({"color":"RED","state":"STOP"})");
    QTest::newRow("nested path to the root") << parse(R"({"lights":{"color":{"r":255,"g":255,"b":255}}})")
                                             << parse(R"({"lights":{"color":{"r":255,"g":0,"b":255}}})")
                                             << parse(R"({"lights":{"color":{"g":255}}})");
    QTest::newRow("in sync") << parse(R"({"a":1,"b":{"c":true}})") << parse(R"({"a":1,"b":{"c":true},"x":0})")
                             << QJsonObject();
    QTest::newRow("only in reported is not delta") << QJsonObject() << parse(R"({"engine":"ON"})") << QJsonObject();
    QTest::newRow("missing in reported is delta") << parse(R"({"mode":"maintenance"})") << QJsonObject()
                                                  << parse(R"({"mode":"maintenance"})");
    QTest::newRow("array differs: whole desired array")
        << parse(R"({"seq":["RED","GREEN","BLUE"]})") << parse(R"({"seq":["RED","GREEN"]})")
        << parse(R"({"seq":["RED","GREEN","BLUE"]})");
    QTest::newRow("array equal") << parse(R"({"seq":[1,{"a":2}]})") << parse(R"({"seq":[1,{"a":2}]})") << QJsonObject();
    QTest::newRow("array order matters") << parse(R"({"seq":[1,2]})") << parse(R"({"seq":[2,1]})")
                                         << parse(R"({"seq":[1,2]})");
    QTest::newRow("type differs") << parse(R"({"t":"70"})") << parse(R"({"t":70})") << parse(R"({"t":"70"})");
    QTest::newRow("object against scalar: whole object") << parse(R"({"l":{"r":1,"g":2}})") << parse(R"({"l":5})")
                                                         << parse(R"({"l":{"r":1,"g":2}})");
    QTest::newRow("numbers compare by value") << parse(R"({"t":70.0})") << parse(R"({"t":70})") << QJsonObject();
}

void TestShadowDocument::delta()
{
    QFETCH(QJsonObject, desired);
    QFETCH(QJsonObject, reported);
    QFETCH(QJsonObject, expected);
    const QJsonObject delta = ShadowDocument::computeDelta(desired, reported);
    QVERIFY2(delta == expected, text(delta).constData());
}

void TestShadowDocument::metadataFor()
{
    const QJsonObject metadata = ShadowDocument::metadataFor(parse(R"({"a":1,"l":{"c":[1,2]},"gone":null})"), 42);
    QCOMPARE(metadata, parse(R"({"a":{"timestamp":42},"l":{"c":{"timestamp":42}},"gone":{"timestamp":42}})"));
}

void TestShadowDocument::mergeMetadataKeepsUntouchedLeaves()
{
    const QJsonObject before = parse(R"({"a":{"timestamp":1},"l":{"r":{"timestamp":1},"g":{"timestamp":1}},"x":{"timestamp":1}})");
    const QJsonObject after = ShadowDocument::mergeMetadata(before, parse(R"({"l":{"g":5},"x":null,"n":{"m":1}})"), 9);
    QCOMPARE(after, parse(R"({"a":{"timestamp":1},"l":{"r":{"timestamp":1},"g":{"timestamp":9}},"n":{"m":{"timestamp":9}}})"));
    // An object replacing a scalar leaf does not inherit the leaf's timestamp.
    const QJsonObject replaced = ShadowDocument::mergeMetadata(parse(R"({"a":{"timestamp":1}})"),
                                                               parse(R"({"a":{"b":2}})"), 9);
    QCOMPARE(replaced, parse(R"({"a":{"b":{"timestamp":9}}})"));
}

void TestShadowDocument::applyUpdate()
{
    ShadowDocument document;
    document.applyUpdate(parse(R"({"reported":{"mode":"running","temperature":72.4}})"), 100);
    QCOMPARE(document.version, qint64(1));
    QVERIFY(document.isInSync());
    document.applyUpdate(parse(R"({"desired":{"mode":"maintenance","temperature_setpoint":70}})"), 200);
    QCOMPARE(document.version, qint64(2));
    QCOMPARE(document.delta, parse(R"({"mode":"maintenance","temperature_setpoint":70})"));
    QCOMPARE(document.deltaMetadata, parse(R"({"mode":{"timestamp":200},"temperature_setpoint":{"timestamp":200}})"));
    QCOMPARE(document.reportedMetadata, parse(R"({"mode":{"timestamp":100},"temperature":{"timestamp":100}})"));
    document.applyUpdate(parse(R"({"reported":{"mode":"maintenance","temperature_setpoint":70}})"), 300);
    QCOMPARE(document.version, qint64(3));
    QVERIFY2(document.isInSync(), text(document.delta).constData());
    QCOMPARE(ShadowDocument::metadataTimestamp(document.reportedMetadata, {QStringLiteral("temperature")}),
             std::optional<qint64>(100));
    QCOMPARE(ShadowDocument::metadataTimestamp(document.reportedMetadata, {QStringLiteral("mode")}),
             std::optional<qint64>(300));
}

void TestShadowDocument::applyUpdateNullSectionRemovesIt()
{
    ShadowDocument document;
    document.applyUpdate(parse(R"({"desired":{"a":1},"reported":{"a":0}})"), 1);
    QVERIFY(!document.isInSync());
    document.applyUpdate(parse(R"({"desired":null,"reported":{"a":1}})"), 2);
    QVERIFY(document.desired.isEmpty());
    QVERIFY(document.desiredMetadata.isEmpty());
    QVERIFY(document.isInSync());
    QCOMPARE(document.version, qint64(2));
    const QJsonObject json = document.toJson();
    QVERIFY2(!json.value(QStringLiteral("state")).toObject().contains(QStringLiteral("desired")), text(json).constData());
}

void TestShadowDocument::deltaMetadataFollowsDesired()
{
    ShadowDocument document;
    document.applyUpdate(parse(R"({"desired":{"l":{"c":{"r":1,"g":2}},"seq":[1]}})"), 10);
    document.applyUpdate(parse(R"({"reported":{"l":{"c":{"r":1,"g":0}},"seq":[1]}})"), 20);
    QCOMPARE(document.delta, parse(R"({"l":{"c":{"g":2}}})"));
    QCOMPARE(document.deltaMetadata, parse(R"({"l":{"c":{"g":{"timestamp":10}}}})"));
}

void TestShadowDocument::jsonRoundTrip()
{
    ShadowDocument document;
    document.applyUpdate(parse(R"({"desired":{"a":1},"reported":{"a":2,"b":[1,2]}})"), 5);
    document.timestamp = 77;
    document.clientToken = QStringLiteral("token-1");
    const QJsonObject json = document.toJson();
    QCOMPARE(json.value(QStringLiteral("version")).toInteger(), qint64(1));
    QCOMPARE(json.value(QStringLiteral("timestamp")).toInteger(), qint64(77));
    QCOMPARE(json.value(QStringLiteral("clientToken")).toString(), QStringLiteral("token-1"));
    QCOMPARE(json.value(QStringLiteral("state")).toObject().value(QStringLiteral("delta")).toObject(), parse(R"({"a":1})"));
    const ShadowDocument back = ShadowDocument::fromJson(json);
    QCOMPARE(back.desired, document.desired);
    QCOMPARE(back.reported, document.reported);
    QCOMPARE(back.delta, document.delta);
    QCOMPARE(back.desiredMetadata, document.desiredMetadata);
    QCOMPARE(back.reportedMetadata, document.reportedMetadata);
    QCOMPARE(back.deltaMetadata, document.deltaMetadata);
    QCOMPARE(back.version, document.version);
    QCOMPARE(back.timestamp, document.timestamp);
    QCOMPARE(back.clientToken, document.clientToken);

    const QJsonObject snapshot = document.toSnapshotJson();
    QVERIFY(!snapshot.value(QStringLiteral("state")).toObject().contains(QStringLiteral("delta")));
    QVERIFY(!snapshot.contains(QStringLiteral("timestamp")));
    QCOMPARE(snapshot.value(QStringLiteral("version")).toInteger(), qint64(1));
}

void TestShadowDocument::fromJsonComputesMissingDelta()
{
    const ShadowDocument document = ShadowDocument::fromJson(parse(
        R"({"state":{"desired":{"a":1,"b":2},"reported":{"a":1}},"metadata":{"desired":{"a":{"timestamp":3},"b":{"timestamp":4}}},"version":6})"));
    QCOMPARE(document.delta, parse(R"({"b":2})"));
    QCOMPARE(document.deltaMetadata, parse(R"({"b":{"timestamp":4}})"));
    QCOMPARE(document.version, qint64(6));
}

void TestShadowDocument::metadataTimestamp_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<qint64>("timestamp");  // -1 = absent
    QTest::newRow("top level") << QStringList{QStringLiteral("a")} << qint64(5);
    QTest::newRow("nested") << QStringList{QStringLiteral("l"), QStringLiteral("r")} << qint64(6);
    QTest::newRow("object is not a leaf") << QStringList{QStringLiteral("l")} << qint64(-1);
    QTest::newRow("missing") << QStringList{QStringLiteral("z")} << qint64(-1);
    QTest::newRow("key named timestamp") << QStringList{QStringLiteral("timestamp")} << qint64(7);
}

void TestShadowDocument::metadataTimestamp()
{
    QFETCH(QStringList, path);
    QFETCH(qint64, timestamp);
    const QJsonObject metadata = parse(R"({"a":{"timestamp":5},"l":{"r":{"timestamp":6}},"timestamp":{"timestamp":7}})");
    const std::optional<qint64> found = ShadowDocument::metadataTimestamp(metadata, path);
    QCOMPARE(found.value_or(-1), timestamp);
}

QTEST_GUILESS_MAIN(TestShadowDocument)
#include "tst_shadow_document.moc"
