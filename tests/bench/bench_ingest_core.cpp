// ingest-core: how fast the core library (MqttSession + TopicTreeModel with
// history) takes a QoS 0 stream, next to mosquitto_sub fed the same stream
// from the same broker in the same run.
//
// usage: bench_ingest_core [--smoke] [--messages N] [--topics T] [--json FILE]
#include "bench_util.h"
#include "ingest_run.h"
#include "broker/broker_supervisor.h"
#include "mqtt/mqtt_session.h"
#include "test_broker.h"
#include "topics/topic_tree_model.h"

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

using IngestRun::Result;

Result runLineScope(TestBroker &broker, qint64 messages, int topics, qint64 *rss, qint64 *batches)
{
    Result result;
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
    if (!IngestRun::waitUntil([&] { return subscribed; }, [] { return 0; }, 15000)) {
        result.error = QStringLiteral("LineScope did not subscribe: %1").arg(session.errorString());
        return result;
    }
    QObject owner;
    QElapsedTimer timer;
    timer.start();
    QProcess *publisher = IngestRun::startPublisher(broker.port(), messages, topics, &owner);
    IngestRun::waitUntil([&] { return received >= messages; }, [&] { return received; }, 10000);
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
    const IngestRun::Options options = IngestRun::parseOptions(app, 300000);
    const qint64 messages = options.messages;
    const int topics = options.topics;

    TestBroker broker({QStringLiteral("log_type subscribe")});
    if (!IngestRun::startBroker(broker))
        return 1;
    QTemporaryDir dir;
    const Result baseline = IngestRun::runMosquittoSub(broker, messages, topics, dir.filePath(QStringLiteral("sub.out")));
    qint64 rss = -1, batches = 0;
    const Result ours = runLineScope(broker, messages, topics, &rss, &batches);

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
    if (!BenchUtil::emitResult(result, options.jsonPath))
        return 1;
    return failure.isEmpty() && ours.received == messages ? 0 : 1;
}
