#include "broker/broker_supervisor.h"

#include "broker_test_client.h"
#include "test_broker.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#ifndef Q_OS_WIN
#include <signal.h>
#endif

namespace {

// Generous: the machine running the tests may be busy.
constexpr int kWaitMs = 20000;
const QString kStatusTopic = QStringLiteral("factory/chicago/building-a/line-3/press-1/status");

#ifdef Q_OS_WIN
bool killProcess(qint64 pid)
{
    return QProcess::execute(QStringLiteral("taskkill"), {QStringLiteral("/F"), QStringLiteral("/PID"), QString::number(pid)}) == 0;
}
#else
bool killProcess(qint64 pid)
{
    return ::kill(pid_t(pid), SIGKILL) == 0;
}
#endif

BrokerConfig configIn(const QString &directory, int port = 0)
{
    BrokerConfig config;
    config.dataDirectory = directory;
    config.port = port;
    return config;
}

QString describe(const BrokerSupervisor &supervisor)
{
    return QStringLiteral("state %1, error %2: %3\nBroker log:\n%4")
        .arg(QVariant::fromValue(supervisor.state()).toString(), QVariant::fromValue(supervisor.error()).toString(),
             supervisor.errorString(), supervisor.logLines().join(QLatin1Char('\n')));
}

struct ClientRun
{
    bool ok = false;
    int exitCode = -1;
    QByteArray output;
    QString problem;
};

// Runs a mosquitto reference client without blocking the event loop, so
// the supervisor keeps reading the broker's output meanwhile.
ClientRun runClient(const QString &name, const QStringList &arguments)
{
    ClientRun run;
    const QString program = TestBroker::mosquittoClientPath(name);
    if (program.isEmpty()) {
        run.problem = QStringLiteral("%1 is not installed (package mosquitto-clients)").arg(name);
        return run;
    }
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    if (!process.waitForStarted(kWaitMs)) {
        run.problem = QStringLiteral("%1 did not start: %2").arg(name, process.errorString());
        return run;
    }
    if (finished.isEmpty() && !finished.wait(kWaitMs + 10000)) {
        process.kill();
        process.waitForFinished();
        run.problem = QStringLiteral("%1 %2 did not finish").arg(name, arguments.join(QLatin1Char(' ')));
        return run;
    }
    run.exitCode = process.exitCode();
    run.output = process.readAllStandardOutput();
    run.ok = process.exitStatus() == QProcess::NormalExit && run.exitCode == 0;
    if (!run.ok)
        run.problem = QStringLiteral("%1 exited with %2: %3").arg(name).arg(run.exitCode).arg(QString::fromLocal8Bit(process.readAllStandardError()));
    return run;
}

QByteArray mqttLength(int length)
{
    QByteArray encoded;
    do {
        char digit = char(length % 128);
        length /= 128;
        if (length > 0)
            digit = char(digit | 0x80);
        encoded.append(digit);
    } while (length > 0);
    return encoded;
}

QByteArray mqttString(const QByteArray &text)
{
    return QByteArray(1, char(text.size() >> 8)) + char(text.size() & 0xff) + text;
}

QByteArray mqttPacket(quint8 header, const QByteArray &body)
{
    return char(header) + mqttLength(int(body.size())) + body;
}

// Reads exactly `size` bytes or fails after kWaitMs without data.
bool readExactly(QTcpSocket &socket, qsizetype size, QByteArray *data)
{
    while (socket.bytesAvailable() < size) {
        if (!socket.waitForReadyRead(kWaitMs))
            return false;
    }
    *data = socket.read(size);
    return true;
}

bool mqttConnect(QTcpSocket &socket, quint16 port, const QByteArray &clientId, QString *problem)
{
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(kWaitMs)) {
        *problem = QStringLiteral("connect: %1").arg(socket.errorString());
        return false;
    }
    socket.write(mqttPacket(0x10, mqttString("MQTT") + char(4) + char(0x02) + char(0) + char(60) + mqttString(clientId)));
    QByteArray connack;
    if (!readExactly(socket, 4, &connack) || connack != QByteArray::fromHex("20020000")) {
        *problem = QStringLiteral("CONNACK %1: %2").arg(QString::fromLatin1(connack.toHex()), socket.errorString());
        return false;
    }
    return true;
}

// Publishes `count` retained QoS 0 messages of `payloadSize` bytes on
// distinct topics with plain MQTT 3.1.1 packets, then waits for PINGRESP:
// the broker handles a client's packets in order, so all are stored then.
bool publishRetainedBurst(quint16 port, int count, int payloadSize, QString *problem)
{
    QTcpSocket socket;
    if (!mqttConnect(socket, port, "linescope-burst", problem))
        return false;
    const QByteArray filler(payloadSize, 'x');
    for (int i = 0; i < count; ++i)
        socket.write(mqttPacket(0x31, mqttString("flood/asset-" + QByteArray::number(i)) + filler));
    socket.write(mqttPacket(0xC0, {}));
    QByteArray pingresp;
    if (!readExactly(socket, 2, &pingresp) || pingresp != QByteArray::fromHex("d000")) {
        *problem = QStringLiteral("PINGRESP %1: %2").arg(QString::fromLatin1(pingresp.toHex()), socket.errorString());
        return false;
    }
    socket.write(mqttPacket(0xE0, {}));
    socket.waitForBytesWritten(kWaitMs);
    socket.disconnectFromHost();
    return true;
}

// A slow monitor: subscribes to flood/#, reads nothing for `stallMs` (so
// the kernel buffers fill and the broker has to queue), then counts the
// PUBLISH packets that arrive until `expected` or `quietMs` without data.
int countRetainedWithSlowReader(quint16 port, int expected, int stallMs, int quietMs, QString *problem)
{
    QTcpSocket socket;
    socket.setReadBufferSize(16 * 1024);
    if (!mqttConnect(socket, port, "linescope-slow-monitor", problem))
        return -1;
    socket.write(mqttPacket(0x82, QByteArray::fromHex("0001") + mqttString("flood/#") + char(0)));
    socket.waitForBytesWritten(kWaitMs);
    QTest::qWait(stallMs);
    socket.setReadBufferSize(0);

    QByteArray buffer;
    int publishes = 0;
    while (publishes < expected) {
        if (!socket.waitForReadyRead(quietMs))
            break;
        buffer += socket.readAll();
        // Walk over complete packets: fixed header, variable-length remaining length, body.
        qsizetype pos = 0;
        while (pos + 2 <= buffer.size()) {
            qsizetype length = 0;
            int multiplier = 1;
            qsizetype cursor = pos + 1;
            bool complete = false;
            while (cursor < buffer.size()) {
                const auto digit = quint8(buffer.at(cursor++));
                length += (digit & 0x7f) * multiplier;
                multiplier *= 128;
                if (!(digit & 0x80)) {
                    complete = true;
                    break;
                }
            }
            if (!complete || cursor + length > buffer.size())
                break;
            if ((quint8(buffer.at(pos)) >> 4) == 3)
                ++publishes;
            pos = cursor + length;
        }
        buffer.remove(0, pos);
    }
    return publishes;
}

} // namespace

class TestBrokerSupervisor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startAndConnect();
    void portInUse();
    void missingExecutable_data();
    void missingExecutable();
    void unwritableDataDirectory_data();
    void unwritableDataDirectory();
    void configErrorIsReported();
    void crashRecovery();
    void crashedTooOften();
    void stop_data();
    void stop();
    void restartKeepsPort();
    void persistence_data();
    void persistence();
    void retainedFlood_data();
    void retainedFlood();
    void queuedForOfflineClient();
    void monitorGetsAllRetainedTopics();

private:
    bool startAndWait(BrokerSupervisor &supervisor, QString *problem);

    QTemporaryDir m_scratch;
};

bool TestBrokerSupervisor::startAndWait(BrokerSupervisor &supervisor, QString *problem)
{
    QSignalSpy started(&supervisor, &BrokerSupervisor::started);
    QSignalSpy errors(&supervisor, &BrokerSupervisor::errorOccurred);
    supervisor.start();
    QElapsedTimer clock;
    clock.start();
    while (started.isEmpty() && errors.isEmpty() && clock.elapsed() < kWaitMs)
        started.wait(100);
    if (!started.isEmpty())
        return true;
    *problem = describe(supervisor);
    return false;
}

void TestBrokerSupervisor::initTestCase()
{
    QVERIFY2(m_scratch.isValid(), qPrintable(m_scratch.errorString()));
}

void TestBrokerSupervisor::startAndConnect()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSupervisor supervisor;
    supervisor.setConfig(configIn(dir.path()));
    QSignalSpy states(&supervisor, &BrokerSupervisor::stateChanged);
    QSignalSpy started(&supervisor, &BrokerSupervisor::started);

    supervisor.start();
    QCOMPARE(supervisor.state(), BrokerSupervisor::State::Starting);  // start() never blocks
    QVERIFY(started.isEmpty());
    QVERIFY2(started.wait(kWaitMs), qPrintable(describe(supervisor)));

    QCOMPARE(supervisor.state(), BrokerSupervisor::State::Running);
    QCOMPARE(supervisor.error(), BrokerSupervisor::Error::NoError);
    QVERIFY2(supervisor.port() > 0, "port 0 must be replaced by the port actually used");
    QCOMPARE(supervisor.config().port, supervisor.port());
    QVERIFY(supervisor.processId() > 0);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<BrokerSupervisor::State>(), BrokerSupervisor::State::Starting);
    QCOMPARE(states.at(1).at(0).value<BrokerSupervisor::State>(), BrokerSupervisor::State::Running);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(supervisor.port()));
    QVERIFY2(socket.waitForConnected(kWaitMs), qPrintable(socket.errorString()));

    QFile written(supervisor.config().configFilePath());
    QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(written.errorString()));
    QCOMPARE(QString::fromUtf8(written.readAll()), supervisor.config().render());

    // mosquitto's own output is captured line by line.
    QTRY_VERIFY2_WITH_TIMEOUT(supervisor.logLines().join(QLatin1Char('\n')).contains(QLatin1String("running")), qPrintable(describe(supervisor)), kWaitMs);
}

void TestBrokerSupervisor::portInUse()
{
    QTcpServer blocker;
    QVERIFY2(blocker.listen(QHostAddress::LocalHost, 0), qPrintable(blocker.errorString()));
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSupervisor supervisor;
    supervisor.setConfig(configIn(dir.path(), blocker.serverPort()));
    QSignalSpy started(&supervisor, &BrokerSupervisor::started);
    QSignalSpy errors(&supervisor, &BrokerSupervisor::errorOccurred);

    supervisor.start();
    QVERIFY2(errors.wait(kWaitMs), qPrintable(describe(supervisor)));
    QCOMPARE(errors.first().at(0).value<BrokerSupervisor::Error>(), BrokerSupervisor::Error::PortInUse);
    const QString message = errors.first().at(1).toString();
    QVERIFY2(message.contains(QString::number(blocker.serverPort())) && message.contains(QLatin1String("127.0.0.1")),
             qPrintable(message));
    QCOMPARE(supervisor.errorString(), message);
    QCOMPARE(supervisor.state(), BrokerSupervisor::State::Failed);
    QCOMPARE(supervisor.processId(), 0);
    QVERIFY2(supervisor.logLines().isEmpty(), "nothing may be started when the port is taken");
    QVERIFY2(!QFile::exists(supervisor.config().configFilePath()), "no config is written for a broker that cannot start");
    QVERIFY(!started.wait(300));
}

void TestBrokerSupervisor::missingExecutable_data()
{
    QTest::addColumn<QString>("executable");

    QTest::newRow("absolute path that does not exist") << m_scratch.filePath(QStringLiteral("no-such-dir/mosquitto"));
    QTest::newRow("name not on the PATH") << QStringLiteral("linescope-no-such-broker");

    const QString text = m_scratch.filePath(QStringLiteral("not-a-program"));
    QFile file(text);
    if (file.open(QIODevice::WriteOnly)) {
        file.write("this is a text file, not a broker\n");
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup);
    }
    QTest::newRow("executable file that is not a program") << text;
}

void TestBrokerSupervisor::missingExecutable()
{
    QFETCH(QString, executable);
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSupervisor supervisor;
    supervisor.setConfig(configIn(dir.path()));
    supervisor.setExecutable(executable);
    QSignalSpy started(&supervisor, &BrokerSupervisor::started);
    QSignalSpy errors(&supervisor, &BrokerSupervisor::errorOccurred);

    supervisor.start();
    QVERIFY2(errors.wait(kWaitMs), qPrintable(describe(supervisor)));
    QCOMPARE(supervisor.error(), BrokerSupervisor::Error::ExecutableNotFound);
    QCOMPARE(supervisor.state(), BrokerSupervisor::State::Failed);
    QVERIFY2(supervisor.errorString().contains(QDir::toNativeSeparators(executable)), qPrintable(supervisor.errorString()));
    QCOMPARE(supervisor.processId(), 0);
    QCOMPARE(started.size(), 0);
}

void TestBrokerSupervisor::unwritableDataDirectory_data()
{
    QTest::addColumn<QString>("directory");

    QFile plain(m_scratch.filePath(QStringLiteral("plain-file")));
    if (plain.open(QIODevice::WriteOnly))
        plain.write("a file where a folder is expected\n");
    QTest::newRow("below a regular file") << m_scratch.filePath(QStringLiteral("plain-file/broker"));

    const QString readOnly = m_scratch.filePath(QStringLiteral("read-only"));
    QDir().mkpath(readOnly);
    QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup);
    QTest::newRow("read-only directory") << readOnly;
}

void TestBrokerSupervisor::unwritableDataDirectory()
{
    QFETCH(QString, directory);
    bool privileged = false;
    {
        QFile probe(QDir(directory).filePath(QStringLiteral("probe")));
        if (probe.open(QIODevice::WriteOnly)) {
            privileged = true;
            probe.remove();
        }
    }
    BrokerSupervisor supervisor;
    supervisor.setConfig(configIn(directory));
    QSignalSpy errors(&supervisor, &BrokerSupervisor::errorOccurred);
    supervisor.start();
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.state() == BrokerSupervisor::State::Failed
                                 || supervisor.state() == BrokerSupervisor::State::Running,
                             kWaitMs);
    if (privileged)
        QEXPECT_FAIL("read-only directory", "a privileged user (root) may write into read-only folders", Abort);
    QCOMPARE(supervisor.error(), BrokerSupervisor::Error::DataDirectoryNotWritable);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(supervisor.errorString().contains(QDir::toNativeSeparators(directory)), qPrintable(supervisor.errorString()));
    QCOMPARE(supervisor.processId(), 0);
}

void TestBrokerSupervisor::configErrorIsReported()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerConfig config = configIn(dir.path());
    config.extraLines = {QStringLiteral("no_such_option 42")};
    BrokerSupervisor supervisor;
    supervisor.setConfig(config);
    QSignalSpy errors(&supervisor, &BrokerSupervisor::errorOccurred);
    QSignalSpy crashed(&supervisor, &BrokerSupervisor::crashed);

    supervisor.start();
    QVERIFY2(errors.wait(kWaitMs), qPrintable(describe(supervisor)));
    QCOMPARE(supervisor.error(), BrokerSupervisor::Error::ExitedDuringStartup);
    QCOMPARE(supervisor.state(), BrokerSupervisor::State::Failed);
    QCOMPARE(crashed.size(), 0);  // a broken config is not retried

    const QStringList lines = supervisor.config().render().split(QLatin1Char('\n'));
    const int lineNumber = int(lines.indexOf(config.extraLines.first())) + 1;
    const QString location = QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(config.configFilePath())).arg(lineNumber);
    QVERIFY2(supervisor.errorString().contains(location), qPrintable(location + QLatin1String(" not in: ") + supervisor.errorString()));
    QVERIFY2(supervisor.errorString().contains(QLatin1String("no_such_option")), qPrintable(supervisor.errorString()));
}

void TestBrokerSupervisor::crashRecovery()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSupervisor supervisor;
    supervisor.setConfig(configIn(dir.path()));
    QString problem;
    QVERIFY2(startAndWait(supervisor, &problem), qPrintable(problem));
    const qint64 firstPid = supervisor.processId();
    const int port = supervisor.port();
    QTRY_VERIFY_WITH_TIMEOUT(!supervisor.logLines().isEmpty(), kWaitMs);
    const QString lastLineBefore = supervisor.logLines().constLast();

    QSignalSpy crashed(&supervisor, &BrokerSupervisor::crashed);
    QSignalSpy started(&supervisor, &BrokerSupervisor::started);
    QVERIFY2(killProcess(firstPid), "could not kill the broker process");

    QVERIFY2(crashed.wait(kWaitMs), qPrintable(describe(supervisor)));
    QCOMPARE(supervisor.state(), BrokerSupervisor::State::Restarting);
    const QString reason = crashed.first().at(0).toString();
    QCOMPARE(supervisor.lastExitReason(), reason);
    QVERIFY2(reason.contains(lastLineBefore), qPrintable(QStringLiteral("the reason lacks the log tail \"%1\": %2").arg(lastLineBefore, reason)));

    QVERIFY2(started.wait(kWaitMs), qPrintable(describe(supervisor)));
    QCOMPARE(supervisor.state(), BrokerSupervisor::State::Running);
    QCOMPARE(supervisor.port(), port);
    QCOMPARE(supervisor.restartCount(), 1);
    QVERIFY(supervisor.processId() > 0);
    QVERIFY(supervisor.processId() != firstPid);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    QVERIFY2(socket.waitForConnected(kWaitMs), qPrintable(socket.errorString()));
}

void TestBrokerSupervisor::crashedTooOften()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSupervisor supervisor;
    supervisor.setConfig(configIn(dir.path()));
    QString problem;
    QVERIFY2(startAndWait(supervisor, &problem), qPrintable(problem));

    QSignalSpy crashed(&supervisor, &BrokerSupervisor::crashed);
    QSignalSpy started(&supervisor, &BrokerSupervisor::started);
    QSignalSpy errors(&supervisor, &BrokerSupervisor::errorOccurred);
    // The restart delay doubles from 250 ms. Coarse timers may fire up to
    // 5% early; waiting longer is always fine.
    const QList<int> backoffMs = {250, 500, 1000, 2000};
    for (int backoff : backoffMs) {
        QVERIFY2(killProcess(supervisor.processId()), "could not kill the broker process");
        QVERIFY2(crashed.wait(kWaitMs), qPrintable(describe(supervisor)));
        QElapsedTimer restartDelay;
        restartDelay.start();
        QVERIFY2(started.wait(kWaitMs), qPrintable(describe(supervisor)));
        QVERIFY2(restartDelay.elapsed() >= backoff * 9 / 10,
                 qPrintable(QStringLiteral("restarted after %1 ms, expected at least %2 ms").arg(restartDelay.elapsed()).arg(backoff)));
    }
    QCOMPARE(supervisor.restartCount(), 4);

    QVERIFY2(killProcess(supervisor.processId()), "could not kill the broker process");
    QVERIFY2(errors.wait(kWaitMs), qPrintable(describe(supervisor)));
    QCOMPARE(supervisor.error(), BrokerSupervisor::Error::CrashedTooOften);
    QCOMPARE(supervisor.state(), BrokerSupervisor::State::Failed);
    QCOMPARE(crashed.size(), 4);
    QCOMPARE(supervisor.processId(), 0);
    QVERIFY(!started.wait(1000));
}

void TestBrokerSupervisor::stop_data()
{
    QTest::addColumn<bool>("waitUntilRunning");
    QTest::newRow("while running") << true;
    QTest::newRow("right after start()") << false;
}

void TestBrokerSupervisor::stop()
{
    QFETCH(bool, waitUntilRunning);
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSupervisor supervisor;
    supervisor.setConfig(configIn(dir.path()));
    QSignalSpy started(&supervisor, &BrokerSupervisor::started);
    QSignalSpy stopped(&supervisor, &BrokerSupervisor::stopped);
    QSignalSpy crashed(&supervisor, &BrokerSupervisor::crashed);

    if (waitUntilRunning) {
        QString problem;
        QVERIFY2(startAndWait(supervisor, &problem), qPrintable(problem));
    } else {
        supervisor.start();
    }
    const int port = supervisor.port();
    started.clear();

    supervisor.stop();
    QVERIFY2(stopped.wait(kWaitMs), qPrintable(describe(supervisor)));
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(supervisor.state(), BrokerSupervisor::State::Stopped);
    QCOMPARE(supervisor.processId(), 0);
    QCOMPARE(crashed.size(), 0);
    QVERIFY2(!started.wait(1000), "a stopped broker must not come back");

    if (waitUntilRunning) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(port));
        QVERIFY2(!socket.waitForConnected(5000), "the broker still accepts connections after stop()");
    }
}

void TestBrokerSupervisor::restartKeepsPort()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSupervisor supervisor;
    supervisor.setConfig(configIn(dir.path()));
    QString problem;
    QVERIFY2(startAndWait(supervisor, &problem), qPrintable(problem));
    const qint64 firstPid = supervisor.processId();
    const int port = supervisor.port();

    QSignalSpy stopped(&supervisor, &BrokerSupervisor::stopped);
    QSignalSpy started(&supervisor, &BrokerSupervisor::started);
    supervisor.restart();
    QVERIFY2(started.wait(kWaitMs), qPrintable(describe(supervisor)));
    QCOMPARE(stopped.size(), 1);
    QCOMPARE(supervisor.port(), port);
    QVERIFY(supervisor.processId() != firstPid);
    QCOMPARE(supervisor.restartCount(), 0);  // a requested restart is not a crash
}

void TestBrokerSupervisor::persistence_data()
{
    QTest::addColumn<bool>("killAfterAutosave");
    QTest::newRow("graceful stop and start") << false;
    QTest::newRow("killed after autosave, restarted automatically") << true;
}

void TestBrokerSupervisor::persistence()
{
    QFETCH(bool, killAfterAutosave);
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSupervisor supervisor;
    supervisor.setConfig(configIn(dir.path()));
    QString problem;
    QVERIFY2(startAndWait(supervisor, &problem), qPrintable(problem));
    const QString port = QString::number(supervisor.port());

    const ClientRun publish = runClient(QStringLiteral("mosquitto_pub"),
                                        {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), port,
                                         QStringLiteral("-t"), kStatusTopic, QStringLiteral("-m"), QStringLiteral("running"),
                                         QStringLiteral("-r"), QStringLiteral("-q"), QStringLiteral("1")});
    QVERIFY2(publish.ok, qPrintable(publish.problem));
    const QDateTime published = QDateTime::currentDateTime();

    QSignalSpy started(&supervisor, &BrokerSupervisor::started);
    if (killAfterAutosave) {
        // mosquitto is single-threaded: a database written after the publish
        // was acknowledged contains it.
        const QString database = QDir(dir.path()).filePath(QStringLiteral("mosquitto.db"));
        QTRY_VERIFY2_WITH_TIMEOUT(QFileInfo(database).lastModified() > published,
                                  qPrintable(QStringLiteral("no autosave of %1").arg(database)), kWaitMs);
        QVERIFY2(killProcess(supervisor.processId()), "could not kill the broker process");
    } else {
        QSignalSpy stopped(&supervisor, &BrokerSupervisor::stopped);
        supervisor.stop();
        QVERIFY2(stopped.wait(kWaitMs), qPrintable(describe(supervisor)));
        supervisor.start();
    }
    QVERIFY2(started.wait(kWaitMs), qPrintable(describe(supervisor)));
    QCOMPARE(QString::number(supervisor.port()), port);

    const ClientRun subscribe = runClient(QStringLiteral("mosquitto_sub"),
                                          {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), port,
                                           QStringLiteral("-t"), kStatusTopic, QStringLiteral("-v"), QStringLiteral("-C"),
                                           QStringLiteral("1"), QStringLiteral("-W"), QStringLiteral("5")});
    QVERIFY2(subscribe.ok, qPrintable(subscribe.problem + QLatin1Char('\n') + describe(supervisor)));
    QCOMPARE(QString::fromUtf8(subscribe.output).trimmed(), kStatusTopic + QLatin1String(" running"));
}

void TestBrokerSupervisor::retainedFlood_data()
{
    QTest::addColumn<QStringList>("extraLines");
    QTest::addColumn<bool>("expectAll");

    // A '#' monitor that connects to a busy line is sent every retained
    // message at once; LineScope's config must not drop any of them, even
    // when the monitor reads slower than the broker writes.
    QTest::newRow("LineScope queue settings") << QStringList{} << true;
    // Control row: proves the burst is big enough to overflow a queue limit.
    QTest::newRow("mosquitto default queue limit") << QStringList{QStringLiteral("max_queued_messages 1000")} << false;
}

void TestBrokerSupervisor::retainedFlood()
{
    QFETCH(QStringList, extraLines);
    QFETCH(bool, expectAll);
    // 4000 x 8 KiB is far more than loopback socket buffers hold.
    constexpr int count = 4000;
    constexpr int payloadSize = 8 * 1024;

    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerConfig config = configIn(dir.path());
    config.persistence = false;  // not about persistence; saves writing 32 MB every second
    config.extraLines = extraLines;
    BrokerSupervisor supervisor;
    supervisor.setConfig(config);
    QString problem;
    QVERIFY2(startAndWait(supervisor, &problem), qPrintable(problem));

    QVERIFY2(publishRetainedBurst(quint16(supervisor.port()), count, payloadSize, &problem), qPrintable(problem));
    const int received = countRetainedWithSlowReader(quint16(supervisor.port()), count, 1500, expectAll ? kWaitMs : 3000, &problem);
    QVERIFY2(received >= 0, qPrintable(problem));
    if (expectAll)
        QCOMPARE(received, count);
    else
        QVERIFY2(received < count, qPrintable(QStringLiteral("all %1 messages arrived despite the limit").arg(received)));
}

void TestBrokerSupervisor::queuedForOfflineClient()
{
    // A line PC's persistent client (clean session off, QoS 1) is offline
    // while devices publish; the broker restarts in between.
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerSupervisor supervisor;
    supervisor.setConfig(configIn(dir.path()));
    QString problem;
    QVERIFY2(startAndWait(supervisor, &problem), qPrintable(problem));
    const QString clientId = QStringLiteral("line-pc-persistent");
    const QString filter = QStringLiteral("factory/+/+/+/+/telemetry");
    {
        BrokerTestClient persistent(supervisor.port(), {}, {}, clientId, false);
        QVERIFY2(persistent.connect(&problem), qPrintable(problem));
        QVERIFY2(persistent.subscribe(filter, 1, &problem), qPrintable(problem));
        persistent.session()->disconnectFromBroker();
        QVERIFY2(persistent.waitForState(MqttSession::State::Disconnected, &problem), qPrintable(problem));
    }
    constexpr int count = 20;
    {
        BrokerTestClient device(supervisor.port());
        QVERIFY2(device.connect(&problem), qPrintable(problem));
        QString reason;
        for (int i = 0; i < count; ++i)
            QVERIFY2(device.publish(QStringLiteral("factory/s/b/l/press-1/telemetry"), QByteArray::number(i), 1, false, &reason),
                     qPrintable(reason));
    }
    QSignalSpy stopped(&supervisor, &BrokerSupervisor::stopped);
    supervisor.stop();
    QVERIFY2(stopped.wait(kWaitMs), qPrintable(describe(supervisor)));
    QVERIFY2(startAndWait(supervisor, &problem), qPrintable(problem));

    BrokerTestClient back(supervisor.port(), {}, {}, clientId, false);
    QSignalSpy connected(back.session(), &MqttSession::connected);
    QVERIFY2(back.connect(&problem), qPrintable(problem));
    // connected() may be delivered just after the state change connect() waited for.
    QTRY_VERIFY2_WITH_TIMEOUT(!connected.isEmpty(), "connected() was not emitted", kWaitMs);
    QVERIFY2(connected.first().at(0).toBool(),
             qPrintable(QStringLiteral("the broker did not keep the session across the restart\n") + describe(supervisor)));
    QTRY_VERIFY2_WITH_TIMEOUT(back.messageCount() >= count,
                              qPrintable(QStringLiteral("%1 of %2 queued messages arrived\n%3")
                                             .arg(back.messageCount()).arg(count).arg(describe(supervisor))),
                              kWaitMs);
    QByteArrayList payloads;
    const QList<MqttMessage> messages = back.messages();
    for (const MqttMessage &message : messages)
        payloads << message.payload;
    QByteArrayList expected;
    for (int i = 0; i < count; ++i)
        expected << QByteArray::number(i);
    QCOMPARE(payloads, expected);
}

void TestBrokerSupervisor::monitorGetsAllRetainedTopics()
{
    // LineScope's own '#' monitor connecting to a line with 50,000 retained
    // topics must see every one of them.
    constexpr int count = 50000;
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    BrokerConfig config = configIn(dir.path());
    config.persistence = false;  // not about persistence
    BrokerSupervisor supervisor;
    supervisor.setConfig(config);
    QString problem;
    QVERIFY2(startAndWait(supervisor, &problem), qPrintable(problem));
    QVERIFY2(publishRetainedBurst(quint16(supervisor.port()), count, 16, &problem), qPrintable(problem));

    BrokerTestClient monitor(supervisor.port());
    QVERIFY2(monitor.connect(&problem), qPrintable(problem));
    QVERIFY2(monitor.subscribe(QStringLiteral("#"), 0, &problem), qPrintable(problem));
    QElapsedTimer quiet;
    quiet.start();
    quint64 last = 0;
    // Waits while messages keep coming, up to kWaitMs of silence.
    while (monitor.session()->receivedCount() < quint64(count) && quiet.elapsed() < kWaitMs) {
        QTest::qWait(100);
        if (monitor.session()->receivedCount() != last) {
            last = monitor.session()->receivedCount();
            quiet.restart();
        }
    }
    QCOMPARE(monitor.session()->receivedCount(), quint64(count));
}

QTEST_GUILESS_MAIN(TestBrokerSupervisor)
#include "tst_broker_supervisor.moc"
