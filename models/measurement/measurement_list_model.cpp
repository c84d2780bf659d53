#include "measurement_list_model.h"

#include "measurement/measurement_store.h"

#include <QLocale>

#include <algorithm>
#include <limits>

MeasurementListModel::MeasurementListModel(MeasurementStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(m_store, &MeasurementStore::seriesAdded, this, &MeasurementListModel::onSeriesAdded);
    connect(m_store, &MeasurementStore::cleared, this, &MeasurementListModel::onCleared);
    onSeriesAdded(m_store->seriesKeys());
}

SeriesKey MeasurementListModel::keyAt(int row) const
{
    return row >= 0 && row < m_keys.size() ? m_keys.at(row) : SeriesKey{};
}

void MeasurementListModel::refresh()
{
    if (m_keys.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, UnitColumn), index(int(m_keys.size()) - 1, SkewColumn));
}

int MeasurementListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int MeasurementListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MeasurementListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_keys.size())
        return {};
    const SeriesKey &key = m_keys.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::TextAlignmentRole:
        return column == ValueColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SearchTextRole: {
        const MeasurementSeriesInfo info = m_store->seriesInfo(key);
        return QStringList{key.source, key.measurement, info.unit, info.topic}.join(u' ');
    }
    case Qt::DisplayRole:
    case SortRole:
        break;
    case Qt::ToolTipRole:
        if (column == SourceColumn) {
            const MeasurementSeriesInfo info = m_store->seriesInfo(key);
            return tr("%1\nTopic: %2\n%3 samples held, %4 evicted").arg(key.source, info.topic).arg(info.size).arg(info.evictedCount);
        }
        if (column == SkewColumn) {
            const auto skew = m_store->clockSkew(key.source);
            if (!skew)
                return {};
            const int observations = int(std::min<qint64>(skew->observations, std::numeric_limits<int>::max()));
            return tr("Receive time minus device time for %1: median %2 ms, latest %3 ms (%n sample(s))", nullptr, observations)
                .arg(key.source)
                .arg(skew->medianMs)
                .arg(skew->latestMs);
        }
        return {};
    default:
        return {};
    }
    const bool sorting = role == SortRole;
    switch (column) {
    case SourceColumn:
        return key.source;
    case MeasurementColumn:
        return key.measurement;
    case SkewColumn: {
        // Receive time minus device time: positive means the device clock is behind.
        const auto skew = m_store->clockSkew(key.source);
        if (!skew)
            return sorting ? QVariant(std::numeric_limits<qint64>::min()) : QVariant();
        return sorting ? QVariant(skew->medianMs) : QVariant(ClockSkewEstimator::displayText(skew->medianMs));
    }
    default:
        break;
    }
    const MeasurementSeriesInfo info = m_store->seriesInfo(key);
    switch (column) {
    case UnitColumn:
        return info.unit;
    case ValueColumn:
        if (!info.last)
            return sorting ? QVariant(std::numeric_limits<double>::lowest()) : QVariant();
        return sorting ? QVariant(info.last->value) : QVariant(QLocale().toString(info.last->value, 'g', 6));
    case QualityColumn:
        return info.last ? MeasurementQuality::displayName(info.last->quality) : QString();
    default:
        return {};
    }
}

QVariant MeasurementListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SourceColumn:
        return tr("Device / topic");
    case MeasurementColumn:
        return tr("Measurement");
    case UnitColumn:
        return tr("Unit");
    case ValueColumn:
        return tr("Last");
    case QualityColumn:
        return tr("Quality");
    case SkewColumn:
        return tr("Clock skew");
    default:
        return {};
    }
}

void MeasurementListModel::onSeriesAdded(const QList<SeriesKey> &keys)
{
    QList<SeriesKey> fresh;
    for (const SeriesKey &key : keys) {
        if (!m_known.contains(key))
            fresh.append(key);
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_keys.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const SeriesKey &key : std::as_const(fresh)) {
        m_known.insert(key);
        m_keys.append(key);
    }
    endInsertRows();
}

void MeasurementListModel::onCleared()
{
    beginResetModel();
    m_keys.clear();
    m_known.clear();
    endResetModel();
}
