#include "store_and_forward_uplink.h"

#include "uplink_engine.h"

#include <QThread>

class StoreAndForwardUplink::Private
{
public:
    UplinkConfiguration configuration;
    std::unique_ptr<QThread> thread = std::make_unique<QThread>();
    UplinkEngine *engine = nullptr;  // lives on thread; deleted there when it finishes
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
    QMetaObject::invokeMethod(d->engine, &UplinkEngine::start, Qt::QueuedConnection);
}

void StoreAndForwardUplink::stop()
{
    m_running = false;
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
