#include "cli_process.h"

#include "cli/sub_command.h"
#include "mqtt/mqtt_message.h"
#include "payload/payload_decoder_registry.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// `linescope-cli sub --decode`: option parsing and the printed bytes
// in-process, then the real binary (LINESCOPE_CLI) against a real mosquitto
// fed by mosquitto_pub.
class TestCliDecode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void format_data();
    void format();
    void formatJson_data();
    void formatJson();
    void subDecode_data();
    void subDecode();
    void subDecodeJson();

private:
    QString m_cli;
    QString m_mosquittoPub;
    QTemporaryDir m_dir;
};

namespace {

const QString kTopic = QStringLiteral("factory/chicago/line-3/press-1/telemetry");

// {"a": 1, "b": [true, null]} in CBOR and in JSON; both render the same.
const QByteArray kCborMap = QByteArray::fromHex("a2616101616282f5f6");
const QByteArray kJsonMap("{\"a\":1,\"b\":[true,null]}");
const QByteArray kRendered("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null\n  ]\n}");

// The JSON text is missing its closing bracket at byte 10.
const QByteArray kMalformedJson("{\"a\":[1,2}");
// hexdump -C of kMalformedJson, without the final offset line.
const QByteArray kMalformedHex("00000000  7b 22 61 22 3a 5b 31 2c  32 7d                    |{\"a\":[1,2}|");
const QString kMalformedError = QStringLiteral("JSON: unterminated array at byte 10");
// hexdump -C of "Hi\n".
const QByteArray kHiHex("00000000  48 69 0a                                          |Hi.|");

QString malformedWarning(const QString &topic)
{
    return QStringLiteral("Warning: cannot decode the message on \"%1\" (%2); printed as a hex dump instead.")
        .arg(topic, kMalformedError);
}

MqttMessage message(const QByteArray &payload)
{
    MqttMessage m;
    m.topic = kTopic;
    m.payload = payload;
    m.qos = 1;
    m.receivedAtMs = 1767225600123;   // 2026-01-01T00:00:00.123Z
    return m;
}

} // namespace

void TestCliDecode::initTestCase()
{
    m_cli = CliProcess::cliPath();
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable("linescope-cli not found at " + m_cli));
    m_mosquittoPub = TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub"));
    QVERIFY2(!m_mosquittoPub.isEmpty(), "mosquitto_pub (package mosquitto-clients) is the reference publisher");
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
}

void TestCliDecode::parse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("decoder");   // expected Options::decoder
    QTest::addColumn<QString>("error");

    QTest::newRow("no --decode prints raw payloads") << QStringList{"-t", "a"} << QString() << QString();
    for (const char *id : {"auto", "json", "cbor", "hex", "text", "base64"})
        QTest::addRow("--decode %s", id) << QStringList{"-t", "a", "--decode", id} << QString::fromLatin1(id) << QString();
    QTest::newRow("--decode=json with -v") << QStringList{"-t", "a", "-v", "--decode=json"} << QStringLiteral("json")
                                           << QString();
    QTest::newRow("unknown decoder")
        << QStringList{"-t", "a", "--decode", "xml"} << QString()
        << QStringLiteral("Invalid decoder \"xml\" for --decode; use one of auto, text, json, cbor, hex, base64.");
    QTest::newRow("decoder ids are case-sensitive")
        << QStringList{"-t", "a", "--decode", "JSON"} << QString()
        << QStringLiteral("Invalid decoder \"JSON\" for --decode; use one of auto, text, json, cbor, hex, base64.");
    QTest::newRow("missing decoder") << QStringList{"-t", "a", "--decode"} << QString()
                                     << QStringLiteral("Missing value after '--decode'.");
}

void TestCliDecode::parse()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, decoder);
    QFETCH(QString, error);

    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    SubCommand command(&out, &err);
    const bool ok = command.parseArguments(arguments);
    QVERIFY2(ok == error.isEmpty(), err.data().constData());
    if (ok) {
        QCOMPARE(command.options().decoder, decoder);
        QVERIFY2(err.data().isEmpty(), err.data().constData());
    } else {
        QCOMPARE(command.parseError(), error);
        QCOMPARE(command.exitCode(), 1);
    }
}

void TestCliDecode::format_data()
{
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<SubCommand::OutputFormat>("format");
    QTest::addColumn<bool>("noEndOfLine");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QString>("warning");

    using F = SubCommand::OutputFormat;
    const QByteArray topic = kTopic.toUtf8();
    QTest::newRow("no decoder: bytes as received") << QString() << F::Payload << false << kCborMap << kCborMap + '\n'
                                                   << QString();
    QTest::newRow("json pretty") << "json" << F::Payload << false << kJsonMap << kRendered + '\n' << QString();
    QTest::newRow("json pretty, -v: topic then the lines as they are")
        << "json" << F::Verbose << false << kJsonMap << topic + ' ' + kRendered + '\n' << QString();
    QTest::newRow("json, -N") << "json" << F::Payload << true << QByteArray("[1]") << QByteArray("[\n  1\n]") << QString();
    QTest::newRow("json accepts a bare number") << "json" << F::Payload << false << QByteArray("23.5")
                                                << QByteArray("23.5\n") << QString();
    QTest::newRow("cbor diagnostic notation") << "cbor" << F::Payload << false << kCborMap << kRendered + '\n' << QString();
    QTest::newRow("hex dump") << "hex" << F::Payload << false << QByteArray("Hi\n") << kHiHex + '\n' << QString();
    QTest::newRow("hex dump, -v") << "hex" << F::Verbose << false << QByteArray("Hi\n") << topic + ' ' + kHiHex + '\n'
                                  << QString();
    QTest::newRow("text") << "text" << F::Payload << false << QByteArray("grüße") << QByteArray("grüße\n") << QString();
    QTest::newRow("base64 unwraps and renders the inside")
        << "base64" << F::Payload << false << QByteArray("aGVsbG8=")
        << QByteArray("Base64-decoded (5 bytes), shown as UTF-8 text:\nhello\n") << QString();
    QTest::newRow("auto: JSON object") << "auto" << F::Payload << false << kJsonMap << kRendered + '\n' << QString();
    QTest::newRow("auto: CBOR") << "auto" << F::Payload << false << kCborMap << kRendered + '\n' << QString();
    QTest::newRow("auto: plain number is text") << "auto" << F::Payload << false << QByteArray("23.5")
                                                << QByteArray("23.5\n") << QString();
    QTest::newRow("auto: binary is a hex dump")
        << "auto" << F::Payload << false << QByteArray("\x01\xff", 2)
        << QByteArray("00000000  01 ff                                             |..|\n") << QString();

    QTest::newRow("malformed json: hex dump, warning with position")
        << "json" << F::Payload << false << kMalformedJson << kMalformedHex + '\n' << malformedWarning(kTopic);
    QTest::newRow("malformed json, -v") << "json" << F::Verbose << false << kMalformedJson
                                        << topic + ' ' + kMalformedHex + '\n' << malformedWarning(kTopic);
    QTest::newRow("json of an empty payload is never nothing")
        << "json" << F::Payload << false << QByteArray() << QByteArray("(empty payload)\n")
        << QStringLiteral("Warning: cannot decode the message on \"%1\" (JSON: empty payload at byte 0); "
                          "printed as a hex dump instead.")
               .arg(kTopic);
    QTest::newRow("truncated cbor")
        << "cbor" << F::Payload << false << QByteArray::fromHex("830102")
        << QByteArray("00000000  83 01 02                                          |...|\n")
        << QStringLiteral("Warning: cannot decode the message on \"%1\" (CBOR: data ends in the middle of an item "
                          "at byte 3); printed as a hex dump instead.")
               .arg(kTopic);
    QTest::newRow("text with invalid UTF-8")
        << "text" << F::Payload << false << QByteArray("ab\xff", 3)
        << QByteArray("00000000  61 62 ff                                          |ab.|\n")
        << QStringLiteral("Warning: cannot decode the message on \"%1\" (UTF-8 text: invalid UTF-8 sequence at byte 2); "
                          "printed as a hex dump instead.")
               .arg(kTopic);
    QTest::newRow("base64 with a bad character")
        << "base64" << F::Payload << false << QByteArray("aGV*")
        << QByteArray("00000000  61 47 56 2a                                       |aGV*|\n")
        << QStringLiteral("Warning: cannot decode the message on \"%1\" (Base64: invalid character '*' at byte 3); "
                          "printed as a hex dump instead.")
               .arg(kTopic);
}

void TestCliDecode::format()
{
    QFETCH(QString, decoder);
    QFETCH(SubCommand::OutputFormat, format);
    QFETCH(bool, noEndOfLine);
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, out);
    QFETCH(QString, warning);

    SubCommand::Options options;
    options.decoder = decoder;
    options.format = format;
    options.noEndOfLine = noEndOfLine;
    const PayloadDecoderRegistry registry;
    const SubCommand::FormattedMessage formatted = SubCommand::formatMessage(message(payload), options, registry);
    QCOMPARE(formatted.out, out);
    QCOMPARE(formatted.warning, warning);
}

void TestCliDecode::formatJson_data()
{
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("usedDecoder");
    QTest::addColumn<QString>("decoded");
    QTest::addColumn<QString>("decodeError");   // empty: JSON null expected

    QTest::newRow("auto json") << "auto" << kJsonMap << "json" << QString::fromUtf8(kRendered) << QString();
    QTest::newRow("auto cbor") << "auto" << kCborMap << "cbor" << QString::fromUtf8(kRendered) << QString();
    QTest::newRow("hex") << "hex" << QByteArray("Hi\n") << "hex" << QString::fromLatin1(kHiHex) << QString();
    QTest::newRow("malformed json") << "json" << kMalformedJson << "json" << QString::fromLatin1(kMalformedHex)
                                    << kMalformedError;
}

void TestCliDecode::formatJson()
{
    QFETCH(QString, decoder);
    QFETCH(QByteArray, payload);
    QFETCH(QString, usedDecoder);
    QFETCH(QString, decoded);
    QFETCH(QString, decodeError);

    SubCommand::Options options;
    options.decoder = decoder;
    options.format = SubCommand::OutputFormat::Json;
    const PayloadDecoderRegistry registry;
    const SubCommand::FormattedMessage formatted = SubCommand::formatMessage(message(payload), options, registry);
    QVERIFY2(formatted.out.endsWith('\n') && formatted.out.count('\n') == 1, formatted.out.constData());

    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(formatted.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + ": " + formatted.out));
    QCOMPARE(object.value("topic").toString(), kTopic);
    QCOMPARE(object.value("qos").toInt(), 1);
    QCOMPARE(object.value("time").toString(), QStringLiteral("2026-01-01T00:00:00.123Z"));
    QCOMPARE(object.value("decoder").toString(), usedDecoder);
    QCOMPARE(object.value("decoded").toString(), decoded);
    if (decodeError.isEmpty()) {
        QVERIFY2(object.value("decode_error").isNull(), formatted.out.constData());
        QVERIFY2(formatted.warning.isEmpty(), qPrintable(formatted.warning));
    } else {
        QCOMPARE(object.value("decode_error").toString(), decodeError);
        QCOMPARE(formatted.warning, malformedWarning(kTopic));
    }
    // The raw payload stays next to the rendering.
    if (object.contains("payload"))
        QCOMPARE(object.value("payload").toString().toUtf8(), payload);
    else
        QCOMPARE(QByteArray::fromBase64(object.value("payload_base64").toString().toLatin1()), payload);
}

void TestCliDecode::subDecode_data()
{
    QTest::addColumn<QStringList>("subArguments");
    QTest::addColumn<QByteArray>("payload");   // published from a file with mosquitto_pub -f
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArray>("err");

    const QByteArray topic = kTopic.toUtf8();
    QTest::newRow("json pretty") << QStringList{"--decode", "json"} << kJsonMap << kRendered + '\n' << QByteArray();
    QTest::newRow("cbor binary") << QStringList{"--decode", "cbor"} << kCborMap << kRendered + '\n' << QByteArray();
    QTest::newRow("auto detects cbor, -v")
        << QStringList{"--decode", "auto", "-v"} << kCborMap << topic + ' ' + kRendered + '\n' << QByteArray();
    QTest::newRow("hex") << QStringList{"--decode", "hex"} << QByteArray("Hi\n") << kHiHex + '\n' << QByteArray();
    QTest::newRow("malformed json: error on stderr, raw shown, exit 0")
        << QStringList{"--decode", "json"} << kMalformedJson << kMalformedHex + '\n'
        << malformedWarning(kTopic).toUtf8() + '\n';
}

void TestCliDecode::subDecode()
{
    QFETCH(QStringList, subArguments);
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, out);
    QFETCH(QByteArray, err);

    const QString payloadFile = m_dir.filePath(QStringLiteral("payload.bin"));
    QFile file(payloadFile);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file.errorString()));
    QCOMPARE(file.write(payload), payload.size());
    file.close();

    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const auto sub = CliProcess::launch(m_cli, QStringList{"sub"} + CliProcess::hostPort(broker)
                                                   + QStringList{"-i", "cli-decode", "-t", kTopic, "-C", "1"}
                                                   + subArguments);
    if (!CliProcess::waitForSubscription(broker, QStringLiteral("cli-decode"), 0, kTopic))
        QFAIL(qPrintable("no subscription; " + CliProcess::collect(*sub, 0).describe() + CliProcess::brokerLog(broker)));

    const CliProcess::Outcome pub = CliProcess::run(m_mosquittoPub, CliProcess::hostPort(broker)
                                                                        + QStringList{"-t", kTopic, "-f", payloadFile});
    QVERIFY2(pub.exited && pub.exitCode == 0, qPrintable(pub.describe()));

    const CliProcess::Outcome printed = CliProcess::collect(*sub);
    QVERIFY2(printed.exited && printed.exitCode == 0, qPrintable(printed.describe()));
    QCOMPARE(printed.out, out);
    QCOMPARE(printed.err, err);
}

void TestCliDecode::subDecodeJson()
{
    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const auto sub = CliProcess::launch(m_cli, QStringList{"sub"} + CliProcess::hostPort(broker)
                                                   + QStringList{"-i", "cli-decode-json", "-t", kTopic, "-q", "1",
                                                                 "-C", "2", "--json", "--decode", "auto"});
    if (!CliProcess::waitForSubscription(broker, QStringLiteral("cli-decode-json"), 1, kTopic))
        QFAIL(qPrintable("no subscription; " + CliProcess::collect(*sub, 0).describe() + CliProcess::brokerLog(broker)));

    // QoS 1 both times, so the order is kept.
    for (const QByteArray &payload : {kJsonMap, QByteArray("line running")}) {
        const CliProcess::Outcome pub = CliProcess::run(
            m_mosquittoPub, CliProcess::hostPort(broker) + QStringList{"-t", kTopic, "-q", "1", "-m", QString::fromUtf8(payload)});
        QVERIFY2(pub.exited && pub.exitCode == 0, qPrintable(pub.describe()));
    }

    const CliProcess::Outcome printed = CliProcess::collect(*sub);
    QVERIFY2(printed.exited && printed.exitCode == 0 && printed.err.isEmpty(), qPrintable(printed.describe()));
    QByteArrayList lines = printed.out.split('\n');
    QVERIFY2(lines.size() == 3 && lines.constLast().isEmpty(), qPrintable(printed.describe()));

    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value("decoder").toString(), QStringLiteral("json"));
    QCOMPARE(first.value("decoded").toString(), QString::fromUtf8(kRendered));
    QVERIFY2(first.value("decode_error").isNull(), lines.at(0).constData());
    QCOMPARE(first.value("payload").toString().toUtf8(), kJsonMap);

    const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(second.value("decoder").toString(), QStringLiteral("text"));
    QCOMPARE(second.value("decoded").toString(), QStringLiteral("line running"));
    QVERIFY2(second.value("decode_error").isNull(), lines.at(1).constData());
}

QTEST_GUILESS_MAIN(TestCliDecode)
#include "tst_cli_decode.moc"
