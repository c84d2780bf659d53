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
struct LineSimulatorConfig
{
    QString site = QStringLiteral("chicago");
    QString building = QStringLiteral("building-a");
    QString line = QStringLiteral("line-3");
    int assetCount = 5;
    double messagesPerSecond = 10.0;   // telemetry messages, all assets together
    double uncertainShare = 0.05;
    double badShare = 0.02;
    quint8 qos = 0;
    quint32 seed = 0;                  // 0 = random
    qint64 maxMessages = 0;            // 0 = run until stopped
};

class LineSimulator : public QObject
{
    Q_OBJECT
public:
    explicit LineSimulator(MqttSession *session, const LineSimulatorConfig &config = {}, QObject *parent = nullptr);
    ~LineSimulator() override;

    void start();   // publishes whenever the session is connected
    void stop();
    qint64 publishedCount() const;
    // counts per quality code of what was published: "good", "uncertain", "bad"
    qint64 qualityCount(const QString &quality) const;

    // One payload for asset i at the given time (deterministic for a seed); used by tests.
    QByteArray makePayload(int assetIndex, qint64 epochMs);
    QString telemetryTopic(int assetIndex) const;

Q_SIGNALS:
    void finished();   // maxMessages reached

private:
    class Private;
    std::unique_ptr<Private> const d;
};
