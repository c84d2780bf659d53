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
class BrokerSupervisor : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Restarting, Failed };
    Q_ENUM(State)
    enum class Error { NoError, ExecutableNotFound, DataDirectoryNotWritable, PortInUse, StartTimeout, CrashedTooOften };
    Q_ENUM(Error)

    explicit BrokerSupervisor(QObject *parent = nullptr);
    ~BrokerSupervisor() override;

    void setConfig(const BrokerConfig &config);
    BrokerConfig config() const;          // port filled in once started with port 0
    void setExecutable(const QString &path); // default: "mosquitto" on PATH, then /usr/sbin/mosquitto

    State state() const;
    Error error() const;
    QString errorString() const;
    int port() const;                      // effective port
    qint64 processId() const;
    QStringList logLines() const;          // bounded tail of mosquitto's stdout/stderr
    QString lastExitReason() const;
    int restartCount() const;

    void start();
    void stop();                           // asynchronous; stopped() follows
    void restart();

Q_SIGNALS:
    void stateChanged(BrokerSupervisor::State state);
    void started();                        // accepting connections
    void stopped();
    void errorOccurred(BrokerSupervisor::Error error, const QString &message);
    void logLine(const QString &line);
    void crashed(const QString &reason);   // unexpected exit; a restart is scheduled

private:
    class Private;
    std::unique_ptr<Private> const d;
};
