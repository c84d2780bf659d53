// bench_chart_render: time per redraw of a live chart dashboard with 20 series
// of 100k samples each, drawn the way ChartPanel draws them: decimate to the
// plot width (Decimator, M4 with quality, reusing its block summaries as a
// live chart does; QualitySeries::renderAll, all series at once on the
// thread pool), hand the points to each series' QualityPlotItem, then
// render the QChartView (grab()). The window scrolls every frame, so every
// series is decimated again each time.
//
// Prints one JSON line (BenchUtil::emitResult):
//   {"benchmark":"chart-render","series":20,"points_per_series":100000,
//    "median_ms":...,"p95_ms":...,"target_median_ms":16,"cpu_median_ms":..., ...}
// median/p95 are wall time per redraw; cpu_* the process CPU time per redraw
// (more than the wall time: the series are decimated on the thread pool, as
// ChartPanel does).
// --smoke runs a small data set and a few frames as a sanity check.
// Needs a GUI platform; use QT_QPA_PLATFORM=offscreen on headless machines.

#include "bench_util.h"
#include "charts/quality_series.h"
#include "measurement/decimator.h"
#include "measurement/measurement_sample.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <memory>
#include <random>
#include <vector>

namespace {

constexpr int SeriesCount = 20;
constexpr qint64 StepMs = 100;

std::vector<MeasurementSample> makeSeries(int index, qsizetype count, qint64 startMs, std::mt19937 &rng)
{
    std::normal_distribution<double> noise(0.0, 0.6);
    std::uniform_real_distribution<double> draw(0.0, 1.0);
    std::vector<MeasurementSample> samples(static_cast<size_t>(count));
    const double base = 40.0 + index * 7.0;
    for (qsizetype i = 0; i < count; ++i) {
        MeasurementSample &s = samples[size_t(i)];
        s.deviceTimeMs = startMs + i * StepMs;
        s.receiveTimeMs = s.deviceTimeMs + 40;
        s.value = base + 5.0 * std::sin(double(i) / 3000.0 + index) + noise(rng);
        const double q = draw(rng);
        s.quality = q < 0.02 ? Quality::Bad : q < 0.07 ? Quality::Uncertain : Quality::Good;
    }
    return samples;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(std::ceil(p * double(values.size()))) - 1);
    return values[index];
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Time per redraw of 20 decimated chart series."));
    parser.addHelpOption();
    const QCommandLineOption smokeOption(QStringLiteral("smoke"), QStringLiteral("Small data set, few frames."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Also write the result to <file>."),
                                        QStringLiteral("file"));
    const QCommandLineOption pointsOption(QStringLiteral("points"), QStringLiteral("Samples per series."),
                                          QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption framesOption(QStringLiteral("frames"), QStringLiteral("Redraws to time."),
                                          QStringLiteral("n"), QStringLiteral("60"));
    const QCommandLineOption saveOption(QStringLiteral("save"), QStringLiteral("Save the last frame as PNG <file>."),
                                        QStringLiteral("file"));
    parser.addOptions({smokeOption, jsonOption, pointsOption, framesOption, saveOption});
    parser.process(app);
    const bool smoke = parser.isSet(smokeOption);
    const qsizetype pointsPerSeries = smoke ? 5000 : parser.value(pointsOption).toLongLong();
    const int frames = smoke ? 5 : std::max(5, parser.value(framesOption).toInt());

    const qint64 startMs = QDateTime(QDate(2026, 5, 4), QTime(6, 0), Qt::UTC).toMSecsSinceEpoch();
    std::mt19937 rng(42);
    std::vector<std::vector<MeasurementSample>> data;
    for (int i = 0; i < SeriesCount; ++i)
        data.push_back(makeSeries(i, pointsPerSeries, startMs, rng));
    const qint64 endMs = startMs + (pointsPerSeries - 1) * StepMs;

    auto *chart = new QChart;
    chart->legend()->hide();
    auto *timeAxis = new QDateTimeAxis(chart);
    timeAxis->setFormat(QStringLiteral("HH:mm"));
    // An axis first laid out with an empty range stays hidden in Qt Charts.
    timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(startMs), QDateTime::fromMSecsSinceEpoch(endMs));
    chart->addAxis(timeAxis, Qt::AlignBottom);
    auto *valueAxis = new QValueAxis(chart);
    valueAxis->setRange(20, 200);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    QChartView view(chart);
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(1200, 700);
    view.show();

    std::vector<std::unique_ptr<QualitySeries>> series;
    for (int i = 0; i < SeriesCount; ++i) {
        series.push_back(std::make_unique<QualitySeries>(chart, QColor::fromHsv((i * 37) % 360, 200, 200)));
        series.back()->setAxes(timeAxis, valueAxis);
    }
    view.grab();   // lay the chart out once so plotArea() is real
    const int plotWidth = std::max(100, int(chart->plotArea().width()));

    std::vector<double> times;
    std::vector<double> updateTimes;   // decimate + hand over only
    // CPU time of the process per frame: on a machine shared with other
    // builds the wall time above also counts waiting for a core.
    std::vector<double> cpuTimes;
    qsizetype pushed = 0;
    qsizetype maxPushed = 0;
    int dense = 0;
    for (int frame = 0; frame < frames + 1; ++frame) {
        // Scroll by a few samples each frame, as live following does.
        const qint64 shift = qint64(frame) * 5 * StepMs;
        const qint64 from = startMs + shift;
        const qint64 to = endMs + shift;
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        // As ChartPanel::refresh(): all series in one renderAll(). The data
        // never changes: sample numbers start at 0, as in a store that
        // evicted nothing (ChartPanel passes the real ones).
        QList<QualitySeries::RenderRequest> requests;
        for (int i = 0; i < SeriesCount; ++i) {
            const MeasurementSeriesView samples{std::span<const MeasurementSample>(data[size_t(i)]), {}};
            requests.append({series[size_t(i)].get(), samples, from, to, plotWidth, 0});
        }
        QualitySeries::renderAll(requests);
        timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
        const double updateMs = double(timer.nsecsElapsed()) / 1e6;
        const QPixmap pixmap = view.grab();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const double cpuMs = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;
        if (pixmap.isNull()) {
            qCritical("bench_chart_render: the chart could not be rendered (grab() returned an empty pixmap)");
            return 1;
        }
        if (frame == frames && parser.isSet(saveOption) && !pixmap.save(parser.value(saveOption))) {
            qCritical("bench_chart_render: could not write %s", qPrintable(parser.value(saveOption)));
            return 1;
        }
        if (frame == 0)
            continue;   // warm-up: first allocation of pools and glyph caches
        times.push_back(ms);
        updateTimes.push_back(updateMs);
        cpuTimes.push_back(cpuMs);
        for (const auto &s : series) {
            pushed += s->totalPushedPoints();
            maxPushed = std::max(maxPushed, s->totalPushedPoints());
            dense += s->isDense() ? 1 : 0;
        }
    }

    const QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("chart-render")},
        {QStringLiteral("smoke"), smoke},
        {QStringLiteral("series"), SeriesCount},
        {QStringLiteral("points_per_series"), double(pointsPerSeries)},
        {QStringLiteral("frames"), frames},
        {QStringLiteral("plot_width_px"), plotWidth},
        {QStringLiteral("median_ms"), percentile(times, 0.5)},
        {QStringLiteral("p95_ms"), percentile(times, 0.95)},
        {QStringLiteral("target_median_ms"), 16},
        {QStringLiteral("update_median_ms"), percentile(updateTimes, 0.5)},
        {QStringLiteral("update_p95_ms"), percentile(updateTimes, 0.95)},
        {QStringLiteral("cpu_median_ms"), percentile(cpuTimes, 0.5)},
        {QStringLiteral("cpu_p95_ms"), percentile(cpuTimes, 0.95)},
        {QStringLiteral("mean_pushed_points_per_series"), double(pushed) / double(times.size() * SeriesCount)},
        {QStringLiteral("max_pushed_points_per_series"), double(maxPushed)},
        {QStringLiteral("dense_mode_share"), double(dense) / double(times.size() * SeriesCount)},
    };
    if (!BenchUtil::emitResult(result, parser.value(jsonOption))) {
        qCritical("bench_chart_render: could not write %s", qPrintable(parser.value(jsonOption)));
        return 1;
    }
    if (maxPushed > 4 * plotWidth + 64) {
        qCritical("bench_chart_render: a series got %lld points for a %d px plot (limit ~4x)", qlonglong(maxPushed), plotWidth);
        return 1;
    }
    series.clear();
    return 0;
}
