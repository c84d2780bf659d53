#pragma once

#include "topic_filter.h"

#include <QSet>
#include <QSortFilterProxyModel>

// Filters and optionally sorts a TopicTreeModel (or any tree model that
// provides TopicTreeModel::FullTopicRole on column 0).
//
// Filtering is recursive: a row is shown when its full topic, or the full
// topic of any row below it, is accepted, so matches keep their path
// visible. The filter text is either a case-insensitive substring of the
// full topic or, when it contains '+' or '#' and topic filter syntax is
// enabled (the default), an MQTT topic filter (TopicFilter::matches, case
// sensitive like MQTT itself; "a/#" also shows "a"). A wildcard text that is
// not a valid filter shows no rows; filterError() says why.
//
// Sorting is off by default because re-sorting a tree with a million rows on
// every batch is expensive. When enabled, the Name column sorts naturally
// ("press-2" before "press-10"), the count columns numerically.
// With a TopicTreeModel as source, a new filter text is applied in one
// pass over the tree that records the matching nodes and their ancestors
// (substring: TopicTreeModel::findSubstring(), in parallel; topic filter:
// TopicTreeModel::findFilterMatches(), only the branches the filter reaches);
// filterAcceptsRow() is then a set lookup, and rows
// inserted later are checked as they arrive. Other source models fall back
// to Qt's recursive filtering on FullTopicRole.
// Use from the thread the source model lives in.
class TopicFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class FilterMode {
        NoFilter,        // empty text: everything is shown
        Substring,       // case-insensitive substring of the full topic
        TopicFilter,     // MQTT topic filter with '+' / '#'
    };

    explicit TopicFilterProxyModel(QObject *parent = nullptr);
    ~TopicFilterProxyModel() override;

    void setFilterText(const QString &text);
    QString filterText() const;

    // When disabled, '+' and '#' are plain characters of a substring filter.
    void setTopicFilterSyntaxEnabled(bool enabled);
    bool isTopicFilterSyntaxEnabled() const;

    // How the current text is applied.
    FilterMode filterMode() const;
    // Valid unless filterMode() is TopicFilter and the text is not a valid
    // topic filter (then no row is shown).
    TopicFilter::ValidationError filterError() const;

    // Enabling sorts by sortColumn() (Name when none was chosen) in
    // sortOrder(); disabling returns to the source's arrival order.
    void setSortingEnabled(bool enabled);
    bool isSortingEnabled() const;

    // <0, 0, >0 like QString::compare. Digit runs compare by value
    // ("2" < "10"), everything else case-insensitively; ties are broken
    // case-sensitively so the order is total.
    static int naturalCompare(QStringView left, QStringView right);

protected:
    /* QSortFilterProxyModel implementations */
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;

private:
    void updateFilter();
    void rebuildMatches();
    void checkInsertedRows(const QModelIndex &sourceParent, int first, int last);
    bool topicMatches(QStringView topic) const;
    void markVisible(const QModelIndex &sourceIndex);

    QString m_filterText;
    bool m_topicFilterSyntax = true;
    bool m_sortingEnabled = false;
    FilterMode m_mode = FilterMode::NoFilter;
    TopicFilter::ValidationError m_filterError;
    // Fast path (TopicTreeModel source): internal ids of nodes whose topic
    // matches, and of their ancestors. In substring mode a match implies
    // that every node below it matches too, so those are not listed.
    QSet<quintptr> m_matched;
    QSet<quintptr> m_ancestors;
    bool m_rowsFilterPending = false;  // re-filter at the end of the source's batch
};
