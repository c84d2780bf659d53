#include "uplink_engine.h"

#include "mqtt/mqtt_message.h"
#include "mqtt/mqtt_session.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStorageInfo>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcUplink, "linescope.uplink")

namespace {

constexpr int FetchChunk = 200;
constexpr int RefreshIntervalMs = 500;
constexpr int RetryAfterFailureMs = 200;
constexpr qint64 DrainRateWindowMs = 5000;
// Reconnect attempts at most this far apart, so draining starts within 5 s of
// the cloud coming back.
constexpr int MaxCloudReconnectDelayMs = 3000;
constexpr quint32 LocalSessionExpirySeconds = 7 * 24 * 3600;
// Fraction of the limits below which a raised overflow alarm clears itself.
constexpr double AlarmClearRatio = 0.9;
// The sliding rate window is this much longer than a second, so jitter on the
// way to the cloud cannot push its measured rate over the limit.
constexpr qint64 RateWindowMs = 1100;

} // namespace

UplinkEngine::UplinkEngine(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
}

UplinkEngine::~UplinkEngine()
{
    stop();
}

void UplinkEngine::configure(const UplinkConfiguration &configuration)
{
    m_config = configuration;
    ConnectionSettings &local = m_config.local;
    local.cleanSession = false;
    local.autoReconnect = true;
    if (local.clientId.isEmpty()) {
        local.clientId = QStringLiteral("linescope-uplink");
    }
    if (local.protocolVersion == ConnectionSettings::ProtocolVersion::V5 && local.sessionExpirySeconds == 0) {
        local.sessionExpirySeconds = LocalSessionExpirySeconds;
    }
    ConnectionSettings &cloud = m_config.cloud;
    cloud.autoReconnect = true;
    cloud.reconnectMaxDelayMs = std::min(cloud.reconnectMaxDelayMs, MaxCloudReconnectDelayMs);
    cloud.reconnectMinDelayMs = std::min(cloud.reconnectMinDelayMs, cloud.reconnectMaxDelayMs);
    m_config.maxInFlight = std::clamp(m_config.maxInFlight, 1, 100);
    m_config.maxPublishesPerSecond = std::clamp(m_config.maxPublishesPerSecond, 1, 100);
}

void UplinkEngine::start()
{
    if (m_running) {
        return;
    }
    QString error;
    m_drain = std::make_unique<UplinkQueue>();
    m_ingest = std::make_shared<UplinkQueue>();
    if (!m_drain->open(m_config.queueFile, UplinkQueue::Durability::Normal, &error)
        || !m_ingest->open(m_config.queueFile, UplinkQueue::Durability::Full, &error)) {
        m_drain.reset();
        m_ingest.reset();
        setAlarm(UplinkStatus::Alarm::StorageError);
        m_status.alarmText = error;
        reportError(error);
        return;
    }
    m_running = true;
    m_inFlight.clear();
    m_inFlightRows.clear();
    m_buffer.clear();
    m_acked.clear();
    m_cursor = 0;
    m_status.resent = 0;
    m_status.maxInFlightSeen = 0;
    m_cloudWasConnected = false;

    if (!m_pumpTimer) {
        m_pumpTimer = new QTimer(this);
        m_pumpTimer->setSingleShot(true);
        connect(m_pumpTimer, &QTimer::timeout, this, &UplinkEngine::pump);
        m_refreshTimer = new QTimer(this);
        m_refreshTimer->setInterval(RefreshIntervalMs);
        connect(m_refreshTimer, &QTimer::timeout, this, &UplinkEngine::refresh);
    }
    updateDiskFloor();

    ConnectionSettings cloudSettings = m_config.cloud;
    const QString identityProblem = loadIdentityFiles(&cloudSettings);
    m_cloud = std::make_unique<MqttSession>();
    m_cloud->setSettings(cloudSettings);
    const int keepAliveMs = m_config.cloud.keepAliveSeconds * 1000;
    if (keepAliveMs > 0) {
        // libmosquitto pings after 1 x keep-alive of silence; allow the answer
        // half a keep-alive, minus the checker's granularity.
        m_cloud->setSilentLinkTimeout(std::max(keepAliveMs + 1000, keepAliveMs * 3 / 2 - 500));
    }
    connect(m_cloud.get(), &MqttSession::stateChanged, this, &UplinkEngine::cloudStateChanged);
    connect(m_cloud.get(), &MqttSession::published, this, &UplinkEngine::published);
    connect(m_cloud.get(), &MqttSession::messagesReceived, this, &UplinkEngine::downlinkReceived);
    connect(m_cloud.get(), &MqttSession::errorOccurred, this,
            [this](MqttSession::Error, const QString &message) { reportError(message); });
    for (const QString &filter : std::as_const(m_config.downlinkFilters)) {
        MqttSubscription subscription;
        subscription.filter = filter;
        subscription.qos = 1;
        if (!m_cloud->subscribe(subscription)) {
            reportError(m_cloud->errorString());
        }
    }

    m_local = std::make_unique<MqttSession>();
    m_local->setSettings(m_config.local);
    // Runs on the local session's worker thread: the batch is committed
    // (fsync) before libmosquitto writes the PUBACKs.
    m_local->setMessageSink([queue = m_ingest, limits = m_config.limits, floor = m_diskFloorReached,
                             engine = this](const QList<MqttMessage> &messages) {
        UplinkQueue::AppendResult result;
        QString error;
        const bool ok = queue->append(messages, limits, floor->load(), &result, &error);
        QMetaObject::invokeMethod(
            engine, [engine, result, error] { engine->ingested(result, error); }, Qt::QueuedConnection);
        return ok;
    });
    connect(m_local.get(), &MqttSession::stateChanged, this, [this](MqttSession::State state) {
        m_status.localState = state;
        Q_EMIT statusChanged(m_status);
    });
    connect(m_local.get(), &MqttSession::errorOccurred, this,
            [this](MqttSession::Error, const QString &message) { reportError(message); });
    connect(m_local.get(), &MqttSession::subscribed, this, [this](const QList<MqttSubscribeResult> &results) {
        for (const MqttSubscribeResult &result : results) {
            if (!result.isGranted()) {
                reportError(tr("The local broker refused the uplink subscription to %1: %2")
                                .arg(result.filter, result.reason));
            }
        }
    });
    const bool v5 = m_config.local.protocolVersion == ConnectionSettings::ProtocolVersion::V5;
    for (const QString &filter : std::as_const(m_config.topicFilters)) {
        MqttSubscription subscription;
        subscription.filter = filter;
        subscription.qos = 1;
        subscription.noLocal = v5;            // our own downlink publishes are not sent back up
        subscription.retainAsPublished = v5;
        if (!m_local->subscribe(subscription)) {
            reportError(m_local->errorString());
        }
    }
    if (identityProblem.isEmpty()) {
        m_cloud->connectToBroker();
    } else {
        // The queue still fills; the next start() tries the files again.
        m_status.cloudState = MqttSession::State::Failed;
        reportError(identityProblem);
    }
    m_local->connectToBroker();
    m_refreshTimer->start();
    refresh();
}

QString UplinkEngine::loadIdentityFiles(ConnectionSettings *cloud) const
{
    if (m_config.cloudCertificateFile.isEmpty() && m_config.cloudKeyFile.isEmpty()) {
        return {};
    }
    const auto read = [](const QString &path, QByteArray *bytes) -> QString {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return tr("The uplink's client certificate or key file %1 cannot be read: %2. The messages are kept "
                      "in the queue until the file is fixed and the uplink restarted.")
                .arg(QDir::toNativeSeparators(path), file.errorString());
        }
        *bytes = file.readAll();
        return {};
    };
    if (const QString problem = read(m_config.cloudCertificateFile, &cloud->tls.clientCertificatePem); !problem.isEmpty()) {
        return problem;
    }
    if (const QString problem = read(m_config.cloudKeyFile, &cloud->tls.clientKeyPem); !problem.isEmpty()) {
        return problem;
    }
    // In-memory PEM takes precedence; no vault lookup for this connection.
    cloud->tls.clientIdentityId.clear();
    return {};
}

void UplinkEngine::stop()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    if (m_refreshTimer) {
        m_refreshTimer->stop();
        m_pumpTimer->stop();
    }
    // The local session goes first: once its worker thread is gone nothing
    // appends any more. Its persistent session makes the broker keep queuing.
    m_local.reset();
    flushAcks();
    m_cloud.reset();
    refresh();
    m_inFlight.clear();
    m_inFlightRows.clear();
    m_buffer.clear();
    m_ingest.reset();
    m_drain.reset();
    m_status.cloudState = MqttSession::State::Disconnected;
    m_status.localState = MqttSession::State::Disconnected;
    m_status.inFlight = 0;
    Q_EMIT statusChanged(m_status);
}

void UplinkEngine::ingested(const UplinkQueue::AppendResult &result, const QString &error)
{
    if (!m_running) {
        return;
    }
    if (!error.isEmpty()) {
        setAlarm(UplinkStatus::Alarm::StorageError);
        m_status.alarmText = error;
        reportError(error);
    } else if (result.dropped > 0) {
        if (m_status.alarm != result.cause) {
            qCWarning(lcUplink) << "queue limit reached, dropped" << result.dropped << "oldest message(s)";
        }
        setAlarm(result.cause);
    }
    schedulePump(0);
}

void UplinkEngine::cloudStateChanged()
{
    if (!m_cloud) {
        return;
    }
    const MqttSession::State state = m_cloud->state();
    m_status.cloudState = state;
    if (state == MqttSession::State::Connected) {
        // libmosquitto sends the unacknowledged publishes again after the
        // CONNACK; they count against the rate like new ones.
        const qint64 now = m_clock.elapsed();
        if (m_cloudWasConnected) {
            m_status.resent += static_cast<quint64>(m_inFlight.size());
        }
        for (int i = 0; i < m_inFlight.size(); ++i) {
            m_sendTimes.push_back(now);
        }
        m_cloudWasConnected = true;
        schedulePump(0);
    }
    Q_EMIT statusChanged(m_status);
}

void UplinkEngine::published(int requestId, bool ok, const QString &reason)
{
    const auto it = m_inFlight.find(requestId);
    if (it == m_inFlight.end()) {
        return;
    }
    const qint64 rowId = it->rowId;
    m_inFlight.erase(it);
    m_inFlightRows.remove(rowId);
    if (ok) {
        m_acked.append(rowId);
    } else {
        // Lost with the connection (or refused): send it again, in order.
        qCDebug(lcUplink) << "publish of queued row" << rowId << "failed:" << reason;
        rewindTo(rowId);
        m_status.resent += 1;
        schedulePump(RetryAfterFailureMs);
        return;
    }
    schedulePump(0);
}

void UplinkEngine::rewindTo(qint64 rowId)
{
    if (rowId - 1 < m_cursor) {
        m_cursor = rowId - 1;
        m_buffer.clear();
    }
}

void UplinkEngine::downlinkReceived(const QList<MqttMessage> &messages)
{
    for (const MqttMessage &m : messages) {
        if (!m_local || m_local->state() != MqttSession::State::Connected) {
            ++m_status.downlinkFailed;
            reportError(tr("A downlink message for %1 was not passed on: the local broker is not connected.")
                            .arg(m.topic));
            continue;
        }
        MqttPublishRequest request;
        request.topic = m.topic;
        request.payload = m.payload;
        request.qos = 1;
        if (m_local->publish(request) == 0) {
            ++m_status.downlinkFailed;
            reportError(m_local->errorString());
        } else {
            ++m_status.downlinkForwarded;
        }
    }
}

void UplinkEngine::schedulePump(int delayMs)
{
    if (!m_running) {
        return;
    }
    if (!m_pumpTimer->isActive() || m_pumpTimer->remainingTime() > delayMs) {
        m_pumpTimer->start(delayMs);
    }
}

bool UplinkEngine::flushAcks()
{
    if (m_acked.isEmpty() || !m_drain) {
        return true;
    }
    quint64 removed = 0;
    QString error;
    if (!m_drain->removeDelivered(m_acked, &removed, &error)) {
        // The rows stay; they are sent again after the next rewind.
        reportError(error);
        return false;
    }
    m_acked.clear();
    return true;
}

void UplinkEngine::pump()
{
    if (!m_running || !m_cloud || !m_drain) {
        return;
    }
    flushAcks();
    if (m_cloud->state() != MqttSession::State::Connected) {
        return;
    }
    const qint64 now = m_clock.elapsed();
    while (!m_sendTimes.empty() && now - m_sendTimes.front() >= RateWindowMs) {
        m_sendTimes.pop_front();
    }
    while (m_inFlight.size() < m_config.maxInFlight) {
        if (static_cast<int>(m_sendTimes.size()) >= m_config.maxPublishesPerSecond) {
            schedulePump(static_cast<int>(m_sendTimes.front() + RateWindowMs - now) + 1);
            break;
        }
        if (m_buffer.isEmpty()) {
            QList<UplinkQueue::Row> rows;
            QString error;
            if (!m_drain->fetch(m_cursor, FetchChunk, &rows, &error)) {
                reportError(error);
                schedulePump(1000);
                return;
            }
            for (const UplinkQueue::Row &row : std::as_const(rows)) {
                m_cursor = std::max(m_cursor, row.id);
                if (!m_inFlightRows.contains(row.id) && !m_acked.contains(row.id)) {
                    m_buffer.append(row);
                }
            }
            if (m_buffer.isEmpty()) {
                if (rows.isEmpty()) {
                    break;  // drained; ingested() pumps again
                }
                continue;
            }
        }
        const UplinkQueue::Row row = m_buffer.takeFirst();
        MqttPublishRequest request;
        request.topic = row.topic;
        request.payload = row.payload;
        request.qos = 1;
        request.retain = row.retained;
        const int requestId = m_cloud->publish(request);
        if (requestId == 0) {
            rewindTo(row.id);
            reportError(m_cloud->errorString());
            break;
        }
        m_inFlight.insert(requestId, {row.id});
        m_inFlightRows.insert(row.id, requestId);
        m_sendTimes.push_back(now);
        m_status.maxInFlightSeen = std::max(m_status.maxInFlightSeen, static_cast<int>(m_inFlight.size()));
    }
}

UplinkEngine::DiskFloorCheck UplinkEngine::checkDiskFloor(bool storageValid, qint64 bytesAvailable, qint64 floorBytes)
{
    if (floorBytes <= 0)
        return DiskFloorCheck::Enough;
    if (!storageValid)
        return DiskFloorCheck::Unreadable;
    return bytesAvailable < floorBytes ? DiskFloorCheck::Reached : DiskFloorCheck::Enough;
}

QString UplinkEngine::diskFloorUnreadableText(const QString &folder, qint64 floorBytes)
{
    return tr("The free disk space of %1 cannot be read; the free-disk floor of %2 bytes is not enforced.")
        .arg(QDir::toNativeSeparators(folder))
        .arg(floorBytes);
}

void UplinkEngine::updateDiskFloor()
{
    const QString folder = QFileInfo(m_config.queueFile).absolutePath();
    QStorageInfo storage(folder);
    storage.refresh();
    const DiskFloorCheck check = checkDiskFloor(storage.isValid(), storage.bytesAvailable(), m_config.limits.minFreeDiskBytes);
    m_diskFloorReached->store(check == DiskFloorCheck::Reached);
    if (check == DiskFloorCheck::Reached) {
        setAlarm(UplinkStatus::Alarm::DiskFloor);
    }
    if (check == DiskFloorCheck::Unreadable) {
        // Reported once; the warning stays in the status for the panel and the CLI.
        if (m_status.diskWarning.isEmpty()) {
            m_status.diskWarning = diskFloorUnreadableText(folder, m_config.limits.minFreeDiskBytes);
            reportError(m_status.diskWarning);
        }
    } else {
        m_status.diskWarning.clear();
    }
}

void UplinkEngine::refresh()
{
    if (m_running) {
        updateDiskFloor();
        flushAcks();
    }
    if (m_drain) {
        UplinkQueue::Counters counters;
        QString error;
        if (m_drain->counters(&counters, &error)) {
            m_status.published = counters.published;
            m_status.delivered = counters.delivered;
            m_status.dropped = counters.dropped;
            m_status.queued = counters.queued;
            m_status.queuedBytes = counters.queuedBytes;
            m_status.droppedByTopic = counters.droppedByTopic;
            m_status.oldestQueuedAgeMs = counters.oldestReceivedAtMs > 0
                ? std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - counters.oldestReceivedAtMs)
                : 0;
        } else {
            reportError(error);
        }
        const qint64 now = m_clock.elapsed();
        m_deliveryHistory.emplace_back(now, m_status.delivered);
        while (m_deliveryHistory.size() > 1 && now - m_deliveryHistory.front().first > DrainRateWindowMs) {
            m_deliveryHistory.pop_front();
        }
        const qint64 span = now - m_deliveryHistory.front().first;
        m_status.drainRatePerSecond =
            span > 0 ? (m_status.delivered - m_deliveryHistory.front().second) * 1000.0 / span : 0.0;
    }
    m_status.inFlight = static_cast<int>(m_inFlight.size());

    // An overflow alarm clears itself once there is room again.
    const UplinkQueueLimits &limits = m_config.limits;
    const bool roomAgain = !m_diskFloorReached->load()
        && m_status.queued <= static_cast<quint64>(limits.maxMessages * AlarmClearRatio)
        && m_status.queuedBytes <= static_cast<qint64>(limits.maxBytes * AlarmClearRatio);
    if (m_status.alarm != UplinkStatus::Alarm::StorageError && m_status.alarm != UplinkStatus::Alarm::None
        && roomAgain) {
        setAlarm(UplinkStatus::Alarm::None);
    }
    Q_EMIT statusChanged(m_status);
}

void UplinkEngine::setAlarm(UplinkStatus::Alarm alarm)
{
    if (m_status.alarm == alarm) {
        return;
    }
    m_status.alarm = alarm;
    m_status.alarmText = alarmText(alarm);
    Q_EMIT statusChanged(m_status);
}

QString UplinkEngine::alarmText(UplinkStatus::Alarm alarm) const
{
    const UplinkQueueLimits &limits = m_config.limits;
    switch (alarm) {
    case UplinkStatus::Alarm::None:
        return {};
    case UplinkStatus::Alarm::MessageLimit:
        return tr("The uplink queue is full (%1 messages): the oldest messages are being dropped. Restore the "
                  "cloud connection or raise the limit.")
            .arg(limits.maxMessages);
    case UplinkStatus::Alarm::ByteLimit:
        return tr("The uplink queue is full (%1 bytes): the oldest messages are being dropped. Restore the cloud "
                  "connection or raise the limit.")
            .arg(limits.maxBytes);
    case UplinkStatus::Alarm::DiskFloor:
        return tr("Less than %1 bytes are free on the disk of the uplink queue: the queue no longer grows and the "
                  "oldest messages are being dropped. Free disk space.")
            .arg(limits.minFreeDiskBytes);
    case UplinkStatus::Alarm::StorageError:
        return tr("The uplink queue cannot be written.");
    }
    return {};
}

void UplinkEngine::reportError(const QString &message)
{
    m_status.lastError = message;
    Q_EMIT errorOccurred(message);
}
