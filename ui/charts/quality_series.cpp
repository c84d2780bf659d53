#include "quality_series.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLineSeries>
#include <QImage>
#include <QPainter>
#include <QPen>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>

namespace {

// The segment between two neighbours takes the less trustworthy quality.
Quality segmentQuality(Quality a, Quality b)
{
    if (a == Quality::Uncertain || b == Quality::Uncertain)
        return Quality::Uncertain;
    if (a == Quality::Unknown || b == Quality::Unknown)
        return Quality::Unknown;
    return Quality::Good;
}

QImage markerImage(const QColor &color, qreal size, bool outlined)
{
    const int side = int(std::ceil(size)) + 2;
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(outlined ? QPen(Qt::white, 1.0) : Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, size, size));
    return image;
}

} // namespace

QualitySeries::QualitySeries(QChart *chart, const QColor &color, QObject *parent)
    : QObject(parent)
    , m_chart(chart)
    , m_color(color)
{
    const QColor markerColors[MeasurementQuality::Count] = {color, uncertainColor(), badColor(), unknownColor()};
    const qreal markerSizes[MeasurementQuality::Count] = {6, 7, 9, 7};
    for (int q = 0; q < MeasurementQuality::Count; ++q) {
        auto *markers = new QScatterSeries;
        markers->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        markers->setMarkerSize(markerSizes[q]);
        markers->setColor(markerColors[q]);
        markers->setBorderColor(q == int(Quality::Bad) ? QColor(Qt::white) : markerColors[q]);
        // A light marker is painted per point instead of one QGraphicsItem per
        // point, which keeps hundreds of markers cheap.
        markers->setLightMarker(markerImage(markerColors[q], markerSizes[q], q == int(Quality::Bad)));
        m_markers[q] = markers;
        m_chart->addSeries(markers);
    }
}

QualitySeries::~QualitySeries()
{
    // When the chart went first, it deleted the series with it.
    if (!m_chart)
        return;
    for (QLineSeries *line : std::as_const(m_lines)) {
        m_chart->removeSeries(line);
        delete line;
    }
    for (QScatterSeries *markers : m_markers) {
        m_chart->removeSeries(markers);
        delete markers;
    }
}

QColor QualitySeries::uncertainColor()
{
    return {0xe0, 0x8e, 0x0b};
}

QColor QualitySeries::unknownColor()
{
    return {0x9a, 0x9a, 0x9a};
}

QColor QualitySeries::badColor()
{
    return {0xd0, 0x1c, 0x28};
}

void QualitySeries::attach(QXYSeries *series)
{
    for (QAbstractAxis *axis : series->attachedAxes())
        series->detachAxis(axis);
    if (m_xAxis)
        series->attachAxis(m_xAxis);
    if (m_yAxis)
        series->attachAxis(m_yAxis);
}

void QualitySeries::setAxes(QAbstractAxis *x, QAbstractAxis *y)
{
    m_xAxis = x;
    m_yAxis = y;
    for (QLineSeries *line : std::as_const(m_lines))
        attach(line);
    for (QScatterSeries *markers : m_markers)
        attach(markers);
}

QLineSeries *QualitySeries::lineAt(int index)
{
    while (m_lines.size() <= index) {
        auto *line = new QLineSeries;
        m_chart->addSeries(line);
        attach(line);
        m_lines.append(line);
        m_lineQuality.append(Quality::Bad);   // forces styleLine() to set a pen
        m_linePoints.append(0);
    }
    return m_lines[index];
}

void QualitySeries::styleLine(int index, Quality quality)
{
    if (m_lineQuality[index] == quality)
        return;
    m_lineQuality[index] = quality;
    QPen pen;
    pen.setWidthF(2.0);
    pen.setCapStyle(Qt::FlatCap);
    switch (quality) {
    case Quality::Uncertain:
        pen.setColor(uncertainColor());
        pen.setStyle(Qt::DashLine);
        break;
    case Quality::Unknown:
        pen.setColor(unknownColor());
        pen.setStyle(Qt::DotLine);
        break;
    case Quality::Good:
    case Quality::Bad:
        pen.setColor(m_color);
        pen.setStyle(Qt::SolidLine);
        break;
    }
    m_lines[index]->setPen(pen);
}

void QualitySeries::render(const MeasurementSeriesView &samples, qint64 fromMs, qint64 toMs, int plotWidth)
{
    // A column keeps 2 to 10 points (more when qualities mix); three pixels
    // per column keep the pushed points within ~4x the plot width. Mixed
    // qualities everywhere can exceed that: then the columns get wider.
    Decimator::Options options;
    options.fromMs = fromMs;
    options.toMs = toMs;
    options.gapThresholdMs = std::max<qint64>(30000, (toMs - fromMs) / 10);
    const qsizetype budget = 4 * qsizetype(std::max(plotWidth, 16));
    QList<QPointF> markers[MeasurementQuality::Count];
    QList<Piece> pieces;
    for (int columns = std::max(16, plotWidth / 3);; columns /= 2) {
        options.pixelWidth = columns;
        buildPieces(samples, options, &pieces, markers);
        qsizetype total = 0;
        for (const Piece &piece : std::as_const(pieces))
            total += piece.points.size();
        for (const auto &list : markers)
            total += list.size();
        if (total <= budget || columns <= 16)
            break;
    }

    m_pushedPoints = 0;
    for (int i = 0; i < pieces.size(); ++i) {
        QLineSeries *line = lineAt(i);
        styleLine(i, pieces[i].quality);
        m_linePoints[i] = pieces[i].points.size();
        m_pushedPoints += m_linePoints[i];
        line->replace(pieces[i].points);
    }
    for (int i = int(pieces.size()); i < m_usedLines; ++i) {
        m_linePoints[i] = 0;
        m_lines[i]->clear();
    }
    m_usedLines = int(pieces.size());
    // Keep a few spare lines for the next render, drop the rest.
    while (m_lines.size() > m_usedLines + 8) {
        QLineSeries *line = m_lines.takeLast();
        m_lineQuality.removeLast();
        m_linePoints.removeLast();
        m_chart->removeSeries(line);
        delete line;
    }
    for (int q = 0; q < MeasurementQuality::Count; ++q) {
        m_markerPoints[q] = markers[q].size();
        m_pushedPoints += markers[q].size();
        m_markers[q]->replace(markers[q]);
    }
}

void QualitySeries::buildPieces(const MeasurementSeriesView &samples, const Decimator::Options &options,
                                QList<Piece> *piecesOut, QList<QPointF> *markers)
{
    m_decimator.decimate(samples, options, &m_decimated);
    const QList<QPointF> &points = m_decimated.points;
    const QList<Quality> &qualities = m_decimated.qualities;
    QList<Piece> &pieces = *piecesOut;
    pieces.clear();
    for (int q = 0; q < MeasurementQuality::Count; ++q)
        markers[q].clear();

    for (const auto &[begin, end] : m_decimated.runs()) {
        if (end - begin == 1) {
            markers[int(qualities[begin])].append(points[begin]);
            continue;
        }
        for (qsizetype i = begin + 1; i < end; ++i) {
            const Quality q = segmentQuality(qualities[i - 1], qualities[i]);
            if (pieces.isEmpty() || pieces.constLast().quality != q || i == begin + 1) {
                pieces.append(Piece{q, {points[i - 1]}});
            }
            pieces.last().points.append(points[i]);
        }
    }

    m_dense = pieces.size() > maxRunLines();
    if (m_dense) {
        // One line through every non-bad point; quality as markers.
        Piece all;
        for (int q = 0; q < MeasurementQuality::Count; ++q)
            markers[q].clear();
        for (qsizetype i = 0; i < points.size(); ++i) {
            const Quality q = qualities[i];
            if (q != Quality::Bad)
                all.points.append(points[i]);
            if (q != Quality::Good)
                markers[int(q)].append(points[i]);
        }
        pieces = {all};
    }
}

void QualitySeries::clear()
{
    m_decimated.clear();
    for (int i = 0; i < m_usedLines; ++i) {
        m_linePoints[i] = 0;
        m_lines[i]->clear();
    }
    m_usedLines = 0;
    for (int q = 0; q < MeasurementQuality::Count; ++q) {
        m_markerPoints[q] = 0;
        m_markers[q]->clear();
    }
    m_pushedPoints = 0;
}

bool QualitySeries::valueRange(double *min, double *max) const
{
    const QList<QPointF> &points = m_decimated.points;
    if (points.isEmpty())
        return false;
    bool any = false;
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (m_decimated.qualities[i] == Quality::Bad)
            continue;
        *min = any ? std::min(*min, points[i].y()) : points[i].y();
        *max = any ? std::max(*max, points[i].y()) : points[i].y();
        any = true;
    }
    if (any)
        return true;
    const auto [lo, hi] = std::minmax_element(points.cbegin(), points.cend(),
                                              [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    *min = lo->y();
    *max = hi->y();
    return true;
}

void QualitySeries::clampBadMarkers(double min, double max)
{
    const double inset = (max - min) * 0.02;
    m_badMin = min + inset;
    m_badMax = max - inset;
    QList<QPointF> points = m_markers[int(Quality::Bad)]->points();
    bool changed = false;
    for (qsizetype i = 0; i < m_decimated.points.size(); ++i) {
        if (m_decimated.qualities[i] != Quality::Bad)
            continue;
        const QPointF &p = m_decimated.points[i];
        if (p.y() < m_badMin || p.y() > m_badMax)
            changed = true;
    }
    if (!changed)
        return;
    for (QPointF &p : points)
        p.setY(std::clamp(p.y(), m_badMin, m_badMax));
    m_markers[int(Quality::Bad)]->replace(points);
}

qsizetype QualitySeries::nearestPoint(const QPointF &scenePos, qreal maxDistance, qreal *distance) const
{
    qsizetype best = -1;
    qreal bestDistance = maxDistance;
    const QPointF local = m_chart->mapFromScene(scenePos);
    const QList<QPointF> &points = m_decimated.points;
    for (qsizetype i = 0; i < points.size(); ++i) {
        QPointF point = points[i];
        if (m_decimated.qualities[i] == Quality::Bad)
            point.setY(std::clamp(point.y(), m_badMin, m_badMax));
        const QPointF pos = m_chart->mapToPosition(point, m_markers[0]);
        const qreal d = std::hypot(pos.x() - local.x(), pos.y() - local.y());
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    if (distance)
        *distance = bestDistance;
    return best;
}

int QualitySeries::lineCount(Quality quality) const
{
    int count = 0;
    for (int i = 0; i < m_usedLines; ++i) {
        if (m_lineQuality[i] == quality && m_linePoints[i] > 0)
            ++count;
    }
    return count;
}

qsizetype QualitySeries::pointCount(Quality quality) const
{
    qsizetype count = 0;
    for (int i = 0; i < m_usedLines; ++i) {
        if (m_lineQuality[i] == quality)
            count += m_linePoints[i];
    }
    return count;
}

qsizetype QualitySeries::badMarkerCount() const
{
    return m_markerPoints[int(Quality::Bad)];
}
