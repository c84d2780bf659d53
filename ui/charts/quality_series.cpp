#include "quality_series.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLineSeries>
#include <QtConcurrent>

#include <algorithm>
#include <array>
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

// Starts piece number *count in the reusable list (keeping its capacity).
QualityPlotItem::Piece &startPiece(QList<QualityPlotItem::Piece> *pieces, qsizetype *count, Quality quality)
{
    if (*count == pieces->size())
        pieces->append(QualityPlotItem::Piece{});
    QualityPlotItem::Piece &piece = (*pieces)[(*count)++];
    piece.quality = quality;
    piece.points.clear();
    return piece;
}

// The non-bad points reduced per decimation column to the first, lowest,
// highest and last one (in time order). A line through them covers the same
// pixels as one through all the points a column keeps (up to ten, sorted by
// time, all between its lowest and highest), with well under half the
// segments: dense lines are most of a chart's painting.
void appendColumnExtremes(const QList<QPointF> &points, const QList<Quality> &qualities,
                          const Decimator::Options &options, QList<QPointF> *out)
{
    const double from = double(options.fromMs);
    const double scale = double(options.pixelWidth) / double(options.toMs - options.fromMs);
    const auto columnOf = [&](double x) { return qint64(std::floor((x - from) * scale)); };
    qsizetype first = -1;   // the current column's first, lowest, highest, last point
    qsizetype lowest = -1;
    qsizetype highest = -1;
    qsizetype last = -1;
    qint64 column = 0;
    const auto flush = [&] {
        if (first < 0)
            return;
        std::array<qsizetype, 4> kept{first, lowest, highest, last};
        std::sort(kept.begin(), kept.end());
        for (size_t k = 0; k < kept.size(); ++k) {
            if (k == 0 || kept[k] != kept[k - 1])
                out->append(points[kept[k]]);
        }
    };
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (qualities[i] == Quality::Bad)
            continue;
        const QPointF &p = points[i];
        const qint64 c = columnOf(p.x());
        if (first < 0 || c != column) {
            flush();
            column = c;
            first = lowest = highest = last = i;
            continue;
        }
        if (p.y() < points[lowest].y())
            lowest = i;
        if (p.y() > points[highest].y())
            highest = i;
        last = i;
    }
    flush();
}

} // namespace

QualitySeries::QualitySeries(QChart *chart, const QColor &color, QObject *parent)
    : QObject(parent)
    , m_chart(chart)
    , m_color(color)
{
    m_anchor = new QLineSeries;
    m_anchor->setPen(Qt::NoPen);
    m_chart->addSeries(m_anchor);
    m_item = new QualityPlotItem(chart, m_anchor, color);
    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF &plotArea) { m_item->setPlotArea(plotArea); });
}

QualitySeries::~QualitySeries()
{
    // When the chart went first, it deleted the series and the item with it.
    if (!m_chart)
        return;
    delete m_item;
    m_chart->removeSeries(m_anchor);
    delete m_anchor;
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

QAbstractSeries *QualitySeries::anchor() const
{
    return m_anchor;
}

void QualitySeries::setAxes(QAbstractAxis *x, QAbstractAxis *y)
{
    m_xAxis = x;
    m_yAxis = y;
    for (QAbstractAxis *axis : m_anchor->attachedAxes())
        m_anchor->detachAxis(axis);
    if (m_xAxis)
        m_anchor->attachAxis(m_xAxis);
    if (m_yAxis)
        m_anchor->attachAxis(m_yAxis);
    m_item->update();
}

void QualitySeries::render(const MeasurementSeriesView &samples, qint64 fromMs, qint64 toMs, int plotWidth,
                           qint64 firstSequence)
{
    prepare(samples, fromMs, toMs, plotWidth, firstSequence);
    commit();
}

void QualitySeries::renderAll(const QList<RenderRequest> &requests)
{
    const auto prepareOne = [](const RenderRequest &r) {
        r.series->prepare(r.samples, r.fromMs, r.toMs, r.plotWidth, r.firstSequence);
    };
    if (requests.size() > 1)
        QtConcurrent::blockingMap(requests, prepareOne);
    else
        std::for_each(requests.cbegin(), requests.cend(), prepareOne);
    for (const RenderRequest &r : requests)
        r.series->commit();
}

void QualitySeries::commit()
{
    m_item->swapContent(&m_spareLines, m_preparedPieces, &m_spareMarkers, m_dense);
    m_preparedPieces = 0;
}

void QualitySeries::prepare(const MeasurementSeriesView &samples, qint64 fromMs, qint64 toMs, int plotWidth,
                            qint64 firstSequence)
{
    // A column keeps 2 to 10 points (more when qualities mix); three pixels
    // per column keep the drawn points within ~4x the plot width. Mixed
    // qualities everywhere can exceed that: then the columns get wider.
    Decimator::Options options;
    options.fromMs = fromMs;
    options.toMs = toMs;
    options.gapThresholdMs = std::max<qint64>(30000, (toMs - fromMs) / 10);
    const qsizetype budget = 4 * qsizetype(std::max(plotWidth, 16));
    qsizetype pieceCount = 0;
    for (int columns = std::max(16, plotWidth / 3);; columns /= 2) {
        options.pixelWidth = columns;
        pieceCount = buildPieces(samples, options, firstSequence, &m_spareLines, &m_spareMarkers);
        qsizetype total = 0;
        for (qsizetype i = 0; i < pieceCount; ++i)
            total += m_spareLines.at(i).points.size();
        for (const auto &list : m_spareMarkers)
            total += list.size();
        if (total <= budget || columns <= 16)
            break;
    }
    m_pushedPoints = 0;
    for (qsizetype i = 0; i < pieceCount; ++i)
        m_pushedPoints += m_spareLines.at(i).points.size();
    for (const auto &list : m_spareMarkers)
        m_pushedPoints += list.size();
    m_badMin = std::numeric_limits<double>::lowest();
    m_badMax = std::numeric_limits<double>::max();
    m_preparedPieces = pieceCount;
}

qsizetype QualitySeries::buildPieces(const MeasurementSeriesView &samples, const Decimator::Options &options,
                                     qint64 firstSequence, QList<Piece> *pieces, QualityPlotItem::MarkerLists *markers)
{
    m_decimator.decimate(samples, options, &m_decimated, firstSequence);
    const QList<QPointF> &points = m_decimated.points;
    const QList<Quality> &qualities = m_decimated.qualities;
    for (auto &list : *markers)
        list.clear();

    // Count the pieces first: dense data needs none of them.
    qsizetype needed = 0;
    const QList<std::pair<qsizetype, qsizetype>> runs = m_decimated.runs();
    for (const auto &[begin, end] : runs) {
        Quality current = Quality::Bad;
        for (qsizetype i = begin + 1; i < end; ++i) {
            const Quality q = segmentQuality(qualities[i - 1], qualities[i]);
            if (i == begin + 1 || q != current)
                ++needed;
            current = q;
        }
    }
    qsizetype count = 0;
    m_dense = needed > maxRunLines();
    if (m_dense) {
        // One line through the non-bad points; quality as markers.
        Piece &all = startPiece(pieces, &count, Quality::Good);
        all.points.reserve(points.size());
        appendColumnExtremes(points, qualities, options, &all.points);
        for (qsizetype i = 0; i < points.size(); ++i) {
            const Quality q = qualities[i];
            if (q != Quality::Good)
                (*markers)[size_t(q)].append(points[i]);
        }
        return count;
    }
    for (const auto &[begin, end] : runs) {
        if (end - begin == 1) {
            (*markers)[size_t(qualities[begin])].append(points[begin]);
            continue;
        }
        Piece *piece = nullptr;
        for (qsizetype i = begin + 1; i < end; ++i) {
            const Quality q = segmentQuality(qualities[i - 1], qualities[i]);
            if (!piece || piece->quality != q) {
                piece = &startPiece(pieces, &count, q);
                piece->points.append(points[i - 1]);
            }
            piece->points.append(points[i]);
        }
    }
    return count;
}

void QualitySeries::clear()
{
    m_decimated.clear();
    m_decimator.resetCache();
    for (auto &list : m_spareMarkers)
        list.clear();
    m_item->swapContent(&m_spareLines, 0, &m_spareMarkers, false);
    for (auto &list : m_spareMarkers)
        list.clear();
    m_pushedPoints = 0;
    m_dense = false;
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
    m_item->clampMarkerValues(Quality::Bad, m_badMin, m_badMax);
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
        const QPointF pos = m_item->toPosition(point);
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
    for (const Piece &piece : m_item->pieces()) {
        if (piece.quality == quality && piece.points.size() > 1)
            ++count;
    }
    return count;
}

qsizetype QualitySeries::pointCount(Quality quality) const
{
    qsizetype count = 0;
    for (const Piece &piece : m_item->pieces()) {
        if (piece.quality == quality)
            count += piece.points.size();
    }
    return count;
}

qsizetype QualitySeries::badMarkerCount() const
{
    return m_item->markers()[size_t(Quality::Bad)].size();
}

QList<QPointF> QualitySeries::markerPoints(Quality quality) const
{
    return m_item->markers()[size_t(quality)];
}

QList<QualitySeries::Piece> QualitySeries::pieces() const
{
    return m_item->pieces();
}
