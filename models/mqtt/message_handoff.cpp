#include "message_handoff.h"

#include <QMutexLocker>

#include <algorithm>

MessageHandoff::MessageHandoff(QObject *parent)
    : QObject(parent)
{
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(0);
    connect(&m_drainTimer, &QTimer::timeout, this, &MessageHandoff::drainSlice);
}

void MessageHandoff::setSliceSize(int messages)
{
    m_sliceSize = std::max(1, messages);
}

int MessageHandoff::sliceSize() const
{
    return m_sliceSize;
}

void MessageHandoff::append(const QList<MqttMessage> &batch)
{
    if (batch.isEmpty())
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_pending.append(batch);
        if (m_wakeUpPending)
            return;
        m_wakeUpPending = true;
    }
    // The timer belongs to the receiving thread: start it there.
    QMetaObject::invokeMethod(&m_drainTimer, qOverload<>(&QTimer::start), Qt::QueuedConnection);
}

qsizetype MessageHandoff::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_pending.size() - m_readPosition;
}

void MessageHandoff::drainSlice()
{
    QList<MqttMessage> slice;
    bool more = false;
    {
        QMutexLocker lock(&m_mutex);
        if (m_readPosition == 0 && m_pending.size() <= m_sliceSize) {
            slice.swap(m_pending);  // the usual case: everything fits, nothing copied
            m_wakeUpPending = false;
            lock.unlock();
            if (!slice.isEmpty())
                Q_EMIT messagesReady(slice);
            return;
        }
        const qsizetype take = std::min<qsizetype>(m_sliceSize, m_pending.size() - m_readPosition);
        slice = m_pending.mid(m_readPosition, take);
        m_readPosition += take;
        // Drop what was handed on once it is at least half the list: removing
        // from the front per slice would move the whole backlog every time.
        if (m_readPosition == m_pending.size()) {
            m_pending.clear();
            m_readPosition = 0;
        } else if (m_readPosition * 2 >= m_pending.size()) {
            m_pending.remove(0, m_readPosition);
            m_readPosition = 0;
        }
        more = m_readPosition < m_pending.size();
        m_wakeUpPending = more;
    }
    if (more)
        m_drainTimer.start();
    if (!slice.isEmpty())
        Q_EMIT messagesReady(slice);
}
