#pragma once

#include "measurement/measurement_sample.h"

#include <QPoint>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QModelIndex)
QT_FORWARD_DECLARE_CLASS(QTreeView)
class MeasurementListModel;
class MeasurementSearchProxy;
class MeasurementStore;

// The list of measurement series of a store with a search field: source
// (device or topic), measurement, unit, last value, quality and clock skew
// (MeasurementListModel, sorted and searched by MeasurementSearchProxy).
// Rows can be dragged onto a chart (ChartMimeData) or added with a
// double-click or the Add button (addRequested()). refresh() shows the newest
// values; the dashboard calls it on a slow timer.
class MeasurementPicker : public QWidget
{
    Q_OBJECT
public:
    explicit MeasurementPicker(MeasurementStore *store, QWidget *parent = nullptr);

    void setSearchText(const QString &text);
    // Keys of the rows that match the search, in display order.
    QList<SeriesKey> visibleKeys() const;
    QTreeView *listView() const { return m_list; }
    void refresh();

Q_SIGNALS:
    void addRequested(const QList<SeriesKey> &keys);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    SeriesKey keyAt(const QModelIndex &proxyIndex) const;
    QList<SeriesKey> selectedKeys() const;

    MeasurementListModel *m_model = nullptr;
    MeasurementSearchProxy *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_list = nullptr;
    QPoint m_pressPos;
    bool m_pressed = false;
};
