// ingest-core: how fast the core library (MqttSession + TopicTreeModel with
// history) takes a QoS 0 stream, next to mosquitto_sub fed the same stream
// from the same broker in the same run.
//
// usage: bench_ingest_core [--smoke] [--messages N] [--topics T] [--json FILE]
#include "bench_util.h"
#include "broker/broker_supervisor.h"
#include "mqtt/mqtt_session.h"
#include "test_broker.h"
#include "topics/topic_tree_model.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

struct RunResult
{
    qint64 received = 0;
    double seconds = 0;
    QString error;
};

// Spins the event loop until done() or no progress for stallMs.
template<typename Done, typename Progress>
bool waitUntil(Done done, Progress progress, int stallMs)
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

RunResult runMosquittoSub(TestBroker &broker, qint64 messages, int topics, const QString &outFile)
{
    RunResult result;
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
    const auto fileSize = [&] { return QFileInfo(outFile).size(); };
    const bool finished = waitUntil([&] { return sub.state() == QProcess::NotRunning; }, fileSize, 10000);
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

RunResult runLineScope(TestBroker &broker, qint64 messages, int topics, qint64 *rss, qint64 *batches)
{
    RunResult result;
    MqttSession session;
    TopicTreeModel model;
    ConnectionSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    session.setSettings(settings);
    qint64 received = 0;
    QObject::connect(&session, &MqttSession::messagesReceived, &model, [&](const QList<MqttMessage> &batch) {
        model.addMessages(batch);
        received += batch.size();
        ++*batches;
    });
    bool subscribed = false;
    QObject::connect(&session, &MqttSession::subscribed, &model, [&] { subscribed = true; });
    session.connectToBroker();
    session.subscribe({QStringLiteral("bench/#"), 0});
    if (!waitUntil([&] { return subscribed; }, [] { return 0; }, 15000)) {
        result.error = QStringLiteral("LineScope did not subscribe: %1").arg(session.errorString());
        return result;
    }
    QObject owner;
    QElapsedTimer timer;
    timer.start();
    QProcess *publisher = startPublisher(broker.port(), messages, topics, &owner);
    waitUntil([&] { return received >= messages; }, [&] { return received; }, 10000);
    result.seconds = timer.elapsed() / 1000.0;
    result.received = received;
    publisher->waitForFinished(30000);
    *rss = BenchUtil::residentBytes();
    if (model.messageCount() != received)
        result.error = QStringLiteral("model holds %1 messages, session delivered %2").arg(model.messageCount()).arg(received);
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("smoke"), QStringLiteral("Small counts for the test suite.")},
                       {QStringLiteral("messages"), QStringLiteral("Messages to publish."), QStringLiteral("N"), QStringLiteral("300000")},
                       {QStringLiteral("topics"), QStringLiteral("Distinct topics."), QStringLiteral("T"), QStringLiteral("10000")},
                       {QStringLiteral("json"), QStringLiteral("Write the result here."), QStringLiteral("FILE")}});
    parser.process(app);
    const bool smoke = parser.isSet(QStringLiteral("smoke"));
    const qint64 messages = smoke ? 5000 : parser.value(QStringLiteral("messages")).toLongLong();
    const int topics = smoke ? 500 : parser.value(QStringLiteral("topics")).toInt();

    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString error;
    if (!broker.start(&error)) {
        std::fprintf(stderr, "broker: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    const RunResult baseline = runMosquittoSub(broker, messages, topics, dir.filePath(QStringLiteral("sub.out")));
    qint64 rss = -1, batches = 0;
    const RunResult ours = runLineScope(broker, messages, topics, &rss, &batches);

    const double baselineRate = baseline.seconds > 0 ? baseline.received / baseline.seconds : 0;
    const double ourRate = ours.seconds > 0 ? ours.received / ours.seconds : 0;
    QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("ingest-core")},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("topics"), topics},
        {QStringLiteral("baseline_mosquitto_sub"), QJsonObject{{QStringLiteral("rate"), qRound64(baselineRate)},
                                                               {QStringLiteral("seconds"), baseline.seconds},
                                                               {QStringLiteral("lost"), messages - baseline.received}}},
        {QStringLiteral("linescope"), QJsonObject{{QStringLiteral("rate"), qRound64(ourRate)},
                                                  {QStringLiteral("seconds"), ours.seconds},
                                                  {QStringLiteral("lost"), messages - ours.received},
                                                  {QStringLiteral("batches"), batches},
                                                  {QStringLiteral("rss_bytes"), rss}}},
        {QStringLiteral("ratio"), baselineRate > 0 ? ourRate / baselineRate : 0.0},
        {QStringLiteral("target_ratio"), 0.9},
    };
    const QString failure = !baseline.error.isEmpty() ? baseline.error : ours.error;
    if (!failure.isEmpty())
        result.insert(QStringLiteral("error"), failure);
    if (!BenchUtil::emitResult(result, parser.value(QStringLiteral("json"))))
        return 1;
    return failure.isEmpty() && ours.received == messages ? 0 : 1;
}
