#include "message_handoff.h"

#include <QElapsedTimer>
#include <QMutexLocker>

#include <algorithm>

namespace {

// The first slice before any cost is known, and the smallest slice the
// budget may ask for. Receivers have costs per call besides those per
// message, which the measured cost per message includes; too small slices
// would multiply those.
constexpr qsizetype InitialSlice = 200;
constexpr qsizetype MinimumSlice = 50;
// One slice is sized for at most this share of the turn's budget: the cost
// per message jumps when new topics arrive (new tree nodes and series), and
// a slice sized from the older, lower cost would overrun the turn by several
// budgets. Smaller slices let the turn stop near its budget.
constexpr int SlicesPerBudget = 4;
// Weight of the newest measurement in the smoothed cost per message.
constexpr double CostSmoothing = 0.3;

} // namespace

MessageHandoff::MessageHandoff(QObject *parent)
    : QObject(parent)
{
    m_drainTimer.setObjectName(QStringLiteral("messageHandoff"));
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

void MessageHandoff::setBacklogLimitBytes(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_backlogLimitBytes = std::max<qint64>(1, bytes);
}

qint64 MessageHandoff::backlogLimitBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_backlogLimitBytes;
}

qint64 MessageHandoff::estimatedBytes(const MqttMessage &message)
{
    const MqttProperties &p = message.properties;
    qint64 bytes = qint64(sizeof(MqttMessage)) + message.payload.size()
        + (message.topic.size() + p.contentType.size() + p.responseTopic.size()) * qint64(sizeof(QChar))
        + p.correlationData.size() + p.subscriptionIdentifiers.size() * qint64(sizeof(quint32));
    for (const auto &property : p.userProperties)
        bytes += (property.first.size() + property.second.size()) * qint64(sizeof(QChar));
    return bytes;
}

void MessageHandoff::append(const QList<MqttMessage> &batch)
{
    if (batch.isEmpty())
        return;
    qint64 batchBytes = 0;
    for (const MqttMessage &message : batch)
        batchBytes += estimatedBytes(message);
    {
        QMutexLocker lock(&m_mutex);
        // The batch is shared, not copied: appending costs the same however
        // long the backlog is.
        m_batches.push_back(batch);
        m_pendingCount += batch.size();
        m_pendingBytes += batchBytes;
        // Over the bound: the oldest messages nobody has seen yet go first,
        // so what is shown stays as recent as possible.
        while (m_pendingBytes > m_backlogLimitBytes && m_pendingCount > 0) {
            m_pendingBytes -= estimatedBytes(m_batches.front().at(m_frontOffset));
            ++m_dropped;
            popFrontLocked(1);
        }
        if (m_wakeUpPending || m_pendingCount == 0)
            return;
        m_wakeUpPending = true;
    }
    // The timer belongs to the receiving thread: start it there.
    QMetaObject::invokeMethod(&m_drainTimer, qOverload<>(&QTimer::start), Qt::QueuedConnection);
}

qsizetype MessageHandoff::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_pendingCount;
}

qint64 MessageHandoff::pendingBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_pendingBytes;
}

quint64 MessageHandoff::droppedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

void MessageHandoff::popFrontLocked(qsizetype count)
{
    m_frontOffset += count;
    m_pendingCount -= count;
    if (m_frontOffset == m_batches.front().size()) {
        m_batches.pop_front();
        m_frontOffset = 0;
    }
    if (m_pendingCount == 0)
        m_pendingBytes = 0;   // no rounding left behind
}

QList<MqttMessage> MessageHandoff::take(qsizetype wanted, bool *more)
{
    QList<MqttMessage> slice;
    QMutexLocker lock(&m_mutex);
    while (slice.size() < wanted && m_pendingCount > 0) {
        const QList<MqttMessage> &front = m_batches.front();
        const qsizetype count = std::min(wanted - slice.size(), front.size() - m_frontOffset);
        if (slice.isEmpty() && m_frontOffset == 0 && count == front.size())
            slice = front;   // a whole batch: shared, nothing copied
        else
            slice.append(front.mid(m_frontOffset, count));
        for (qsizetype i = m_frontOffset; i < m_frontOffset + count; ++i)
            m_pendingBytes -= estimatedBytes(front.at(i));
        popFrontLocked(count);
    }
    *more = m_pendingCount > 0;
    m_wakeUpPending = *more;
    return slice;
}

void MessageHandoff::drainTurn()
{
    // A turn and whatever the thread did since the previous turn (painting,
    // other timers) share two budgets, so one slow paint between two turns
    // does not make the thread unresponsive for budget + paint + budget.
    const qint64 fullNs = qint64(m_timeBudgetMs) * 1000000;
    const qint64 otherNs = m_sinceLastTurn.isValid() ? m_sinceLastTurn.nsecsElapsed() : 0;
    const qint64 budgetNs = std::clamp(2 * fullNs - otherNs, fullNs / SlicesPerBudget, fullNs);
    QElapsedTimer turn;
    turn.start();
    bool more = false;
    do {
        // As many messages as the rest of the budget allows at the measured cost.
        qsizetype wanted = InitialSlice;
        if (m_nsPerMessage > 0) {
            const qint64 sliceNs = std::min(budgetNs - turn.nsecsElapsed(), budgetNs / SlicesPerBudget);
            wanted = qsizetype(double(sliceNs) / m_nsPerMessage);
        }
        wanted = std::clamp<qsizetype>(wanted, std::min<qsizetype>(MinimumSlice, m_sliceSize), m_sliceSize);
        const QList<MqttMessage> slice = take(wanted, &more);
        if (slice.isEmpty())
            break;
        const qint64 before = turn.nsecsElapsed();
        Q_EMIT messagesReady(slice);
        const double measured = double(turn.nsecsElapsed() - before) / double(slice.size());
        m_nsPerMessage = m_nsPerMessage > 0 ? m_nsPerMessage + CostSmoothing * (measured - m_nsPerMessage) : measured;
    } while (more && turn.nsecsElapsed() < budgetNs);
    if (more) {
        m_sinceLastTurn.start();
        m_drainTimer.start();
    } else {
        m_sinceLastTurn.invalidate();   // idle: the next flood starts with a full turn
    }
}
