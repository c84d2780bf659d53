#pragma once

#include "mqtt/mqtt_message.h"

#include <QHash>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)
QT_FORWARD_DECLARE_CLASS(QTreeWidgetItem)

// What this connection published, newest first, with the broker's answer.
// Each row has a one-click "Publish Again"; double-clicking loads the
// message back into the publish panel. Keeps the newest MaximumEntries and
// says how many older entries were dropped.
class PublishHistory : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaximumEntries = 200;

    explicit PublishHistory(QWidget *parent = nullptr);

    // Adds a pending entry and returns its key for setResult().
    int addEntry(const MqttPublishRequest &request);
    void setResult(int key, bool ok, const QString &message);

    int entryCount() const;
    MqttPublishRequest entry(int row) const;   // row 0 is the newest

    // Same as clicking the row's "Publish Again" button.
    void republish(int row);

Q_SIGNALS:
    void republishRequested(const MqttPublishRequest &request);
    void editRequested(const MqttPublishRequest &request);
    void countChanged(int count);

private:
    QTreeWidgetItem *itemForKey(int key) const;

    QTreeWidget *m_list = nullptr;
    QLabel *m_droppedLabel = nullptr;
    QHash<int, MqttPublishRequest> m_requests;
    int m_nextKey = 1;
    qint64 m_dropped = 0;
};
