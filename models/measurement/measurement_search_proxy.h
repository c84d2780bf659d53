#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

// Sorts a MeasurementListModel (numbers as numbers) and keeps the rows whose
// source, measurement, unit or topic contain every word of the search text,
// ignoring case ("press-7 bar" finds press-7's series in bar).
class MeasurementSearchProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MeasurementSearchProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};
