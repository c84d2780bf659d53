#include "charts/chart_dashboard.h"
#include "charts/chart_mime_data.h"
#include "charts/chart_panel.h"
#include "charts/chart_view.h"
#include "charts/measurement_picker.h"
#include "charts/measurement_rules_dialog.h"
#include "charts/quality_series.h"
#include "measurement/measurement_csv.h"
#include "measurement/measurement_store.h"
#include "mqtt/mqtt_session.h"
#include "screenshot.h"
#include "simulation/line_simulator.h"
#include "test_broker.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLineSeries>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QValueAxis>

#include <cmath>
#include <functional>
#include <memory>

namespace {

constexpr int Timeout = 20000;
const QString Topic = QStringLiteral("factory/chicago/building-a/line-3/press-7/telemetry");
const QString Device = QStringLiteral("press-7-chicago-a-l3");
const SeriesKey Temperature{Device, QStringLiteral("temperature")};
const SeriesKey Pressure{Device, QStringLiteral("pressure")};
const qint64 T0 = QDateTime(QDate(2026, 5, 4), QTime(14, 0), Qt::UTC).toMSecsSinceEpoch();

struct Point
{
    qint64 timeMs = 0;
    double value = 0;
    QString quality;   // "good", "uncertain", "bad", "" (no quality field)
};

QByteArray payload(const Point &p)
{
    const QString quality = p.quality.isEmpty() ? QString() : QStringLiteral(",\"quality\":\"%1\"").arg(p.quality);
    return QStringLiteral(R"({"timestamp":"%1","deviceId":"%2","measurements":[)"
                          R"({"name":"temperature","value":%3,"unit":"celsius"%4},)"
                          R"({"name":"pressure","value":%5,"unit":"bar","quality":"good"}]})")
        .arg(MeasurementCsv::formatTime(p.timeMs), Device, QString::number(p.value), quality,
             QString::number(100 + p.value))
        .toUtf8();
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void addsSeriesByDropApi_data();
    void addsSeriesByDropApi();
    void addsTopicBeforeDataArrives();
    void pickerListsAndFilters();
    void drawsQualityAsLinesGapsAndMarkers();
    void denseLineKeepsColumnExtremes();
    void renderAllMatchesRender();
    void countsThresholdViolations_data();
    void countsThresholdViolations();
    void switchesTimeWindow_data();
    void switchesTimeWindow();
    void pausesAndZooms();
    void followMovesInSteps();
    void hoverShowsValueQualityAndTimes();
    void exportsCsvAndPng();
    void showsProblems();
    void oneAxisPerUnit();
    void savesAndRestoresLayout();
    void clearDataKeepsLayout();
    void rulesDialogValidatesAndApplies_data();
    void rulesDialogValidatesAndApplies();
    void screenshot();

private:
    // Publishes the points on Topic with mosquitto_pub (one process, one line each).
    void publish(const QList<Point> &points, const QString &topic = Topic);
    void publishRaw(const QList<QByteArray> &payloads, const QString &topic);
    bool waitForSamples(const SeriesKey &key, qsizetype count);

    std::unique_ptr<TestBroker> m_broker;
    std::unique_ptr<MqttSession> m_session;
    std::unique_ptr<ChartDashboard> m_dashboard;
    QTemporaryDir m_settingsDir;
};

void TestCharts::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LineScopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_charts"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    m_broker = std::make_unique<TestBroker>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
}

void TestCharts::init()
{
    m_session = std::make_unique<MqttSession>();
    ConnectionSettings settings;
    settings.host = m_broker->host();
    settings.port = m_broker->port();
    m_session->setSettings(settings);
    m_dashboard = std::make_unique<ChartDashboard>();
    m_dashboard->resize(1300, 800);
    m_dashboard->show();
    connect(m_session.get(), &MqttSession::messagesReceived, m_dashboard->store(), &MeasurementStore::ingest);
    QSignalSpy connected(m_session.get(), &MqttSession::connected);
    m_session->connectToBroker();
    QVERIFY2(connected.wait(Timeout), qPrintable(m_session->errorString()));
    QSignalSpy subscribed(m_session.get(), &MqttSession::subscribed);
    QVERIFY(m_session->subscribe(MqttSubscription{QStringLiteral("factory/#"), 1}));
    QVERIFY2(subscribed.wait(Timeout), qPrintable(m_session->errorString()));
}

void TestCharts::cleanup()
{
    m_dashboard.reset();
    m_session.reset();
}

void TestCharts::cleanupTestCase()
{
    m_broker.reset();
}

void TestCharts::publishRaw(const QList<QByteArray> &payloads, const QString &topic)
{
    QProcess pub;
    pub.start(TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub")),
              {QStringLiteral("-h"), m_broker->host(), QStringLiteral("-p"), QString::number(m_broker->port()),
               QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"), topic, QStringLiteral("-l")});
    QVERIFY2(pub.waitForStarted(Timeout), qPrintable(pub.errorString()));
    for (const QByteArray &p : payloads)
        pub.write(p + '\n');
    pub.closeWriteChannel();
    QVERIFY2(pub.waitForFinished(Timeout), qPrintable(pub.errorString()));
    QVERIFY2(pub.exitCode() == 0, pub.readAllStandardError().constData());
}

void TestCharts::publish(const QList<Point> &points, const QString &topic)
{
    QList<QByteArray> payloads;
    for (const Point &p : points)
        payloads.append(payload(p));
    publishRaw(payloads, topic);
}

bool TestCharts::waitForSamples(const SeriesKey &key, qsizetype count)
{
    return QTest::qWaitFor([&] { return m_dashboard->store()->seriesInfo(key).size >= count; }, Timeout);
}

void TestCharts::addsSeriesByDropApi_data()
{
    QTest::addColumn<bool>("asTopic");
    QTest::addColumn<int>("expectedSeries");
    QTest::newRow("topic from the tree") << true << 2;
    QTest::newRow("measurement from the picker") << false << 1;
}

void TestCharts::addsSeriesByDropApi()
{
    QFETCH(bool, asTopic);
    QFETCH(int, expectedSeries);
    QList<Point> points;
    for (int i = 0; i < 20; ++i)
        points.append({T0 + i * 1000, 70.0 + i % 5, QStringLiteral("good")});
    publish(points);
    QVERIFY2(waitForSamples(Temperature, points.size()), "the samples did not reach the store");

    ChartPanel *panel = m_dashboard->currentChart();
    QVERIFY(panel);
    m_dashboard->setWindowMs(60 * 1000);   // one point per pixel column: nothing to decimate
    const std::unique_ptr<QMimeData> data(asTopic ? ChartMimeData::fromTopics({Topic}) : ChartMimeData::fromSeries({Temperature}));
    QVERIFY(ChartMimeData::canDecode(data.get()));
    QCOMPARE(panel->addFromMimeData(data.get()), expectedSeries);
    QCOMPARE(panel->seriesKeys().size(), expectedSeries);
    QVERIFY(panel->refresh(true));
    QualitySeries *renderer = panel->renderer(Temperature);
    QVERIFY(renderer);
    QCOMPARE(renderer->decimated().inputCount, qsizetype(points.size()));
    QCOMPARE(renderer->pointCount(Quality::Good), qsizetype(points.size()));
    QCOMPARE(renderer->lineCount(Quality::Good), 1);
    QCOMPARE(renderer->badMarkerCount(), 0);
    // Dropping the same thing again adds nothing.
    QCOMPARE(panel->addFromMimeData(data.get()), 0);
}

void TestCharts::addsTopicBeforeDataArrives()
{
    ChartPanel *panel = m_dashboard->currentChart();
    QCOMPARE(panel->addTopic(Topic), 0);
    publish({{T0, 71.0, QStringLiteral("good")}, {T0 + 1000, 72.0, QStringLiteral("good")}});
    QVERIFY2(QTest::qWaitFor([panel] { return panel->seriesKeys().size() == 2; }, Timeout),
             qPrintable(QStringLiteral("series in chart: %1").arg(panel->seriesKeys().size())));
    QVERIFY(panel->seriesKeys().contains(Temperature));
    QVERIFY(panel->seriesKeys().contains(Pressure));
}

void TestCharts::pickerListsAndFilters()
{
    publish({{T0, 71.0, QStringLiteral("good")}});
    QVERIFY(waitForSamples(Pressure, 1));
    MeasurementPicker *picker = m_dashboard->picker();
    QCOMPARE(picker->visibleKeys().size(), 2);
    // Per-device clock skew (receive minus device time) is shown next to each series.
    const std::optional<ClockSkewEstimator::Estimate> skew = m_dashboard->store()->clockSkew(Pressure.source);
    QVERIFY(skew.has_value());
    QTreeView *list = picker->listView();
    QAbstractItemModel *model = list->model();
    int skewColumn = -1;
    for (int column = 0; column < model->columnCount(); ++column) {
        if (model->headerData(column, Qt::Horizontal).toString() == QStringLiteral("Clock skew"))
            skewColumn = column;
    }
    QVERIFY(skewColumn >= 0);
    picker->refresh();
    const QString skewText = model->index(0, skewColumn).data().toString();
    QVERIFY2(!skewText.isEmpty(), "no clock skew shown");
    QVERIFY2(skewText.contains(QLocale().toString(skew->medianMs / 1000.0, 'f', 1)) || skewText == QStringLiteral("%1 ms").arg(skew->medianMs),
             qPrintable(QStringLiteral("shown %1, store says %2 ms").arg(skewText).arg(skew->medianMs)));
    picker->setSearchText(QStringLiteral("press-7 bar"));
    QCOMPARE(picker->visibleKeys(), QList<SeriesKey>{Pressure});
    picker->setSearchText(QStringLiteral("no-such-device"));
    QVERIFY(picker->visibleKeys().isEmpty());
    QSignalSpy added(picker, &MeasurementPicker::addRequested);
    picker->setSearchText(QString());
    const QModelIndex first = model->index(0, 0);
    QVERIFY(first.isValid());
    Q_EMIT list->doubleClicked(first);
    QCOMPARE(added.size(), 1);
    QCOMPARE(m_dashboard->currentChart()->seriesKeys().size(), 1);
}

namespace {

// Samples one second apart whose quality changes often enough that a chart
// switches to dense mode (markers in most pixel columns).
std::vector<MeasurementSample> noisySamples(int count, int seed)
{
    std::vector<MeasurementSample> samples;
    for (int i = 0; i < count; ++i) {
        const int pick = (i * 7 + seed * 13) % 23;
        const Quality quality = pick == 0 ? Quality::Bad : pick < 3 ? Quality::Uncertain : Quality::Good;
        const double value = 50.0 + 10.0 * std::sin(i / 150.0 + seed) + ((i * 31 + seed) % 17) * 0.3;
        samples.push_back({T0 + i * 1000, T0 + i * 1000 + 50, value, quality});
    }
    return samples;
}

} // namespace

void TestCharts::denseLineKeepsColumnExtremes()
{
    // Dense mode draws one line through the non-bad points, reduced to each
    // column's first, lowest, highest and last: fewer segments, same extent.
    const std::vector<MeasurementSample> samples = noisySamples(20000, 1);
    const MeasurementSeriesView view{std::span<const MeasurementSample>(samples), {}};
    QualitySeries series(m_dashboard->currentChart()->chart(), Qt::blue);
    series.render(view, samples.front().deviceTimeMs, samples.back().deviceTimeMs, 600);
    QVERIFY(series.isDense());
    const QList<QualitySeries::Piece> pieces = series.pieces();
    QCOMPARE(pieces.size(), 1);
    const QList<QPointF> &line = pieces.constFirst().points;
    QList<QPointF> nonBad;
    const DecimatedSeries &decimated = series.decimated();
    for (qsizetype i = 0; i < decimated.points.size(); ++i) {
        if (decimated.qualities.at(i) != Quality::Bad)
            nonBad.append(decimated.points.at(i));
    }
    QVERIFY2(line.size() < nonBad.size(), qPrintable(QStringLiteral("%1 line points of %2").arg(line.size()).arg(nonBad.size())));
    QVERIFY2(line.size() <= 4 * 200 + 8, qPrintable(QStringLiteral("%1 line points for 200 columns").arg(line.size())));
    for (qsizetype i = 1; i < line.size(); ++i)
        QVERIFY(line.at(i - 1).x() <= line.at(i).x());
    for (const QPointF &p : line)
        QVERIFY2(nonBad.contains(p), "a line point that the decimation did not keep, or a bad one");
    const auto byY = [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); };
    QCOMPARE(std::min_element(line.cbegin(), line.cend(), byY)->y(), std::min_element(nonBad.cbegin(), nonBad.cend(), byY)->y());
    QCOMPARE(std::max_element(line.cbegin(), line.cend(), byY)->y(), std::max_element(nonBad.cbegin(), nonBad.cend(), byY)->y());
    QCOMPARE(line.constFirst(), nonBad.constFirst());
    QCOMPARE(line.constLast(), nonBad.constLast());
}

void TestCharts::renderAllMatchesRender()
{
    // The thread pool decimates each series exactly as render() would.
    QChart *chart = m_dashboard->currentChart()->chart();
    std::vector<std::vector<MeasurementSample>> data;
    std::vector<std::unique_ptr<QualitySeries>> parallel;
    std::vector<std::unique_ptr<QualitySeries>> serial;
    QList<QualitySeries::RenderRequest> requests;
    for (int i = 0; i < 6; ++i)
        data.push_back(noisySamples(5000 + i * 1000, i));
    for (int i = 0; i < 6; ++i) {
        parallel.push_back(std::make_unique<QualitySeries>(chart, Qt::blue));
        serial.push_back(std::make_unique<QualitySeries>(chart, Qt::red));
        const MeasurementSeriesView view{std::span<const MeasurementSample>(data[size_t(i)]), {}};
        const qint64 from = T0 + 1000 * i;
        const qint64 to = T0 + 4000 * 1000;
        requests.append({parallel.back().get(), view, from, to, 500, 0});
        serial.back()->render(view, from, to, 500, 0);
    }
    QualitySeries::renderAll(requests);
    for (size_t i = 0; i < parallel.size(); ++i) {
        QVERIFY(!parallel[i]->decimated().points.isEmpty());
        QCOMPARE(parallel[i]->decimated().points, serial[i]->decimated().points);
        QCOMPARE(parallel[i]->decimated().qualities, serial[i]->decimated().qualities);
        QCOMPARE(parallel[i]->pieces().size(), serial[i]->pieces().size());
        QCOMPARE(parallel[i]->markerPoints(Quality::Bad), serial[i]->markerPoints(Quality::Bad));
        QCOMPARE(parallel[i]->totalPushedPoints(), serial[i]->totalPushedPoints());
    }
}

void TestCharts::drawsQualityAsLinesGapsAndMarkers()
{
    // good x5, uncertain x3, good x3, bad, good x4, no quality x2, good x2
    const QStringList qualities = {
        QStringLiteral("good"), QStringLiteral("good"), QStringLiteral("good"), QStringLiteral("good"),
        QStringLiteral("good"), QStringLiteral("uncertain"), QStringLiteral("uncertain"), QStringLiteral("uncertain"),
        QStringLiteral("good"), QStringLiteral("good"), QStringLiteral("good"), QStringLiteral("bad"),
        QStringLiteral("good"), QStringLiteral("good"), QStringLiteral("good"), QStringLiteral("good"),
        QString(), QString(), QStringLiteral("good"), QStringLiteral("good")};
    QList<Point> points;
    for (int i = 0; i < qualities.size(); ++i)
        points.append({T0 + i * 1000, 50.0 + i, qualities[i]});
    publish(points);
    QVERIFY(waitForSamples(Temperature, points.size()));

    ChartPanel *panel = m_dashboard->currentChart();
    QVERIFY(panel->addSeries(Temperature));
    m_dashboard->setWindowMs(60 * 1000);
    QVERIFY(panel->refresh(true));
    QualitySeries *r = panel->renderer(Temperature);
    QVERIFY(!r->isDense());

    const QPointF badPoint(double(T0 + 11 * 1000), 61.0);
    QCOMPARE(r->badMarkerCount(), 1);
    QCOMPARE(r->markerPoints(Quality::Bad).constFirst(), badPoint);
    // The bad point breaks the line: no drawn piece contains it.
    for (const QualitySeries::Piece &piece : r->pieces())
        QVERIFY2(!piece.points.contains(badPoint), "a line runs through the bad point");
    QVERIFY2(r->decimated().breaks.contains(11) && r->decimated().breaks.contains(12),
             "the decimated series has no break around the bad point");
    // Uncertain: one dashed amber run from the last good before to the first good after.
    QCOMPARE(r->lineCount(Quality::Uncertain), 1);
    QCOMPARE(r->pointCount(Quality::Uncertain), 5);
    // Unknown (no quality field): grey, also a run of its own.
    QCOMPARE(r->lineCount(Quality::Unknown), 1);
    QCOMPARE(r->pointCount(Quality::Unknown), 4);
    // Good lines: 0-4, 8-10 (up to the gap), 12-15, 18-19.
    QCOMPARE(r->lineCount(Quality::Good), 4);
    QVERIFY2(r->totalPushedPoints() <= 4 * panel->chart()->plotArea().width(), "more points pushed than 4x plot width");

    // What is painted: a red marker on the bad point, amber on the uncertain
    // run, the series colour on a good one (the plot item draws them itself).
    const QImage image = panel->chartView()->grab().toImage();
    const auto pixelNear = [&](const QPointF &value, const std::function<bool(const QColor &)> &match) {
        const QPointF inChart = panel->chart()->mapToPosition(value, r->anchor());
        const QPoint center = panel->chartView()->mapFromScene(panel->chart()->mapToScene(inChart));
        const qreal ratio = image.devicePixelRatio();
        for (int dy = -3; dy <= 3; ++dy) {
            for (int dx = -3; dx <= 3; ++dx) {
                const QPoint p(int((center.x() + dx) * ratio), int((center.y() + dy) * ratio));
                if (image.rect().contains(p) && match(image.pixelColor(p)))
                    return true;
            }
        }
        return false;
    };
    const auto close = [](const QColor &want) {
        return [want](const QColor &c) {
            return std::abs(c.red() - want.red()) < 40 && std::abs(c.green() - want.green()) < 40
                && std::abs(c.blue() - want.blue()) < 40;
        };
    };
    QVERIFY2(pixelNear(badPoint, close(QualitySeries::badColor())), "no red marker painted at the bad point");
    QVERIFY2(pixelNear(QPointF(double(T0 + 6 * 1000), 56.0), close(QualitySeries::uncertainColor())),
             "no amber line painted at the uncertain point");
    QVERIFY2(pixelNear(QPointF(double(T0 + 2 * 1000), 52.0), close(r->color())), "no line painted at a good point");
    QVERIFY2(!pixelNear(QPointF(double(T0 + 2 * 1000), 60.0), close(r->color())), "line colour where no data is");

    const QualityShares shares = panel->qualityShares(Temperature);
    QCOMPARE(shares.good, qualities.count(QStringLiteral("good")));
    QCOMPARE(shares.uncertain, 3);
    QCOMPARE(shares.bad, 1);
    QCOMPARE(shares.unknown, 2);
}

void TestCharts::countsThresholdViolations_data()
{
    QTest::addColumn<QVariant>("low");
    QTest::addColumn<QVariant>("high");
    QTest::newRow("no limits") << QVariant() << QVariant();
    QTest::newRow("high only") << QVariant() << QVariant(74.5);
    QTest::newRow("low only") << QVariant(71.5) << QVariant();
    QTest::newRow("both") << QVariant(70.5) << QVariant(75.5);
}

void TestCharts::countsThresholdViolations()
{
    QFETCH(QVariant, low);
    QFETCH(QVariant, high);
    const std::optional<double> lowLimit = low.isValid() ? std::optional<double>(low.toDouble()) : std::nullopt;
    const std::optional<double> highLimit = high.isValid() ? std::optional<double>(high.toDouble()) : std::nullopt;
    QList<Point> points;
    qint64 expected = 0;
    for (int i = 0; i < 30; ++i) {
        const double value = 70.0 + (i * 7) % 8;
        const QString quality = i % 10 == 9 ? QStringLiteral("bad") : QStringLiteral("good");
        points.append({T0 + i * 1000, value, quality});
        const bool outside = (lowLimit && value < *lowLimit) || (highLimit && value > *highLimit);
        if (outside && quality != QStringLiteral("bad"))
            ++expected;
    }
    publish(points);
    QVERIFY(waitForSamples(Temperature, points.size()));
    ChartPanel *panel = m_dashboard->currentChart();
    QVERIFY(panel->addSeries(Temperature));
    QVERIFY(panel->setThresholds(Temperature, lowLimit, highLimit));
    QVERIFY(panel->refresh(true));
    QCOMPARE(panel->violationCount(Temperature), expected);
    if (lowLimit || highLimit)
        QVERIFY2(expected > 0, "the data set does not exercise the limits");
    // The legend shows the count, the chart a dashed limit line per limit.
    const QString shown = panel->legendView()->topLevelItem(0)->text(5);
    QCOMPARE(shown, (lowLimit || highLimit) ? QLocale().toString(expected) : QString());
    int limitLines = 0;
    for (QAbstractSeries *series : panel->chart()->series()) {
        auto *line = qobject_cast<QLineSeries *>(series);
        if (line && line->pen().style() == Qt::CustomDashLine && line->count() == 2)
            ++limitLines;
    }
    QCOMPARE(limitLines, int(lowLimit.has_value()) + int(highLimit.has_value()));
}

void TestCharts::switchesTimeWindow_data()
{
    QTest::addColumn<qint64>("windowMs");
    QTest::newRow("1 min") << qint64(60 * 1000);
    QTest::newRow("10 min") << qint64(10 * 60 * 1000);
    QTest::newRow("1 h") << qint64(3600 * 1000);
    QTest::newRow("all") << qint64(0);
}

void TestCharts::switchesTimeWindow()
{
    QFETCH(qint64, windowMs);
    // One point a minute over two hours.
    QList<Point> points;
    for (int i = 0; i <= 120; ++i)
        points.append({T0 + i * 60 * 1000, 60.0 + i % 7, QStringLiteral("good")});
    publish(points);
    QVERIFY(waitForSamples(Temperature, points.size()));
    ChartPanel *panel = m_dashboard->currentChart();
    QVERIFY(panel->addSeries(Temperature));
    m_dashboard->setWindowMs(windowMs);
    QCOMPARE(m_dashboard->windowMs(), windowMs);
    QVERIFY(panel->refresh(true));

    const qint64 last = points.constLast().timeMs;
    const qint64 from = windowMs > 0 ? last - windowMs : points.constFirst().timeMs;
    QCOMPARE(panel->toMs(), last);
    QCOMPARE(panel->fromMs(), from);
    qsizetype inWindow = 0;
    for (const Point &p : std::as_const(points))
        inWindow += (p.timeMs >= from && p.timeMs <= last) ? 1 : 0;
    QCOMPARE(panel->renderer(Temperature)->decimated().inputCount, inWindow);
    QCOMPARE(panel->qualityShares(Temperature).total(), qint64(inWindow));
}

void TestCharts::pausesAndZooms()
{
    QList<Point> points;
    for (int i = 0; i < 10; ++i)
        points.append({T0 + i * 1000, 70.0, QStringLiteral("good")});
    publish(points);
    QVERIFY(waitForSamples(Temperature, points.size()));
    ChartPanel *panel = m_dashboard->currentChart();
    panel->addSeries(Temperature);
    m_dashboard->setWindowMs(60 * 1000);
    QVERIFY(panel->refresh(true));
    QCOMPARE(panel->toMs(), points.constLast().timeMs);

    // Zoom (what the rubber band and the wheel end in) stops following.
    panel->chart()->zoomIn(QRectF(panel->chart()->plotArea().center().x(), panel->chart()->plotArea().top(),
                                  panel->chart()->plotArea().width() / 4, panel->chart()->plotArea().height()));
    QVERIFY(!panel->isFollowing());
    QVERIFY(m_dashboard->isPaused());
    const qint64 zoomedTo = panel->toMs();
    QVERIFY2(panel->toMs() - panel->fromMs() < 30 * 1000, "zooming did not narrow the time range");

    // Paused charts do not move with new data.
    publish({{T0 + 20 * 1000, 71.0, QStringLiteral("good")}});
    QVERIFY(waitForSamples(Temperature, points.size() + 1));
    QVERIFY(!panel->refresh());
    QCOMPARE(panel->toMs(), zoomedTo);

    m_dashboard->setPaused(false);
    QVERIFY(panel->refresh());
    QCOMPARE(panel->toMs(), T0 + 20 * 1000);
    QCOMPARE(panel->fromMs(), T0 + 20 * 1000 - 60 * 1000);
}

void TestCharts::followMovesInSteps()
{
    // A 10 minute window moves in 6 s steps (a hundredth of the window, at
    // least a second): the time axis is not laid out again on every frame,
    // and the newest sample is always inside the window.
    QList<Point> points;
    for (int i = 0; i < 10; ++i)
        points.append({T0 + i * 1000, 70.0 + i, QStringLiteral("good")});
    publish(points);
    QVERIFY(waitForSamples(Temperature, points.size()));
    ChartPanel *panel = m_dashboard->currentChart();
    QVERIFY(panel->addSeries(Temperature));
    m_dashboard->setWindowMs(10 * 60 * 1000);
    QVERIFY(panel->refresh(true));
    QCOMPARE(panel->toMs(), T0 + 12 * 1000);   // newest T0 + 9 s, next step boundary
    QCOMPARE(panel->fromMs(), T0 + 12 * 1000 - 10 * 60 * 1000);
    auto *timeAxis = qobject_cast<QDateTimeAxis *>(panel->chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(timeAxis);
    QCOMPARE(timeAxis->max().toMSecsSinceEpoch(), T0 + 12 * 1000);
    QSignalSpy axisMoved(timeAxis, &QDateTimeAxis::rangeChanged);

    // New data inside the step: drawn, but the window and the axis stay.
    publish({{T0 + 11500, 99.0, QStringLiteral("good")}});
    QVERIFY(waitForSamples(Temperature, points.size() + 1));
    QVERIFY(panel->refresh());
    QCOMPARE(panel->toMs(), T0 + 12 * 1000);
    QCOMPARE(axisMoved.size(), 0);
    QCOMPARE(panel->renderer(Temperature)->decimated().inputCount, qsizetype(points.size() + 1));
    double min = 0;
    double max = 0;
    QVERIFY(panel->renderer(Temperature)->valueRange(&min, &max));
    QCOMPARE(max, 99.0);

    // Past the step: the window moves by one step.
    publish({{T0 + 12500, 71.0, QStringLiteral("good")}});
    QVERIFY(waitForSamples(Temperature, points.size() + 2));
    QVERIFY(panel->refresh());
    QCOMPARE(panel->toMs(), T0 + 18 * 1000);
    QCOMPARE(axisMoved.size(), 1);
    QCOMPARE(timeAxis->max().toMSecsSinceEpoch(), T0 + 18 * 1000);
}

void TestCharts::hoverShowsValueQualityAndTimes()
{
    publish({{T0, 70.0, QStringLiteral("good")}, {T0 + 1000, 73.25, QStringLiteral("uncertain")},
             {T0 + 2000, 70.0, QStringLiteral("good")}});
    QVERIFY(waitForSamples(Temperature, 3));
    ChartPanel *panel = m_dashboard->currentChart();
    panel->addSeries(Temperature);
    QVERIFY(panel->refresh(true));
    QualitySeries *r = panel->renderer(Temperature);
    const QPointF target(double(T0 + 1000), 73.25);
    const QPointF inChart = panel->chart()->mapToPosition(target, r->anchor());
    const QPoint viewPos = panel->chartView()->mapFromScene(panel->chart()->mapToScene(inChart));
    const QString tip = panel->toolTipAt(viewPos);
    QVERIFY2(tip.contains(QLocale().toString(73.25, 'g', 8)) && tip.contains(QStringLiteral("celsius")), qPrintable(tip));
    QVERIFY2(tip.contains(MeasurementQuality::displayName(Quality::Uncertain)), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Device time")) && tip.contains(QStringLiteral("Received")), qPrintable(tip));
    const QList<MeasurementSample> samples = m_dashboard->store()->samples(Temperature, T0 + 1000, T0 + 1000);
    QCOMPARE(samples.size(), 1);
    const QString received = QLocale().toString(QDateTime::fromMSecsSinceEpoch(samples.constFirst().receiveTimeMs),
                                                QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    QVERIFY2(tip.contains(received), qPrintable(tip));
    // The device's clock skew, as the store estimates it.
    const std::optional<ClockSkewEstimator::Estimate> skew = m_dashboard->store()->clockSkew(Device);
    QVERIFY(skew.has_value());
    QVERIFY2(tip.contains(QStringLiteral("Clock skew: ") + ClockSkewEstimator::displayText(skew->medianMs)), qPrintable(tip));
    QVERIFY2(panel->toolTipAt(QPoint(2, 2)).isEmpty(), "tooltip far away from every point");
}

void TestCharts::exportsCsvAndPng()
{
    QList<Point> points;
    for (int i = 0; i < 12; ++i)
        points.append({T0 + i * 1000, 65.5 + i, i == 4 ? QStringLiteral("bad") : QStringLiteral("good")});
    publish(points);
    QVERIFY(waitForSamples(Pressure, points.size()));
    ChartPanel *panel = m_dashboard->currentChart();
    panel->addSeries(Temperature);
    panel->addSeries(Pressure);
    QVERIFY(panel->refresh(true));
    // Zoom to the middle: only the visible samples are exported.
    panel->showRange(T0 + 2000, T0 + 6000);

    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString csvPath = dir.filePath(QStringLiteral("visible.csv"));
    QSignalSpy finished(panel, &ChartPanel::exportFinished);
    panel->exportCsv(csvPath);
    QVERIFY(finished.wait(Timeout));
    QVERIFY2(finished.constFirst().at(1).toString().isEmpty(), qPrintable(finished.constFirst().at(1).toString()));
    QFile file(csvPath);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.constFirst(), QStringLiteral("device_time,receive_time,device_id,topic,measurement,value,unit,quality"));
    QCOMPARE(lines.size(), 1 + 2 * 5);   // 5 samples per series in [T0+2s, T0+6s]
    QCOMPARE(lines, panel->csvRows());
    const QString badRow = lines.at(3);
    QVERIFY2(badRow.startsWith(MeasurementCsv::formatTime(T0 + 4000)) && badRow.endsWith(QStringLiteral(",celsius,bad")),
             qPrintable(badRow));
    QVERIFY2(badRow.contains(Device + u',' + Topic + QStringLiteral(",temperature,69.5,")), qPrintable(badRow));

    finished.clear();
    const QString pngPath = dir.filePath(QStringLiteral("chart.png"));
    panel->exportPng(pngPath);
    QVERIFY(finished.wait(Timeout));
    QVERIFY2(finished.constFirst().at(1).toString().isEmpty(), qPrintable(finished.constFirst().at(1).toString()));
    QImage image(pngPath);
    QVERIFY2(!image.isNull() && image.width() > 100, "the PNG export is not an image");

    finished.clear();
    panel->exportCsv(dir.filePath(QStringLiteral("missing-folder/visible.csv")));
    QVERIFY(finished.wait(Timeout));
    QVERIFY2(finished.constFirst().at(1).toString().contains(QStringLiteral("Could not write")),
             qPrintable(finished.constFirst().at(1).toString()));
}

void TestCharts::showsProblems()
{
    m_dashboard->updateProblems();
    QCOMPARE(m_dashboard->problemsButtonText(), QStringLiteral("No problems"));
    const QString topic = QStringLiteral("factory/chicago/building-a/line-3/press-9/telemetry");
    publishRaw({QByteArray(R"({"timestamp":"2026-05-04T14:00:00Z","deviceId":"press-9","measurements":[)"
                           R"({"name":"temperature","value":"n/a","unit":"celsius","quality":"good"}]})"),
                QByteArray(R"({"timestamp":"2026-05-04T14:00:01Z","deviceId":"press-9","measurements":[)"
                           R"({"name":"temperature","value":"n/a","unit":"celsius","quality":"good"}]})"),
                QByteArray(R"({"timestamp":"2026-05-04T14:00:02Z","deviceId":"press-9","measurements":42})")},
               topic);
    QVERIFY2(QTest::qWaitFor([this] { return m_dashboard->store()->totalProblemCount() >= 3; }, Timeout),
             qPrintable(QString::number(m_dashboard->store()->totalProblemCount())));
    m_dashboard->updateProblems();
    QVERIFY2(m_dashboard->problemsButtonText().contains(QString::number(m_dashboard->store()->totalProblemCount())),
             qPrintable(m_dashboard->problemsButtonText()));
    QTreeWidget *view = m_dashboard->problemsView();
    QCOMPARE(view->topLevelItemCount(), m_dashboard->store()->problemCounts().size());
    bool foundNonNumeric = false;
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = view->topLevelItem(i);
        QCOMPARE(item->text(0), topic);
        if (item->text(1) == MeasurementProblem::kindDisplayName(MeasurementProblem::Kind::NonNumericValue)) {
            foundNonNumeric = true;
            QCOMPARE(item->text(2), QStringLiteral("2"));
            QVERIFY2(item->text(3).contains(QStringLiteral("n/a")), qPrintable(item->text(3)));
        }
    }
    QVERIFY(foundNonNumeric);
}

void TestCharts::oneAxisPerUnit()
{
    publish({{T0, 70.0, QStringLiteral("good")}, {T0 + 1000, 71.0, QStringLiteral("good")}});
    QVERIFY(waitForSamples(Pressure, 2));
    ChartPanel *panel = m_dashboard->currentChart();
    panel->addSeries(Temperature);
    panel->addSeries(Pressure);
    QVERIFY(panel->refresh(true));
    QValueAxis *celsius = panel->valueAxis(QStringLiteral("celsius"));
    QValueAxis *bar = panel->valueAxis(QStringLiteral("bar"));
    QVERIFY(celsius && bar && celsius != bar);
    QCOMPARE(celsius->alignment(), Qt::AlignLeft);
    QCOMPARE(bar->alignment(), Qt::AlignRight);
    QVERIFY(celsius->min() <= 70.0 && celsius->max() >= 71.0);
    QVERIFY(bar->min() <= 170.0 && bar->max() >= 171.0);
    panel->removeSeries(Pressure);
    QVERIFY2(!panel->valueAxis(QStringLiteral("bar")), "the axis of a removed unit stays");
}

void TestCharts::savesAndRestoresLayout()
{
    const QString group = QStringLiteral("charts/tst");
    m_dashboard->setSettingsGroup(group);
    m_dashboard->setWindowMs(3600 * 1000);
    ChartPanel *first = m_dashboard->currentChart();
    first->addSeries(Temperature, 60.0, 80.0);
    ChartPanel *second = m_dashboard->addChart();
    second->addSeries(Pressure, std::nullopt, 190.0);
    second->addSeries(SeriesKey{QStringLiteral("oven-1-chicago-a-l3"), QStringLiteral("temperature")});
    const DashboardLayout expected = m_dashboard->dashboardLayout();
    QCOMPARE(expected.charts.size(), 2);
    m_dashboard->saveSettings();

    ChartDashboard restored;
    restored.setSettingsGroup(group);
    QCOMPARE(restored.dashboardLayout(), expected);
    QCOMPARE(restored.windowMs(), qint64(3600 * 1000));
    QCOMPARE(restored.charts().size(), 2);
    QCOMPARE(restored.charts().at(1)->seriesKeys().size(), 2);
}

void TestCharts::clearDataKeepsLayout()
{
    QList<Point> points;
    for (int i = 0; i < 10; ++i)
        points.append({T0 + i * 1000, 70.0 + i, i == 3 ? QStringLiteral("bad") : QStringLiteral("good")});
    publish(points);
    publishRaw({QByteArray(R"({"timestamp":"2026-05-04T14:00:00Z","deviceId":"x","measurements":7})")}, Topic);
    QVERIFY(waitForSamples(Temperature, points.size()));
    QVERIFY(QTest::qWaitFor([this] { return m_dashboard->store()->totalProblemCount() > 0; }, Timeout));
    // A count bound of 5 evicts: the counter must be reset too.
    m_dashboard->store()->setLimits({5, 0});
    QVERIFY(m_dashboard->store()->seriesInfo(Temperature).evictedCount > 0);
    ChartPanel *panel = m_dashboard->currentChart();
    QVERIFY(panel->addSeries(Temperature, 60.0, 75.0));
    m_dashboard->setWindowMs(60 * 1000);
    QVERIFY(panel->refresh(true));
    QVERIFY(!panel->renderer(Temperature)->decimated().points.isEmpty());
    m_dashboard->updateProblems();
    QVERIFY(m_dashboard->problemsView()->topLevelItemCount() > 0);
    const DashboardLayout before = m_dashboard->dashboardLayout();

    m_dashboard->clearData();
    QVERIFY(m_dashboard->store()->seriesKeys().isEmpty());
    QCOMPARE(m_dashboard->store()->totalProblemCount(), 0);
    QCOMPARE(m_dashboard->problemsButtonText(), QStringLiteral("No problems"));
    QCOMPARE(m_dashboard->problemsView()->topLevelItemCount(), 0);
    QCOMPARE(m_dashboard->picker()->listView()->model()->rowCount(), 0);
    QVERIFY2(panel->renderer(Temperature)->decimated().points.isEmpty(), "the chart still draws cleared data");
    QCOMPARE(panel->renderer(Temperature)->totalPushedPoints(), 0);
    QCOMPARE(m_dashboard->dashboardLayout(), before);   // charts, series, limits, window stay

    // New data after clearing starts from zero and is drawn again.
    publish({{T0 + 60 * 1000, 71.0, QStringLiteral("good")}, {T0 + 61 * 1000, 72.0, QStringLiteral("good")}});
    QVERIFY(waitForSamples(Temperature, 2));
    const MeasurementSeriesInfo info = m_dashboard->store()->seriesInfo(Temperature);
    QCOMPARE(info.evictedCount, 0);
    QCOMPARE(info.totalCount, 2);
    QVERIFY(panel->refresh());
    QCOMPARE(panel->renderer(Temperature)->decimated().inputCount, 2);
}

void TestCharts::rulesDialogValidatesAndApplies_data()
{
    QTest::addColumn<QStringList>("row");   // filter, value, quality, time, unit pointer, fixed unit, name, device
    QTest::addColumn<QString>("error");     // expected in the dialog; empty: accepted
    QTest::newRow("valid") << QStringList{QStringLiteral("plant/+/sensors/#"), QStringLiteral("/v"), QStringLiteral("/q"),
                                          QStringLiteral("/ts"), QString(), QStringLiteral("bar"), QString(), QStringLiteral("/dev")}
                           << QString();
    QTest::newRow("invalid filter") << QStringList{QStringLiteral("plant/#/x"), QStringLiteral("/v")}
                                    << QStringLiteral("Row 1: The rule's topic filter \"plant/#/x\" is invalid");
    QTest::newRow("value pointer without slash") << QStringList{QStringLiteral("plant/#"), QStringLiteral("v")}
                                                 << QStringLiteral("Row 1: The rule's value pointer is invalid");
    QTest::newRow("no filter") << QStringList{QString(), QStringLiteral("/v"), QStringLiteral("/q")}
                               << QStringLiteral("Row 1: The rule has no topic filter.");
}

void TestCharts::rulesDialogValidatesAndApplies()
{
    QFETCH(QStringList, row);
    QFETCH(QString, error);
    MeasurementRulesDialog *dialog = m_dashboard->openRulesDialog();
    QVERIFY(dialog->isVisible());
    QTableWidget *table = dialog->table();
    QCOMPARE(table->rowCount(), 0);
    table->insertRow(0);
    for (int column = 0; column < table->columnCount(); ++column)
        table->setItem(0, column, new QTableWidgetItem(row.value(column)));
    dialog->accept();
    if (!error.isEmpty()) {
        QVERIFY2(dialog->isVisible(), "the dialog closed with an invalid rule");
        QVERIFY2(dialog->errorText().startsWith(error), qPrintable(dialog->errorText()));
        QVERIFY(m_dashboard->rules().isEmpty());
        dialog->reject();
        return;
    }
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(m_dashboard->rules().size(), 1);
    const MeasurementRule rule = m_dashboard->rules().constFirst();
    QCOMPARE(rule.topicFilter, row.at(0));
    QCOMPARE(rule.unit, QStringLiteral("bar"));
    QCOMPARE(m_dashboard->dashboardLayout().rules, m_dashboard->rules());

    // The rule reads a payload outside the seed schema, from the live session.
    QSignalSpy subscribed(m_session.get(), &MqttSession::subscribed);
    QVERIFY(m_session->subscribe(MqttSubscription{QStringLiteral("plant/#"), 1}));
    QVERIFY2(subscribed.wait(Timeout), qPrintable(m_session->errorString()));
    publishRaw({QByteArray(R"({"v": 4.5, "q": "Uncertain", "ts": 1777903200000, "dev": "pump-2"})")},
               QStringLiteral("plant/a/sensors/pressure"));
    const SeriesKey key{QStringLiteral("pump-2"), QStringLiteral("pressure")};
    QVERIFY2(waitForSamples(key, 1), qPrintable(QStringLiteral("series: %1").arg(m_dashboard->store()->seriesKeys().size())));
    const MeasurementSeriesInfo info = m_dashboard->store()->seriesInfo(key);
    QCOMPARE(info.unit, QStringLiteral("bar"));
    QCOMPARE(info.last->value, 4.5);
    QCOMPARE(info.last->quality, Quality::Uncertain);
    QCOMPARE(info.last->deviceTimeMs, qint64(1777903200000));

    // Saved with the workspace layout and restored from it.
    const QString group = QStringLiteral("charts/rules");
    m_dashboard->setSettingsGroup(group);
    m_dashboard->setRules(m_dashboard->rules());
    m_dashboard->saveSettings();
    ChartDashboard restored;
    restored.setSettingsGroup(group);
    QCOMPARE(restored.rules(), m_dashboard->rules());
}

void TestCharts::screenshot()
{
    LineSimulatorConfig config;
    config.assetCount = 5;
    config.messagesPerSecond = 60;
    config.uncertainShare = 0.08;
    config.badShare = 0.03;
    config.seed = 7;
    MqttSession publisher;
    ConnectionSettings settings;
    settings.host = m_broker->host();
    settings.port = m_broker->port();
    publisher.setSettings(settings);
    LineSimulator simulator(&publisher, config);
    QSignalSpy connected(&publisher, &MqttSession::connected);
    publisher.connectToBroker();
    QVERIFY2(connected.wait(Timeout), qPrintable(publisher.errorString()));
    simulator.start();
    m_dashboard->resize(1500, 900);
    m_dashboard->setWindowMs(0);
    QTest::qWait(8000);
    simulator.stop();
    QVERIFY2(simulator.qualityCount(QStringLiteral("bad")) > 0 && simulator.qualityCount(QStringLiteral("uncertain")) > 0,
             "the simulator published no bad or uncertain values");

    ChartPanel *temperatures = m_dashboard->currentChart();
    ChartPanel *machine = m_dashboard->addChart();
    int added = 0;
    for (const MeasurementSeriesInfo &info : m_dashboard->store()->series()) {
        if (info.key.measurement == QStringLiteral("temperature") && info.key.source.startsWith(QStringLiteral("press-")))
            added += temperatures->addSeries(info.key) ? 1 : 0;
        else if (info.key.source.startsWith(QStringLiteral("press-1"))
                 && (info.key.measurement == QStringLiteral("pressure") || info.key.measurement == QStringLiteral("vibration_rms")))
            added += machine->addSeries(info.key) ? 1 : 0;
    }
    QVERIFY2(added >= 4, qPrintable(QStringLiteral("only %1 series added").arg(added)));
    const QList<SeriesKey> keys = temperatures->seriesKeys();
    const double last = m_dashboard->store()->seriesInfo(keys.constFirst()).last->value;
    temperatures->setThresholds(keys.constFirst(), last - 4, last + 4);
    m_dashboard->refreshCharts(true);
    QTest::qWait(200);
    m_dashboard->refreshCharts(true);
    saveScreenshot(m_dashboard.get(), QStringLiteral("charts.png"));
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
