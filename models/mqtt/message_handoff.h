#pragma once

#include "mqtt_message.h"

#include <QList>
#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <deque>

// Carries received messages from a session's worker thread to the thread the
// MqttSession lives on (normally the GUI thread) without flooding that
// thread's event queue.
//
// One queued signal per worker batch starves the receiving thread under a
// message flood: Qt delivers posted events until the queue is empty, and the
// worker refills it faster, so timers and painting wait for the flood to
// end. Here the worker only appends; at most one wake-up is pending, and the
// receiving side hands messages on from a zero-interval timer, in slices of
// at most sliceSize(), until timeBudgetMs() is spent in one turn; then it
// yields so other timers and paint events run before the next turn. When
// those took long, the next turn is shorter: a turn and the work since the
// previous one share two budgets (a turn gets at least a quarter budget). The
// slice size adapts to what the receivers cost per message (measured on the
// previous slices), so one turn overshoots its budget by little even when
// the receivers are slow.
//
// The backlog is bounded (backlogLimitBytes()): when the receiving thread
// falls so far behind that the bound is hit, the oldest messages not handed
// on yet are dropped and counted (droppedCount()), so memory stays bounded
// and the loss is visible instead of silent.
class MessageHandoff : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultSliceSize = 2000;
    static constexpr int DefaultTimeBudgetMs = 8;
    static constexpr qint64 DefaultBacklogLimitBytes = qint64(256) * 1024 * 1024;

    // Create on the receiving thread.
    explicit MessageHandoff(QObject *parent = nullptr);

    // Upper bound of one messagesReady() slice (>= 1).
    void setSliceSize(int messages);
    int sliceSize() const;

    // Time one turn of the receiving thread may spend handing messages on
    // before it yields to the event loop (>= 1 ms). At least one slice is
    // handed on per turn, so progress never stops.
    void setTimeBudgetMs(int milliseconds);
    int timeBudgetMs() const;

    // Memory the not yet handed on messages may take (estimated: topic,
    // payload, properties and bookkeeping), >= 1 byte. Thread-safe; applies
    // from the next append().
    void setBacklogLimitBytes(qint64 bytes);
    qint64 backlogLimitBytes() const;

    // Thread-safe; call from the producing thread. Drops the oldest pending
    // messages when the backlog would exceed backlogLimitBytes().
    void append(const QList<MqttMessage> &batch);

    // Messages appended but not yet handed on (thread-safe).
    qsizetype pendingCount() const;
    // Estimated memory of those messages (thread-safe).
    qint64 pendingBytes() const;
    // Messages dropped because the backlog hit its bound, since construction
    // (thread-safe).
    quint64 droppedCount() const;

    // The estimate pendingBytes() and the bound use for one message.
    static qint64 estimatedBytes(const MqttMessage &message);

Q_SIGNALS:
    // On the receiving thread, in arrival order, at most sliceSize() at a time.
    void messagesReady(const QList<MqttMessage> &messages);

private:
    void drainTurn();
    // Takes up to `wanted` messages; sets *more when some are left.
    QList<MqttMessage> take(qsizetype wanted, bool *more);
    // Forgets the oldest `count` pending messages of the front batch (count
    // <= what is left of it). Call with m_mutex held.
    void popFrontLocked(qsizetype count);

    mutable QMutex m_mutex;
    // The backlog as the worker's batches, oldest first: appending and
    // handing on never move the messages already waiting (a flat list had
    // to be compacted, moving up to hundreds of thousands of messages while
    // the worker waited for the lock).
    std::deque<QList<MqttMessage>> m_batches;   // guarded by m_mutex
    qsizetype m_frontOffset = 0;       // guarded; messages of the front batch handed on or dropped
    qsizetype m_pendingCount = 0;      // guarded; messages in m_batches after m_frontOffset
    qint64 m_pendingBytes = 0;         // guarded; estimate for those messages
    qint64 m_backlogLimitBytes = DefaultBacklogLimitBytes;  // guarded
    quint64 m_dropped = 0;             // guarded by m_mutex
    bool m_wakeUpPending = false;      // guarded by m_mutex
    int m_sliceSize = DefaultSliceSize;
    int m_timeBudgetMs = DefaultTimeBudgetMs;
    double m_nsPerMessage = 0;         // receivers' cost, smoothed; 0 until measured
    QElapsedTimer m_sinceLastTurn;     // since the end of a turn that left messages; invalid when idle
    QTimer m_drainTimer;
};
