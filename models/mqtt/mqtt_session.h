#pragma once

#include "connection_settings.h"
#include "mqtt_message.h"

#include <QObject>

#include <functional>
#include <memory>

class CertificateVault;

// Per-filter MQTT 5 subscription options (ignored on 3.1.1 except qos).
struct MqttSubscription
{
    QString filter;
    quint8 qos = 0;
    bool noLocal = false;
    bool retainAsPublished = false;
    quint8 retainHandling = 0;          // 0 send, 1 send if new, 2 never
    quint32 subscriptionIdentifier = 0; // 0 = none
    // Kept by subscription lists (profiles, the subscription editor): false
    // means "keep it, but do not subscribe". MqttSession ignores it.
    bool enabled = true;

    friend bool operator==(const MqttSubscription &, const MqttSubscription &) = default;
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
// automatic reconnect (when the broker kept no session for us). A filter the
// broker refuses is forgotten again and reported through subscribed().
//
// States: connectToBroker() reports Connecting, then Connected. A failure
// that retrying can fix (host not found, connection refused, connection
// lost, broker busy) leads to WaitingToReconnect with exponential backoff
// (reconnectMinDelayMs doubling up to reconnectMaxDelayMs, +-20 % jitter)
// when autoReconnect is set, else to Disconnected. A failure that retrying
// cannot fix (invalid settings, missing CA file, TLS verification, bad
// credentials, not authorised, protocol rejected, session taken over) leads to
// Failed. errorOccurred() always comes before the stateChanged() it causes, so
// error()/errorString() are current when the state changes.
// State, error and subscriptions are reported asynchronously: state() still
// returns the old value right after connectToBroker() returns.
//
// Client certificates: when settings.tls.clientIdentityId is set and no PEM
// is given in the settings, connectToBroker() first reads the identity from
// the CertificateVault (asynchronously, through the OS keychain; the caller's
// thread is never blocked) and keeps it in memory for this connection only.
// A pending replacement (CertificateVault rotation) is used instead of the
// configured identity, and confirmed after its first successful connect. If
// the identity cannot be loaded, the session ends in Failed with
// Error::TlsError. Callers that loaded the PEM themselves put it into
// settings.tls.clientCertificatePem/clientKeyPem; then no vault is used.
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

    // The vault tls.clientIdentityId refers to; not owned, must outlive the
    // session. Without one, the session opens the default vault
    // (CertificateVault's default settings file and keychain service) when
    // it first needs it.
    void setCertificateVault(CertificateVault *vault);
    ConnectionSettings settings() const;

    State state() const;
    Error error() const;
    QString errorString() const;          // translated; describes the last error
    QString clientId() const;             // effective id (generated when empty)
    int retryInSeconds() const;           // valid in WaitingToReconnect

    // Starts (or restarts, with the current settings()) the connection.
    // Settings are validated on the worker thread; problems end in Failed
    // with Error::InvalidSettings.
    void connectToBroker();
    // Sends DISCONNECT, stops reconnecting; Disconnected follows. Remembered
    // subscriptions are kept for the next connectToBroker().
    void disconnectFromBroker();

    // Remembers the subscription and sends it when connected (now or after
    // the next connect). Returns false with errorString() set when it is
    // invalid (see validateSubscription()). subscribed() reports the SUBACK.
    bool subscribe(const MqttSubscription &subscription);
    // Returns false with errorString() set when the filter is not subscribed.
    bool unsubscribe(const QString &filter);
    QList<MqttSubscription> subscriptions() const;

    // Validates (validatePublishRequest()) and queues a publish; returns a
    // request id > 0, or 0 with errorString() set (nothing is sent), also
    // when the session is not Connected. published(id, ...) follows exactly
    // once: ok after the broker acknowledged (QoS 1/2) or the message was
    // written (QoS 0); not ok with the reason when the broker refused it or
    // the connection ended first. reason may be set also when ok (e.g. no
    // matching subscribers).
    int publish(const MqttPublishRequest &request);

    // Durable hand-over for store-and-forward. The sink is called on the
    // session's private worker thread with each batch of received messages,
    // before the acknowledgements for them (PUBACK / PUBREC) are written to
    // the socket: what the sink stored before returning true is safe even if
    // the process dies right after. Returning false drops the connection
    // without acknowledging, so a broker that keeps our session (clean
    // session off) delivers the batch again after the automatic reconnect.
    // The sink must only touch thread-safe state. messagesReceived() is still
    // emitted. Call before connectToBroker(); an empty function removes it.
    using MessageSink = std::function<bool(const QList<MqttMessage> &messages)>;
    void setMessageSink(MessageSink sink);

    // When milliseconds > 0, a connection on which nothing at all arrives
    // from the broker for that long is treated as lost (ConnectionLost, then
    // the usual reconnect). libmosquitto alone needs up to 2 x keep-alive to
    // notice a broker that stopped answering; with a timeout of about
    // 1.5 x keep-alive (its PINGREQ goes out after 1 x keep-alive of silence)
    // a silent link is reported sooner. Takes effect on the next connect.
    void setSilentLinkTimeout(int milliseconds);

    // Total messages received since construction, counted on the worker
    // thread as they arrive (so it can run ahead of messagesReceived()).
    // Thread-safe.
    quint64 receivedCount() const;

    // Messages received on the worker thread but not yet delivered through
    // messagesReceived(): the backlog while this thread cannot keep up with
    // the broker. Deliveries are paced so that painting and timers keep
    // running. Call from the session's thread.
    qsizetype backlogCount() const;

    // Bound of that backlog's memory (default 256 MiB); past it the oldest
    // messages not delivered yet are dropped and counted in droppedCount().
    void setBacklogLimitBytes(qint64 bytes);
    qint64 backlogLimitBytes() const;
    // Messages dropped at that bound since construction. Thread-safe.
    quint64 droppedCount() const;

    // Empty when subscribe() would accept the subscription on a connection
    // using the given version; otherwise a translated sentence. Any thread.
    static QString validateSubscription(const MqttSubscription &subscription,
                                        ConnectionSettings::ProtocolVersion version);

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
