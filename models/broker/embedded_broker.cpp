#include "embedded_broker.h"

#include "broker_accounts.h"
#include "broker_admin.h"
#include "broker_stats.h"
#include "broker_supervisor.h"
#include "mqtt/mqtt_session.h"
#include "shadow/shadow_service.h"

#include <QDir>

class EmbeddedBroker::Private
{
public:
    std::unique_ptr<BrokerSupervisor> supervisor = std::make_unique<BrokerSupervisor>();
    std::unique_ptr<MqttSession> localSession = std::make_unique<MqttSession>();
    std::unique_ptr<MqttSession> adminSession = std::make_unique<MqttSession>();
    std::unique_ptr<BrokerStats> stats;
    std::unique_ptr<BrokerAdmin> admin;
    std::unique_ptr<ShadowService> shadow;

    static void connectSession(MqttSession *session, const ConnectionSettings &wanted)
    {
        const ConnectionSettings current = session->settings();
        const bool same = current.port == wanted.port && current.username == wanted.username
            && current.password == wanted.password && current.host == wanted.host;
        if (same && session->state() != MqttSession::State::Disconnected && session->state() != MqttSession::State::Failed)
            return;  // reconnects by itself after a crash restart
        session->setSettings(wanted);
        session->connectToBroker();
    }
};

EmbeddedBroker::EmbeddedBroker(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->stats = std::make_unique<BrokerStats>(d->localSession.get());
    d->admin = std::make_unique<BrokerAdmin>(d->adminSession.get());
    d->shadow = std::make_unique<ShadowService>(d->localSession.get());

    connect(d->supervisor.get(), &BrokerSupervisor::logLine, d->stats.get(), &BrokerStats::addLogLine);
    connect(d->supervisor.get(), &BrokerSupervisor::started, this, [this] {
        ConnectionSettings local;
        local.host = QStringLiteral("127.0.0.1");
        local.port = d->supervisor->port();
        local.clientId = QStringLiteral("linescope-services");
        local.reconnectMinDelayMs = 250;
        local.reconnectMaxDelayMs = 5000;
        Private::connectSession(d->localSession.get(), local);

        if (d->supervisor->config().lan.enabled) {
            ConnectionSettings admin = local;
            admin.port = d->supervisor->lanPort();
            admin.host = QStringLiteral("127.0.0.1");
            admin.clientId = QStringLiteral("linescope-admin");
            admin.username = BrokerAccounts::adminUsername();
            admin.password = d->supervisor->adminPassword();
            Private::connectSession(d->adminSession.get(), admin);
            d->admin->refresh();
        }

        const ShadowService::State shadowState = d->shadow->state();
        if (shadowState == ShadowService::State::Stopped || shadowState == ShadowService::State::Failed) {
            if (!d->shadow->start(shadowDatabaseFile()))
                Q_EMIT serviceMessage(tr("The shadow service could not start: %1").arg(d->shadow->errorString()));
        }
    });
    connect(d->supervisor.get(), &BrokerSupervisor::stopped, this, [this] {
        d->shadow->stop();
        d->localSession->disconnectFromBroker();
        d->adminSession->disconnectFromBroker();
        d->stats->reset();
    });
    connect(d->shadow.get(), &ShadowService::started, this, [this] {
        Q_EMIT serviceMessage(tr("Shadow service running, shadows stored in %1.").arg(QDir::toNativeSeparators(shadowDatabaseFile())));
    });
    connect(d->shadow.get(), &ShadowService::errorOccurred, this,
            [this](const QString &message) { Q_EMIT serviceMessage(tr("Shadow service: %1").arg(message)); });
    connect(d->adminSession.get(), &MqttSession::errorOccurred, this, [this](MqttSession::Error, const QString &message) {
        Q_EMIT serviceMessage(tr("Account management connection: %1").arg(message));
    });
}

EmbeddedBroker::~EmbeddedBroker()
{
    // Services before their sessions, sessions before the broker.
    d->shadow.reset();
    d->admin.reset();
    d->stats.reset();
    d->localSession.reset();
    d->adminSession.reset();
}

void EmbeddedBroker::setConfig(const BrokerConfig &config)
{
    d->supervisor->setConfig(config);
}

BrokerConfig EmbeddedBroker::config() const
{
    return d->supervisor->config();
}

BrokerSupervisor *EmbeddedBroker::supervisor() const
{
    return d->supervisor.get();
}

BrokerStats *EmbeddedBroker::stats() const
{
    return d->stats.get();
}

BrokerAdmin *EmbeddedBroker::admin() const
{
    return d->admin.get();
}

ShadowService *EmbeddedBroker::shadowService() const
{
    return d->shadow.get();
}

MqttSession *EmbeddedBroker::localSession() const
{
    return d->localSession.get();
}

QString EmbeddedBroker::shadowDatabaseFile() const
{
    return QDir(d->supervisor->config().dataDirectory).filePath(QStringLiteral("shadows.sqlite"));
}

void EmbeddedBroker::start()
{
    d->supervisor->start();
}

void EmbeddedBroker::stop()
{
    d->supervisor->stop();
}

void EmbeddedBroker::restart()
{
    d->supervisor->restart();
}
