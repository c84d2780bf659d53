#include "cli_process.h"
#include "test_broker.h"

#include "broker/broker_supervisor.h"
#include "topics/topic_name.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QOperatingSystemVersion>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The real linescope-cli binary (LINESCOPE_CLI) against a real mosquitto,
// checked with the reference clients mosquitto_pub and mosquitto_sub.
class TestCliInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pubToMosquittoSub_data();
    void pubToMosquittoSub();
    void pubRetain_data();
    void pubRetain();
    void pubProperties();
    void mosquittoPubToSub_data();
    void mosquittoPubToSub();
    void subJson();
    void subSkipsRetained_data();
    void subSkipsRetained();
    void connectionFailures_data();
    void connectionFailures();
    void invalidPublishPublishesNothing_data();
    void invalidPublishPublishesNothing();
    void subTimeout();
    void interrupted_data();
    void interrupted();
    void pubLinesEndsWhenBrokerGoes();
    void usage_data();
    void usage();
    void simulate();

private:
    QStringList expand(QStringList arguments) const;

    QString m_cli;
    QString m_mosquittoPub;
    QString m_mosquittoSub;
    QTemporaryDir m_dir;
    QString m_binaryFile;
    QByteArray m_binary;
};

namespace {

using CliProcess::collect;
using CliProcess::Outcome;

constexpr int kProcessTimeoutMs = 20000;
const QString kTopic = QStringLiteral("factory/chicago/building-a/line-3/press-1/telemetry");

std::unique_ptr<QProcess> launch(const QString &program, const QStringList &arguments,
                                 const std::optional<QByteArray> &input = std::nullopt)
{
    auto process = std::make_unique<QProcess>();
    process->setProgram(program);
    process->setArguments(arguments);
    process->start();
    if (!process->waitForStarted(kProcessTimeoutMs))
        qWarning("Cannot start %s: %s", qPrintable(program), qPrintable(process->errorString()));
    if (input) {
        process->write(*input);
        process->closeWriteChannel();
    }
    return process;
}

Outcome run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    const std::unique_ptr<QProcess> process = launch(program, arguments, input);
    return collect(*process);
}

QStringList hostPort(const TestBroker &broker)
{
    return {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), QString::number(broker.port())};
}

// The broker logs "<client id> <qos> <filter>" per subscription (log_type subscribe).
bool waitForSubscription(const TestBroker &broker, const QString &clientId, int qos, const QString &filter)
{
    const QString needle = QStringLiteral(" %1 %2 %3").arg(clientId).arg(qos).arg(filter);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kProcessTimeoutMs) {
        const QStringList lines = broker.supervisor()->logLines();
        for (const QString &line : lines) {
            if (line.endsWith(needle))
                return true;
        }
        QTest::qWait(20);
    }
    return false;
}

bool waitForLog(const TestBroker &broker, const QString &needle)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kProcessTimeoutMs) {
        if (broker.logText().contains(needle))
            return true;
        QTest::qWait(20);
    }
    return false;
}

// mosquitto's log line for a client that connected with this id.
QString connectedAs(const QString &clientId)
{
    return QStringLiteral(" as %1 (").arg(clientId);
}

int freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QByteArrayList lines(QByteArray text)
{
    if (text.endsWith('\n'))
        text.chop(1);
    return text.isEmpty() ? QByteArrayList{} : text.split('\n');
}

// One mosquitto_sub -F "%q %r %x" line.
QByteArray qosRetainHex(int qos, bool retain, const QByteArray &payload)
{
    return QByteArray::number(qos) + ' ' + (retain ? '1' : '0') + ' ' + payload.toHex();
}

QString brokerLog(const TestBroker &broker)
{
    return QStringLiteral("\nbroker log:\n") + broker.logText();
}

} // namespace

void TestCliInterop::initTestCase()
{
    m_cli = qEnvironmentVariable("LINESCOPE_CLI", QStringLiteral(LINESCOPE_BINARY_DIR "/app/linescope-cli"));
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable("linescope-cli not found at " + m_cli));
    m_mosquittoPub = TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub"));
    m_mosquittoSub = TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_sub"));
    QVERIFY2(!m_mosquittoPub.isEmpty() && !m_mosquittoSub.isEmpty(),
             "mosquitto_pub/mosquitto_sub (package mosquitto-clients) are the reference clients");

    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    // Every byte value, line ends and NULs included.
    for (int i = 0; i < 1024; ++i)
        m_binary.append(char((i * 7) % 256));
    m_binaryFile = m_dir.filePath(QStringLiteral("payload.bin"));
    QFile file(m_binaryFile);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    QCOMPARE(file.write(m_binary), m_binary.size());
}

QStringList TestCliInterop::expand(QStringList arguments) const
{
    for (QString &argument : arguments)
        argument.replace(QStringLiteral("@BIN@"), m_binaryFile);
    return arguments;
}

void TestCliInterop::pubToMosquittoSub_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("expected");   // mosquitto_sub -F "%q %r %x" lines

    const QByteArray binaryInput("\x00\r\n\xFF\x1A\n\x00", 7);
    QTest::newRow("text -m") << QStringList{"-m", "hello world"} << QByteArray()
                             << QByteArrayList{qosRetainHex(0, false, "hello world")};
    QTest::newRow("UTF-8 -m") << QStringList{"-m", "grüße ✓"} << QByteArray()
                              << QByteArrayList{qosRetainHex(0, false, QStringLiteral("grüße ✓").toUtf8())};
    QTest::newRow("empty -n") << QStringList{"-n"} << QByteArray() << QByteArrayList{qosRetainHex(0, false, {})};
    QTest::newRow("binary -f") << QStringList{"-f", "@BIN@"} << QByteArray()
                               << QByteArrayList{qosRetainHex(0, false, m_binary)};
    QTest::newRow("qos 1") << QStringList{"-q", "1", "-m", "one"} << QByteArray()
                           << QByteArrayList{qosRetainHex(1, false, "one")};
    QTest::newRow("qos 2") << QStringList{"-q", "2", "-m", "two"} << QByteArray()
                           << QByteArrayList{qosRetainHex(2, false, "two")};
    QTest::newRow("MQTT 5, qos 2") << QStringList{"-V", "5", "-q", "2", "-m", "five"} << QByteArray()
                                   << QByteArrayList{qosRetainHex(2, false, "five")};
    QTest::newRow("binary stdin -s") << QStringList{"-s"} << binaryInput
                                     << QByteArrayList{qosRetainHex(0, false, binaryInput)};
    QTest::newRow("empty stdin -s") << QStringList{"-s"} << QByteArray() << QByteArrayList{qosRetainHex(0, false, {})};
    QTest::newRow("stdin lines -l, qos 1")
        << QStringList{"-l", "-q", "1"} << QByteArray("first\nsecond\r\n\nlast")
        << QByteArrayList{qosRetainHex(1, false, "first"), qosRetainHex(1, false, "second"), qosRetainHex(1, false, {}),
                          qosRetainHex(1, false, "last")};
}

void TestCliInterop::pubToMosquittoSub()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);

    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const auto reference = launch(m_mosquittoSub, hostPort(broker) + QStringList{"-i", "ref-sub", "-t", kTopic, "-q", "2",
                                                                                 "-C", QString::number(expected.size()),
                                                                                 "-F", "%q %r %x"});
    QVERIFY2(waitForSubscription(broker, QStringLiteral("ref-sub"), 2, kTopic), qPrintable(brokerLog(broker)));

    const Outcome pub = run(m_cli, QStringList{"pub"} + hostPort(broker) + QStringList{"-t", kTopic} + expand(arguments),
                            input);
    QVERIFY2(pub.exited && pub.exitCode == 0 && pub.err.isEmpty() && pub.out.isEmpty(), qPrintable(pub.describe()));

    const Outcome received = collect(*reference);
    QVERIFY2(received.exited && received.exitCode == 0, qPrintable(received.describe()));
    QCOMPARE(lines(received.out), expected);
}

void TestCliInterop::pubRetain_data()
{
    QTest::addColumn<bool>("retain");
    QTest::newRow("-r: a later subscriber gets it") << true;
    QTest::newRow("without -r: a later subscriber gets nothing") << false;
}

void TestCliInterop::pubRetain()
{
    QFETCH(bool, retain);

    TestBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    QStringList arguments = QStringList{"pub"} + hostPort(broker) + QStringList{"-t", kTopic, "-q", "1", "-m", "kept"};
    if (retain)
        arguments << QStringLiteral("-r");
    const Outcome pub = run(m_cli, arguments);
    QVERIFY2(pub.exited && pub.exitCode == 0 && pub.err.isEmpty(), qPrintable(pub.describe()));

    const Outcome late = run(m_mosquittoSub, hostPort(broker) + QStringList{"-t", kTopic, "-q", "1", "-C", "1", "-W",
                                                                            retain ? "15" : "1", "-F", "%q %r %x"});
    if (retain) {
        QVERIFY2(late.exited && late.exitCode == 0, qPrintable(late.describe()));
        QCOMPARE(lines(late.out), QByteArrayList{qosRetainHex(1, true, "kept")});
    } else {
        QVERIFY2(late.exited && late.exitCode == 27, qPrintable(late.describe()));
        QVERIFY2(late.out.isEmpty(), late.out.constData());
    }
}

void TestCliInterop::pubProperties()
{
    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const auto reference = launch(m_mosquittoSub, hostPort(broker) + QStringList{"-V", "5", "-i", "ref-sub", "-t", kTopic,
                                                                                 "-C", "1", "-F", "%P|%C|%R|%D|%F|%E|%p"});
    QVERIFY2(waitForSubscription(broker, QStringLiteral("ref-sub"), 0, kTopic), qPrintable(brokerLog(broker)));

    const Outcome pub = run(m_cli, QStringList{"pub"} + hostPort(broker)
                                       + QStringList{"-V", "5", "-t", kTopic, "-m", "payload",
                                                     "-D", "publish", "user-property", "k", "v",
                                                     "-D", "publish", "user-property", "k", "v2",
                                                     "-D", "publish", "user-property", "shift", "early",
                                                     "-D", "publish", "content-type", "text/plain",
                                                     "-D", "publish", "response-topic", "reply/to",
                                                     "-D", "publish", "correlation-data", "corr-1",
                                                     "-D", "publish", "payload-format-indicator", "1",
                                                     "-D", "publish", "message-expiry-interval", "3600"});
    QVERIFY2(pub.exited && pub.exitCode == 0 && pub.err.isEmpty(), qPrintable(pub.describe()));

    const Outcome received = collect(*reference);
    QVERIFY2(received.exited && received.exitCode == 0, qPrintable(received.describe()));
    const QByteArrayList fields = lines(received.out).value(0).split('|');
    QCOMPARE(fields.size(), 7);
    QCOMPARE(fields.at(0), QByteArray("k:v k:v2 shift:early"));
    QCOMPARE(fields.at(1), QByteArray("text/plain"));
    QCOMPARE(fields.at(2), QByteArray("reply/to"));
    QCOMPARE(fields.at(3), QByteArray("corr-1"));
    QCOMPARE(fields.at(4), QByteArray("1"));
    // The broker forwards the remaining lifetime, which may have ticked once.
    const int expiry = fields.at(5).toInt();
    QVERIFY2(expiry >= 3595 && expiry <= 3600, fields.at(5).constData());
    QCOMPARE(fields.at(6), QByteArray("payload"));
}

void TestCliInterop::mosquittoPubToSub_data()
{
    QTest::addColumn<QStringList>("subArguments");
    QTest::addColumn<QList<QStringList>>("publishes");   // one mosquitto_pub run each
    QTest::addColumn<QByteArray>("expected");

    const QList<QStringList> two = {{"-m", "first"}, {"-m", "second message"}};
    const QByteArray topic = kTopic.toUtf8();
    QTest::newRow("payload per line") << QStringList{} << two << QByteArray("first\nsecond message\n");
    QTest::newRow("-v") << QStringList{"-v"} << two << topic + " first\n" + topic + " second message\n";
    QTest::newRow("-N") << QStringList{"-N"} << two << QByteArray("firstsecond message");
    QTest::newRow("-v -N") << QStringList{"-v", "-N"} << two << topic + " first" + topic + " second message";
    QTest::newRow("binary -N") << QStringList{"-N"} << QList<QStringList>{{"-f", "@BIN@"}} << m_binary;
    QTest::newRow("binary with line end") << QStringList{} << QList<QStringList>{{"-f", "@BIN@"}} << m_binary + '\n';
    QTest::newRow("empty message") << QStringList{} << QList<QStringList>{{"-n"}} << QByteArray("\n");
    QTest::newRow("qos 1") << QStringList{"-q", "1"} << QList<QStringList>{{"-q", "1", "-m", "q1"}} << QByteArray("q1\n");
    // Only messages of the same QoS keep their order: QoS 2 is delivered on PUBREL.
    QTest::newRow("qos 2") << QStringList{"-q", "2"} << QList<QStringList>{{"-q", "2", "-m", "q2a"}, {"-q", "2", "-m", "q2b"}}
                           << QByteArray("q2a\nq2b\n");
    QTest::newRow("MQTT 5") << QStringList{"-V", "5"} << QList<QStringList>{{"-V", "5", "-m", "v5"}} << QByteArray("v5\n");
}

void TestCliInterop::mosquittoPubToSub()
{
    QFETCH(QStringList, subArguments);
    QFETCH(QList<QStringList>, publishes);
    QFETCH(QByteArray, expected);

    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const qsizetype qosIndex = subArguments.indexOf(QStringLiteral("-q"));
    const int qos = qosIndex >= 0 ? subArguments.at(qosIndex + 1).toInt() : 0;
    const auto sub = launch(m_cli, QStringList{"sub"} + hostPort(broker)
                                       + QStringList{"-i", "cli-sub", "-t", kTopic, "-C", QString::number(publishes.size())}
                                       + subArguments);
    if (!waitForSubscription(broker, QStringLiteral("cli-sub"), qos, kTopic))
        QFAIL(qPrintable("no subscription; " + collect(*sub, 0).describe() + brokerLog(broker)));

    for (const QStringList &publish : std::as_const(publishes)) {
        const Outcome pub = run(m_mosquittoPub, hostPort(broker) + QStringList{"-t", kTopic} + expand(publish));
        QVERIFY2(pub.exited && pub.exitCode == 0, qPrintable(pub.describe()));
    }

    const Outcome printed = collect(*sub);
    QVERIFY2(printed.exited && printed.exitCode == 0 && printed.err.isEmpty(), qPrintable(printed.describe()));
    QCOMPARE(printed.out, expected);
}

void TestCliInterop::subJson()
{
    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const auto sub = launch(m_cli, QStringList{"sub"} + hostPort(broker)
                                       + QStringList{"-V", "5", "-i", "cli-json", "-t", kTopic, "-q", "2", "-C", "3", "--json"});
    if (!waitForSubscription(broker, QStringLiteral("cli-json"), 2, kTopic))
        QFAIL(qPrintable("no subscription; " + collect(*sub, 0).describe() + brokerLog(broker)));

    const QList<QStringList> publishes = {
        {"-V", "5", "-q", "1", "-m", "{\"v\":1}",
         "-D", "publish", "user-property", "line", "3",
         "-D", "publish", "user-property", "line", "4",
         "-D", "publish", "content-type", "application/json",
         "-D", "publish", "response-topic", "reply/x",
         "-D", "publish", "correlation-data", "req-1",
         "-D", "publish", "payload-format-indicator", "1"},
        // Rising QoS keeps the order: a QoS 2 message reaches the subscriber only
        // after its PUBREL, so a lower-QoS message sent after it could overtake it.
        {"-q", "2", "-f", m_binaryFile},
        {"-q", "2", "-n"},
    };
    for (const QStringList &publish : publishes) {
        const Outcome pub = run(m_mosquittoPub, hostPort(broker) + QStringList{"-t", kTopic} + publish);
        QVERIFY2(pub.exited && pub.exitCode == 0, qPrintable(pub.describe()));
    }

    const Outcome printed = collect(*sub);
    QVERIFY2(printed.exited && printed.exitCode == 0 && printed.err.isEmpty(), qPrintable(printed.describe()));

    const QList<QJsonObject> expected = {
        QJsonObject{{"topic", kTopic}, {"payload", "{\"v\":1}"}, {"qos", 1}, {"retain", false},
                    {"properties", QJsonObject{{"content_type", "application/json"},
                                               {"payload_format_indicator", 1},
                                               {"response_topic", "reply/x"},
                                               {"correlation_data", "req-1"},
                                               {"user_properties", QJsonArray{QJsonObject{{"key", "line"}, {"value", "3"}},
                                                                              QJsonObject{{"key", "line"}, {"value", "4"}}}}}}},
        QJsonObject{{"topic", kTopic}, {"payload_base64", QString::fromLatin1(m_binary.toBase64())}, {"qos", 2},
                    {"retain", false}},
        QJsonObject{{"topic", kTopic}, {"payload", ""}, {"qos", 2}, {"retain", false}},
    };
    const QByteArrayList printedLines = lines(printed.out);
    QCOMPARE(printedLines.size(), expected.size());
    const QRegularExpression isoUtcMs(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    for (qsizetype i = 0; i < printedLines.size(); ++i) {
        QJsonParseError parseError;
        QJsonObject object = QJsonDocument::fromJson(printedLines.at(i), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError,
                 qPrintable(parseError.errorString() + ": " + QString::fromUtf8(printedLines.at(i))));
        const QString time = object.take(QStringLiteral("time")).toString();
        QVERIFY2(isoUtcMs.match(time).hasMatch(), qPrintable(time));
        const qint64 ageMs = QDateTime::fromString(time, Qt::ISODateWithMs).msecsTo(QDateTime::currentDateTimeUtc());
        QVERIFY2(ageMs >= 0 && ageMs < 120000, qPrintable(time));
        QVERIFY2(object == expected.at(i),
                 qPrintable(QStringLiteral("line %1: %2\nexpected: %3")
                                .arg(i)
                                .arg(QString::fromUtf8(printedLines.at(i)),
                                     QString::fromUtf8(QJsonDocument(expected.at(i)).toJson(QJsonDocument::Compact)))));
    }
}

void TestCliInterop::subSkipsRetained_data()
{
    QTest::addColumn<QStringList>("subArguments");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("without -R: retained first") << QStringList{"-C", "2"} << QByteArray("old\nnew\n");
    QTest::newRow("-R: retained skipped, not counted") << QStringList{"-C", "1", "-R"} << QByteArray("new\n");
}

void TestCliInterop::subSkipsRetained()
{
    QFETCH(QStringList, subArguments);
    QFETCH(QByteArray, expected);

    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const Outcome old = run(m_mosquittoPub, hostPort(broker) + QStringList{"-t", kTopic, "-q", "1", "-r", "-m", "old"});
    QVERIFY2(old.exited && old.exitCode == 0, qPrintable(old.describe()));

    const auto sub = launch(m_cli, QStringList{"sub"} + hostPort(broker) + QStringList{"-i", "cli-sub", "-t", kTopic}
                                       + subArguments);
    if (!waitForSubscription(broker, QStringLiteral("cli-sub"), 0, kTopic))
        QFAIL(qPrintable("no subscription; " + collect(*sub, 0).describe() + brokerLog(broker)));
    const Outcome fresh = run(m_mosquittoPub, hostPort(broker) + QStringList{"-t", kTopic, "-m", "new"});
    QVERIFY2(fresh.exited && fresh.exitCode == 0, qPrintable(fresh.describe()));

    const Outcome printed = collect(*sub);
    QVERIFY2(printed.exited && printed.exitCode == 0 && printed.err.isEmpty(), qPrintable(printed.describe()));
    QCOMPARE(printed.out, expected);
}

void TestCliInterop::connectionFailures_data()
{
    QTest::addColumn<bool>("withBroker");
    QTest::addColumn<QStringList>("brokerConfig");
    QTest::addColumn<QString>("host");           // empty: the test broker's
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("connection refused") << false << QStringList{} << QString() << QStringList{} << 1;
    QTest::newRow("unknown host") << false << QStringList{} << QStringLiteral("nonexistent.invalid") << QStringList{} << 1;
    QTest::newRow("not authorised, MQTT 3.1.1")
        << true << QStringList{"allow_anonymous false"} << QString() << QStringList{} << 5;
    QTest::newRow("not authorised, MQTT 5")
        << true << QStringList{"allow_anonymous false"} << QString() << QStringList{"-V", "5"} << 135;
}

void TestCliInterop::connectionFailures()
{
    QFETCH(bool, withBroker);
    QFETCH(QStringList, brokerConfig);
    QFETCH(QString, host);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);

    TestBroker broker(brokerConfig);
    int port = freeLoopbackPort();
    QVERIFY(port > 0);
    if (withBroker) {
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        port = broker.port();
    }
    if (host.isEmpty())
        host = QStringLiteral("127.0.0.1");
    arguments += QStringList{"-h", host, "-p", QString::number(port)};

    const QList<std::pair<QStringList, QString>> commands = {
        {QStringList{"sub", "-t", "a/#", "-W", "15"} + arguments, m_mosquittoSub},
        {QStringList{"pub", "-t", "a/b", "-m", "x", "-q", "1"} + arguments, m_mosquittoPub},
    };
    for (const auto &[cliArguments, referenceProgram] : commands) {
        const Outcome reference = run(referenceProgram, cliArguments.mid(1));
        QVERIFY2(reference.exited && reference.exitCode == exitCode,
                 qPrintable("mosquitto reference: " + reference.describe()));

        const Outcome outcome = run(m_cli, cliArguments);
        QVERIFY2(outcome.exited && outcome.exitCode == exitCode,
                 qPrintable(cliArguments.join(u' ') + "\n" + outcome.describe()));
        // One line with the reason in words.
        const QRegularExpression oneError(QStringLiteral("^Error: \\S[^\\n]*\\n$"));
        QVERIFY2(oneError.match(QString::fromUtf8(outcome.err)).hasMatch(), qPrintable(outcome.describe()));
        QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));
    }
}

void TestCliInterop::invalidPublishPublishesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("referenceAgrees");   // mosquitto_pub 2.0.11 also exits 1

    for (const QString &topic : {QStringLiteral("a/#"), QStringLiteral("a/+/b"), QStringLiteral("#")}) {
        QTest::addRow("topic %s", qPrintable(topic))
            << QStringList{"-t", topic, "-m", "x"}
            << QString("Error: Invalid topic for -t: " + TopicName::validateForPublish(topic)) << true;
    }
    // mosquitto_pub prints an error for an empty topic but exits 0.
    QTest::newRow("empty topic") << QStringList{"-t", "", "-m", "x"}
                                 << QString("Error: Invalid topic for -t: " + TopicName::validateForPublish(QString()))
                                 << false;
    QTest::newRow("qos 3") << QStringList{"-t", "a/b", "-m", "x", "-q", "3"}
                           << QStringLiteral("Error: Invalid QoS \"3\" for -q; use 0, 1 or 2.") << true;
}

void TestCliInterop::invalidPublishPublishesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QFETCH(bool, referenceAgrees);

    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString startError;
    QVERIFY2(broker.start(&startError), qPrintable(startError));

    const auto monitor = launch(m_mosquittoSub, hostPort(broker) + QStringList{"-i", "monitor", "-t", "#", "-v", "-C", "1"});
    QVERIFY2(waitForSubscription(broker, QStringLiteral("monitor"), 0, QStringLiteral("#")), qPrintable(brokerLog(broker)));

    const Outcome outcome = run(m_cli, QStringList{"pub"} + hostPort(broker) + QStringList{"-i", "cli-invalid"} + arguments);
    QVERIFY2(outcome.exited && outcome.exitCode == 1, qPrintable(outcome.describe()));
    const QStringList errorLines = QString::fromUtf8(outcome.err).split(u'\n');
    QCOMPARE(errorLines.value(0), error);
    QVERIFY2(errorLines.value(1).startsWith(QStringLiteral("Usage: linescope-cli pub")), qPrintable(outcome.describe()));

    if (referenceAgrees) {
        const Outcome reference = run(m_mosquittoPub, hostPort(broker) + arguments);
        QVERIFY2(reference.exited && reference.exitCode == outcome.exitCode, qPrintable(reference.describe()));
    }

    // A sentinel after the attempt: the monitor must see it and nothing before it.
    const Outcome sentinel = run(m_mosquittoPub, hostPort(broker) + QStringList{"-t", "sentinel", "-m", "done"});
    QVERIFY2(sentinel.exited && sentinel.exitCode == 0, qPrintable(sentinel.describe()));
    const Outcome seen = collect(*monitor);
    QVERIFY2(seen.exited && seen.exitCode == 0, qPrintable(seen.describe()));
    QCOMPARE(seen.out, QByteArray("sentinel done\n"));
    QVERIFY2(!broker.logText().contains(QStringLiteral(" as cli-invalid ")),
             qPrintable("linescope-cli connected although the arguments were invalid" + brokerLog(broker)));
}

void TestCliInterop::subTimeout()
{
    TestBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const QStringList arguments = hostPort(broker) + QStringList{"-t", "nobody/publishes/here", "-W", "1"};
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = run(m_cli, QStringList{"sub"} + arguments);
    QVERIFY2(timer.elapsed() >= 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(outcome.exited && outcome.exitCode == 27, qPrintable(outcome.describe()));
    QCOMPARE(outcome.err, QByteArray("Timed out\n"));
    QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));

    const Outcome reference = run(m_mosquittoSub, arguments);
    QVERIFY2(reference.exited && reference.exitCode == outcome.exitCode, qPrintable(reference.describe()));
    QCOMPARE(reference.err, outcome.err);
}

void TestCliInterop::interrupted_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("outPattern");

    QTest::newRow("sub") << QStringList{"sub", "-t", kTopic} << "^$";
    QTest::newRow("simulate prints its summary")
        << QStringList{"simulate", "--rate", "50"}
        << "^Published [1-9]\\d* telemetry messages \\(measurements: \\d+ good, \\d+ uncertain, \\d+ bad\\); 0 failed\\.\\n$";
    QTest::newRow("pub -l waiting for input") << QStringList{"pub", "-t", kTopic, "-l"} << "^$";
}

// Ctrl+C or SIGTERM: a clean DISCONNECT, exit 0.
void TestCliInterop::interrupted()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, outPattern);
    if (QOperatingSystemVersion::currentType() == QOperatingSystemVersion::Windows)
        QSKIP("QProcess::terminate() sends no console control event on Windows");

    TestBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const auto process = launch(m_cli, arguments + hostPort(broker) + QStringList{"-i", "cli-stop"});
    if (!waitForLog(broker, connectedAs(QStringLiteral("cli-stop"))))
        QFAIL(qPrintable("never connected; " + collect(*process, 0).describe() + brokerLog(broker)));
    // Let the simulator publish for a moment.
    QTest::qWait(300);
    process->terminate();

    const Outcome outcome = collect(*process);
    QVERIFY2(outcome.exited && outcome.exitCode == 0 && outcome.err.isEmpty(), qPrintable(outcome.describe()));
    const QRegularExpression out(outPattern);
    QVERIFY2(out.match(QString::fromUtf8(outcome.out)).hasMatch(), qPrintable(outcome.describe()));
    QVERIFY2(waitForLog(broker, QStringLiteral("Client cli-stop disconnected.")),
             qPrintable("no clean DISCONNECT" + brokerLog(broker)));
}

// pub -l reads stdin on a thread of its own; a lost broker must still end it at once.
void TestCliInterop::pubLinesEndsWhenBrokerGoes()
{
    TestBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const auto process = launch(m_cli, QStringList{"pub", "-i", "cli-lines", "-t", kTopic, "-q", "1", "-l"} + hostPort(broker));
    process->write("one\n");
    if (!waitForLog(broker, connectedAs(QStringLiteral("cli-lines"))))
        QFAIL(qPrintable("never connected; " + collect(*process, 0).describe() + brokerLog(broker)));
    broker.stop();

    const Outcome outcome = collect(*process);
    QVERIFY2(outcome.exited && outcome.exitCode == 1, qPrintable(outcome.describe()));
    const QRegularExpression oneError(QStringLiteral("^Error: \\S[^\\n]*\\n$"));
    QVERIFY2(oneError.match(QString::fromUtf8(outcome.err)).hasMatch(), qPrintable(outcome.describe()));
}

void TestCliInterop::usage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("outPattern");
    QTest::addColumn<QString>("errPattern");

    QTest::newRow("--help") << QStringList{"--help"} << 0 << "^Usage: linescope-cli COMMAND" << "^$";
    QTest::newRow("--version") << QStringList{"--version"} << 0 << "^linescope-cli \\d+\\.\\d+\\.\\d+\n$" << "^$";
    QTest::newRow("sub --help") << QStringList{"sub", "--help"} << 0 << "^Usage: linescope-cli sub .*-W SECONDS" << "^$";
    QTest::newRow("pub --help") << QStringList{"pub", "--help"} << 0 << "^Usage: linescope-cli pub .*user-property" << "^$";
    QTest::newRow("simulate --help") << QStringList{"simulate", "--help"} << 0 << "^Usage: linescope-cli simulate" << "^$";
    QTest::newRow("no command") << QStringList{} << 1 << "^$" << "^Error: no command given\\.\nUsage: ";
    QTest::newRow("unknown command") << QStringList{"publish"} << 1 << "^$" << "^Error: unknown command \"publish\"";
    QTest::newRow("unknown option") << QStringList{"sub", "-t", "a", "--bogus"} << 1 << "^$"
                                    << "^Error: Unknown option 'bogus'\\.\nUsage: linescope-cli sub ";
}

void TestCliInterop::usage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, outPattern);
    QFETCH(QString, errPattern);

    const Outcome outcome = run(m_cli, arguments);
    QVERIFY2(outcome.exited && outcome.exitCode == exitCode, qPrintable(outcome.describe()));
    const QRegularExpression outExpression(outPattern, QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression errExpression(errPattern, QRegularExpression::DotMatchesEverythingOption);
    QVERIFY2(outExpression.match(QString::fromUtf8(outcome.out)).hasMatch(), qPrintable(outcome.describe()));
    QVERIFY2(errExpression.match(QString::fromUtf8(outcome.err)).hasMatch(), qPrintable(outcome.describe()));
}

void TestCliInterop::simulate()
{
    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const QString telemetry = QStringLiteral("factory/+/+/+/+/telemetry");
    const auto reference = launch(m_mosquittoSub, hostPort(broker) + QStringList{"-i", "ref-sub", "-t", telemetry, "-C", "50", "-v"});
    QVERIFY2(waitForSubscription(broker, QStringLiteral("ref-sub"), 0, telemetry), qPrintable(brokerLog(broker)));

    const Outcome outcome = run(m_cli, QStringList{"simulate"} + hostPort(broker)
                                           + QStringList{"--count", "50", "--rate", "500", "--seed", "7", "--assets", "5",
                                                         "--uncertain", "0.2", "--bad", "0.1"});
    QVERIFY2(outcome.exited && outcome.exitCode == 0 && outcome.err.isEmpty(), qPrintable(outcome.describe()));
    const QRegularExpression summaryPattern(QStringLiteral(
        "^Published 50 telemetry messages \\(measurements: (\\d+) good, (\\d+) uncertain, (\\d+) bad\\); 0 failed\\.\\n$"));
    const QRegularExpressionMatch summary = summaryPattern.match(QString::fromUtf8(outcome.out));
    QVERIFY2(summary.hasMatch(), qPrintable(outcome.describe()));

    const Outcome received = collect(*reference);
    QVERIFY2(received.exited && received.exitCode == 0, qPrintable(received.describe()));
    const QByteArrayList messages = lines(received.out);
    QCOMPARE(messages.size(), 50);

    const QRegularExpression topicPattern(QStringLiteral("^factory/chicago/building-a/line-3/[a-z]+-\\d+/telemetry$"));
    QHash<QString, qint64> qualities;
    for (const QByteArray &message : messages) {
        const qsizetype space = message.indexOf(' ');
        const QString topic = QString::fromUtf8(message.left(space));
        QVERIFY2(topicPattern.match(topic).hasMatch(), message.constData());
        QJsonParseError parseError;
        const QJsonObject payload = QJsonDocument::fromJson(message.mid(space + 1), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, message.constData());
        QVERIFY2(QDateTime::fromString(payload.value("timestamp").toString(), Qt::ISODateWithMs).isValid(),
                 message.constData());
        QVERIFY2(!payload.value("deviceId").toString().isEmpty(), message.constData());
        const QJsonArray measurements = payload.value("measurements").toArray();
        QVERIFY2(!measurements.isEmpty(), message.constData());
        for (const QJsonValue &value : measurements) {
            const QJsonObject measurement = value.toObject();
            QVERIFY2(!measurement.value("name").toString().isEmpty() && measurement.value("value").isDouble()
                         && measurement.value("unit").isString(),
                     message.constData());
            const QString quality = measurement.value("quality").toString();
            QVERIFY2(quality == u"good" || quality == u"uncertain" || quality == u"bad", message.constData());
            ++qualities[quality];
        }
    }
    // The summary counts exactly what was received.
    QCOMPARE(qualities.value("good"), summary.captured(1).toLongLong());
    QCOMPARE(qualities.value("uncertain"), summary.captured(2).toLongLong());
    QCOMPARE(qualities.value("bad"), summary.captured(3).toLongLong());

    // The retained QoS 1 status of every asset was acknowledged before the CLI disconnected.
    const Outcome status = run(m_mosquittoSub, hostPort(broker) + QStringList{"-t", "factory/+/+/+/+/status", "-C", "5",
                                                                              "-W", "15", "-F", "%r %p"});
    QVERIFY2(status.exited && status.exitCode == 0, qPrintable(status.describe()));
    const QByteArrayList statuses = lines(status.out);
    QCOMPARE(statuses.size(), 5);
    for (const QByteArray &line : statuses) {
        QVERIFY2(line == "1 running" || line == "1 idle" || line == "1 fault", line.constData());
    }
}

QTEST_GUILESS_MAIN(TestCliInterop)
#include "tst_cli_interop.moc"
