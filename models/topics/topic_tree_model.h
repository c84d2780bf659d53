#pragma once

#include "mqtt/mqtt_message.h"

#include <QAbstractItemModel>

#include <memory>

// Bounds for the per-topic message history. Whichever is hit first evicts
// the oldest messages; evictions are counted per topic (EvictedCountRole).
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
// flush with explicit roles. $SYS topics live under their own "$SYS" root.
// GUI-free: roles return semantic values, ui/ delegates decide colours.
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

    void setHistoryLimits(const HistoryLimits &limits);
    HistoryLimits historyLimits() const;

    // Adds one batch. Call from the model's thread.
    void addMessages(const QList<MqttMessage> &messages);
    void clear();

    QModelIndex indexForTopic(const QString &topic) const;   // invalid if unknown
    QList<MqttMessage> history(const QModelIndex &index) const; // oldest first
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
    // Emitted after a batch touched the topic's history; views showing it refresh.
    void topicUpdated(const QString &topic);

private:
    struct Node;
    std::unique_ptr<Node> m_root;
    HistoryLimits m_limits;
    qint64 m_topicCount = 0;
    qint64 m_messageCount = 0;
    // (implementation may add members)
};
