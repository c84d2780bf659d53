#include "broker/broker_stats.h"
#include "broker/broker_supervisor.h"

#include "broker_test_client.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// BrokerStats: log parsing for "who is connected", then the $SYS figures
// of a real embedded broker.
class TestBrokerStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logLines_data();
    void logLines();
    void liveFigures();
};

void TestBrokerStats::logLines_data()
{
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("expectedIds");
    QTest::addColumn<QStringList>("expectedUsers");

    // Texts as mosquitto 2.0.11 logs them with LineScope's timestamp format.
    const QString anon = QStringLiteral("2026-11-26T10:00:00: New client connected from 127.0.0.1:40000 as monitor-1 (p5, c1, k60).");
    const QString user = QStringLiteral("2026-11-26T10:00:01: New client connected from 10.0.0.7:51234 as press-a-1 (p2, c0, k30, u'press-a').");
    QTest::newRow("anonymous client") << QStringList{anon} << QStringList{QStringLiteral("monitor-1")} << QStringList{QString()};
    QTest::newRow("named client") << QStringList{user} << QStringList{QStringLiteral("press-a-1")} << QStringList{QStringLiteral("press-a")};
    QTest::newRow("clean disconnect") << QStringList{anon, user, QStringLiteral("2026-11-26T10:00:02: Client monitor-1 disconnected.")}
                                      << QStringList{QStringLiteral("press-a-1")} << QStringList{QStringLiteral("press-a")};
    QTest::newRow("closed connection") << QStringList{user, QStringLiteral("2026-11-26T10:00:02: Client press-a-1 closed its connection.")}
                                       << QStringList{} << QStringList{};
    QTest::newRow("keepalive timeout") << QStringList{user, QStringLiteral("2026-11-26T10:00:02: Client press-a-1 has exceeded timeout, disconnecting.")}
                                       << QStringList{} << QStringList{};
    QTest::newRow("refused client is never listed")
        << QStringList{QStringLiteral("2026-11-26T10:00:02: Client <unknown> disconnected, not authorised.")} << QStringList{} << QStringList{};
    QTest::newRow("unrelated lines") << QStringList{QStringLiteral("2026-11-26T10:00:00: mosquitto version 2.0.11 running")}
                                     << QStringList{} << QStringList{};
}

void TestBrokerStats::logLines()
{
    QFETCH(QStringList, lines);
    QFETCH(QStringList, expectedIds);
    QFETCH(QStringList, expectedUsers);
    MqttSession session;
    BrokerStats stats(&session);
    for (const QString &line : std::as_const(lines))
        stats.addLogLine(line);
    QStringList ids;
    QStringList users;
    const QList<BrokerClientInfo> clients = stats.clients();
    for (const BrokerClientInfo &client : clients) {
        ids << client.clientId;
        users << client.username;
    }
    QCOMPARE(ids, expectedIds);
    QCOMPARE(users, expectedUsers);
}

void TestBrokerStats::liveFigures()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerConfig config;
    config.dataDirectory = dir.path();
    config.port = 0;
    BrokerSupervisor supervisor;
    supervisor.setConfig(config);
    QSignalSpy started(&supervisor, &BrokerSupervisor::started);
    supervisor.start();
    QVERIFY2(started.wait(BrokerTestClient::kWaitMs), qPrintable(supervisor.errorString() + supervisor.logLines().join(QLatin1Char('\n'))));

    BrokerTestClient monitor(supervisor.port(), {}, {}, QStringLiteral("stats-monitor"));
    BrokerStats stats(monitor.session());
    connect(&supervisor, &BrokerSupervisor::logLine, &stats, &BrokerStats::addLogLine);
    QString problem;
    QVERIFY2(monitor.connect(&problem), qPrintable(problem));

    const auto hasClient = [&stats](const QString &id) {
        const QList<BrokerClientInfo> clients = stats.clients();
        return std::any_of(clients.cbegin(), clients.cend(), [&id](const BrokerClientInfo &c) { return c.clientId == id; });
    };
    auto probe = std::make_unique<BrokerTestClient>(supervisor.port(), QString(), QString(), QStringLiteral("stats-probe"));
    QVERIFY2(probe->connect(&problem), qPrintable(problem));
    QTRY_VERIFY2_WITH_TIMEOUT(hasClient(QStringLiteral("stats-probe")), "the probe client is not listed", BrokerTestClient::kWaitMs);
    QTRY_VERIFY2_WITH_TIMEOUT(stats.clientsConnected() >= 2,
                              qPrintable(QStringLiteral("$SYS clients: %1").arg(stats.clientsConnected())), BrokerTestClient::kWaitMs);

    constexpr int retained = 25;
    QString reason;
    for (int i = 0; i < retained; ++i)
        QVERIFY2(probe->publish(QStringLiteral("factory/s/b/l/asset-%1/status").arg(i), "running", 1, true, &reason), qPrintable(reason));
    QTRY_VERIFY2_WITH_TIMEOUT(stats.retainedCount() >= retained,
                              qPrintable(QStringLiteral("retained %1").arg(stats.retainedCount())), BrokerTestClient::kWaitMs);
    QTRY_VERIFY2_WITH_TIMEOUT(stats.messagesInPerSecond() > 0.0, "no incoming message rate", BrokerTestClient::kWaitMs);
    QVERIFY2(stats.uptimeSeconds() >= 0, "no uptime");
    QVERIFY2(stats.bytesReceived() > 0, "no byte count");
    QVERIFY2(stats.version().contains(QLatin1String("mosquitto")), qPrintable(stats.version()));

    probe->session()->disconnectFromBroker();
    QTRY_VERIFY2_WITH_TIMEOUT(!hasClient(QStringLiteral("stats-probe")), "the probe is still listed after it left",
                              BrokerTestClient::kWaitMs);
    QVERIFY(hasClient(QStringLiteral("stats-monitor")));
}

QTEST_GUILESS_MAIN(TestBrokerStats)
#include "tst_broker_stats.moc"
