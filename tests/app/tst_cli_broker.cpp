#include "cli/broker_command.h"

#include "cli_process.h"

#include "../models/broker/broker_test_client.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

// `linescope-cli broker`: argument parsing in-process, then the real binary:
// offline account edits, and `broker run` with its LAN listener, online
// account management and the shadow service, stopped like a service.
class TestCliBroker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsing_data();
    void parsing();
    void offlineAccounts();
    void runWithLanListener();
    void runWithUplink();
};

namespace {

int freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

QByteArray waitForOutput(QProcess &process, const QByteArray &needle, QByteArray *seen)
{
    QElapsedTimer timer;
    timer.start();
    while (!seen->contains(needle) && timer.elapsed() < CliProcess::TimeoutMs && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        *seen += process.readAllStandardOutput();
    }
    return *seen;
}

} // namespace

void TestCliBroker::parsing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("errorContains");

    const QString data = QStringLiteral("--data");
    const QString dir = QStringLiteral("/tmp/linescope-broker");
    QTest::newRow("run") << QStringList{QStringLiteral("run"), data, dir} << true << QString();
    QTest::newRow("run with LAN") << QStringList{QStringLiteral("run"), data, dir, QStringLiteral("--lan-port"), QStringLiteral("8883"),
                                                 QStringLiteral("--lan-bind"), QStringLiteral("10.0.0.5")}
                                  << true << QString();
    QTest::newRow("no data") << QStringList{QStringLiteral("run")} << false << QStringLiteral("--data");
    QTest::newRow("no action") << QStringList{data, dir} << false << QStringLiteral("run, user add");
    QTest::newRow("unknown action") << QStringList{QStringLiteral("serve"), data, dir} << false << QStringLiteral("serve");
    QTest::newRow("bad port") << QStringList{QStringLiteral("run"), data, dir, QStringLiteral("--port"), QStringLiteral("70000")} << false
                              << QStringLiteral("70000");
    QTest::newRow("LAN bind without port") << QStringList{QStringLiteral("run"), data, dir, QStringLiteral("--lan-bind"), QStringLiteral("0.0.0.0")}
                                           << false << QStringLiteral("--lan-port");
    QTest::newRow("TLS without key") << QStringList{QStringLiteral("run"), data, dir, QStringLiteral("--lan-port"), QStringLiteral("8883"),
                                                    QStringLiteral("--tls-cert"), QStringLiteral("broker.pem")}
                                     << false << QStringLiteral("key");
    const QString host = QStringLiteral("--uplink-host");
    QTest::newRow("uplink with vault identity")
        << QStringList{QStringLiteral("run"), data, dir, host, QStringLiteral("cloud.example.com"), QStringLiteral("--uplink-cert-id"),
                       QStringLiteral("3f2a91c0"), QStringLiteral("--uplink-filter"), QStringLiteral("factory/#"),
                       QStringLiteral("--downlink-filter"), QStringLiteral("$aws/things/+/shadow/update/delta")}
        << true << QString();
    QTest::newRow("uplink identity twice")
        << QStringList{QStringLiteral("run"), data, dir, host, QStringLiteral("cloud.example.com"), QStringLiteral("--uplink-cert-id"),
                       QStringLiteral("3f2a91c0"), QStringLiteral("--uplink-cert"), QStringLiteral("c.pem"), QStringLiteral("--uplink-key"),
                       QStringLiteral("k.pem")}
        << false << QStringLiteral("either");
    QTest::newRow("uplink cert without key") << QStringList{QStringLiteral("run"), data, dir, host, QStringLiteral("cloud.example.com"),
                                                            QStringLiteral("--uplink-cert"), QStringLiteral("c.pem")}
                                             << false << QStringLiteral("key file");
    QTest::newRow("uplink bad filter") << QStringList{QStringLiteral("run"), data, dir, host, QStringLiteral("cloud.example.com"),
                                                      QStringLiteral("--uplink-filter"), QStringLiteral("a/#/b")}
                                       << false << QStringLiteral("a/#/b");
    QTest::newRow("uplink without host") << QStringList{QStringLiteral("run"), data, dir, QStringLiteral("--uplink-filter"), QStringLiteral("a/#")}
                                         << false << QStringLiteral("Cloud host");
    QTest::newRow("uplink bad limit") << QStringList{QStringLiteral("run"), data, dir, host, QStringLiteral("cloud.example.com"),
                                                     QStringLiteral("--uplink-max-messages"), QStringLiteral("0")}
                                      << false << QStringLiteral("--uplink-max-messages");
    QTest::newRow("uplink option on user list") << QStringList{QStringLiteral("user"), QStringLiteral("list"), data, dir, host,
                                                               QStringLiteral("cloud.example.com")}
                                                << false << QStringLiteral("broker run");
    QTest::newRow("user add device") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("press-1"),
                                                    QStringLiteral("--device"), QStringLiteral("press-1"), data, dir}
                                     << true << QString();
    QTest::newRow("user add without role") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("press-1"), data, dir}
                                           << false << QStringLiteral("--operator");
    QTest::newRow("user add both roles") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--operator"),
                                                        QStringLiteral("--device"), QStringLiteral("x"), data, dir}
                                         << false << QStringLiteral("either");
    QTest::newRow("user add bad thing") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x"),
                                                       QStringLiteral("--device"), QStringLiteral("line/+"), data, dir}
                                        << false << QStringLiteral("line/+");
    QTest::newRow("user remove needs name") << QStringList{QStringLiteral("user"), QStringLiteral("remove"), data, dir} << false
                                            << QStringLiteral("account name");
    QTest::newRow("user list") << QStringList{QStringLiteral("user"), QStringLiteral("list"), data, dir} << true << QString();
}

void TestCliBroker::parsing()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, accepted);
    QFETCH(QString, errorContains);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    BrokerCommand command(&out, &err);
    const bool ok = command.parseArguments(arguments);
    QVERIFY2(ok == accepted, qPrintable(QString::fromUtf8(err.data())));
    if (!accepted) {
        QCOMPARE(command.exitCode(), 1);
        QVERIFY2(command.parseError().contains(errorContains), qPrintable(command.parseError()));
    }
}

void TestCliBroker::offlineAccounts()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString passwordFile = QDir(dir.path()).filePath(QStringLiteral("pw.txt"));
    QFile file(passwordFile);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    file.write("very-secret-1\n");
    file.close();
    const QString data = QDir(dir.path()).filePath(QStringLiteral("broker"));

    const CliProcess::Outcome add = CliProcess::run(
        CliProcess::cliPath(), {QStringLiteral("broker"), QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("press-1"),
                                QStringLiteral("--device"), QStringLiteral("press-1"), QStringLiteral("--data"), data,
                                QStringLiteral("--password-file"), passwordFile});
    QVERIFY2(add.exited && add.exitCode == 0, qPrintable(add.describe()));
    // Without a terminal the password is one line of stdin; it is never echoed.
    const CliProcess::Outcome addOperator = CliProcess::run(
        CliProcess::cliPath(),
        {QStringLiteral("broker"), QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("anna"), QStringLiteral("--operator"),
         QStringLiteral("--data"), data},
        "stdin-secret-2\n");
    QVERIFY2(addOperator.exited && addOperator.exitCode == 0, qPrintable(addOperator.describe()));
    QVERIFY2(!addOperator.out.contains("stdin-secret-2") && !addOperator.err.contains("stdin-secret-2"), qPrintable(addOperator.describe()));
    const CliProcess::Outcome duplicate = CliProcess::run(
        CliProcess::cliPath(), {QStringLiteral("broker"), QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("anna"),
                                QStringLiteral("--operator"), QStringLiteral("--data"), data, QStringLiteral("--password-file"), passwordFile});
    QVERIFY2(duplicate.exitCode == 1 && duplicate.err.contains("exists already"), qPrintable(duplicate.describe()));

    const CliProcess::Outcome list = CliProcess::run(
        CliProcess::cliPath(), {QStringLiteral("broker"), QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data});
    QVERIFY2(list.exited && list.exitCode == 0, qPrintable(list.describe()));
    QCOMPARE(list.out, QByteArray("anna\toperator\npress-1\tdevice\tpress-1\n"));
    const QByteArray stored = [&] {
        QFile security(QDir(data).filePath(QStringLiteral("dynamic-security.json")));
        return security.open(QIODevice::ReadOnly) ? security.readAll() : QByteArray();
    }();
    QVERIFY2(!stored.isEmpty() && !stored.contains("very-secret-1"), "the password is stored in clear text or not at all");

    const CliProcess::Outcome remove = CliProcess::run(
        CliProcess::cliPath(), {QStringLiteral("broker"), QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("press-1"),
                                QStringLiteral("--data"), data});
    QVERIFY2(remove.exited && remove.exitCode == 0, qPrintable(remove.describe()));
    const CliProcess::Outcome after = CliProcess::run(
        CliProcess::cliPath(), {QStringLiteral("broker"), QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data});
    QCOMPARE(after.out, QByteArray("anna\toperator\n"));
}

void TestCliBroker::runWithLanListener()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const int port = freePort();
    const int lanPort = freePort();
    QVERIFY(port > 0 && lanPort > 0 && port != lanPort);
    const QString data = dir.path();
    QProcess run;
    run.start(CliProcess::cliPath(), {QStringLiteral("broker"), QStringLiteral("run"), QStringLiteral("--data"), data, QStringLiteral("--port"),
                                      QString::number(port), QStringLiteral("--lan-port"), QString::number(lanPort), QStringLiteral("--lan-bind"),
                                      QStringLiteral("127.0.0.1")});
    QVERIFY2(run.waitForStarted(CliProcess::TimeoutMs), qPrintable(run.errorString()));
    QByteArray output;
    waitForOutput(run, "Shadow service running", &output);
    QVERIFY2(output.contains(QByteArray(QByteArray("broker running on 127.0.0.1:") + QByteArray::number(port))),
             qPrintable(QString::fromUtf8(output + run.readAllStandardError())));
    QVERIFY2(output.contains("Shadow service running"), qPrintable(QString::fromUtf8(output + run.readAllStandardError())));

    // Online: the account works at once, without a restart.
    const CliProcess::Outcome add = CliProcess::run(
        CliProcess::cliPath(),
        {QStringLiteral("broker"), QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("press-7"), QStringLiteral("--device"),
         QStringLiteral("press-7"), QStringLiteral("--data"), data},
        "online-secret\n");
    QVERIFY2(add.exited && add.exitCode == 0 && add.out.contains("can connect now"), qPrintable(add.describe()));
    QString problem;
    BrokerTestClient device(lanPort, QStringLiteral("press-7"), QStringLiteral("online-secret"));
    QVERIFY2(device.connect(&problem), qPrintable(problem));
    BrokerTestClient anonymous(lanPort);
    QVERIFY2(!anonymous.connect(&problem), "anonymous access to the LAN listener");
    const CliProcess::Outcome list = CliProcess::run(
        CliProcess::cliPath(), {QStringLiteral("broker"), QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), data});
    QCOMPARE(list.out, QByteArray("press-7\tdevice\tpress-7\n"));

    // The shadow service answers on the embedded broker.
    BrokerTestClient shadowClient(port);
    QVERIFY2(shadowClient.connect(&problem), qPrintable(problem));
    QVERIFY2(shadowClient.subscribe(QStringLiteral("$aws/things/press-7/shadow/update/accepted"), 1, &problem), qPrintable(problem));
    QString reason;
    QVERIFY2(shadowClient.publish(QStringLiteral("$aws/things/press-7/shadow/update"), R"({"state":{"reported":{"speed":12}}})", 1, false, &reason),
             qPrintable(reason));
    QVERIFY2(shadowClient.waitForMessage(QStringLiteral("$aws/things/press-7/shadow/update/accepted")), "the shadow service did not answer");

    // Stopped like a service (SIGTERM / Ctrl+C): the broker stops too.
    run.terminate();
    QVERIFY2(run.waitForFinished(CliProcess::TimeoutMs), "broker run did not stop");
    QCOMPARE(run.exitStatus(), QProcess::NormalExit);
    QCOMPARE(run.exitCode(), 0);
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(port));
    QVERIFY2(!probe.waitForConnected(3000), "the broker still runs after broker run ended");
    QVERIFY(QFile::exists(QDir(data).filePath(QStringLiteral("shadows.sqlite"))));
}

void TestCliBroker::runWithUplink()
{
    // The cloud is a closed port here: this checks the command's wiring and
    // logging (delivery over mutual TLS is tst_embedded_broker's and the
    // uplink tests' job). The uplink keeps what it takes in its queue.
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const int port = freePort();
    const int cloudPort = freePort();
    QVERIFY(port > 0 && cloudPort > 0 && port != cloudPort);
    const QString data = dir.path();
    const QString certificate = dir.filePath(QStringLiteral("uplink.crt"));
    const QString key = dir.filePath(QStringLiteral("uplink.key"));
    QProcess run;
    run.start(CliProcess::cliPath(),
              {QStringLiteral("broker"), QStringLiteral("run"), QStringLiteral("--data"), data, QStringLiteral("--port"), QString::number(port),
               QStringLiteral("--uplink-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--uplink-port"), QString::number(cloudPort),
               QStringLiteral("--uplink-cert"), certificate, QStringLiteral("--uplink-key"), key, QStringLiteral("--uplink-filter"),
               QStringLiteral("plant/#"), QStringLiteral("--uplink-max-messages"), QStringLiteral("5"), QStringLiteral("--uplink-min-free-disk"),
               QStringLiteral("0"), QStringLiteral("--save-uplink"), QStringLiteral("--status-interval"), QStringLiteral("1")});
    QVERIFY2(run.waitForStarted(CliProcess::TimeoutMs), qPrintable(run.errorString()));
    QByteArray output;
    waitForOutput(run, "Uplink to 127.0.0.1", &output);
    QVERIFY2(output.contains("uplink settings saved"), qPrintable(QString::fromUtf8(output + run.readAllStandardError())));
    // The identity files do not exist: said once, with the path; the queue still fills.
    waitForOutput(run, "uplink.crt", &output);
    QVERIFY2(output.contains(QByteArray(certificate.toUtf8() + " cannot be read")), qPrintable(QString::fromUtf8(output)));

    BrokerTestClient device(port);
    QString problem;
    QVERIFY2(device.connect(&problem), qPrintable(problem));
    QString reason;
    for (int i = 0; i < 8; ++i) {
        QVERIFY2(device.publish(QStringLiteral("plant/line-1/telemetry"), QByteArray::number(i), 1, false, &reason), qPrintable(reason));
    }
    waitForOutput(run, "Uplink ALARM", &output);
    waitForOutput(run, "published 8", &output);
    const QString text = QString::fromUtf8(output);
    QVERIFY2(text.contains(QLatin1String("Uplink ALARM: The uplink queue is full (5 messages)")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("queued 5 (oldest")) && text.contains(QLatin1String("published 8 delivered 0 dropped 3")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("dropped per topic: plant/line-1/telemetry=3")), qPrintable(text));

    run.terminate();
    QVERIFY2(run.waitForFinished(CliProcess::TimeoutMs), "broker run did not stop");
    QCOMPARE(run.exitCode(), 0);

    // Saved for the GUI and the next run: paths, no key material.
    QFile saved(QDir(data).filePath(QStringLiteral("uplink.json")));
    QVERIFY2(saved.open(QIODevice::ReadOnly), qPrintable(saved.errorString()));
    const QByteArray json = saved.readAll();
    QVERIFY2(json.contains(key.toUtf8()) && json.contains("plant/#") && !json.contains("PRIVATE KEY"), json.constData());
    QVERIFY(QFile::exists(QDir(data).filePath(QStringLiteral("uplink-queue.sqlite"))));
}

QTEST_GUILESS_MAIN(TestCliBroker)
#include "tst_cli_broker.moc"
