#include "mosquitto_worker.h"

#include "mqtt_platform.h"
#include "vault/client_tls_context.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <utility>
#include <vector>

Q_LOGGING_CATEGORY(lcMqttWorker, "linescope.mqtt.worker", QtWarningMsg)

namespace {

using Error = MqttSession::Error;
using State = MqttSession::State;

// Packets read per read-notifier activation before the batch is handed over
// and the rest is read on the next event-loop turn, so timers and queued
// calls (publish, disconnect) still run under a flood.
constexpr int MaxPacketsPerActivation = 5000;
// Read activations without a CONNACK. A TLS handshake needs a handful; more
// means OpenSSL keeps seeing a closed socket (libmosquitto then reports
// success forever), e.g. a TLS client on a plain MQTT port.
constexpr int MaxReadsBeforeConnack = 200;
constexpr int MiscIntervalMs = 1000;
constexpr int ConnackTimeoutMs = 30000;
constexpr int DisconnectTimeoutMs = 3000;
// How long the follow-up handshake that learns why the broker dropped a
// connection right after asking for a client certificate may take.
constexpr int CertificateProbeMs = 3000;
constexpr int InvalidSocket = -1;

int initialiseLibrary()
{
    static std::once_flag once;
    static int result = MOSQ_ERR_SUCCESS;
    std::call_once(once, [] { result = mosquitto_lib_init(); });
    return result;
}

// Owns a mosquitto_property list for one call.
class PropertyList
{
public:
    PropertyList() = default;
    ~PropertyList() { mosquitto_property_free_all(&m_list); }
    Q_DISABLE_COPY_MOVE(PropertyList)

    mosquitto_property **out() { return &m_list; }
    const mosquitto_property *get() const { return m_list; }

private:
    mosquitto_property *m_list = nullptr;
};

int addPublishProperties(const MqttProperties &p, PropertyList &list)
{
    int rc = MOSQ_ERR_SUCCESS;
    if (!p.contentType.isEmpty()) {
        rc = mosquitto_property_add_string(list.out(), MQTT_PROP_CONTENT_TYPE, p.contentType.toUtf8().constData());
    }
    if (rc == MOSQ_ERR_SUCCESS && p.payloadFormatIndicator.has_value()) {
        rc = mosquitto_property_add_byte(list.out(), MQTT_PROP_PAYLOAD_FORMAT_INDICATOR, *p.payloadFormatIndicator);
    }
    if (rc == MOSQ_ERR_SUCCESS && !p.responseTopic.isEmpty()) {
        rc = mosquitto_property_add_string(list.out(), MQTT_PROP_RESPONSE_TOPIC, p.responseTopic.toUtf8().constData());
    }
    if (rc == MOSQ_ERR_SUCCESS && !p.correlationData.isEmpty()) {
        rc = mosquitto_property_add_binary(list.out(), MQTT_PROP_CORRELATION_DATA, p.correlationData.constData(),
                                           static_cast<uint16_t>(p.correlationData.size()));
    }
    for (const auto &[name, value] : p.userProperties) {
        if (rc != MOSQ_ERR_SUCCESS) {
            break;
        }
        rc = mosquitto_property_add_string_pair(list.out(), MQTT_PROP_USER_PROPERTY, name.toUtf8().constData(),
                                                value.toUtf8().constData());
    }
    if (rc == MOSQ_ERR_SUCCESS && p.messageExpirySeconds.has_value()) {
        rc = mosquitto_property_add_int32(list.out(), MQTT_PROP_MESSAGE_EXPIRY_INTERVAL, *p.messageExpirySeconds);
    }
    return rc;
}

// libmosquitto hands out malloc()ed copies that the caller must free().
QString takeString(char *value)
{
    const QString result = QString::fromUtf8(value);
    std::free(value);
    return result;
}

void readMessageProperties(const mosquitto_property *list, MqttProperties &out)
{
    for (const mosquitto_property *p = list; p; p = mosquitto_property_next(p)) {
        const int id = mosquitto_property_identifier(p);
        switch (id) {
        case MQTT_PROP_CONTENT_TYPE:
        case MQTT_PROP_RESPONSE_TOPIC: {
            char *value = nullptr;
            if (mosquitto_property_read_string(p, id, &value, false)) {
                (id == MQTT_PROP_CONTENT_TYPE ? out.contentType : out.responseTopic) = takeString(value);
            }
            break;
        }
        case MQTT_PROP_PAYLOAD_FORMAT_INDICATOR: {
            uint8_t value = 0;
            if (mosquitto_property_read_byte(p, id, &value, false)) {
                out.payloadFormatIndicator = value;
            }
            break;
        }
        case MQTT_PROP_CORRELATION_DATA: {
            void *value = nullptr;
            uint16_t length = 0;
            if (mosquitto_property_read_binary(p, id, &value, &length, false)) {
                out.correlationData = QByteArray(static_cast<const char *>(value), length);
                std::free(value);
            }
            break;
        }
        case MQTT_PROP_USER_PROPERTY: {
            char *name = nullptr;
            char *value = nullptr;
            if (mosquitto_property_read_string_pair(p, id, &name, &value, false)) {
                const QString key = takeString(name);
                out.userProperties.append({key, takeString(value)});
            }
            break;
        }
        case MQTT_PROP_MESSAGE_EXPIRY_INTERVAL: {
            uint32_t value = 0;
            if (mosquitto_property_read_int32(p, id, &value, false)) {
                out.messageExpirySeconds = value;
            }
            break;
        }
        case MQTT_PROP_SUBSCRIPTION_IDENTIFIER: {
            uint32_t value = 0;
            if (mosquitto_property_read_varint(p, id, &value, false)) {
                out.subscriptionIdentifiers.append(value);
            }
            break;
        }
        default:
            // Topic alias is resolved by libmosquitto; nothing else applies to PUBLISH.
            break;
        }
    }
}

int subscriptionOptions(const MqttSubscription &s)
{
    int options = 0;
    if (s.noLocal) {
        options |= MQTT_SUB_OPT_NO_LOCAL;
    }
    if (s.retainAsPublished) {
        options |= MQTT_SUB_OPT_RETAIN_AS_PUBLISHED;
    }
    if (s.retainHandling == 1) {
        options |= MQTT_SUB_OPT_SEND_RETAIN_NEW;
    } else if (s.retainHandling == 2) {
        options |= MQTT_SUB_OPT_SEND_RETAIN_NEVER;
    }
    return options;
}

} // namespace

// C callbacks registered with libmosquitto; obj is the worker.
struct MosquittoCallbacks
{
    static MosquittoWorker *worker(void *obj) { return static_cast<MosquittoWorker *>(obj); }

    static void onConnect(mosquitto *, void *obj, int rc, int flags, const mosquitto_property *)
    {
        worker(obj)->handleConnack(rc, flags);
    }
    static void onDisconnect(mosquitto *, void *obj, int rc, const mosquitto_property *)
    {
        // Values >= 0x80 are reason codes from the broker's DISCONNECT;
        // smaller ones are MOSQ_ERR_* (0 also for a DISCONNECT 0x00 or our own).
        worker(obj)->connectionClosed(rc, rc >= MQTT_RC_UNSPECIFIED);
    }
    static void onPublish(mosquitto *, void *obj, int mid, int reasonCode, const mosquitto_property *)
    {
        worker(obj)->handlePublished(mid, reasonCode);
    }
    static void onMessage(mosquitto *, void *obj, const mosquitto_message *message, const mosquitto_property *props)
    {
        worker(obj)->handleMessage(message, props);
    }
    static void onSubscribe(mosquitto *, void *obj, int mid, int count, const int *granted, const mosquitto_property *)
    {
        worker(obj)->handleSuback(mid, count, granted);
    }
    static void onLog(mosquitto *, void *obj, int level, const char *text)
    {
        worker(obj)->handleLog(level, text);
    }
};

MosquittoWorker::MosquittoWorker(std::shared_ptr<std::atomic<quint64>> receivedCounter, QObject *parent)
    : QObject(parent)
    , m_received(std::move(receivedCounter))
    , m_miscTimer(new QTimer(this))
    , m_connackTimer(new QTimer(this))
    , m_disconnectTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this))
{
    m_miscTimer->setInterval(MiscIntervalMs);
    connect(m_miscTimer, &QTimer::timeout, this, &MosquittoWorker::miscTimeout);

    m_connackTimer->setSingleShot(true);
    m_connackTimer->setInterval(ConnackTimeoutMs);
    connect(m_connackTimer, &QTimer::timeout, this, [this] {
        if (m_phase != Phase::AwaitingConnack) {
            return;
        }
        const QString text = m_settings.tls.enabled
            ? tr("The broker at %1:%2 did not answer the connection request within %3 seconds. Check that the port "
                 "belongs to an MQTT listener that expects TLS.")
            : tr("The broker at %1:%2 did not answer the connection request within %3 seconds. Check that the port "
                 "belongs to an MQTT listener without TLS.");
        abortAttempt({Error::ServerUnavailable,
                      text.arg(m_settings.host).arg(m_settings.port).arg(ConnackTimeoutMs / 1000),
                      true});
    });

    m_disconnectTimer->setSingleShot(true);
    m_disconnectTimer->setInterval(DisconnectTimeoutMs);
    connect(m_disconnectTimer, &QTimer::timeout, this, [this] {
        if (m_phase != Phase::Disconnecting) {
            return;
        }
        // The DISCONNECT could not be written (peer not reading); close hard.
        qCWarning(lcMqttWorker) << "DISCONNECT not written within" << DisconnectTimeoutMs << "ms; closing the socket";
        teardownConnection();
        destroyClient();
        finishDisconnect();
    });

    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &MosquittoWorker::attemptConnection);
}

MosquittoWorker::~MosquittoWorker()
{
    teardownConnection();
    destroyClient();
}

void MosquittoWorker::open(const ConnectionSettings &settings, const QString &clientId)
{
    m_reconnectTimer->stop();
    teardownConnection();
    destroyClient();
    failPendingPublishes(false, tr("A new connection was started before the broker confirmed the message."));
    m_pendingSubscribes.clear();
    // What the broker keeps for us is tied to broker and client id; CONNACK's
    // "session present" then says whether it still has it.
    if (settings.host != m_settings.host || settings.port != m_settings.port || clientId != m_clientId) {
        m_brokerHasSubscription.clear();
        m_unsubscribeOnReconnect.clear();
    }

    m_settings = settings;
    m_clientId = clientId;
    m_attempt = 0;
    m_phase = Phase::Idle;
    reportState(State::Connecting);

    const QString problem = settings.validate();
    if (!problem.isEmpty()) {
        fail({Error::InvalidSettings, tr("The connection settings cannot be used. %1").arg(problem), false});
        return;
    }
    if (settings.tls.enabled && !settings.tls.caFile.isEmpty()) {
        const QString path = QDir::toNativeSeparators(settings.tls.caFile);
        const QFileInfo info(settings.tls.caFile);
        if (!info.exists()) {
            fail({Error::TlsError,
                  tr("The CA certificate file %1 does not exist. Choose the file of the certificate authority that "
                     "signed the broker's certificate in the connection profile, or leave it empty to use the "
                     "system's trusted certificates.")
                      .arg(path),
                  false});
            return;
        }
        QFile file(settings.tls.caFile);
        if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
            fail({Error::TlsError,
                  tr("The CA certificate file %1 cannot be read (%2). Check that it is a file and that your user "
                     "may read it.")
                      .arg(path, info.isFile() ? file.errorString() : tr("it is not a file")),
                  false});
            return;
        }
    }
    m_tls.reset();
    if (settings.tls.enabled) {
        ClientTlsContext::Options options;
        options.host = settings.host;
        options.verifyHostname = settings.tls.verifyHostname;
        options.caFile = settings.tls.caFile;
        options.caCertificatesPem = settings.tls.caCertificatesPem;
        options.clientCertificatePem = settings.tls.clientCertificatePem;
        options.clientKeyPem = settings.tls.clientKeyPem;
        options.alpnProtocols = settings.tls.alpnProtocols;
        QString problem;
        m_tls = ClientTlsContext::create(options, &problem);
        if (!m_tls) {
            fail({Error::TlsError, tr("The TLS settings cannot be used. %1").arg(problem), false});
            return;
        }
    }
    if (!createClient()) {
        return;
    }
    attemptConnection();
}

bool MosquittoWorker::createClient()
{
    const int initResult = initialiseLibrary();
    if (initResult != MOSQ_ERR_SUCCESS) {
        fail(MqttReasons::describe(MqttReasons::Source::Library, initResult, reasonContext()));
        return false;
    }
    const bool v5 = m_settings.protocolVersion == ConnectionSettings::ProtocolVersion::V5;
    MqttPlatform::clearSocketError();
    m_mosq = mosquitto_new(m_clientId.toUtf8().constData(), m_settings.cleanSession, this);
    if (!m_mosq) {
        fail({Error::InternalError,
              tr("libmosquitto could not create a client (%1).")
                  .arg(MqttPlatform::socketErrorString(MqttPlatform::socketError())),
              false});
        return false;
    }
    mosquitto_connect_v5_callback_set(m_mosq, &MosquittoCallbacks::onConnect);
    mosquitto_disconnect_v5_callback_set(m_mosq, &MosquittoCallbacks::onDisconnect);
    mosquitto_publish_v5_callback_set(m_mosq, &MosquittoCallbacks::onPublish);
    mosquitto_message_v5_callback_set(m_mosq, &MosquittoCallbacks::onMessage);
    mosquitto_subscribe_v5_callback_set(m_mosq, &MosquittoCallbacks::onSubscribe);
    if (m_sink) {
        // Queue PUBACKs instead of writing them inside mosquitto_loop_read(),
        // so that none leaves before the sink stored its message. All calls
        // still happen on this thread.
        mosquitto_threaded_set(m_mosq, true);
    }

    // The protocol version must be set first: the calls below check it.
    int rc = mosquitto_int_option(m_mosq, MOSQ_OPT_PROTOCOL_VERSION, v5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    if (rc == MOSQ_ERR_SUCCESS) {
        rc = mosquitto_int_option(m_mosq, MOSQ_OPT_TCP_NODELAY, 1);
    }
    if (rc == MOSQ_ERR_SUCCESS && (!m_settings.username.isEmpty() || !m_settings.password.isEmpty())) {
        const QByteArray user = m_settings.username.toUtf8();
        const QByteArray password = m_settings.password.toUtf8();
        rc = mosquitto_username_pw_set(m_mosq, user.isEmpty() ? nullptr : user.constData(),
                                       password.isEmpty() ? nullptr : password.constData());
    }
    if (rc == MOSQ_ERR_SUCCESS && m_settings.will.enabled) {
        const ConnectionSettings::Will &will = m_settings.will;
        const QByteArray topic = will.topic.toUtf8();
        rc = v5 ? mosquitto_will_set_v5(m_mosq, topic.constData(), static_cast<int>(will.payload.size()),
                                        will.payload.constData(), will.qos, will.retain, nullptr)
                : mosquitto_will_set(m_mosq, topic.constData(), static_cast<int>(will.payload.size()),
                                     will.payload.constData(), will.qos, will.retain);
    }
    if (rc == MOSQ_ERR_SUCCESS && m_tls) {
        // Our context as is: trust, host name check, client identity and
        // ALPN are all in it (ClientTlsContext); libmosquitto takes its own
        // reference and adds SNI.
        rc = mosquitto_int_option(m_mosq, MOSQ_OPT_SSL_CTX_WITH_DEFAULTS, 0);
        if (rc == MOSQ_ERR_SUCCESS) {
            rc = mosquitto_void_option(m_mosq, MOSQ_OPT_SSL_CTX, m_tls->nativeHandle());
        }
    }
    if (rc != MOSQ_ERR_SUCCESS) {
        destroyClient();
        fail(MqttReasons::describe(MqttReasons::Source::Library, rc, reasonContext()));
        return false;
    }
    return true;
}

void MosquittoWorker::destroyClient()
{
    if (m_mosq) {
        mosquitto_destroy(m_mosq);
        m_mosq = nullptr;
    }
}

void MosquittoWorker::attemptConnection()
{
    if (!m_mosq && !createClient()) {
        return;
    }
    reportState(State::Connecting);

    // Log lines carry OpenSSL's reason for a failed handshake. The callback is
    // removed after CONNACK: libmosquitto formats a debug line per packet
    // whenever one is set.
    m_libraryError.clear();
    mosquitto_log_callback_set(m_mosq, &MosquittoCallbacks::onLog);

    PropertyList properties;
    if (m_settings.protocolVersion == ConnectionSettings::ProtocolVersion::V5 && m_settings.sessionExpirySeconds > 0) {
        mosquitto_property_add_int32(properties.out(), MQTT_PROP_SESSION_EXPIRY_INTERVAL, m_settings.sessionExpirySeconds);
    }

    const QByteArray host = m_settings.host.toUtf8();
    if (m_tls) {
        m_tls->resetDiagnostics();
    }
    MqttPlatform::clearSocketError();
    const int rc = mosquitto_connect_bind_v5(m_mosq, host.constData(), m_settings.port, m_settings.keepAliveSeconds,
                                             nullptr, properties.get());
    const int systemError = MqttPlatform::socketError();
    if (rc != MOSQ_ERR_SUCCESS) {
        MqttReasons::Context context = handshakeContext();
        context.systemError = systemError;
        context.detail = m_libraryError;
        handleFailure(MqttReasons::describe(MqttReasons::Source::Library, rc, context), false);
        return;
    }

    m_phase = Phase::AwaitingConnack;
    m_readsBeforeConnack = 0;
    m_connackFailure = {};
    armNotifiers();
    m_miscTimer->start();
    m_connackTimer->start();
    updateWriteNotifier();
}

void MosquittoWorker::armNotifiers()
{
    const int socket = mosquitto_socket(m_mosq);
    m_readNotifier = new QSocketNotifier(socket, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &MosquittoWorker::readReady);
    m_writeNotifier = new QSocketNotifier(socket, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &MosquittoWorker::writeReady);
}

void MosquittoWorker::teardownConnection()
{
    // Disabled at once (the descriptor may already be closed), deleted later
    // because this can run inside the notifier's own activation.
    for (QSocketNotifier **notifier : {&m_readNotifier, &m_writeNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater();
            *notifier = nullptr;
        }
    }
    m_miscTimer->stop();
    m_connackTimer->stop();
    m_disconnectTimer->stop();
}

void MosquittoWorker::readReady()
{
    if (!m_mosq || !m_readNotifier) {
        return;
    }
    int rc = MOSQ_ERR_SUCCESS;
    int packets = 0;
    bool limitReached = false;
    for (;;) {
        const bool beforeConnack = m_phase == Phase::AwaitingConnack;
        MqttPlatform::clearSocketError();
        rc = mosquitto_loop_read(m_mosq, 1);
        const int error = MqttPlatform::socketError();
        if (rc != MOSQ_ERR_SUCCESS || mosquitto_socket(m_mosq) == InvalidSocket) {
            break;
        }
        m_lastInbound.restart();
        if (m_phase != Phase::Connected) {
            // TLS handshake or waiting for CONNACK: one step per activation.
            if (beforeConnack && ++m_readsBeforeConnack > MaxReadsBeforeConnack) {
                if (handshakeFailureRecorded()) {
                    abortAttempt(MqttReasons::describe(MqttReasons::Source::Library, MOSQ_ERR_TLS, handshakeContext()));
                    return;
                }
                abortAttempt(m_settings.tls.enabled
                                 ? MqttReason{Error::TlsError,
                                              tr("The TLS handshake with %1:%2 did not complete: the other side closed "
                                                 "the connection. Check that this port is the broker's TLS listener.")
                                                  .arg(m_settings.host)
                                                  .arg(m_settings.port),
                                              false}
                                 : MqttReason{Error::ProtocolRejected,
                                              tr("The server at %1:%2 does not answer like an MQTT broker. Check the "
                                                 "port, and whether the listener expects TLS.")
                                                  .arg(m_settings.host)
                                                  .arg(m_settings.port),
                                              false});
                return;
            }
            break;
        }
        if (MqttPlatform::isWouldBlock(error)) {
            break;
        }
        if (++packets >= MaxPacketsPerActivation) {
            limitReached = true;
            break;
        }
    }
    if (!flushBatch()) {
        return;
    }
    if (rc != MOSQ_ERR_SUCCESS || mosquitto_socket(m_mosq) == InvalidSocket) {
        connectionClosed(rc, false);
        return;
    }
    if (limitReached) {
        scheduleDrain();
    }
    updateWriteNotifier();
}

void MosquittoWorker::scheduleDrain()
{
    // With TLS, OpenSSL may hold decrypted data the socket notifier never
    // reports, so a cut-short read must be resumed explicitly.
    if (m_drainScheduled) {
        return;
    }
    m_drainScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_drainScheduled = false;
        readReady();
    });
}

void MosquittoWorker::writeReady()
{
    if (!m_mosq || !m_writeNotifier) {
        return;
    }
    MqttPlatform::clearSocketError();
    const int rc = mosquitto_loop_write(m_mosq, 1);
    if (rc != MOSQ_ERR_SUCCESS || mosquitto_socket(m_mosq) == InvalidSocket) {
        connectionClosed(rc, false);
        return;
    }
    updateWriteNotifier();
}

void MosquittoWorker::miscTimeout()
{
    if (!m_mosq) {
        return;
    }
    const int rc = mosquitto_loop_misc(m_mosq);
    if (mosquitto_socket(m_mosq) == InvalidSocket) {
        connectionClosed(rc == MOSQ_ERR_SUCCESS ? MOSQ_ERR_CONN_LOST : rc, false);
        return;
    }
    updateWriteNotifier();
}

void MosquittoWorker::updateWriteNotifier()
{
    if (m_mosq && m_writeNotifier) {
        m_writeNotifier->setEnabled(mosquitto_want_write(m_mosq));
    }
}

bool MosquittoWorker::flushBatch(bool connectionUsable)
{
    if (m_batch.isEmpty()) {
        return true;
    }
    QList<MqttMessage> batch;
    batch.swap(m_batch);
    const bool stored = !m_sink || m_sink(batch);
    Q_EMIT messagesReceived(batch);
    if (stored || !connectionUsable) {
        return true;
    }
    // Nothing of this batch was acknowledged yet (threaded mode queues the
    // PUBACKs); dropping the client discards them, so the broker sends the
    // messages again after the reconnect.
    abortAttempt({Error::InternalError,
                  tr("%n received message(s) could not be stored, so they were not acknowledged; the broker "
                     "delivers them again after the reconnect.",
                     nullptr, static_cast<int>(batch.size())),
                  true});
    return false;
}

void MosquittoWorker::setMessageSink(const MqttSession::MessageSink &sink)
{
    m_sink = sink;
}

void MosquittoWorker::setSilentLinkTimeout(int milliseconds)
{
    m_silentLinkTimeoutMs = std::max(0, milliseconds);
    if (m_silentLinkTimeoutMs == 0) {
        if (m_silentLinkTimer) {
            m_silentLinkTimer->stop();
        }
        return;
    }
    if (!m_silentLinkTimer) {
        // Finer than the 1 s misc timer, so the limit is kept to a quarter second.
        m_silentLinkTimer = new QTimer(this);
        m_silentLinkTimer->setInterval(250);
        connect(m_silentLinkTimer, &QTimer::timeout, this, &MosquittoWorker::checkSilentLink);
    }
    m_silentLinkTimer->start();
}

void MosquittoWorker::checkSilentLink()
{
    if (!m_mosq || m_phase != Phase::Connected || !m_lastInbound.hasExpired(m_silentLinkTimeoutMs)) {
        return;
    }
    abortAttempt({Error::ConnectionLost,
                  tr("The broker at %1:%2 stopped answering: nothing arrived from it for %3 s. Reconnecting.")
                      .arg(m_settings.host)
                      .arg(m_settings.port)
                      .arg(m_silentLinkTimeoutMs / 1000.0, 0, 'f', 1),
                  true});
}

void MosquittoWorker::connectionClosed(int rc, bool brokerReasonCode)
{
    if (m_phase != Phase::AwaitingConnack && m_phase != Phase::Connected && m_phase != Phase::Disconnecting) {
        return;  // already handled (callback first, then the loop's return code)
    }
    flushBatch(false);
    if (m_mosq) {
        mosquitto_log_callback_set(m_mosq, nullptr);
    }
    if (m_phase == Phase::Disconnecting) {
        teardownConnection();
        finishDisconnect();
        return;
    }
    const bool wasConnected = m_phase == Phase::Connected;
    MqttReason reason;
    if (m_connackFailure.error != Error::NoError) {
        reason = m_connackFailure;
    } else if (brokerReasonCode || rc == MOSQ_ERR_SUCCESS) {
        reason = MqttReasons::describe(MqttReasons::Source::Disconnect, rc, reasonContext(m_clientId));
    } else {
        MqttReasons::Context context = wasConnected ? reasonContext() : handshakeContext();
        context.systemError = MqttPlatform::socketError();
        context.detail = m_libraryError;
        // A socket error on an established connection is a lost connection,
        // not a failure to reach the host.
        const int code = wasConnected && rc == MOSQ_ERR_ERRNO ? MOSQ_ERR_CONN_LOST : rc;
        reason = MqttReasons::describe(MqttReasons::Source::Library, code, context);
        if (wasConnected) {
            reason.error = Error::ConnectionLost;
            reason.retryable = rc != MOSQ_ERR_NOMEM;
        }
    }
    handleFailure(reason, wasConnected);
}

void MosquittoWorker::abortAttempt(const MqttReason &reason)
{
    // Not inside a libmosquitto call, so the client may be destroyed; a new
    // one is created for the next attempt.
    const bool wasConnected = m_phase == Phase::Connected;
    teardownConnection();
    destroyClient();
    failPendingPublishes(false, reason.text);
    handleFailure(reason, wasConnected);
}

void MosquittoWorker::handleFailure(const MqttReason &reason, bool wasConnected)
{
    teardownConnection();
    m_pendingSubscribes.clear();
    // Unsent QoS 0 messages are dropped by libmosquitto on reconnect; QoS 1/2
    // ones stay queued in it and are sent again after the next CONNACK.
    failPendingPublishes(true, tr("The connection was lost before the message was sent."));
    if (wasConnected) {
        Q_EMIT disconnected(reason.text);
    }

    if (reason.retryable && m_settings.autoReconnect) {
        Q_EMIT errorReported(reason.error, reason.text);
        scheduleReconnect();
        return;
    }
    failPendingPublishes(false, tr("The connection ended before the broker confirmed the message."));
    if (reason.retryable) {
        Q_EMIT errorReported(reason.error, reason.text);
        m_phase = Phase::Idle;
        reportState(State::Disconnected);
        return;
    }
    QString text = reason.text;
    if (m_settings.autoReconnect && !wasConnected) {
        text = tr("%1 LineScope does not retry automatically, because retrying would fail the same way.").arg(text);
    }
    Q_EMIT errorReported(reason.error, text);
    m_phase = Phase::Failed;
    reportState(State::Failed);
}

void MosquittoWorker::fail(const MqttReason &reason)
{
    teardownConnection();
    failPendingPublishes(false, reason.text);
    Q_EMIT errorReported(reason.error, reason.text);
    m_phase = Phase::Failed;
    reportState(State::Failed);
}

void MosquittoWorker::scheduleReconnect()
{
    const qint64 minDelay = std::max(1, m_settings.reconnectMinDelayMs);
    const qint64 maxDelay = std::max<qint64>(minDelay, m_settings.reconnectMaxDelayMs);
    const qint64 base = std::min(maxDelay, minDelay << std::min(m_attempt, 30));
    // +-20 % so that many clients cut off together do not return together.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const int delay = static_cast<int>(std::clamp<qint64>(static_cast<qint64>(base * jitter), 1, maxDelay));
    ++m_attempt;
    m_phase = Phase::WaitingToReconnect;
    m_reconnectTimer->start(delay);
    reportState(State::WaitingToReconnect, delay);
}

void MosquittoWorker::close()
{
    m_reconnectTimer->stop();
    switch (m_phase) {
    case Phase::AwaitingConnack:
    case Phase::Connected: {
        m_phase = Phase::Disconnecting;
        const int rc = mosquitto_disconnect_v5(m_mosq, MQTT_RC_NORMAL_DISCONNECTION, nullptr);
        if (m_phase != Phase::Disconnecting) {
            return;  // the DISCONNECT was written and the callback finished the job
        }
        if (rc != MOSQ_ERR_SUCCESS || mosquitto_socket(m_mosq) == InvalidSocket) {
            teardownConnection();
            destroyClient();
            finishDisconnect();
            return;
        }
        updateWriteNotifier();
        m_disconnectTimer->start();
        return;
    }
    case Phase::Disconnecting:
        return;
    case Phase::Idle:
    case Phase::WaitingToReconnect:
    case Phase::Failed:
        failPendingPublishes(false, tr("Disconnected before the broker confirmed the message."));
        m_phase = Phase::Idle;
        reportState(State::Disconnected);
        return;
    }
}

void MosquittoWorker::finishDisconnect()
{
    m_pendingSubscribes.clear();
    failPendingPublishes(false, tr("Disconnected before the broker confirmed the message."));
    m_phase = Phase::Idle;
    Q_EMIT disconnected(tr("Disconnected on request."));
    reportState(State::Disconnected);
}

void MosquittoWorker::shutdown()
{
    m_reconnectTimer->stop();
    if (m_mosq && (m_phase == Phase::Connected || m_phase == Phase::AwaitingConnack)) {
        // Best effort: libmosquitto writes the DISCONNECT at once when the
        // socket takes it; nobody waits for more while the owner goes away.
        m_phase = Phase::Disconnecting;
        mosquitto_disconnect_v5(m_mosq, MQTT_RC_NORMAL_DISCONNECTION, nullptr);
    }
    teardownConnection();
    destroyClient();
    m_phase = Phase::Idle;
    thread()->quit();
}

void MosquittoWorker::reportState(MqttSession::State state, int retryInMs)
{
    Q_EMIT stateReported(state, retryInMs);
}

void MosquittoWorker::failPendingPublishes(bool qos0Only, const QString &reason)
{
    for (auto it = m_pendingPublishes.begin(); it != m_pendingPublishes.end();) {
        if (qos0Only && it->qos != 0) {
            ++it;
            continue;
        }
        Q_EMIT published(it->requestId, false, reason);
        it = m_pendingPublishes.erase(it);
    }
}

MqttReasons::Context MosquittoWorker::reasonContext(const QString &subject) const
{
    MqttReasons::Context context;
    context.host = m_settings.host;
    context.port = m_settings.port;
    context.mqtt5 = m_settings.protocolVersion == ConnectionSettings::ProtocolVersion::V5;
    context.hasCredentials = !m_settings.username.isEmpty();
    context.tls = m_settings.tls.enabled;
    context.subject = subject;
    return context;
}

MqttReasons::Context MosquittoWorker::handshakeContext()
{
    MqttReasons::Context context = reasonContext();
    if (m_tls && m_tls->clientCertificateVerdictMissing()) {
        // With TLS 1.3 the broker judges the client certificate after our
        // handshake is done; if CONNECT ran into the closed connection, the
        // reset swallowed its alert. Ask again, without sending anything.
        m_tls->probeClientCertificate(m_settings.host, m_settings.port, CertificateProbeMs);
    }
    if (m_tls) {
        const ClientTlsContext::Diagnostics &diagnostics = m_tls->diagnostics();
        context.tlsVerifyError = diagnostics.verifyError;
        context.tlsAlertReceived = diagnostics.alertReceived;
        context.clientCertificate = diagnostics.clientCertificate;
    }
    return context;
}

bool MosquittoWorker::handshakeFailureRecorded() const
{
    return m_tls && (m_tls->diagnostics().verifyError != 0 || m_tls->diagnostics().alertReceived >= 0);
}

void MosquittoWorker::handleConnack(int reasonCode, int flags)
{
    m_connackTimer->stop();
    if (reasonCode != 0) {
        // libmosquitto closes the connection right after this callback.
        m_connackFailure = MqttReasons::describe(MqttReasons::Source::Connack, reasonCode, reasonContext());
        return;
    }
    mosquitto_log_callback_set(m_mosq, nullptr);
    m_phase = Phase::Connected;
    m_attempt = 0;
    m_lastInbound.restart();
    const bool sessionPresent = (flags & 0x01) != 0;
    if (!sessionPresent) {
        m_brokerHasSubscription.clear();
        m_unsubscribeOnReconnect.clear();
    }
    reportState(State::Connected);
    Q_EMIT connected(sessionPresent);

    // Inside a callback libmosquitto only queues packets; readReady() arms the
    // write notifier once the callback has returned.
    const QSet<QString> unsubscribes = std::exchange(m_unsubscribeOnReconnect, {});
    for (const QString &filter : unsubscribes) {
        sendUnsubscribe(filter);
    }
    resubscribe();
}

void MosquittoWorker::handleMessage(const mosquitto_message *message, const mqtt5__property *properties)
{
    MqttMessage m;
    const qsizetype topicLength = qstrlen(message->topic);
    const QByteArrayView topic(message->topic, topicLength);
    if (topic != QByteArrayView(m_lastTopicUtf8)) {
        m_lastTopicUtf8 = topic.toByteArray();
        m_lastTopic = QString::fromUtf8(topic);
    }
    m.topic = m_lastTopic;
    m.payload = QByteArray(static_cast<const char *>(message->payload), message->payloadlen);
    m.qos = static_cast<quint8>(message->qos);
    m.retained = message->retain;
    m.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (properties) {
        readMessageProperties(properties, m.properties);
    }
    m_batch.append(std::move(m));
    m_received->fetch_add(1, std::memory_order_relaxed);
}

void MosquittoWorker::handlePublished(int mid, int reasonCode)
{
    PendingPublish pending;
    if (const auto it = m_pendingPublishes.constFind(mid); it != m_pendingPublishes.cend()) {
        pending = *it;
        m_pendingPublishes.erase(it);
    } else if (m_inlineRequestId != 0 && mid == m_inlineMid) {
        pending = {m_inlineRequestId, 0, m_inlineTopic};
        m_inlineRequestId = 0;
    } else {
        qCWarning(lcMqttWorker) << "Acknowledgement for unknown message id" << mid;
        return;
    }
    const MqttReason reason =
        MqttReasons::describe(MqttReasons::Source::Puback, reasonCode, reasonContext(pending.topic));
    Q_EMIT published(pending.requestId, reason.error == Error::NoError, reason.text);
}

void MosquittoWorker::handleSuback(int mid, int count, const int *granted)
{
    const QStringList filters = m_pendingSubscribes.take(mid);
    if (filters.isEmpty()) {
        qCWarning(lcMqttWorker) << "SUBACK for unknown message id" << mid;
        return;
    }
    QList<MqttSubscribeResult> results;
    results.reserve(count);
    MqttReason firstRefusal;
    int refused = 0;
    for (int i = 0; i < count; ++i) {
        MqttSubscribeResult result;
        result.filter = filters.value(i);
        result.reasonCode = granted[i];
        const MqttReason reason =
            MqttReasons::describe(MqttReasons::Source::Suback, granted[i], reasonContext(result.filter));
        if (reason.error == Error::NoError) {
            result.grantedQos = granted[i];
            m_brokerHasSubscription.insert(result.filter);
        } else {
            result.reason = reason.text;
            // A refused filter would be refused again after every reconnect.
            m_subscriptions.removeIf([&](const MqttSubscription &s) { return s.filter == result.filter; });
            if (refused++ == 0) {
                firstRefusal = reason;
            }
        }
        results.append(result);
    }
    Q_EMIT subscribed(results);
    if (refused == count) {
        Q_EMIT errorReported(firstRefusal.error, tr("All subscription requests were denied. %1").arg(firstRefusal.text));
    } else if (refused > 0) {
        Q_EMIT errorReported(firstRefusal.error,
                             tr("%1 of %2 subscription requests were denied. %3").arg(refused).arg(count).arg(firstRefusal.text));
    }
}

void MosquittoWorker::handleLog(int level, const char *text)
{
    if ((level & (MOSQ_LOG_ERR | MOSQ_LOG_WARNING)) && m_libraryError.isEmpty()) {
        // Shown inside our own sentence: "Error: host name verification failed." -> "host name verification failed".
        QString detail = QString::fromUtf8(text).trimmed();
        if (detail.startsWith(QLatin1String("Error: "))) {
            detail.remove(0, 7);
        }
        if (detail.endsWith(QLatin1Char('.'))) {
            detail.chop(1);
        }
        m_libraryError = detail;
    }
    qCDebug(lcMqttWorker) << text;
}

void MosquittoWorker::subscribe(const MqttSubscription &subscription)
{
    const auto existing = std::find_if(m_subscriptions.begin(), m_subscriptions.end(),
                                       [&](const MqttSubscription &s) { return s.filter == subscription.filter; });
    if (existing != m_subscriptions.end()) {
        *existing = subscription;
    } else {
        m_subscriptions.append(subscription);
    }
    m_unsubscribeOnReconnect.remove(subscription.filter);
    m_brokerHasSubscription.remove(subscription.filter);
    if (m_phase == Phase::Connected) {
        sendSubscriptions({subscription});
        updateWriteNotifier();
    }
}

void MosquittoWorker::resubscribe()
{
    QList<MqttSubscription> missing;
    for (const MqttSubscription &s : std::as_const(m_subscriptions)) {
        if (!m_brokerHasSubscription.contains(s.filter)) {
            missing.append(s);
        }
    }
    sendSubscriptions(missing);
}

void MosquittoWorker::sendSubscriptions(const QList<MqttSubscription> &subscriptions)
{
    const bool v5 = m_settings.protocolVersion == ConnectionSettings::ProtocolVersion::V5;
    QList<MqttSubscription> remaining = subscriptions;
    // One SUBSCRIBE per combination of QoS, options and identifier, which a
    // single SUBSCRIBE packet shares.
    while (!remaining.isEmpty()) {
        const MqttSubscription first = remaining.constFirst();
        const int options = v5 ? subscriptionOptions(first) : 0;
        const quint32 identifier = v5 ? first.subscriptionIdentifier : 0;
        QList<MqttSubscription> group;
        remaining.removeIf([&](const MqttSubscription &s) {
            const bool same = s.qos == first.qos && (v5 ? subscriptionOptions(s) : 0) == options
                && (v5 ? s.subscriptionIdentifier : 0) == identifier;
            if (same) {
                group.append(s);
            }
            return same;
        });

        QStringList filters;
        QList<QByteArray> utf8;
        std::vector<char *> pointers;
        for (const MqttSubscription &s : std::as_const(group)) {
            filters.append(s.filter);
            utf8.append(s.filter.toUtf8());
        }
        for (QByteArray &bytes : utf8) {
            pointers.push_back(bytes.data());
        }
        PropertyList properties;
        if (identifier != 0) {
            mosquitto_property_add_varint(properties.out(), MQTT_PROP_SUBSCRIPTION_IDENTIFIER, identifier);
        }
        int mid = 0;
        const int rc = mosquitto_subscribe_multiple(m_mosq, &mid, static_cast<int>(pointers.size()), pointers.data(),
                                                    first.qos, options, properties.get());
        if (rc == MOSQ_ERR_SUCCESS) {
            m_pendingSubscribes.insert(mid, filters);
            continue;
        }
        const MqttReason reason = MqttReasons::describe(MqttReasons::Source::Library, rc, reasonContext());
        QList<MqttSubscribeResult> results;
        for (const QString &filter : std::as_const(filters)) {
            results.append({filter, -1, MQTT_RC_UNSPECIFIED, reason.text});
        }
        Q_EMIT subscribed(results);
        Q_EMIT errorReported(reason.error, tr("Could not subscribe to %1. %2").arg(filters.join(QLatin1String(", ")), reason.text));
    }
}

void MosquittoWorker::unsubscribe(const QString &filter)
{
    m_subscriptions.removeIf([&](const MqttSubscription &s) { return s.filter == filter; });
    const bool brokerHadIt = m_brokerHasSubscription.remove(filter);
    if (m_phase == Phase::Connected) {
        sendUnsubscribe(filter);
        updateWriteNotifier();
    } else if (brokerHadIt && !m_settings.cleanSession) {
        m_unsubscribeOnReconnect.insert(filter);
    }
}

void MosquittoWorker::sendUnsubscribe(const QString &filter)
{
    const int rc = mosquitto_unsubscribe_v5(m_mosq, nullptr, filter.toUtf8().constData(), nullptr);
    if (rc != MOSQ_ERR_SUCCESS) {
        const MqttReason reason = MqttReasons::describe(MqttReasons::Source::Library, rc, reasonContext());
        Q_EMIT errorReported(reason.error, tr("Could not unsubscribe from %1. %2").arg(filter, reason.text));
    }
}

void MosquittoWorker::publish(int requestId, const MqttPublishRequest &request)
{
    if (m_phase != Phase::Connected) {
        Q_EMIT published(requestId, false,
                         tr("Not connected to the broker; the message to %1 was not sent.").arg(request.topic));
        return;
    }
    PropertyList properties;
    int rc = MOSQ_ERR_SUCCESS;
    if (m_settings.protocolVersion == ConnectionSettings::ProtocolVersion::V5 && !request.properties.isEmpty()) {
        rc = addPublishProperties(request.properties, properties);
    }
    if (rc == MOSQ_ERR_SUCCESS) {
        m_inlineRequestId = requestId;
        m_inlineTopic = request.topic;
        m_inlineMid = 0;
        rc = mosquitto_publish_v5(m_mosq, &m_inlineMid, request.topic.toUtf8().constData(),
                                  static_cast<int>(request.payload.size()), request.payload.constData(), request.qos,
                                  request.retain, properties.get());
    }
    const bool completedInline = m_inlineRequestId == 0;
    m_inlineRequestId = 0;
    if (rc != MOSQ_ERR_SUCCESS) {
        if (!completedInline) {
            const MqttReason reason =
                MqttReasons::describe(MqttReasons::Source::Library, rc, reasonContext(request.topic));
            Q_EMIT published(requestId, false, reason.text);
        }
        return;
    }
    if (!completedInline) {
        m_pendingPublishes.insert(m_inlineMid, {requestId, request.qos, request.topic});
    }
    updateWriteNotifier();
}
