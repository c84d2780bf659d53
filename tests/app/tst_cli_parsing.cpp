#include "cli/cli_application.h"
#include "cli/pub_command.h"
#include "cli/simulate_command.h"
#include "cli/sub_command.h"
#include "topics/topic_filter.h"
#include "topics/topic_name.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// linescope-cli argument parsing, in-process: argument lists to parsed
// options, or to the exact error text, for every command and the front.
class TestCliParsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sub_data();
    void sub();
    void pub_data();
    void pub();
    void simulate_data();
    void simulate();
    void errorOutput();
    void help_data();
    void help();
    void front_data();
    void front();

private:
    QStringList expand(QStringList arguments) const;

    QTemporaryDir m_dir;
    QString m_caFile;
    QString m_binaryFile;
    QByteArray m_binary;
};

namespace {

// Readable one-line forms, so a failed comparison shows every field.
QString describe(const ConnectionSettings &s)
{
    return QStringLiteral("host=%1 port=%2 v=%3 id=%4 user=%5 pw=%6 keepalive=%7 clean=%8 expiry=%9 "
                          "tls=%10 ca=%11 verifyHost=%12 reconnect=%13")
        .arg(s.host)
        .arg(s.port)
        .arg(s.protocolVersion == ConnectionSettings::ProtocolVersion::V5 ? QStringLiteral("5") : QStringLiteral("311"))
        .arg(s.clientId, s.username, s.password)
        .arg(s.keepAliveSeconds)
        .arg(s.cleanSession)
        .arg(s.sessionExpirySeconds)
        .arg(s.tls.enabled)
        .arg(s.tls.caFile)
        .arg(s.tls.verifyHostname)
        .arg(s.autoReconnect);
}

QString describe(const MqttProperties &p)
{
    QStringList users;
    for (const auto &[key, value] : p.userProperties)
        users << key + QStringLiteral("=") + value;
    return QStringLiteral("ct=%1 pfi=%2 rt=%3 cd=%4 exp=%5 user=[%6]")
        .arg(p.contentType)
        .arg(p.payloadFormatIndicator ? QString::number(*p.payloadFormatIndicator) : QStringLiteral("-"))
        .arg(p.responseTopic, QString::fromLatin1(p.correlationData.toHex()))
        .arg(p.messageExpirySeconds ? QString::number(*p.messageExpirySeconds) : QStringLiteral("-"))
        .arg(users.join(u','));
}

QString describe(const SubCommand::Options &o)
{
    return describe(o.connection)
        + QStringLiteral(" | filters=%1 qos=%2 format=%3 noEol=%4 skipRetained=%5 count=%6 timeout=%7")
              .arg(o.filters.join(u','))
              .arg(o.qos)
              .arg(int(o.format))
              .arg(o.noEndOfLine)
              .arg(o.skipRetained)
              .arg(o.messageCount)
              .arg(o.timeoutSeconds);
}

QString describe(const PubCommand::Options &o)
{
    return describe(o.connection)
        + QStringLiteral(" | source=%1 file=%2 topic=%3 payload=%4 qos=%5 retain=%6 | %7")
              .arg(int(o.source))
              .arg(o.filePath, o.request.topic, QString::fromLatin1(o.request.payload.toHex()))
              .arg(o.request.qos)
              .arg(o.request.retain)
              .arg(describe(o.request.properties));
}

QString describe(const SimulateCommand::Options &o)
{
    const LineSimulatorConfig &c = o.simulator;
    return describe(o.connection)
        + QStringLiteral(" | site=%1 building=%2 line=%3 assets=%4 rate=%5 uncertain=%6 bad=%7 qos=%8 seed=%9 max=%10")
              .arg(c.site, c.building, c.line)
              .arg(c.assetCount)
              .arg(c.messagesPerSecond)
              .arg(c.uncertainShare)
              .arg(c.badShare)
              .arg(c.qos)
              .arg(c.seed)
              .arg(c.maxMessages);
}

// What every command starts from: mosquitto client defaults.
ConnectionSettings cliDefaults(bool autoReconnect)
{
    ConnectionSettings s;
    s.protocolVersion = ConnectionSettings::ProtocolVersion::V311;
    s.autoReconnect = autoReconnect;
    return s;
}

SubCommand::Options subDefaults()
{
    SubCommand::Options o;
    o.connection = cliDefaults(true);
    o.filters = {QStringLiteral("a/#")};
    return o;
}

PubCommand::Options pubDefaults()
{
    PubCommand::Options o;
    o.connection = cliDefaults(false);
    o.request.topic = QStringLiteral("a/b");
    o.request.payload = "x";
    return o;
}

SimulateCommand::Options simulateDefaults()
{
    SimulateCommand::Options o;
    o.connection = cliDefaults(true);
    return o;
}

// Runs parseArguments() with in-memory devices.
template<typename Command>
struct Parsed
{
    QBuffer out;
    QBuffer err;
    Command command{&out, &err};
    bool ok = false;

    explicit Parsed(const QStringList &arguments)
    {
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
        ok = command.parseArguments(arguments);
    }
};

const QString kUsageHint = QStringLiteral("Run \"linescope-cli %1 --help\" to see all options.");

} // namespace

Q_DECLARE_METATYPE(SubCommand::Options)
Q_DECLARE_METATYPE(PubCommand::Options)
Q_DECLARE_METATYPE(SimulateCommand::Options)

void TestCliParsing::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    m_caFile = m_dir.filePath(QStringLiteral("ca.pem"));
    QFile ca(m_caFile);
    QVERIFY2(ca.open(QIODevice::WriteOnly), qPrintable(ca.errorString()));
    ca.write("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    ca.close();

    for (int i = 0; i < 512; ++i)
        m_binary.append(char(i % 256));
    m_binaryFile = m_dir.filePath(QStringLiteral("payload.bin"));
    QFile binary(m_binaryFile);
    QVERIFY2(binary.open(QIODevice::WriteOnly), qPrintable(binary.errorString()));
    QCOMPARE(binary.write(m_binary), m_binary.size());
}

// Rows name files as @CA@ and @BIN@; the fixture creates them.
QStringList TestCliParsing::expand(QStringList arguments) const
{
    for (QString &argument : arguments)
        argument.replace(QStringLiteral("@CA@"), m_caFile).replace(QStringLiteral("@BIN@"), m_binaryFile);
    return arguments;
}

void TestCliParsing::sub_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<SubCommand::Options>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("minimal") << QStringList{"-t", "a/#"} << subDefaults() << QString();

    SubCommand::Options full = subDefaults();
    full.connection.host = QStringLiteral("broker.local");
    full.connection.port = 1884;
    full.connection.clientId = QStringLiteral("me");
    full.connection.username = QStringLiteral("user");
    full.connection.password = QStringLiteral("secret");
    full.connection.keepAliveSeconds = 30;
    full.connection.protocolVersion = ConnectionSettings::ProtocolVersion::V5;
    full.connection.cleanSession = false;
    full.connection.sessionExpirySeconds = 4294967295u;
    full.filters = QStringList{"a", "b/+"};
    full.qos = 2;
    full.format = SubCommand::OutputFormat::Verbose;
    full.messageCount = 3;
    full.timeoutSeconds = 10;
    full.skipRetained = true;
    QTest::newRow("mosquitto_sub flags")
        << QStringList{"-h", "broker.local", "-p", "1884", "-t", "a", "-t", "b/+", "-q", "2", "-i", "me", "-u", "user",
                       "-P", "secret", "-k", "30", "-V", "mqttv5", "-v", "-C", "3", "-W", "10", "-R", "-c"}
        << full << QString();
    QTest::newRow("long names")
        << QStringList{"--host", "broker.local", "--port", "1884", "--topic", "a", "--topic", "b/+", "--qos", "2",
                       "--id", "me", "--username", "user", "--pw", "secret", "--keepalive", "30",
                       "--protocol-version", "5", "--verbose", "-C", "3", "-W", "10", "-R", "--disable-clean-session"}
        << full << QString();

    SubCommand::Options v5 = subDefaults();
    v5.connection.protocolVersion = ConnectionSettings::ProtocolVersion::V5;
    QTest::newRow("-V 5") << QStringList{"-t", "a/#", "-V", "5"} << v5 << QString();
    QTest::newRow("-V mqttv311") << QStringList{"-t", "a/#", "-V", "mqttv311"} << subDefaults() << QString();
    QTest::newRow("-V 311") << QStringList{"-t", "a/#", "-V", "311"} << subDefaults() << QString();

    SubCommand::Options json = subDefaults();
    json.format = SubCommand::OutputFormat::Json;
    QTest::newRow("--json overrides -v") << QStringList{"-t", "a/#", "-v", "--json"} << json << QString();

    SubCommand::Options compact = subDefaults();
    compact.format = SubCommand::OutputFormat::Verbose;
    compact.noEndOfLine = true;
    QTest::newRow("compacted -vN") << QStringList{"-t", "a/#", "-vN"} << compact << QString();
    QTest::newRow("value glued to -t") << QStringList{"-ta/#"} << subDefaults() << QString();

    SubCommand::Options tls = subDefaults();
    tls.connection.tls.enabled = true;
    tls.connection.tls.caFile = QStringLiteral("@CA@");
    tls.connection.port = 8883;
    QTest::newRow("--cafile: TLS on 8883") << QStringList{"-t", "a/#", "--cafile", "@CA@"} << tls << QString();
    SubCommand::Options tlsPort = tls;
    tlsPort.connection.port = 8884;
    tlsPort.connection.tls.verifyHostname = false;
    QTest::newRow("--cafile, -p and --insecure")
        << QStringList{"-p", "8884", "--insecure", "--cafile", "@CA@", "-t", "a/#"} << tlsPort << QString();

    const SubCommand::Options none;
    QTest::newRow("no -t") << QStringList{} << none
                           << "No topic filter given; use -t FILTER (repeat it for several filters).";
    QTest::newRow("filter with # inside")
        << QStringList{"-t", "a/#/b"} << none
        << QString("Invalid topic filter \"a/#/b\" for -t: " + TopicFilter::validate(QStringLiteral("a/#/b")).message);
    QTest::newRow("empty filter") << QStringList{"-t", "ok", "-t", ""} << none
                                  << QString("Invalid topic filter \"\" for -t: " + TopicFilter::validate(QString()).message);
    QTest::newRow("qos 3") << QStringList{"-t", "a", "-q", "3"} << none << "Invalid QoS \"3\" for -q; use 0, 1 or 2.";
    QTest::newRow("qos -1") << QStringList{"-t", "a", "-q", "-1"} << none << "Invalid QoS \"-1\" for -q; use 0, 1 or 2.";
    QTest::newRow("qos word") << QStringList{"-t", "a", "-q", "one"} << none << "Invalid QoS \"one\" for -q; use 0, 1 or 2.";
    QTest::newRow("port 0") << QStringList{"-t", "a", "-p", "0"} << none
                            << "Invalid port \"0\" for -p; use a number from 1 to 65535.";
    QTest::newRow("port 65536") << QStringList{"-t", "a", "-p", "65536"} << none
                                << "Invalid port \"65536\" for -p; use a number from 1 to 65535.";
    QTest::newRow("port word") << QStringList{"-t", "a", "-p", "mqtt"} << none
                               << "Invalid port \"mqtt\" for -p; use a number from 1 to 65535.";
    QTest::newRow("keepalive -1") << QStringList{"-t", "a", "-k", "-1"} << none
                                  << "Invalid keep-alive \"-1\" for -k; use seconds from 0 to 65535.";
    QTest::newRow("-V 31") << QStringList{"-t", "a", "-V", "31"} << none
                           << "Invalid MQTT version \"31\" for -V; use 311, 5, mqttv311 or mqttv5.";
    QTest::newRow("-C 0") << QStringList{"-t", "a", "-C", "0"} << none
                          << "Invalid message count \"0\" for -C; use a number of 1 or more.";
    QTest::newRow("-W 0") << QStringList{"-t", "a", "-W", "0"} << none
                          << "Invalid timeout \"0\" for -W; use seconds from 1 to 2147483.";
    QTest::newRow("-c without -i") << QStringList{"-t", "a", "-c"} << none
                                   << "-c needs a client id (-i ID); the broker keeps the session under that id.";
    QTest::newRow("-P without -u") << QStringList{"-t", "a", "-P", "pw"} << none
                                   << "-P needs -u; a password is only sent together with a user name.";
    QTest::newRow("-N with --json") << QStringList{"-t", "a", "-N", "--json"} << none
                                    << "-N cannot be combined with --json, which prints one object per line.";
    QTest::newRow("empty host") << QStringList{"-h", "", "-t", "a"} << none
                                << "The host given with -h is empty; give a host name or address.";
    QTest::newRow("empty id") << QStringList{"-i", "", "-t", "a"} << none
                              << "The client id given with -i is empty; leave -i out to get a generated id.";
    QTest::newRow("--insecure without TLS") << QStringList{"-t", "a", "--insecure"} << none
                                            << "--insecure only applies to TLS connections; add --cafile FILE.";
    QTest::newRow("missing CA file") << QStringList{"-t", "a", "--cafile", "/nonexistent/ca.pem"} << none
                                     << "Cannot read the CA file \"/nonexistent/ca.pem\" given with --cafile.";
    QTest::newRow("unknown option") << QStringList{"-t", "a", "--bogus"} << none << "Unknown option 'bogus'.";
    QTest::newRow("unknown short option") << QStringList{"-t", "a", "-x"} << none << "Unknown option 'x'.";
    QTest::newRow("missing value") << QStringList{"-t"} << none << "Missing value after '-t'.";
    QTest::newRow("positional argument") << QStringList{"-t", "a", "extra"} << none << "Unexpected argument \"extra\".";
}

void TestCliParsing::sub()
{
    QFETCH(QStringList, arguments);
    QFETCH(SubCommand::Options, expected);
    QFETCH(QString, error);

    Parsed<SubCommand> parsed(expand(arguments));
    QVERIFY2(parsed.ok == error.isEmpty(), qPrintable(QString::fromUtf8(parsed.err.data())));
    if (error.isEmpty()) {
        expected.connection.tls.caFile.replace(QStringLiteral("@CA@"), m_caFile);
        QCOMPARE(describe(parsed.command.options()), describe(expected));
        QVERIFY2(!parsed.command.isFinished(), "a parsed command waits for start()");
        QVERIFY2(parsed.err.data().isEmpty(), parsed.err.data().constData());
    } else {
        QCOMPARE(parsed.command.parseError(), error);
        QVERIFY(parsed.command.isFinished());
        QCOMPARE(parsed.command.exitCode(), 1);
    }
}

void TestCliParsing::pub_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<PubCommand::Options>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("-m") << QStringList{"-t", "a/b", "-m", "x"} << pubDefaults() << QString();

    PubCommand::Options full = pubDefaults();
    full.connection.host = QStringLiteral("10.0.0.5");
    full.connection.port = 1999;
    full.connection.clientId = QStringLiteral("line-3-pub");
    full.request.qos = 2;
    full.request.retain = true;
    full.request.payload = "{\"mode\":\"maintenance\"}";
    QTest::newRow("mosquitto_pub flags")
        << QStringList{"-h", "10.0.0.5", "-p", "1999", "-i", "line-3-pub", "-t", "a/b", "-q", "2", "-r", "-m",
                       "{\"mode\":\"maintenance\"}"}
        << full << QString();

    PubCommand::Options utf8 = pubDefaults();
    utf8.request.payload = QStringLiteral("grüße ✓").toUtf8();
    QTest::newRow("-m is sent as UTF-8") << QStringList{"-t", "a/b", "-m", "grüße ✓"} << utf8 << QString();

    PubCommand::Options dashValue = pubDefaults();
    dashValue.request.payload = "-D";
    QTest::newRow("-m value that looks like -D") << QStringList{"-t", "a/b", "-m", "-D"} << dashValue << QString();

    PubCommand::Options null = pubDefaults();
    null.source = PubCommand::MessageSource::Null;
    null.request.payload.clear();
    QTest::newRow("-n") << QStringList{"-t", "a/b", "-n"} << null << QString();

    PubCommand::Options file = pubDefaults();
    file.source = PubCommand::MessageSource::File;
    file.filePath = QStringLiteral("@BIN@");
    file.request.payload = m_binary;
    QTest::newRow("-f binary file") << QStringList{"-t", "a/b", "-f", "@BIN@"} << file << QString();

    PubCommand::Options whole = null;
    whole.source = PubCommand::MessageSource::StdinWhole;
    QTest::newRow("-s") << QStringList{"-t", "a/b", "-s"} << whole << QString();
    PubCommand::Options lines = null;
    lines.source = PubCommand::MessageSource::StdinLines;
    QTest::newRow("-l") << QStringList{"-t", "a/b", "-l"} << lines << QString();

    PubCommand::Options props = pubDefaults();
    props.connection.protocolVersion = ConnectionSettings::ProtocolVersion::V5;
    props.request.properties.userProperties = {{QStringLiteral("k"), QStringLiteral("v")},
                                               {QStringLiteral("k"), QStringLiteral("v 2")}};
    props.request.properties.contentType = QStringLiteral("text/plain");
    props.request.properties.responseTopic = QStringLiteral("reply/to");
    props.request.properties.correlationData = "c-1";
    props.request.properties.messageExpirySeconds = 4294967295u;
    props.request.properties.payloadFormatIndicator = 1;
    QTest::newRow("-D publish properties")
        << QStringList{"-D", "publish", "user-property", "k", "v", "-t", "a/b", "-V", "5", "-m", "x",
                       "-D", "publish", "user-property", "k", "v 2", "-D", "publish", "content-type", "text/plain",
                       "-D", "publish", "response-topic", "reply/to", "-D", "publish", "correlation-data", "c-1",
                       "-D", "publish", "message-expiry-interval", "4294967295",
                       "--property", "publish", "payload-format-indicator", "1"}
        << props << QString();

    const PubCommand::Options none;
    QTest::newRow("no -t") << QStringList{"-m", "x"} << none << "No topic given; use -t TOPIC.";
    QTest::newRow("two -t") << QStringList{"-t", "a", "-t", "b", "-m", "x"} << none
                            << "-t was given 2 times; pub publishes to exactly one topic.";
    for (const QString &topic : {QStringLiteral("a/#"), QStringLiteral("a/+/b"), QString()}) {
        QTest::addRow("invalid topic \"%s\"", qPrintable(topic))
            << QStringList{"-t", topic, "-m", "x"} << none
            << QString("Invalid topic for -t: " + TopicName::validateForPublish(topic));
    }
    QTest::newRow("qos 3") << QStringList{"-t", "a", "-m", "x", "-q", "3"} << none
                           << "Invalid QoS \"3\" for -q; use 0, 1 or 2.";
    QTest::newRow("no message") << QStringList{"-t", "a"} << none
                                << "No message given; use one of -m MESSAGE, -f FILE, -s, -l or -n.";
    QTest::newRow("-m and -n") << QStringList{"-t", "a", "-m", "x", "-n"} << none
                               << "Give only one of -m, -f, -s, -l and -n.";
    QTest::newRow("-s and -l") << QStringList{"-t", "a", "-s", "-l"} << none << "Give only one of -m, -f, -s, -l and -n.";
    QFile missing(QStringLiteral("/nonexistent/payload.bin"));
    missing.open(QIODevice::ReadOnly);
    QTest::newRow("-f missing file")
        << QStringList{"-t", "a", "-f", "/nonexistent/payload.bin"} << none
        << QString("Cannot read the message file \"/nonexistent/payload.bin\" given with -f: " + missing.errorString());
    QTest::newRow("-D on MQTT 3.1.1")
        << QStringList{"-t", "a", "-m", "x", "-D", "publish", "user-property", "k", "v"} << none
        << "-D needs MQTT 5 (-V 5); MQTT 3.1.1 messages cannot carry properties.";
    QTest::newRow("-D incomplete") << QStringList{"-V", "5", "-t", "a", "-m", "x", "-D", "publish", "user-property", "k"}
                                   << none
                                   << "-D needs a command, a property and its value, e.g. -D publish user-property KEY VALUE.";
    QTest::newRow("-D connect") << QStringList{"-V", "5", "-t", "a", "-m", "x", "-D", "connect", "session-expiry-interval", "5"}
                                << none << "-D connect is not supported; pub sends PUBLISH properties only (-D publish ...).";
    QTest::newRow("-D unsupported property")
        << QStringList{"-V", "5", "-t", "a", "-m", "x", "-D", "publish", "topic-alias", "3"} << none
        << "Unsupported property \"topic-alias\" for -D publish; use user-property, content-type, response-topic, "
           "correlation-data, message-expiry-interval or payload-format-indicator.";
    QTest::newRow("-D content-type twice")
        << QStringList{"-V", "5", "-t", "a", "-m", "x", "-D", "publish", "content-type", "a", "-D", "publish",
                       "content-type", "b"}
        << none << "-D publish content-type was given twice; it may appear only once.";
    QTest::newRow("-D expiry too large")
        << QStringList{"-V", "5", "-t", "a", "-m", "x", "-D", "publish", "message-expiry-interval", "4294967296"} << none
        << "Invalid message expiry interval \"4294967296\" for -D publish message-expiry-interval; "
           "use seconds from 0 to 4294967295.";
    QTest::newRow("-D payload format 2")
        << QStringList{"-V", "5", "-t", "a", "-m", "x", "-D", "publish", "payload-format-indicator", "2"} << none
        << "Invalid payload format indicator \"2\" for -D publish payload-format-indicator; use 0 (bytes) or 1 (UTF-8).";
    MqttPublishRequest notUtf8;
    notUtf8.topic = QStringLiteral("a");
    notUtf8.payload = m_binary;
    notUtf8.properties.payloadFormatIndicator = 1;
    QTest::newRow("-D payload-format-indicator 1 with a binary file")
        << QStringList{"-V", "5", "-t", "a", "-f", "@BIN@", "-D", "publish", "payload-format-indicator", "1"} << none
        << QString("Invalid message: " + validatePublishRequest(notUtf8, ConnectionSettings::ProtocolVersion::V5));
    QTest::newRow("-D response topic with wildcard")
        << QStringList{"-V", "5", "-t", "a", "-m", "x", "-D", "publish", "response-topic", "r/#"} << none
        << QString("Invalid response topic for -D publish response-topic: "
                   + TopicName::validateForPublish(QStringLiteral("r/#")));
}

void TestCliParsing::pub()
{
    QFETCH(QStringList, arguments);
    QFETCH(PubCommand::Options, expected);
    QFETCH(QString, error);

    Parsed<PubCommand> parsed(expand(arguments));
    QVERIFY2(parsed.ok == error.isEmpty(), qPrintable(QString::fromUtf8(parsed.err.data())));
    if (error.isEmpty()) {
        expected.filePath.replace(QStringLiteral("@BIN@"), m_binaryFile);
        QCOMPARE(describe(parsed.command.options()), describe(expected));
    } else {
        QCOMPARE(parsed.command.parseError(), error);
        QCOMPARE(parsed.command.exitCode(), 1);
    }
}

void TestCliParsing::simulate_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<SimulateCommand::Options>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("defaults") << QStringList{} << simulateDefaults() << QString();

    SimulateCommand::Options full = simulateDefaults();
    full.connection.host = QStringLiteral("plant-broker");
    full.connection.port = 1999;
    full.simulator.site = QStringLiteral("detroit");
    full.simulator.building = QStringLiteral("building-b");
    full.simulator.line = QStringLiteral("line-1");
    full.simulator.assetCount = 3;
    full.simulator.messagesPerSecond = 250.5;
    full.simulator.maxMessages = 50;
    full.simulator.uncertainShare = 0.1;
    full.simulator.badShare = 0.25;
    full.simulator.seed = 4294967295u;
    full.simulator.qos = 1;
    QTest::newRow("all options")
        << QStringList{"-h", "plant-broker", "-p", "1999", "--site", "detroit", "--building", "building-b", "--line",
                       "line-1", "--assets", "3", "--rate", "250.5", "--count", "50", "--uncertain", "0.1", "--bad",
                       "0.25", "--seed", "4294967295", "-q", "1"}
        << full << QString();

    const SimulateCommand::Options none;
    QTest::newRow("--assets 0") << QStringList{"--assets", "0"} << none
                                << "Invalid asset count \"0\" for --assets; use a number from 1 to 10000.";
    QTest::newRow("--rate 0") << QStringList{"--rate", "0"} << none
                              << "Invalid rate \"0\" for --rate; use messages per second above 0, up to 100000.";
    QTest::newRow("--rate nan") << QStringList{"--rate", "nan"} << none
                                << "Invalid rate \"nan\" for --rate; use messages per second above 0, up to 100000.";
    QTest::newRow("--count 0") << QStringList{"--count", "0"} << none
                               << "Invalid message count \"0\" for --count; use a number of 1 or more.";
    QTest::newRow("--uncertain 1.5") << QStringList{"--uncertain", "1.5"} << none
                                     << "Invalid share \"1.5\" for --uncertain; use a number from 0 to 1.";
    QTest::newRow("shares above 1") << QStringList{"--uncertain", "0.75", "--bad", "0.5"} << none
                                    << "--uncertain and --bad add up to 1.25; together they may be at most 1.";
    QTest::newRow("--seed -1") << QStringList{"--seed", "-1"} << none
                               << "Invalid seed \"-1\" for --seed; use a number from 0 to 4294967295.";
    QTest::newRow("--site with /") << QStringList{"--site", "a/b"} << none
                                   << "Invalid value \"a/b\" for --site: A topic level must not contain '/'.";
    QTest::newRow("--line with +")
        << QStringList{"--line", "l+"} << none
        << QString("Invalid value \"l+\" for --line: " + TopicName::validateForPublish(QStringLiteral("l+")));
    QTest::newRow("-q 3") << QStringList{"-q", "3"} << none << "Invalid QoS \"3\" for -q; use 0, 1 or 2.";
    QTest::newRow("-t is not a simulate option") << QStringList{"-t", "x"} << none << "Unknown option 't'.";
}

void TestCliParsing::simulate()
{
    QFETCH(QStringList, arguments);
    QFETCH(SimulateCommand::Options, expected);
    QFETCH(QString, error);

    Parsed<SimulateCommand> parsed(arguments);
    QVERIFY2(parsed.ok == error.isEmpty(), qPrintable(QString::fromUtf8(parsed.err.data())));
    if (error.isEmpty())
        QCOMPARE(describe(parsed.command.options()), describe(expected));
    else
        QCOMPARE(parsed.command.parseError(), error);
}

void TestCliParsing::errorOutput()
{
    Parsed<PubCommand> parsed(QStringList{"-t", "a/#", "-m", "x"});
    QVERIFY(!parsed.ok);
    const QString expected = "Error: " + parsed.command.parseError() + "\n" + parsed.command.usageLine() + "\n"
        + kUsageHint.arg(QStringLiteral("pub")) + "\n";
    QCOMPARE(QString::fromUtf8(parsed.err.data()), expected);
    QVERIFY2(parsed.command.usageLine().startsWith(QStringLiteral("Usage: linescope-cli pub -t TOPIC")),
             qPrintable(parsed.command.usageLine()));
    QVERIFY2(parsed.out.data().isEmpty(), parsed.out.data().constData());
}

void TestCliParsing::help_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mustMention");

    QTest::newRow("sub --help") << QStringLiteral("sub") << QStringList{"--help"}
                                << QStringList{"-h, --host HOST", "-t, --topic FILTER", "-C COUNT", "-W SECONDS",
                                               "--json", "--cafile FILE", "--insecure", "--help", "27"};
    QTest::newRow("pub --help wins over errors")
        << QStringLiteral("pub") << QStringList{"-q", "7", "--help"}
        << QStringList{"-m, --message MESSAGE", "-l, --stdin-line", "-D, --property", "user-property KEY VALUE"};
    QTest::newRow("simulate --help") << QStringLiteral("simulate") << QStringList{"--help"}
                                     << QStringList{"--assets N", "--rate MSGS_PER_S", "--count N", "--seed N"};
}

void TestCliParsing::help()
{
    QFETCH(QString, command);
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mustMention);

    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    CliApplication cli(&out, &err);
    QVERIFY(!cli.prepare(QStringList{"linescope-cli", command} + arguments));
    QCOMPARE(cli.exitCode(), 0);
    const QString text = QString::fromUtf8(out.data());
    QVERIFY2(text.startsWith("Usage: linescope-cli " + command), qPrintable(text));
    for (const QString &mention : mustMention)
        QVERIFY2(text.contains(mention), qPrintable(mention + " missing from:\n" + text));
    QVERIFY2(err.data().isEmpty(), err.data().constData());
}

void TestCliParsing::front_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("ready");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("outPattern");
    QTest::addColumn<QString>("errPattern");

    QTest::newRow("no command") << QStringList{} << false << 1 << "^$" << "^Error: no command given\\.\nUsage: ";
    QTest::newRow("--help") << QStringList{"--help"} << false << 0 << "^Usage: linescope-cli COMMAND.*\n  sub .*pub .*simulate "
                            << "^$";
    QTest::newRow("--version") << QStringList{"--version"} << false << 0 << "^linescope-cli \\d+\\.\\d+\\.\\d+\n$" << "^$";
    QTest::newRow("unknown command") << QStringList{"frob", "-t", "a"} << false << 1 << "^$"
                                     << "^Error: unknown command \"frob\"\\.\nUsage: linescope-cli COMMAND";
    QTest::newRow("option before command") << QStringList{"-t", "a", "sub"} << false << 1 << "^$"
                                           << "^Error: unknown option \"-t\"; the command comes first\\.\nUsage: ";
    QTest::newRow("sub ready") << QStringList{"sub", "-t", "a"} << true << 0 << "^$" << "^$";
    QTest::newRow("pub ready") << QStringList{"pub", "-t", "a", "-l"} << true << 0 << "^$" << "^$";
    QTest::newRow("sub with unknown option")
        << QStringList{"sub", "-t", "a", "--nope"} << false << 1 << "^$"
        << "^Error: Unknown option 'nope'\\.\nUsage: linescope-cli sub .*\nRun \"linescope-cli sub --help\"";
}

void TestCliParsing::front()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, ready);
    QFETCH(int, exitCode);
    QFETCH(QString, outPattern);
    QFETCH(QString, errPattern);

    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    CliApplication cli(&out, &err);
    QCOMPARE(cli.prepare(QStringList{"linescope-cli"} + arguments), ready);
    QCOMPARE(cli.exitCode(), exitCode);
    if (ready)
        QCOMPARE(cli.command()->name(), arguments.constFirst());

    const QString outText = QString::fromUtf8(out.data());
    const QString errText = QString::fromUtf8(err.data());
    const QRegularExpression outExpression(outPattern, QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression errExpression(errPattern, QRegularExpression::DotMatchesEverythingOption);
    QVERIFY2(outExpression.match(outText).hasMatch(), qPrintable("stdout: " + outText));
    QVERIFY2(errExpression.match(errText).hasMatch(), qPrintable("stderr: " + errText));
}

QTEST_GUILESS_MAIN(TestCliParsing)
#include "tst_cli_parsing.moc"
