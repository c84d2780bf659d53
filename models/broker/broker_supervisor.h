#pragma once

#include "broker_config.h"

#include <QObject>
#include <QStringList>

#include <memory>

// Starts and supervises a local mosquitto child process.
//
// start() checks everything that can be checked first (executable found,
// data directory writable, port free) and reports problems through
// errorOccurred() without starting anything. Once running, an unexpected
// exit is followed by a restart with exponential backoff, and
// lastExitReason() carries the tail of mosquitto's log. Never blocks: the
// broker is "Running" only once a TCP connect to its port succeeded.
//
// Threading: create and use it on one thread with an event loop (normally
// the GUI thread). The checks before a start and the config file write run
// on a private worker thread; all signals are emitted on the owner's thread.
//
// When mosquitto would run as root (it then switches to the "mosquitto"
// user and may lose access to the data directory), the supervisor keeps it
// running as the current user: see BrokerConfig::runAsUser.
class BrokerSupervisor : public QObject
{
    Q_OBJECT
public:
    // Stopped: nothing runs. Starting: checks and first launch, until the
    // port accepts connections. Running: accepting connections. Restarting:
    // after a crash, waiting for the backoff delay or for the relaunched
    // broker to accept connections. Failed: see error()/errorString().
    enum class State { Stopped, Starting, Running, Restarting, Failed };
    Q_ENUM(State)
    // ExecutableNotFound: the mosquitto program is missing or cannot be run.
    // DataDirectoryNotWritable: the data directory or the config file in it cannot be written.
    // PortInUse: another program listens on the address/port; nothing was started.
    // StartTimeout: mosquitto ran but did not accept connections within 10 s; it was killed.
    // CrashedTooOften: 5 unexpected exits within 60 s; no further restart.
    // ExitedDuringStartup: mosquitto exited before it ever accepted connections
    //   (usually a configuration problem, its "Error found at file:line" is in the message).
    // AddressNotUsable: the bind address is not an IP address of this machine, or
    //   listening on it is not permitted (e.g. a port below 1024 without privileges).
    // SecurityNotAvailable: the LAN listener cannot be secured: the
    //   dynamic-security plugin is missing, the TLS settings are incomplete, or
    //   dynamic-security.json / the admin password file cannot be read or written.
    enum class Error {
        NoError,
        ExecutableNotFound,
        DataDirectoryNotWritable,
        PortInUse,
        StartTimeout,
        CrashedTooOften,
        ExitedDuringStartup,
        AddressNotUsable,
        SecurityNotAvailable
    };
    Q_ENUM(Error)

    explicit BrokerSupervisor(QObject *parent = nullptr);
    ~BrokerSupervisor() override;  // stops the broker, waiting up to 10 s for it to save

    // Takes effect on the next start().
    void setConfig(const BrokerConfig &config);
    // With port 0 the chosen port is filled in once started and reused by
    // later start() calls, so clients can reconnect to the same address;
    // call setConfig() again to pick a new free port.
    BrokerConfig config() const;
    void setExecutable(const QString &path); // default: "mosquitto" on PATH, then /usr/sbin/mosquitto

    State state() const;
    Error error() const;
    QString errorString() const;           // translated; describes error()
    int port() const;                      // effective port
    qint64 processId() const;              // 0 when no broker process exists
    QStringList logLines() const;          // bounded tail (2000 lines) of mosquitto's stdout/stderr
    QString lastExitReason() const;        // empty until the broker exited unexpectedly once
    int restartCount() const;              // relaunches after crashes since the last start()
    // With config().lan.enabled: the effective LAN port (filled in like port()),
    // and the password of BrokerAccounts::adminUsername(), generated once per
    // data directory and kept in BrokerConfig::adminPasswordFilePath()
    // (owner-only file permissions). Valid once started() was emitted.
    int lanPort() const;
    QString adminPassword() const;

    // Legal in any state; does nothing while already starting or running.
    // Called while a stop() is still in progress, it starts again once stopped.
    void start();
    void stop();                           // asynchronous; stopped() follows
    void restart();                        // stop() if running, then start()

Q_SIGNALS:
    void stateChanged(BrokerSupervisor::State state);
    void started();                        // accepting connections (also after each automatic restart)
    void stopped();
    void errorOccurred(BrokerSupervisor::Error error, const QString &message);
    void logLine(const QString &line);
    void crashed(const QString &reason);   // unexpected exit; a restart is scheduled

private:
    class Private;
    std::unique_ptr<Private> const d;
};
