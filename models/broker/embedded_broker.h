#pragma once

#include "broker_config.h"
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

private:
    void loadUplinkSettings();
    void applyUplink();

    class Private;
    std::unique_ptr<Private> const d;
};
