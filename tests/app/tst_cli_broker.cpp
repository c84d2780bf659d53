#include "cli/broker_command.h"

#include "broker/broker_settings.h"
#include "cli_process.h"
#include "test_tls_pki.h"
#include "uplink_test_rig.h"

#include "../models/broker/broker_test_client.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

// `linescope-cli broker`: argument parsing in-process, then the real binary:
// offline account edits, `broker run` with its LAN listener, online account
// management and the shadow service, stopped like a service; the LAN
// listener saved in broker.json; and the uplink to a mutual-TLS "cloud".
class TestCliBroker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsing_data();
    void parsing();
    void offlineAccounts();
    void runWithLanListener();
    void runWithUplink();
    void lanListenerFromBrokerJson();

private:
    // Output of `linescope-cli ARGUMENTS` until its services run, then stopped.
    static QByteArray runUntilReady(const QStringList &arguments);
};

namespace {

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
    QTest::newRow("no LAN and a LAN port") << QStringList{QStringLiteral("run"), data, dir, QStringLiteral("--no-lan"), QStringLiteral("--lan-port"),
                                                          QStringLiteral("8883")}
                                           << false << QStringLiteral("--no-lan");
    QTest::newRow("client CA without LAN") << QStringList{QStringLiteral("run"), data, dir, QStringLiteral("--tls-ca"), QStringLiteral("ca.pem")}
                                           << false << QStringLiteral("--lan-port");
    QTest::newRow("save LAN settings") << QStringList{QStringLiteral("run"), data, dir, QStringLiteral("--lan-port"), QStringLiteral("8883"),
                                                      QStringLiteral("--save-broker")}
                                       << true << QString();
    QTest::newRow("save LAN settings on user list") << QStringList{QStringLiteral("user"), QStringLiteral("list"), data, dir,
                                                                   QStringLiteral("--save-broker")}
                                                    << false << QStringLiteral("broker run");
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
    const int port = TestBroker::freePort();
    const int lanPort = TestBroker::freePort();
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
    // The cloud is a second mosquitto whose TLS listener requires a client
    // certificate; the recorder watches it on its plain loopback listener.
    QTemporaryDir dir;
    QTemporaryDir pkiDir;
    QVERIFY2(dir.isValid() && pkiDir.isValid(), qPrintable(dir.errorString()));
    const TestTlsPki pki(pkiDir.path());
    QVERIFY2(pki.isValid(), qPrintable(pki.error()));
    TestBroker cloud;
    cloud.setTlsListener(pki.listener());
    QString error;
    QVERIFY2(cloud.start(&error), qPrintable(error));
    UplinkTestRig::CloudRecorder recorder;
    error = recorder.start(cloud.port());
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const int port = TestBroker::freePort();
    QVERIFY(port > 0);
    const QString data = dir.path();
    QProcess run;
    run.start(CliProcess::cliPath(),
              {QStringLiteral("broker"), QStringLiteral("run"), QStringLiteral("--data"), data, QStringLiteral("--port"), QString::number(port),
               QStringLiteral("--uplink-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--uplink-port"), QString::number(cloud.tlsPort()),
               QStringLiteral("--uplink-cert"), pki.clientCertificateFile(), QStringLiteral("--uplink-key"), pki.clientKeyFile(),
               QStringLiteral("--uplink-cafile"), pki.caFile(), QStringLiteral("--uplink-filter"), QStringLiteral("plant/#"),
               QStringLiteral("--uplink-max-messages"), QStringLiteral("5"), QStringLiteral("--uplink-min-free-disk"), QStringLiteral("0"),
               QStringLiteral("--save-uplink"), QStringLiteral("--status-interval"), QStringLiteral("1")});
    QVERIFY2(run.waitForStarted(CliProcess::TimeoutMs), qPrintable(run.errorString()));
    const auto log = [&run](QByteArray &output) {
        output += run.readAllStandardOutput();
        return QString::fromUtf8(output.right(6000) + "\nstderr: " + run.readAllStandardError());
    };
    QByteArray output;
    waitForOutput(run, "Uplink: cloud connected", &output);
    QVERIFY2(output.contains("uplink settings saved") && output.contains("Uplink: cloud connected"), qPrintable(log(output)));

    // Local -> cloud over mutual TLS, through the CLI process. The uplink's
    // local subscription may trail its cloud connection: the first message
    // is retained, so the uplink gets it exactly once either way.
    BrokerTestClient device(port);
    QString reason;
    QVERIFY2(device.connect(&reason), qPrintable(reason));
    QVERIFY2(device.publish(UplinkTestRig::topicFor(0), "0", 1, true, &reason), qPrintable(reason));
    QVERIFY2(recorder.waitForUnique(1, CliProcess::TimeoutMs), qPrintable(log(output)));
    // A burst that fits the queue limit even if none of it were delivered yet.
    error = UplinkTestRig::publishRange(port, 1, 4);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(recorder.waitForUnique(5, CliProcess::TimeoutMs), qPrintable(log(output)));
    waitForOutput(run, "delivered 5 dropped 0", &output);
    QVERIFY2(output.contains("published 5 delivered 5 dropped 0"), qPrintable(log(output)));

    // The cloud goes away: the queue keeps the newest 5 of 8 and says so.
    cloud.stop();
    waitForOutput(run, "Uplink: cloud down", &output);
    QVERIFY2(output.contains("Uplink: cloud down"), qPrintable(log(output)));
    error = UplinkTestRig::publishRange(port, 5, 12);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    waitForOutput(run, "Uplink ALARM", &output);
    waitForOutput(run, "published 13", &output);
    QString text = log(output);
    QVERIFY2(text.contains(QLatin1String("Uplink ALARM: The uplink queue is full (5 messages)")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("queued 5 (oldest")) && text.contains(QLatin1String("published 13 delivered 5 dropped 3")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("dropped per topic: plant/line")), qPrintable(text));

    // Back: what was queued arrives, in order, without a new publish.
    QVERIFY2(cloud.start(&error), qPrintable(error));
    QVERIFY2(recorder.waitForUnique(10, CliProcess::TimeoutMs), qPrintable(log(output)));
    QString missing;
    QVERIFY2(recorder.hasAll(0, 4, &missing) && recorder.hasAll(8, 12, &missing), qPrintable(missing));
    QVERIFY2(recorder.uniqueCount() == 10, "a dropped message reached the cloud");
    QVERIFY2(recorder.orderProblem().isEmpty(), qPrintable(recorder.orderProblem()));
    waitForOutput(run, "published 13 delivered 10 dropped 3", &output);
    QVERIFY2(output.contains("queued 0"), qPrintable(log(output)));

    run.terminate();
    QVERIFY2(run.waitForFinished(CliProcess::TimeoutMs), "broker run did not stop");
    QCOMPARE(run.exitCode(), 0);

    // Saved for the GUI and the next run: paths, no key material.
    QFile saved(QDir(data).filePath(QStringLiteral("uplink.json")));
    QVERIFY2(saved.open(QIODevice::ReadOnly), qPrintable(saved.errorString()));
    const QByteArray json = saved.readAll();
    QVERIFY2(json.contains(pki.clientKeyFile().toUtf8()) && json.contains("plant/#") && !json.contains("PRIVATE KEY"), json.constData());
    QVERIFY(QFile::exists(QDir(data).filePath(QStringLiteral("uplink-queue.sqlite"))));
}

void TestCliBroker::lanListenerFromBrokerJson()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString data = dir.path();
    const int port = TestBroker::freePort();
    const int savedLanPort = TestBroker::freePort();
    const int otherLanPort = TestBroker::freePort();
    QVERIFY(port > 0 && savedLanPort > 0 && otherLanPort > 0 && savedLanPort != otherLanPort);
    const QStringList base = {QStringLiteral("broker"), QStringLiteral("run"), QStringLiteral("--data"), data, QStringLiteral("--port"),
                              QString::number(port)};
    const QByteArray savedListener = "LAN listener on 127.0.0.1:" + QByteArray::number(savedLanPort);

    // --save-broker writes the LAN listener in effect.
    QByteArray output = runUntilReady(base + QStringList{QStringLiteral("--lan-port"), QString::number(savedLanPort), QStringLiteral("--lan-bind"),
                                                         QStringLiteral("127.0.0.1"), QStringLiteral("--save-broker")});
    QVERIFY2(output.contains("broker settings saved") && output.contains(savedListener), output.constData());
    BrokerSettings saved;
    QString error;
    QVERIFY2(BrokerSettings::load(BrokerSettings::filePath(data), &saved, &error), qPrintable(error));
    QVERIFY(saved.lanEnabled);
    QCOMPARE(saved.lanPort, savedLanPort);
    QCOMPARE(saved.lanBindAddress, QStringLiteral("127.0.0.1"));

    // No LAN option: the saved listener, which refuses anonymous clients.
    QProcess run;
    run.start(CliProcess::cliPath(), base);
    QVERIFY2(run.waitForStarted(CliProcess::TimeoutMs), qPrintable(run.errorString()));
    output.clear();
    waitForOutput(run, "Shadow service running", &output);
    QVERIFY2(output.contains(savedListener), qPrintable(QString::fromUtf8(output + run.readAllStandardError())));
    QString problem;
    QVERIFY2(BrokerTestClient::refusesAnonymous(savedLanPort, &problem), qPrintable(problem));
    run.terminate();
    QVERIFY2(run.waitForFinished(CliProcess::TimeoutMs), "broker run did not stop");

    // The command line wins over the file and does not change it.
    output = runUntilReady(base + QStringList{QStringLiteral("--lan-port"), QString::number(otherLanPort)});
    QVERIFY2(output.contains(QByteArray("LAN listener on 127.0.0.1:" + QByteArray::number(otherLanPort))), output.constData());
    output = runUntilReady(base + QStringList{QStringLiteral("--no-lan")});
    QVERIFY2(output.contains("broker running") && !output.contains("LAN listener"), output.constData());
    BrokerSettings after;
    QVERIFY2(BrokerSettings::load(BrokerSettings::filePath(data), &after, &error), qPrintable(error));
    QCOMPARE(after, saved);

    // A broken file stops the command with the member and what is allowed; it is left alone.
    const QByteArray broken = R"({"lanEnabled": true, "lanPort": 0})";
    QFile file(BrokerSettings::filePath(data));
    QVERIFY2(file.open(QIODevice::WriteOnly) && file.write(broken) == broken.size(), qPrintable(file.errorString()));
    file.close();
    const CliProcess::Outcome refused = CliProcess::run(CliProcess::cliPath(), base);
    QVERIFY2(refused.exited && refused.exitCode == 1, qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains("\"lanPort\" is 0") && refused.err.contains("between 1 and 65535"), qPrintable(refused.describe()));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QCOMPARE(file.readAll(), broken);
}

QByteArray TestCliBroker::runUntilReady(const QStringList &arguments)
{
    QProcess run;
    run.start(CliProcess::cliPath(), arguments);
    if (!run.waitForStarted(CliProcess::TimeoutMs))
        return "cannot start: " + run.errorString().toUtf8();
    QByteArray output;
    waitForOutput(run, "Shadow service running", &output);
    run.terminate();
    if (!run.waitForFinished(CliProcess::TimeoutMs))
        output += "\n(broker run did not stop)";
    return output + run.readAllStandardOutput() + run.readAllStandardError();
}

QTEST_GUILESS_MAIN(TestCliBroker)
#include "tst_cli_broker.moc"
