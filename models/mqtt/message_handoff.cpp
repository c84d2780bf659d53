#include "message_handoff.h"

#include <QMutexLocker>

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
    return m_pending.size();
}

void MessageHandoff::drainSlice()
{
    QList<MqttMessage> slice;
    bool more = false;
    {
        QMutexLocker lock(&m_mutex);
        if (m_pending.size() <= m_sliceSize) {
            slice.swap(m_pending);
        } else {
            slice = m_pending.first(m_sliceSize);
            m_pending.remove(0, m_sliceSize);
        }
        more = !m_pending.isEmpty();
        m_wakeUpPending = more;
    }
    if (more)
        m_drainTimer.start();
    if (!slice.isEmpty())
        Q_EMIT messagesReady(slice);
}
