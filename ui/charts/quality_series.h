#pragma once

#include "charts/quality_plot_item.h"
#include "measurement/decimator.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>

#include <limits>

QT_FORWARD_DECLARE_CLASS(QAbstractAxis)
QT_FORWARD_DECLARE_CLASS(QAbstractSeries)
QT_FORWARD_DECLARE_CLASS(QChart)
QT_FORWARD_DECLARE_CLASS(QLineSeries)

// Draws one measurement series into a QChart with its quality visible:
//  - good: solid line in the series colour;
//  - uncertain: amber dashed segments;
//  - unknown: grey dotted segments;
//  - bad: the line breaks (Decimator::breaks) and a red marker sits on the point.
// Points are decimated to the plot width first (Decimator, M4 with quality),
// then painted by one QualityPlotItem over the plot area (one drawPolyline
// per quality run). An empty QLineSeries (anchor()) is attached to the same
// axes, so Qt Charts' zoom, pan and mapToPosition() work for the series.
//
// When one window needs more than maxRunLines() separate line pieces (dense
// data where nearly every pixel column has a bad or uncertain point), the
// series switches to dense mode: one line through all non-bad points plus
// amber/grey/red markers, so the quality stays visible and the line readable.
//
// The chart owns the anchor series and the item; this object removes and
// deletes them when it is destroyed first. GUI thread only.
class QualitySeries : public QObject
{
    Q_OBJECT
public:
    using Piece = QualityPlotItem::Piece;

    QualitySeries(QChart *chart, const QColor &color, QObject *parent = nullptr);
    ~QualitySeries() override;

    static int maxRunLines() { return 48; }
    static QColor uncertainColor();
    static QColor unknownColor();
    static QColor badColor();

    QColor color() const { return m_color; }
    // Attaches the anchor series to x and y (detaching old axes).
    void setAxes(QAbstractAxis *x, QAbstractAxis *y);
    QAbstractAxis *yAxis() const { return m_yAxis; }
    // The empty series that ties the drawing to the axes (for mapToPosition()).
    QAbstractSeries *anchor() const;

    // Decimates samples in [fromMs, toMs] to the given plot width (pixels)
    // and schedules a repaint of the plot item. firstSequence numbers
    // samples.at(0) within the series (see Decimator::decimate()); it lets
    // repeated renders of a growing series reuse block summaries. -1: none.
    void render(const MeasurementSeriesView &samples, qint64 fromMs, qint64 toMs, int plotWidth,
                qint64 firstSequence = -1);

    // One render() of one series, for renderAll().
    struct RenderRequest
    {
        QualitySeries *series = nullptr;
        MeasurementSeriesView samples;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        int plotWidth = 0;
        qint64 firstSequence = -1;
    };
    // render() for several series: the decimation (the costly part, and
    // independent per series) runs on the global thread pool while the
    // calling thread waits; the plot items are updated on the calling (GUI)
    // thread. The samples must not change until it returns.
    static void renderAll(const QList<RenderRequest> &requests);
    // Draws nothing and forgets cached summaries (the series was cleared).
    void clear();

    const DecimatedSeries &decimated() const { return m_decimated; }
    // Min and max value of the readings drawn (bad values only when there
    // is nothing else); false when nothing is drawn.
    bool valueRange(double *min, double *max) const;
    // Bad values are not readings (often a sensor's floor, e.g. -20): keep
    // their markers visible at the edge of the value range [min, max]
    // instead of letting them stretch the axis.
    void clampBadMarkers(double min, double max);
    // Index into decimated().points nearest to scenePos (chart scene
    // coordinates) within maxDistance pixels, or -1.
    qsizetype nearestPoint(const QPointF &scenePos, qreal maxDistance, qreal *distance) const;

    /* Introspection for tests and the benchmark */
    bool isDense() const { return m_dense; }
    // Line pieces currently drawn with the given quality.
    int lineCount(Quality quality) const;
    qsizetype pointCount(Quality quality) const;   // points in those pieces
    qsizetype badMarkerCount() const;
    // Marker positions (value coordinates; bad ones after clamping).
    QList<QPointF> markerPoints(Quality quality) const;
    // The drawn line pieces (value coordinates).
    QList<Piece> pieces() const;
    qsizetype totalPushedPoints() const { return m_pushedPoints; }
    QualityPlotItem *plotItem() const { return m_item; }

private:
    // The thread-safe part of render(): decimates into m_decimated and the
    // spare buffers, touching nothing but this object's own data.
    void prepare(const MeasurementSeriesView &samples, qint64 fromMs, qint64 toMs, int plotWidth, qint64 firstSequence);
    // Hands the prepared buffers to the plot item (GUI thread).
    void commit();
    // Decimates into m_decimated and splits it into pieces and markers;
    // returns the number of pieces used (the rest of *pieces are spares).
    qsizetype buildPieces(const MeasurementSeriesView &samples, const Decimator::Options &options,
                          qint64 firstSequence, QList<Piece> *pieces, QualityPlotItem::MarkerLists *markers);

    QPointer<QChart> m_chart;   // owns the anchor series and the item
    QColor m_color;
    QAbstractAxis *m_xAxis = nullptr;
    QAbstractAxis *m_yAxis = nullptr;
    QLineSeries *m_anchor = nullptr;
    QualityPlotItem *m_item = nullptr;
    Decimator m_decimator;
    DecimatedSeries m_decimated;
    // Buffers handed back and forth with the item, so a render allocates nothing.
    QList<Piece> m_spareLines;
    QualityPlotItem::MarkerLists m_spareMarkers;
    qsizetype m_pushedPoints = 0;
    qsizetype m_preparedPieces = 0;   // pieces in m_spareLines after prepare()
    double m_badMin = std::numeric_limits<double>::lowest();
    double m_badMax = std::numeric_limits<double>::max();
    bool m_dense = false;
};
