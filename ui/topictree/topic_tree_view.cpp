#include "topic_tree_view.h"

#include "charts/chart_mime_data.h"
#include "topic_tree_delegate.h"
#include "topics/topic_tree_model.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QDrag>
#include <QHeaderView>
#include <QMenu>
#include <QMouseEvent>

TopicTreeView::TopicTreeView(QWidget *parent)
    : QTreeView(parent)
{
    setUniformRowHeights(true);
    setAnimated(false);
    setAllColumnsShowFocus(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setTextElideMode(Qt::ElideRight);
    setItemDelegate(new TopicTreeDelegate(this));
    setContextMenuPolicy(Qt::CustomContextMenu);
    header()->setStretchLastSection(false);
    header()->setSectionsMovable(false);
    connect(this, &QWidget::customContextMenuRequested, this, &TopicTreeView::showContextMenu);

    m_activityTimer.setObjectName(QStringLiteral("topicActivity"));
    m_activityTimer.setInterval(1000);
    connect(&m_activityTimer, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
}

void TopicTreeView::setModel(QAbstractItemModel *model)
{
    QTreeView::setModel(model);
    applyInitialColumnWidths();
}

void TopicTreeView::applyInitialColumnWidths()
{
    if (!model())
        return;
    // Widths are set once from the font; resize-to-contents would measure
    // every visible row on every update.
    QHeaderView *h = header();
    const QFontMetrics metrics = fontMetrics();
    const int countWidth = metrics.horizontalAdvance(QStringLiteral("0000000")) + 24;
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(TopicTreeModel::ValueColumn, QHeaderView::Stretch);
    h->resizeSection(TopicTreeModel::NameColumn, metrics.horizontalAdvance(QLatin1Char('m')) * 22);
    h->resizeSection(TopicTreeModel::MessagesColumn, countWidth);
    h->resizeSection(TopicTreeModel::TopicsColumn, countWidth - 12);
}

QString TopicTreeView::currentTopic() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.data(TopicTreeModel::FullTopicRole).toString() : QString();
}

void TopicTreeView::revealIndex(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        expand(parent);
    setCurrentIndex(index);
    scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void TopicTreeView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    // Under a flood the model reports changed values 25 times a second in
    // ranges of up to thousands of rows. QTreeView would look up each row's
    // position, height and children (a fifth of the GUI thread at 45k msg/s).
    // Rows here have uniform heights and are not edited, so a repaint is all
    // a change needs, and none when the rows are under a collapsed parent.
    // A screen reader is told about every change, as QTreeView does.
    if (topLeft.parent() != bottomRight.parent() || QAccessible::isActive()) {
        QTreeView::dataChanged(topLeft, bottomRight, roles);
        return;
    }
    for (QModelIndex parent = topLeft.parent(); parent.isValid(); parent = parent.parent()) {
        if (!isExpanded(parent))
            return;
    }
    viewport()->update();
}

void TopicTreeView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTreeView::currentChanged(current, previous);
    const QString topic = current.isValid() ? current.data(TopicTreeModel::FullTopicRole).toString() : QString();
    const QString before = previous.isValid() ? previous.data(TopicTreeModel::FullTopicRole).toString() : QString();
    if (topic != before)
        Q_EMIT currentTopicChanged(topic);
}

void TopicTreeView::showEvent(QShowEvent *event)
{
    QTreeView::showEvent(event);
    m_activityTimer.start();
}

void TopicTreeView::hideEvent(QHideEvent *event)
{
    QTreeView::hideEvent(event);
    m_activityTimer.stop();
}

void TopicTreeView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return;
    const QString topic = index.data(TopicTreeModel::FullTopicRole).toString();
    const bool hasMessage = index.data(TopicTreeModel::HasMessageRole).toBool();
    const bool retained = index.data(TopicTreeModel::RetainedRole).toBool()
        && index.data(TopicTreeModel::PayloadSizeRole).toLongLong() > 0;

    QMenu menu(this);
    menu.addAction(tr("Copy Topic"), this, [topic] { QApplication::clipboard()->setText(topic); });
    // Messages keep arriving while the menu is open; persistent indexes follow row moves.
    const QPersistentModelIndex persistent(index);
    QAction *copyPayload = menu.addAction(tr("Copy Payload"), this, [persistent] {
        QApplication::clipboard()->setText(QString::fromUtf8(persistent.data(TopicTreeModel::LastPayloadRole).toByteArray()));
    });
    copyPayload->setEnabled(hasMessage);
    menu.addSeparator();
    menu.addAction(tr("Publish to This Topic"), this, [this, topic] { Q_EMIT publishToTopicRequested(topic); });
    QAction *clearRetained = menu.addAction(tr("Clear Retained Message…"), this, [this, topic] {
        Q_EMIT clearRetainedRequested(topic);
    });
    clearRetained->setEnabled(retained);
    if (!retained)
        clearRetained->setToolTip(tr("The broker holds no retained message for this topic."));
    menu.addSeparator();
    menu.addAction(tr("Expand All Below"), this, [this, persistent] {
        if (persistent.isValid())
            expandRecursively(persistent);
    });
    menu.addAction(tr("Collapse"), this, [this, persistent] {
        if (persistent.isValid())
            collapse(persistent);
    });
    menu.exec(viewport()->mapToGlobal(pos));
}

void TopicTreeView::mousePressEvent(QMouseEvent *event)
{
    QTreeView::mousePressEvent(event);
    m_dragIndex = event->button() == Qt::LeftButton ? QPersistentModelIndex(indexAt(event->position().toPoint()))
                                                    : QPersistentModelIndex();
    m_dragStartPos = event->position().toPoint();
}

void TopicTreeView::mouseMoveEvent(QMouseEvent *event)
{
    // The model has no drag flags; the topic is all a chart needs.
    if (m_dragIndex.isValid() && (event->buttons() & Qt::LeftButton)
        && (event->position().toPoint() - m_dragStartPos).manhattanLength() >= QApplication::startDragDistance()) {
        const QString topic = m_dragIndex.data(TopicTreeModel::FullTopicRole).toString();
        m_dragIndex = QPersistentModelIndex();
        if (!topic.isEmpty()) {
            auto *drag = new QDrag(this);
            drag->setMimeData(ChartMimeData::fromTopics({topic}));
            drag->exec(Qt::CopyAction);
            return;
        }
    }
    QTreeView::mouseMoveEvent(event);
}
