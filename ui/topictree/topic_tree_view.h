#pragma once

#include <QTimer>
#include <QTreeView>

// The topic tree, set up for high message rates: uniform row heights, no
// animations, no automatic expansion and no per-update column resizing.
// Works on any model exposing TopicTreeModel's roles (normally the filter
// proxy) and reports topics by their full name.
class TopicTreeView : public QTreeView
{
    Q_OBJECT
public:
    explicit TopicTreeView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // Full topic of the current row, empty when none.
    QString currentTopic() const;
    // Expands the parents of index (a view-model index), selects and shows it.
    void revealIndex(const QModelIndex &index);

Q_SIGNALS:
    void currentTopicChanged(const QString &topic);
    void clearRetainedRequested(const QString &topic);
    void publishToTopicRequested(const QString &topic);

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    // Dragging a row carries its topic (ChartMimeData) to the charts.
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void showContextMenu(const QPoint &pos);
    void applyInitialColumnWidths();

    // Repaints once a second so "active" message counts fade without new messages.
    QTimer m_activityTimer;
    QPoint m_dragStartPos;
    QPersistentModelIndex m_dragIndex;
};
