#include "mqtt_session.h"

#include "message_handoff.h"

#include "mosquitto_worker.h"
#include "topics/topic_filter.h"
#include "vault/certificate_vault.h"
#include "vault/certificate_vault_job.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <climits>
#include <cmath>
#include <utility>

Q_LOGGING_CATEGORY(lcMqttSession, "linescope.mqtt.session")

namespace {

// How long the destructor waits for the worker thread. It only takes longer
// when the thread is stuck in a blocking DNS lookup or TCP connect; then the
// thread is left to finish and clean up on its own.
constexpr int ShutdownWaitMs = 2000;
// Largest MQTT variable byte integer, the range of a subscription identifier.
constexpr quint32 MaxSubscriptionIdentifier = 268435455;

QString generateClientId()
{
    const quint32 random = QRandomGenerator::global()->generate();
    return QStringLiteral("linescope-%1").arg(random, 8, 16, QLatin1Char('0'));
}

} // namespace

class MqttSession::Private
{
public:
    explicit Private(MqttSession *session)
        : q(session)
    {
    }

    void setError(Error newError, const QString &message)
    {
        error = newError;
        errorString = message;
    }

    void applyState(State newState, int retryInMs)
    {
        retryDeadline = QDeadlineTimer(newState == State::WaitingToReconnect ? retryInMs : 0);
        if (newState == State::Connected) {
            setError(Error::NoError, {});
        }
        if (newState == state) {
            return;
        }
        state = newState;
        Q_EMIT q->stateChanged(state);
    }

    QString effectiveClientId(const ConnectionSettings &s) const
    {
        return s.clientId.isEmpty() ? generatedClientId : s.clientId;
    }

    CertificateVault *certificateVault()
    {
        if (!vault) {
            ownVault = std::make_unique<CertificateVault>();
            vault = ownVault.get();
        }
        return vault;
    }

    void openWorker()
    {
        const QString id = effectiveClientId(activeSettings);
        QMetaObject::invokeMethod(
            worker, [worker = worker, settings = activeSettings, id] { worker->open(settings, id); },
            Qt::QueuedConnection);
    }

    void loadIdentityThenOpen();
    void confirmReplacement();

    MqttSession *const q;
    ConnectionSettings settings;
    ConnectionSettings activeSettings;
    bool hasConnected = false;  // connectToBroker() was called at least once
    QString generatedClientId = generateClientId();
    State state = State::Disconnected;
    Error error = Error::NoError;
    QString errorString;
    QDeadlineTimer retryDeadline;
    QList<MqttSubscription> subscriptions;
    int nextRequestId = 1;
    std::shared_ptr<std::atomic<quint64>> received = std::make_shared<std::atomic<quint64>>(0);
    std::unique_ptr<QThread> thread = std::make_unique<QThread>();
    MosquittoWorker *worker = nullptr;  // lives on thread; deleted there when it finishes
    MessageHandoff *handoff = nullptr;  // child of the session
    CertificateVault *vault = nullptr;
    std::unique_ptr<CertificateVault> ownVault;
    // Bumped by every connect and disconnect; a vault answer for an older one is ignored.
    quint64 openGeneration = 0;
    QString replacedIdentityId;  // confirm this rotation after the next Connected
};

void MqttSession::Private::loadIdentityThenOpen()
{
    CertificateVault *certificates = certificateVault();
    const QString configured = activeSettings.tls.clientIdentityId;
    const QString current = certificates->resolvedId(configured);
    const QString id = certificates->connectionIdentityId(configured);
    const quint64 generation = openGeneration;
    // Connecting is reported like the worker would: after the call returned.
    QTimer::singleShot(0, q, [this, generation] {
        if (generation == openGeneration) {
            applyState(State::Connecting, 0);
        }
    });
    CertificateVaultJob *job = certificates->loadIdentity(id);
    QObject::connect(job, &CertificateVaultJob::finished, q,
                     [this, generation, current, id](CertificateVaultJob *finished) {
                         if (generation != openGeneration) {
                             return;  // disconnected or reconnected in the meantime
                         }
                         if (finished->error() != CertificateVault::Error::NoError) {
                             const QString text =
                                 MqttSession::tr("The client certificate could not be loaded. %1")
                                     .arg(finished->errorString());
                             setError(Error::TlsError, text);
                             Q_EMIT q->errorOccurred(Error::TlsError, text);
                             applyState(State::Failed, 0);
                             return;
                         }
                         CertificateIdentity identity = finished->takeIdentity();
                         ConnectionSettings::Tls &tls = activeSettings.tls;
                         tls.clientCertificatePem = identity.certificateChainPem;
                         tls.clientKeyPem = identity.privateKeyPem;
                         if (tls.caFile.isEmpty() && tls.caCertificatesPem.isEmpty()) {
                             tls.caCertificatesPem = identity.caCertificatesPem;
                         }
                         identity.wipe();
                         replacedIdentityId = id != current ? current : QString();
                         openWorker();
                     });
}

void MqttSession::Private::confirmReplacement()
{
    const QString oldId = std::exchange(replacedIdentityId, {});
    if (oldId.isEmpty()) {
        return;
    }
    CertificateVaultJob *job = certificateVault()->confirmReplacement(oldId);
    QObject::connect(job, &CertificateVaultJob::finished, q, [this](CertificateVaultJob *finished) {
        if (finished->error() == CertificateVault::Error::NoError) {
            return;
        }
        // The connection itself is fine; only the old certificate is still stored.
        const QString text = MqttSession::tr("Connected with the new client certificate, but the certificate it "
                                             "replaces could not be retired. %1")
                                 .arg(finished->errorString());
        Q_EMIT q->errorOccurred(Error::TlsError, text);
    });
}

MqttSession::MqttSession(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    qRegisterMetaType<QList<MqttMessage>>();
    qRegisterMetaType<QList<MqttSubscribeResult>>();

    d->thread->setObjectName(QStringLiteral("MqttSession"));
    d->worker = new MosquittoWorker(d->received);
    d->worker->moveToThread(d->thread.get());
    connect(d->thread.get(), &QThread::finished, d->worker, &QObject::deleteLater);

    connect(d->worker, &MosquittoWorker::errorReported, this, [this](Error error, const QString &message) {
        d->setError(error, message);
        Q_EMIT errorOccurred(error, message);
    });
    connect(d->worker, &MosquittoWorker::stateReported, this, [this](State state, int retryInMs) {
        d->applyState(state, retryInMs);
        if (state == State::Connected) {
            d->confirmReplacement();
        }
    });
    // Direct: append() runs on the worker thread; the handoff paces delivery here.
    d->handoff = new MessageHandoff(this);
    connect(d->worker, &MosquittoWorker::messagesReceived, d->handoff, &MessageHandoff::append, Qt::DirectConnection);
    connect(d->handoff, &MessageHandoff::messagesReady, this, &MqttSession::messagesReceived);
    connect(d->worker, &MosquittoWorker::subscribed, this, [this](const QList<MqttSubscribeResult> &results) {
        for (const MqttSubscribeResult &result : results) {
            if (!result.isGranted()) {
                d->subscriptions.removeIf([&](const MqttSubscription &s) { return s.filter == result.filter; });
            }
        }
        Q_EMIT subscribed(results);
    });
    connect(d->worker, &MosquittoWorker::published, this, &MqttSession::published);
    connect(d->worker, &MosquittoWorker::connected, this, &MqttSession::connected);
    connect(d->worker, &MosquittoWorker::disconnected, this, &MqttSession::disconnected);

    d->thread->start();
}

MqttSession::~MqttSession()
{
    // Queued behind any publish or disconnect still on its way to the worker.
    QMetaObject::invokeMethod(d->worker, &MosquittoWorker::shutdown, Qt::QueuedConnection);
    if (d->thread->wait(QDeadlineTimer(ShutdownWaitMs))) {
        return;
    }
    qCWarning(lcMqttSession) << "MQTT worker still busy (blocking connect to" << d->activeSettings.host
                             << "); it will finish in the background";
    QThread *thread = d->thread.release();
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (thread->isFinished()) {
        // Finished between wait() and connect(); a second deleteLater() is harmless.
        thread->deleteLater();
    }
}

void MqttSession::setSettings(const ConnectionSettings &settings)
{
    d->settings = settings;
}

ConnectionSettings MqttSession::settings() const
{
    return d->settings;
}

MqttSession::State MqttSession::state() const
{
    return d->state;
}

MqttSession::Error MqttSession::error() const
{
    return d->error;
}

QString MqttSession::errorString() const
{
    return d->errorString;
}

QString MqttSession::clientId() const
{
    return d->effectiveClientId(d->hasConnected ? d->activeSettings : d->settings);
}

int MqttSession::retryInSeconds() const
{
    if (d->state != State::WaitingToReconnect) {
        return 0;
    }
    return static_cast<int>(std::ceil(d->retryDeadline.remainingTime() / 1000.0));
}

void MqttSession::setCertificateVault(CertificateVault *vault)
{
    d->vault = vault;
}

void MqttSession::connectToBroker()
{
    d->activeSettings = d->settings;
    d->hasConnected = true;
    ++d->openGeneration;
    d->replacedIdentityId.clear();
    const ConnectionSettings::Tls &tls = d->activeSettings.tls;
    if (tls.enabled && !tls.clientIdentityId.isEmpty() && tls.clientCertificatePem.isEmpty()
        && tls.clientKeyPem.isEmpty()) {
        d->loadIdentityThenOpen();
        return;
    }
    d->openWorker();
}

void MqttSession::disconnectFromBroker()
{
    ++d->openGeneration;
    d->replacedIdentityId.clear();
    QMetaObject::invokeMethod(d->worker, &MosquittoWorker::close, Qt::QueuedConnection);
}

QString MqttSession::validateSubscription(const MqttSubscription &subscription,
                                          ConnectionSettings::ProtocolVersion version)
{
    const TopicFilter::ValidationError filterError = TopicFilter::validate(subscription.filter);
    if (!filterError.isValid()) {
        return tr("Topic filter: %1").arg(filterError.message);
    }
    if (subscription.qos > 2) {
        return tr("QoS: %1 is not a QoS level. Use 0, 1 or 2.").arg(subscription.qos);
    }
    if (version != ConnectionSettings::ProtocolVersion::V5) {
        return {};  // the MQTT 5 options are ignored on 3.1.1
    }
    if (subscription.retainHandling > 2) {
        return tr("Retain handling: %1 is not allowed. Use 0 (send retained messages), 1 (only for a new "
                  "subscription) or 2 (never).")
            .arg(subscription.retainHandling);
    }
    if (subscription.subscriptionIdentifier > MaxSubscriptionIdentifier) {
        return tr("Subscription identifier: %1 is too large. Use 1 to %2, or 0 for none.")
            .arg(subscription.subscriptionIdentifier)
            .arg(MaxSubscriptionIdentifier);
    }
    if (subscription.noLocal && subscription.filter.startsWith(QLatin1String("$share/"))) {
        return tr("No local: MQTT 5 does not allow \"no local\" on a shared subscription (%1). Turn it off.")
            .arg(subscription.filter);
    }
    return {};
}

bool MqttSession::subscribe(const MqttSubscription &subscription)
{
    const ConnectionSettings &s = d->hasConnected ? d->activeSettings : d->settings;
    const QString problem = validateSubscription(subscription, s.protocolVersion);
    if (!problem.isEmpty()) {
        d->setError(Error::InvalidRequest, problem);
        return false;
    }
    const auto existing = std::find_if(d->subscriptions.begin(), d->subscriptions.end(),
                                       [&](const MqttSubscription &m) { return m.filter == subscription.filter; });
    if (existing != d->subscriptions.end()) {
        *existing = subscription;
    } else {
        d->subscriptions.append(subscription);
    }
    QMetaObject::invokeMethod(
        d->worker, [worker = d->worker, subscription] { worker->subscribe(subscription); }, Qt::QueuedConnection);
    return true;
}

bool MqttSession::unsubscribe(const QString &filter)
{
    const qsizetype removed =
        d->subscriptions.removeIf([&](const MqttSubscription &s) { return s.filter == filter; });
    if (removed == 0) {
        d->setError(Error::InvalidRequest,
                    tr("Not subscribed to %1, so there is nothing to unsubscribe from.").arg(filter));
        return false;
    }
    QMetaObject::invokeMethod(
        d->worker, [worker = d->worker, filter] { worker->unsubscribe(filter); }, Qt::QueuedConnection);
    return true;
}

QList<MqttSubscription> MqttSession::subscriptions() const
{
    return d->subscriptions;
}

int MqttSession::publish(const MqttPublishRequest &request)
{
    const ConnectionSettings &s = d->hasConnected ? d->activeSettings : d->settings;
    const QString problem = validatePublishRequest(request, s.protocolVersion);
    if (!problem.isEmpty()) {
        d->setError(Error::InvalidRequest, problem);
        return 0;
    }
    if (d->state != State::Connected) {
        d->setError(Error::InvalidRequest,
                    tr("Not connected to the broker; the message to %1 was not sent. Connect first.")
                        .arg(request.topic));
        return 0;
    }
    const int id = d->nextRequestId;
    d->nextRequestId = d->nextRequestId == INT_MAX ? 1 : d->nextRequestId + 1;
    QMetaObject::invokeMethod(
        d->worker, [worker = d->worker, id, request] { worker->publish(id, request); }, Qt::QueuedConnection);
    return id;
}

void MqttSession::setMessageSink(MessageSink sink)
{
    QMetaObject::invokeMethod(
        d->worker, [worker = d->worker, sink = std::move(sink)] { worker->setMessageSink(sink); },
        Qt::QueuedConnection);
}

void MqttSession::setSilentLinkTimeout(int milliseconds)
{
    QMetaObject::invokeMethod(
        d->worker, [worker = d->worker, milliseconds] { worker->setSilentLinkTimeout(milliseconds); },
        Qt::QueuedConnection);
}

quint64 MqttSession::receivedCount() const
{
    return d->received->load(std::memory_order_relaxed);
}

qsizetype MqttSession::backlogCount() const
{
    return d->handoff->pendingCount();
}

void MqttSession::setBacklogLimitBytes(qint64 bytes)
{
    d->handoff->setBacklogLimitBytes(bytes);
}

qint64 MqttSession::backlogLimitBytes() const
{
    return d->handoff->backlogLimitBytes();
}

quint64 MqttSession::droppedCount() const
{
    return d->handoff->droppedCount();
}
