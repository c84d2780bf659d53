#include "message_history_model.h"

#include "payload_format.h"

#include <QDateTime>

MessageHistoryModel::MessageHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MessageHistoryModel::setMessages(const QList<MqttMessage> &oldestFirst)
{
    beginResetModel();
    m_messages = oldestFirst;
    endResetModel();
}

MqttMessage MessageHistoryModel::message(int row) const
{
    if (row < 0 || row >= m_messages.size())
        return {};
    return m_messages.at(m_messages.size() - 1 - row);
}

int MessageHistoryModel::rowForReceivedAt(qint64 receivedAtMs) const
{
    for (int row = 0; row < m_messages.size(); ++row) {
        if (m_messages.at(m_messages.size() - 1 - row).receivedAtMs == receivedAtMs)
            return row;
    }
    return -1;
}

int MessageHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int MessageHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MqttMessage &message = m_messages.at(m_messages.size() - 1 - index.row());
    if (role == ReceivedAtRole)
        return message.receivedAtMs;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == SizeColumn || index.column() == QosColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == PreviewColumn)
        return PayloadFormat::preview(message.payload, 400);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(message.receivedAtMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case SizeColumn:
        return PayloadFormat::formatSize(message.payload.size());
    case QosColumn:
        return message.qos;
    case RetainedColumn:
        return message.retained ? tr("retained") : QString();
    case PreviewColumn:
        return PayloadFormat::preview(message.payload, 120);
    default:
        return {};
    }
}

QVariant MessageHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Received");
    case SizeColumn:
        return tr("Size");
    case QosColumn:
        return tr("QoS");
    case RetainedColumn:
        return tr("Retained");
    case PreviewColumn:
        return tr("Payload");
    default:
        return {};
    }
}
