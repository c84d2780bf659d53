// BrokerSettings: broker.json round trip, defaults for a missing file or
// missing members, one clear message per invalid member (which member, what
// is wrong, what is allowed), unknown members, command-line overrides and
// the mapping to BrokerConfig.
#include "broker/broker_settings.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestBrokerSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void missingFileGivesDefaults();
    void goodFile_data();
    void goodFile();
    void badFile_data();
    void badFile();
    void overrides();
    void configMapping();

private:
    static BrokerSettings tlsSettings();
    static QString write(const QTemporaryDir &dir, const QByteArray &content);
};

BrokerSettings TestBrokerSettings::tlsSettings()
{
    BrokerSettings s;
    s.lanEnabled = true;
    s.lanPort = 18883;
    s.lanBindAddress = QStringLiteral("192.168.10.5");
    s.tlsEnabled = true;
    s.tlsCertificateFile = QStringLiteral("/etc/linescope/broker.crt");
    s.tlsKeyFile = QStringLiteral("/etc/linescope/broker.key");
    s.tlsCaFile = QStringLiteral("/etc/linescope/devices-ca.crt");
    s.tlsRequireCertificate = false;
    return s;
}

QString TestBrokerSettings::write(const QTemporaryDir &dir, const QByteArray &content)
{
    const QString path = BrokerSettings::filePath(dir.path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qWarning("cannot write %s: %s", qPrintable(path), qPrintable(file.errorString()));
    return path;
}

void TestBrokerSettings::roundTrip()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const BrokerSettings s = tlsSettings();
    QVERIFY2(s.validate().isEmpty(), qPrintable(s.validate()));
    const QString file = BrokerSettings::filePath(dir.filePath(QStringLiteral("new-folder")));
    QCOMPARE(QFileInfo(file).fileName(), QStringLiteral("broker.json"));
    QString error;
    QVERIFY2(s.save(file, &error), qPrintable(error));
    BrokerSettings loaded;
    QVERIFY2(BrokerSettings::load(file, &loaded, &error), qPrintable(error));
    QVERIFY(loaded == s);

    // Paths and numbers only, under the documented member names.
    QFile saved(file);
    QVERIFY2(saved.open(QIODevice::ReadOnly), qPrintable(saved.errorString()));
    const QJsonObject json = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(json.keys(), (QStringList{QStringLiteral("lanBindAddress"), QStringLiteral("lanEnabled"), QStringLiteral("lanPort"),
                                       QStringLiteral("tlsCaFile"), QStringLiteral("tlsCertificateFile"), QStringLiteral("tlsEnabled"),
                                       QStringLiteral("tlsKeyFile"), QStringLiteral("tlsRequireCertificate")}));
    QCOMPARE(json.value(QStringLiteral("lanPort")).toInt(), 18883);
}

void TestBrokerSettings::missingFileGivesDefaults()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSettings s = tlsSettings();
    QString error;
    QVERIFY2(BrokerSettings::load(BrokerSettings::filePath(dir.path()), &s, &error), qPrintable(error));
    QVERIFY2(s == BrokerSettings(), "a missing file must give the defaults");
    QVERIFY(!s.lanEnabled);
    QCOMPARE(s.lanPort, BrokerConfig::LanListener().port);
    QCOMPARE(s.lanBindAddress, BrokerConfig::LanListener().bindAddress);
    QVERIFY(!QFile::exists(BrokerSettings::filePath(dir.path())));
}

void TestBrokerSettings::goodFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("lanEnabled");
    QTest::addColumn<int>("lanPort");
    QTest::addColumn<bool>("tlsEnabled");
    QTest::newRow("empty object") << QByteArray("{}") << false << 8883 << false;
    QTest::newRow("only the port") << QByteArray(R"({"lanEnabled": true, "lanPort": 1884})") << true << 1884 << false;
    QTest::newRow("null member keeps the default") << QByteArray(R"({"lanPort": null})") << false << 8883 << false;
    QTest::newRow("TLS off, no files") << QByteArray(R"({"lanEnabled": true, "tlsEnabled": false, "tlsCertificateFile": ""})")
                                       << true << 8883 << false;
    QTest::newRow("TLS without client certificates")
        << QByteArray(R"({"lanEnabled": true, "tlsEnabled": true, "tlsCertificateFile": "b.crt", "tlsKeyFile": "b.key",
                          "tlsRequireCertificate": false})")
        << true << 8883 << true;
}

void TestBrokerSettings::goodFile()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, lanEnabled);
    QFETCH(int, lanPort);
    QFETCH(bool, tlsEnabled);
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSettings s;
    QString error;
    QVERIFY2(BrokerSettings::load(write(dir, content), &s, &error), qPrintable(error));
    QCOMPARE(s.lanEnabled, lanEnabled);
    QCOMPARE(s.lanPort, lanPort);
    QCOMPARE(s.tlsEnabled, tlsEnabled);
}

void TestBrokerSettings::badFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("errorContains");
    const QString range = QStringLiteral("between 1 and 65535");
    QTest::newRow("not JSON") << QByteArray("{lanPort: 1") << QStringList{QStringLiteral("not a JSON object"), QStringLiteral("broker.json")};
    QTest::newRow("array") << QByteArray("[]") << QStringList{QStringLiteral("not a JSON object")};
    QTest::newRow("empty file") << QByteArray() << QStringList{QStringLiteral("not a JSON object")};
    QTest::newRow("port as text") << QByteArray(R"({"lanPort": "8883"})") << QStringList{QStringLiteral("\"lanPort\" must be a whole number")};
    QTest::newRow("port with fraction") << QByteArray(R"({"lanPort": 8883.5})") << QStringList{QStringLiteral("\"lanPort\" must be a whole number")};
    QTest::newRow("enabled as number") << QByteArray(R"({"lanEnabled": 1})") << QStringList{QStringLiteral("\"lanEnabled\" must be true or false")};
    QTest::newRow("bind as number") << QByteArray(R"({"lanBindAddress": 0})") << QStringList{QStringLiteral("\"lanBindAddress\" must be a string")};
    QTest::newRow("CA as list") << QByteArray(R"({"tlsCaFile": ["a"]})") << QStringList{QStringLiteral("\"tlsCaFile\" must be a string")};
    QTest::newRow("require as text") << QByteArray(R"({"tlsRequireCertificate": "yes"})")
                                     << QStringList{QStringLiteral("\"tlsRequireCertificate\" must be true or false")};
    QTest::newRow("unknown member") << QByteArray(R"({"lanEnabled": true, "lanPrt": 1884})")
                                    << QStringList{QStringLiteral("\"lanPrt\" is not a broker setting"), QStringLiteral("lanPort, ")};
    QTest::newRow("port 0") << QByteArray(R"({"lanPort": 0})") << QStringList{QStringLiteral("\"lanPort\" is 0"), range};
    QTest::newRow("port too high") << QByteArray(R"({"lanPort": 70000})") << QStringList{QStringLiteral("\"lanPort\" is 70000"), range};
    QTest::newRow("empty bind address") << QByteArray(R"({"lanBindAddress": ""})")
                                        << QStringList{QStringLiteral("\"lanBindAddress\""), QStringLiteral("0.0.0.0 for all interfaces")};
    QTest::newRow("bind address with a line break")
        << QByteArray(R"({"lanBindAddress": "0.0.0.0\nallow_anonymous true"})") << QStringList{QStringLiteral("\"lanBindAddress\"")};
    QTest::newRow("path with a line break") << QByteArray(R"({"tlsKeyFile": "k.pem\nallow_anonymous true"})")
                                            << QStringList{QStringLiteral("\"tlsKeyFile\" contains a line break")};
    QTest::newRow("TLS without certificate") << QByteArray(R"({"tlsEnabled": true, "tlsKeyFile": "b.key", "tlsCaFile": "ca.crt"})")
                                             << QStringList{QStringLiteral("\"tlsCertificateFile\" is empty"), QStringLiteral("\"tlsEnabled\" is true")};
    QTest::newRow("TLS without key") << QByteArray(R"({"tlsEnabled": true, "tlsCertificateFile": "b.crt", "tlsCaFile": "ca.crt"})")
                                     << QStringList{QStringLiteral("\"tlsKeyFile\" is empty")};
    QTest::newRow("client certificates without CA")
        << QByteArray(R"({"tlsEnabled": true, "tlsCertificateFile": "b.crt", "tlsKeyFile": "b.key"})")
        << QStringList{QStringLiteral("\"tlsCaFile\" is empty"), QStringLiteral("\"tlsRequireCertificate\" is true")};
}

void TestBrokerSettings::badFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, errorContains);
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString path = write(dir, content);
    BrokerSettings s = tlsSettings();
    QString error;
    QVERIFY2(!BrokerSettings::load(path, &s, &error), "an unusable broker.json was accepted");
    for (const QString &part : std::as_const(errorContains))
        QVERIFY2(error.contains(part), qPrintable(QStringLiteral("<%1> not in: %2").arg(part, error)));
    QVERIFY2(error.contains(QStringLiteral("broker.json")), qPrintable(error));
    // Nothing is reset: the caller's settings and the file stay as they were.
    QVERIFY(s == tlsSettings());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QCOMPARE(file.readAll(), content);
}

void TestBrokerSettings::overrides()
{
    const BrokerSettings saved = tlsSettings();
    QCOMPARE(saved.withOverrides({}), saved);
    const BrokerSettings port = saved.withOverrides({{QStringLiteral("lanPort"), 1884}});
    QCOMPARE(port.lanPort, 1884);
    QCOMPARE(port.tlsCertificateFile, saved.tlsCertificateFile);
    QCOMPARE(port.lanBindAddress, saved.lanBindAddress);
    const BrokerSettings off = saved.withOverrides({{QStringLiteral("lanEnabled"), false}});
    QVERIFY(!off.lanEnabled);
    QCOMPARE(off.lanPort, saved.lanPort);
}

void TestBrokerSettings::configMapping()
{
    BrokerConfig config;
    config.port = 1999;
    config.lan.securityPluginPath = QStringLiteral("/usr/lib/mosquitto_dynamic_security.so");
    tlsSettings().applyTo(&config);
    QVERIFY(config.lan.enabled);
    QCOMPARE(config.lan.port, 18883);
    QCOMPARE(config.lan.bindAddress, QStringLiteral("192.168.10.5"));
    QVERIFY(config.lan.tls.enabled);
    QCOMPARE(config.lan.tls.certFile, QStringLiteral("/etc/linescope/broker.crt"));
    QCOMPARE(config.lan.tls.keyFile, QStringLiteral("/etc/linescope/broker.key"));
    QCOMPARE(config.lan.tls.caFile, QStringLiteral("/etc/linescope/devices-ca.crt"));
    QVERIFY(!config.lan.tls.requireCertificate);
    // Not part of broker.json: found at start, and the local listener.
    QCOMPARE(config.lan.securityPluginPath, QStringLiteral("/usr/lib/mosquitto_dynamic_security.so"));
    QCOMPARE(config.port, 1999);
    QCOMPARE(BrokerSettings::fromConfig(config), tlsSettings());
}

QTEST_GUILESS_MAIN(TestBrokerSettings)
#include "tst_broker_settings.moc"
