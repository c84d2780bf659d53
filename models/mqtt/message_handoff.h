#pragma once

#include "mqtt_message.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>

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
// yields so other timers and paint events run before the next turn. The
// slice size adapts to what the receivers cost per message (measured on the
// previous slices), so one turn overshoots its budget by little even when
// the receivers are slow.
class MessageHandoff : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultSliceSize = 2000;
    static constexpr int DefaultTimeBudgetMs = 8;

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

    // Thread-safe; call from the producing thread.
    void append(const QList<MqttMessage> &batch);

    // Messages appended but not yet handed on (thread-safe).
    qsizetype pendingCount() const;

Q_SIGNALS:
    // On the receiving thread, in arrival order, at most sliceSize() at a time.
    void messagesReady(const QList<MqttMessage> &messages);

private:
    void drainTurn();
    // Takes up to `wanted` messages; sets *more when some are left.
    QList<MqttMessage> take(qsizetype wanted, bool *more);

    mutable QMutex m_mutex;
    QList<MqttMessage> m_pending;      // guarded by m_mutex
    qsizetype m_readPosition = 0;      // guarded; m_pending before it is handed on already
    bool m_wakeUpPending = false;      // guarded by m_mutex
    int m_sliceSize = DefaultSliceSize;
    int m_timeBudgetMs = DefaultTimeBudgetMs;
    double m_nsPerMessage = 0;         // receivers' cost, smoothed; 0 until measured
    QTimer m_drainTimer;
};
