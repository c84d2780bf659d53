#include "payload/utf8_text_decoder.h"

#include <QTest>

class TestUtf8TextDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void identity();
    void decode_data();
    void decode();
    void isPlainText_data();
    void isPlainText();
};

void TestUtf8TextDecoder::identity()
{
    const Utf8TextDecoder decoder;
    QCOMPARE(decoder.id(), QStringLiteral("text"));
    QVERIFY(!decoder.displayName().isEmpty());
}

void TestUtf8TextDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<qint64>("errorPosition");   // -1: decodes fine
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("text");

    const QString invalid = QStringLiteral("invalid UTF-8 sequence");
    const QString truncated = QStringLiteral("truncated UTF-8 sequence");
    const QString replacement(QChar(0xFFFD));

    QTest::newRow("ascii") << QByteArray("running") << qint64(-1) << QString() << QStringLiteral("running");
    QTest::newRow("two-byte and three-byte") << QByteArray("23.5 \xc2\xb0" "C \xe2\x82\xac") << qint64(-1) << QString()
                                             << QStringLiteral("23.5 \u00b0C \u20ac");
    QTest::newRow("four-byte emoji") << QByteArray("ok \xf0\x9f\x98\x80") << qint64(-1) << QString()
                                     << (QStringLiteral("ok ") + QString::fromUcs4(U"\U0001F600"));
    QTest::newRow("tab cr lf kept") << QByteArray("a\tb\r\nc") << qint64(-1) << QString() << QStringLiteral("a\tb\r\nc");
    QTest::newRow("control chars as pictures") << QByteArray("a\x01" "b\x7f" "c", 5) << qint64(-1) << QString()
                                               << QStringLiteral("a\u2401b\u2421c");
    QTest::newRow("nul as picture") << QByteArray("x\0y", 3) << qint64(-1) << QString() << QStringLiteral("x\u2400y");
    QTest::newRow("empty") << QByteArray() << qint64(-1) << QString() << Utf8TextDecoder::emptyPayloadText();

    QTest::newRow("bad continuation at 5") << QByteArray("abcde\xc3\x28") << qint64(5) << invalid
                                           << (QStringLiteral("abcde") + replacement + QStringLiteral("("));
    QTest::newRow("lone continuation at 3") << QByteArray("abc\x80xyz") << qint64(3) << invalid
                                            << (QStringLiteral("abc") + replacement + QStringLiteral("xyz"));
    QTest::newRow("overlong slash at 2") << QByteArray("ab\xc0\xaf") << qint64(2) << invalid << QString();
    QTest::newRow("overlong three-byte at 0") << QByteArray("\xe0\x80\xaf") << qint64(0) << invalid << QString();
    QTest::newRow("surrogate at 1") << QByteArray("a\xed\xa0\x80") << qint64(1) << invalid << QString();
    QTest::newRow("above U+10FFFF at 0") << QByteArray("\xf4\x90\x80\x80") << qint64(0) << invalid << QString();
    QTest::newRow("latin-1 byte at 3") << QByteArray("caf\xe9 au lait") << qint64(3) << invalid << QString();
    QTest::newRow("first of several at 1") << QByteArray("a\xff" "b\xfe") << qint64(1) << invalid << QString();
    QTest::newRow("truncated at end at 3") << QByteArray("xyz\xe2\x82") << qint64(3) << truncated << QString();
    QTest::newRow("truncated four-byte at 0") << QByteArray("\xf0\x9f\x98") << qint64(0) << truncated << QString();
}

void TestUtf8TextDecoder::decode()
{
    QFETCH(QByteArray, payload);
    QFETCH(qint64, errorPosition);
    QFETCH(QString, reason);
    QFETCH(QString, text);

    const Utf8TextDecoder decoder;
    const DecodedPayload result = decoder.decode(payload);
    QCOMPARE(result.decoderId, QStringLiteral("text"));
    QCOMPARE(result.raw, payload);
    QVERIFY2(!result.text.isEmpty(), "a decoded payload is never blank");
    QVERIFY(!result.tree);
    QCOMPARE(Utf8TextDecoder::firstInvalidUtf8(payload), qsizetype(errorPosition));

    if (errorPosition < 0) {
        QVERIFY2(result.ok, qPrintable(result.errorString));
        QCOMPARE(result.errorPosition, qint64(-1));
        QCOMPARE(result.text, text);
        return;
    }
    QVERIFY2(!result.ok, qPrintable(QStringLiteral("expected an error, got text: ") + result.text));
    QCOMPARE(result.errorPosition, errorPosition);
    QCOMPARE(result.errorReason, reason);
    QCOMPARE(result.errorString, QStringLiteral("UTF-8 text: %1 at byte %2").arg(reason).arg(errorPosition));
    QVERIFY2(result.text.contains(QChar(0xFFFD)), qPrintable(QStringLiteral("lossy text lacks U+FFFD: ") + result.text));
    if (!text.isEmpty())
        QCOMPARE(result.text, text);
}

void TestUtf8TextDecoder::isPlainText_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("plain");

    QTest::newRow("ascii") << QByteArray("idle") << true;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("multi-line with tab") << QByteArray("a\tb\r\nc\n") << true;
    QTest::newRow("umlaut") << QByteArray("Dr\xc3\xbc" "ck") << true;
    QTest::newRow("nul") << QByteArray("a\0b", 3) << false;
    QTest::newRow("bell") << QByteArray("a\x07") << false;
    QTest::newRow("escape") << QByteArray("\x1b[0m") << false;
    QTest::newRow("del") << QByteArray("a\x7f") << false;
    QTest::newRow("C1 control U+0085") << QByteArray("a\xc2\x85" "b") << false;
    QTest::newRow("U+00A0 is not a control") << QByteArray("a\xc2\xa0" "b") << true;
    QTest::newRow("invalid utf-8") << QByteArray("caf\xe9") << false;
    QTest::newRow("truncated utf-8") << QByteArray("ab\xe2\x82") << false;
}

void TestUtf8TextDecoder::isPlainText()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, plain);
    QCOMPARE(Utf8TextDecoder::isPlainText(payload), plain);
}

QTEST_GUILESS_MAIN(TestUtf8TextDecoder)
#include "tst_utf8_text_decoder.moc"
