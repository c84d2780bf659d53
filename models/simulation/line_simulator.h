#pragma once

#include <QObject>
#include <QString>

#include <memory>

class MqttSession;

// Publishes a simulated production line in the seed scheme:
// topic  factory/{site}/{building}/{line}/{asset}/telemetry
// payload {"timestamp": ISO-8601, "deviceId": ..., "measurements":
//          [{"name","value","unit","quality"}]}
// Quality is mostly "good", some "uncertain" and "bad" (bad values are
// still numbers, as real PLC gateways send them). Each asset also publishes
// a retained factory/.../{asset}/status ("running", "idle", "fault").
//
// Example: {"timestamp":"2026-05-04T14:23:41.000Z","deviceId":"press-1-chicago-a-l3",
//           "measurements":[{"name":"temperature","value":72.4,"unit":"celsius","quality":"good"}, ...]}
// Assets are named after their kind and number: press-1, press-2,
// conveyor-1, robot-1, oven-1, packer-1, press-3, ... The deviceId appends
// the site, the building without "building-" and the line as "l<n>".
struct LineSimulatorConfig
{
    QString site = QStringLiteral("chicago");
    QString building = QStringLiteral("building-a");
    QString line = QStringLiteral("line-3");
    int assetCount = 5;
    double messagesPerSecond = 10.0;   // telemetry messages, all assets together
    double uncertainShare = 0.05;      // per measurement
    double badShare = 0.02;            // per measurement
    quint8 qos = 0;                    // telemetry; status messages always use QoS 1
    quint32 seed = 0;                  // 0 = random
    qint64 maxMessages = 0;            // 0 = run until stopped
};

// Threading: create and use it on the thread of its MqttSession.
class LineSimulator : public QObject
{
    Q_OBJECT
public:
    // The session is not owned and may be shared (e.g. with a publish panel);
    // when it is destroyed first, the simulator stops publishing. A null
    // session is allowed for makePayload()/topic use only.
    explicit LineSimulator(MqttSession *session, const LineSimulatorConfig &config = {}, QObject *parent = nullptr);
    ~LineSimulator() override;

    // Publishes whenever the session is connected: on every (re)connect the
    // retained status of all assets first, then telemetry round-robin over
    // the assets at messagesPerSecond. Disconnects pause it.
    void start();
    void stop();
    bool isRunning() const;

    // Telemetry messages the session accepted for sending.
    qint64 publishedCount() const;
    // counts per quality code of what was published: "good", "uncertain", "bad"
    qint64 qualityCount(const QString &quality) const;
    // Messages (telemetry or status) the session refused or reported as failed;
    // each one also emits publishFailed().
    qint64 failedCount() const;

    // One payload for asset i at the given time (deterministic for a seed); used by tests.
    QByteArray makePayload(int assetIndex, qint64 epochMs);
    QString telemetryTopic(int assetIndex) const;
    QString statusTopic(int assetIndex) const;
    int assetCount() const;
    QString assetName(int assetIndex) const;     // "press-1"
    QString deviceId(int assetIndex) const;      // "press-1-chicago-a-l3"
    QString assetStatus(int assetIndex) const;   // "running", "idle" or "fault"

Q_SIGNALS:
    void finished();   // maxMessages reached
    void publishFailed(const QString &reason);  // translated; why a message was not sent

private:
    class Private;
    std::unique_ptr<Private> const d;
};
