// ingest-gui: the real main window (offscreen) takes a QoS 0 stream with the
// topic tree expanded on the busiest subtree and one live chart of 5 series
// open. Reports messages/s next to mosquitto_sub on the same stream, messages
// lost, and how long the GUI event loop stalled (gaps between ticks of a
// 10 ms timer) at p50/p99/max.
//
// usage: bench_ingest_gui [--smoke] [--messages N] [--topics T] [--json FILE]
#include "bench_util.h"
#include "charts/chart_dashboard.h"
#include "charts/chart_panel.h"
#include "connection/connection_view.h"
#include "ingest_run.h"
#include "main_window.h"
#include "mqtt/mqtt_session.h"
#include "profiles/connection_profile.h"
#include "test_broker.h"
#include "topics/topic_filter_proxy_model.h"
#include "topics/topic_tree_model.h"
#include "topictree/topic_tree_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    return samples[std::min(samples.size() - 1, static_cast<size_t>(p * (samples.size() - 1) + 0.5))];
}

// Brings the widget's tab or stacked page to the front so it is painted.
void reveal(QWidget *widget)
{
    for (QWidget *child = widget, *parent = widget->parentWidget(); parent; child = parent, parent = parent->parentWidget()) {
        if (auto *stack = qobject_cast<QStackedWidget *>(parent))
            stack->setCurrentWidget(child);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const IngestRun::Options options = IngestRun::parseOptions(app, 200000);
    const qint64 messages = options.messages;
    const int topics = options.topics;

    TestBroker broker({QStringLiteral("log_type subscribe")});
    if (!IngestRun::startBroker(broker))
        return 1;
    QTemporaryDir dir;
    const IngestRun::Result baseline = IngestRun::runMosquittoSub(broker, messages, topics, dir.filePath(QStringLiteral("sub.out")));

    MainWindow window;
    window.resize(1400, 850);
    window.show();
    ConnectionProfile profile;
    profile.name = QStringLiteral("bench");
    profile.settings.host = broker.host();
    profile.settings.port = broker.port();
    profile.subscriptions = {MqttSubscription{QStringLiteral("bench/#"), 0}};
    ConnectionView *view = window.openConnection(profile);
    IngestRun::waitUntil([&] { return view->session()->state() == MqttSession::State::Connected; }, [] { return 0; }, 15000);
    const bool subscribed = IngestRun::waitForLog(broker.supervisor(), view->session()->clientId() + QStringLiteral(" 0 bench/#"), 15000);

    // Warm-up: five topics with data, so the tree can be expanded and charted.
    QObject owner;
    QProcess *warmup = IngestRun::startPublisher(broker.port(), 5, topics, &owner);
    warmup->waitForFinished(10000);
    IngestRun::waitUntil([&] { return view->topicModel()->messageCount() >= 5; },
                         [&] { return view->topicModel()->messageCount(); }, 10000);
    const qint64 warmupMessages = view->topicModel()->messageCount();
    ChartPanel *chart = view->chartDashboard()->addChart();
    int series = 0;
    for (int i = 0; i < 5; ++i) {
        const QString topic = QStringLiteral("bench/site-%1/building-0/line-0/asset-0/telemetry").arg(i);
        series += chart->addTopic(topic);
        if (i == 0) {
            // The busiest subtree: every level down to the first topic.
            const QModelIndex source = view->topicModel()->indexForTopic(topic);
            for (QModelIndex index = view->proxyModel()->mapFromSource(source); index.isValid(); index = index.parent())
                view->topicTreeView()->expand(index);
        }
    }
    reveal(view->chartDashboard());

    std::vector<double> gapsMs;
    QElapsedTimer tick;
    QTimer probe;
    probe.setInterval(10);
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        gapsMs.push_back(tick.nsecsElapsed() / 1e6);
        tick.restart();
    });

    QElapsedTimer timer;
    timer.start();
    tick.start();
    probe.start();
    QProcess *publisher = IngestRun::startPublisher(broker.port(), messages, topics, &owner);
    const auto received = [&] { return view->topicModel()->messageCount() - warmupMessages; };
    IngestRun::waitUntil([&] { return received() >= messages; }, received, 10000);
    const double seconds = timer.elapsed() / 1000.0;
    probe.stop();
    publisher->waitForFinished(30000);

    const double baselineRate = baseline.seconds > 0 ? baseline.received / baseline.seconds : 0;
    const double ourRate = seconds > 0 ? received() / seconds : 0;
    const qint64 lost = messages - received();
    QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("ingest-gui")},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("topics"), topics},
        {QStringLiteral("chart_series"), series},
        {QStringLiteral("baseline_mosquitto_sub"), QJsonObject{{QStringLiteral("rate"), qRound64(baselineRate)},
                                                               {QStringLiteral("lost"), messages - baseline.received}}},
        {QStringLiteral("linescope"), QJsonObject{{QStringLiteral("rate"), qRound64(ourRate)},
                                                  {QStringLiteral("seconds"), seconds},
                                                  {QStringLiteral("lost"), lost},
                                                  {QStringLiteral("stall_ms_p50"), percentile(gapsMs, 0.5)},
                                                  {QStringLiteral("stall_ms_p99"), percentile(gapsMs, 0.99)},
                                                  {QStringLiteral("stall_ms_max"), percentile(gapsMs, 1.0)},
                                                  {QStringLiteral("rss_bytes"), BenchUtil::residentBytes()}}},
        {QStringLiteral("ratio"), baselineRate > 0 ? ourRate / baselineRate : 0.0},
        {QStringLiteral("target_ratio"), 0.5},
        {QStringLiteral("target_stall_ms_p99"), 33},
    };
    QString failure = baseline.error;
    if (!subscribed)
        failure = QStringLiteral("the connection tab did not subscribe");
    else if (series < 5)
        failure = QStringLiteral("only %1 chart series could be added").arg(series);
    if (!failure.isEmpty())
        result.insert(QStringLiteral("error"), failure);
    if (!BenchUtil::emitResult(result, options.jsonPath))
        return 1;
    return failure.isEmpty() && lost == 0 ? 0 : 1;
}
