#pragma once

#include "topics/topic_tree_model.h"

#include <QAbstractItemModel>
#include <QStringList>

// The tree as data: one line per row, two spaces of indentation per level,
// "<name> | <subtree messages> | <subtree topics>" and a trailing " *" when a
// message arrived on exactly that topic. Works on the model and on proxies.
inline void dumpTree(const QAbstractItemModel &model, const QModelIndex &parent, int depth,
                     QStringList &lines)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex name = model.index(row, TopicTreeModel::NameColumn, parent);
        const QString line = QStringLiteral("%1%2 | %3 | %4%5")
                                 .arg(QString(depth * 2, u' '), name.data().toString(),
                                      model.index(row, TopicTreeModel::MessagesColumn, parent).data().toString(),
                                      model.index(row, TopicTreeModel::TopicsColumn, parent).data().toString(),
                                      name.data(TopicTreeModel::HasMessageRole).toBool()
                                          ? QStringLiteral(" *")
                                          : QString());
        lines.append(line);
        dumpTree(model, name, depth + 1, lines);
    }
}

inline QStringList dumpTree(const QAbstractItemModel &model)
{
    QStringList lines;
    dumpTree(model, {}, 0, lines);
    return lines;
}
