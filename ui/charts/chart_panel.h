#pragma once

#include "measurement/dashboard_layout.h"
#include "measurement/measurement_sample.h"
#include "measurement/measurement_store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

QT_FORWARD_DECLARE_CLASS(QChart)
QT_FORWARD_DECLARE_CLASS(QDateTimeAxis)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineSeries)
QT_FORWARD_DECLARE_CLASS(QMimeData)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)
QT_FORWARD_DECLARE_CLASS(QTreeWidgetItem)
QT_FORWARD_DECLARE_CLASS(QValueAxis)
class ChartView;
class QualitySeries;

// One chart of a dashboard: a QChart with a time axis and one value axis per
// unit (alternating left and right), its series drawn by QualitySeries, and a
// legend table with the last value, quality shares over the window, optional
// low/high limits and their violation counts.
//
// The panel only draws in refresh(); ChartDashboard calls it from its frame
// timer. While following, the time window ends at the newest device time of
// the panel's series; zooming or panning stops following until
// setFollowing(true).
//
// GUI thread only. The store must outlive the panel.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPanel(MeasurementStore *store, QWidget *parent = nullptr);
    ~ChartPanel() override;

    /* Series (the API behind drag and drop) */
    // False when the key is already in the chart. The series need not exist
    // in the store yet; it is drawn once samples arrive.
    bool addSeries(const SeriesKey &key, std::optional<double> low = std::nullopt,
                   std::optional<double> high = std::nullopt);
    // Adds every series whose newest sample came from topic; when the topic
    // has no series yet, they are added as soon as they appear. Returns the
    // number added now.
    int addTopic(const QString &topic);
    // Topics and series from ChartMimeData; returns the number added now.
    int addFromMimeData(const QMimeData *data);
    bool removeSeries(const SeriesKey &key);
    QList<SeriesKey> seriesKeys() const;
    bool setThresholds(const SeriesKey &key, std::optional<double> low, std::optional<double> high);
    // Violations of the limits in the drawn window (bad samples do not count).
    qint64 violationCount(const SeriesKey &key) const;
    QualityShares qualityShares(const SeriesKey &key) const;
    QualitySeries *renderer(const SeriesKey &key) const;

    DashboardLayout::Chart layout() const;
    void setLayout(const DashboardLayout::Chart &chart);

    /* Time window */
    void setWindowMs(qint64 windowMs);   // 0 = all data
    qint64 windowMs() const { return m_windowMs; }
    bool isFollowing() const { return m_following; }
    void setFollowing(bool following);
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    // Shows [fromMs, toMs] and stops following (zoom and pan end up here too).
    void showRange(qint64 fromMs, qint64 toMs);

    // Redraws when data of the panel's series changed, the window moved or
    // the plot was resized; force redraws anyway. Returns whether it drew.
    bool refresh(bool force = false);

    /* Export */
    // CSV rows (with header) of the panel's series in the drawn window.
    QStringList csvRows() const;
    // Write in the background; exportFinished() reports the outcome.
    void exportCsv(const QString &path);
    void exportPng(const QString &path);

    // Tooltip text for a point near viewPos (ChartView viewport coordinates),
    // empty when nothing is near.
    QString toolTipAt(const QPoint &viewPos) const;

    QChart *chart() const { return m_chart; }
    ChartView *chartView() const { return m_view; }
    QTreeWidget *legendView() const { return m_legend; }
    QValueAxis *valueAxis(const QString &unit) const { return m_valueAxes.value(unit); }
    QString title() const;

Q_SIGNALS:
    void seriesChanged();          // added, removed or limits changed (layout to save)
    void userChangedRange();       // zoom or pan: the panel stopped following
    void removeRequested();
    void activated();              // the user interacted with this chart
    void exportFinished(const QString &path, const QString &error);   // error empty on success

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry;
    Entry *entry(const SeriesKey &key) const;
    void onSeriesAdded(const QList<SeriesKey> &keys);
    void onSeriesUpdated(const QList<SeriesKey> &keys);
    void onAxisRangeChanged();
    void attachToUnitAxis(Entry *e, const QString &unit);
    void dropUnusedAxes();
    void updateValueAxes();
    void updateLegend(bool stats);
    void updateThresholdLines(Entry *e);
    void onLegendItemChanged(QTreeWidgetItem *item, int column);
    void showLegendMenu(const QPoint &pos);
    void chooseExportPath(bool png);
    bool computeFollowRange(qint64 *fromMs, qint64 *toMs) const;
    int plotWidth() const;

    MeasurementStore *m_store = nullptr;
    QChart *m_chart = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QHash<QString, QValueAxis *> m_valueAxes;
    ChartView *m_view = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QTreeWidget *m_legend = nullptr;
    std::vector<std::unique_ptr<Entry>> m_entries;
    QStringList m_pendingTopics;
    int m_nextColor = 0;
    qint64 m_windowMs = 10 * 60 * 1000;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_renderedWidth = 0;
    bool m_following = true;
    bool m_dataDirty = true;    // samples of a drawn series changed
    bool m_viewDirty = true;    // range, size, series or limits changed
    bool m_applyingRange = false;
    bool m_updatingLegend = false;
    QElapsedTimer m_statsTimer;
};
