// ingest-gui: the real main window (offscreen) takes a QoS 0 stream with the
// topic tree expanded on the busiest subtree and one live chart of 5 series
// open. Reports messages/s next to mosquitto_sub on the same stream, messages
// lost, and how long the GUI event loop stalled (gaps between ticks of a
// 10 ms timer) at p50/p99/max.
//
// usage: bench_ingest_gui [--smoke] [--messages N] [--topics T] [--json FILE]
//
// With LINESCOPE_BENCH_SLOW_MS=N every event the GUI thread takes longer than
// N ms to deliver is printed to stderr (receiver class, object name, event
// type, nesting depth), to find what makes the long turns behind the p99.
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
#include <QMap>
#include <QPaintEvent>
#include <QProcess>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

// Times every event delivery when asked to (see the file comment).
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        // Only the GUI thread: notify() also runs for the session's worker.
        if (m_slowMs <= 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const QEvent::Type type = event->type();
        if (type == QEvent::Paint) {
            const QRect rect = static_cast<QPaintEvent *>(event)->rect();
            PaintCount &count = m_paints[describe(receiver)];
            ++count.events;
            if (receiver->inherits("ChartPanel"))
                ++m_paints[QStringLiteral("ChartPanel painted in ") + m_outer].events;
            count.pixels += qint64(rect.width()) * rect.height();
        } else if (type == QEvent::Resize || type == QEvent::LayoutRequest) {
            ++m_paints[QStringLiteral("event %1 to ").arg(int(type)) + describe(receiver)].events;
        }
        QElapsedTimer timer;
        timer.start();
        if (m_depth == 0)
            m_outer = QStringLiteral("event %1 to ").arg(int(type)) + describe(receiver);
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = timer.nsecsElapsed() / 1e6;
        if (type == QEvent::Paint)
            m_paints[describe(receiver)].ms += ms;
        if (ms >= m_slowMs) {
            std::fprintf(stderr, "slow event: %7.1f ms depth %d type %d %s\n", ms, m_depth, int(type),
                         qPrintable(describe(receiver)));
        }
        if (m_depth == 0 && ms >= 1.0)
            m_sinceTick.append(QStringLiteral("%1 ms %2").arg(ms, 0, 'f', 1).arg(m_outer));
        else if (type == QEvent::Paint && ms >= 1.0)
            m_sinceTick.append(QStringLiteral("    (paint %1 ms %2)").arg(ms, 0, 'f', 1).arg(describe(receiver)));
        return result;
    }

    void setSlowMs(double ms) { m_slowMs = ms; }

    // Called by the probe on each tick: when the gap since the tick before
    // was slow, prints the events of at least 1 ms that filled it.
    void endGap(double gapMs)
    {
        if (m_slowMs > 0 && gapMs >= m_slowMs) {
            std::fprintf(stderr, "slow gap: %.1f ms\n", gapMs);
            for (const QString &line : std::as_const(m_sinceTick))
                std::fprintf(stderr, "    %s\n", qPrintable(line));
        }
        m_sinceTick.clear();
    }

    // Paint events per widget while tracing: how often and how much area.
    void printPaintCounts() const
    {
        for (auto it = m_paints.cbegin(); it != m_paints.cend(); ++it)
            std::fprintf(stderr, "paints: %6lld events %10lld kpixels %8.1f ms %s\n", it->events, it->pixels / 1000,
                         it->ms, qPrintable(it.key()));
    }

private:
    struct PaintCount
    {
        qint64 events = 0;
        qint64 pixels = 0;
        double ms = 0;   // time in the widget's own paint events
    };

    static QString describe(const QObject *object)
    {
        const QObject *parent = object->parent();
        return QStringLiteral("%1 '%2' in %3").arg(QLatin1String(object->metaObject()->className()), object->objectName(),
                                                  parent ? QLatin1String(parent->metaObject()->className()) : QLatin1String("-"));
    }

    QMap<QString, PaintCount> m_paints;
    QString m_outer;
    QStringList m_sinceTick;   // depth-0 events of >= 1 ms since the probe's last tick
    double m_slowMs = 0;
    int m_depth = 0;
};

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
    TracingApplication app(argc, argv);
    // The main window restores and saves its chart dashboard and profiles:
    // with the user's own settings every run would add its chart to the ones
    // of the runs before, and the benchmark would measure dozens of charts.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
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
        app.endGap(gapsMs.back());
        tick.restart();
    });

    QElapsedTimer timer;
    timer.start();
    tick.start();
    probe.start();
    app.setSlowMs(qEnvironmentVariableIntValue("LINESCOPE_BENCH_SLOW_MS"));
    QProcess *publisher = IngestRun::startPublisher(broker.port(), messages, topics, &owner);
    const auto received = [&] { return view->topicModel()->messageCount() - warmupMessages; };
    IngestRun::waitUntil([&] { return received() >= messages; }, received, 10000);
    const double seconds = timer.elapsed() / 1000.0;
    probe.stop();
    app.setSlowMs(0);
    app.printPaintCounts();
    publisher->waitForFinished(30000);

    const double baselineRate = baseline.seconds > 0 ? baseline.received / baseline.seconds : 0;
    const double ourRate = seconds > 0 ? received() / seconds : 0;
    const qint64 lost = messages - received();
    QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("ingest-gui")},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("topics"), topics},
        {QStringLiteral("chart_series"), series},
        {QStringLiteral("chart_panels"), qint64(view->chartDashboard()->findChildren<ChartPanel *>().size())},
        {QStringLiteral("baseline_mosquitto_sub"), QJsonObject{{QStringLiteral("rate"), qRound64(baselineRate)},
                                                               {QStringLiteral("lost"), messages - baseline.received}}},
        {QStringLiteral("linescope"), QJsonObject{{QStringLiteral("rate"), qRound64(ourRate)},
                                                  {QStringLiteral("seconds"), seconds},
                                                  {QStringLiteral("lost"), lost},
                                                  // Of those, dropped by LineScope's backlog bound (and shown as
                                                  // "dropped N messages"); the rest never reached the session.
                                                  {QStringLiteral("dropped"), qint64(view->session()->droppedCount())},
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
