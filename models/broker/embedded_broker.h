#pragma once

#include "broker_config.h"

#include <QObject>

#include <memory>

class BrokerAdmin;
class BrokerStats;
class BrokerSupervisor;
class MqttSession;
class ShadowService;

// The embedded broker with its local services, shared by the GUI and
// `linescope-cli broker run`:
// - the BrokerSupervisor running mosquitto;
// - a loopback MqttSession for the local services: BrokerStats ($SYS and
//   the log) and the AWS-compatible ShadowService, persisted in
//   <dataDirectory>/shadows.sqlite, which runs whenever the broker runs;
// - with a LAN listener, an admin session on it and BrokerAdmin for the
//   device and operator accounts.
// The store-and-forward uplink (issue 9) attaches to localSession() the
// same way the shadow service does.
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

    void start();
    void stop();
    void restart();

Q_SIGNALS:
    // A translated sentence about the local services (shadow service
    // started or failed, admin connection problems), for logs and status bars.
    void serviceMessage(const QString &message);

private:
    class Private;
    std::unique_ptr<Private> const d;
};
