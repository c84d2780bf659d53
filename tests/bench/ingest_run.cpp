#include "ingest_run.h"

#include "bench_util.h"
#include "broker/broker_supervisor.h"
#include "test_broker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>

namespace IngestRun {

Options parseOptions(const QCoreApplication &app, qint64 defaultMessages)
{
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("smoke"), QStringLiteral("Small counts for the test suite.")},
                       {QStringLiteral("messages"), QStringLiteral("Messages to publish."), QStringLiteral("N"), QString::number(defaultMessages)},
                       {QStringLiteral("topics"), QStringLiteral("Distinct topics."), QStringLiteral("T"), QStringLiteral("10000")},
                       {QStringLiteral("json"), QStringLiteral("Write the result here."), QStringLiteral("FILE")}});
    parser.process(app);
    const bool smoke = parser.isSet(QStringLiteral("smoke"));
    return {smoke ? 5000 : parser.value(QStringLiteral("messages")).toLongLong(),
            smoke ? 500 : parser.value(QStringLiteral("topics")).toInt(),
            parser.value(QStringLiteral("json"))};
}

bool startBroker(TestBroker &broker)
{
    QString error;
    if (broker.start(&error))
        return true;
    std::fprintf(stderr, "broker: %s\n", qPrintable(error));
    return false;
}

bool waitUntil(const std::function<bool()> &done, const std::function<qint64()> &progress, int stallMs)
{
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    qint64 last = progress();
    while (!done()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        const qint64 now = progress();
        if (now != last) {
            last = now;
            sinceProgress.restart();
        } else if (sinceProgress.elapsed() > stallMs) {
            return false;
        }
    }
    return true;
}

bool waitForLog(BrokerSupervisor *broker, const QString &needle, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (broker->logLines().join(QLatin1Char('\n')).contains(needle))
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return false;
}

QProcess *startPublisher(int port, qint64 messages, int topics, QObject *parent)
{
    auto *publisher = new QProcess(parent);
    publisher->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    publisher->start(BenchUtil::siblingProgram(QStringLiteral("fast_publisher")),
                     {QStringLiteral("127.0.0.1"), QString::number(port), QString::number(messages),
                      QString::number(topics), QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("bench")});
    return publisher;
}

Result runMosquittoSub(TestBroker &broker, qint64 messages, int topics, const QString &outFile)
{
    Result result;
    QProcess sub;
    sub.setStandardOutputFile(outFile);
    sub.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sub.start(TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_sub")),
              {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), QString::number(broker.port()),
               QStringLiteral("-i"), QStringLiteral("baseline-sub"), QStringLiteral("-t"), QStringLiteral("bench/#"),
               QStringLiteral("-C"), QString::number(messages), QStringLiteral("-W"), QStringLiteral("600")});
    if (!waitForLog(broker.supervisor(), QStringLiteral("baseline-sub 0 bench/#"), 15000)) {
        result.error = QStringLiteral("mosquitto_sub did not subscribe");
        return result;
    }
    QObject owner;
    QElapsedTimer timer;
    timer.start();
    QProcess *publisher = startPublisher(broker.port(), messages, topics, &owner);
    const bool finished = waitUntil([&] { return sub.state() == QProcess::NotRunning; },
                                    [&] { return QFileInfo(outFile).size(); }, 10000);
    result.seconds = timer.elapsed() / 1000.0;
    if (!finished) {
        sub.kill();
        sub.waitForFinished();
    }
    publisher->waitForFinished(30000);
    QFile out(outFile);
    if (out.open(QIODevice::ReadOnly))
        result.received = out.readAll().count('\n');
    return result;
}

} // namespace IngestRun
