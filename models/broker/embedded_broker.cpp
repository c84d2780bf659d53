#include "embedded_broker.h"

#include "broker_accounts.h"
#include "broker_admin.h"
#include "broker_stats.h"
#include "broker_supervisor.h"
#include "mqtt/mqtt_session.h"
#include "shadow/shadow_service.h"
#include "uplink/store_and_forward_uplink.h"

#include <QDir>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace {

// Runs save (a settings-file write, which blocks on the disk) on a worker
// thread and hands its error, empty when saved, to done on context's thread.
template <typename Save, typename Done>
void saveInBackground(QObject *context, Save save, Done done)
{
    auto *watcher = new QFutureWatcher<QString>(context);
    QObject::connect(watcher, &QFutureWatcher<QString>::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([save] {
        QString error;
        save(&error);
        return error;
    }));
}

} // namespace

class EmbeddedBroker::Private
{
public:
    std::unique_ptr<BrokerSupervisor> supervisor = std::make_unique<BrokerSupervisor>();
    std::unique_ptr<MqttSession> localSession = std::make_unique<MqttSession>();
    std::unique_ptr<MqttSession> adminSession = std::make_unique<MqttSession>();
    std::unique_ptr<BrokerStats> stats;
    std::unique_ptr<BrokerAdmin> admin;
    std::unique_ptr<ShadowService> shadow;
    std::unique_ptr<StoreAndForwardUplink> uplink = std::make_unique<StoreAndForwardUplink>();

    UplinkSettings uplinkSettings;
    bool uplinkSettingsKnown = false;     // loaded from uplink.json or set
    bool uplinkSettingsExplicit = false;  // set: uplink.json is not read any more
    quint64 uplinkSettingsGeneration = 0; // a load that started before a set is ignored
    // What the running uplink was started with, so a crash restart of the
    // broker on the same port leaves it alone (its sessions reconnect).
    UplinkSettings appliedSettings;
    int appliedPort = 0;
    QString lastUplinkError;
    quint64 startGeneration = 0;          // a broker.json read that finishes after stop() is ignored

    struct LoadResult
    {
        bool ok = false;
        UplinkSettings settings;
        QString error;
    };

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

        applyUplink();

        const ShadowService::State shadowState = d->shadow->state();
        if (shadowState == ShadowService::State::Stopped || shadowState == ShadowService::State::Failed) {
            if (!d->shadow->start(shadowDatabaseFile()))
                Q_EMIT serviceMessage(tr("The shadow service could not start: %1").arg(d->shadow->errorString()));
        }
    });
    connect(d->supervisor.get(), &BrokerSupervisor::stopped, this, [this] {
        d->uplink->stop();
        d->appliedPort = 0;
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
    connect(d->uplink.get(), &StoreAndForwardUplink::cloudStateChanged, this, [this](MqttSession::State state) {
        Q_EMIT serviceMessage(tr("Uplink: cloud %1.").arg(StoreAndForwardUplink::cloudStateText(state)));
        if (state == MqttSession::State::Connected)
            d->lastUplinkError.clear();
    });
    connect(d->uplink.get(), &StoreAndForwardUplink::alarmChanged, this, [this](bool active, const QString &text) {
        Q_EMIT serviceMessage(active ? tr("Uplink ALARM: %1").arg(text) : tr("Uplink alarm cleared."));
    });
    connect(d->uplink.get(), &StoreAndForwardUplink::errorOccurred, this, [this](const QString &message) {
        // A cloud that stays away repeats the same error at every retry.
        if (message == d->lastUplinkError)
            return;
        d->lastUplinkError = message;
        Q_EMIT serviceMessage(tr("Uplink: %1").arg(message));
    });
}

EmbeddedBroker::~EmbeddedBroker()
{
    // Services before their sessions, sessions before the broker.
    d->uplink.reset();
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

StoreAndForwardUplink *EmbeddedBroker::uplink() const
{
    return d->uplink.get();
}

QString EmbeddedBroker::uplinkQueueFile() const
{
    return UplinkSettings::queueFilePath(d->supervisor->config().dataDirectory);
}

UplinkSettings EmbeddedBroker::uplinkSettings() const
{
    return d->uplinkSettings;
}

void EmbeddedBroker::setUplinkSettings(const UplinkSettings &settings)
{
    d->uplinkSettings = settings;
    d->uplinkSettingsKnown = true;
    d->uplinkSettingsExplicit = true;
    ++d->uplinkSettingsGeneration;
    Q_EMIT uplinkSettingsChanged();
    applyUplink();
}

void EmbeddedBroker::saveUplinkSettings(const UplinkSettings &settings)
{
    const QString file = UplinkSettings::filePath(d->supervisor->config().dataDirectory);
    saveInBackground(
        this, [settings, file](QString *error) { return settings.save(file, error); },
        [this, settings](const QString &error) {
            if (error.isEmpty())
                setUplinkSettings(settings);
            Q_EMIT uplinkSettingsSaved(error.isEmpty(), error);
        });
}

void EmbeddedBroker::loadUplinkSettings()
{
    if (d->uplinkSettingsExplicit)
        return;
    const QString file = UplinkSettings::filePath(d->supervisor->config().dataDirectory);
    const quint64 generation = d->uplinkSettingsGeneration;
    auto *watcher = new QFutureWatcher<Private::LoadResult>(this);
    connect(watcher, &QFutureWatcher<Private::LoadResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const Private::LoadResult result = watcher->result();
        if (generation != d->uplinkSettingsGeneration)
            return;  // setUplinkSettings() came first
        if (!result.ok) {
            Q_EMIT serviceMessage(tr("Uplink not started: %1").arg(result.error));
            return;
        }
        d->uplinkSettings = result.settings;
        d->uplinkSettingsKnown = true;
        Q_EMIT uplinkSettingsChanged();
        applyUplink();
    });
    watcher->setFuture(QtConcurrent::run([file] {
        Private::LoadResult result;
        result.ok = UplinkSettings::load(file, &result.settings, &result.error);
        return result;
    }));
}

void EmbeddedBroker::applyUplink()
{
    if (d->supervisor->state() != BrokerSupervisor::State::Running || !d->uplinkSettingsKnown)
        return;
    const UplinkSettings &settings = d->uplinkSettings;
    const int port = d->supervisor->port();
    if (d->uplink->isRunning() && d->appliedPort == port && d->appliedSettings == settings)
        return;
    if (d->uplink->isRunning()) {
        d->uplink->stop();
        d->appliedPort = 0;
    }
    if (!settings.enabled)
        return;
    if (const QString problem = settings.validate(); !problem.isEmpty()) {
        Q_EMIT serviceMessage(tr("Uplink not started: %1").arg(problem));
        return;
    }
    d->uplink->configure(settings.toConfiguration(port, uplinkQueueFile()));
    d->uplink->start();
    d->appliedSettings = settings;
    d->appliedPort = port;
    d->lastUplinkError.clear();
    Q_EMIT serviceMessage(tr("Uplink to %1:%2 started, queue in %3.")
                              .arg(settings.host)
                              .arg(settings.port)
                              .arg(QDir::toNativeSeparators(uplinkQueueFile())));
}

void EmbeddedBroker::saveBrokerSettings(const BrokerSettings &settings)
{
    const QString file = BrokerSettings::filePath(d->supervisor->config().dataDirectory);
    saveInBackground(
        this, [settings, file](QString *error) { return settings.save(file, error); },
        [this](const QString &error) { Q_EMIT brokerSettingsSaved(error.isEmpty(), error); });
}

void EmbeddedBroker::startWithSavedSettings(const QJsonObject &overrides)
{
    struct Loaded
    {
        BrokerSettings settings;
        QString error;
    };
    const QString file = BrokerSettings::filePath(d->supervisor->config().dataDirectory);
    const quint64 generation = ++d->startGeneration;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != d->startGeneration)
            return;  // stop() came first
        const Loaded loaded = watcher->result();
        if (!loaded.error.isEmpty())
            Q_EMIT serviceMessage(tr("The saved LAN listener settings are not used: %1").arg(loaded.error));
        BrokerConfig config = d->supervisor->config();
        loaded.settings.applyTo(&config);
        d->supervisor->setConfig(config);
        start();
    });
    watcher->setFuture(QtConcurrent::run([file, overrides] {
        Loaded loaded;
        BrokerSettings saved;
        if (!BrokerSettings::load(file, &saved, &loaded.error))
            saved = BrokerSettings();
        loaded.settings = saved.withOverrides(overrides);
        return loaded;
    }));
}

void EmbeddedBroker::start()
{
    loadUplinkSettings();
    d->supervisor->start();
}

void EmbeddedBroker::stop()
{
    ++d->startGeneration;
    d->supervisor->stop();
}

void EmbeddedBroker::restart()
{
    loadUplinkSettings();
    d->supervisor->restart();
}
