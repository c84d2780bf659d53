#include "measurement_search_proxy.h"

#include "measurement/measurement_list_model.h"

#include <algorithm>

MeasurementSearchProxy::MeasurementSearchProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MeasurementListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(false);
}

void MeasurementSearchProxy::setSearchText(const QString &text)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool MeasurementSearchProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QString haystack = sourceModel()->index(sourceRow, 0, sourceParent).data(MeasurementListModel::SearchTextRole).toString();
    return std::all_of(m_words.cbegin(), m_words.cend(),
                       [&haystack](const QString &word) { return haystack.contains(word, Qt::CaseInsensitive); });
}
