#include "mqtt/mqtt_session.h"

#include "test_broker.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QMetaEnum>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using State = MqttSession::State;
using Error = MqttSession::Error;
using V = ConnectionSettings::ProtocolVersion;

namespace {

// Generous for a loaded 2-core machine; every wait ends as soon as its condition holds.
constexpr int WaitMs = 20000;

template<typename E>
QString enumName(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

QString describe(const MqttSession &session)
{
    return QStringLiteral("state %1, error %2: %3")
        .arg(enumName(session.state()), enumName(session.error()), session.errorString());
}

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    return server.serverPort();
}

bool spySaw(const QSignalSpy &spy, State state)
{
    for (const QList<QVariant> &arguments : spy) {
        if (arguments.at(0).value<State>() == state) {
            return true;
        }
    }
    return false;
}

QString stateHistory(const QSignalSpy &spy)
{
    QStringList names;
    for (const QList<QVariant> &arguments : spy) {
        names.append(enumName(arguments.at(0).value<State>()));
    }
    return names.join(QLatin1String(" -> "));
}

// Collects everything a session delivers, and how many batches it took.
class Inbox : public QObject
{
public:
    explicit Inbox(MqttSession *session)
    {
        connect(session, &MqttSession::messagesReceived, this, [this](const QList<MqttMessage> &batch) {
            ++batches;
            messages.append(batch);
        });
    }
    bool waitForCount(int count, int timeoutMs = WaitMs)
    {
        return QTest::qWaitFor([&] { return messages.size() >= count; }, timeoutMs);
    }

    QList<MqttMessage> messages;
    int batches = 0;
};

// Runs a mosquitto client program while the event loop keeps spinning.
struct ClientRun
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const
    {
        return QStringLiteral("finished %1, exit code %2, stdout \"%3\", stderr \"%4\"")
            .arg(finished)
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(500)), QString::fromUtf8(err.left(500)));
    }
};

ClientRun runClient(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    ClientRun run;
    const QString path = TestBroker::mosquittoClientPath(program);
    if (path.isEmpty()) {
        run.err = program.toUtf8() + " is not installed";
        return run;
    }
    QProcess process;
    process.start(path, arguments);
    if (!process.waitForStarted(WaitMs)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    run.finished = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, WaitMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QStringList brokerArguments(const TestBroker &broker)
{
    return {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), QString::number(broker.port())};
}

bool runOpenssl(const QString &directory, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(WaitMs) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2 %3")
                     .arg(arguments.join(QLatin1Char(' ')), process.errorString(),
                          QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // A broker that drops root privileges must still read it.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return true;
}

} // namespace

Q_DECLARE_METATYPE(MqttSubscription)
Q_DECLARE_METATYPE(ConnectionSettings::ProtocolVersion)

class TestMqttSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void validateSubscription_data();
    void validateSubscription();
    void requestsRejectedLocally();
    void generatedClientId();
    void roundTrip_data();
    void roundTrip();
    void retainedFlag_data();
    void retainedFlag();
    void v5PropertiesRoundTrip();
    void noLocal();
    void receivesFromMosquittoPub();
    void mosquittoSubReceivesPublish();
    void connectionRefused_data();
    void connectionRefused();
    void unknownHost();
    void credentials_data();
    void credentials();
    void tls_data();
    void tls();
    void subscriptionDenied_data();
    void subscriptionDenied();
    void brokerRestart_data();
    void brokerRestart();
    void persistentSession_data();
    void persistentSession();
    void lastWillOnTakeover_data();
    void lastWillOnTakeover();
    void disconnectAndReconnect();
    void destroyWhileConnected();
    void highRate();

private:
    ConnectionSettings settingsFor(const TestBroker &broker, V version = V::V5) const;
    QString connectSession(MqttSession &session, const ConnectionSettings &settings);
    QString subscribeAndWait(MqttSession &session, const MqttSubscription &subscription);
    QString publishAndWait(MqttSession &session, const MqttPublishRequest &request, QString *reason = nullptr);
    TestBroker *startBroker(std::unique_ptr<TestBroker> &slot, const QStringList &extraLines, QString *error);

    std::unique_ptr<TestBroker> m_broker;      // plain, shared by most tests
    std::unique_ptr<TestBroker> m_authBroker;  // password file, no anonymous access
    std::unique_ptr<TestBroker> m_aclBroker;   // dynamic security: anonymous may only subscribe to allowed/#
    std::unique_ptr<TestBroker> m_tlsBroker;   // extra TLS listener on m_tlsPort
    QTemporaryDir m_files;
    int m_tlsPort = 0;
};

ConnectionSettings TestMqttSession::settingsFor(const TestBroker &broker, V version) const
{
    ConnectionSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    settings.protocolVersion = version;
    settings.reconnectMinDelayMs = 200;
    settings.reconnectMaxDelayMs = 1000;
    return settings;
}

QString TestMqttSession::connectSession(MqttSession &session, const ConnectionSettings &settings)
{
    QSignalSpy states(&session, &MqttSession::stateChanged);
    session.setSettings(settings);
    session.connectToBroker();
    const bool settled = QTest::qWaitFor(
        [&] {
            return spySaw(states, State::Connected) || spySaw(states, State::Failed)
                || spySaw(states, State::WaitingToReconnect);
        },
        WaitMs);
    if (settled && session.state() == State::Connected) {
        return {};
    }
    return QStringLiteral("not connected (%1): %2").arg(stateHistory(states), describe(session));
}

QString TestMqttSession::subscribeAndWait(MqttSession &session, const MqttSubscription &subscription)
{
    QSignalSpy subacks(&session, &MqttSession::subscribed);
    if (!session.subscribe(subscription)) {
        return QStringLiteral("subscribe() refused: ") + session.errorString();
    }
    if (!QTest::qWaitFor([&] { return subacks.count() > 0; }, WaitMs)) {
        return QStringLiteral("no SUBACK: ") + describe(session);
    }
    const auto results = subacks.first().first().value<QList<MqttSubscribeResult>>();
    if (results.size() != 1 || !results.first().isGranted()) {
        return QStringLiteral("subscription refused: %1").arg(results.value(0).reason);
    }
    return {};
}

QString TestMqttSession::publishAndWait(MqttSession &session, const MqttPublishRequest &request, QString *reason)
{
    QSignalSpy acks(&session, &MqttSession::published);
    const int id = session.publish(request);
    if (id <= 0) {
        return QStringLiteral("publish() refused: ") + session.errorString();
    }
    if (!QTest::qWaitFor([&] { return acks.count() > 0; }, WaitMs)) {
        return QStringLiteral("no published() for request %1: %2").arg(id).arg(describe(session));
    }
    const QList<QVariant> ack = acks.first();
    if (reason) {
        *reason = ack.at(2).toString();
    }
    if (ack.at(0).toInt() != id) {
        return QStringLiteral("published() for request %1, expected %2").arg(ack.at(0).toInt()).arg(id);
    }
    if (!ack.at(1).toBool()) {
        return QStringLiteral("publish failed: ") + ack.at(2).toString();
    }
    return {};
}

TestBroker *TestMqttSession::startBroker(std::unique_ptr<TestBroker> &slot, const QStringList &extraLines,
                                         QString *error)
{
    if (!slot) {
        auto broker = std::make_unique<TestBroker>(extraLines);
        if (!broker->start(error)) {
            return nullptr;
        }
        slot = std::move(broker);
    }
    return slot.get();
}

void TestMqttSession::initTestCase()
{
    QVERIFY2(m_files.isValid(), qPrintable(m_files.errorString()));
    QFile::setPermissions(m_files.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                              | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    QString error;
    QVERIFY2(startBroker(m_broker, {}, &error), qPrintable(error));
    QVERIFY2(!TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub")).isEmpty(), "mosquitto_pub not found");
    QVERIFY2(!TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_sub")).isEmpty(), "mosquitto_sub not found");
}

void TestMqttSession::cleanupTestCase()
{
    m_tlsBroker.reset();
    m_aclBroker.reset();
    m_authBroker.reset();
    m_broker.reset();
}

void TestMqttSession::validateSubscription_data()
{
    QTest::addColumn<MqttSubscription>("subscription");
    QTest::addColumn<V>("version");
    QTest::addColumn<QString>("field");  // empty: valid

    auto sub = [](const QString &filter, const std::function<void(MqttSubscription &)> &change = {}) {
        MqttSubscription s;
        s.filter = filter;
        if (change) {
            change(s);
        }
        return s;
    };
    QTest::newRow("plain") << sub(QStringLiteral("factory/#")) << V::V5 << QString();
    QTest::newRow("single level") << sub(QStringLiteral("factory/+/line-3")) << V::V311 << QString();
    QTest::newRow("empty filter") << sub(QString()) << V::V5 << QStringLiteral("Topic filter");
    QTest::newRow("hash not last") << sub(QStringLiteral("a/#/b")) << V::V5 << QStringLiteral("Topic filter");
    QTest::newRow("qos 3") << sub(QStringLiteral("a"), [](auto &s) { s.qos = 3; }) << V::V5 << QStringLiteral("QoS");
    QTest::newRow("retain handling 3") << sub(QStringLiteral("a"), [](auto &s) { s.retainHandling = 3; }) << V::V5
                                       << QStringLiteral("Retain handling");
    QTest::newRow("retain handling ignored on 3.1.1")
        << sub(QStringLiteral("a"), [](auto &s) { s.retainHandling = 3; }) << V::V311 << QString();
    QTest::newRow("subscription id too large")
        << sub(QStringLiteral("a"), [](auto &s) { s.subscriptionIdentifier = 268435456; }) << V::V5
        << QStringLiteral("Subscription identifier");
    QTest::newRow("subscription id max")
        << sub(QStringLiteral("a"), [](auto &s) { s.subscriptionIdentifier = 268435455; }) << V::V5 << QString();
    QTest::newRow("no local on shared") << sub(QStringLiteral("$share/g/a"), [](auto &s) { s.noLocal = true; })
                                        << V::V5 << QStringLiteral("No local");
    QTest::newRow("no local") << sub(QStringLiteral("a"), [](auto &s) { s.noLocal = true; }) << V::V5 << QString();
}

void TestMqttSession::validateSubscription()
{
    QFETCH(MqttSubscription, subscription);
    QFETCH(V, version);
    QFETCH(QString, field);

    const QString message = MqttSession::validateSubscription(subscription, version);
    if (field.isEmpty()) {
        QVERIFY2(message.isEmpty(), qPrintable(message));
    } else {
        QVERIFY2(message.startsWith(field + QLatin1Char(':')),
                 qPrintable(QStringLiteral("expected \"%1\", got \"%2\"").arg(field, message)));
    }
}

void TestMqttSession::requestsRejectedLocally()
{
    MqttSession session;
    MqttPublishRequest request;
    request.topic = QStringLiteral("factory/line-3");
    request.payload = "1";
    QCOMPARE(session.publish(request), 0);
    QCOMPARE(session.error(), Error::InvalidRequest);
    QVERIFY2(session.errorString().contains(QLatin1String("Not connected")), qPrintable(session.errorString()));

    request.topic = QStringLiteral("factory/#");
    QCOMPARE(session.publish(request), 0);
    QVERIFY2(session.errorString().startsWith(QLatin1String("Topic:")), qPrintable(session.errorString()));

    MqttSubscription bad;
    bad.filter = QStringLiteral("a/#/b");
    QVERIFY(!session.subscribe(bad));
    QCOMPARE(session.error(), Error::InvalidRequest);
    QVERIFY(session.subscriptions().isEmpty());

    QVERIFY(!session.unsubscribe(QStringLiteral("never/subscribed")));
    QVERIFY2(session.errorString().contains(QLatin1String("never/subscribed")), qPrintable(session.errorString()));

    // Invalid settings are reported by the worker, never sent to a broker.
    QSignalSpy errors(&session, &MqttSession::errorOccurred);
    ConnectionSettings settings;
    settings.port = 0;
    session.setSettings(settings);
    session.connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Failed, WaitMs);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.first().at(0).value<Error>(), Error::InvalidSettings);
    QVERIFY2(session.errorString().contains(QLatin1String("Port")), qPrintable(session.errorString()));
}

void TestMqttSession::generatedClientId()
{
    MqttSession first;
    MqttSession second;
    const QRegularExpression pattern(QStringLiteral("^linescope-[0-9a-f]{8}$"));
    QVERIFY2(pattern.match(first.clientId()).hasMatch(), qPrintable(first.clientId()));
    QVERIFY2(pattern.match(second.clientId()).hasMatch(), qPrintable(second.clientId()));
    QVERIFY(first.clientId() != second.clientId());

    const QString error = connectSession(first, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The broker saw exactly that id.
    QTRY_VERIFY2_WITH_TIMEOUT(m_broker->logText().contains(QStringLiteral(" as %1 ").arg(first.clientId())),
                              qPrintable(m_broker->logText().right(2000)), WaitMs);

    ConnectionSettings named = settingsFor(*m_broker);
    named.clientId = QStringLiteral("press-7-monitor");
    second.setSettings(named);
    QCOMPARE(second.clientId(), named.clientId);
}

void TestMqttSession::roundTrip_data()
{
    QTest::addColumn<V>("version");
    QTest::addColumn<quint8>("qos");

    QTest::newRow("5 qos 0") << V::V5 << quint8(0);
    QTest::newRow("5 qos 1") << V::V5 << quint8(1);
    QTest::newRow("5 qos 2") << V::V5 << quint8(2);
    QTest::newRow("3.1.1 qos 0") << V::V311 << quint8(0);
    QTest::newRow("3.1.1 qos 1") << V::V311 << quint8(1);
    QTest::newRow("3.1.1 qos 2") << V::V311 << quint8(2);
}

void TestMqttSession::roundTrip()
{
    QFETCH(V, version);
    QFETCH(quint8, qos);

    MqttSession session;
    Inbox inbox(&session);
    QString error = connectSession(session, settingsFor(*m_broker, version));
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QString topic = QStringLiteral("roundtrip/%1/tëst").arg(QString::fromLatin1(QTest::currentDataTag()));
    MqttSubscription subscription;
    subscription.filter = topic;
    subscription.qos = 2;
    error = subscribeAndWait(session, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(session.subscriptions().size(), 1);

    MqttPublishRequest request;
    request.topic = topic;
    request.payload = QByteArray("\x00\x01 binary \xff and text \xc3\xa9", 22);
    request.qos = qos;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    error = publishAndWait(session, request);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QVERIFY2(inbox.waitForCount(1), qPrintable(describe(session)));
    QTest::qWait(100);  // nothing else may arrive
    QCOMPARE(inbox.messages.size(), 1);
    const MqttMessage &message = inbox.messages.first();
    QCOMPARE(message.topic, topic);
    QCOMPARE(message.payload, request.payload);
    QCOMPARE(message.qos, qos);
    QCOMPARE(message.retained, false);
    QVERIFY(message.receivedAtMs >= before && message.receivedAtMs <= QDateTime::currentMSecsSinceEpoch());
    QVERIFY(message.properties.isEmpty());
    QCOMPARE(session.receivedCount(), quint64(1));
}

void TestMqttSession::retainedFlag_data()
{
    QTest::addColumn<V>("version");
    QTest::newRow("5") << V::V5;
    QTest::newRow("3.1.1") << V::V311;
}

void TestMqttSession::retainedFlag()
{
    QFETCH(V, version);
    const QString topic = QStringLiteral("retained/%1").arg(QString::fromLatin1(QTest::currentDataTag()));

    MqttSession live;
    Inbox liveInbox(&live);
    QString error = connectSession(live, settingsFor(*m_broker, version));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MqttSubscription subscription;
    subscription.filter = topic;
    subscription.qos = 1;
    error = subscribeAndWait(live, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    MqttPublishRequest request;
    request.topic = topic;
    request.payload = "state: running";
    request.qos = 1;
    request.retain = true;
    error = publishAndWait(live, request);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // A live subscriber gets it as a normal message ...
    QVERIFY(liveInbox.waitForCount(1));
    QCOMPARE(liveInbox.messages.first().retained, false);

    // ... a later subscriber gets the stored copy, flagged as retained.
    MqttSession late;
    Inbox lateInbox(&late);
    error = connectSession(late, settingsFor(*m_broker, version));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = subscribeAndWait(late, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(lateInbox.waitForCount(1));
    QCOMPARE(lateInbox.messages.first().retained, true);
    QCOMPARE(lateInbox.messages.first().payload, request.payload);

    // MQTT 5 "retain as published" keeps the flag on live delivery too.
    if (version == V::V5) {
        MqttSession asPublished;
        Inbox inbox(&asPublished);
        error = connectSession(asPublished, settingsFor(*m_broker, version));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        MqttSubscription keepFlag = subscription;
        keepFlag.retainAsPublished = true;
        keepFlag.retainHandling = 2;  // no stored copy on subscribe
        error = subscribeAndWait(asPublished, keepFlag);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        request.payload = "state: idle";
        error = publishAndWait(live, request);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(inbox.waitForCount(1));
        QCOMPARE(inbox.messages.first().payload, request.payload);
        QCOMPARE(inbox.messages.first().retained, true);
    }

    request.payload.clear();  // remove the retained message
    error = publishAndWait(live, request);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMqttSession::v5PropertiesRoundTrip()
{
    MqttSession session;
    Inbox inbox(&session);
    QString error = connectSession(session, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));

    MqttSubscription subscription;
    subscription.filter = QStringLiteral("props/#");
    subscription.qos = 1;
    subscription.subscriptionIdentifier = 42;
    error = subscribeAndWait(session, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    MqttPublishRequest request;
    request.topic = QStringLiteral("props/press-1");
    request.payload = "{\"temperature\": 21.5}";
    request.qos = 1;
    request.properties.contentType = QStringLiteral("application/json");
    request.properties.payloadFormatIndicator = 1;
    request.properties.responseTopic = QStringLiteral("replies/linescope");
    request.properties.correlationData = QByteArray("\x00\x01\x02req-7", 8);
    request.properties.userProperties = {{QStringLiteral("unit"), QStringLiteral("°C")},
                                         {QStringLiteral("line"), QStringLiteral("3")},
                                         {QStringLiteral("unit"), QStringLiteral("duplicate keys are allowed")}};
    request.properties.messageExpirySeconds = 3600;
    error = publishAndWait(session, request);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QVERIFY(inbox.waitForCount(1));
    const MqttProperties &received = inbox.messages.first().properties;
    QCOMPARE(received.contentType, request.properties.contentType);
    QVERIFY(received.payloadFormatIndicator.has_value());
    QCOMPARE(*received.payloadFormatIndicator, quint8(1));
    QCOMPARE(received.responseTopic, request.properties.responseTopic);
    QCOMPARE(received.correlationData, request.properties.correlationData);
    QCOMPARE(received.userProperties, request.properties.userProperties);
    QVERIFY(received.messageExpirySeconds.has_value());
    // The broker forwards the remaining lifetime.
    QVERIFY2(*received.messageExpirySeconds <= 3600 && *received.messageExpirySeconds >= 3590,
             qPrintable(QString::number(*received.messageExpirySeconds)));
    QCOMPARE(received.subscriptionIdentifiers, QList<quint32>{42});
}

void TestMqttSession::noLocal()
{
    MqttSession self;
    MqttSession other;
    Inbox inbox(&self);
    QString error = connectSession(self, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = connectSession(other, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));

    MqttSubscription subscription;
    subscription.filter = QStringLiteral("nolocal/x");
    subscription.qos = 1;
    subscription.noLocal = true;
    error = subscribeAndWait(self, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    MqttPublishRequest request;
    request.topic = subscription.filter;
    request.qos = 1;
    request.payload = "own";
    error = publishAndWait(self, request);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    request.payload = "other";
    error = publishAndWait(other, request);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QVERIFY(inbox.waitForCount(1));
    QTest::qWait(200);
    QCOMPARE(inbox.messages.size(), 1);
    QCOMPARE(inbox.messages.first().payload, QByteArray("other"));
}

void TestMqttSession::receivesFromMosquittoPub()
{
    MqttSession session;
    Inbox inbox(&session);
    QString error = connectSession(session, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("interop/in/#");
    subscription.qos = 2;
    error = subscribeAndWait(session, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QByteArray payload;
    for (int i = 0; i < 256; ++i) {
        payload.append(char(i));
    }
    const QString payloadFile = m_files.filePath(QStringLiteral("interop-payload.bin"));
    QVERIFY2(writeFile(payloadFile, payload, &error), qPrintable(error));

    const ClientRun run = runClient(
        QStringLiteral("mosquitto_pub"),
        brokerArguments(*m_broker)
            << QStringList{QStringLiteral("-V"), QStringLiteral("mqttv5"), QStringLiteral("-q"), QStringLiteral("2"),
                           QStringLiteral("-t"), QStringLiteral("interop/in/plc-7"), QStringLiteral("-f"), payloadFile,
                           QStringLiteral("-D"), QStringLiteral("publish"), QStringLiteral("content-type"),
                           QStringLiteral("application/octet-stream"), QStringLiteral("-D"), QStringLiteral("publish"),
                           QStringLiteral("user-property"), QStringLiteral("source"), QStringLiteral("mosquitto_pub")});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));

    QVERIFY2(inbox.waitForCount(1), qPrintable(describe(session)));
    const MqttMessage &message = inbox.messages.first();
    QCOMPARE(message.topic, QStringLiteral("interop/in/plc-7"));
    QCOMPARE(message.payload, payload);
    QCOMPARE(message.qos, quint8(2));
    QCOMPARE(message.retained, false);
    QCOMPARE(message.properties.contentType, QStringLiteral("application/octet-stream"));
    const QList<QPair<QString, QString>> expected = {{QStringLiteral("source"), QStringLiteral("mosquitto_pub")}};
    QCOMPARE(message.properties.userProperties, expected);
}

void TestMqttSession::mosquittoSubReceivesPublish()
{
    // mosquitto_sub cannot say when it has subscribed, so it first registers a
    // persistent session (-c, -E: exit after SUBACK); the broker then queues
    // our QoS 1 message for it and the second run collects it.
    const QString topic = QStringLiteral("interop/out/press-2");
    const QStringList session = {QStringLiteral("-V"), QStringLiteral("mqttv5"), QStringLiteral("-c"),
                                 QStringLiteral("-x"), QStringLiteral("300"), QStringLiteral("-i"),
                                 QStringLiteral("linescope-test-sub"), QStringLiteral("-q"), QStringLiteral("1"),
                                 QStringLiteral("-t"), topic};
    ClientRun run = runClient(QStringLiteral("mosquitto_sub"),
                              brokerArguments(*m_broker) << session << QStringLiteral("-E"));
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));

    MqttSession publisher;
    QString error = connectSession(publisher, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MqttPublishRequest request;
    request.topic = topic;
    request.payload = QByteArray("\x01\x02\x00\xfe line 3", 11);
    request.qos = 2;
    request.properties.contentType = QStringLiteral("application/x-plc");
    request.properties.userProperties = {{QStringLiteral("shift"), QStringLiteral("night")}};
    error = publishAndWait(publisher, request);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    run = runClient(QStringLiteral("mosquitto_sub"),
                    brokerArguments(*m_broker) << session
                                               << QStringList{QStringLiteral("-C"), QStringLiteral("1"),
                                                              QStringLiteral("-W"), QStringLiteral("15"),
                                                              QStringLiteral("-F"), QStringLiteral("%t|%q|%r|%x|%C|%P")});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    const QString expected = QStringLiteral("%1|1|0|%2|application/x-plc|shift:night")
                                 .arg(topic, QString::fromLatin1(request.payload.toHex()));
    QCOMPARE(QString::fromUtf8(run.out).trimmed(), expected);
}

void TestMqttSession::connectionRefused_data()
{
    QTest::addColumn<bool>("autoReconnect");
    QTest::addColumn<State>("expectedState");
    QTest::newRow("retrying") << true << State::WaitingToReconnect;
    QTest::newRow("no retry") << false << State::Disconnected;
}

void TestMqttSession::connectionRefused()
{
    QFETCH(bool, autoReconnect);
    QFETCH(State, expectedState);

    const int port = freePort();
    QVERIFY(port > 0);
    MqttSession session;
    QSignalSpy errors(&session, &MqttSession::errorOccurred);
    QSignalSpy states(&session, &MqttSession::stateChanged);
    ConnectionSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.autoReconnect = autoReconnect;
    settings.reconnectMinDelayMs = 5000;  // stays in WaitingToReconnect while checked
    settings.reconnectMaxDelayMs = 10000;
    session.setSettings(settings);
    session.connectToBroker();

    QVERIFY2(QTest::qWaitFor([&] { return spySaw(states, expectedState); }, WaitMs), qPrintable(stateHistory(states)));
    QVERIFY(spySaw(states, State::Connecting));
    QCOMPARE(session.state(), expectedState);
    QCOMPARE(session.error(), Error::ConnectionRefused);
    QVERIFY(errors.count() >= 1);
    QCOMPARE(errors.first().at(0).value<Error>(), Error::ConnectionRefused);
    QVERIFY2(session.errorString().contains(QLatin1String("connection refused"))
                 && session.errorString().contains(QString::number(port)),
             qPrintable(session.errorString()));
    if (autoReconnect) {
        QVERIFY2(session.retryInSeconds() >= 1 && session.retryInSeconds() <= 10,
                 qPrintable(QString::number(session.retryInSeconds())));
        session.disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Disconnected, WaitMs);
        QCOMPARE(session.retryInSeconds(), 0);
    }
}

void TestMqttSession::unknownHost()
{
    MqttSession session;
    QSignalSpy states(&session, &MqttSession::stateChanged);
    ConnectionSettings settings;
    settings.host = QStringLiteral("no-such-host.invalid");
    settings.autoReconnect = false;
    session.setSettings(settings);
    session.connectToBroker();
    QVERIFY2(QTest::qWaitFor([&] { return spySaw(states, State::Disconnected); }, 30000),
             qPrintable(stateHistory(states)));
    QCOMPARE(session.error(), Error::HostNotFound);
    QVERIFY2(session.errorString().contains(QLatin1String("\"no-such-host.invalid\" could not be resolved")),
             qPrintable(session.errorString()));
}

void TestMqttSession::credentials_data()
{
    QTest::addColumn<V>("version");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<State>("expectedState");
    QTest::addColumn<Error>("expectedError");
    QTest::addColumn<QString>("words");

    const QString user = QStringLiteral("operator");
    const QString right = QStringLiteral("s3cret-Line3");
    const QString wrong = QStringLiteral("guess");
    const QString credentialWords = QStringLiteral("Check the credentials in the connection profile");
    QTest::newRow("5 right password") << V::V5 << user << right << State::Connected << Error::NoError << QString();
    QTest::newRow("3.1.1 right password") << V::V311 << user << right << State::Connected << Error::NoError
                                          << QString();
    QTest::newRow("5 wrong password") << V::V5 << user << wrong << State::Failed << Error::BadCredentials
                                      << credentialWords;
    QTest::newRow("3.1.1 wrong password") << V::V311 << user << wrong << State::Failed << Error::BadCredentials
                                          << credentialWords;
    QTest::newRow("5 unknown user") << V::V5 << QStringLiteral("intruder") << right << State::Failed
                                    << Error::BadCredentials << credentialWords;
    QTest::newRow("5 anonymous") << V::V5 << QString() << QString() << State::Failed << Error::NotAuthorized
                                 << QStringLiteral("without credentials");
    QTest::newRow("3.1.1 anonymous") << V::V311 << QString() << QString() << State::Failed << Error::NotAuthorized
                                     << QStringLiteral("without credentials");
}

void TestMqttSession::credentials()
{
    QFETCH(V, version);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(State, expectedState);
    QFETCH(Error, expectedError);
    QFETCH(QString, words);

    QString error;
    if (!m_authBroker) {
        const QString passwordFile = m_files.filePath(QStringLiteral("passwords"));
        QFile::remove(passwordFile);
        const ClientRun run = runClient(QStringLiteral("mosquitto_passwd"),
                                        {QStringLiteral("-b"), QStringLiteral("-c"), passwordFile,
                                         QStringLiteral("operator"), QStringLiteral("s3cret-Line3")});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QFile::setPermissions(passwordFile, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        QVERIFY2(startBroker(m_authBroker,
                             {QStringLiteral("allow_anonymous false"), QStringLiteral("password_file ") + passwordFile},
                             &error),
                 qPrintable(error));
    }

    MqttSession session;
    QSignalSpy states(&session, &MqttSession::stateChanged);
    ConnectionSettings settings = settingsFor(*m_authBroker, version);
    settings.username = username;
    settings.password = password;
    session.setSettings(settings);
    session.connectToBroker();
    QVERIFY2(QTest::qWaitFor([&] { return spySaw(states, expectedState); }, WaitMs),
             qPrintable(stateHistory(states) + QLatin1String(": ") + describe(session)));
    QCOMPARE(session.error(), expectedError);
    if (expectedState == State::Failed) {
        QVERIFY2(session.errorString().contains(words), qPrintable(session.errorString()));
        QVERIFY2(session.errorString().contains(QLatin1String("does not retry")), qPrintable(session.errorString()));
        // Failed is final: no reconnect attempt follows.
        QTest::qWait(settings.reconnectMinDelayMs * 3);
        QCOMPARE(session.state(), State::Failed);
        QVERIFY(!spySaw(states, State::WaitingToReconnect));
    }
}

void TestMqttSession::tls_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("tlsPort");       // false: the plain MQTT port
    QTest::addColumn<QString>("caFile");     // file name in m_files, or empty for the system store
    QTest::addColumn<bool>("verifyHostname");
    QTest::addColumn<State>("expectedState");
    QTest::addColumn<Error>("expectedError");
    QTest::addColumn<QString>("words");

    const QString ip = QStringLiteral("127.0.0.1");
    const QString ca = QStringLiteral("ca.crt");
    QTest::newRow("trusted CA") << ip << true << ca << true << State::Connected << Error::NoError << QString();
    QTest::newRow("missing CA file") << ip << true << QStringLiteral("missing-ca.crt") << true << State::Failed
                                     << Error::TlsError << QStringLiteral("does not exist");
    QTest::newRow("other CA") << ip << true << QStringLiteral("other-ca.crt") << true << State::Failed
                              << Error::TlsError << QStringLiteral("(unknown CA; OpenSSL:");
    QTest::newRow("system store does not know the test CA")
        << ip << true << QString() << true << State::Failed << Error::TlsError << QStringLiteral("unknown CA");
    QTest::newRow("host name mismatch") << QStringLiteral("localhost") << true << ca << true << State::Failed
                                        << Error::TlsError << QStringLiteral("(host name mismatch; OpenSSL:");
    // "memory:" puts the file's content into tls.caCertificatesPem instead of caFile.
    QTest::newRow("CA as PEM in memory") << ip << true << QStringLiteral("memory:ca.crt") << true
                                         << State::Connected << Error::NoError << QString();
    QTest::newRow("other CA as PEM in memory")
        << ip << true << QStringLiteral("memory:other-ca.crt") << true << State::Failed << Error::TlsError
        << QStringLiteral("unknown CA");
    QTest::newRow("CA in memory is not PEM") << ip << true << QStringLiteral("memory:server.ext") << true
                                             << State::Failed << Error::TlsError
                                             << QStringLiteral("CA certificates given for the broker cannot be used");
    QTest::newRow("CA file is not PEM") << ip << true << QStringLiteral("server.ext") << true << State::Failed
                                        << Error::TlsError << QStringLiteral("cannot be used");
    QTest::newRow("host name not verified") << QStringLiteral("localhost") << true << ca << false << State::Connected
                                            << Error::NoError << QString();
    QTest::newRow("TLS to the plain port") << ip << false << ca << true << State::Failed << Error::TlsError
                                           << QStringLiteral("TLS");
}

void TestMqttSession::tls()
{
    QFETCH(QString, host);
    QFETCH(bool, tlsPort);
    QFETCH(QString, caFile);
    QFETCH(bool, verifyHostname);
    QFETCH(State, expectedState);
    QFETCH(Error, expectedError);
    QFETCH(QString, words);

    QString error;
    if (!m_tlsBroker) {
        const QString dir = m_files.path();
        const QStringList ec = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
        QVERIFY2(runOpenssl(dir,
                            QStringList{QStringLiteral("req"), QStringLiteral("-x509")} << ec
                                << QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                                               QStringLiteral("-out"), QStringLiteral("ca.crt"),
                                               QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                               QStringLiteral("/CN=LineScope Test CA")},
                            &error),
                 qPrintable(error));
        QVERIFY2(runOpenssl(dir,
                            QStringList{QStringLiteral("req")} << ec
                                << QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                               QStringLiteral("-out"), QStringLiteral("server.csr"),
                                               QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")},
                            &error),
                 qPrintable(error));
        QVERIFY2(writeFile(m_files.filePath(QStringLiteral("server.ext")), "subjectAltName=IP:127.0.0.1\n", &error),
                 qPrintable(error));
        QVERIFY2(runOpenssl(dir,
                            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                             QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
                             QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                             QStringLiteral("-out"), QStringLiteral("server.crt"), QStringLiteral("-days"),
                             QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext")},
                            &error),
                 qPrintable(error));
        QVERIFY2(runOpenssl(dir,
                            QStringList{QStringLiteral("req"), QStringLiteral("-x509")} << ec
                                << QStringList{QStringLiteral("-keyout"), QStringLiteral("other-ca.key"),
                                               QStringLiteral("-out"), QStringLiteral("other-ca.crt"),
                                               QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                               QStringLiteral("/CN=Some Other CA")},
                            &error),
                 qPrintable(error));
        for (const QString &name : {QStringLiteral("ca.crt"), QStringLiteral("server.crt"),
                                    QStringLiteral("server.key"), QStringLiteral("other-ca.crt")}) {
            QFile::setPermissions(m_files.filePath(name),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        }
        m_tlsPort = freePort();
        QVERIFY(m_tlsPort > 0);
        QVERIFY2(startBroker(m_tlsBroker,
                             {QStringLiteral("listener %1 127.0.0.1").arg(m_tlsPort),
                              QStringLiteral("cafile ") + m_files.filePath(QStringLiteral("ca.crt")),
                              QStringLiteral("certfile ") + m_files.filePath(QStringLiteral("server.crt")),
                              QStringLiteral("keyfile ") + m_files.filePath(QStringLiteral("server.key"))},
                             &error),
                 qPrintable(error));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         QTcpSocket probe;
                         probe.connectToHost(QHostAddress::LocalHost, quint16(m_tlsPort));
                         return probe.waitForConnected(1000);
                     },
                     WaitMs),
                 qPrintable(m_tlsBroker->logText()));
    }

    const QString connectionsBefore = m_tlsBroker->logText();
    MqttSession session;
    QSignalSpy states(&session, &MqttSession::stateChanged);
    ConnectionSettings settings = settingsFor(*m_tlsBroker);
    settings.host = host;
    settings.port = tlsPort ? m_tlsPort : m_tlsBroker->port();
    settings.tls.enabled = true;
    if (caFile.startsWith(QLatin1String("memory:"))) {
        QFile pem(m_files.filePath(caFile.mid(7)));
        QVERIFY2(pem.open(QIODevice::ReadOnly), qPrintable(pem.errorString()));
        settings.tls.caCertificatesPem = pem.readAll();
    } else {
        settings.tls.caFile = caFile.isEmpty() ? QString() : m_files.filePath(caFile);
    }
    settings.tls.verifyHostname = verifyHostname;
    session.setSettings(settings);
    session.connectToBroker();
    QVERIFY2(QTest::qWaitFor([&] { return spySaw(states, expectedState); }, WaitMs),
             qPrintable(stateHistory(states) + QLatin1String(": ") + describe(session)));
    QCOMPARE(session.error(), expectedError);
    QVERIFY2(session.errorString().contains(words), qPrintable(session.errorString()));

    if (QByteArray(QTest::currentDataTag()) == "missing CA file") {
        // Checked before connecting: the broker never saw a connection attempt.
        QTest::qWait(200);
        const QString newLog = m_tlsBroker->logText().mid(connectionsBefore.size());
        QVERIFY2(!newLog.contains(QLatin1String("New connection")), qPrintable(newLog));
    }
    if (expectedState == State::Connected) {
        Inbox inbox(&session);
        MqttSubscription subscription;
        subscription.filter = QStringLiteral("tls/#");
        subscription.qos = 1;
        error = subscribeAndWait(session, subscription);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        MqttPublishRequest request;
        request.topic = QStringLiteral("tls/secure");
        request.payload = "encrypted on the wire";
        request.qos = 1;
        error = publishAndWait(session, request);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(inbox.waitForCount(1));
        QCOMPARE(inbox.messages.first().payload, request.payload);
    }
}

void TestMqttSession::subscriptionDenied_data()
{
    QTest::addColumn<V>("version");
    QTest::addColumn<int>("reasonCode");
    QTest::addColumn<Error>("expectedError");
    QTest::newRow("5") << V::V5 << 0x87 << Error::NotAuthorized;
    QTest::newRow("3.1.1") << V::V311 << 0x80 << Error::InvalidRequest;
}

void TestMqttSession::subscriptionDenied()
{
    QFETCH(V, version);
    QFETCH(int, reasonCode);
    QFETCH(Error, expectedError);

    QString error;
    if (!m_aclBroker) {
        // mosquitto's acl_file never refuses a SUBSCRIBE (it filters on
        // delivery); the dynamic security plugin does.
        const QString plugin = QStringLiteral("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so");
        if (!QFile::exists(plugin)) {
            QSKIP("mosquitto's dynamic security plugin is not installed");
        }
        const QString config = m_files.filePath(QStringLiteral("dynsec.json"));
        QVERIFY2(writeFile(config,
                           R"({"defaultACLAccess": {"publishClientSend": true, "publishClientReceive": true,
                                                    "subscribe": false, "unsubscribe": true},
                               "clients": [],
                               "groups": [{"groupname": "anonymous", "roles": [{"rolename": "reader"}]}],
                               "roles": [{"rolename": "reader", "acls": [{"acltype": "subscribePattern",
                                                                          "topic": "allowed/#", "allow": true}]}],
                               "anonymousGroup": "anonymous"})",
                           &error),
                 qPrintable(error));
        QVERIFY2(startBroker(m_aclBroker,
                             {QStringLiteral("plugin ") + plugin, QStringLiteral("plugin_opt_config_file ") + config},
                             &error),
                 qPrintable(error));
    }
    MqttSession session;
    QSignalSpy subacks(&session, &MqttSession::subscribed);
    QSignalSpy errors(&session, &MqttSession::errorOccurred);
    error = connectSession(session, settingsFor(*m_aclBroker, version));
    QVERIFY2(error.isEmpty(), qPrintable(error));

    MqttSubscription allowed;
    allowed.filter = QStringLiteral("allowed/#");
    QVERIFY(session.subscribe(allowed));
    QTRY_COMPARE_WITH_TIMEOUT(subacks.count(), 1, WaitMs);
    QVERIFY(subacks.first().first().value<QList<MqttSubscribeResult>>().value(0).isGranted());

    MqttSubscription denied;
    denied.filter = QStringLiteral("denied/#");
    QVERIFY(session.subscribe(denied));
    QCOMPARE(session.subscriptions().size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(subacks.count(), 2, WaitMs);
    auto results = subacks.last().first().value<QList<MqttSubscribeResult>>();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().filter, denied.filter);
    QVERIFY(!results.first().isGranted());
    QCOMPARE(results.first().reasonCode, reasonCode);
    QVERIFY2(results.first().reason.contains(denied.filter), qPrintable(results.first().reason));

    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, WaitMs);
    QCOMPARE(errors.first().at(0).value<Error>(), expectedError);
    QVERIFY2(errors.first().at(1).toString().startsWith(QLatin1String("All subscription requests were denied.")),
             qPrintable(errors.first().at(1).toString()));
    // Forgotten, so it is not refused again after every reconnect.
    QCOMPARE(session.subscriptions().size(), 1);
    QCOMPARE(session.subscriptions().first().filter, allowed.filter);
    QCOMPARE(session.state(), State::Connected);

    // Subscriptions made while offline go out together in one SUBSCRIBE;
    // its SUBACK is then partly refused.
    session.disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Disconnected, WaitMs);
    QVERIFY(session.subscribe(denied));
    subacks.clear();
    errors.clear();
    error = connectSession(session, settingsFor(*m_aclBroker, version));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(subacks.count(), 1, WaitMs);
    results = subacks.first().first().value<QList<MqttSubscribeResult>>();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).filter, allowed.filter);
    QVERIFY(results.at(0).isGranted());
    QCOMPARE(results.at(1).filter, denied.filter);
    QVERIFY(!results.at(1).isGranted());
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, WaitMs);
    QVERIFY2(errors.first().at(1).toString().startsWith(QLatin1String("1 of 2 subscription requests were denied.")),
             qPrintable(errors.first().at(1).toString()));
    QCOMPARE(session.subscriptions().size(), 1);
}

void TestMqttSession::brokerRestart_data()
{
    QTest::addColumn<V>("version");
    QTest::newRow("5") << V::V5;
    QTest::newRow("3.1.1") << V::V311;
}

void TestMqttSession::brokerRestart()
{
    QFETCH(V, version);

    TestBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    MqttSession session;
    Inbox inbox(&session);
    QSignalSpy states(&session, &MqttSession::stateChanged);
    QSignalSpy connects(&session, &MqttSession::connected);
    QSignalSpy disconnects(&session, &MqttSession::disconnected);
    QSignalSpy subacks(&session, &MqttSession::subscribed);
    error = connectSession(session, settingsFor(broker, version));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("restart/#");
    subscription.qos = 1;
    error = subscribeAndWait(session, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(subacks.count(), 1);

    broker.stop();
    QVERIFY2(QTest::qWaitFor([&] { return spySaw(states, State::WaitingToReconnect); }, WaitMs),
             qPrintable(stateHistory(states)));
    QCOMPARE(disconnects.count(), 1);
    QVERIFY2(!disconnects.first().at(0).toString().isEmpty(), "disconnected() without a reason");
    QVERIFY2(session.error() == Error::ConnectionLost || session.error() == Error::ConnectionRefused,
             qPrintable(describe(session)));
    QVERIFY2(!session.errorString().isEmpty(), qPrintable(describe(session)));

    QVERIFY2(broker.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(connects.count(), 2, WaitMs);
    QCOMPARE(connects.last().at(0).toBool(), false);  // clean session: nothing kept
    QCOMPARE(session.state(), State::Connected);
    QCOMPARE(session.error(), Error::NoError);
    // The remembered subscription was sent again ...
    QTRY_COMPARE_WITH_TIMEOUT(subacks.count(), 2, WaitMs);
    QVERIFY(subacks.last().first().value<QList<MqttSubscribeResult>>().value(0).isGranted());

    // ... and works.
    const ClientRun run = runClient(QStringLiteral("mosquitto_pub"),
                                    brokerArguments(broker) << QStringList{QStringLiteral("-q"), QStringLiteral("1"),
                                                                           QStringLiteral("-t"),
                                                                           QStringLiteral("restart/after"),
                                                                           QStringLiteral("-m"),
                                                                           QStringLiteral("back again")});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(inbox.waitForCount(1));
    QCOMPARE(inbox.messages.last().topic, QStringLiteral("restart/after"));
    QCOMPARE(inbox.messages.last().payload, QByteArray("back again"));
}

void TestMqttSession::persistentSession_data()
{
    QTest::addColumn<V>("version");
    QTest::addColumn<quint32>("expiry");
    QTest::addColumn<bool>("sessionKept");
    QTest::newRow("5 expiry 300 s") << V::V5 << quint32(300) << true;
    QTest::newRow("5 expiry 0") << V::V5 << quint32(0) << false;
    QTest::newRow("3.1.1 clean session off") << V::V311 << quint32(0) << true;
}

void TestMqttSession::persistentSession()
{
    QFETCH(V, version);
    QFETCH(quint32, expiry);
    QFETCH(bool, sessionKept);

    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString topic = QStringLiteral("persist/") + tag;
    MqttSession session;
    Inbox inbox(&session);
    QSignalSpy connects(&session, &MqttSession::connected);
    QSignalSpy subacks(&session, &MqttSession::subscribed);
    ConnectionSettings settings = settingsFor(*m_broker, version);
    settings.clientId = QStringLiteral("persist-") + tag;
    settings.cleanSession = false;
    settings.sessionExpirySeconds = expiry;
    QString error = connectSession(session, settings);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MqttSubscription subscription;
    subscription.filter = topic;
    subscription.qos = 1;
    error = subscribeAndWait(session, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    session.disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Disconnected, WaitMs);

    MqttSession publisher;
    error = connectSession(publisher, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MqttPublishRequest request;
    request.topic = topic;
    request.payload = "sent while offline";
    request.qos = 1;
    error = publishAndWait(publisher, request);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    session.connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(connects.count(), 2, WaitMs);
    QCOMPARE(connects.last().at(0).toBool(), sessionKept);
    if (sessionKept) {
        QVERIFY(inbox.waitForCount(1));
        QCOMPARE(inbox.messages.first().payload, request.payload);
        // The broker kept the subscription, so it is not sent again.
        QTest::qWait(200);
        QCOMPARE(subacks.count(), 1);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(subacks.count(), 2, WaitMs);
        QTest::qWait(200);
        QCOMPARE(inbox.messages.size(), 0);
    }
    // Leave no session behind on the shared broker.
    session.disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Disconnected, WaitMs);
    settings.cleanSession = true;
    settings.sessionExpirySeconds = 0;
    error = connectSession(session, settings);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMqttSession::lastWillOnTakeover_data()
{
    QTest::addColumn<V>("version");
    QTest::newRow("5") << V::V5;
    QTest::newRow("3.1.1") << V::V311;
}

void TestMqttSession::lastWillOnTakeover()
{
    // The broker publishes the will whenever the network connection ends
    // without DISCONNECT. A second client with the same id makes mosquitto
    // drop the first connection that way, at once and deterministically.
    QFETCH(V, version);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QString willTopic = QStringLiteral("will/") + tag;

    MqttSession observer;
    Inbox inbox(&observer);
    QString error = connectSession(observer, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MqttSubscription subscription;
    subscription.filter = willTopic;
    subscription.qos = 1;
    error = subscribeAndWait(observer, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    MqttSession first;
    QSignalSpy firstErrors(&first, &MqttSession::errorOccurred);
    QSignalSpy firstDisconnects(&first, &MqttSession::disconnected);
    ConnectionSettings settings = settingsFor(*m_broker, version);
    settings.clientId = QStringLiteral("linescope-will-") + tag;
    settings.autoReconnect = false;
    settings.will.enabled = true;
    settings.will.topic = willTopic;
    settings.will.payload = "line 3 monitor offline";
    settings.will.qos = 1;
    error = connectSession(first, settings);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTest::qWait(100);
    QCOMPARE(inbox.messages.size(), 0);

    MqttSession second;
    ConnectionSettings secondSettings = settingsFor(*m_broker);
    secondSettings.clientId = settings.clientId;
    error = connectSession(second, secondSettings);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QVERIFY2(inbox.waitForCount(1), qPrintable(describe(first)));
    QCOMPARE(inbox.messages.first().topic, willTopic);
    QCOMPARE(inbox.messages.first().payload, settings.will.payload);
    QCOMPARE(inbox.messages.first().qos, quint8(1));

    QTRY_COMPARE_WITH_TIMEOUT(first.state(), State::Disconnected, WaitMs);
    QCOMPARE(first.error(), Error::ConnectionLost);
    QCOMPARE(firstDisconnects.count(), 1);
    QVERIFY(firstErrors.count() >= 1);
}

void TestMqttSession::disconnectAndReconnect()
{
    MqttSession session;
    Inbox inbox(&session);
    QSignalSpy disconnects(&session, &MqttSession::disconnected);
    QSignalSpy subacks(&session, &MqttSession::subscribed);
    QString error = connectSession(session, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("again/#");
    subscription.qos = 1;
    error = subscribeAndWait(session, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    session.disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Disconnected, WaitMs);
    QCOMPARE(disconnects.count(), 1);
    QCOMPARE(session.error(), Error::NoError);
    QTRY_VERIFY2_WITH_TIMEOUT(m_broker->logText().contains(QStringLiteral("Client %1 disconnected.").arg(session.clientId())),
                              qPrintable(m_broker->logText().right(1500)), WaitMs);

    MqttPublishRequest request;
    request.topic = QStringLiteral("again/x");
    request.payload = "after reconnect";
    request.qos = 1;
    QCOMPARE(session.publish(request), 0);  // not connected

    // Subscriptions outlive the connection and are sent on the next connect.
    QCOMPARE(session.subscriptions().size(), 1);
    error = connectSession(session, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(subacks.count(), 2, WaitMs);
    error = publishAndWait(session, request);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(inbox.waitForCount(1));
    QCOMPARE(inbox.messages.first().payload, request.payload);
}

void TestMqttSession::destroyWhileConnected()
{
    MqttSession observer;
    Inbox inbox(&observer);
    QString error = connectSession(observer, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("goodbye/#");
    subscription.qos = 1;
    error = subscribeAndWait(observer, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    auto session = std::make_unique<MqttSession>();
    error = connectSession(*session, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString id = session->clientId();
    MqttPublishRequest request;
    request.topic = QStringLiteral("goodbye/x");
    request.payload = "last words";
    request.qos = 1;
    QVERIFY(session->publish(request) > 0);

    QElapsedTimer timer;
    timer.start();
    session.reset();
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    // Queued work ran first, then a clean DISCONNECT (not a dropped connection).
    QVERIFY(inbox.waitForCount(1));
    QCOMPARE(inbox.messages.first().payload, request.payload);
    QTRY_VERIFY2_WITH_TIMEOUT(m_broker->logText().contains(QStringLiteral("Client %1 disconnected.").arg(id)),
                              qPrintable(m_broker->logText().right(1500)), WaitMs);
    QVERIFY(!m_broker->logText().contains(QStringLiteral("Client %1 closed its connection").arg(id)));
}

void TestMqttSession::highRate()
{
    constexpr int Count = 20000;
    MqttSession session;
    Inbox inbox(&session);
    QString error = connectSession(session, settingsFor(*m_broker));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("flood/#");
    error = subscribeAndWait(session, subscription);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QByteArray lines;
    for (int i = 0; i < Count; ++i) {
        lines += QByteArray::number(i) + '\n';
    }
    QElapsedTimer timer;
    timer.start();
    const ClientRun run = runClient(QStringLiteral("mosquitto_pub"),
                                    brokerArguments(*m_broker) << QStringList{QStringLiteral("-t"),
                                                                              QStringLiteral("flood/line-3"),
                                                                              QStringLiteral("-l")},
                                    lines);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(inbox.waitForCount(Count, 30000),
             qPrintable(QStringLiteral("%1 of %2 arrived").arg(inbox.messages.size()).arg(Count)));
    qInfo("%d messages in %d batches, %lld ms", Count, inbox.batches, timer.elapsed());

    QCOMPARE(inbox.messages.size(), Count);
    QCOMPARE(session.receivedCount(), quint64(Count));
    QCOMPARE(session.backlogCount(), qsizetype(0));   // everything received was delivered
    for (int i = 0; i < Count; ++i) {
        if (inbox.messages.at(i).payload != QByteArray::number(i)) {
            QFAIL(qPrintable(QStringLiteral("message %1 has payload \"%2\"")
                                 .arg(i)
                                 .arg(QString::fromUtf8(inbox.messages.at(i).payload))));
        }
    }
    QVERIFY2(inbox.batches < Count, qPrintable(QString::number(inbox.batches)));
}

QTEST_GUILESS_MAIN(TestMqttSession)
#include "tst_mqtt_session.moc"
