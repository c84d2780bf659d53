#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class MqttSession;

// A client connected to the embedded broker, as seen in its log.
struct BrokerClientInfo
{
    QString clientId;
    QString address;      // host:port
    QString username;     // empty for anonymous clients
    QDateTime connectedAt;
};

// Live figures of the embedded broker. Numbers come from $SYS (the
// session subscribes to $SYS/# on construction; mosquitto publishes every
// sys_interval, 1 s in LineScope's config): uptime, connected clients,
// MQTT messages per second in and out (all packet types, computed from
// the $SYS/broker/messages/{received,sent} counters between two updates;
// mosquitto 2.0.11 leaves its PUBLISH-only counter at 0), bytes in and
// out, retained message count. mosquitto 2.0 does
// not publish client ids in $SYS, so "who" is derived from the broker log
// lines fed in through addLogLine() ("New client connected from <address>
// as <id> (..., u'<user>')." and the "Client <id> ..." disconnect lines).
//
// Threading: create and use it on the thread of its session. The session
// is not owned and must outlive this object.
class BrokerStats : public QObject
{
    Q_OBJECT
public:
    explicit BrokerStats(MqttSession *session, QObject *parent = nullptr);
    ~BrokerStats() override;

    qint64 uptimeSeconds() const;         // -1 until known
    int clientsConnected() const;         // -1 until known
    double messagesInPerSecond() const;
    double messagesOutPerSecond() const;
    qint64 bytesReceived() const;         // -1 until known
    qint64 bytesSent() const;             // -1 until known
    qint64 retainedCount() const;         // -1 until known
    QString version() const;
    QList<BrokerClientInfo> clients() const;  // sorted by client id

    // Feed one line of the broker's log (BrokerSupervisor::logLine).
    void addLogLine(const QString &line);
    // Forget the clients and figures, e.g. when the broker (re)starts.
    void reset();

Q_SIGNALS:
    void changed();       // at most once per batch of $SYS messages or log line

private:
    class Private;
    std::unique_ptr<Private> const d;
};
