#include "quality_plot_item.h"

#include "charts/quality_series.h"

#include <QAbstractSeries>
#include <QChart>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace {

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

// Lines with more points than this per 100 px of plot width are drawn without
// antialiasing: at that density the smoothing is invisible but costs ~3x.
constexpr qsizetype AntialiasedPointsPer100Px = 60;

} // namespace

QualityPlotItem::QualityPlotItem(QChart *chart, QAbstractSeries *anchor, const QColor &color)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_anchor(anchor)
    , m_color(color)
{
    // Above Qt Charts' own series (threshold lines) and grid, below the legend.
    setZValue(8);
    setFlag(ItemClipsToShape, false);
    setAcceptedMouseButtons(Qt::NoButton);
    const QColor markerColors[MeasurementQuality::Count] = {color, QualitySeries::uncertainColor(),
                                                            QualitySeries::badColor(), QualitySeries::unknownColor()};
    const qreal markerSizes[MeasurementQuality::Count] = {6, 7, 9, 7};
    // Dense series carry a marker in nearly every pixel column: smaller ones
    // keep the line and its colour readable underneath.
    const qreal denseMarkerSizes[MeasurementQuality::Count] = {3, 3, 4, 3};
    for (int q = 0; q < MeasurementQuality::Count; ++q) {
        m_markerImages[size_t(q)] = markerImage(markerColors[q], markerSizes[q], q == int(Quality::Bad));
        m_denseMarkerImages[size_t(q)] = markerImage(markerColors[q], denseMarkerSizes[q], false);
        m_pens[size_t(q)] = linePen(color, Quality(q));
        QPen dense = m_pens[size_t(q)];
        dense.setWidth(1);
        dense.setCosmetic(true);
        m_densePens[size_t(q)] = dense;
    }
    m_plotArea = chart->plotArea();
}

QPen QualityPlotItem::linePen(const QColor &color, Quality quality)
{
    QPen pen;
    pen.setWidthF(2.0);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::BevelJoin);
    switch (quality) {
    case Quality::Uncertain:
        pen.setColor(QualitySeries::uncertainColor());
        pen.setStyle(Qt::DashLine);
        break;
    case Quality::Unknown:
        pen.setColor(QualitySeries::unknownColor());
        pen.setStyle(Qt::DotLine);
        break;
    case Quality::Good:
    case Quality::Bad:
        pen.setColor(color);
        pen.setStyle(Qt::SolidLine);
        break;
    }
    return pen;
}

void QualityPlotItem::swapContent(QList<Piece> *pieces, qsizetype pieceCount, MarkerLists *markers, bool dense)
{
    m_dense = dense;
    m_pieces.swap(*pieces);
    m_pieceCount = pieceCount;
    m_markers.swap(*markers);
    update();
}

void QualityPlotItem::setPlotArea(const QRectF &plotArea)
{
    if (plotArea == m_plotArea)
        return;
    prepareGeometryChange();
    m_plotArea = plotArea;
}

void QualityPlotItem::clampMarkerValues(Quality quality, double min, double max)
{
    if (min > max)
        return;
    bool changed = false;
    for (QPointF &p : m_markers[size_t(quality)]) {
        const double y = std::clamp(p.y(), min, max);
        if (y != p.y()) {
            p.setY(y);
            changed = true;
        }
    }
    if (changed)
        update();
}

QRectF QualityPlotItem::boundingRect() const
{
    // Markers at the plot edge reach a few pixels beyond it.
    return m_plotArea.adjusted(-6, -6, 6, 6);
}

QualityPlotItem::Transform QualityPlotItem::transform() const
{
    // Two reference points a large distance apart give the linear mapping of
    // the anchor's domain with full double precision (x is ~1.7e12 ms).
    Transform t;
    const QPointF a = m_chart->mapToPosition(QPointF(0, 0), m_anchor);
    const QPointF b = m_chart->mapToPosition(QPointF(1e9, 1), m_anchor);
    t.px0 = a.x();
    t.py0 = a.y();
    t.sx = (b.x() - a.x()) / 1e9;
    t.sy = b.y() - a.y();
    return t;
}

QPointF QualityPlotItem::toPosition(const QPointF &value) const
{
    const Transform t = transform();
    return {t.px0 + (value.x() - t.x0) * t.sx, t.py0 + (value.y() - t.y0) * t.sy};
}

void QualityPlotItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(option)
    Q_UNUSED(widget)
    if (m_plotArea.isEmpty() || !m_anchor || m_anchor->attachedAxes().size() < 2)
        return;
    const Transform t = transform();
    const auto map = [&t](const QPointF &p) {
        return QPointF(t.px0 + (p.x() - t.x0) * t.sx, t.py0 + (p.y() - t.y0) * t.sy);
    };
    painter->save();
    painter->setClipRect(m_plotArea.adjusted(-1, -1, 1, 1));
    painter->setBrush(Qt::NoBrush);
    const qsizetype densePoints = qsizetype(m_plotArea.width()) * AntialiasedPointsPer100Px / 100;
    for (qsizetype i = 0; i < m_pieceCount; ++i) {
        const Piece &piece = m_pieces.at(i);
        const qsizetype n = piece.points.size();
        if (n < 2)
            continue;
        m_scratch.resize(n);
        QPointF *out = m_scratch.data();
        const QPointF *in = piece.points.constData();
        for (qsizetype k = 0; k < n; ++k)
            out[k] = map(in[k]);
        if (n <= densePoints) {
            painter->setRenderHint(QPainter::Antialiasing, true);
            painter->setPen(m_pens[size_t(piece.quality)]);
            painter->drawPolyline(out, int(n));
            continue;
        }
        // Dense: a wide pen goes through QStroker and the scanline filler,
        // whose cost grows with edges per scanline (a min/max zigzag has
        // thousands). One-pixel cosmetic lines take the raster engine's
        // direct line drawer instead; two of them, a pixel apart, keep the
        // line as heavy as the 2 px pen of sparse data.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(m_densePens[size_t(piece.quality)]);
        painter->drawPolyline(out, int(n));
        for (qsizetype k = 0; k < n; ++k)
            out[k].rx() += 1.0;
        painter->drawPolyline(out, int(n));
    }
    // Markers on top of the lines; bad last so nothing hides it. A marker on
    // the same pixel as the one before it (in dense mode: within a pixel of
    // it) would paint nearly the same pixels again, and dense series have
    // thousands, several per pixel column.
    for (const Quality quality : {Quality::Good, Quality::Unknown, Quality::Uncertain, Quality::Bad}) {
        const QImage &image = (m_dense ? m_denseMarkerImages : m_markerImages)[size_t(quality)];
        const QPointF offset(image.width() / 2.0, image.height() / 2.0);
        const int overlap = m_dense ? 1 : 0;
        bool first = true;
        QPoint last;
        for (const QPointF &p : m_markers[size_t(quality)]) {
            const QPointF pos = map(p) - offset;
            const QPoint corner(int(std::lround(pos.x())), int(std::lround(pos.y())));
            if (!first && std::abs(corner.x() - last.x()) <= overlap && std::abs(corner.y() - last.y()) <= overlap)
                continue;
            first = false;
            last = corner;
            painter->drawImage(corner, image);
        }
    }
    painter->restore();
}
