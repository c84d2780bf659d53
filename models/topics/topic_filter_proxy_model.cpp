#include "topic_filter_proxy_model.h"

#include "topic_tree_model.h"

#include <algorithm>

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Length of the digit run starting at pos.
qsizetype digitRunLength(QStringView text, qsizetype pos)
{
    qsizetype end = pos;
    while (end < text.size() && isAsciiDigit(text.at(end)))
        ++end;
    return end - pos;
}

int sign(qsizetype value)
{
    return value < 0 ? -1 : (value > 0 ? 1 : 0);
}

} // namespace

TopicFilterProxyModel::TopicFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    connect(this, &QAbstractProxyModel::sourceModelChanged, this, [this] {
        const bool fastPath = qobject_cast<TopicTreeModel *>(sourceModel()) != nullptr;
        // The fast path decides about ancestors itself; Qt's recursion would
        // visit every rejected subtree again.
        setRecursiveFilteringEnabled(!fastPath);
        if (!fastPath)
            return;
        connect(sourceModel(), &QAbstractItemModel::rowsInserted, this, &TopicFilterProxyModel::checkInsertedRows);
        connect(sourceModel(), &QAbstractItemModel::modelReset, this, &TopicFilterProxyModel::rebuildMatches);
        connect(static_cast<TopicTreeModel *>(sourceModel()), &TopicTreeModel::batchAdded, this, [this] {
            if (!m_rowsFilterPending)
                return;
            m_rowsFilterPending = false;
            invalidateRowsFilter();
        });
        rebuildMatches();
    });
}

TopicFilterProxyModel::~TopicFilterProxyModel() = default;

void TopicFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    updateFilter();
}

QString TopicFilterProxyModel::filterText() const
{
    return m_filterText;
}

void TopicFilterProxyModel::setTopicFilterSyntaxEnabled(bool enabled)
{
    if (enabled == m_topicFilterSyntax)
        return;
    m_topicFilterSyntax = enabled;
    updateFilter();
}

bool TopicFilterProxyModel::isTopicFilterSyntaxEnabled() const
{
    return m_topicFilterSyntax;
}

TopicFilterProxyModel::FilterMode TopicFilterProxyModel::filterMode() const
{
    return m_mode;
}

TopicFilter::ValidationError TopicFilterProxyModel::filterError() const
{
    return m_filterError;
}

void TopicFilterProxyModel::setSortingEnabled(bool enabled)
{
    if (enabled == m_sortingEnabled)
        return;
    m_sortingEnabled = enabled;
    if (enabled)
        sort(sortColumn() >= 0 ? sortColumn() : static_cast<int>(TopicTreeModel::NameColumn), sortOrder());
    else
        sort(-1);
}

bool TopicFilterProxyModel::isSortingEnabled() const
{
    return m_sortingEnabled;
}

int TopicFilterProxyModel::naturalCompare(QStringView left, QStringView right)
{
    qsizetype i = 0;
    qsizetype j = 0;
    // Earlier difference in leading zeros ("02" vs "2"), used only on a tie.
    int zeroTieBreak = 0;
    while (i < left.size() && j < right.size()) {
        if (isAsciiDigit(left.at(i)) && isAsciiDigit(right.at(j))) {
            const qsizetype leftRun = digitRunLength(left, i);
            const qsizetype rightRun = digitRunLength(right, j);
            qsizetype leftZeros = 0;
            while (leftZeros + 1 < leftRun && left.at(i + leftZeros) == u'0')
                ++leftZeros;
            qsizetype rightZeros = 0;
            while (rightZeros + 1 < rightRun && right.at(j + rightZeros) == u'0')
                ++rightZeros;
            const QStringView leftDigits = left.sliced(i + leftZeros, leftRun - leftZeros);
            const QStringView rightDigits = right.sliced(j + rightZeros, rightRun - rightZeros);
            if (leftDigits.size() != rightDigits.size())
                return sign(leftDigits.size() - rightDigits.size());
            // Same number of significant digits: lexical order is numeric order.
            if (const int byValue = leftDigits.compare(rightDigits); byValue != 0)
                return sign(byValue);
            if (zeroTieBreak == 0)
                zeroTieBreak = sign(rightZeros - leftZeros);
            i += leftRun;
            j += rightRun;
            continue;
        }
        const char32_t a = left.at(i).toCaseFolded().unicode();
        const char32_t b = right.at(j).toCaseFolded().unicode();
        if (a != b)
            return a < b ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < left.size() || j < right.size())
        return i < left.size() ? 1 : -1;
    if (zeroTieBreak != 0)
        return zeroTieBreak;
    return sign(left.compare(right, Qt::CaseSensitive));
}

bool TopicFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_mode == FilterMode::NoFilter)
        return true;
    if (m_mode == FilterMode::TopicFilter && !m_filterError.isValid())
        return false;
    const QModelIndex source = sourceModel()->index(sourceRow, 0, sourceParent);
    if (isRecursiveFilteringEnabled())
        return topicMatches(source.data(TopicTreeModel::FullTopicRole).toString());
    const quintptr id = source.internalId();
    if (m_matched.contains(id) || m_ancestors.contains(id))
        return true;
    if (m_mode == FilterMode::Substring) {
        for (QModelIndex above = sourceParent; above.isValid(); above = above.parent()) {
            if (m_matched.contains(above.internalId()))
                return true;
        }
    }
    return false;
}

bool TopicFilterProxyModel::topicMatches(QStringView topic) const
{
    if (m_mode == FilterMode::TopicFilter)
        return TopicFilter::matches(m_filterText, topic.toString());
    return topic.contains(m_filterText, Qt::CaseInsensitive);
}

void TopicFilterProxyModel::rebuildMatches()
{
    m_matched.clear();
    m_ancestors.clear();
    auto *tree = qobject_cast<TopicTreeModel *>(sourceModel());
    if (!tree || m_mode == FilterMode::NoFilter || !m_filterError.isValid())
        return;
    if (m_mode == FilterMode::Substring) {
        const TopicTreeModel::SubstringMatches found = tree->findSubstring(m_filterText);
        m_matched = QSet<quintptr>(found.matched.cbegin(), found.matched.cend());
        m_ancestors = QSet<quintptr>(found.ancestors.cbegin(), found.ancestors.cend());
        return;
    }
    const TopicTreeModel::FilterMatches found = tree->findFilterMatches(m_filterText);
    m_matched = QSet<quintptr>(found.matched.cbegin(), found.matched.cend());
    m_ancestors = QSet<quintptr>(found.ancestors.cbegin(), found.ancestors.cend());
}

void TopicFilterProxyModel::checkInsertedRows(const QModelIndex &sourceParent, int first, int last)
{
    if (m_mode == FilterMode::NoFilter || !m_filterError.isValid())
        return;
    // A new branch arrives as one insert at its top: look at everything below it.
    bool revealsHiddenRows = false;
    std::vector<QModelIndex> pending;
    for (int row = first; row <= last; ++row)
        pending.push_back(sourceModel()->index(row, 0, sourceParent));
    while (!pending.empty()) {
        const QModelIndex node = pending.back();
        pending.pop_back();
        if (topicMatches(node.data(TopicTreeModel::FullTopicRole).toString())) {
            m_matched.insert(node.internalId());
            // Qt rejected the directly inserted rows before this slot ran.
            revealsHiddenRows = revealsHiddenRows || node.parent() == sourceParent;
            for (QModelIndex above = node.parent(); above.isValid(); above = above.parent()) {
                if (m_ancestors.contains(above.internalId()))
                    break;
                m_ancestors.insert(above.internalId());
                revealsHiddenRows = true;
            }
            if (m_mode == FilterMode::Substring)
                continue;  // everything below matches too
        }
        for (int row = sourceModel()->rowCount(node) - 1; row >= 0; --row)
            pending.push_back(sourceModel()->index(row, 0, node));
    }
    // Qt does not re-filter rows that it rejected earlier. Ask once the batch
    // is complete (re-filtering in the middle of it confuses the mapping).
    // This happens only when a new branch appears.
    m_rowsFilterPending = m_rowsFilterPending || revealsHiddenRows;
}

bool TopicFilterProxyModel::lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const
{
    if (sourceLeft.column() == TopicTreeModel::NameColumn && sourceRight.column() == TopicTreeModel::NameColumn) {
        const QString left = sourceLeft.data(sortRole()).toString();
        const QString right = sourceRight.data(sortRole()).toString();
        return naturalCompare(left, right) < 0;
    }
    return QSortFilterProxyModel::lessThan(sourceLeft, sourceRight);
}

void TopicFilterProxyModel::updateFilter()
{
    const bool wildcards = m_filterText.contains(u'+') || m_filterText.contains(u'#');
    if (m_filterText.isEmpty()) {
        m_mode = FilterMode::NoFilter;
        m_filterError = {};
    } else if (m_topicFilterSyntax && wildcards) {
        m_mode = FilterMode::TopicFilter;
        m_filterError = TopicFilter::validate(m_filterText);
    } else {
        m_mode = FilterMode::Substring;
        m_filterError = {};
    }
    if (!isRecursiveFilteringEnabled())
        rebuildMatches();
    invalidateFilter();
}
