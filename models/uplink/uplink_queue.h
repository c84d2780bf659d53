#pragma once

#include "uplink_types.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

struct MqttMessage;

// The durable store-and-forward queue: one SQLite file in WAL mode with the
// messages (in arrival order, by rowid) and the counters, changed in the same
// transactions so that published == delivered + dropped + queued holds even
// after a crash.
//
// Each instance is one SQLite connection. It may be created on one thread and
// then used from exactly one other thread (no concurrent calls); two
// instances on the same file (one appending, one draining) may run at the same
// time: SQLite's WAL locking serialises their writes.
//
// Durability: Full (synchronous=FULL) fsyncs every commit, so an appended
// batch survives a power cut; use it for append(), whose commit lets the local
// broker forget the messages. Normal (synchronous=NORMAL) survives a crash of
// the process but may lose the last commits on a power cut; for removals that
// only means a message is sent again (a duplicate), never lost.
class UplinkQueue
{
public:
    enum class Durability { Full, Normal };

    struct Row
    {
        qint64 id = 0;
        QString topic;
        QByteArray payload;
        bool retained = false;
        qint64 receivedAtMs = 0;
    };

    struct AppendResult
    {
        quint64 stored = 0;
        quint64 dropped = 0;
        UplinkStatus::Alarm cause = UplinkStatus::Alarm::None;  // the limit that caused drops
    };

    struct Counters
    {
        quint64 published = 0;
        quint64 delivered = 0;
        quint64 dropped = 0;
        quint64 queued = 0;
        qint64 queuedBytes = 0;
        qint64 oldestReceivedAtMs = 0;  // 0 when empty
        QHash<QString, quint64> droppedByTopic;
    };

    UplinkQueue();
    ~UplinkQueue();
    Q_DISABLE_COPY_MOVE(UplinkQueue)

    // Opens (creating when needed) the file. false with a translated error.
    bool open(const QString &path, Durability durability, QString *error);
    bool isOpen() const;
    QString path() const { return m_path; }

    // Appends the messages in one transaction, then drops the oldest rows
    // until the limits hold. With diskFloorReached the queue may not grow:
    // as many old rows are dropped as new ones come in.
    bool append(const QList<MqttMessage> &messages, const UplinkQueueLimits &limits, bool diskFloorReached,
                AppendResult *result, QString *error);
    // Up to limit rows with id > afterId, oldest first.
    bool fetch(qint64 afterId, int limit, QList<Row> *rows, QString *error);
    // Removes delivered rows in one transaction; rows already dropped do not
    // count. *removed receives how many were deleted.
    bool removeDelivered(const QList<qint64> &ids, quint64 *removed, QString *error);
    bool counters(Counters *counters, QString *error);

private:
    bool exec(const QString &statement, QString *error);
    bool beginWrite(QString *error);
    bool fail(const QString &what, const QString &detail, QString *error);
    bool trim(const UplinkQueueLimits &limits, bool diskFloorReached, qint64 countBefore, AppendResult *result,
              QString *error);
    bool addToCounter(const QString &key, qint64 delta, QString *error);

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
};
