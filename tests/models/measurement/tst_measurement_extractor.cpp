#include "measurement/measurement_extractor.h"

#include "measurement/measurement_csv.h"
#include "mqtt/mqtt_message.h"

#include <QDateTime>
#include <QJsonValue>
#include <QTest>

// MeasurementExtractor: the seed's batched schema, plain numbers, JSON pointer
// rules, quality and timestamp parsing, every kind of bad input, out-of-order
// detection and the clock skew estimate.
class TestMeasurementExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedExample();
    void badInput_data();
    void badInput();
    void quality_data();
    void quality();
    void timestamp_data();
    void timestamp();
    void rules_data();
    void rules();
    void invalidRuleNeverMatches();
    void plainNumber_data();
    void plainNumber();
    void outOfOrder();
    void clockSkew();
    void resetForgetsState();
};

namespace {

const QString kTelemetryTopic = QStringLiteral("factory/chicago/building-a/line-3/press-7/telemetry");
const QString kDeviceId = QStringLiteral("press-7-chicago-a-l3");
// 2026-05-04T14:23:41.000Z, the timestamp of the seed example.
const qint64 kSeedMs = QDateTime(QDate(2026, 5, 4), QTime(14, 23, 41), Qt::UTC).toMSecsSinceEpoch();
constexpr qint64 kTransitMs = 150;

// The seed's example payload, byte for byte.
const QByteArray kSeedPayload = R"({
  "timestamp": "2026-05-04T14:23:41.000Z",
  "deviceId": "press-7-chicago-a-l3",
  "measurements": [
    { "name": "temperature", "value": 72.4, "unit": "celsius", "quality": "good" },
    { "name": "pressure", "value": 45.2, "unit": "bar", "quality": "good" },
    { "name": "vibration_rms", "value": 3.1, "unit": "mm/s", "quality": "good" },
    { "name": "anomaly_score", "value": 0.23, "unit": "dimensionless", "quality": "good" }
  ]
}
)";

MqttMessage message(const QString &topic, const QByteArray &payload, qint64 receivedAtMs = kSeedMs + kTransitMs)
{
    MqttMessage result;
    result.topic = topic;
    result.payload = payload;
    result.receivedAtMs = receivedAtMs;
    return result;
}

// A batched payload with the seed's header and the given measurements array text.
QByteArray batched(const QByteArray &measurements, const QByteArray &timestamp = "\"2026-05-04T14:23:41.000Z\"")
{
    QByteArray payload = "{";
    if (!timestamp.isNull())
        payload += "\"timestamp\": " + timestamp + ", ";
    return payload + "\"deviceId\": \"press-7-chicago-a-l3\", \"measurements\": " + measurements + "}";
}

QStringList kindIds(const QList<MeasurementProblem> &problems)
{
    QStringList ids;
    for (const MeasurementProblem &problem : problems)
        ids << MeasurementProblem::kindId(problem.kind);
    return ids;
}

QStringList qualityNames(const QList<ExtractedSample> &samples)
{
    QStringList names;
    for (const ExtractedSample &sample : samples)
        names << MeasurementQuality::name(sample.sample.quality);
    return names;
}

QString describe(const ExtractionResult &result)
{
    QStringList lines;
    lines << QStringLiteral("format %1").arg(int(result.format));
    for (const ExtractedSample &sample : result.samples)
        lines << QStringLiteral("sample ") + MeasurementCsv::row(sample) + QStringLiteral(" source=") + sample.key.source;
    for (const MeasurementProblem &problem : result.problems)
        lines << QStringLiteral("problem %1: %2 (raw \"%3\")")
                     .arg(MeasurementProblem::kindId(problem.kind), problem.toString(), problem.raw);
    return lines.join(u'\n');
}

} // namespace

void TestMeasurementExtractor::seedExample()
{
    MeasurementExtractor extractor;
    const ExtractionResult result = extractor.extract(message(kTelemetryTopic, kSeedPayload));
    QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result)));
    QCOMPARE(result.format, ExtractionResult::Format::Batched);
    QCOMPARE(result.samples.size(), 4);

    const QStringList names = {"temperature", "pressure", "vibration_rms", "anomaly_score"};
    const QStringList units = {"celsius", "bar", "mm/s", "dimensionless"};
    const QList<double> values = {72.4, 45.2, 3.1, 0.23};
    for (int i = 0; i < 4; ++i) {
        const ExtractedSample &sample = result.samples.at(i);
        QCOMPARE(sample.key.source, kDeviceId);
        QCOMPARE(sample.key.measurement, names.at(i));
        QCOMPARE(sample.deviceId, kDeviceId);
        QCOMPARE(sample.topic, kTelemetryTopic);
        QCOMPARE(sample.unit, units.at(i));
        QCOMPARE(sample.sample.value, values.at(i));
        QCOMPARE(sample.sample.quality, Quality::Good);
        QCOMPARE(sample.sample.deviceTimeMs, kSeedMs);
        QCOMPARE(sample.sample.receiveTimeMs, kSeedMs + kTransitMs);
    }
    const auto skew = extractor.clockSkew(kDeviceId);
    QVERIFY2(skew.has_value(), "one message with a timestamp gives a skew estimate");
    QCOMPARE(skew->medianMs, kTransitMs);
    QCOMPARE(skew->observations, qint64(1));
}

void TestMeasurementExtractor::badInput_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<ExtractionResult::Format>("format");
    QTest::addColumn<QStringList>("problems");      // kind ids, in order
    QTest::addColumn<QStringList>("keptQualities"); // qualities of the samples kept
    QTest::addColumn<QString>("raw");               // raw text of the first problem
    QTest::addColumn<QString>("reason");            // part of the first problem's message

    const auto B = ExtractionResult::Format::Batched;
    QTest::newRow("non-numeric value")
        << kTelemetryTopic
        << batched(R"([{"name":"temperature","value":72.4,"unit":"celsius","quality":"good"},
                       {"name":"pressure","value":"n/a","unit":"bar","quality":"good"}])")
        << B << QStringList{"non-numeric-value"} << QStringList{"good"} << QStringLiteral("n/a")
        << QStringLiteral("measurement 'pressure' has non-numeric value \"n/a\"");
    QTest::newRow("boolean value")
        << kTelemetryTopic << batched(R"([{"name":"running","value":true,"quality":"good"}])") << B
        << QStringList{"non-numeric-value"} << QStringList{} << QStringLiteral("true")
        << QStringLiteral("measurement 'running' has non-numeric value true");
    QTest::newRow("null value")
        << kTelemetryTopic << batched(R"([{"name":"pressure","value":null,"quality":"bad"}])") << B
        << QStringList{"non-numeric-value"} << QStringList{} << QStringLiteral("null")
        << QStringLiteral("non-numeric value null");
    QTest::newRow("missing value")
        << kTelemetryTopic << batched(R"([{"name":"pressure","unit":"bar","quality":"good"}])") << B
        << QStringList{"missing-value"} << QStringList{} << QString() << QStringLiteral("measurement 'pressure' has no value");
    QTest::newRow("NaN text")
        << kTelemetryTopic << batched(R"([{"name":"pressure","value":"NaN","quality":"good"}])") << B
        << QStringList{"non-finite-value"} << QStringList{} << QStringLiteral("NaN") << QStringLiteral("not a finite number");
    QTest::newRow("Infinity text")
        << kTelemetryTopic << batched(R"([{"name":"pressure","value":"-Infinity","quality":"good"}])") << B
        << QStringList{"non-finite-value"} << QStringList{} << QStringLiteral("-Infinity")
        << QStringLiteral("not a finite number");
    QTest::newRow("numeric text is a number")
        << kTelemetryTopic << batched(R"([{"name":"pressure","value":" 45.2 ","quality":"good"}])") << B
        << QStringList{} << QStringList{"good"} << QString() << QString();
    QTest::newRow("missing quality")
        << kTelemetryTopic << batched(R"([{"name":"pressure","value":45.2,"unit":"bar"}])") << B
        << QStringList{"missing-quality"} << QStringList{"unknown"} << QString()
        << QStringLiteral("measurement 'pressure' has no quality");
    QTest::newRow("null quality")
        << kTelemetryTopic << batched(R"([{"name":"pressure","value":45.2,"quality":null}])") << B
        << QStringList{"missing-quality"} << QStringList{"unknown"} << QString() << QStringLiteral("no quality");
    QTest::newRow("unknown quality")
        << kTelemetryTopic << batched(R"([{"name":"pressure","value":45.2,"quality":"excellent"}])") << B
        << QStringList{"unknown-quality"} << QStringList{"unknown"} << QStringLiteral("excellent")
        << QStringLiteral("unknown quality \"excellent\"");
    QTest::newRow("missing timestamp")
        << kTelemetryTopic << batched(R"([{"name":"pressure","value":45.2,"quality":"good"}])", QByteArray()) << B
        << QStringList{"missing-timestamp"} << QStringList{"good"} << QString() << QStringLiteral("no timestamp");
    QTest::newRow("invalid timestamp")
        << kTelemetryTopic << batched(R"([{"name":"pressure","value":45.2,"quality":"good"}])", "\"yesterday\"") << B
        << QStringList{"invalid-timestamp"} << QStringList{"good"} << QStringLiteral("yesterday")
        << QStringLiteral("the timestamp \"yesterday\"");
    QTest::newRow("timestamp problem once per message")
        << kTelemetryTopic
        << batched(R"([{"name":"a","value":1,"quality":"good"},{"name":"b","value":2,"quality":"bad"}])", "\"soon\"")
        << B << QStringList{"invalid-timestamp"} << QStringList{"good", "bad"} << QStringLiteral("soon") << QString();
    QTest::newRow("measurements is an object")
        << kTelemetryTopic << batched(R"({"name":"pressure","value":45.2})") << B
        << QStringList{"measurements-not-array"} << QStringList{} << QStringLiteral(R"({"name":"pressure","value":45.2})")
        << QStringLiteral("\"measurements\" is an object, not an array");
    QTest::newRow("measurements is a string")
        << kTelemetryTopic << batched(R"("temperature=72.4")") << B << QStringList{"measurements-not-array"}
        << QStringList{} << QStringLiteral("temperature=72.4") << QStringLiteral("is a string, not an array");
    QTest::newRow("entry is not an object")
        << kTelemetryTopic << batched(R"([5, {"name":"pressure","value":45.2,"quality":"uncertain"}])") << B
        << QStringList{"entry-not-object"} << QStringList{"uncertain"} << QStringLiteral("5")
        << QStringLiteral("entry 0 of \"measurements\" is a number, not an object");
    QTest::newRow("entry without a name")
        << kTelemetryTopic << batched(R"([{"value":45.2,"quality":"good"}])") << B << QStringList{"missing-name"}
        << QStringList{} << QStringLiteral(R"({"quality":"good","value":45.2})")
        << QStringLiteral("entry 0 of \"measurements\" has no name");
    QTest::newRow("several problems in one entry")
        << kTelemetryTopic << batched(R"([{"name":"pressure","value":1,"quality":"meh"}])", "\"never\"") << B
        << QStringList{"unknown-quality", "invalid-timestamp"} << QStringList{"unknown"} << QStringLiteral("meh")
        << QString();
    QTest::newRow("malformed JSON")
        << kTelemetryTopic << QByteArray(R"({"timestamp": "2026-05-04T14:23:41.000Z", "measurements": [)")
        << ExtractionResult::Format::Invalid << QStringList{"malformed-json"} << QStringList{}
        << QStringLiteral(R"({"timestamp": "2026-05-04T14:23:41.000Z", "measurements": [)")
        << QStringLiteral("the payload is not valid JSON");
    QTest::newRow("plain NaN payload")
        << QStringLiteral("factory/chicago/building-a/line-3/press-7/temperature") << QByteArray("nan")
        << ExtractionResult::Format::PlainNumber << QStringList{"non-finite-value"} << QStringList{}
        << QStringLiteral("nan") << QStringLiteral("measurement 'temperature' has a value that is not a finite number");
}

void TestMeasurementExtractor::badInput()
{
    QFETCH(QString, topic);
    QFETCH(QByteArray, payload);
    QFETCH(ExtractionResult::Format, format);
    QFETCH(QStringList, problems);
    QFETCH(QStringList, keptQualities);
    QFETCH(QString, raw);
    QFETCH(QString, reason);

    MeasurementExtractor extractor;
    const MqttMessage input = message(topic, payload);
    const ExtractionResult result = extractor.extract(input);
    const QByteArray details = describe(result).toUtf8();
    QVERIFY2(result.format == format, details.constData());
    QVERIFY2(kindIds(result.problems) == problems, details.constData());
    QVERIFY2(qualityNames(result.samples) == keptQualities, details.constData());
    for (const MeasurementProblem &problem : result.problems) {
        QCOMPARE(problem.topic, topic);
        QVERIFY2(problem.toString().startsWith(topic + QStringLiteral(": ")), qPrintable(problem.toString()));
    }
    if (!problems.isEmpty()) {
        QCOMPARE(result.problems.constFirst().raw, raw);
        QVERIFY2(result.problems.constFirst().message.contains(reason), details.constData());
    }
    // Samples kept despite a bad timestamp get the receive time as device time.
    const bool timeProblem = problems.contains(QStringLiteral("missing-timestamp"))
        || problems.contains(QStringLiteral("invalid-timestamp"));
    for (const ExtractedSample &sample : result.samples)
        QCOMPARE(sample.sample.deviceTimeMs, timeProblem ? input.receivedAtMs : kSeedMs);
}

void TestMeasurementExtractor::quality_data()
{
    QTest::addColumn<QByteArray>("json");       // the "quality" member's JSON value; empty = absent
    QTest::addColumn<Quality>("expected");
    QTest::addColumn<QString>("problem");       // kind id or empty

    const QString unknown = QStringLiteral("unknown-quality");
    const QString missing = QStringLiteral("missing-quality");
    QTest::newRow("good") << QByteArray("\"good\"") << Quality::Good << QString();
    QTest::newRow("Good") << QByteArray("\"Good\"") << Quality::Good << QString();
    QTest::newRow("GOOD") << QByteArray("\"GOOD\"") << Quality::Good << QString();
    QTest::newRow("padded good") << QByteArray("\" good \"") << Quality::Good << QString();
    QTest::newRow("uncertain") << QByteArray("\"uncertain\"") << Quality::Uncertain << QString();
    QTest::newRow("Uncertain") << QByteArray("\"Uncertain\"") << Quality::Uncertain << QString();
    QTest::newRow("UNCERTAIN") << QByteArray("\"UNCERTAIN\"") << Quality::Uncertain << QString();
    QTest::newRow("bad") << QByteArray("\"bad\"") << Quality::Bad << QString();
    QTest::newRow("Bad") << QByteArray("\"Bad\"") << Quality::Bad << QString();
    QTest::newRow("BAD") << QByteArray("\"BAD\"") << Quality::Bad << QString();
    QTest::newRow("OPC-UA name GoodClamped") << QByteArray("\"GoodClamped\"") << Quality::Good << QString();
    QTest::newRow("OPC-UA name Uncertain_LastUsableValue")
        << QByteArray("\"Uncertain_LastUsableValue\"") << Quality::Uncertain << QString();
    QTest::newRow("OPC-UA name BadSensorFailure") << QByteArray("\"BadSensorFailure\"") << Quality::Bad << QString();
    QTest::newRow("code 0 (Good)") << QByteArray("0") << Quality::Good << QString();
    QTest::newRow("code 0x002D0000 (GoodClamped)") << QByteArray("2949120") << Quality::Good << QString();
    QTest::newRow("code 0x40000000") << QByteArray("1073741824") << Quality::Uncertain << QString();
    QTest::newRow("code 0x40920000 (UncertainSubNormal)") << QByteArray("1083310080") << Quality::Uncertain << QString();
    QTest::newRow("code 0x80000000") << QByteArray("2147483648") << Quality::Bad << QString();
    QTest::newRow("code 0x808C0000 (BadSensorFailure)") << QByteArray("2156658688") << Quality::Bad << QString();
    QTest::newRow("code as hex text") << QByteArray("\"0x80000000\"") << Quality::Bad << QString();
    QTest::newRow("code as hex text, upper case") << QByteArray("\"0X40000000\"") << Quality::Uncertain << QString();
    QTest::newRow("code as decimal text") << QByteArray("\"0\"") << Quality::Good << QString();
    QTest::newRow("reserved severity 0xC0000000") << QByteArray("3221225472") << Quality::Unknown << unknown;
    QTest::newRow("code too large") << QByteArray("4294967296") << Quality::Unknown << unknown;
    QTest::newRow("negative code") << QByteArray("-1") << Quality::Unknown << unknown;
    QTest::newRow("fractional code") << QByteArray("1.5") << Quality::Unknown << unknown;
    QTest::newRow("boolean") << QByteArray("true") << Quality::Unknown << unknown;
    QTest::newRow("object") << QByteArray("{\"code\":0}") << Quality::Unknown << unknown;
    QTest::newRow("unknown word") << QByteArray("\"excellent\"") << Quality::Unknown << unknown;
    QTest::newRow("explicit unknown") << QByteArray("\"unknown\"") << Quality::Unknown << unknown;
    QTest::newRow("empty text") << QByteArray("\"\"") << Quality::Unknown << unknown;
    QTest::newRow("null") << QByteArray("null") << Quality::Unknown << missing;
    QTest::newRow("absent") << QByteArray() << Quality::Unknown << missing;
}

void TestMeasurementExtractor::quality()
{
    QFETCH(QByteArray, json);
    QFETCH(Quality, expected);
    QFETCH(QString, problem);

    QByteArray entry = R"({"name":"temperature","value":72.4)";
    if (!json.isEmpty())
        entry += ",\"quality\":" + json;
    entry += '}';
    MeasurementExtractor extractor;
    const ExtractionResult result = extractor.extract(message(kTelemetryTopic, batched('[' + entry + ']')));
    const QByteArray details = describe(result).toUtf8();
    QVERIFY2(result.samples.size() == 1, details.constData());
    QCOMPARE(result.samples.constFirst().sample.quality, expected);
    QVERIFY2(kindIds(result.problems) == (problem.isEmpty() ? QStringList() : QStringList{problem}), details.constData());
    // The reason shows the quality as received.
    if (problem == u"unknown-quality")
        QVERIFY2(result.problems.constFirst().message.contains(QString::fromUtf8(json)), details.constData());
}

void TestMeasurementExtractor::timestamp_data()
{
    QTest::addColumn<QByteArray>("json");      // the "timestamp" member's JSON value
    QTest::addColumn<qint64>("expected");      // ms since the epoch; -1 = not usable

    const auto utc = [](int ms) {
        return QDateTime(QDate(2026, 5, 4), QTime(14, 23, 41, ms), Qt::UTC).toMSecsSinceEpoch();
    };
    QTest::newRow("ISO with ms, Z") << QByteArray("\"2026-05-04T14:23:41.000Z\"") << utc(0);
    QTest::newRow("ISO without ms, Z") << QByteArray("\"2026-05-04T14:23:41Z\"") << utc(0);
    QTest::newRow("ISO with ms") << QByteArray("\"2026-05-04T14:23:41.250Z\"") << utc(250);
    QTest::newRow("ISO with +02:00") << QByteArray("\"2026-05-04T16:23:41.250+02:00\"") << utc(250);
    QTest::newRow("ISO with -05:00") << QByteArray("\"2026-05-04T09:23:41-05:00\"") << utc(0);
    QTest::newRow("ISO without zone is UTC") << QByteArray("\"2026-05-04T14:23:41.500\"") << utc(500);
    QTest::newRow("epoch seconds") << QByteArray("1777904621") << utc(0);
    QTest::newRow("epoch seconds with fraction") << QByteArray("1777904621.25") << utc(250);
    QTest::newRow("epoch milliseconds") << QByteArray("1777904621250") << utc(250);
    QTest::newRow("epoch microseconds") << QByteArray("1777904621250000") << utc(250);
    QTest::newRow("epoch nanoseconds") << QByteArray("1777904621250000000") << utc(250);
    QTest::newRow("epoch seconds as text") << QByteArray("\"1777904621\"") << utc(0);
    QTest::newRow("epoch milliseconds as text") << QByteArray("\"1777904621250\"") << utc(250);
    QTest::newRow("smallest seconds band edge") << QByteArray("99999999999")
                                                << qint64(99999999999) * 1000;
    QTest::newRow("largest milliseconds band edge") << QByteArray("100000000000") << qint64(100000000000);
    QTest::newRow("words") << QByteArray("\"yesterday\"") << qint64(-1);
    QTest::newRow("zero") << QByteArray("0") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("first day of 1970") << QByteArray("3600") << qint64(-1);
    QTest::newRow("boolean") << QByteArray("true") << qint64(-1);
    QTest::newRow("date only") << QByteArray("\"2026-05-04\"") << qint64(-1);
    QTest::newRow("month 13") << QByteArray("\"2026-13-04T14:23:41Z\"") << qint64(-1);
    QTest::newRow("empty text") << QByteArray("\"\"") << qint64(-1);
}

void TestMeasurementExtractor::timestamp()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, expected);

    const QByteArray payload = batched(R"([{"name":"temperature","value":72.4,"quality":"good"}])", json);
    const qint64 receivedAt = kSeedMs + 3600000;
    MeasurementExtractor extractor;
    const ExtractionResult result = extractor.extract(message(kTelemetryTopic, payload, receivedAt));
    const QByteArray details = describe(result).toUtf8();
    QVERIFY2(result.samples.size() == 1, details.constData());
    if (expected < 0) {
        QVERIFY2(kindIds(result.problems) == QStringList{QStringLiteral("invalid-timestamp")}, details.constData());
        QCOMPARE(result.samples.constFirst().sample.deviceTimeMs, receivedAt);
        QVERIFY2(!extractor.clockSkew(kDeviceId).has_value(), "an unusable timestamp must not feed the skew estimate");
    } else {
        QVERIFY2(result.problems.isEmpty(), details.constData());
        QCOMPARE(result.samples.constFirst().sample.deviceTimeMs, expected);
        QCOMPARE(result.samples.constFirst().sample.receiveTimeMs, receivedAt);
    }
}

void TestMeasurementExtractor::rules_data()
{
    QTest::addColumn<QList<MeasurementRule>>("rules");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<ExtractionResult::Format>("format");
    QTest::addColumn<QStringList>("problems");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("measurement");
    QTest::addColumn<double>("value");
    QTest::addColumn<Quality>("quality");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<qint64>("deviceTime");   // -1 = the receive time

    const auto rule = [](const QString &filter) {
        MeasurementRule result;
        result.topicFilter = filter;
        return result;
    };
    const QString topic = QStringLiteral("plant/hall-1/sensors/oven-2/temperature");
    const QString parent = QStringLiteral("plant/hall-1/sensors/oven-2");
    const auto R = ExtractionResult::Format::Rule;

    MeasurementRule valueAndQuality = rule(QStringLiteral("plant/+/sensors/#"));
    valueAndQuality.qualityPointer = QStringLiteral("/quality");
    QTest::newRow("value and quality pointers")
        << QList<MeasurementRule>{valueAndQuality} << topic << QByteArray(R"({"value": 4.2, "quality": "Good"})") << R
        << QStringList{} << parent << QStringLiteral("temperature") << 4.2 << Quality::Good << QString() << qint64(-1);

    MeasurementRule nested = rule(QStringLiteral("plant/#"));
    nested.valuePointer = QStringLiteral("/data/0/v");
    nested.qualityPointer = QStringLiteral("/data/0/status");
    nested.timestampPointer = QStringLiteral("/ts");
    nested.unitPointer = QStringLiteral("/data/0/unit");
    nested.unit = QStringLiteral("fallback");
    QTest::newRow("nested pointers, numeric status, epoch ms")
        << QList<MeasurementRule>{nested} << topic
        << QByteArray(R"({"ts": 1777904621000, "data": [{"v": -3, "status": 2147483648, "unit": "degC"}]})") << R
        << QStringList{} << parent << QStringLiteral("temperature") << -3.0 << Quality::Bad << QStringLiteral("degC")
        << kSeedMs;
    QTest::newRow("unit falls back to the fixed unit")
        << QList<MeasurementRule>{nested} << topic
        << QByteArray(R"({"ts": 1777904621, "data": [{"v": 1, "status": "uncertain"}]})") << R << QStringList{} << parent
        << QStringLiteral("temperature") << 1.0 << Quality::Uncertain << QStringLiteral("fallback") << kSeedMs;
    QTest::newRow("missing timestamp under a rule with a timestamp pointer")
        << QList<MeasurementRule>{nested} << topic << QByteArray(R"({"data": [{"v": 1, "status": 0}]})") << R
        << QStringList{"missing-timestamp"} << parent << QStringLiteral("temperature") << 1.0 << Quality::Good
        << QStringLiteral("fallback") << qint64(-1);

    MeasurementRule whole = rule(QStringLiteral("plant/#"));
    whole.valuePointer = QString();
    whole.unit = QStringLiteral("rpm");
    QTest::newRow("bare JSON number with the empty pointer")
        << QList<MeasurementRule>{whole} << topic << QByteArray("42") << R << QStringList{} << parent
        << QStringLiteral("temperature") << 42.0 << Quality::Unknown << QStringLiteral("rpm") << qint64(-1);
    QTest::newRow("bare JSON string with the empty pointer")
        << QList<MeasurementRule>{whole} << topic << QByteArray("\"n/a\"") << R << QStringList{"non-numeric-value"}
        << QString() << QString() << 0.0 << Quality::Unknown << QString() << qint64(-1);
    QTest::newRow("not JSON under a rule")
        << QList<MeasurementRule>{whole} << topic << QByteArray("n/a") << ExtractionResult::Format::Invalid
        << QStringList{"malformed-json"} << QString() << QString() << 0.0 << Quality::Unknown << QString() << qint64(-1);

    QTest::newRow("value pointer does not resolve")
        << QList<MeasurementRule>{valueAndQuality} << topic << QByteArray(R"({"val": 4.2, "quality": "good"})") << R
        << QStringList{"missing-value"} << QString() << QString() << 0.0 << Quality::Unknown << QString() << qint64(-1);
    QTest::newRow("quality pointer does not resolve")
        << QList<MeasurementRule>{valueAndQuality} << topic << QByteArray(R"({"value": 4.2})") << R
        << QStringList{"missing-quality"} << parent << QStringLiteral("temperature") << 4.2 << Quality::Unknown
        << QString() << qint64(-1);

    MeasurementRule named = rule(QStringLiteral("plant/+/sensors/#"));
    named.measurementName = QStringLiteral("speed");
    named.sourcePointer = QStringLiteral("/dev");
    QTest::newRow("source pointer gives the device")
        << QList<MeasurementRule>{named} << topic << QByteArray(R"({"value": 7, "dev": "oven-2-hall-1"})") << R
        << QStringList{} << QStringLiteral("oven-2-hall-1") << QStringLiteral("speed") << 7.0 << Quality::Unknown
        << QString() << qint64(-1);
    QTest::newRow("fixed name without a source uses the whole topic")
        << QList<MeasurementRule>{named} << topic << QByteArray(R"({"value": 7})") << R << QStringList{} << topic
        << QStringLiteral("speed") << 7.0 << Quality::Unknown << QString() << qint64(-1);

    MeasurementRule escaped = rule(QStringLiteral("plant/#"));
    escaped.valuePointer = QStringLiteral("/a~1b/c~0d");
    QTest::newRow("escaped pointer")
        << QList<MeasurementRule>{escaped} << topic << QByteArray(R"({"a/b": {"c~d": 0.5}})") << R << QStringList{}
        << parent << QStringLiteral("temperature") << 0.5 << Quality::Unknown << QString() << qint64(-1);

    MeasurementRule first = rule(QStringLiteral("plant/hall-1/#"));
    first.valuePointer = QStringLiteral("/first");
    MeasurementRule second = rule(QStringLiteral("plant/#"));
    second.valuePointer = QStringLiteral("/second");
    QTest::newRow("first matching rule wins")
        << QList<MeasurementRule>{first, second} << topic << QByteArray(R"({"first": 1, "second": 2})") << R
        << QStringList{} << parent << QStringLiteral("temperature") << 1.0 << Quality::Unknown << QString() << qint64(-1);
    QTest::newRow("rule takes precedence over the batched schema")
        << QList<MeasurementRule>{second} << topic << QByteArray(R"({"second": 2, "measurements": 5})") << R
        << QStringList{} << parent << QStringLiteral("temperature") << 2.0 << Quality::Unknown << QString() << qint64(-1);
    QTest::newRow("no matching rule: JSON without measurements is ignored")
        << QList<MeasurementRule>{valueAndQuality} << QStringLiteral("other/temperature")
        << QByteArray(R"({"value": 4.2})") << ExtractionResult::Format::None << QStringList{} << QString() << QString()
        << 0.0 << Quality::Unknown << QString() << qint64(-1);
}

void TestMeasurementExtractor::rules()
{
    QFETCH(QList<MeasurementRule>, rules);
    QFETCH(QString, topic);
    QFETCH(QByteArray, payload);
    QFETCH(ExtractionResult::Format, format);
    QFETCH(QStringList, problems);
    QFETCH(QString, source);
    QFETCH(QString, measurement);
    QFETCH(double, value);
    QFETCH(Quality, quality);
    QFETCH(QString, unit);
    QFETCH(qint64, deviceTime);

    for (const MeasurementRule &rule : std::as_const(rules))
        QVERIFY2(rule.validate().isEmpty(), qPrintable(rule.validate()));
    MeasurementExtractor extractor;
    extractor.setRules(rules);
    QCOMPARE(extractor.rules(), rules);
    const MqttMessage input = message(topic, payload);
    const ExtractionResult result = extractor.extract(input);
    const QByteArray details = describe(result).toUtf8();
    QVERIFY2(result.format == format, details.constData());
    QVERIFY2(kindIds(result.problems) == problems, details.constData());
    if (source.isEmpty()) {
        QVERIFY2(result.samples.isEmpty(), details.constData());
        return;
    }
    QVERIFY2(result.samples.size() == 1, details.constData());
    const ExtractedSample &sample = result.samples.constFirst();
    QCOMPARE(sample.key.source, source);
    QCOMPARE(sample.key.measurement, measurement);
    QCOMPARE(sample.sample.value, value);
    QCOMPARE(sample.sample.quality, quality);
    QCOMPARE(sample.unit, unit);
    QCOMPARE(sample.sample.deviceTimeMs, deviceTime < 0 ? input.receivedAtMs : deviceTime);
}

void TestMeasurementExtractor::invalidRuleNeverMatches()
{
    MeasurementRule rule;
    rule.topicFilter = QStringLiteral("plant/#");
    rule.valuePointer = QStringLiteral("value");   // no leading '/'
    const QString error = rule.validate();
    QVERIFY2(error.contains(QStringLiteral("value")), qPrintable(error));
    MeasurementRule badFilter;
    badFilter.topicFilter = QStringLiteral("plant/#/x");
    QVERIFY2(!badFilter.validate().isEmpty(), "a filter with '#' in the middle is invalid");

    MeasurementExtractor extractor;
    extractor.setRules({rule, badFilter});
    const ExtractionResult result = extractor.extract(message(QStringLiteral("plant/x/temperature"), "{\"value\": 1}"));
    QVERIFY2(result.format == ExtractionResult::Format::None, qPrintable(describe(result)));
}

void TestMeasurementExtractor::plainNumber_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("isMeasurement");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("measurement");
    QTest::addColumn<double>("value");

    const QString topic = QStringLiteral("factory/chicago/building-a/line-3/press-7/temperature");
    const QString asset = QStringLiteral("factory/chicago/building-a/line-3/press-7");
    QTest::newRow("decimal") << topic << QByteArray("72.4") << true << asset << QStringLiteral("temperature") << 72.4;
    QTest::newRow("white space and exponent") << topic << QByteArray(" -3.5e2\n") << true << asset
                                              << QStringLiteral("temperature") << -350.0;
    QTest::newRow("zero") << topic << QByteArray("0") << true << asset << QStringLiteral("temperature") << 0.0;
    QTest::newRow("one-level topic") << QStringLiteral("temperature") << QByteArray("1") << true
                                     << QStringLiteral("temperature") << QStringLiteral("temperature") << 1.0;
    QTest::newRow("number with unit text") << topic << QByteArray("72.4 C") << false << QString() << QString() << 0.0;
    QTest::newRow("status text") << QStringLiteral("factory/chicago/building-a/line-3/press-7/status")
                                 << QByteArray("running") << false << QString() << QString() << 0.0;
    QTest::newRow("empty payload") << topic << QByteArray() << false << QString() << QString() << 0.0;
    QTest::newRow("hex is not decimal") << topic << QByteArray("0x10") << false << QString() << QString() << 0.0;
}

void TestMeasurementExtractor::plainNumber()
{
    QFETCH(QString, topic);
    QFETCH(QByteArray, payload);
    QFETCH(bool, isMeasurement);
    QFETCH(QString, source);
    QFETCH(QString, measurement);
    QFETCH(double, value);

    MeasurementExtractor extractor;
    const MqttMessage input = message(topic, payload);
    const ExtractionResult result = extractor.extract(input);
    const QByteArray details = describe(result).toUtf8();
    // A plain number has neither quality nor timestamp: nothing to report.
    QVERIFY2(result.problems.isEmpty(), details.constData());
    if (!isMeasurement) {
        QVERIFY2(result.format == ExtractionResult::Format::None && result.samples.isEmpty(), details.constData());
        return;
    }
    QVERIFY2(result.format == ExtractionResult::Format::PlainNumber && result.samples.size() == 1, details.constData());
    const ExtractedSample &sample = result.samples.constFirst();
    QCOMPARE(sample.key.source, source);
    QCOMPARE(sample.key.measurement, measurement);
    QCOMPARE(sample.deviceId, QString());
    QCOMPARE(sample.sample.value, value);
    QCOMPARE(sample.sample.quality, Quality::Unknown);
    QCOMPARE(sample.sample.deviceTimeMs, input.receivedAtMs);
}

void TestMeasurementExtractor::outOfOrder()
{
    MeasurementExtractor extractor;
    const QByteArray entries = R"([{"name":"a","value":1,"quality":"good"},{"name":"b","value":2,"quality":"good"}])";
    const auto at = [&entries](int secondsAfterSeed) {
        return batched(entries, QByteArray::number((kSeedMs + secondsAfterSeed * 1000) / 1000));
    };
    QVERIFY(extractor.extract(message(kTelemetryTopic, at(5))).problems.isEmpty());
    const ExtractionResult older = extractor.extract(message(kTelemetryTopic, at(3)));
    QVERIFY2(kindIds(older.problems) == (QStringList{"out-of-order-timestamp", "out-of-order-timestamp"}),
             qPrintable(describe(older)));
    QCOMPARE(older.samples.size(), 2);   // kept
    QCOMPARE(older.samples.constFirst().sample.deviceTimeMs, kSeedMs + 3000);
    QVERIFY2(older.problems.constFirst().message.contains(MeasurementCsv::formatTime(kSeedMs + 5000)),
             qPrintable(older.problems.constFirst().message));
    // Same time as the newest: not out of order. The older sample did not move the mark.
    const ExtractionResult same = extractor.extract(message(kTelemetryTopic, at(5)));
    QVERIFY2(same.problems.isEmpty(), qPrintable(describe(same)));
    const ExtractionResult between = extractor.extract(message(kTelemetryTopic, at(4)));
    QCOMPARE(between.problems.size(), 2);
    // Another device has its own series.
    QByteArray otherDevice = at(1);
    otherDevice.replace("press-7-chicago-a-l3", "press-8-chicago-a-l3");
    QVERIFY(extractor.extract(message(kTelemetryTopic, otherDevice)).problems.isEmpty());
}

void TestMeasurementExtractor::clockSkew()
{
    MeasurementExtractor extractor;
    const QList<qint64> transit = {100, 120, 5000, 110, 90};
    for (const qint64 delay : transit)
        extractor.extract(message(kTelemetryTopic, kSeedPayload, kSeedMs + delay));
    // Plain numbers have no device time and must not count.
    extractor.extract(message(QStringLiteral("factory/x/temperature"), "1"));

    const auto skew = extractor.clockSkew(kDeviceId);
    QVERIFY(skew.has_value());
    QCOMPARE(skew->medianMs, qint64(110));   // the 5 s straggler does not move the median
    QCOMPARE(skew->latestMs, qint64(90));
    QCOMPARE(skew->observations, qint64(5));
    QCOMPARE(extractor.clockSkewSources(), QStringList{kDeviceId});

    // A device clock ahead of ours gives a negative skew.
    QByteArray ahead = kSeedPayload;
    ahead.replace("press-7-chicago-a-l3", "press-9");
    extractor.extract(message(kTelemetryTopic, ahead, kSeedMs - 2000));
    QCOMPARE(extractor.clockSkew(QStringLiteral("press-9"))->medianMs, qint64(-2000));
}

void TestMeasurementExtractor::resetForgetsState()
{
    MeasurementExtractor extractor;
    extractor.extract(message(kTelemetryTopic, batched(R"([{"name":"a","value":1,"quality":"good"}])", "1777904625")));
    extractor.reset();
    QVERIFY(!extractor.clockSkew(kDeviceId).has_value());
    const ExtractionResult result =
        extractor.extract(message(kTelemetryTopic, batched(R"([{"name":"a","value":1,"quality":"good"}])", "1777904621")));
    QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result)));
}

QTEST_GUILESS_MAIN(TestMeasurementExtractor)
#include "tst_measurement_extractor.moc"
