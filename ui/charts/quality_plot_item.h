#pragma once

#include "measurement/measurement_quality.h"

#include <QColor>
#include <QGraphicsItem>
#include <QImage>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QRectF>

#include <array>

QT_FORWARD_DECLARE_CLASS(QAbstractSeries)
QT_FORWARD_DECLARE_CLASS(QChart)

// Paints one measurement series inside a QChart's plot area by itself:
// polylines (one QPainter::drawPolyline per quality run) and light markers.
//
// Why not QLineSeries: Qt Charts rebuilds a QPainterPath and a stroked hover
// shape for every replace(), which cost ~9 ms per 3.6k-point series, so 20
// live series could not be redrawn at 10 Hz. Qt Charts still owns the axes,
// zoom and pan; this item reads the current axis mapping from an (empty)
// anchor series attached to the same axes, so it always draws in the chart's
// coordinates.
//
// Points are in value coordinates (x = ms since the epoch, y = value). The
// item is a child of the chart (the chart deletes it); GUI thread only.
class QualityPlotItem : public QGraphicsItem
{
public:
    struct Piece
    {
        Quality quality = Quality::Good;
        QList<QPointF> points;
    };
    using MarkerLists = std::array<QList<QPointF>, MeasurementQuality::Count>;

    QualityPlotItem(QChart *chart, QAbstractSeries *anchor, const QColor &color);

    static QPen linePen(const QColor &color, Quality quality);

    // Takes the content by swapping (the old buffers come back for reuse).
    // dense: markers in most pixel columns (drawn smaller).
    void swapContent(QList<Piece> *pieces, qsizetype pieceCount, MarkerLists *markers, bool dense);
    void setPlotArea(const QRectF &plotArea);
    // Keeps markers of one quality inside [min, max] in y (see
    // QualitySeries::clampBadMarkers()).
    void clampMarkerValues(Quality quality, double min, double max);

    QList<Piece> pieces() const { return m_pieces.first(m_pieceCount); }
    const MarkerLists &markers() const { return m_markers; }

    // The chart position (QChart item coordinates) of a value point, exactly
    // as QChart::mapToPosition(value, anchor) for linear axes.
    QPointF toPosition(const QPointF &value) const;

    /* QGraphicsItem implementations */
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget = nullptr) override;

private:
    struct Transform
    {
        double x0 = 0, y0 = 0;    // value origin
        double px0 = 0, py0 = 0;  // its position
        double sx = 0, sy = 0;    // pixels per unit
    };
    Transform transform() const;

    QChart *m_chart = nullptr;
    QAbstractSeries *m_anchor = nullptr;
    QColor m_color;
    QRectF m_plotArea;
    QList<Piece> m_pieces;
    qsizetype m_pieceCount = 0;
    bool m_dense = false;
    MarkerLists m_markers;
    std::array<QImage, MeasurementQuality::Count> m_markerImages;
    std::array<QImage, MeasurementQuality::Count> m_denseMarkerImages;
    std::array<QPen, MeasurementQuality::Count> m_pens;
    std::array<QPen, MeasurementQuality::Count> m_densePens;   // 1 px cosmetic
    QList<QPointF> m_scratch;   // mapped points, reused across paints
};
