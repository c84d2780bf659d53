#pragma once

#include "measurement/measurement_sample.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

class MeasurementStore;

// The series of a MeasurementStore as a table (one row per series, in the
// order they appeared): source, measurement, unit, last value, its quality
// and the source's clock skew. The values are read from the store when a
// view asks for them, so a row costs no more than its key.
//
// New series are appended in one insertion per store batch; refresh() tells
// views that values changed (views repaint only the rows on screen), so
// neither costs more with 10,000 series on the list. Sort and search with
// MeasurementSearchProxy.
class MeasurementListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SourceColumn, MeasurementColumn, UnitColumn, ValueColumn, QualityColumn, SkewColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers for the value and skew columns, text otherwise
        SearchTextRole,                // source, measurement, unit and topic in one text
    };

    explicit MeasurementListModel(MeasurementStore *store, QObject *parent = nullptr);

    SeriesKey keyAt(int row) const;
    // Values, units and skews changed: views fetch the rows they show again.
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onSeriesAdded(const QList<SeriesKey> &keys);
    void onCleared();

    MeasurementStore *m_store = nullptr;
    QList<SeriesKey> m_keys;      // arrival order
    QSet<SeriesKey> m_known;      // the keys in m_keys
};
