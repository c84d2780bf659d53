#include "message_handoff.h"

#include <QElapsedTimer>
#include <QMutexLocker>

#include <algorithm>

namespace {

// The first slice before any cost is known, and the smallest slice the
// budget may ask for. Receivers have costs per call besides those per
// message (sorting, a refresh over everything they hold), which the measured
// cost per message includes; too small slices would multiply those.
constexpr qsizetype InitialSlice = 1000;
constexpr qsizetype MinimumSlice = 500;
// Weight of the newest measurement in the smoothed cost per message.
constexpr double CostSmoothing = 0.3;

} // namespace

MessageHandoff::MessageHandoff(QObject *parent)
    : QObject(parent)
{
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(0);
    connect(&m_drainTimer, &QTimer::timeout, this, &MessageHandoff::drainTurn);
}

void MessageHandoff::setSliceSize(int messages)
{
    m_sliceSize = std::max(1, messages);
}

int MessageHandoff::sliceSize() const
{
    return m_sliceSize;
}

void MessageHandoff::setTimeBudgetMs(int milliseconds)
{
    m_timeBudgetMs = std::max(1, milliseconds);
}

int MessageHandoff::timeBudgetMs() const
{
    return m_timeBudgetMs;
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

QList<MqttMessage> MessageHandoff::take(qsizetype wanted, bool *more)
{
    QList<MqttMessage> slice;
    QMutexLocker lock(&m_mutex);
    if (m_readPosition == 0 && m_pending.size() <= wanted) {
        slice.swap(m_pending);  // the usual case: everything fits, nothing copied
    } else {
        const qsizetype count = std::min(wanted, m_pending.size() - m_readPosition);
        slice = m_pending.mid(m_readPosition, count);
        m_readPosition += count;
        // Drop what was handed on once it is at least half the list: removing
        // from the front per slice would move the whole backlog every time.
        if (m_readPosition == m_pending.size()) {
            m_pending.clear();
            m_readPosition = 0;
        } else if (m_readPosition * 2 >= m_pending.size()) {
            m_pending.remove(0, m_readPosition);
            m_readPosition = 0;
        }
    }
    *more = m_readPosition < m_pending.size();
    m_wakeUpPending = *more;
    return slice;
}

void MessageHandoff::drainTurn()
{
    const qint64 budgetNs = qint64(m_timeBudgetMs) * 1000000;
    QElapsedTimer turn;
    turn.start();
    bool more = false;
    do {
        // As many messages as the rest of the budget allows at the measured cost.
        qsizetype wanted = InitialSlice;
        if (m_nsPerMessage > 0)
            wanted = qsizetype(double(budgetNs - turn.nsecsElapsed()) / m_nsPerMessage);
        wanted = std::clamp<qsizetype>(wanted, std::min<qsizetype>(MinimumSlice, m_sliceSize), m_sliceSize);
        const QList<MqttMessage> slice = take(wanted, &more);
        if (slice.isEmpty())
            break;
        const qint64 before = turn.nsecsElapsed();
        Q_EMIT messagesReady(slice);
        const double measured = double(turn.nsecsElapsed() - before) / double(slice.size());
        m_nsPerMessage = m_nsPerMessage > 0 ? m_nsPerMessage + CostSmoothing * (measured - m_nsPerMessage) : measured;
    } while (more && turn.nsecsElapsed() < budgetNs);
    if (more)
        m_drainTimer.start();
}
