#include "uplink_test_rig.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

namespace UplinkTestRig {

bool isLongMode()
{
    return qEnvironmentVariableIntValue("LINESCOPE_LONG_TESTS") == 1;
}

int messageCount()
{
    return isLongMode() ? 10000 : 800;
}

int outageMs()
{
    return isLongMode() ? 120000 : 5000;
}

int topicCount()
{
    return 4;
}

QString topicFor(int seq)
{
    return QStringLiteral("plant/line%1/telemetry").arg(seq % topicCount());
}

QStringList brokerConfigLines()
{
    return {QStringLiteral("max_inflight_messages 20")};
}

ConnectionSettings settingsFor(int port, const QString &clientId)
{
    ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    s.clientId = clientId;
    s.reconnectMinDelayMs = 200;
    s.reconnectMaxDelayMs = 1000;
    return s;
}

QString publishRange(int port, int first, int last, int perSecond)
{
    MqttSession session;
    session.setSettings(settingsFor(port, QStringLiteral("test-publisher-%1").arg(first)));
    QSignalSpy connected(&session, &MqttSession::connected);
    session.connectToBroker();
    if (!connected.wait(20000)) {
        return QStringLiteral("publisher did not connect: %1").arg(session.errorString());
    }
    int acked = 0;
    QString failure;
    QObject::connect(&session, &MqttSession::published, &session, [&](int, bool ok, const QString &reason) {
        ++acked;
        if (!ok && failure.isEmpty()) {
            failure = reason;
        }
    });
    QElapsedTimer clock;
    clock.start();
    for (int seq = first; seq <= last; ++seq) {
        if (perSecond > 0) {
            const qint64 due = static_cast<qint64>(seq - first) * 1000 / perSecond;
            while (clock.elapsed() < due) {
                QTest::qWait(static_cast<int>(std::min<qint64>(50, due - clock.elapsed())));
            }
        }
        MqttPublishRequest request;
        request.topic = topicFor(seq);
        request.payload = QByteArray::number(seq);
        request.qos = 1;
        if (session.publish(request) == 0) {
            return QStringLiteral("publish %1 refused: %2").arg(seq).arg(session.errorString());
        }
    }
    const int total = last - first + 1;
    if (!QTest::qWaitFor([&] { return acked >= total; }, 60000)) {
        return QStringLiteral("only %1 of %2 publishes were acknowledged by the local broker").arg(acked).arg(total);
    }
    return failure.isEmpty() ? QString() : QStringLiteral("a publish failed: %1").arg(failure);
}

CloudRecorder::CloudRecorder(QObject *parent)
    : QObject(parent)
    , m_session(std::make_unique<MqttSession>())
{
    connect(m_session.get(), &MqttSession::messagesReceived, this, &CloudRecorder::received);
    connect(m_session.get(), &MqttSession::connected, this,
            [this](bool) { m_connectedAtMs = QDateTime::currentMSecsSinceEpoch(); });
}

CloudRecorder::~CloudRecorder() = default;

QString CloudRecorder::start(int port)
{
    ConnectionSettings s = settingsFor(port, QStringLiteral("cloud-recorder"));
    s.cleanSession = false;
    s.sessionExpirySeconds = 3600;
    m_session->setSettings(s);
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("plant/#");
    subscription.qos = 1;
    m_session->subscribe(subscription);
    QSignalSpy subscribed(m_session.get(), &MqttSession::subscribed);
    m_session->connectToBroker();
    if (!subscribed.wait(20000)) {
        return QStringLiteral("cloud recorder did not subscribe: %1").arg(m_session->errorString());
    }
    return {};
}

void CloudRecorder::received(const QList<MqttMessage> &messages)
{
    for (const MqttMessage &m : messages) {
        bool ok = false;
        const int seq = m.payload.toInt(&ok);
        if (!ok) {
            if (m_orderProblem.isEmpty()) {
                m_orderProblem = QStringLiteral("unexpected payload on %1: %2").arg(m.topic, QString::fromUtf8(m.payload));
            }
            continue;
        }
        if (m.topic != topicFor(seq) && m_orderProblem.isEmpty()) {
            m_orderProblem = QStringLiteral("seq %1 arrived on %2").arg(seq).arg(m.topic);
        }
        if (m.receivedAtMs >= m_connectedAtMs + 1000 && m.receivedAtMs >= m_ignoreRateUntilMs) {
            m_arrivals.append(m.receivedAtMs);
        }
        if (m_seen.contains(seq)) {
            ++m_duplicates;
            continue;
        }
        m_seen.insert(seq);
        const int last = m_lastNewSeqByTopic.value(m.topic, -1);
        if (seq < last && m_orderProblem.isEmpty()) {
            m_orderProblem = QStringLiteral("on %1 new message %2 arrived after %3").arg(m.topic).arg(seq).arg(last);
        }
        m_lastNewSeqByTopic[m.topic] = std::max(last, seq);
    }
}

bool CloudRecorder::hasAll(int first, int last, QString *missing) const
{
    QStringList absent;
    for (int seq = first; seq <= last; ++seq) {
        if (!m_seen.contains(seq)) {
            absent.append(QString::number(seq));
        }
    }
    if (missing) {
        *missing = QStringLiteral("%1 missing: %2").arg(absent.size()).arg(absent.mid(0, 20).join(QLatin1Char(',')));
    }
    return absent.isEmpty();
}

int CloudRecorder::maxPerSecond() const
{
    QList<qint64> times = m_arrivals;
    std::sort(times.begin(), times.end());
    int best = 0;
    qsizetype begin = 0;
    for (qsizetype end = 0; end < times.size(); ++end) {
        while (times.at(end) - times.at(begin) >= 1000) {
            ++begin;
        }
        best = std::max(best, static_cast<int>(end - begin + 1));
    }
    return best;
}

bool CloudRecorder::waitForUnique(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_seen.size() >= count; }, timeoutMs);
}

void useMutualTls(UplinkConfiguration *configuration, const TestTlsPki &pki, int tlsPort)
{
    configuration->cloud.port = tlsPort;
    configuration->cloud.tls.enabled = true;
    configuration->cloud.tls.caFile = pki.caFile();
    configuration->cloudCertificateFile = pki.clientCertificateFile();
    configuration->cloudKeyFile = pki.clientKeyFile();
}

QString describe(const UplinkStatus &s)
{
    QStringList drops;
    for (auto it = s.droppedByTopic.cbegin(); it != s.droppedByTopic.cend(); ++it) {
        drops.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
    }
    return QStringLiteral("published %1 delivered %2 dropped %3 queued %4 (%5 B) resent %6 inFlight %7 maxInFlight %8 "
                          "cloud %9 local %10 alarm %11 '%12' drops [%13] lastError '%14'")
        .arg(s.published)
        .arg(s.delivered)
        .arg(s.dropped)
        .arg(s.queued)
        .arg(s.queuedBytes)
        .arg(s.resent)
        .arg(s.inFlight)
        .arg(s.maxInFlightSeen)
        .arg(static_cast<int>(s.cloudState))
        .arg(static_cast<int>(s.localState))
        .arg(static_cast<int>(s.alarm))
        .arg(s.alarmText, drops.join(QLatin1Char(' ')), s.lastError);
}

bool countersBalance(const UplinkStatus &s)
{
    return s.published == s.delivered + s.dropped + s.queued;
}

} // namespace UplinkTestRig
