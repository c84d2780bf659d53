#pragma once

#include "mqtt/connection_settings.h"
#include "mqtt/mqtt_session.h"

#include <QHash>
#include <QString>
#include <QStringList>

// Bounds of the store-and-forward queue. When one is reached the OLDEST
// messages are dropped (counted per topic) and the uplink raises its alarm.
struct UplinkQueueLimits
{
    qint64 maxMessages = 1000000;
    qint64 maxBytes = qint64(512) * 1024 * 1024;      // payload + topic bytes
    qint64 minFreeDiskBytes = qint64(256) * 1024 * 1024;  // below this the queue stops growing

    friend bool operator==(const UplinkQueueLimits &, const UplinkQueueLimits &) = default;
};

// Everything StoreAndForwardUplink::configure() needs.
struct UplinkConfiguration
{
    // The local broker. The uplink forces a persistent session (clean session
    // off, a fixed client id, MQTT 5 session expiry) so the broker queues
    // for us while LineScope is down.
    ConnectionSettings local;
    // The cloud. keepAliveSeconds is the silent-link budget: a cloud that
    // stops answering is reported down within 1.5 x keepAliveSeconds.
    ConnectionSettings cloud;
    // Optional client identity files (PEM). start() reads them on the
    // uplink's thread into cloud.tls.clientCertificatePem/clientKeyPem, so
    // only the paths are ever stored; an unreadable file is reported through
    // errorOccurred() and the cloud side stays down while the queue keeps
    // filling.
    QString cloudCertificateFile;
    QString cloudKeyFile;
    QStringList topicFilters;          // forwarded local -> cloud at QoS 1
    QStringList downlinkFilters;       // optional cloud -> local, e.g. "$aws/things/+/shadow/update/delta"
    UplinkQueueLimits limits;
    QString queueFile;                 // SQLite file; created when missing
    int maxInFlight = 100;             // AWS IoT: 100 unacknowledged QoS 1 publishes per connection
    int maxPublishesPerSecond = 100;   // AWS IoT: 100 publishes/s per connection
};

// A snapshot of the uplink, refreshed about twice a second and after every
// change of the cloud link or the alarm. Invariant (from one database
// transaction): published == delivered + dropped + queued.
struct UplinkStatus
{
    enum class Alarm { None, MessageLimit, ByteLimit, DiskFloor, StorageError };

    quint64 published = 0;     // taken from the local broker into the queue
    quint64 delivered = 0;     // acknowledged by the cloud and removed
    quint64 dropped = 0;       // removed unsent because a limit was hit
    quint64 queued = 0;        // waiting (in flight included)
    qint64 queuedBytes = 0;
    quint64 resent = 0;        // publishes sent again after a link loss: possible duplicates in the cloud
    qint64 oldestQueuedAgeMs = 0;  // 0 when the queue is empty
    double drainRatePerSecond = 0; // deliveries per second over the last 5 s
    int inFlight = 0;
    int maxInFlightSeen = 0;
    MqttSession::State cloudState = MqttSession::State::Disconnected;
    MqttSession::State localState = MqttSession::State::Disconnected;
    QHash<QString, quint64> droppedByTopic;
    Alarm alarm = Alarm::None;
    QString alarmText;         // translated; empty without alarm
    QString lastError;         // translated; the last problem reported through errorOccurred()
    QString diskWarning;       // translated; set while the free-disk floor cannot be enforced
    quint64 downlinkForwarded = 0;
    quint64 downlinkFailed = 0;

    bool isAlarmActive() const { return alarm != Alarm::None; }
};

Q_DECLARE_METATYPE(UplinkStatus)
