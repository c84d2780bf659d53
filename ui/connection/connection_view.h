#pragma once

#include "mqtt/mqtt_session.h"
#include "profiles/connection_profile.h"

#include <QHash>
#include <QIcon>
#include <QTimer>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QAction)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QSplitter)
QT_FORWARD_DECLARE_CLASS(QTabWidget)
class ChartDashboard;
class LiveTextLabel;
class MessageView;
class PublishHistory;
class PublishPanel;
class ShadowEditor;
class SubscriptionBox;
class SubscriptionEditor;
class TopicFilterProxyModel;
class TopicTreeModel;
class TopicTreeView;

// One open connection: owns its MqttSession, the topic model and its filter
// proxy, and lays out the toolbar (connect/disconnect, state), the
// subscriptions, the topic tree, the message view and the publish panel.
//
// Incoming batches go straight into TopicTreeModel::addMessages(); counts and
// the state countdown refresh on timers, never per message.
class ConnectionView : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionView(const ConnectionProfile &profile, QWidget *parent = nullptr);
    ~ConnectionView() override;

    // The profile this view was opened with, with the current subscriptions.
    ConnectionProfile profile() const;
    QString title() const;
    // "Connecting to host:port…", "Connected to host:port",
    // "Connection lost: <reason>. Retrying in N s", "Failed: <reason>".
    QString stateText() const;
    QIcon stateIcon() const;

    MqttSession *session() const { return m_session; }
    TopicTreeModel *topicModel() const { return m_model; }
    TopicFilterProxyModel *proxyModel() const { return m_proxy; }
    TopicTreeView *topicTreeView() const { return m_tree; }
    MessageView *messageView() const { return m_messageView; }
    ChartDashboard *chartDashboard() const { return m_chartDashboard; }
    PublishPanel *publishPanel() const { return m_publishPanel; }
    PublishHistory *publishHistory() const { return m_publishHistory; }
    SubscriptionBox *subscriptionBox() const { return m_subscriptionBox; }
    SubscriptionEditor *subscriptionEditor() const { return m_subscriptionEditor; }
    QString countsText() const;
    // "dropped N messages" once the session's backlog bound dropped any; empty before.
    QString droppedText() const;

    void connectToBroker();
    void disconnectFromBroker();
    // Remembered for this view: (re-)sent whenever the session connects.
    void subscribe(const QString &filter, int qos);
    void unsubscribe(const QString &filter);
    void setTopicFilterText(const QString &text);
    // Selects the topic in the tree, expanding its parents, and shows it in
    // the message view. False when the topic is unknown or filtered out.
    bool selectTopic(const QString &topic);
    // Asks for confirmation, then publishes an empty retained message.
    void clearRetainedMessage(const QString &topic);
    // Shows this connection's device shadow editor in its own window (one per
    // connection, created on first use); opens the classic shadow of `thing`
    // when given.
    ShadowEditor *openShadowEditor(const QString &thing = {});

Q_SIGNALS:
    void titleChanged(const QString &title);
    void stateChanged(MqttSession::State state);
    void statusMessage(const QString &message);

private:
    QWidget *createTopicPane();
    QWidget *createDetailPane();
    void onStateChanged(MqttSession::State state);
    void updateStateLabel();
    void onConnected();
    void onSubscribed(const QList<MqttSubscribeResult> &results);
    void publish(const MqttPublishRequest &request);
    void onPublished(int requestId, bool ok, const QString &reason);
    void updateCounts();
    void applyFilterText();

    ConnectionProfile m_profile;
    MqttSession *m_session = nullptr;
    TopicTreeModel *m_model = nullptr;
    TopicFilterProxyModel *m_proxy = nullptr;
    struct PendingPublish
    {
        int historyKey = 0;
        MqttPublishRequest request;
    };
    QHash<int, PendingPublish> m_pendingPublishes;
    qint64 m_retryDeadlineMs = 0;
    QString m_lastDisconnectReason;   // from disconnected(): the connection was up and ended
    QString m_lastError;              // from errorOccurred() since the last connect request
    bool m_disconnectRequested = false;
    qint64 m_shownTopicCount = -1;
    qint64 m_shownMessageCount = -1;
    qint64 m_shownBacklog = -1;
    quint64 m_shownDropped = 0;

    QTimer m_countdownTimer;
    QTimer m_countsTimer;
    QTimer m_filterTimer;

    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QLabel *m_stateIconLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    SubscriptionBox *m_subscriptionBox = nullptr;
    SubscriptionEditor *m_subscriptionEditor = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QLabel *m_searchError = nullptr;
    TopicTreeView *m_tree = nullptr;
    LiveTextLabel *m_countsLabel = nullptr;
    QLabel *m_droppedLabel = nullptr;  // red; hidden until something was dropped
    MessageView *m_messageView = nullptr;
    QTabWidget *m_detailTabs = nullptr;   // message view and charts
    ChartDashboard *m_chartDashboard = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    PublishPanel *m_publishPanel = nullptr;
    PublishHistory *m_publishHistory = nullptr;
    QSplitter *m_mainSplitter = nullptr;
};
