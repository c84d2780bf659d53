#pragma once

#include "uplink_types.h"

#include <QObject>

#include <memory>

// Store-and-forward uplink from the local (embedded) broker to a cloud broker,
// in LineScope itself rather than as a mosquitto bridge, so the cloud identity
// stays in the keychain.
//
// Messages matching the topic filters are taken from the local broker over a
// persistent session (QoS 1, clean session off, fixed client id), written to a
// durable SQLite queue before they are acknowledged, and forwarded to the
// cloud at QoS 1 in arrival order (so per topic order is kept). A row leaves
// the queue only after the cloud's PUBACK; after a link loss unacknowledged
// publishes are sent again (duplicates are possible, counted in
// UplinkStatus::resent). Sending respects AWS IoT's limits: at most
// maxInFlight unacknowledged publishes and maxPublishesPerSecond in any second.
// Draining resumes on its own within 5 s of the cloud coming back.
//
// Overflow: when the message count, byte size or free-disk floor of
// UplinkQueueLimits is hit, the OLDEST messages are dropped, counted per topic,
// and the alarm is raised (alarmChanged()); it clears itself once the queue is
// below 90 % of its limits and the disk has room again.
//
// Optional downlink: cloud messages matching downlinkFilters (e.g. shadow
// delta topics) are published to the local broker at QoS 1.
//
// Threading: use it from one thread (normally the GUI thread). Queue and
// network work run on private threads; nothing here blocks the caller.
// status() is a snapshot refreshed about twice a second.
class StoreAndForwardUplink : public QObject
{
    Q_OBJECT
public:
    explicit StoreAndForwardUplink(QObject *parent = nullptr);
    ~StoreAndForwardUplink() override;

    // Takes effect on the next start(). Legal at any time.
    void configure(const UplinkConfiguration &configuration);
    UplinkConfiguration configuration() const;

    // Opens the queue file and connects both sides. Problems arrive through
    // errorOccurred() (and an alarm when the queue file cannot be opened).
    void start();
    // Disconnects both sides; queued messages stay in the file and the local
    // broker keeps queuing for the persistent session until the next start().
    void stop();
    bool isRunning() const { return m_running; }

    UplinkStatus status() const { return m_status; }
    MqttSession::State cloudState() const { return m_status.cloudState; }
    bool isAlarmActive() const { return m_status.isAlarmActive(); }

    // "connected", "connecting…", "down, retrying", ... (translated), for
    // logs and the broker panel.
    static QString cloudStateText(MqttSession::State state);

Q_SIGNALS:
    void statusChanged(const UplinkStatus &status);
    void cloudStateChanged(MqttSession::State state);
    void alarmChanged(bool active, const QString &text);
    void errorOccurred(const QString &message);

private:
    void applyStatus(const UplinkStatus &status);

    class Private;
    std::unique_ptr<Private> const d;
    UplinkStatus m_status;
    bool m_running = false;
};
