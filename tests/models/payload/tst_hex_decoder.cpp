#include "payload/hex_decoder.h"

#include <QTest>

class TestHexDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void identity();
    void hexLine_data();
    void hexLine();
    void lineCount_data();
    void lineCount();
    void decodeSmall();
    void decodeEmpty();
    void sixteenMegabytes();
};

void TestHexDecoder::identity()
{
    const HexDecoder decoder;
    QCOMPARE(decoder.id(), QStringLiteral("hex"));
    QVERIFY(!decoder.displayName().isEmpty());
}

void TestHexDecoder::hexLine_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("expected");

    // Expected lines as printed by `hexdump -C`.
    const QByteArray sample("Hello World!\n\x00\x01\x02xyz\xff", 20);
    QTest::newRow("full line") << sample << qint64(0)
                               << QStringLiteral("00000000  48 65 6c 6c 6f 20 57 6f  72 6c 64 21 0a 00 01 02  |Hello World!....|");
    QTest::newRow("partial last line") << sample << qint64(1)
                                       << QStringLiteral("00000010  78 79 7a ff                                       |xyz.|");
    QTest::newRow("two bytes") << QByteArray("ab") << qint64(0)
                               << QStringLiteral("00000000  61 62                                             |ab|");
    QTest::newRow("exactly eight bytes") << QByteArray("01234567") << qint64(0)
                                         << QStringLiteral("00000000  30 31 32 33 34 35 36 37                           |01234567|");
    QTest::newRow("nine bytes cross the group gap") << QByteArray("012345678") << qint64(0)
                                                    << QStringLiteral("00000000  30 31 32 33 34 35 36 37  38                       |012345678|");
    QTest::newRow("space and tilde printable, del not") << QByteArray(" ~\x7f") << qint64(0)
                                                        << QStringLiteral("00000000  20 7e 7f                                          | ~.|");
    QTest::newRow("past the end") << sample << qint64(2) << QString();
    QTest::newRow("negative") << sample << qint64(-1) << QString();
    QTest::newRow("empty payload") << QByteArray() << qint64(0) << QString();
}

void TestHexDecoder::hexLine()
{
    QFETCH(QByteArray, payload);
    QFETCH(qint64, line);
    QFETCH(QString, expected);
    QCOMPARE(HexDecoder::hexLine(payload, line), expected);
}

void TestHexDecoder::lineCount_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<qint64>("lines");

    QTest::newRow("empty") << qsizetype(0) << qint64(0);
    QTest::newRow("one byte") << qsizetype(1) << qint64(1);
    QTest::newRow("sixteen") << qsizetype(16) << qint64(1);
    QTest::newRow("seventeen") << qsizetype(17) << qint64(2);
    QTest::newRow("16 MiB") << qsizetype(16 * 1024 * 1024) << qint64(1024 * 1024);
    QTest::newRow("16 MiB + 1") << qsizetype(16 * 1024 * 1024 + 1) << qint64(1024 * 1024 + 1);
}

void TestHexDecoder::lineCount()
{
    QFETCH(qsizetype, size);
    QFETCH(qint64, lines);
    QCOMPARE(HexDecoder::lineCount(QByteArray(size, 'x')), lines);
}

void TestHexDecoder::decodeSmall()
{
    const QByteArray payload("Hello World!\n\x00\x01\x02xyz\xff", 20);
    const DecodedPayload result = HexDecoder().decode(payload);
    QVERIFY(result.ok);
    QVERIFY(!result.textTruncated);
    QCOMPARE(result.raw, payload);
    QCOMPARE(result.text, HexDecoder::hexLine(payload, 0) + u'\n' + HexDecoder::hexLine(payload, 1));
}

void TestHexDecoder::decodeEmpty()
{
    const DecodedPayload result = HexDecoder().decode(QByteArray());
    QVERIFY(result.ok);
    QCOMPARE(result.text, PayloadDecoder::emptyPayloadText());
}

void TestHexDecoder::sixteenMegabytes()
{
    const qsizetype size = 16 * 1024 * 1024;
    QByteArray payload(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        payload[i] = char(i % 251);   // prime period: every line differs

    QCOMPARE(HexDecoder::lineCount(payload), qint64(1024 * 1024));
    const qint64 last = HexDecoder::lineCount(payload) - 1;
    QString expectedLast = QStringLiteral("00fffff0 ");
    QString ascii;
    for (qsizetype i = size - 16; i < size; ++i) {
        const uchar byte = uchar(payload.at(i));
        if (i == size - 8)
            expectedLast += u' ';
        expectedLast += QStringLiteral(" %1").arg(uint(byte), 2, 16, QLatin1Char('0'));
        ascii += (byte >= 0x20 && byte < 0x7f) ? QChar(QLatin1Char(char(byte))) : QChar(u'.');
    }
    expectedLast += QStringLiteral("  |") + ascii + u'|';
    QCOMPARE(HexDecoder::hexLine(payload, last), expectedLast);

    // decode() renders only the start; the view pulls the rest line by line.
    const DecodedPayload result = HexDecoder().decode(payload);
    QVERIFY(result.ok);
    QVERIFY(result.textTruncated);
    const QStringList lines = result.text.split(u'\n');
    QCOMPARE(lines.size(), HexDecoder::MaximumRenderedBytes / HexDecoder::BytesPerLine + 1);
    QCOMPARE(lines.first(), HexDecoder::hexLine(payload, 0));
    QCOMPARE(lines.at(lines.size() - 2), HexDecoder::hexLine(payload, HexDecoder::MaximumRenderedBytes / HexDecoder::BytesPerLine - 1));
    QCOMPARE(lines.last(), QStringLiteral("(first 65536 of 16777216 bytes shown)"));
}

QTEST_GUILESS_MAIN(TestHexDecoder)
#include "tst_hex_decoder.moc"
