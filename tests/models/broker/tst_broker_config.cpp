#include "broker/broker_config.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(BrokerConfig)

class TestBrokerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_data();
    void render();
    void eachDirectiveOnce();
    void extraLinesComeLast();
    void configFilePath();
    void lanListenerIsClosedByConstruction_data();
    void lanListenerIsClosedByConstruction();
    void validate_data();
    void validate();
};

namespace {

QStringList meaningfulLines(const QString &text)
{
    QStringList lines;
    const QStringList all = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : all) {
        if (!line.startsWith(QLatin1Char('#')))
            lines << line;
    }
    return lines;
}

BrokerConfig baseConfig()
{
    BrokerConfig config;
    config.dataDirectory = QStringLiteral("/var/lib/linescope/broker");
    return config;
}

} // namespace

void TestBrokerConfig::render_data()
{
    QTest::addColumn<BrokerConfig>("config");
    QTest::addColumn<QStringList>("expectedLines");
    QTest::addColumn<QStringList>("forbiddenPrefixes");

    const QStringList common = {
        QStringLiteral("per_listener_settings false"),
        QStringLiteral("log_dest stderr"),
        QStringLiteral("log_type error"),
        QStringLiteral("log_type warning"),
        QStringLiteral("log_type notice"),
        QStringLiteral("log_type information"),
        QStringLiteral("connection_messages true"),
        QStringLiteral("sys_interval 1"),
        QStringLiteral("max_queued_bytes 0"),
        QStringLiteral("max_inflight_bytes 0"),
    };

    BrokerConfig defaults = baseConfig();
    QTest::newRow("defaults") << defaults
                              << common + QStringList{QStringLiteral("listener 1883 127.0.0.1"),
                                                      QStringLiteral("allow_anonymous true"),
                                                      QStringLiteral("persistence true"),
                                                      QStringLiteral("persistence_location /var/lib/linescope/broker/"),
                                                      QStringLiteral("autosave_interval 1"),
                                                      QStringLiteral("max_queued_messages 0")}
                              << QStringList{QStringLiteral("user ")};

    BrokerConfig closed = baseConfig();
    closed.allowAnonymous = false;
    QTest::newRow("anonymous refused") << closed << common + QStringList{QStringLiteral("allow_anonymous false")}
                                       << QStringList{QStringLiteral("allow_anonymous true")};

    BrokerConfig volatileBroker = baseConfig();
    volatileBroker.persistence = false;
    QTest::newRow("no persistence") << volatileBroker << common + QStringList{QStringLiteral("persistence false")}
                                    << QStringList{QStringLiteral("persistence_location"), QStringLiteral("autosave_interval")};

    BrokerConfig network = baseConfig();
    network.bindAddress = QStringLiteral("0.0.0.0");
    network.port = 8883;
    QTest::newRow("all interfaces") << network << common + QStringList{QStringLiteral("listener 8883 0.0.0.0")}
                                    << QStringList{QStringLiteral("listener 1883")};

    BrokerConfig bounded = baseConfig();
    bounded.maxQueuedMessages = 500;
    bounded.autosaveIntervalSeconds = 30;
    QTest::newRow("bounded queue, slow autosave")
        << bounded << common + QStringList{QStringLiteral("max_queued_messages 500"), QStringLiteral("autosave_interval 30")}
        << QStringList{QStringLiteral("max_queued_messages 0"), QStringLiteral("autosave_interval 1")};

    BrokerConfig spaces = baseConfig();
    spaces.dataDirectory = QStringLiteral("/home/line engineer/LineScope Broker/");
    QTest::newRow("directory with spaces and trailing slash")
        << spaces << common + QStringList{QStringLiteral("persistence_location /home/line engineer/LineScope Broker/")}
        << QStringList{};

    BrokerConfig root = baseConfig();
    root.runAsUser = QStringLiteral("root");
    QTest::newRow("run as user") << root << common + QStringList{QStringLiteral("user root")} << QStringList{};
}

void TestBrokerConfig::render()
{
    QFETCH(BrokerConfig, config);
    QFETCH(QStringList, expectedLines);
    QFETCH(QStringList, forbiddenPrefixes);

    const QString text = config.render();
    QVERIFY2(text.endsWith(QLatin1Char('\n')), "mosquitto ignores a last line without a newline on some versions");
    const QStringList lines = meaningfulLines(text);
    for (const QString &expected : expectedLines)
        QVERIFY2(lines.contains(expected), qPrintable(QStringLiteral("missing line \"%1\" in:\n%2").arg(expected, text)));
    for (const QString &prefix : forbiddenPrefixes) {
        for (const QString &line : lines)
            QVERIFY2(!line.startsWith(prefix), qPrintable(QStringLiteral("unexpected line \"%1\" in:\n%2").arg(line, text)));
    }
}

void TestBrokerConfig::eachDirectiveOnce()
{
    // mosquitto lets a later line override an earlier one; a duplicate
    // would make one of our settings silently ineffective.
    BrokerConfig config = baseConfig();
    config.runAsUser = QStringLiteral("root");
    QSet<QString> seen;
    const QStringList lines = meaningfulLines(config.render());
    for (const QString &line : lines) {
        const QString key = line.section(QLatin1Char(' '), 0, 0);
        if (key == QLatin1String("log_type"))
            continue;  // one type per line by design
        QVERIFY2(!seen.contains(key), qPrintable(QStringLiteral("directive %1 appears twice").arg(key)));
        seen.insert(key);
    }
}

void TestBrokerConfig::extraLinesComeLast()
{
    BrokerConfig config = baseConfig();
    config.extraLines = {QStringLiteral("max_queued_messages 1000"), QStringLiteral("listener 1884 127.0.0.1")};
    const QStringList lines = meaningfulLines(config.render());
    QVERIFY2(lines.size() > 2, "rendered config is empty");
    QCOMPARE(lines.mid(lines.size() - 2), config.extraLines);
}

void TestBrokerConfig::configFilePath()
{
    BrokerConfig config = baseConfig();
    QCOMPARE(config.configFilePath(), QStringLiteral("/var/lib/linescope/broker/mosquitto.conf"));
    config.dataDirectory = QDir::tempPath();
    QCOMPARE(QFileInfo(config.configFilePath()).dir().absolutePath(), QDir(QDir::tempPath()).absolutePath());
}

void TestBrokerConfig::lanListenerIsClosedByConstruction_data()
{
    QTest::addColumn<BrokerConfig>("config");
    QTest::addColumn<QStringList>("lanBlock");

    BrokerConfig lan = baseConfig();
    lan.lan.enabled = true;
    lan.lan.port = 8883;
    lan.lan.securityPluginPath = QStringLiteral("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so");
    const QStringList plain = {QStringLiteral("listener 8883 0.0.0.0"), QStringLiteral("allow_anonymous false"),
                               QStringLiteral("plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so"),
                               QStringLiteral("plugin_opt_config_file /var/lib/linescope/broker/dynamic-security.json")};
    QTest::newRow("password only") << lan << plain;

    // Extra lines cannot reopen the LAN listener: they end up above it.
    BrokerConfig hostile = lan;
    hostile.extraLines = {QStringLiteral("allow_anonymous true")};
    QTest::newRow("extra lines before the LAN block") << hostile << plain;

    BrokerConfig tls = lan;
    tls.lan.tls.enabled = true;
    tls.lan.tls.caFile = QStringLiteral("/etc/line/ca.pem");
    tls.lan.tls.certFile = QStringLiteral("/etc/line/broker.pem");
    tls.lan.tls.keyFile = QStringLiteral("/etc/line/broker.key");
    QTest::newRow("TLS with client certificates")
        << tls << plain + QStringList{QStringLiteral("cafile /etc/line/ca.pem"), QStringLiteral("certfile /etc/line/broker.pem"),
                                      QStringLiteral("keyfile /etc/line/broker.key"), QStringLiteral("require_certificate true"),
                                      QStringLiteral("tls_version tlsv1.2")};
}

void TestBrokerConfig::lanListenerIsClosedByConstruction()
{
    QFETCH(BrokerConfig, config);
    QFETCH(QStringList, lanBlock);
    const QString text = config.render();
    const QStringList lines = meaningfulLines(text);
    QVERIFY2(lines.contains(QStringLiteral("per_listener_settings true")),
             qPrintable(QStringLiteral("allow_anonymous would be global:\n%1").arg(text)));
    // The LAN block is the end of the file, so nothing can override it.
    QCOMPARE(lines.mid(lines.size() - lanBlock.size()), lanBlock);
    QVERIFY2(lines.contains(QStringLiteral("listener 1883 127.0.0.1")), qPrintable(text));
    QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
}

void TestBrokerConfig::validate_data()
{
    QTest::addColumn<BrokerConfig>("config");
    QTest::addColumn<QString>("problemContains");

    BrokerConfig lan = baseConfig();
    lan.lan.enabled = true;
    lan.lan.securityPluginPath = QStringLiteral("/usr/lib/mosquitto_dynamic_security.so");
    QTest::newRow("loopback only") << baseConfig() << QString();
    QTest::newRow("LAN listener") << lan << QString();
    BrokerConfig noPlugin = lan;
    noPlugin.lan.securityPluginPath.clear();
    QTest::newRow("no plugin") << noPlugin << QStringLiteral("dynamic-security plugin");
    BrokerConfig samePort = lan;
    samePort.lan.port = samePort.port;
    QTest::newRow("same port") << samePort << QStringLiteral("port 1883");
    BrokerConfig tlsNoKey = lan;
    tlsNoKey.lan.tls.enabled = true;
    tlsNoKey.lan.tls.certFile = QStringLiteral("/etc/line/broker.pem");
    QTest::newRow("TLS without key") << tlsNoKey << QStringLiteral("certificate and key");
    BrokerConfig tlsNoCa = tlsNoKey;
    tlsNoCa.lan.tls.keyFile = QStringLiteral("/etc/line/broker.key");
    QTest::newRow("client certificates without CA") << tlsNoCa << QStringLiteral("CA file");
    BrokerConfig bindWithLineBreak = lan;
    bindWithLineBreak.lan.bindAddress = QStringLiteral("0.0.0.0\nallow_anonymous true");
    QTest::newRow("address with a line break") << bindWithLineBreak << QStringLiteral("is not an address");
    BrokerConfig emptyBind = lan;
    emptyBind.lan.bindAddress.clear();
    QTest::newRow("empty address") << emptyBind << QStringLiteral("is not an address");
    BrokerConfig caWithLineBreak = tlsNoCa;
    caWithLineBreak.lan.tls.caFile = QStringLiteral("/etc/line/ca.pem\r\nallow_anonymous true");
    QTest::newRow("CA path with a line break") << caWithLineBreak << QStringLiteral("CA file path contains a line break");
}

void TestBrokerConfig::validate()
{
    QFETCH(BrokerConfig, config);
    QFETCH(QString, problemContains);
    const QString problem = config.validate();
    if (problemContains.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(problemContains), qPrintable(QStringLiteral("\"%1\"").arg(problem)));
}

QTEST_GUILESS_MAIN(TestBrokerConfig)
#include "tst_broker_config.moc"
