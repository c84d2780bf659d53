#pragma once

#include "connection_settings.h"
#include "mqtt_message.h"
#include "mqtt_reasons.h"
#include "mqtt_session.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class ClientTlsContext;
struct mosquitto;
struct mosquitto_message;
struct mqtt5__property;  // mosquitto_property
QT_FORWARD_DECLARE_CLASS(QSocketNotifier)
QT_FORWARD_DECLARE_CLASS(QTimer)

// Owns one libmosquitto client and drives it from Qt's event loop on
// MqttSession's private thread: QSocketNotifiers on mosquitto_socket() for
// reading (always) and writing (only while mosquitto_want_write()), and a 1 s
// timer for mosquitto_loop_misc(). mosquitto_loop_start() is not used, so
// libmosquitto builds without thread support (Windows < 2.1) work too.
//
// Threading: construct anywhere, then moveToThread(); after that every method
// must run on that thread (MqttSession posts them as queued calls). Results
// leave only through the signals, as copied values.
//
// Callbacks from libmosquitto never destroy the client: destruction happens
// only from open(), shutdown(), the destructor and timer handlers, none of
// which runs inside a libmosquitto call.
class MosquittoWorker : public QObject
{
    Q_OBJECT
public:
    explicit MosquittoWorker(std::shared_ptr<std::atomic<quint64>> receivedCounter, QObject *parent = nullptr);
    ~MosquittoWorker() override;

    // Validates, creates the client and connects (blocking this thread for
    // DNS and TCP only). Reports Connecting, then Connected / WaitingToReconnect
    // / Disconnected / Failed.
    void open(const ConnectionSettings &settings, const QString &clientId);
    // Sends DISCONNECT and closes; Disconnected follows.
    void close();
    // close() without waiting, then destroys the client and quits this thread.
    void shutdown();

    void subscribe(const MqttSubscription &subscription);
    void unsubscribe(const QString &filter);
    void publish(int requestId, const MqttPublishRequest &request);
    // See MqttSession::setMessageSink(). With a sink the client runs in
    // libmosquitto's "threaded" mode, which only queues packets (PUBACKs
    // included) instead of writing them at once; they leave in writeReady(),
    // after readReady() handed the batch to the sink.
    void setMessageSink(const MqttSession::MessageSink &sink);
    void setSilentLinkTimeout(int milliseconds);

Q_SIGNALS:
    // Emitted before the stateReported() that follows from the error.
    void errorReported(MqttSession::Error error, const QString &message);
    void stateReported(MqttSession::State state, int retryInMs);
    void messagesReceived(const QList<MqttMessage> &messages);
    void subscribed(const QList<MqttSubscribeResult> &results);
    void published(int requestId, bool ok, const QString &reason);
    void connected(bool sessionPresent);
    void disconnected(const QString &reason);

private:
    friend struct MosquittoCallbacks;

    enum class Phase { Idle, AwaitingConnack, Connected, Disconnecting, WaitingToReconnect, Failed };

    struct PendingPublish
    {
        int requestId = 0;
        quint8 qos = 0;
        QString topic;
    };

    bool createClient();
    void destroyClient();
    void attemptConnection();
    void armNotifiers();
    void teardownConnection();
    void readReady();
    void writeReady();
    void miscTimeout();
    void checkSilentLink();
    void scheduleDrain();
    void updateWriteNotifier();
    // Returns false when the sink refused the batch and, connectionUsable
    // being true, the connection was dropped unacknowledged.
    bool flushBatch(bool connectionUsable = true);

    void connectionClosed(int rc, bool brokerReasonCode);
    void abortAttempt(const MqttReason &reason);
    void handleFailure(const MqttReason &reason, bool wasConnected);
    void scheduleReconnect();
    void finishDisconnect();
    void fail(const MqttReason &reason);
    void reportState(MqttSession::State state, int retryInMs = 0);
    void failPendingPublishes(bool qos0Only, const QString &reason);

    void sendSubscriptions(const QList<MqttSubscription> &subscriptions);
    void resubscribe();
    void sendUnsubscribe(const QString &filter);
    MqttReasons::Context reasonContext(const QString &subject = {}) const;
    // reasonContext() plus what OpenSSL recorded during the last handshake.
    // May block this thread for a follow-up handshake (ClientTlsContext::
    // probeClientCertificate()) when the broker's verdict on the client
    // certificate got lost.
    MqttReasons::Context handshakeContext();
    bool handshakeFailureRecorded() const;

    /* libmosquitto callbacks, forwarded by MosquittoCallbacks */
    void handleConnack(int reasonCode, int flags);
    void handleMessage(const mosquitto_message *message, const mqtt5__property *properties);
    void handlePublished(int mid, int reasonCode);
    void handleSuback(int mid, int count, const int *granted);
    void handleLog(int level, const char *text);

    std::shared_ptr<std::atomic<quint64>> m_received;
    mosquitto *m_mosq = nullptr;
    // Built by open() from m_settings.tls; outlives every client that uses it.
    std::unique_ptr<ClientTlsContext> m_tls;
    ConnectionSettings m_settings;
    QString m_clientId;
    Phase m_phase = Phase::Idle;
    int m_attempt = 0;
    int m_readsBeforeConnack = 0;
    bool m_drainScheduled = false;
    MqttReason m_connackFailure;
    QString m_libraryError;

    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer *m_miscTimer = nullptr;
    QTimer *m_connackTimer = nullptr;
    QTimer *m_disconnectTimer = nullptr;
    QTimer *m_reconnectTimer = nullptr;

    QList<MqttSubscription> m_subscriptions;
    QSet<QString> m_brokerHasSubscription;   // acknowledged in the broker's current session
    QSet<QString> m_unsubscribeOnReconnect;  // removed while offline from a persistent session
    QHash<int, QStringList> m_pendingSubscribes;
    QHash<int, PendingPublish> m_pendingPublishes;
    // A QoS 0 publish can complete inside mosquitto_publish_v5(), before its
    // mid is known to the caller; these identify that in-flight call.
    int m_inlineMid = 0;
    int m_inlineRequestId = 0;
    QString m_inlineTopic;

    MqttSession::MessageSink m_sink;
    int m_silentLinkTimeoutMs = 0;
    QTimer *m_silentLinkTimer = nullptr;
    QElapsedTimer m_lastInbound;  // restarted whenever the broker sent something

    QList<MqttMessage> m_batch;
    QByteArray m_lastTopicUtf8;   // topic strings of consecutive messages are shared
    QString m_lastTopic;
};
