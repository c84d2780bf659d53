#pragma once

#include "mqtt/mqtt_session.h"
#include "subscriptions/topic_filter_index.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <vector>

QT_FORWARD_DECLARE_CLASS(QCheckBox)
QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QSpinBox)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)
class FilterPreview;
class SubscriptionBox;
class TopicTreeModel;

// The subscriptions of one connection: a list (filter, QoS, MQTT 5 options,
// enabled, the broker's answer) and a form to add or edit one, with inline
// filter validation and a live preview of the known topics it matches.
//
// It is the connection's single owner of subscriptions: it subscribes the
// enabled ones whenever the session connects, unsubscribes a subscription
// that is disabled (it stays in the list and in the profile) or removed, and
// shows each SUBACK result in words. An optional SubscriptionBox mirrors the
// state of the enabled subscriptions.
//
// subscriptionForTopic() tells which subscription delivered a topic: the MQTT
// 5 subscription identifier of the topic's last message when it names one of
// ours, otherwise the first enabled subscription whose filter matches
// (TopicFilterIndex).
class SubscriptionEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Status { Disabled, WaitingForConnection, Pending, Granted, Refused, Failed };
    Q_ENUM(Status)

    SubscriptionEditor(MqttSession *session, TopicTreeModel *model, QWidget *parent = nullptr);
    ~SubscriptionEditor() override;

    void setStatusBox(SubscriptionBox *box);

    // Replaces the list (e.g. from a profile); subscribes the enabled ones when connected.
    void setSubscriptions(const QList<MqttSubscription> &subscriptions);
    // All subscriptions, disabled ones included (enabled == false), in list order.
    QList<MqttSubscription> subscriptions() const;
    int count() const { return int(m_entries.size()); }
    int rowForFilter(const QString &filter) const;   // -1 when not in the list

    // Adds the subscription, or replaces the one with the same filter.
    void addSubscription(const MqttSubscription &subscription);
    // Replaces row's subscription; an edited filter unsubscribes the old one first.
    void updateSubscription(int row, const MqttSubscription &subscription);
    void removeSubscription(int row);
    void setSubscriptionEnabled(int row, bool enabled);

    Status status(int row) const;
    QString statusText(int row) const;   // "Granted QoS 1", "Refused: not authorized ..."

    // Row of the subscription that delivered the topic, -1 when none is known.
    int subscriptionForTopic(const QString &topic) const;

    /* The form, for keyboard-free use and tests */
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QPushButton *addButton() const { return m_addButton; }
    QString filterErrorText() const;   // empty when the form can be added
    FilterPreview *preview() const { return m_preview; }
    MqttSubscription formSubscription() const;
    void loadIntoForm(const MqttSubscription &subscription);

Q_SIGNALS:
    // The list, an enabled flag or a delivery changed: topic badges may differ.
    void subscriptionsChanged();

private:
    struct Entry
    {
        MqttSubscription subscription;
        Status status = Status::WaitingForConnection;
        QString text;
        MqttSubscribeResult result;
    };

    void sendSubscribe(int row);
    void sendUnsubscribe(const QString &filter);
    void setStatus(int row, Status status, const QString &text = {});
    void onStateChanged(MqttSession::State state);
    void onConnected();
    void onSubscribed(const QList<MqttSubscribeResult> &results);
    void onMessages(const QList<MqttMessage> &messages);
    void rebuildRows();
    void updateRow(int row);
    void rebuildIndex();
    void validateForm();
    void onSelectionChanged();
    int selectedRow() const;
    bool isMqtt5() const;

    QPointer<MqttSession> m_session;
    std::vector<Entry> m_entries;
    TopicFilterIndex m_index;                       // enabled filters, id = row
    QHash<QString, quint32> m_deliveredBy;           // topic -> subscription identifier of its last message
    QPointer<SubscriptionBox> m_box;

    QTreeWidget *m_list = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QComboBox *m_qosCombo = nullptr;
    QCheckBox *m_noLocalCheck = nullptr;
    QCheckBox *m_retainAsPublishedCheck = nullptr;
    QComboBox *m_retainHandlingCombo = nullptr;
    QSpinBox *m_identifierSpin = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_toggleButton = nullptr;
    FilterPreview *m_preview = nullptr;
};
