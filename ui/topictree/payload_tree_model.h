#pragma once

#include "payload/payload_tree_node.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>

// Presents a decoded payload's tree (JSON, CBOR) as a collapsible item model:
// Name (key or index), Value (scalars) and Type. Read-only; the tree is shared
// with the DecodedPayload it came from and never copied.
class PayloadTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, TypeColumn, ColumnCount };

    explicit PayloadTreeModel(QObject *parent = nullptr);
    ~PayloadTreeModel() override;

    void setTree(std::shared_ptr<const PayloadTreeNode> tree);
    std::shared_ptr<const PayloadTreeNode> tree() const { return m_tree; }
    // The root's children are the top-level rows; a scalar root is one row.

    static QString kindName(PayloadTreeNode::Kind kind);   // translated

    /* QAbstractItemModel implementations */
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Location
    {
        const PayloadTreeNode *parent = nullptr;
        int row = 0;
    };

    const PayloadTreeNode *nodeFor(const QModelIndex &index) const;
    const PayloadTreeNode *topNode() const;   // node whose children are the top-level rows
    void indexParents(const PayloadTreeNode *node);

    std::shared_ptr<const PayloadTreeNode> m_tree;
    PayloadTreeNode m_scalarHolder;            // wraps a scalar root so it shows as one row
    QHash<const PayloadTreeNode *, Location> m_locations;   // child -> (parent, row)
};
