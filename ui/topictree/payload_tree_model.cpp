#include "payload_tree_model.h"

PayloadTreeModel::PayloadTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

PayloadTreeModel::~PayloadTreeModel() = default;

void PayloadTreeModel::setTree(std::shared_ptr<const PayloadTreeNode> tree)
{
    beginResetModel();
    m_tree = std::move(tree);
    m_locations.clear();
    m_scalarHolder = {};
    if (m_tree && m_tree->kind != PayloadTreeNode::Kind::Object && m_tree->kind != PayloadTreeNode::Kind::Array)
        m_scalarHolder.children.push_back(*m_tree);
    if (const PayloadTreeNode *top = topNode())
        indexParents(top);
    endResetModel();
}

QString PayloadTreeModel::kindName(PayloadTreeNode::Kind kind)
{
    switch (kind) {
    case PayloadTreeNode::Kind::Object:
        return tr("object");
    case PayloadTreeNode::Kind::Array:
        return tr("array");
    case PayloadTreeNode::Kind::String:
        return tr("string");
    case PayloadTreeNode::Kind::Number:
        return tr("number");
    case PayloadTreeNode::Kind::Boolean:
        return tr("boolean");
    case PayloadTreeNode::Kind::Null:
        return tr("null");
    case PayloadTreeNode::Kind::Undefined:
        return tr("undefined");
    case PayloadTreeNode::Kind::Bytes:
        return tr("bytes");
    case PayloadTreeNode::Kind::Tag:
        return tr("tag");
    case PayloadTreeNode::Kind::Simple:
        return tr("simple value");
    }
    return {};
}

const PayloadTreeNode *PayloadTreeModel::topNode() const
{
    if (!m_tree)
        return nullptr;
    return m_scalarHolder.children.empty() ? m_tree.get() : &m_scalarHolder;
}

void PayloadTreeModel::indexParents(const PayloadTreeNode *node)
{
    // Iterative: decoders allow nesting up to PayloadDecoder::MaximumNestingDepth.
    std::vector<const PayloadTreeNode *> pending{node};
    while (!pending.empty()) {
        const PayloadTreeNode *current = pending.back();
        pending.pop_back();
        for (size_t i = 0; i < current->children.size(); ++i) {
            const PayloadTreeNode *child = &current->children[i];
            m_locations.insert(child, Location{current, int(i)});
            if (!child->children.empty())
                pending.push_back(child);
        }
    }
}

const PayloadTreeNode *PayloadTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const PayloadTreeNode *>(index.internalPointer()) : topNode();
}

QModelIndex PayloadTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const PayloadTreeNode *node = nodeFor(parent);
    return createIndex(row, column, const_cast<PayloadTreeNode *>(&node->children[size_t(row)]));
}

QModelIndex PayloadTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const auto it = m_locations.constFind(nodeFor(child));
    if (it == m_locations.cend() || it->parent == topNode())
        return {};
    const PayloadTreeNode *parentNode = it->parent;
    const auto parentIt = m_locations.constFind(parentNode);
    if (parentIt == m_locations.cend())
        return {};
    return createIndex(parentIt->row, 0, const_cast<PayloadTreeNode *>(parentNode));
}

int PayloadTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const PayloadTreeNode *node = nodeFor(parent);
    return node ? int(node->children.size()) : 0;
}

int PayloadTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PayloadTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const PayloadTreeNode *node = nodeFor(index);
    switch (index.column()) {
    case NameColumn:
        return node->name;
    case ValueColumn:
        if (node->kind == PayloadTreeNode::Kind::Object || node->kind == PayloadTreeNode::Kind::Array)
            return node->children.size() == 1 ? tr("1 item") : tr("%1 items").arg(node->children.size());
        return node->value;
    case TypeColumn:
        return kindName(node->kind);
    default:
        return {};
    }
}

QVariant PayloadTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}
