#pragma once

#include "connection_settings.h"
#include "mqtt_message.h"

#include <QObject>

#include <memory>

// Per-filter MQTT 5 subscription options (ignored on 3.1.1 except qos).
struct MqttSubscription
{
    QString filter;
    quint8 qos = 0;
    bool noLocal = false;
    bool retainAsPublished = false;
    quint8 retainHandling = 0;          // 0 send, 1 send if new, 2 never
    quint32 subscriptionIdentifier = 0; // 0 = none
};

// Result of one filter in a SUBACK.
struct MqttSubscribeResult
{
    QString filter;
    int grantedQos = -1;     // 0..2, or -1 when refused
    int reasonCode = 0;      // MQTT 5 reason code / 0x80 on 3.1.1 failure
    QString reason;          // translated; empty when granted
    bool isGranted() const { return grantedQos >= 0; }
};

// A Qt front for one libmosquitto client.
//
// Threading: create and use it on one thread (normally the GUI thread). All
// libmosquitto work happens on a private worker thread: connect (DNS, TCP,
// TLS), reading, writing and keep-alive. Nothing here blocks the caller.
// Received messages arrive in batches through messagesReceived(), at most
// once per worker loop turn, so a high message rate costs one queued signal
// per batch rather than one per message.
//
// Subscriptions made with subscribe() are remembered and re-sent after every
// automatic reconnect.
class MqttSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, WaitingToReconnect, Failed };
    Q_ENUM(State)

    enum class Error {
        NoError,
        InvalidSettings,      // ConnectionSettings::validate() failed
        HostNotFound,
        ConnectionRefused,    // TCP refused
        TlsError,             // CA unreadable, handshake or verification failed
        BadCredentials,       // CONNACK bad username/password
        NotAuthorized,        // CONNACK not authorised
        ServerUnavailable,    // CONNACK server unavailable / busy
        ProtocolRejected,     // CONNACK unacceptable protocol version etc.
        ConnectionLost,       // connected, then dropped
        InvalidRequest,       // bad publish/subscribe arguments
        InternalError
    };
    Q_ENUM(Error)

    explicit MqttSession(QObject *parent = nullptr);
    ~MqttSession() override;

    // Settings take effect on the next connectToBroker().
    void setSettings(const ConnectionSettings &settings);
    ConnectionSettings settings() const;

    State state() const;
    Error error() const;
    QString errorString() const;          // translated; describes the last error
    QString clientId() const;             // effective id (generated when empty)
    int retryInSeconds() const;           // valid in WaitingToReconnect

    void connectToBroker();
    void disconnectFromBroker();

    // Returns false with errorString() set when the filter is invalid.
    bool subscribe(const MqttSubscription &subscription);
    bool unsubscribe(const QString &filter);
    QList<MqttSubscription> subscriptions() const;

    // Validates and queues a publish; returns a request id > 0, or 0 with
    // errorString() set (nothing is sent). published(id, ...) follows once
    // the broker acknowledged (QoS 1/2) or the message was written (QoS 0).
    int publish(const MqttPublishRequest &request);

    // Messages received by the library but not yet delivered (back-pressure visibility).
    quint64 receivedCount() const;

Q_SIGNALS:
    void stateChanged(MqttSession::State state);
    void errorOccurred(MqttSession::Error error, const QString &message);
    void messagesReceived(const QList<MqttMessage> &messages);
    void subscribed(const QList<MqttSubscribeResult> &results);
    void published(int requestId, bool ok, const QString &reason);
    void connected(bool sessionPresent);
    void disconnected(const QString &reason);

private:
    class Private;
    std::unique_ptr<Private> const d;
};
