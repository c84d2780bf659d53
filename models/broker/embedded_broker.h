#pragma once

#include "broker_config.h"
#include "broker_settings.h"
#include "uplink/uplink_settings.h"

#include <QObject>

#include <memory>

class BrokerAdmin;
class BrokerStats;
class BrokerSupervisor;
class MqttSession;
class ShadowService;
class StoreAndForwardUplink;

// The embedded broker with its local services, shared by the GUI and
// `linescope-cli broker run`:
// - the BrokerSupervisor running mosquitto;
// - a loopback MqttSession for the local services: BrokerStats ($SYS and
//   the log) and the AWS-compatible ShadowService, persisted in
//   <dataDirectory>/shadows.sqlite, which runs whenever the broker runs;
// - with a LAN listener, an admin session on it and BrokerAdmin for the
//   device and operator accounts.
// - the optional StoreAndForwardUplink to the cloud, with its own
//   persistent session on the loopback listener and its queue in
//   <dataDirectory>/uplink-queue.sqlite. It runs while the broker runs and
//   its settings say enabled. The settings come from
//   <dataDirectory>/uplink.json, read on a worker thread at every start(),
//   unless setUplinkSettings() gave them.
// - the LAN listener's settings in <dataDirectory>/broker.json, read by
//   startWithSavedSettings() and written by saveBrokerSettings().
//
// Sessions connect when the broker has started and reconnect by themselves
// after a crash restart. Threading: create and use on one thread with an
// event loop (the GUI thread or the CLI's main thread).
class EmbeddedBroker : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedBroker(QObject *parent = nullptr);
    ~EmbeddedBroker() override;

    // Takes effect on the next start().
    void setConfig(const BrokerConfig &config);
    BrokerConfig config() const;

    BrokerSupervisor *supervisor() const;
    BrokerStats *stats() const;
    BrokerAdmin *admin() const;          // usable while the LAN listener is on
    ShadowService *shadowService() const;
    MqttSession *localSession() const;
    QString shadowDatabaseFile() const;  // <dataDirectory>/shadows.sqlite

    StoreAndForwardUplink *uplink() const;
    QString uplinkQueueFile() const;     // <dataDirectory>/uplink-queue.sqlite
    // The settings in use (defaults, uplink off, until loaded or set).
    UplinkSettings uplinkSettings() const;
    // Uses these settings from now on instead of uplink.json (the CLI's
    // options); applied at once when the broker runs. Invalid settings
    // keep the uplink stopped and are reported through serviceMessage().
    void setUplinkSettings(const UplinkSettings &settings);
    // Writes the settings to uplink.json on a worker thread, then uses them;
    // uplinkSettingsSaved() reports the outcome. Never blocks.
    void saveUplinkSettings(const UplinkSettings &settings);

    // Writes the LAN listener's settings to broker.json on a worker thread;
    // brokerSettingsSaved() reports the outcome. config() is not changed:
    // setConfig() and restart() apply them. Never blocks.
    void saveBrokerSettings(const BrokerSettings &settings);

    // start() with the LAN listener of broker.json: the file is read on a
    // worker thread, overrides (broker.json members given on the command
    // line) are laid over it, the result replaces config().lan, then the
    // broker starts. A missing file means the defaults (LAN listener off).
    // A file that cannot be used is left as it is and reported through
    // serviceMessage(); the broker then starts with the defaults and the
    // overrides. stop() before the file was read cancels the start.
    void startWithSavedSettings(const QJsonObject &overrides = {});
    void start();
    void stop();
    void restart();

Q_SIGNALS:
    // A translated sentence about the local services (shadow service
    // started or failed, admin connection problems), for logs and status bars.
    void serviceMessage(const QString &message);
    // The uplink settings in use changed (loaded from uplink.json or set).
    void uplinkSettingsChanged();
    void uplinkSettingsSaved(bool ok, const QString &error);
    void brokerSettingsSaved(bool ok, const QString &error);

private:
    void loadUplinkSettings();
    void applyUplink();

    class Private;
    std::unique_ptr<Private> const d;
};
