#pragma once

#include "mqtt/mqtt_session.h"
#include "test_tls_pki.h"
#include "uplink/uplink_types.h"

#include <QHash>
#include <QList>
#include <QCoreApplication>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTest>

#include <memory>

// Shared by the uplink tests: sizes (scaled up by LINESCOPE_LONG_TESTS=1),
// a publisher for the local broker and a recorder on the "cloud" broker that
// checks order and counts duplicates by the sequence number in the payload.
namespace UplinkTestRig {

bool isLongMode();       // LINESCOPE_LONG_TESTS=1
int messageCount();      // 800 (CI) or 10,000 (LINESCOPE_LONG_TESTS=1)
int outageMs();          // 5 s (CI) or 120 s
int topicCount();
QString topicFor(int seq);
QStringList brokerConfigLines();

ConnectionSettings settingsFor(int port, const QString &clientId);

// Publishes seq first..last (inclusive) at QoS 1 to the local broker; waits
// until every PUBACK is in. Returns an empty string or the problem.
QString publishRange(int port, int first, int last, int perSecond = 0);

class CloudRecorder : public QObject
{
    Q_OBJECT
public:
    explicit CloudRecorder(QObject *parent = nullptr);
    ~CloudRecorder() override;

    // Connects (persistent session, so messages survive cloud restarts) and
    // waits for the subscription. Returns an empty string or the problem.
    QString start(int port);

    int uniqueCount() const { return m_seen.size(); }
    int duplicates() const { return m_duplicates; }
    QString orderProblem() const { return m_orderProblem; }
    bool hasAll(int first, int last, QString *missing) const;
    // Highest number of messages in any 1 s window, counting only messages
    // that arrived at least 1 s after this recorder (re)connected, so queued
    // backlog flushed to it on reconnect is not mistaken for the uplink's rate.
    int maxPerSecond() const;
    // Leaves messages that arrive before the given time out of maxPerSecond().
    void ignoreRateUntil(qint64 msSinceEpoch) { m_ignoreRateUntilMs = msSinceEpoch; }
    bool waitForUnique(int count, int timeoutMs);

private:
    void received(const QList<MqttMessage> &messages);

    std::unique_ptr<MqttSession> m_session;
    QSet<int> m_seen;
    QHash<QString, int> m_lastNewSeqByTopic;
    int m_duplicates = 0;
    QString m_orderProblem;
    QList<qint64> m_arrivals;     // ms, messages counted for the rate
    qint64 m_connectedAtMs = 0;
    qint64 m_ignoreRateUntilMs = 0;
};

// ConnectionSettings (and identity files) for the uplink's side of a cloud
// broker whose TLS listener (on tlsPort) requires a certificate of pki.
void useMutualTls(UplinkConfiguration *configuration, const TestTlsPki &pki, int tlsPort);

QString describe(const UplinkStatus &status);
bool countersBalance(const UplinkStatus &status);

} // namespace UplinkTestRig

// main() of the uplink tests. A full-size run (LINESCOPE_LONG_TESTS=1) takes
// far longer than QTest's 5-minute function watchdog; Qt reads
// QTEST_FUNCTION_TIMEOUT when qExec() starts, so it is raised here, before,
// unless the caller set it.
#define LINESCOPE_UPLINK_TEST_MAIN(TestObject)                                        \
    int main(int argc, char *argv[])                                                  \
    {                                                                                 \
        if (UplinkTestRig::isLongMode() && !qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT")) \
            qputenv("QTEST_FUNCTION_TIMEOUT", "3600000");                             \
        QCoreApplication app(argc, argv);                                             \
        TestObject testObject;                                                        \
        QTEST_SET_MAIN_SOURCE_PATH                                                    \
        return QTest::qExec(&testObject, argc, argv);                                 \
    }
