#include "payload/base64_decoder.h"

#include "payload/payload_decoder_registry.h"

#include <QTest>

class TestBase64Decoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void identity();
    void decode_data();
    void decode();
    void innerTreeIsForwarded();
};

void TestBase64Decoder::identity()
{
    const PayloadDecoderRegistry registry;
    const Base64Decoder decoder(registry);
    QCOMPARE(decoder.id(), QStringLiteral("base64"));
    QCOMPARE(decoder.displayName(), QStringLiteral("Base64"));
}

void TestBase64Decoder::decode_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("inner");       // decoded bytes when ok
    QTest::addColumn<QString>("innerDecoder");
    QTest::addColumn<QString>("errorString");   // empty: decodes fine

    QTest::newRow("standard padded json") << QByteArray("eyJhIjoxfQ==") << QByteArray("{\"a\":1}")
                                          << QStringLiteral("json") << QString();
    QTest::newRow("standard alphabet binary") << QByteArray("+/+/AQ==") << QByteArray::fromHex("fbffbf01")
                                              << QStringLiteral("hex") << QString();
    QTest::newRow("url-safe padded") << QByteArray("-_-_AQ==") << QByteArray::fromHex("fbffbf01")
                                     << QStringLiteral("hex") << QString();
    QTest::newRow("url-safe unpadded") << QByteArray("-_-_AQ") << QByteArray::fromHex("fbffbf01")
                                       << QStringLiteral("hex") << QString();
    QTest::newRow("unpadded text") << QByteArray("aGVsbG8") << QByteArray("hello") << QStringLiteral("text") << QString();
    QTest::newRow("mime line breaks") << QByteArray("aGVs\r\nbG8=\n") << QByteArray("hello") << QStringLiteral("text") << QString();
    QTest::newRow("cbor inside") << QByteArray("omFhAWFigvX2") << QByteArray::fromHex("a2616101616282f5f6")
                                 << QStringLiteral("cbor") << QString();
    QTest::newRow("empty") << QByteArray() << QByteArray() << QStringLiteral("text") << QString();

    QTest::newRow("invalid character") << QByteArray("aGV$bG8=") << QByteArray() << QString()
                                       << QStringLiteral("Base64: invalid character '$' at byte 3");
    QTest::newRow("invalid control byte") << QByteArray("aGVs\x01") << QByteArray() << QString()
                                          << QStringLiteral("Base64: invalid character 0x01 at byte 4");
    QTest::newRow("mixed alphabets") << QByteArray("ab+/ab-_") << QByteArray() << QString()
                                     << QStringLiteral("Base64: '-' mixes the standard (+/) and URL-safe (-_) alphabets at byte 6");
    QTest::newRow("data after padding") << QByteArray("aGk=aGk=") << QByteArray() << QString()
                                        << QStringLiteral("Base64: data after '=' padding at byte 4");
    QTest::newRow("three padding characters") << QByteArray("aA===") << QByteArray() << QString()
                                              << QStringLiteral("Base64: more than two '=' padding characters at byte 4");
    QTest::newRow("impossible length") << QByteArray("aGVsb") << QByteArray() << QString()
                                       << QStringLiteral("Base64: 5 data characters cannot be complete base64 (one more than a multiple of 4) at byte 5");
    QTest::newRow("wrong padding") << QByteArray("aGVsbA=") << QByteArray() << QString()
                                   << QStringLiteral("Base64: wrong amount of '=' padding at byte 6");
    QTest::newRow("padding on a full quantum") << QByteArray("aGVs=") << QByteArray() << QString()
                                               << QStringLiteral("Base64: wrong amount of '=' padding at byte 4");
    QTest::newRow("plain text sentence") << QByteArray("status: ok") << QByteArray() << QString()
                                         << QStringLiteral("Base64: invalid character ':' at byte 6");
}

void TestBase64Decoder::decode()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, inner);
    QFETCH(QString, innerDecoder);
    QFETCH(QString, errorString);

    const PayloadDecoderRegistry registry;
    const PayloadDecoder *decoder = registry.decoder(QStringLiteral("base64"));
    QVERIFY(decoder);
    const DecodedPayload result = decoder->decode(payload);
    QCOMPARE(result.decoderId, QStringLiteral("base64"));
    QCOMPARE(result.raw, payload);
    QVERIFY2(!result.text.isEmpty(), "a decoded payload is never blank");
    if (errorString.isEmpty()) {
        QVERIFY2(result.ok, qPrintable(result.errorString));
        QCOMPARE(result.innerPayload, inner);
        QCOMPARE(result.innerDecoderId, innerDecoder);
        const DecodedPayload direct = registry.decoder(innerDecoder)->decode(inner);
        QVERIFY2(result.text.endsWith(direct.text), qPrintable(result.text));
        return;
    }
    QVERIFY2(!result.ok, qPrintable(QStringLiteral("expected an error, got: ") + result.text));
    QCOMPARE(result.errorString, errorString);
    QVERIFY(result.innerDecoderId.isEmpty());
}

void TestBase64Decoder::innerTreeIsForwarded()
{
    const PayloadDecoderRegistry registry;
    const DecodedPayload result = registry.decoder(QStringLiteral("base64"))->decode("eyJhIjoxfQ==");
    QVERIFY2(result.ok, qPrintable(result.errorString));
    QVERIFY(result.tree);
    QCOMPARE(result.tree->children.size(), size_t(1));
    QCOMPARE(result.tree->children.at(0).name, QStringLiteral("a"));
    QCOMPARE(result.tree->children.at(0).value, QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestBase64Decoder)
#include "tst_base64_decoder.moc"
