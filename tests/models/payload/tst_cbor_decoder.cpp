#include "payload/cbor_decoder.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QTest>

namespace {

QByteArray hex(const char *digits)
{
    return QByteArray::fromHex(digits);
}

QByteArray repeated(const char *hexUnit, int count, const char *hexTail)
{
    QByteArray data = QByteArray::fromHex(hexUnit).repeated(count);
    data += QByteArray::fromHex(hexTail);
    return data;
}

} // namespace

class TestCborDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void identity();
    void decode_data();
    void decode();
    void seedTelemetryRoundTrip();
    void tree();
    void nesting_data();
    void nesting();
};

void TestCborDecoder::identity()
{
    const CborDecoder decoder;
    QCOMPARE(decoder.id(), QStringLiteral("cbor"));
    QCOMPARE(decoder.displayName(), QStringLiteral("CBOR"));
}

void TestCborDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("text");          // expected diagnostic notation when ok
    QTest::addColumn<QString>("errorString");   // empty: decodes fine

    QTest::newRow("unsigned") << hex("1864") << QStringLiteral("100") << QString();
    QTest::newRow("negative") << hex("3863") << QStringLiteral("-100") << QString();
    QTest::newRow("text string") << hex("6449455446") << QStringLiteral("\"IETF\"") << QString();
    QTest::newRow("byte string") << hex("4401020304") << QStringLiteral("h'01020304'") << QString();
    QTest::newRow("array") << hex("83010203") << QStringLiteral("[\n  1,\n  2,\n  3\n]") << QString();
    QTest::newRow("indefinite array") << hex("9f0102ff") << QStringLiteral("[\n  1,\n  2\n]") << QString();
    QTest::newRow("map") << hex("a2616101616282f5f6") << QStringLiteral("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null\n  ]\n}") << QString();
    QTest::newRow("half float") << hex("f93e00") << QStringLiteral("1.5") << QString();
    QTest::newRow("tagged value") << hex("d8641a514b67b0") << QStringLiteral("100(1363896240)") << QString();
    QTest::newRow("epoch date becomes a date") << hex("c11a514b67b0") << QStringLiteral("0(\"2013-03-21T20:04:00.000Z\")") << QString();

    QTest::newRow("empty") << QByteArray() << QString() << QStringLiteral("CBOR: empty payload at byte 0");
    QTest::newRow("truncated array") << hex("830102") << QString()
                                     << QStringLiteral("CBOR: data ends in the middle of an item at byte 3");
    QTest::newRow("truncated text string") << hex("6568656c") << QString()
                                           << QStringLiteral("CBOR: data ends in the middle of an item at byte 0");
    QTest::newRow("truncated integer") << hex("1a0102") << QString()
                                       << QStringLiteral("CBOR: data ends in the middle of an item at byte 0");
    QTest::newRow("truncated map value") << hex("a16161") << QString()
                                         << QStringLiteral("CBOR: data ends in the middle of an item at byte 3");
    QTest::newRow("trailing garbage") << hex("0102") << QString()
                                      << QStringLiteral("CBOR: unexpected data after the end of the item at byte 1");
    QTest::newRow("trailing after array") << hex("820102ff") << QString()
                                          << QStringLiteral("CBOR: unexpected data after the end of the item at byte 3");
    QTest::newRow("lone break") << hex("ff") << QString()
                                << QStringLiteral("CBOR: unexpected break byte (0xff) at byte 0");
    QTest::newRow("reserved additional info") << hex("1c") << QString()
                                              << QStringLiteral("CBOR: illegal length or number encoding at byte 0");
    QTest::newRow("invalid utf-8 text") << hex("62c328") << QString()
                                        << QStringLiteral("CBOR: invalid UTF-8 in a text string at byte 1");
}

void TestCborDecoder::decode()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, text);
    QFETCH(QString, errorString);

    const DecodedPayload result = CborDecoder().decode(payload);
    QCOMPARE(result.decoderId, QStringLiteral("cbor"));
    QCOMPARE(result.raw, payload);
    QVERIFY2(!result.text.isEmpty(), "a decoded payload is never blank");
    QCOMPARE(CborDecoder::isCompleteCbor(payload), errorString.isEmpty());
    if (errorString.isEmpty()) {
        QVERIFY2(result.ok, qPrintable(result.errorString));
        QCOMPARE(result.text, text);
        QVERIFY(result.tree);
        return;
    }
    QVERIFY2(!result.ok, qPrintable(QStringLiteral("expected an error, got: ") + result.text));
    QCOMPARE(result.errorString, errorString);
    QVERIFY(result.errorPosition >= 0 && result.errorPosition <= payload.size());
    QVERIFY(!result.tree);
}

void TestCborDecoder::seedTelemetryRoundTrip()
{
    QCborMap measurement;
    measurement.insert(QStringLiteral("name"), QStringLiteral("temperature"));
    measurement.insert(QStringLiteral("value"), 71.5);
    QCborMap message;
    message.insert(QStringLiteral("deviceId"), QStringLiteral("press-1"));
    message.insert(QStringLiteral("measurements"), QCborArray{measurement});
    const QByteArray payload = QCborValue(message).toCbor();

    const DecodedPayload result = CborDecoder().decode(payload);
    QVERIFY2(result.ok, qPrintable(result.errorString));
    QVERIFY2(result.text.contains(QStringLiteral("\"deviceId\": \"press-1\"")), qPrintable(result.text));
    QVERIFY2(result.text.contains(QStringLiteral("\"value\": 71.5")), qPrintable(result.text));
}

void TestCborDecoder::tree()
{
    // {"a": h'0102', 1: [100(0), undefined]}
    const DecodedPayload result = CborDecoder().decode(hex("a2616142010201 82d86400f7"));
    QVERIFY2(result.ok, qPrintable(result.errorString));
    QVERIFY(result.tree);
    const PayloadTreeNode &root = *result.tree;
    using Kind = PayloadTreeNode::Kind;
    QCOMPARE(root.kind, Kind::Object);
    QCOMPARE(root.children.size(), size_t(2));

    const PayloadTreeNode &bytes = root.children.at(0);
    QCOMPARE(bytes.name, QStringLiteral("a"));
    QCOMPARE(bytes.kind, Kind::Bytes);
    QCOMPARE(bytes.value, QStringLiteral("01 02"));

    const PayloadTreeNode &array = root.children.at(1);
    QCOMPARE(array.name, QStringLiteral("1"));
    QCOMPARE(array.kind, Kind::Array);
    QCOMPARE(array.children.size(), size_t(2));
    QCOMPARE(array.children.at(0).kind, Kind::Tag);
    QCOMPARE(array.children.at(0).value, QStringLiteral("tag 100"));
    QCOMPARE(array.children.at(0).children.size(), size_t(1));
    QCOMPARE(array.children.at(0).children.at(0).value, QStringLiteral("0"));
    QCOMPARE(array.children.at(1).kind, Kind::Undefined);
}

void TestCborDecoder::nesting_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<qint64>("errorPosition");   // -1: decodes fine

    const int limit = PayloadDecoder::MaximumNestingDepth;
    QTest::newRow("arrays at the limit") << repeated("81", limit, "00") << qint64(-1);
    QTest::newRow("arrays one past the limit") << repeated("81", limit + 1, "00") << qint64(limit);
    QTest::newRow("100k nested arrays") << repeated("81", 100'000, "00") << qint64(limit);
    QTest::newRow("100k indefinite arrays, no breaks") << repeated("9f", 100'000, "") << qint64(limit);
    QTest::newRow("100k nested maps") << repeated("a101", 100'000, "00") << qint64(2 * limit);
    QTest::newRow("100k nested tags") << repeated("c6", 100'000, "01") << qint64(limit);
    QTest::newRow("tags and arrays at the limit") << repeated("c681", limit / 2, "00") << qint64(-1);
    QTest::newRow("tags and arrays one past") << repeated("c681", limit / 2, "c600") << qint64(limit);
    QTest::newRow("closed siblings do not add up")
        << (hex("82") + repeated("81", 400, "00") + repeated("81", 400, "00")) << qint64(-1);
}

void TestCborDecoder::nesting()
{
    QFETCH(QByteArray, payload);
    QFETCH(qint64, errorPosition);

    const DecodedPayload result = CborDecoder().decode(payload);
    if (errorPosition < 0) {
        QVERIFY2(result.ok, qPrintable(result.errorString));
        QVERIFY(result.tree);
        return;
    }
    QVERIFY(!result.ok);
    QCOMPARE(result.errorString, QStringLiteral("CBOR: nesting deeper than 512 levels at byte %1").arg(errorPosition));
}

QTEST_GUILESS_MAIN(TestCborDecoder)
#include "tst_cbor_decoder.moc"
