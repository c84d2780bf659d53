#pragma once

#include "measurement/decimator.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>

#include <limits>

QT_FORWARD_DECLARE_CLASS(QAbstractAxis)
QT_FORWARD_DECLARE_CLASS(QChart)
QT_FORWARD_DECLARE_CLASS(QLineSeries)
QT_FORWARD_DECLARE_CLASS(QScatterSeries)
QT_FORWARD_DECLARE_CLASS(QXYSeries)

// Draws one measurement series into a QChart with its quality visible:
//  - good: solid line in the series colour;
//  - uncertain: amber dashed segments (a QLineSeries per run);
//  - unknown: grey dotted segments;
//  - bad: the line breaks (Decimator::breaks) and a red marker sits on the point.
// Points are decimated to the plot width first (Decimator, M4 with quality),
// then every QXYSeries gets exactly one replace() per render(), never an
// append() per sample. The line series are pooled and reused across renders.
//
// When one window needs more than maxRunLines() separate line pieces (dense
// data where nearly every pixel column has a bad or uncertain point), the
// series switches to dense mode: one line through all non-bad points plus
// amber/grey/red markers, so the quality stays visible without creating
// hundreds of QGraphicsItems.
//
// The chart owns the added QXYSeries; this object removes and deletes them
// when it is destroyed first. GUI thread only.
class QualitySeries : public QObject
{
    Q_OBJECT
public:
    QualitySeries(QChart *chart, const QColor &color, QObject *parent = nullptr);
    ~QualitySeries() override;

    static int maxRunLines() { return 48; }
    static QColor uncertainColor();
    static QColor unknownColor();
    static QColor badColor();

    QColor color() const { return m_color; }
    // Attaches every chart series of this one to x and y (detaching old axes).
    void setAxes(QAbstractAxis *x, QAbstractAxis *y);
    QAbstractAxis *yAxis() const { return m_yAxis; }

    // Decimates samples in [fromMs, toMs] to the given plot width (pixels)
    // and updates the chart series.
    void render(const MeasurementSeriesView &samples, qint64 fromMs, qint64 toMs, int plotWidth);
    void clear();

    const DecimatedSeries &decimated() const { return m_decimated; }
    // Min and max value of the readings drawn (bad values only when there
    // is nothing else); false when nothing is drawn.
    bool valueRange(double *min, double *max) const;
    // Bad values are not readings (often a sensor's floor, e.g. -20): keep
    // their markers visible at the edge of the value range [min, max]
    // instead of letting them stretch the axis.
    void clampBadMarkers(double min, double max);
    // Index into decimated().points nearest to viewPos (chart scene
    // coordinates) within maxDistance pixels, or -1.
    qsizetype nearestPoint(const QPointF &scenePos, qreal maxDistance, qreal *distance) const;

    /* Introspection for tests and the benchmark */
    bool isDense() const { return m_dense; }
    // Line series currently drawing a run of the given quality.
    int lineCount(Quality quality) const;
    qsizetype pointCount(Quality quality) const;   // points in those lines
    qsizetype badMarkerCount() const;
    qsizetype totalPushedPoints() const { return m_pushedPoints; }
    QScatterSeries *badMarkers() const { return m_markers[int(Quality::Bad)]; }

private:
    // A polyline drawn with one pen.
    struct Piece
    {
        Quality quality = Quality::Good;
        QList<QPointF> points;
    };
    // Decimates into m_decimated and splits it into pieces and markers
    // (markers: one list per Quality).
    void buildPieces(const MeasurementSeriesView &samples, const Decimator::Options &options, QList<Piece> *pieces,
                     QList<QPointF> *markers);
    QLineSeries *lineAt(int index);
    void styleLine(int index, Quality quality);
    void attach(QXYSeries *series);

    QPointer<QChart> m_chart;   // owns the QXYSeries while they are added
    QColor m_color;
    QAbstractAxis *m_xAxis = nullptr;
    QAbstractAxis *m_yAxis = nullptr;
    Decimator m_decimator;
    DecimatedSeries m_decimated;
    QList<QLineSeries *> m_lines;            // pool; first m_usedLines are in use
    QList<Quality> m_lineQuality;            // style applied to m_lines[i]
    QList<qsizetype> m_linePoints;           // points pushed to m_lines[i]
    int m_usedLines = 0;
    QScatterSeries *m_markers[MeasurementQuality::Count] = {};
    qsizetype m_markerPoints[MeasurementQuality::Count] = {};
    qsizetype m_pushedPoints = 0;
    double m_badMin = std::numeric_limits<double>::lowest();
    double m_badMax = std::numeric_limits<double>::max();
    bool m_dense = false;
};
