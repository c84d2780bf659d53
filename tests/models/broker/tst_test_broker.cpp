#include "broker/broker_supervisor.h"

#include "test_broker.h"
#include "test_tls_pki.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kWaitMs = 20000;

// Runs a reference client to completion; returns its stdout, or a null array with *problem set.
QByteArray runClient(const QString &name, const QStringList &arguments, QString *problem)
{
    const QString program = TestBroker::mosquittoClientPath(name);
    if (program.isEmpty()) {
        *problem = QStringLiteral("%1 is not installed (package mosquitto-clients)").arg(name);
        return {};
    }
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    if (!finished.wait(kWaitMs) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        process.kill();
        *problem = QStringLiteral("%1 failed (%2): %3").arg(name).arg(process.exitCode()).arg(QString::fromLocal8Bit(process.readAllStandardError()));
        return {};
    }
    QByteArray output = process.readAllStandardOutput();
    return output.isNull() ? QByteArray("") : output;
}

} // namespace

// The helper every broker-backed test relies on.
class TestTestBroker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksAFreePort();
    void restartKeepsPortAndRetainedMessages();
    void reportsBrokerErrors();
    void findsClientPrograms();
    void tlsListener_data();
    void tlsListener();
};

void TestTestBroker::picksAFreePort()
{
    // Whether or not something else already listens on 1883, the test broker must not need it.
    QTcpServer standardPort;
    const bool occupiedHere = standardPort.listen(QHostAddress::LocalHost, 1883);
    TestBroker broker;
    QCOMPARE(broker.port(), 0);
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));
    QVERIFY(broker.port() > 0);
    QVERIFY2(broker.port() != 1883 || !occupiedHere, "the test broker used the standard port");
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(broker.host()), quint16(broker.port()));
    QVERIFY2(socket.waitForConnected(kWaitMs), qPrintable(socket.errorString()));

    TestBroker second;
    QVERIFY2(second.start(&problem), qPrintable(problem));
    QVERIFY(second.port() != broker.port());
    QVERIFY(second.dataDirectory() != broker.dataDirectory());
}

void TestTestBroker::restartKeepsPortAndRetainedMessages()
{
    TestBroker broker;
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));
    const int port = broker.port();
    const QString portText = QString::number(port);
    const QString topic = QStringLiteral("factory/chicago/building-a/line-3/oven-1/status");
    runClient(QStringLiteral("mosquitto_pub"), {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), portText, QStringLiteral("-q"),
                                                QStringLiteral("1"), QStringLiteral("-r"), QStringLiteral("-t"), topic, QStringLiteral("-m"),
                                                QStringLiteral("idle")},
              &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    broker.stop();
    QCOMPARE(broker.supervisor()->state(), BrokerSupervisor::State::Stopped);
    QTcpSocket refused;
    refused.connectToHost(QHostAddress(broker.host()), quint16(port));
    QVERIFY2(!refused.waitForConnected(5000), "stop() returned while the broker still accepted connections");

    QVERIFY2(broker.start(&problem), qPrintable(problem));
    QCOMPARE(broker.port(), port);
    const QByteArray output = runClient(QStringLiteral("mosquitto_sub"),
                                        {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), portText, QStringLiteral("-t"), topic,
                                         QStringLiteral("-C"), QStringLiteral("1"), QStringLiteral("-W"), QStringLiteral("5")},
                                        &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(output.trimmed(), QByteArray("idle"));
}

void TestTestBroker::reportsBrokerErrors()
{
    TestBroker broker({QStringLiteral("listener_that_does_not_exist 1")});
    QString problem;
    QVERIFY(!broker.start(&problem));
    // The text a failing test prints must show mosquitto's own complaint.
    QVERIFY2(problem.contains(QLatin1String("listener_that_does_not_exist")), qPrintable(problem));
    QVERIFY2(problem.contains(QFileInfo(broker.supervisor()->config().configFilePath()).fileName()), qPrintable(problem));
    QCOMPARE(broker.supervisor()->state(), BrokerSupervisor::State::Stopped);
}

void TestTestBroker::findsClientPrograms()
{
    for (const QString &name : {QStringLiteral("mosquitto_pub"), QStringLiteral("mosquitto_sub")}) {
        const QString path = TestBroker::mosquittoClientPath(name);
        QVERIFY2(!path.isEmpty(), qPrintable(QStringLiteral("%1 not found; install mosquitto-clients").arg(name)));
        QVERIFY2(QFileInfo(path).isAbsolute() && QFileInfo(path).isExecutable(), qPrintable(path));
    }
    QCOMPARE(TestBroker::mosquittoClientPath(QStringLiteral("linescope-no-such-client")), QString());
}

void TestTestBroker::tlsListener_data()
{
    QTest::addColumn<bool>("requireCertificate");
    QTest::addColumn<bool>("withCertificate");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("certificate required and given") << true << true << true;
    QTest::newRow("certificate required, none given") << true << false << false;
    QTest::newRow("certificate optional, none given") << false << false << true;
}

// The TLS listener that the mutual-TLS tests share, checked with the reference client.
void TestTestBroker::tlsListener()
{
    QFETCH(bool, requireCertificate);
    QFETCH(bool, withCertificate);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const TestTlsPki pki(dir.path());
    QVERIFY2(pki.isValid(), qPrintable(pki.error()));
    TestBroker broker;
    broker.setTlsListener(pki.listener(requireCertificate));
    QCOMPARE(broker.tlsPort(), 0);
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));
    const int tlsPort = broker.tlsPort();
    QVERIFY(tlsPort > 0 && tlsPort != broker.port());

    QStringList arguments = {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), QString::number(tlsPort), QStringLiteral("--cafile"),
                             pki.caFile(), QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"), QStringLiteral("test/tls"),
                             QStringLiteral("-m"), QStringLiteral("x")};
    if (withCertificate)
        arguments << QStringLiteral("--cert") << pki.clientCertificateFile() << QStringLiteral("--key") << pki.clientKeyFile();
    runClient(QStringLiteral("mosquitto_pub"), arguments, &problem);
    QVERIFY2(problem.isEmpty() == accepted, qPrintable(accepted ? problem : QStringLiteral("a client without certificate got in")));

    broker.stop();
    QVERIFY2(broker.start(&problem), qPrintable(problem));
    QCOMPARE(broker.tlsPort(), tlsPort);
}

QTEST_GUILESS_MAIN(TestTestBroker)
#include "tst_test_broker.moc"
