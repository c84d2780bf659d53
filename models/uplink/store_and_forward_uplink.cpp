#include "store_and_forward_uplink.h"

#include "uplink_engine.h"

#include "vault/certificate_identity.h"
#include "vault/certificate_vault.h"
#include "vault/certificate_vault_job.h"

#include <QThread>

class StoreAndForwardUplink::Private
{
public:
    UplinkConfiguration configuration;
    std::unique_ptr<QThread> thread = std::make_unique<QThread>();
    UplinkEngine *engine = nullptr;  // lives on thread; deleted there when it finishes
    std::unique_ptr<CertificateVault> vault;  // opened for the first vault identity
    quint64 startGeneration = 0;              // a vault answer for an older start() is ignored
};

StoreAndForwardUplink::StoreAndForwardUplink(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<UplinkStatus>();
    d->thread->setObjectName(QStringLiteral("StoreAndForwardUplink"));
    d->engine = new UplinkEngine;
    d->engine->moveToThread(d->thread.get());
    connect(d->thread.get(), &QThread::finished, d->engine, &QObject::deleteLater);
    connect(d->engine, &UplinkEngine::statusChanged, this, &StoreAndForwardUplink::applyStatus);
    connect(d->engine, &UplinkEngine::errorOccurred, this, &StoreAndForwardUplink::errorOccurred);
    d->thread->start();
}

StoreAndForwardUplink::~StoreAndForwardUplink()
{
    // The engine is stopped and deleted on its own thread (its sessions and
    // SQLite connections belong there); waiting covers at most the sessions'
    // own shutdown.
    QMetaObject::invokeMethod(d->engine, &UplinkEngine::stop, Qt::QueuedConnection);
    d->thread->quit();
    d->thread->wait();
}

void StoreAndForwardUplink::configure(const UplinkConfiguration &configuration)
{
    d->configuration = configuration;
    QMetaObject::invokeMethod(
        d->engine, [engine = d->engine, configuration] { engine->configure(configuration); },
        Qt::QueuedConnection);
}

UplinkConfiguration StoreAndForwardUplink::configuration() const
{
    return d->configuration;
}

void StoreAndForwardUplink::start()
{
    m_running = true;
    const quint64 generation = ++d->startGeneration;
    const UplinkConfiguration &configuration = d->configuration;
    const bool usesVault = !configuration.cloud.tls.clientIdentityId.isEmpty()
        && configuration.cloudCertificateFile.isEmpty() && configuration.cloud.tls.clientCertificatePem.isEmpty();
    if (!usesVault) {
        QMetaObject::invokeMethod(d->engine, &UplinkEngine::start, Qt::QueuedConnection);
        return;
    }
    // Keychain jobs run on this thread, not on the engine's (QtKeychain's
    // backends are not safe to use from a second thread): load the identity
    // here and hand the engine the material in memory.
    if (!d->vault) {
        d->vault = std::make_unique<CertificateVault>();
    }
    CertificateVaultJob *job = d->vault->loadIdentity(configuration.cloud.tls.clientIdentityId);
    connect(job, &CertificateVaultJob::finished, this, [this, generation](CertificateVaultJob *finished) {
        if (generation != d->startGeneration || !m_running) {
            return;
        }
        if (finished->error() != CertificateVault::Error::NoError) {
            // Not started: the engine would look the identity up itself, from
            // its own thread. The local broker keeps queuing for the uplink's
            // persistent session until the next start().
            Q_EMIT errorOccurred(
                tr("The uplink's client certificate could not be loaded, so nothing is sent to the cloud; "
                   "messages stay queued on the local broker until the uplink starts again. %1")
                    .arg(finished->errorString()));
            return;
        }
        CertificateIdentity identity = finished->takeIdentity();
        UplinkConfiguration withIdentity = d->configuration;
        ConnectionSettings::Tls &tls = withIdentity.cloud.tls;
        tls.clientIdentityId.clear();
        tls.clientCertificatePem = identity.certificateChainPem;
        tls.clientKeyPem = identity.privateKeyPem;
        if (tls.caFile.isEmpty() && tls.caCertificatesPem.isEmpty()) {
            tls.caCertificatesPem = identity.caCertificatesPem;
        }
        identity.wipe();
        QMetaObject::invokeMethod(
            d->engine,
            [engine = d->engine, withIdentity] {
                engine->configure(withIdentity);
                engine->start();
            },
            Qt::QueuedConnection);
    });
}

void StoreAndForwardUplink::stop()
{
    m_running = false;
    ++d->startGeneration;
    QMetaObject::invokeMethod(d->engine, &UplinkEngine::stop, Qt::QueuedConnection);
}

QString StoreAndForwardUplink::cloudStateText(MqttSession::State state)
{
    switch (state) {
    case MqttSession::State::Disconnected:
        return tr("not connected");
    case MqttSession::State::Connecting:
        return tr("connecting…");
    case MqttSession::State::Connected:
        return tr("connected");
    case MqttSession::State::WaitingToReconnect:
        return tr("down, reconnecting");
    case MqttSession::State::Failed:
        return tr("failed (check the settings)");
    }
    return {};
}

void StoreAndForwardUplink::applyStatus(const UplinkStatus &status)
{
    const UplinkStatus previous = m_status;
    m_status = status;
    if (previous.cloudState != status.cloudState) {
        Q_EMIT cloudStateChanged(status.cloudState);
    }
    if (previous.alarm != status.alarm || previous.alarmText != status.alarmText) {
        Q_EMIT alarmChanged(status.isAlarmActive(), status.alarmText);
    }
    Q_EMIT statusChanged(status);
}
