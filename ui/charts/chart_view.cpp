#include "chart_view.h"

#include "charts/chart_mime_data.h"

#include <QChart>
#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>

ChartView::ChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent)
{
    setAcceptDrops(true);
    setRubberBand(QChartView::HorizontalRubberBand);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
}

void ChartView::dragEnterEvent(QDragEnterEvent *event)
{
    if (ChartMimeData::canDecode(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void ChartView::dragMoveEvent(QDragMoveEvent *event)
{
    if (ChartMimeData::canDecode(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void ChartView::dropEvent(QDropEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (!ChartMimeData::canDecode(data)) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    const QList<SeriesKey> keys = ChartMimeData::series(data);
    if (!keys.isEmpty())
        Q_EMIT seriesDropped(keys);
    const QStringList topics = ChartMimeData::topics(data);
    if (!topics.isEmpty())
        Q_EMIT topicsDropped(topics);
}

void ChartView::mousePressEvent(QMouseEvent *event)
{
    const bool pan = event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ControlModifier));
    if (pan) {
        m_panning = true;
        m_lastPanPos = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint pos = event->position().toPoint();
        const int dx = pos.x() - m_lastPanPos.x();
        m_lastPanPos = pos;
        if (dx != 0)
            chart()->scroll(-dx, 0);
        event->accept();
        return;
    }
    if (event->buttons() == Qt::NoButton)
        Q_EMIT hovered(event->position().toPoint());
    QChartView::mouseMoveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void ChartView::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0) {
        QChartView::wheelEvent(event);
        return;
    }
    const QRectF plot = chart()->plotArea();
    if (event->modifiers().testFlag(Qt::ControlModifier)) {
        // Zoom the time axis around the cursor; the value axes rescale themselves.
        const qreal factor = steps > 0 ? 0.8 : 1.25;
        const qreal anchor = std::clamp(event->position().x() - plot.left(), 0.0, plot.width());
        const qreal left = anchor - anchor * factor;
        QRectF zoomed(plot.left() + left, plot.top(), plot.width() * factor, plot.height());
        chart()->zoomIn(zoomed);
    } else {
        chart()->scroll(-steps * plot.width() / 10.0, 0);
    }
    event->accept();
}

void ChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    Q_EMIT plotWidthChanged();
}
