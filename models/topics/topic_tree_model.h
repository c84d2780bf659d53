#pragma once

#include "mqtt/mqtt_message.h"

#include <QAbstractItemModel>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

// Bounds for the per-topic message history. Whichever is hit first evicts
// the oldest messages; evictions are counted per topic (EvictedCountRole).
// maxBytes counts payload bytes. The newest message is always kept, even
// when it alone is larger than maxBytes. maxMessages below 1 is treated as 1
// and a negative maxBytes as 0.
struct HistoryLimits
{
    int maxMessages = 100;
    qint64 maxBytes = 4 * 1024 * 1024;
};

// The topic trie as a tree model: one row per topic level.
//
// Messages are added in batches (addMessages); structural changes of one
// batch are announced with one beginInsertRows/endInsertRows per parent and
// value changes are coalesced into dataChanged() emitted at most once per
// flush with explicit roles. dataChanged() covers only rows whose parent's
// children somebody has asked for (index(), rowCount(), parent() or
// indexForTopic() on them): nobody can hold an index of the others, and
// under a flood most parents are collapsed and never asked.
// $SYS topics live under their own "$SYS" root.
// GUI-free: roles return semantic values, ui/ delegates decide colours.
//
// Rows are appended in arrival order and never move; sorting belongs in a
// proxy (TopicFilterProxyModel). Empty levels ("a//b", "/a") are real rows:
// the Name column shows a placeholder, FullTopicRole is the exact topic.
// Custom roles answer on every column; Qt::ToolTipRole on the Name column is
// the full topic. For rows that never received a message (pure path levels)
// the per-message roles return an invalid QVariant and HasMessageRole false.
//
// Memory: a node stores its level name only (full topics are built on demand
// by walking up), and per-topic data is allocated on the first message.
// Not thread-safe: use it from the thread it lives in (normally the GUI thread).
class TopicTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, MessagesColumn, TopicsColumn, ColumnCount };
    enum Role {
        FullTopicRole = Qt::UserRole + 1,   // QString "a/b/c"
        HasMessageRole,                     // bool: a message arrived on exactly this topic
        LastPayloadRole,                    // QByteArray
        PayloadSizeRole,                    // qint64, last payload
        QosRole,                            // int
        RetainedRole,                       // bool
        MessageCountRole,                   // qint64, this topic
        SubtreeMessageCountRole,            // qint64, this topic and all below
        SubtreeTopicCountRole,              // qint64, topics with messages at and below
        LastReceivedRole,                   // QDateTime
        EvictedCountRole,                   // qint64, history entries evicted
    };

    explicit TopicTreeModel(QObject *parent = nullptr);
    ~TopicTreeModel() override;

    // Applies to existing histories at once: histories over the new bounds
    // drop their oldest entries (counted as evicted, announced via dataChanged).
    void setHistoryLimits(const HistoryLimits &limits);
    HistoryLimits historyLimits() const;

    // 0 (the default): value changes are announced (dataChanged) at the end
    // of each addMessages(). Above 0: they are collected over that many
    // milliseconds and announced together from a timer, so a view under a
    // message flood repaints at that pace rather than once per batch. Row
    // insertions and topicUpdated() are never delayed. Negative means 0.
    void setUpdateIntervalMs(int milliseconds);
    int updateIntervalMs() const;

    // Adds one batch. Call from the model's thread.
    // Order of signals: rowsAboutToBeInserted/rowsInserted once per parent
    // that gained rows, then dataChanged per parent of changed rows (one
    // signal for the Name column with the custom roles, one for the other
    // columns with Qt::DisplayRole plus the custom roles; later, from a
    // timer, when updateIntervalMs() > 0), then topicUpdated once per
    // distinct topic of the batch, in order of first appearance.
    // Topics are taken as received (brokers only deliver valid names); a
    // retained message with an empty payload ("retained cleared") is recorded
    // like any other message, so the topic stays visible.
    // Slots connected to topicUpdated may call addMessages() or clear();
    // slots connected to the row and dataChanged signals must not.
    void addMessages(const QList<MqttMessage> &messages);
    void clear();

    QModelIndex indexForTopic(const QString &topic) const;   // invalid if unknown
    QList<MqttMessage> history(const QModelIndex &index) const; // oldest first
    // Depth-first walk over every row the model has announced, parents
    // before children, with each node's full topic built incrementally (no
    // allocation per node). id is the node's QModelIndex::internalId(),
    // depth 0 for top-level rows. Return false to skip a node's children.
    // This is what makes searching a million topics cheap; the model must
    // not change during the walk.
    using NodeVisitor = std::function<bool(quintptr id, int depth, QStringView topic)>;
    void walk(const NodeVisitor &visitor) const;

    // Result of findSubstring(), as QModelIndex::internalId() values.
    struct SubstringMatches
    {
        std::vector<quintptr> matched;     // topmost matching rows; every row below one matches too
        std::vector<quintptr> ancestors;   // rows above a matched row, each once, in no particular order
    };
    // The rows whose full topic contains text, compared like
    // QStringView::contains(text, Qt::CaseInsensitive), over every row the
    // model has announced. The tree is split into subtrees searched in
    // parallel on the global thread pool; the call returns when all are done.
    // Call from the model's thread (the model must not change meanwhile);
    // an empty text matches nothing.
    SubstringMatches findSubstring(const QString &text) const;

    // Result of findFilterMatches(), as QModelIndex::internalId() values.
    struct FilterMatches
    {
        std::vector<quintptr> matched;     // every matching row (rows below a match need not match)
        std::vector<quintptr> ancestors;   // rows above a matched row, each once, in no particular order
    };
    // The announced rows whose full topic matches the MQTT topic filter
    // (TopicFilter::matches(): "a/#" also matches "a", leading wildcards skip
    // '$' topics, a $share prefix is ignored). Only the branches the
    // filter's levels lead into are visited. Nothing matches an invalid
    // filter. Call from the model's thread.
    FilterMatches findFilterMatches(const QString &filter) const;

    qint64 topicCount() const;     // topics that received at least one message
    qint64 messageCount() const;   // all messages ever added

    /* QAbstractItemModel implementations */
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // Emitted once per addMessages() after all its row and data signals,
    // before the topicUpdated() signals of that batch.
    void batchAdded();
    // Emitted after a batch touched the topic's history; views showing it refresh.
    void topicUpdated(const QString &topic);

private:
    struct Node;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column) const;
    void markDirty(Node *node);
    void emitDirtyRanges();

    std::unique_ptr<Node> m_root;
    HistoryLimits m_limits;
    qint64 m_topicCount = 0;
    qint64 m_messageCount = 0;
    std::vector<Node *> m_dirty;   // nodes whose data changed since the last emitDirtyRanges()
    int m_updateIntervalMs = 0;
    QTimer m_updateTimer;          // single shot; emitDirtyRanges() when updateIntervalMs() > 0
};
