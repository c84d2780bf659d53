// topics-scale: N distinct topics with one retained message each, loaded by a
// LineScope session subscribing to '#': time to load, resident memory per
// topic, time to expand the root in a tree view and to search the tree.
// mosquitto_sub receiving the same retained set is the baseline for loading.
//
// usage: bench_topics_scale [--smoke] [--topics N[,N...]] [--json FILE]
#include "bench_util.h"
#include "ingest_run.h"
#include "broker/broker_supervisor.h"
#include "mqtt/mqtt_session.h"
#include "test_broker.h"
#include "topics/topic_filter_proxy_model.h"
#include "topics/topic_tree_model.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

namespace {

double medianMs(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0 : samples[samples.size() / 2];
}

QJsonObject runScale(qint64 topics)
{
    QJsonObject out{{QStringLiteral("topics"), topics}};
    TestBroker broker;
    QString error;
    if (!broker.start(&error)) {
        out.insert(QStringLiteral("error"), error);
        return out;
    }
    // Fill the broker with one retained message per topic.
    QProcess publisher;
    publisher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    publisher.start(BenchUtil::siblingProgram(QStringLiteral("fast_publisher")),
                    {broker.host(), QString::number(broker.port()), QString::number(topics), QString::number(topics),
                     QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("factory")});
    if (!publisher.waitForFinished(600000) || publisher.exitCode() != 0) {
        out.insert(QStringLiteral("error"), QStringLiteral("publisher failed"));
        return out;
    }

    // Baseline: mosquitto_sub receiving every retained message.
    QTemporaryDir dir;
    const QString subOut = dir.filePath(QStringLiteral("sub.out"));
    QProcess sub;
    sub.setStandardOutputFile(subOut);
    QElapsedTimer timer;
    timer.start();
    sub.start(TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_sub")),
              {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), QString::number(broker.port()),
               QStringLiteral("-t"), QStringLiteral("#"), QStringLiteral("-C"), QString::number(topics),
               QStringLiteral("-W"), QStringLiteral("600")});
    IngestRun::waitUntil([&] { return sub.state() == QProcess::NotRunning; }, [&] { return QFileInfo(subOut).size(); }, 15000);
    const double baselineSeconds = timer.elapsed() / 1000.0;
    QFile subFile(subOut);
    const qint64 baselineReceived = subFile.open(QIODevice::ReadOnly) ? subFile.readAll().count('\n') : 0;

    const qint64 rssBefore = BenchUtil::residentBytes();
    TopicTreeModel model;
    MqttSession session;
    ConnectionSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    session.setSettings(settings);
    qint64 received = 0;
    QObject::connect(&session, &MqttSession::messagesReceived, &model, [&](const QList<MqttMessage> &batch) {
        model.addMessages(batch);
        received += batch.size();
    });
    timer.restart();
    session.connectToBroker();
    session.subscribe({QStringLiteral("#"), 0});
    IngestRun::waitUntil([&] { return received >= topics; }, [&] { return received; }, 15000);
    const double loadSeconds = timer.elapsed() / 1000.0;
    session.disconnectFromBroker();
    QCoreApplication::processEvents();
    const qint64 rssAfter = BenchUtil::residentBytes();

    TopicFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QTreeView view;
    view.setUniformRowHeights(true);
    view.resize(1000, 800);
    view.setModel(&proxy);
    view.show();
    QCoreApplication::processEvents();
    timer.restart();
    view.expand(proxy.index(0, 0));
    view.grab();  // forces layout and paint of the expanded rows
    const double expandMs = timer.nsecsElapsed() / 1e6;

    std::vector<double> searches;
    for (const QString &text : {QStringLiteral("asset-42/"), QStringLiteral("line-7/asset-99"), QStringLiteral("no-such-level")}) {
        timer.restart();
        proxy.setFilterText(text);
        searches.push_back(timer.nsecsElapsed() / 1e6);
    }
    proxy.setFilterText({});

    out.insert(QStringLiteral("baseline_mosquitto_sub"), QJsonObject{{QStringLiteral("seconds"), baselineSeconds},
                                                                     {QStringLiteral("lost"), topics - baselineReceived}});
    out.insert(QStringLiteral("linescope"), QJsonObject{{QStringLiteral("load_seconds"), loadSeconds},
                                                        {QStringLiteral("lost"), topics - received},
                                                        {QStringLiteral("model_topics"), model.topicCount()},
                                                        {QStringLiteral("rss_bytes"), rssAfter},
                                                        {QStringLiteral("rss_bytes_per_topic"), rssBefore > 0 ? double(rssAfter - rssBefore) / topics : -1.0},
                                                        {QStringLiteral("expand_root_ms"), expandMs},
                                                        {QStringLiteral("search_ms_median"), medianMs(searches)},
                                                        {QStringLiteral("search_ms_max"), *std::max_element(searches.begin(), searches.end())}});
    out.insert(QStringLiteral("load_ratio"), loadSeconds > 0 ? baselineSeconds / loadSeconds : 0.0);
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("smoke"), QStringLiteral("Small counts for the test suite.")},
                       {QStringLiteral("topics"), QStringLiteral("Comma-separated topic counts."), QStringLiteral("N"), QStringLiteral("100000,1000000")},
                       {QStringLiteral("json"), QStringLiteral("Write the result here."), QStringLiteral("FILE")}});
    parser.process(app);
    QStringList counts = parser.value(QStringLiteral("topics")).split(QLatin1Char(','));
    if (parser.isSet(QStringLiteral("smoke")))
        counts = {QStringLiteral("2000")};

    QJsonArray runs;
    bool ok = true;
    for (const QString &count : counts) {
        const QJsonObject run = runScale(count.toLongLong());
        ok = ok && !run.contains(QStringLiteral("error"))
             && run.value(QStringLiteral("linescope")).toObject().value(QStringLiteral("lost")).toInteger() == 0;
        runs.append(run);
    }
    const QJsonObject result{{QStringLiteral("benchmark"), QStringLiteral("topics-scale")},
                             {QStringLiteral("runs"), runs},
                             {QStringLiteral("target_rss_bytes_per_topic"), 1000},
                             {QStringLiteral("target_search_ms"), 200}};
    if (!BenchUtil::emitResult(result, parser.value(QStringLiteral("json"))))
        return 1;
    return ok ? 0 : 1;
}
