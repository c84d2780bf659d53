#pragma once

#include "mqtt/mqtt_message.h"

#include <QAbstractTableModel>
#include <QList>

// Presentation of one topic's history for the message view: newest first,
// rows formatted on demand. It only mirrors what TopicTreeModel::history()
// returns; the history itself (and its limits) lives in the topic model.
class MessageHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, SizeColumn, QosColumn, RetainedColumn, PreviewColumn, ColumnCount };
    enum Role { ReceivedAtRole = Qt::UserRole + 1 };

    explicit MessageHistoryModel(QObject *parent = nullptr);

    // oldestFirst as returned by TopicTreeModel::history().
    void setMessages(const QList<MqttMessage> &oldestFirst);
    MqttMessage message(int row) const;   // row 0 is the newest
    int rowForReceivedAt(qint64 receivedAtMs) const;   // -1 when not present

    /* QAbstractItemModel implementations */
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MqttMessage> m_messages;   // oldest first, as delivered
};
