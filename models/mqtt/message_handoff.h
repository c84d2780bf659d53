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
// receiving side hands messages on in slices of at most sliceSize() from a
// zero-interval timer, so other timers and paint events run between slices.
class MessageHandoff : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultSliceSize = 2000;

    // Create on the receiving thread.
    explicit MessageHandoff(QObject *parent = nullptr);

    void setSliceSize(int messages);
    int sliceSize() const;

    // Thread-safe; call from the producing thread.
    void append(const QList<MqttMessage> &batch);

    // Messages appended but not yet handed on (thread-safe).
    qsizetype pendingCount() const;

Q_SIGNALS:
    // On the receiving thread, in arrival order, at most sliceSize() at a time.
    void messagesReady(const QList<MqttMessage> &messages);

private:
    void drainSlice();

    mutable QMutex m_mutex;
    QList<MqttMessage> m_pending;      // guarded by m_mutex
    qsizetype m_readPosition = 0;      // guarded; m_pending before it is handed on already
    bool m_wakeUpPending = false;      // guarded by m_mutex
    int m_sliceSize = DefaultSliceSize;
    QTimer m_drainTimer;
};
