#include "broker/broker_accounts.h"
#include "broker/broker_admin.h"
#include "broker/broker_supervisor.h"

#include "broker_test_client.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(BrokerAccounts::Action)

// The LAN listener of the embedded broker, on loopback: authentication by
// construction, per-device isolation, the operator role, account
// management over the control topic, and BrokerAccounts::effectivePermission
// checked against what mosquitto really does.
class TestBrokerSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void lanRequiresAuthentication_data();
    void lanRequiresAuthentication();
    void deviceIsolation();
    void operatorReadsAll();
    void effectivePermissionMatchesBroker_data();
    void effectivePermissionMatchesBroker();
    void accountsSurviveRestartAndRemoval();
    void secretsAreOwnerOnly();
    void cannotSecureLanListener_data();
    void cannotSecureLanListener();

private:
    bool startAndWait(QString *problem);
    BrokerAccount account(const QString &username) const;
    QString describe() const;

    QTemporaryDir m_dir;
    std::unique_ptr<BrokerSupervisor> m_supervisor;
    std::unique_ptr<BrokerTestClient> m_adminClient;
    std::unique_ptr<BrokerAdmin> m_admin;
    QList<BrokerAccount> m_accounts;
    const QString m_password = QStringLiteral("pw-%1").arg(QDateTime::currentMSecsSinceEpoch());
};

namespace {

constexpr int kWaitMs = BrokerTestClient::kWaitMs;

} // namespace

bool TestBrokerSecurity::startAndWait(QString *problem)
{
    QSignalSpy started(m_supervisor.get(), &BrokerSupervisor::started);
    QSignalSpy failed(m_supervisor.get(), &BrokerSupervisor::errorOccurred);
    m_supervisor->start();
    QElapsedTimer timer;
    timer.start();
    while (started.isEmpty() && failed.isEmpty() && timer.elapsed() < kWaitMs)
        started.wait(100);
    if (started.isEmpty())
        *problem = describe();
    return !started.isEmpty();
}

QString TestBrokerSecurity::describe() const
{
    return QStringLiteral("state %1: %2\nBroker log:\n%3")
        .arg(QVariant::fromValue(m_supervisor->state()).toString(), m_supervisor->errorString(),
             m_supervisor->logLines().join(QLatin1Char('\n')));
}

BrokerAccount TestBrokerSecurity::account(const QString &username) const
{
    for (const BrokerAccount &candidate : m_accounts) {
        if (candidate.username == username)
            return candidate;
    }
    return {};
}

void TestBrokerSecurity::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    BrokerConfig config;
    config.dataDirectory = m_dir.path();
    config.port = 0;
    config.lan.enabled = true;
    config.lan.bindAddress = QStringLiteral("127.0.0.1");  // tests stay on loopback
    config.lan.port = 0;
    m_supervisor = std::make_unique<BrokerSupervisor>();
    m_supervisor->setConfig(config);
    QString problem;
    QVERIFY2(startAndWait(&problem), qPrintable(problem));
    QVERIFY(m_supervisor->lanPort() > 0);
    QVERIFY(m_supervisor->lanPort() != m_supervisor->port());

    m_adminClient = std::make_unique<BrokerTestClient>(m_supervisor->lanPort(), BrokerAccounts::adminUsername(),
                                                       m_supervisor->adminPassword());
    m_admin = std::make_unique<BrokerAdmin>(m_adminClient->session());
    QVERIFY2(m_adminClient->connect(&problem), qPrintable(problem + QLatin1Char('\n') + describe()));

    m_accounts = {BrokerAccount{QStringLiteral("press-a"), BrokerAccount::Kind::Device, QStringLiteral("press-a")},
                  BrokerAccount{QStringLiteral("press-b"), BrokerAccount::Kind::Device, QStringLiteral("press-b")},
                  BrokerAccount{QStringLiteral("anna"), BrokerAccount::Kind::Operator, {}}};
    QSignalSpy finished(m_admin.get(), &BrokerAdmin::finished);
    QSignalSpy changed(m_admin.get(), &BrokerAdmin::accountsChanged);
    for (const BrokerAccount &entry : std::as_const(m_accounts))
        QVERIFY2(m_admin->addAccount(entry, m_password) > 0, qPrintable(m_admin->lastError()));
    // Three additions, each followed by a list.
    QTRY_VERIFY2_WITH_TIMEOUT(finished.size() >= 6, qPrintable(QStringLiteral("%1 of 6 requests finished").arg(finished.size())), kWaitMs);
    for (const QList<QVariant> &arguments : std::as_const(finished))
        QVERIFY2(arguments.at(1).toBool(), qPrintable(arguments.at(2).toString()));
    QList<BrokerAccount> expected = m_accounts;
    std::sort(expected.begin(), expected.end(), [](const BrokerAccount &a, const BrokerAccount &b) { return a.username < b.username; });
    QCOMPARE(m_admin->accounts(), expected);
}

void TestBrokerSecurity::cleanupTestCase()
{
    m_admin.reset();
    m_adminClient.reset();
    m_supervisor.reset();
}

void TestBrokerSecurity::lanRequiresAuthentication_data()
{
    QTest::addColumn<bool>("lan");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("anonymous on LAN") << true << QString() << QString() << false;
    QTest::newRow("unknown user on LAN") << true << "mallory" << "guess" << false;
    QTest::newRow("wrong password on LAN") << true << "press-a" << "guess" << false;
    QTest::newRow("device on LAN") << true << "press-a" << QString() << true;
    QTest::newRow("anonymous on loopback") << false << QString() << QString() << true;
}

void TestBrokerSecurity::lanRequiresAuthentication()
{
    QFETCH(bool, lan);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(bool, accepted);
    if (!username.isEmpty() && password.isEmpty())
        password = m_password;
    BrokerTestClient client(lan ? m_supervisor->lanPort() : m_supervisor->port(), username, password);
    QString problem;
    const bool connected = client.connect(&problem);
    QVERIFY2(connected == accepted, qPrintable(connected ? QStringLiteral("connected") : problem));
    if (!accepted)
        QVERIFY2(client.session()->error() == MqttSession::Error::NotAuthorized
                     || client.session()->error() == MqttSession::Error::BadCredentials,
                 qPrintable(problem));
}

void TestBrokerSecurity::deviceIsolation()
{
    const int lan = m_supervisor->lanPort();
    BrokerTestClient a(lan, QStringLiteral("press-a"), m_password);
    BrokerTestClient b(lan, QStringLiteral("press-b"), m_password);
    BrokerTestClient monitor(m_supervisor->port());
    QString problem;
    QVERIFY2(a.connect(&problem), qPrintable(problem));
    QVERIFY2(b.connect(&problem), qPrintable(problem));
    QVERIFY2(monitor.connect(&problem), qPrintable(problem));
    QVERIFY2(monitor.subscribe(QStringLiteral("#"), 1, &problem), qPrintable(problem));
    QVERIFY2(monitor.subscribe(QStringLiteral("$aws/#"), 1, &problem), qPrintable(problem));

    // A's own subtree works; B's subtree and shadow are refused outright.
    QVERIFY2(a.subscribe(QStringLiteral("factory/+/+/+/press-a/#"), 1, &problem), qPrintable(problem));
    QVERIFY2(!a.subscribe(QStringLiteral("factory/+/+/+/press-b/#"), 1, &problem), "A may subscribe to B's subtree");
    QVERIFY2(!a.subscribe(QStringLiteral("$aws/things/press-b/shadow/#"), 1, &problem), "A may subscribe to B's shadow");
    QVERIFY2(!a.subscribe(QStringLiteral("factory/#"), 1, &problem), "A may subscribe to the whole factory");

    // Forged publishes on a connection of their own: mosquitto 2.0.11 answers
    // a denied QoS 1 publish with PUBACK "not authorized", and may drop a
    // connection that sends a second one right after. Either way nothing
    // gets through, and the PUBACK means the broker has decided already.
    QString reason;
    const QString bTelemetry = QStringLiteral("factory/chicago/bldg/line-3/press-b/telemetry");
    {
        BrokerTestClient forger(lan, QStringLiteral("press-a"), m_password);
        QVERIFY2(forger.connect(&problem), qPrintable(problem));
        QVERIFY2(!forger.publish(bTelemetry, "forged", 1, false, &reason), "A may publish B's telemetry");
        QVERIFY2(forger.waitForState(MqttSession::State::Connected, &problem), qPrintable(problem));
        QVERIFY2(!forger.publish(QStringLiteral("$aws/things/press-b/shadow/update"), R"({"state":{"desired":{"x":1}}})", 1, false, &reason),
                 "A may update B's shadow");
    }
    QVERIFY2(b.publish(bTelemetry, "real", 1, false, &reason), qPrintable(reason));
    const QString aTelemetry = QStringLiteral("factory/chicago/bldg/line-3/press-a/telemetry");
    QVERIFY2(a.publish(aTelemetry, "marker", 1, false, &reason), qPrintable(reason));
    QVERIFY2(monitor.waitForMessage(aTelemetry), "A's own publish did not arrive");
    QVERIFY2(a.waitForMessage(aTelemetry), "A did not receive its own message");
    int forged = 0;
    const QList<MqttMessage> seen = monitor.messages();
    for (const MqttMessage &message : seen)
        forged += message.payload == "forged" || message.topic.contains(QLatin1String("press-b/shadow")) ? 1 : 0;
    QCOMPARE(forged, 0);
    QVERIFY2(monitor.hasMessage(bTelemetry), "B's own publish did not arrive");
    QVERIFY2(!a.hasMessage(bTelemetry), "A received B's telemetry");
}

void TestBrokerSecurity::operatorReadsAll()
{
    BrokerTestClient anna(m_supervisor->lanPort(), QStringLiteral("anna"), m_password);
    BrokerTestClient publisher(m_supervisor->port());
    QString problem;
    QVERIFY2(anna.connect(&problem), qPrintable(problem));
    QVERIFY2(publisher.connect(&problem), qPrintable(problem));
    QVERIFY2(anna.subscribe(QStringLiteral("#"), 1, &problem), qPrintable(problem));
    QVERIFY2(anna.subscribe(QStringLiteral("$aws/things/+/shadow/#"), 1, &problem), qPrintable(problem));
    const QStringList topics = {QStringLiteral("factory/s/b/l/press-a/telemetry"), QStringLiteral("factory/s/b/l/press-b/status"),
                                QStringLiteral("$aws/things/press-b/shadow/update/delta")};
    QString reason;
    for (const QString &topic : topics)
        QVERIFY2(publisher.publish(topic, "x", 1, false, &reason), qPrintable(reason));
    for (const QString &topic : topics)
        QVERIFY2(anna.waitForMessage(topic), qPrintable(QStringLiteral("operator did not receive %1").arg(topic)));
}

void TestBrokerSecurity::effectivePermissionMatchesBroker_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<BrokerAccounts::Action>("action");
    using A = BrokerAccounts::Action;
    QTest::newRow("device publish own") << "press-a" << "factory/s/b/l/press-a/telemetry" << A::Publish;
    QTest::newRow("device publish other") << "press-a" << "factory/s/b/l/press-b/telemetry" << A::Publish;
    QTest::newRow("device publish own shadow") << "press-a" << "$aws/things/press-a/shadow/update" << A::Publish;
    QTest::newRow("device publish outside factory") << "press-a" << "plant/press-a/telemetry" << A::Publish;
    QTest::newRow("device subscribe own wildcard") << "press-a" << "factory/+/+/+/press-a/#" << A::Subscribe;
    QTest::newRow("device subscribe other shadow") << "press-a" << "$aws/things/press-b/shadow/#" << A::Subscribe;
    QTest::newRow("device subscribe +") << "press-a" << "factory/s/b/l/+/telemetry" << A::Subscribe;
    QTest::newRow("device receive own shadow delta") << "press-a" << "$aws/things/press-a/shadow/update/delta" << A::Receive;
    QTest::newRow("device receive other telemetry") << "press-a" << "factory/s/b/l/press-b/telemetry" << A::Receive;
    QTest::newRow("operator subscribe all") << "anna" << "#" << A::Subscribe;
    QTest::newRow("operator subscribe $SYS") << "anna" << "$SYS/#" << A::Subscribe;
    QTest::newRow("operator publish command") << "anna" << "factory/s/b/l/press-a/cmd/stop" << A::Publish;
    QTest::newRow("operator publish telemetry") << "anna" << "factory/s/b/l/press-a/telemetry" << A::Publish;
    QTest::newRow("operator publish shadow update") << "anna" << "$aws/things/press-a/shadow/update" << A::Publish;
    QTest::newRow("operator publish shadow reply") << "anna" << "$aws/things/press-a/shadow/update/accepted" << A::Publish;
    QTest::newRow("operator receive other's shadow") << "anna" << "$aws/things/press-b/shadow/update/delta" << A::Receive;
    QTest::newRow("operator receive telemetry") << "anna" << "factory/s/b/l/press-b/telemetry" << A::Receive;
}

void TestBrokerSecurity::effectivePermissionMatchesBroker()
{
    QFETCH(QString, username);
    QFETCH(QString, topic);
    QFETCH(BrokerAccounts::Action, action);
    const BrokerAccount subject = account(username);
    const BrokerPermission verdict = BrokerAccounts::effectivePermission(subject, topic, action);

    BrokerTestClient client(m_supervisor->lanPort(), username, m_password);
    QString problem;
    QVERIFY2(client.connect(&problem), qPrintable(problem));
    bool real = false;
    switch (action) {
    case BrokerAccounts::Action::Subscribe:
        real = client.subscribe(topic, 1, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        break;
    case BrokerAccounts::Action::Publish: {
        BrokerTestClient monitor(m_supervisor->port());
        QVERIFY2(monitor.connect(&problem), qPrintable(problem));
        QVERIFY2(monitor.subscribe(topic, 1, &problem), qPrintable(problem));
        QString reason;
        real = client.publish(topic, "probe", 1, false, &reason);
        // The acknowledgement must agree with what really got through.
        if (real)
            QVERIFY2(monitor.waitForMessage(topic), "acknowledged but not delivered");
        break;
    }
    case BrokerAccounts::Action::Receive: {
        const QString marker = subject.kind == BrokerAccount::Kind::Device
            ? QStringLiteral("factory/s/b/l/%1/marker").arg(subject.thing)
            : QStringLiteral("factory/s/b/l/marker/x");
        QVERIFY2(client.subscribe(marker, 1, &problem), qPrintable(problem));
        const bool subscribed = client.subscribe(topic, 1, &problem);
        BrokerTestClient publisher(m_supervisor->port());
        QVERIFY2(publisher.connect(&problem), qPrintable(problem));
        QString reason;
        QVERIFY2(publisher.publish(topic, "probe", 1, false, &reason), qPrintable(reason));
        QVERIFY2(publisher.publish(marker, "marker", 1, false, &reason), qPrintable(reason));
        QVERIFY2(client.waitForMessage(marker), "marker not received");
        real = subscribed && client.hasMessage(topic);
        break;
    }
    }
    QVERIFY2(real == verdict.allowed, qPrintable(QStringLiteral("broker %1, model %2 (%3)")
                                                     .arg(real ? QStringLiteral("allows") : QStringLiteral("denies"),
                                                          verdict.allowed ? QStringLiteral("allows") : QStringLiteral("denies"), verdict.rule)));
}

void TestBrokerSecurity::accountsSurviveRestartAndRemoval()
{
    const int lan = m_supervisor->lanPort();
    QSignalSpy stopped(m_supervisor.get(), &BrokerSupervisor::stopped);
    m_supervisor->stop();
    QVERIFY2(stopped.wait(kWaitMs), qPrintable(describe()));

    // Offline: add an account to the file the plugin reads.
    QFile file(QDir(m_dir.path()).filePath(QStringLiteral("dynamic-security.json")));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QJsonObject security = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QString error;
    const BrokerAccount offline{QStringLiteral("press-c"), BrokerAccount::Kind::Device, QStringLiteral("press-c")};
    QVERIFY2(BrokerAccounts::addToSecurityConfig(security, offline, m_password, &error), qPrintable(error));
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file.errorString()));
    file.write(QJsonDocument(security).toJson());
    file.close();

    QString problem;
    QVERIFY2(startAndWait(&problem), qPrintable(problem));
    QCOMPARE(m_supervisor->lanPort(), lan);
    for (const QString &name : {QStringLiteral("press-a"), QStringLiteral("press-c")}) {
        BrokerTestClient device(lan, name, m_password);
        QVERIFY2(device.connect(&problem), qPrintable(name + QLatin1String(": ") + problem));
    }

    // The admin session reconnects by itself; remove B at runtime.
    QVERIFY2(m_adminClient->waitForState(MqttSession::State::Connected, &problem), qPrintable(problem));
    QSignalSpy finished(m_admin.get(), &BrokerAdmin::finished);
    const int id = m_admin->removeAccount(account(QStringLiteral("press-b")));
    QTRY_VERIFY2_WITH_TIMEOUT(!finished.isEmpty(), "remove did not finish", kWaitMs);
    QCOMPARE(finished.first().at(0).toInt(), id);
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
    BrokerTestClient removed(lan, QStringLiteral("press-b"), m_password);
    QVERIFY2(!removed.connect(&problem), "a removed account can still connect");
    QTRY_VERIFY2_WITH_TIMEOUT(finished.size() >= 2, "no list after the removal", kWaitMs);
    QStringList names;
    const QList<BrokerAccount> accounts = m_admin->accounts();
    for (const BrokerAccount &entry : accounts)
        names << entry.username;
    QCOMPARE(names, (QStringList{QStringLiteral("anna"), QStringLiteral("press-a"), QStringLiteral("press-c")}));
}

void TestBrokerSecurity::secretsAreOwnerOnly()
{
#ifdef Q_OS_WIN
    QSKIP("NTFS permissions are not expressed through QFile::Permissions");
#endif
    for (const QString &name : {QStringLiteral("broker-admin.secret"), QStringLiteral("dynamic-security.json")}) {
        const QFile::Permissions permissions = QFile::permissions(QDir(m_dir.path()).filePath(name));
        QVERIFY2(!(permissions & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)),
                 qPrintable(QStringLiteral("%1 is readable by others: %2").arg(name).arg(int(permissions), 0, 16)));
    }
}

void TestBrokerSecurity::cannotSecureLanListener_data()
{
    QTest::addColumn<QString>("pluginPath");
    QTest::addColumn<bool>("tlsWithoutKey");
    QTest::addColumn<QString>("messageContains");
    QTest::newRow("plugin missing") << QStringLiteral("/nonexistent/mosquitto_dynamic_security.so") << false
                                    << QStringLiteral("does not exist");
    QTest::newRow("TLS without key") << QString() << true << QStringLiteral("certificate and key");
}

void TestBrokerSecurity::cannotSecureLanListener()
{
    QFETCH(QString, pluginPath);
    QFETCH(bool, tlsWithoutKey);
    QFETCH(QString, messageContains);
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerConfig config;
    config.dataDirectory = dir.path();
    config.port = 0;
    config.lan.enabled = true;
    config.lan.bindAddress = QStringLiteral("127.0.0.1");
    config.lan.port = 0;
    config.lan.securityPluginPath = pluginPath;
    if (tlsWithoutKey) {
        config.lan.tls.enabled = true;
        config.lan.tls.certFile = QDir(dir.path()).filePath(QStringLiteral("broker.pem"));
    }
    BrokerSupervisor supervisor;
    supervisor.setConfig(config);
    QSignalSpy failed(&supervisor, &BrokerSupervisor::errorOccurred);
    supervisor.start();
    QVERIFY2(failed.wait(kWaitMs), "no error");
    QCOMPARE(failed.first().at(0).value<BrokerSupervisor::Error>(), BrokerSupervisor::Error::SecurityNotAvailable);
    QVERIFY2(failed.first().at(1).toString().contains(messageContains), qPrintable(failed.first().at(1).toString()));
    // Nothing was started, so nothing listens without authentication.
    QCOMPARE(supervisor.processId(), 0);
}

QTEST_GUILESS_MAIN(TestBrokerSecurity)
#include "tst_broker_security.moc"
