#include "chart_panel.h"

#include "charts/chart_mime_data.h"
#include "charts/chart_view.h"
#include "charts/quality_series.h"
#include "measurement/axis_scale.h"
#include "measurement/measurement_csv.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QStandardPaths>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

enum LegendColumn { NameColumn, LastColumn, SharesColumn, LowColumn, HighColumn, ViolationsColumn, ColumnCount };

constexpr qint64 StatsIntervalMs = 400;
constexpr int ValueTicks = 5;
constexpr qreal HoverDistance = 10.0;

// While following, the window ends on the first multiple of this step at or
// after the newest sample, so the time axis (a Qt Charts relayout, and every
// series decimated again) moves in steps of a hundredth of the window, at
// least a second, instead of on every frame.
qint64 followStepMs(qint64 spanMs)
{
    return std::max<qint64>(1000, spanMs / 100);
}

qint64 followEnd(qint64 newestMs, qint64 spanMs)
{
    const qint64 step = followStepMs(spanMs);
    const qint64 rest = newestMs % step;
    if (rest == 0)
        return newestMs;
    return newestMs + (rest > 0 ? step - rest : -rest);
}

const QColor Palette[] = {
    {0x1f, 0x6f, 0xb4}, {0x2c, 0xa0, 0x2c}, {0x94, 0x67, 0xbd}, {0x17, 0xa2, 0xb8},
    {0x8c, 0x56, 0x4b}, {0xe3, 0x77, 0xc2}, {0x3b, 0x4c, 0xc0}, {0x5f, 0x7f, 0x00},
};

QString seriesLabel(const SeriesKey &key)
{
    return ChartPanel::tr("%1 · %2").arg(key.source, key.measurement);
}

QString percent(double share)
{
    return QLocale().toString(share * 100.0, 'f', share > 0 && share < 0.01 ? 1 : 0);
}

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 4, 12, 6), 2, 2);
    return QIcon(pixmap);
}

QString limitText(std::optional<double> value)
{
    return value ? QLocale().toString(*value, 'g', 8) : QString();
}

QString timeText(qint64 epochMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(epochMs), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString writeLines(const QString &path, const QStringList &lines)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return ChartPanel::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    for (const QString &line : lines) {
        file.write(line.toUtf8());
        file.write("\n");
    }
    if (!file.commit())
        return ChartPanel::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

} // namespace

struct ChartPanel::Entry
{
    SeriesKey key;
    std::optional<double> low;
    std::optional<double> high;
    std::unique_ptr<QualitySeries> render;
    QLineSeries *lowLine = nullptr;    // owned by the chart
    QLineSeries *highLine = nullptr;
    QString unit;
    bool hasAxis = false;
    QTreeWidgetItem *row = nullptr;    // owned by the legend
    QualityShares shares;
    qint64 violations = 0;
    bool dataDirty = true;   // samples changed since the last render
};

ChartPanel::ChartPanel(MeasurementStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    m_chart = new QChart;
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_timeAxis = new QDateTimeAxis(m_chart);
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(7);
    // Qt Charts never shows an axis that was laid out with an empty range,
    // even after the range becomes valid: start with a real one.
    const QDateTime now = QDateTime::currentDateTime();
    m_timeAxis->setRange(now.addMSecs(-m_windowMs), now);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    connect(m_timeAxis, &QDateTimeAxis::rangeChanged, this, &ChartPanel::onAxisRangeChanged);

    m_view = new ChartView(m_chart, this);
    m_view->setMinimumHeight(160);
    m_view->viewport()->installEventFilter(this);
    connect(m_view, &ChartView::topicsDropped, this, [this](const QStringList &topics) {
        for (const QString &topic : topics)
            addTopic(topic);
        Q_EMIT activated();
    });
    connect(m_view, &ChartView::seriesDropped, this, [this](const QList<SeriesKey> &keys) {
        for (const SeriesKey &key : keys)
            addSeries(key);
        Q_EMIT activated();
    });
    connect(m_view, &ChartView::hovered, this, [this](const QPoint &pos) {
        const QString text = toolTipAt(pos);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(m_view->viewport()->mapToGlobal(pos), text, m_view);
    });
    connect(m_view, &ChartView::plotWidthChanged, this, [this] { m_viewDirty = true; });

    m_titleLabel = new QLabel(this);
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setToolTip(tr("Drag on the chart to zoom in time, right click to zoom out, middle button or "
                                "Ctrl+drag to pan, wheel to scroll, Ctrl+wheel to zoom."));
    const auto addButton = [this](const QString &text, const QString &toolTip) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(toolTip);
        button->setAutoRaise(true);
        return button;
    };
    QToolButton *pngButton = addButton(tr("PNG…"), tr("Save this chart as a PNG image"));
    connect(pngButton, &QToolButton::clicked, this, [this] { chooseExportPath(true); });
    QToolButton *csvButton = addButton(tr("CSV…"), tr("Save the visible data of this chart as CSV"));
    connect(csvButton, &QToolButton::clicked, this, [this] { chooseExportPath(false); });
    QToolButton *removeButton = addButton(tr("Remove"), tr("Remove this chart from the dashboard"));
    connect(removeButton, &QToolButton::clicked, this, &ChartPanel::removeRequested);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 0, 4, 0);
    header->addWidget(m_titleLabel, 1);
    header->addWidget(m_stateLabel);
    header->addWidget(pngButton);
    header->addWidget(csvButton);
    header->addWidget(removeButton);

    m_legend = new QTreeWidget(this);
    m_legend->setRootIsDecorated(false);
    m_legend->setUniformRowHeights(true);
    m_legend->setColumnCount(ColumnCount);
    m_legend->setHeaderLabels({tr("Series"), tr("Last value"), tr("Good / uncertain / bad"), tr("Low limit"),
                               tr("High limit"), tr("Violations")});
    m_legend->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_legend->setContextMenuPolicy(Qt::CustomContextMenu);
    m_legend->header()->setStretchLastSection(false);
    m_legend->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column = LastColumn; column < ColumnCount; ++column)
        m_legend->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_legend->viewport()->installEventFilter(this);
    connect(m_legend, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item, int column) {
        if (column == LowColumn || column == HighColumn)
            m_legend->editItem(item, column);
    });
    connect(m_legend, &QTreeWidget::itemChanged, this, &ChartPanel::onLegendItemChanged);
    connect(m_legend, &QWidget::customContextMenuRequested, this, &ChartPanel::showLegendMenu);

    m_legend->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);

    connect(m_store, &MeasurementStore::seriesAdded, this, &ChartPanel::onSeriesAdded);
    connect(m_store, &MeasurementStore::seriesUpdated, this, &ChartPanel::onSeriesUpdated);
    connect(m_store, &MeasurementStore::cleared, this, [this] {
        m_dataDirty = true;
        for (const auto &e : m_entries) {
            e->dataDirty = true;
            e->render->clear();
        }
    });

    m_statsTimer.start();
    setFollowing(true);
    updateLegend(true);
}

ChartPanel::~ChartPanel()
{
    // The renderers remove their series from the chart while it still exists.
    m_entries.clear();
}

ChartPanel::Entry *ChartPanel::entry(const SeriesKey &key) const
{
    for (const auto &e : m_entries) {
        if (e->key == key)
            return e.get();
    }
    return nullptr;
}

bool ChartPanel::addSeries(const SeriesKey &key, std::optional<double> low, std::optional<double> high)
{
    if (key.measurement.isEmpty() || entry(key))
        return false;
    // Adding series re-initialises the chart's domain: not a user zoom.
    const QScopedValueRollback<bool> guard(m_applyingRange, true);
    auto e = std::make_unique<Entry>();
    e->key = key;
    e->low = low;
    e->high = high;
    const QColor color = Palette[m_nextColor++ % std::size(Palette)];
    e->render = std::make_unique<QualitySeries>(m_chart, color);
    for (QLineSeries **line : {&e->lowLine, &e->highLine}) {
        *line = new QLineSeries;
        QPen pen(color.darker(115), 1.2, Qt::DashLine);
        pen.setDashPattern({6, 4});
        (*line)->setPen(pen);
        m_chart->addSeries(*line);
    }
    e->row = new QTreeWidgetItem(m_legend);
    e->row->setFlags(e->row->flags() | Qt::ItemIsEditable);
    e->row->setIcon(NameColumn, swatch(color));
    e->row->setText(NameColumn, seriesLabel(key));
    e->row->setToolTip(NameColumn, seriesLabel(key));
    e->row->setToolTip(LowColumn, tr("Double-click to set a low limit; clear it to remove the limit"));
    e->row->setToolTip(HighColumn, tr("Double-click to set a high limit; clear it to remove the limit"));
    e->row->setTextAlignment(ViolationsColumn, Qt::AlignRight | Qt::AlignVCenter);
    const MeasurementSeriesInfo info = m_store->seriesInfo(key);
    Entry *raw = e.get();
    m_entries.push_back(std::move(e));
    attachToUnitAxis(raw, info.unit);
    m_chart->setTitle(QString());
    m_titleLabel->setText(title());
    m_viewDirty = true;
    m_dataDirty = true;
    updateLegend(true);
    Q_EMIT seriesChanged();
    return true;
}

int ChartPanel::addTopic(const QString &topic)
{
    int added = 0;
    bool known = false;
    for (const MeasurementSeriesInfo &info : m_store->series()) {
        if (info.topic != topic)
            continue;
        known = true;
        if (addSeries(info.key))
            ++added;
    }
    if (!known && !m_pendingTopics.contains(topic))
        m_pendingTopics.append(topic);
    return added;
}

int ChartPanel::addFromMimeData(const QMimeData *data)
{
    int added = 0;
    const QList<SeriesKey> keys = ChartMimeData::series(data);
    for (const SeriesKey &key : keys)
        added += addSeries(key) ? 1 : 0;
    const QStringList topics = ChartMimeData::topics(data);
    for (const QString &topic : topics)
        added += addTopic(topic);
    return added;
}

bool ChartPanel::removeSeries(const SeriesKey &key)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&key](const auto &e) { return e->key == key; });
    if (it == m_entries.end())
        return false;
    const QScopedValueRollback<bool> guard(m_applyingRange, true);
    Entry *e = it->get();
    for (QLineSeries *line : {e->lowLine, e->highLine}) {
        m_chart->removeSeries(line);
        delete line;
    }
    delete e->row;
    m_entries.erase(it);
    dropUnusedAxes();
    m_titleLabel->setText(title());
    m_viewDirty = true;
    updateValueAxes();
    Q_EMIT seriesChanged();
    return true;
}

QList<SeriesKey> ChartPanel::seriesKeys() const
{
    QList<SeriesKey> keys;
    for (const auto &e : m_entries)
        keys.append(e->key);
    return keys;
}

bool ChartPanel::setThresholds(const SeriesKey &key, std::optional<double> low, std::optional<double> high)
{
    Entry *e = entry(key);
    if (!e)
        return false;
    e->low = low;
    e->high = high;
    m_viewDirty = true;
    m_statsTimer.invalidate();
    updateLegend(false);
    Q_EMIT seriesChanged();
    return true;
}

qint64 ChartPanel::violationCount(const SeriesKey &key) const
{
    const Entry *e = entry(key);
    return e ? e->violations : 0;
}

QualityShares ChartPanel::qualityShares(const SeriesKey &key) const
{
    const Entry *e = entry(key);
    return e ? e->shares : QualityShares{};
}

QualitySeries *ChartPanel::renderer(const SeriesKey &key) const
{
    const Entry *e = entry(key);
    return e ? e->render.get() : nullptr;
}

DashboardLayout::Chart ChartPanel::layout() const
{
    DashboardLayout::Chart chart;
    for (const auto &e : m_entries)
        chart.series.append(DashboardLayout::Series{e->key, e->low, e->high});
    return chart;
}

void ChartPanel::setLayout(const DashboardLayout::Chart &chart)
{
    while (!m_entries.empty())
        removeSeries(m_entries.back()->key);
    for (const DashboardLayout::Series &series : chart.series)
        addSeries(series.key, series.low, series.high);
}

QString ChartPanel::title() const
{
    if (m_entries.empty())
        return tr("Empty chart");
    QStringList measurements;
    for (const auto &e : m_entries) {
        if (!measurements.contains(e->key.measurement))
            measurements.append(e->key.measurement);
    }
    return measurements.join(QStringLiteral(", "));
}

void ChartPanel::setWindowMs(qint64 windowMs)
{
    if (m_windowMs == windowMs)
        return;
    m_windowMs = windowMs;
    m_viewDirty = true;
}

void ChartPanel::setFollowing(bool following)
{
    m_following = following;
    m_viewDirty = true;
    m_stateLabel->setText(following ? tr("Live") : tr("Paused"));
}

void ChartPanel::showRange(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return;
    m_following = false;
    m_stateLabel->setText(tr("Paused"));
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_viewDirty = true;
    refresh(true);
}

void ChartPanel::onAxisRangeChanged()
{
    if (m_applyingRange)
        return;
    // Zoom (rubber band, wheel) or pan changed the time axis: show that range.
    const qint64 from = m_timeAxis->min().toMSecsSinceEpoch();
    const qint64 to = m_timeAxis->max().toMSecsSinceEpoch();
    showRange(from, to);
    Q_EMIT userChangedRange();
    Q_EMIT activated();
}

void ChartPanel::onSeriesAdded(const QList<SeriesKey> &keys)
{
    if (m_pendingTopics.isEmpty())
        return;
    QStringList satisfied;
    for (const SeriesKey &key : keys) {
        const QString topic = m_store->seriesInfo(key).topic;
        if (m_pendingTopics.contains(topic)) {
            addSeries(key);
            if (!satisfied.contains(topic))
                satisfied.append(topic);
        }
    }
    for (const QString &topic : std::as_const(satisfied))
        m_pendingTopics.removeAll(topic);
}

void ChartPanel::onSeriesUpdated(const QList<SeriesKey> &keys)
{
    for (const SeriesKey &key : keys) {
        if (Entry *e = entry(key)) {
            e->dataDirty = true;
            m_dataDirty = true;
        }
    }
}

int ChartPanel::plotWidth() const
{
    const int width = int(m_chart->plotArea().width());
    return width > 10 ? width : std::max(200, m_view->width() - 120);
}

bool ChartPanel::computeFollowRange(qint64 *fromMs, qint64 *toMs) const
{
    qint64 newest = std::numeric_limits<qint64>::min();
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const auto &e : m_entries) {
        const MeasurementSeriesInfo info = m_store->seriesInfo(e->key);
        if (info.last)
            newest = std::max(newest, info.last->deviceTimeMs);
        if (m_windowMs == 0) {
            const MeasurementSeriesView view = m_store->view(e->key);
            for (qsizetype i = 0; i < view.size(); ++i) {
                const qint64 t = view.at(i).deviceTimeMs;
                oldest = std::min(oldest, t);
                newest = std::max(newest, t);
            }
        }
    }
    if (newest == std::numeric_limits<qint64>::min())
        newest = QDateTime::currentMSecsSinceEpoch();
    if (m_windowMs > 0) {
        *toMs = followEnd(newest, m_windowMs);
        *fromMs = *toMs - m_windowMs;
    } else {
        *fromMs = oldest < newest ? oldest : newest - 60 * 1000;
        *toMs = followEnd(newest, newest - *fromMs);
    }
    return true;
}

bool ChartPanel::refresh(bool force)
{
    const int width = plotWidth();
    if (width != m_renderedWidth)
        m_viewDirty = true;
    qint64 from = m_fromMs;
    qint64 to = m_toMs;
    if (m_following) {
        if (!force && !m_dataDirty && !m_viewDirty)
            return false;
        computeFollowRange(&from, &to);
    } else if (!force && !m_viewDirty) {
        return false;
    }
    // Only series whose samples changed are decimated again, unless the
    // window, the width or the view changed.
    const bool all = force || m_viewDirty || from != m_fromMs || to != m_toMs || width != m_renderedWidth;
    m_fromMs = from;
    m_toMs = to;
    m_renderedWidth = width;
    // Attaching axes re-initialises the chart's domain: not a user zoom.
    const QScopedValueRollback<bool> guard(m_applyingRange, true);

    QList<QualitySeries::RenderRequest> requests;
    for (const auto &e : m_entries) {
        if (!all && !e->dataDirty)
            continue;
        const MeasurementSeriesInfo info = m_store->seriesInfo(e->key);
        if (!e->hasAxis || (!info.unit.isEmpty() && info.unit != e->unit))
            attachToUnitAxis(e.get(), info.unit);
        requests.append({e->render.get(), m_store->view(e->key), from, to, width, info.totalCount - info.size});
        e->dataDirty = false;
        if (all)
            updateThresholdLines(e.get());
    }
    QualitySeries::renderAll(requests);
    if (all) {
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
        const qint64 span = to - from;
        const QString format = span <= 10 * 60 * 1000 ? QStringLiteral("HH:mm:ss")
            : span <= 24 * 3600 * 1000                 ? QStringLiteral("HH:mm")
                                                       : QStringLiteral("dd.MM. HH:mm");
        if (m_timeAxis->format() != format)
            m_timeAxis->setFormat(format);
    }
    updateValueAxes();
    const bool stats = force || !m_statsTimer.isValid() || m_statsTimer.elapsed() >= StatsIntervalMs;
    updateLegend(stats);
    if (m_entries.empty())
        m_chart->setTitle(tr("Drop a topic or a measurement here"));
    m_dataDirty = false;
    m_viewDirty = false;
    return true;
}

void ChartPanel::attachToUnitAxis(Entry *e, const QString &unit)
{
    QValueAxis *axis = m_valueAxes.value(unit);
    if (!axis) {
        axis = new QValueAxis(m_chart);
        axis->setTitleText(unit.isEmpty() ? tr("(no unit)") : unit);
        axis->setLabelFormat(QStringLiteral("%.5g"));
        axis->setTickCount(ValueTicks);
        const Qt::Alignment side = m_valueAxes.size() % 2 == 0 ? Qt::AlignLeft : Qt::AlignRight;
        m_chart->addAxis(axis, side);
        m_valueAxes.insert(unit, axis);
    }
    e->unit = unit;
    e->hasAxis = true;
    e->render->setAxes(m_timeAxis, axis);
    for (QLineSeries *line : {e->lowLine, e->highLine}) {
        for (QAbstractAxis *old : line->attachedAxes())
            line->detachAxis(old);
        line->attachAxis(m_timeAxis);
        line->attachAxis(axis);
    }
    dropUnusedAxes();
}

void ChartPanel::dropUnusedAxes()
{
    for (auto it = m_valueAxes.begin(); it != m_valueAxes.end();) {
        const QString unit = it.key();
        const bool used = std::any_of(m_entries.cbegin(), m_entries.cend(),
                                      [&unit](const auto &e) { return e->hasAxis && e->unit == unit; });
        if (used) {
            ++it;
            continue;
        }
        m_chart->removeAxis(it.value());
        delete it.value();
        it = m_valueAxes.erase(it);
    }
}

void ChartPanel::updateThresholdLines(Entry *e)
{
    const QPointF from(double(m_fromMs), 0);
    const QPointF to(double(m_toMs), 0);
    const auto line = [&](std::optional<double> value) {
        return value ? QList<QPointF>{{from.x(), *value}, {to.x(), *value}} : QList<QPointF>{};
    };
    e->lowLine->replace(line(e->low));
    e->highLine->replace(line(e->high));
}

void ChartPanel::updateValueAxes()
{
    for (auto it = m_valueAxes.cbegin(); it != m_valueAxes.cend(); ++it) {
        double min = std::numeric_limits<double>::max();
        double max = std::numeric_limits<double>::lowest();
        for (const auto &e : m_entries) {
            if (e->unit != it.key())
                continue;
            double lo = 0;
            double hi = 0;
            if (e->render->valueRange(&lo, &hi)) {
                min = std::min(min, lo);
                max = std::max(max, hi);
            }
            for (const std::optional<double> &limit : {e->low, e->high}) {
                if (limit) {
                    min = std::min(min, *limit);
                    max = std::max(max, *limit);
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        const double span = max - min;
        const double pad = span > 0 ? span * 0.08 : std::max(1.0, std::abs(max) * 0.05);
        // Each axis change is a Qt Charts relayout; the nice range stays
        // the same while live data moves within its ticks.
        const AxisScale scale = AxisScale::nice(min - pad, max + pad, ValueTicks);
        QValueAxis *axis = it.value();
        if (axis->min() != scale.min || axis->max() != scale.max)
            axis->setRange(scale.min, scale.max);
        if (axis->tickCount() != scale.ticks)
            axis->setTickCount(scale.ticks);
        for (const auto &e : m_entries) {
            if (e->unit == it.key())
                e->render->clampBadMarkers(it.value()->min(), it.value()->max());
        }
    }
}

void ChartPanel::updateLegend(bool stats)
{
    m_updatingLegend = true;
    if (stats)
        m_statsTimer.restart();
    const QLocale locale;
    for (const auto &e : m_entries) {
        QTreeWidgetItem *row = e->row;
        const MeasurementSeriesInfo info = m_store->seriesInfo(e->key);
        if (info.last) {
            const MeasurementSample &last = *info.last;
            row->setText(LastColumn, tr("%1 %2 (%3)").arg(locale.toString(last.value, 'g', 6), info.unit,
                                                         MeasurementQuality::displayName(last.quality)));
            QColor color = palette().color(QPalette::Text);
            if (last.quality == Quality::Bad)
                color = QualitySeries::badColor();
            else if (last.quality == Quality::Uncertain)
                color = QualitySeries::uncertainColor().darker(120);
            else if (last.quality == Quality::Unknown)
                color = QualitySeries::unknownColor();
            row->setForeground(LastColumn, color);
            row->setToolTip(LastColumn, tr("Device time %1, received %2")
                                            .arg(timeText(last.deviceTimeMs), timeText(last.receiveTimeMs)));
        } else {
            row->setText(LastColumn, tr("no data yet"));
        }
        if (stats) {
            e->shares = m_store->qualityShares(e->key, m_fromMs, m_toMs);
            e->violations = (e->low || e->high)
                ? m_store->thresholdViolations(e->key, m_fromMs, m_toMs, e->low, e->high)
                : 0;
            QString shares = tr("%1% / %2% / %3%")
                                 .arg(percent(e->shares.share(Quality::Good)), percent(e->shares.share(Quality::Uncertain)),
                                      percent(e->shares.share(Quality::Bad)));
            if (e->shares.unknown > 0)
                shares = tr("%1, %2% unknown").arg(shares, percent(e->shares.share(Quality::Unknown)));
            row->setText(SharesColumn, e->shares.total() > 0 ? shares : tr("–"));
            row->setToolTip(SharesColumn, tr("%1 good, %2 uncertain, %3 bad, %4 unknown samples in the window")
                                              .arg(e->shares.good)
                                              .arg(e->shares.uncertain)
                                              .arg(e->shares.bad)
                                              .arg(e->shares.unknown));
            row->setText(ViolationsColumn, (e->low || e->high) ? locale.toString(e->violations) : QString());
            row->setForeground(ViolationsColumn, e->violations > 0 ? QualitySeries::badColor()
                                                                   : palette().color(QPalette::Text));
        }
        row->setText(LowColumn, limitText(e->low));
        row->setText(HighColumn, limitText(e->high));
    }
    m_updatingLegend = false;
    // As tall as its rows (up to six), so the chart keeps the space.
    const int rows = std::clamp(int(m_entries.size()), 1, 6);
    const int rowHeight = m_legend->topLevelItemCount() > 0 ? m_legend->sizeHintForRow(0) : fontMetrics().height() + 6;
    m_legend->setFixedHeight(m_legend->header()->sizeHint().height() + rows * rowHeight + 2 * m_legend->frameWidth() + 2);
}

void ChartPanel::onLegendItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_updatingLegend || (column != LowColumn && column != HighColumn))
        return;
    for (const auto &e : m_entries) {
        if (e->row != item)
            continue;
        const QString text = item->text(column).trimmed();
        std::optional<double> value;
        if (!text.isEmpty()) {
            bool ok = false;
            double number = QLocale().toDouble(text, &ok);
            if (!ok)
                number = text.toDouble(&ok);
            if (!ok || !std::isfinite(number)) {
                item->setToolTip(column, tr("\"%1\" is not a number; the limit was not changed.").arg(text));
                updateLegend(false);
                return;
            }
            value = number;
        }
        if (column == LowColumn)
            setThresholds(e->key, value, e->high);
        else
            setThresholds(e->key, e->low, value);
        return;
    }
}

void ChartPanel::showLegendMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_legend->itemAt(pos);
    if (!item)
        return;
    SeriesKey key;
    for (const auto &e : m_entries) {
        if (e->row == item)
            key = e->key;
    }
    QMenu menu(this);
    menu.addAction(tr("Set Low Limit"), this, [this, item] { m_legend->editItem(item, LowColumn); });
    menu.addAction(tr("Set High Limit"), this, [this, item] { m_legend->editItem(item, HighColumn); });
    menu.addAction(tr("Clear Limits"), this, [this, key] { setThresholds(key, std::nullopt, std::nullopt); });
    menu.addSeparator();
    menu.addAction(tr("Remove Series"), this, [this, key] { removeSeries(key); });
    menu.exec(m_legend->viewport()->mapToGlobal(pos));
}

bool ChartPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress
        && (watched == m_view->viewport() || watched == m_legend->viewport()))
        Q_EMIT activated();
    return QWidget::eventFilter(watched, event);
}

QStringList ChartPanel::csvRows() const
{
    return m_store->toCsvRows(seriesKeys(), m_fromMs, m_toMs);
}

void ChartPanel::exportCsv(const QString &path)
{
    const QStringList rows = csvRows();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        Q_EMIT exportFinished(path, watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path, rows] { return writeLines(path, rows); }));
}

void ChartPanel::exportPng(const QString &path)
{
    const QImage image = m_view->grab().toImage();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        Q_EMIT exportFinished(path, watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path, image] {
        if (image.save(path, "PNG"))
            return QString();
        return tr("Could not write the image %1. Check that the folder exists and is writable.")
            .arg(QDir::toNativeSeparators(path));
    }));
}

void ChartPanel::chooseExportPath(bool png)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString base = title().replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    const QString suggested = QDir(folder).filePath(base + (png ? QStringLiteral(".png") : QStringLiteral(".csv")));
    auto *dialog = new QFileDialog(this, png ? tr("Save Chart as PNG") : tr("Save Visible Data as CSV"), suggested);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(png ? QStringLiteral("png") : QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, png](const QString &path) {
        if (png)
            exportPng(path);
        else
            exportCsv(path);
    });
    dialog->open();
}

QString ChartPanel::toolTipAt(const QPoint &viewPos) const
{
    const QPointF scenePos = m_view->mapToScene(viewPos);
    const Entry *best = nullptr;
    qsizetype bestIndex = -1;
    qreal bestDistance = HoverDistance;
    for (const auto &e : m_entries) {
        qreal distance = 0;
        const qsizetype index = e->render->nearestPoint(scenePos, bestDistance, &distance);
        if (index >= 0 && distance <= bestDistance) {
            best = e.get();
            bestIndex = index;
            bestDistance = distance;
        }
    }
    if (!best)
        return {};
    const QPointF point = best->render->decimated().points.at(bestIndex);
    const Quality quality = best->render->decimated().qualities.at(bestIndex);
    const qint64 deviceTime = qint64(point.x());
    qint64 receiveTime = 0;
    const QList<MeasurementSample> samples = m_store->samples(best->key, deviceTime, deviceTime);
    for (const MeasurementSample &sample : samples) {
        if (sample.value == point.y() && sample.quality == quality) {
            receiveTime = sample.receiveTimeMs;
            break;
        }
    }
    const QString received = receiveTime > 0 ? timeText(receiveTime) : tr("unknown");
    // The device's clock skew (receive minus device time, median of its
    // recent messages) says how far "Device time" can be trusted.
    const std::optional<ClockSkewEstimator::Estimate> skew = m_store->clockSkew(best->key.source);
    const QString skewText = skew ? tr("%1 (device clock behind when positive)")
                                        .arg(ClockSkewEstimator::displayText(skew->medianMs))
                                  : tr("unknown");
    return tr("%1\nValue: %2 %3\nQuality: %4\nDevice time: %5\nReceived: %6\nClock skew: %7")
        .arg(seriesLabel(best->key), QLocale().toString(point.y(), 'g', 8), best->unit,
             MeasurementQuality::displayName(quality), timeText(deviceTime), received, skewText);
}
