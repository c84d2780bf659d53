#pragma once

#include "measurement/measurement_sample.h"

#include <QChartView>

// A QChartView for live measurement charts: accepts dropped topics and
// series (ChartMimeData), zooms the time axis with a horizontal rubber band
// (right click zooms out), pans with the middle button or Ctrl+drag and
// with the wheel (Ctrl+wheel zooms in time), and reports hover positions.
// It knows nothing about the data; ChartPanel reacts to its signals.
class ChartView : public QChartView
{
    Q_OBJECT
public:
    explicit ChartView(QChart *chart, QWidget *parent = nullptr);

Q_SIGNALS:
    void topicsDropped(const QStringList &topics);
    void seriesDropped(const QList<SeriesKey> &keys);
    // The mouse rests at pos (viewport coordinates) without a button pressed.
    void hovered(const QPoint &pos);
    void plotWidthChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    bool m_panning = false;
    QPoint m_lastPanPos;
};
