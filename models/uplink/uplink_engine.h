#pragma once

#include "uplink_queue.h"
#include "uplink_types.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>

#include <atomic>
#include <deque>
#include <memory>

class MqttSession;
QT_FORWARD_DECLARE_CLASS(QTimer)

// The store-and-forward machinery behind StoreAndForwardUplink, living on the
// uplink's private thread so that SQLite work never runs on the GUI thread.
//
// Local side: a persistent MqttSession whose message sink appends each
// received batch to the queue (synchronous=FULL) on that session's worker
// thread, before the PUBACKs leave. Cloud side: rows are published at QoS 1
// in queue order, at most maxInFlight unacknowledged and at most
// maxPublishesPerSecond in any sliding second; a row is removed only after its
// PUBACK. Publishes that fail (link loss) rewind the cursor, so the rows are
// sent again in order (counted as resent).
//
// Threading: create it, move it to its thread, then call the slots only
// through queued calls. Results leave through the signals.
class UplinkEngine : public QObject
{
    Q_OBJECT
public:
    explicit UplinkEngine(QObject *parent = nullptr);
    ~UplinkEngine() override;

    void configure(const UplinkConfiguration &configuration);

    // One free-disk check of the queue's folder. Unreadable: QStorageInfo is
    // not valid there (chroots, containers without a "/" mount entry), so the
    // floor cannot be enforced and the user must be told.
    enum class DiskFloorCheck { Enough, Reached, Unreadable };
    static DiskFloorCheck checkDiskFloor(bool storageValid, qint64 bytesAvailable, qint64 floorBytes);
    static QString diskFloorUnreadableText(const QString &folder, qint64 floorBytes);
    void start();
    void stop();

Q_SIGNALS:
    void statusChanged(const UplinkStatus &status);
    void errorOccurred(const QString &message);

private:
    struct InFlight
    {
        qint64 rowId = 0;
    };

    void ingested(const UplinkQueue::AppendResult &result, const QString &error);
    void cloudStateChanged();
    void published(int requestId, bool ok, const QString &reason);
    void downlinkReceived(const QList<MqttMessage> &messages);
    void pump();
    void schedulePump(int delayMs);
    bool flushAcks();
    void rewindTo(qint64 rowId);
    void refresh();
    void updateDiskFloor();
    void reportError(const QString &message);
    // Reads cloudCertificateFile/cloudKeyFile into cloud's TLS settings;
    // empty string or the translated problem.
    QString loadIdentityFiles(ConnectionSettings *cloud) const;
    void setAlarm(UplinkStatus::Alarm alarm);
    QString alarmText(UplinkStatus::Alarm alarm) const;

    UplinkConfiguration m_config;
    bool m_running = false;
    std::unique_ptr<MqttSession> m_local;
    std::unique_ptr<MqttSession> m_cloud;
    std::shared_ptr<UplinkQueue> m_ingest;      // used by the local session's worker thread
    std::unique_ptr<UplinkQueue> m_drain;       // used on this thread
    std::shared_ptr<std::atomic<bool>> m_diskFloorReached = std::make_shared<std::atomic<bool>>(false);

    QMap<int, InFlight> m_inFlight;             // request id -> row
    QHash<qint64, int> m_inFlightRows;          // row id -> request id
    QList<UplinkQueue::Row> m_buffer;           // fetched, not yet sent, in order
    qint64 m_cursor = 0;                        // highest row id fetched into m_buffer or sent
    QList<qint64> m_acked;                      // PUBACKed, not yet removed from the file
    std::deque<qint64> m_sendTimes;             // ms timestamps of the sends in the current window
    std::deque<std::pair<qint64, quint64>> m_deliveryHistory;  // (ms, delivered) for the drain rate
    QElapsedTimer m_clock;

    QTimer *m_pumpTimer = nullptr;
    QTimer *m_refreshTimer = nullptr;
    UplinkStatus m_status;
    bool m_cloudWasConnected = false;
};
