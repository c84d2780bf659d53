#pragma once

#include "measurement/measurement_sample.h"

#include <QHash>
#include <QLocale>
#include <QPoint>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)
QT_FORWARD_DECLARE_CLASS(QTreeWidgetItem)
class MeasurementStore;
struct MeasurementSeriesInfo;

// The list of measurement series of a store with a search field: source
// (device or topic), measurement, unit, last value and quality. Rows can be
// dragged onto a chart (ChartMimeData) or added with a double-click or the
// Add button (addRequested()). refresh() updates the values of the rows on
// screen (all rows while the list is hidden); the dashboard calls it on a
// slow timer. New series only fill in and search their own rows.
class MeasurementPicker : public QWidget
{
    Q_OBJECT
public:
    explicit MeasurementPicker(MeasurementStore *store, QWidget *parent = nullptr);

    void setSearchText(const QString &text);
    // Keys of the rows that match the search, in display order.
    QList<SeriesKey> visibleKeys() const;
    QTreeWidget *listView() const { return m_list; }
    void refresh();

Q_SIGNALS:
    void addRequested(const QList<SeriesKey> &keys);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSeriesAdded(const QList<SeriesKey> &keys);
    void applySearch();
    QStringList searchWords() const;
    static void applySearchTo(QTreeWidgetItem *item, const QStringList &words);
    void updateItem(QTreeWidgetItem *item, const MeasurementSeriesInfo &info, const QLocale &locale) const;
    QList<SeriesKey> selectedKeys() const;
    static SeriesKey keyOf(const QTreeWidgetItem *item);

    MeasurementStore *m_store = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeWidget *m_list = nullptr;
    QHash<SeriesKey, QTreeWidgetItem *> m_items;
    QPoint m_pressPos;
    bool m_pressed = false;
};
