#pragma once

#include "test_broker.h"

#include "broker/broker_supervisor.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// Helpers for tests that run the real linescope-cli (LINESCOPE_CLI) and the
// mosquitto reference clients as child processes next to a TestBroker. The
// waits spin the event loop, because the TestBroker's supervisor lives on the
// test thread.
namespace CliProcess {

constexpr int TimeoutMs = 20000;

struct Outcome
{
    bool exited = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString describe() const
    {
        return QStringLiteral("%1, exit code %2\nstdout: <%3>\nstderr: <%4>")
            .arg(exited ? QStringLiteral("exited") : QStringLiteral("did not exit in time"))
            .arg(exitCode)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

inline QString cliPath()
{
    return qEnvironmentVariable("LINESCOPE_CLI", QStringLiteral(LINESCOPE_BINARY_DIR "/app/linescope-cli"));
}

// environment: empty = this process's own.
inline std::unique_ptr<QProcess> launch(const QString &program, const QStringList &arguments,
                                        const QByteArray &input = {}, const QProcessEnvironment &environment = {})
{
    auto process = std::make_unique<QProcess>();
    if (!environment.isEmpty())
        process->setProcessEnvironment(environment);
    process->setProgram(program);
    process->setArguments(arguments);
    process->start();
    if (!process->waitForStarted(TimeoutMs))
        qWarning("Cannot start %s: %s", qPrintable(program), qPrintable(process->errorString()));
    if (!input.isEmpty())
        process->write(input);
    process->closeWriteChannel();
    return process;
}

inline Outcome collect(QProcess &process, int timeoutMs = TimeoutMs)
{
    Outcome outcome;
    if (process.state() != QProcess::NotRunning) {
        QSignalSpy finished(&process, &QProcess::finished);
        finished.wait(timeoutMs);
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        outcome.exited = process.exitStatus() == QProcess::NormalExit;
        outcome.exitCode = process.exitCode();
    }
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    return outcome;
}

inline Outcome run(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                   const QProcessEnvironment &environment = {})
{
    const std::unique_ptr<QProcess> process = launch(program, arguments, input, environment);
    return collect(*process);
}

inline QStringList hostPort(const TestBroker &broker)
{
    return {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), QString::number(broker.port())};
}

// Needs a broker started with "log_type subscribe": mosquitto then logs
// "<client id> <qos> <filter>" per subscription.
inline bool waitForSubscription(const TestBroker &broker, const QString &clientId, int qos, const QString &filter)
{
    const QString needle = QStringLiteral(" %1 %2 %3").arg(clientId).arg(qos).arg(filter);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < TimeoutMs) {
        const QStringList lines = broker.supervisor()->logLines();
        for (const QString &line : lines) {
            if (line.endsWith(needle))
                return true;
        }
        QTest::qWait(20);
    }
    return false;
}

inline QString brokerLog(const TestBroker &broker)
{
    return QStringLiteral("\nbroker log:\n") + broker.logText();
}

} // namespace CliProcess
