#include "shadow/shadow_client.h"

#include "shadow/shadow_topics.h"
#include "shadow/shadow_validation.h"
#include "shadow_test_support.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ShadowTest;

namespace {

using Operation = ShadowTopics::Operation;
using Kind = ShadowTopics::Kind;

QJsonObject desired(const QJsonObject &values)
{
    return QJsonObject{{QStringLiteral("desired"), values}};
}

// {"k":"xxx"} whose compact JSON is `bytes` long.
QJsonObject objectOfSize(int bytes)
{
    return QJsonObject{{QStringLiteral("k"), QString(bytes - 8, QLatin1Char('x'))}};
}

QJsonObject nestedObjects(int levels)
{
    QJsonObject object{{QStringLiteral("a"), 1}};
    for (int i = 1; i < levels; ++i) {
        object = QJsonObject{{QStringLiteral("a"), object}};
    }
    return object;
}

} // namespace

// The client against a real mosquitto. Where the service must misbehave
// (foreign tokens, missing tokens, unreadable replies) a second MQTT client
// plays the service.
class TestShadowClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void validation_data();
    void validation();
    void updatePayloadIsWhatIsSent();
    void timeoutWithoutService();
    void timeoutWhenNotConnected();
    void subscribesBeforeSending();
    void matchesRepliesByToken();
    void rejectionCarriesCodeAndSentence();
    void replyWithoutTokenMatchesOldestRequest();
    void unreadableReplyIsReported();
    void deltaAndDocumentsSignals();
    void discoversNamedShadows();
    void unwatchFailsPendingRequests();
    void duplicateTokenIsRefused();
    void inFlightRequestsAreCapped();
    void queuedRequestsTimeOutOnlyAfterSending();

private:
    QString nextThing(const char *tag) { return QStringLiteral("%1-%2").arg(QLatin1String(tag)).arg(++m_counter); }

    std::unique_ptr<TestBroker> m_broker;
    int m_counter = 0;
};

void TestShadowClient::initTestCase()
{
    m_broker = std::make_unique<TestBroker>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
}

void TestShadowClient::cleanupTestCase()
{
    m_broker.reset();
}

void TestShadowClient::validation_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<ShadowName>("shadow");
    QTest::addColumn<QJsonObject>("state");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("problem");  // start of errorString; empty when the request is accepted for sending

    const QJsonObject ok = desired({{QStringLiteral("mode"), QStringLiteral("run")}});
    const QString thing128(128, QLatin1Char('t'));
    const QString thing129(129, QLatin1Char('t'));
    const QString shadow64(64, QLatin1Char('s'));
    const QString shadow65(65, QLatin1Char('s'));

    QTest::newRow("get, thing 128 characters") << Operation::Get << ShadowName::classic(thing128) << QJsonObject()
                                               << QString() << QString();
    QTest::newRow("get, thing 129 characters") << Operation::Get << ShadowName::classic(thing129) << QJsonObject()
                                               << QString() << QStringLiteral("Thing name:");
    QTest::newRow("update, thing 129 characters") << Operation::Update << ShadowName::classic(thing129) << ok
                                                  << QString() << QStringLiteral("Thing name:");
    QTest::newRow("get, thing with space") << Operation::Get << ShadowName::classic(QStringLiteral("press 1"))
                                           << QJsonObject() << QString() << QStringLiteral("Thing name:");
    QTest::newRow("get, empty thing") << Operation::Get << ShadowName::classic(QString()) << QJsonObject() << QString()
                                      << QStringLiteral("Thing name:");
    QTest::newRow("update, shadow 64 characters") << Operation::Update
                                                  << ShadowName::named(QStringLiteral("press-1"), shadow64) << ok
                                                  << QString() << QString();
    QTest::newRow("update, shadow 65 characters") << Operation::Update
                                                  << ShadowName::named(QStringLiteral("press-1"), shadow65) << ok
                                                  << QString() << QStringLiteral("Shadow name:");
    QTest::newRow("get, shadow with slash") << Operation::Get
                                            << ShadowName::named(QStringLiteral("press-1"), QStringLiteral("a/b"))
                                            << QJsonObject() << QString() << QStringLiteral("Shadow name:");
    QTest::newRow("get, reserved shadow") << Operation::Get
                                          << ShadowName::named(QStringLiteral("press-1"), QStringLiteral("$package"))
                                          << QJsonObject() << QString() << QString();
    QTest::newRow("update, reserved shadow") << Operation::Update
                                             << ShadowName::named(QStringLiteral("press-1"), QStringLiteral("$package"))
                                             << ok << QString() << QStringLiteral("Shadow name:");
    QTest::newRow("delete, reserved shadow") << Operation::Delete
                                             << ShadowName::named(QStringLiteral("press-1"), QStringLiteral("$package"))
                                             << QJsonObject() << QString() << QStringLiteral("Shadow name:");
    QTest::newRow("update, token 64 bytes") << Operation::Update << ShadowName::classic(QStringLiteral("press-1")) << ok
                                            << QString(64, QLatin1Char('k')) << QString();
    QTest::newRow("update, token 65 bytes") << Operation::Update << ShadowName::classic(QStringLiteral("press-1")) << ok
                                            << QString(65, QLatin1Char('k')) << QStringLiteral("clientToken:");
    QTest::newRow("delete, token 65 bytes") << Operation::Delete << ShadowName::classic(QStringLiteral("press-1"))
                                            << QJsonObject() << QString(65, QLatin1Char('k'))
                                            << QStringLiteral("clientToken:");
    QTest::newRow("update, 8192 bytes") << Operation::Update << ShadowName::classic(QStringLiteral("press-1"))
                                        << desired(objectOfSize(8192)) << QString() << QString();
    QTest::newRow("update, 8193 bytes") << Operation::Update << ShadowName::classic(QStringLiteral("press-1"))
                                        << desired(objectOfSize(8193)) << QString() << QStringLiteral("state:");
    QTest::newRow("update, depth 6") << Operation::Update << ShadowName::classic(QStringLiteral("press-1"))
                                     << desired(nestedObjects(6)) << QString() << QString();
    QTest::newRow("update, depth 7") << Operation::Update << ShadowName::classic(QStringLiteral("press-1"))
                                     << desired(nestedObjects(7)) << QString() << QStringLiteral("state.desired.a");
    QTest::newRow("update, desired not an object")
        << Operation::Update << ShadowName::classic(QStringLiteral("press-1"))
        << QJsonObject{{QStringLiteral("desired"), 5}} << QString() << QStringLiteral("state.desired:");
    QTest::newRow("update, unknown node in state")
        << Operation::Update << ShadowName::classic(QStringLiteral("press-1"))
        << QJsonObject{{QStringLiteral("delta"), QJsonObject()}} << QString() << QStringLiteral("state.delta:");
    QTest::newRow("update, null in array")
        << Operation::Update << ShadowName::classic(QStringLiteral("press-1"))
        << desired({{QStringLiteral("c"), QJsonArray{1, QJsonValue::Null}}}) << QString()
        << QStringLiteral("state.desired.c[1]:");
}

void TestShadowClient::validation()
{
    QFETCH(Operation, operation);
    QFETCH(ShadowName, shadow);
    QFETCH(QJsonObject, state);
    QFETCH(QString, token);
    QFETCH(QString, problem);

    // Validation does not need a connection: nothing invalid is ever queued.
    MqttSession session;
    auto client = std::make_unique<ShadowClient>(&session);
    QSignalSpy finished(client.get(), &ShadowClient::requestFinished);
    QString sent;
    switch (operation) {
    case Operation::Get:
        sent = client->get(shadow);
        break;
    case Operation::Update:
        sent = client->update(shadow, state, std::nullopt, token);
        break;
    case Operation::Delete:
        sent = client->deleteShadow(shadow, token);
        break;
    }
    if (problem.isEmpty()) {
        QVERIFY2(!sent.isEmpty(), qPrintable(client->errorString()));
        if (!token.isEmpty()) {
            QCOMPARE(sent, token);
        }
        QCOMPARE(client->pendingCount(), 1);
        client.reset();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(1).value<ShadowResult>().status, ShadowResult::Status::Failed);
    } else {
        QVERIFY2(sent.isEmpty(), "an invalid request was accepted for sending");
        QVERIFY2(client->errorString().startsWith(problem), qPrintable(client->errorString()));
        QCOMPARE(client->pendingCount(), 0);
        QVERIFY(session.subscriptions().isEmpty());
    }
}

void TestShadowClient::updatePayloadIsWhatIsSent()
{
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    MqttSession peer;
    QVERIFY2(connectSession(peer, *m_broker).isEmpty(), "peer session");
    const ShadowName shadow = ShadowName::named(nextThing("payload"), QStringLiteral("control"));
    MessageLog log(&peer);
    const QString updateTopic = ShadowTopics::topic(shadow, Operation::Update);
    QCOMPARE(subscribeAndWait(peer, updateTopic), QString());

    ShadowClient client(&session);
    const QJsonObject state = desired({{QStringLiteral("temperature_setpoint"), 70}});
    const QString token = ShadowClient::generateClientToken();
    const QByteArray preview = ShadowClient::updatePayload(state, 3, token);
    QCOMPARE(client.update(shadow, state, 3, token), token);
    const std::optional<MqttMessage> request = log.waitFor(updateTopic);
    QVERIFY2(request.has_value(), "the update request was not published");
    QCOMPARE(request->payload, preview);
    QCOMPARE(request->qos, quint8(1));
    QCOMPARE(object(preview).value(QStringLiteral("version")).toInteger(), qint64(3));
    QCOMPARE(object(preview).value(QStringLiteral("clientToken")).toString(), token);
}

void TestShadowClient::timeoutWithoutService()
{
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    ShadowClient client(&session);
    client.setRequestTimeout(1500);
    QCOMPARE(client.requestTimeout(), 1500);
    QSignalSpy finished(&client, &ShadowClient::requestFinished);
    QElapsedTimer clock;
    clock.start();
    const QString token = client.get(ShadowName::classic(nextThing("nobody")));
    QVERIFY2(!token.isEmpty(), qPrintable(client.errorString()));
    ShadowResult result;
    QString problem;
    QVERIFY2(waitForResult(finished, token, &result, &problem), qPrintable(problem));
    QVERIFY2(clock.elapsed() >= 1400, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(result.status, ShadowResult::Status::TimedOut);
    QVERIFY2(result.errorString.startsWith(QLatin1String("No reply from the shadow service within 1.5 s")),
             qPrintable(result.errorString));
    QCOMPARE(client.pendingCount(), 0);
}

void TestShadowClient::timeoutWhenNotConnected()
{
    MqttSession session;  // never connected
    ShadowClient client(&session);
    client.setRequestTimeout(300);
    QSignalSpy finished(&client, &ShadowClient::requestFinished);
    const QString token = client.update(ShadowName::classic(QStringLiteral("press-1")),
                                        desired({{QStringLiteral("a"), 1}}));
    QVERIFY2(!token.isEmpty(), qPrintable(client.errorString()));
    ShadowResult result;
    QString problem;
    QVERIFY2(waitForResult(finished, token, &result, &problem), qPrintable(problem));
    QCOMPARE(result.status, ShadowResult::Status::TimedOut);
    QVERIFY2(result.errorString.contains(QLatin1String("connection to the broker is not established")),
             qPrintable(result.errorString));
}

void TestShadowClient::subscribesBeforeSending()
{
    // The peer answers the instant it sees the request. Had the client sent
    // before its reply subscriptions were granted, the answer would be lost
    // and the request would time out.
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    MqttSession peer;
    QVERIFY2(connectSession(peer, *m_broker).isEmpty(), "peer session");
    const ShadowName shadow = ShadowName::classic(nextThing("instant"));
    QCOMPARE(subscribeAndWait(peer, ShadowTopics::topic(shadow, Operation::Get)), QString());
    QObject context;
    connect(&peer, &MqttSession::messagesReceived, &context, [&](const QList<MqttMessage> &messages) {
        for (const MqttMessage &message : messages) {
            const QJsonObject reply{{QStringLiteral("state"), QJsonObject()},
                                    {QStringLiteral("version"), 1},
                                    {QStringLiteral("clientToken"),
                                     object(message.payload).value(QStringLiteral("clientToken"))}};
            peer.publish({ShadowTopics::topic(shadow, Operation::Get, Kind::Accepted), compact(reply), 1, false, {}});
        }
    });
    ShadowClient client(&session);
    QSignalSpy finished(&client, &ShadowClient::requestFinished);
    for (int i = 0; i < 3; ++i) {
        const QString token = client.get(shadow);
        ShadowResult result;
        QString problem;
        QVERIFY2(waitForResult(finished, token, &result, &problem), qPrintable(problem));
        QVERIFY2(result.isAccepted(), qPrintable(describe(result)));
    }
    const QStringList replies = ShadowTopics::replyTopics(shadow);
    QList<MqttSubscription> subscriptions = session.subscriptions();
    for (const QString &topic : replies) {
        QVERIFY2(std::any_of(subscriptions.begin(), subscriptions.end(),
                             [&](const MqttSubscription &s) { return s.filter == topic; }),
                 qPrintable(topic));
    }
    QCOMPARE(client.watchedShadows(), QList<ShadowName>{shadow});
}

void TestShadowClient::matchesRepliesByToken()
{
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    MqttSession peer;
    QVERIFY2(connectSession(peer, *m_broker).isEmpty(), "peer session");
    const ShadowName shadow = ShadowName::named(nextThing("tokens"), QStringLiteral("control"));
    MessageLog log(&peer);
    const QString getTopic = ShadowTopics::topic(shadow, Operation::Get);
    QCOMPARE(subscribeAndWait(peer, getTopic), QString());

    ShadowClient client(&session);
    QSignalSpy finished(&client, &ShadowClient::requestFinished);
    const QString first = client.get(shadow);
    const QString second = client.get(shadow);
    QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
    QVERIFY2(log.waitFor(getTopic).has_value(), "no get request");
    while (log.on(getTopic).size() < 2) {
        QVERIFY2(log.waitFor(getTopic, WaitMs, log.messages().size()).has_value(), "second get request missing");
    }
    const QString accepted = ShadowTopics::topic(shadow, Operation::Get, Kind::Accepted);
    // A reply to somebody else, then the replies in reverse order.
    const auto reply = [&](const QString &token, int version) {
        const QJsonObject payload{{QStringLiteral("state"), QJsonObject()},
                                  {QStringLiteral("version"), version},
                                  {QStringLiteral("clientToken"), token}};
        QVERIFY(peer.publish({accepted, compact(payload), 1, false, {}}) > 0);
    };
    reply(QStringLiteral("someone-else"), 1);
    reply(second, 2);
    reply(first, 3);
    ShadowResult firstResult;
    ShadowResult secondResult;
    QString problem;
    QVERIFY2(waitForResult(finished, first, &firstResult, &problem), qPrintable(problem));
    QVERIFY2(waitForResult(finished, second, &secondResult, &problem), qPrintable(problem));
    QCOMPARE(firstResult.document().version, qint64(3));
    QCOMPARE(secondResult.document().version, qint64(2));
    QCOMPARE(firstResult.shadow, shadow);
    QCOMPARE(firstResult.operation, Operation::Get);
    QCOMPARE(finished.size(), 2);
}

void TestShadowClient::rejectionCarriesCodeAndSentence()
{
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    MqttSession peer;
    QVERIFY2(connectSession(peer, *m_broker).isEmpty(), "peer session");
    const ShadowName shadow = ShadowName::classic(nextThing("rejected"));
    MessageLog log(&peer);
    const QString updateTopic = ShadowTopics::topic(shadow, Operation::Update);
    QCOMPARE(subscribeAndWait(peer, updateTopic), QString());

    ShadowClient client(&session);
    QSignalSpy finished(&client, &ShadowClient::requestFinished);
    const QString token = client.update(shadow, desired({{QStringLiteral("a"), 1}}), 4);
    const std::optional<MqttMessage> request = log.waitFor(updateTopic);
    QVERIFY2(request.has_value(), "no update request");
    const QJsonObject error{{QStringLiteral("code"), 409},
                            {QStringLiteral("message"), QStringLiteral("Version conflict")},
                            {QStringLiteral("timestamp"), 1591057529},
                            {QStringLiteral("clientToken"), token}};
    QVERIFY(peer.publish({ShadowTopics::topic(shadow, Operation::Update, Kind::Rejected), compact(error), 1, false, {}})
            > 0);
    ShadowResult result;
    QString problem;
    QVERIFY2(waitForResult(finished, token, &result, &problem), qPrintable(problem));
    QCOMPARE(result.status, ShadowResult::Status::Rejected);
    QCOMPARE(result.code, 409);
    QCOMPARE(result.serviceMessage, QStringLiteral("Version conflict"));
    QCOMPARE(result.errorString, ShadowResult::describeRejection(409, QStringLiteral("Version conflict")));
    QCOMPARE(result.payload, error);
}

void TestShadowClient::replyWithoutTokenMatchesOldestRequest()
{
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    MqttSession peer;
    QVERIFY2(connectSession(peer, *m_broker).isEmpty(), "peer session");
    const ShadowName shadow = ShadowName::classic(nextThing("untokened"));
    MessageLog log(&peer);
    const QString deleteTopic = ShadowTopics::topic(shadow, Operation::Delete);
    QCOMPARE(subscribeAndWait(peer, deleteTopic), QString());

    ShadowClient client(&session);
    QSignalSpy finished(&client, &ShadowClient::requestFinished);
    const QString token = client.deleteShadow(shadow);
    QVERIFY2(log.waitFor(deleteTopic).has_value(), "no delete request");
    // The documented delete/accepted example carries no clientToken.
    const QJsonObject accepted{{QStringLiteral("version"), 4}, {QStringLiteral("timestamp"), 1591057529}};
    QVERIFY(peer.publish({ShadowTopics::topic(shadow, Operation::Delete, Kind::Accepted), compact(accepted), 1, false,
                          {}})
            > 0);
    ShadowResult result;
    QString problem;
    QVERIFY2(waitForResult(finished, token, &result, &problem), qPrintable(problem));
    QVERIFY2(result.isAccepted(), qPrintable(describe(result)));
    QCOMPARE(result.document().version, qint64(4));
}

void TestShadowClient::unreadableReplyIsReported()
{
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    MqttSession peer;
    QVERIFY2(connectSession(peer, *m_broker).isEmpty(), "peer session");
    const ShadowName shadow = ShadowName::classic(nextThing("garbled"));
    MessageLog log(&peer);
    const QString getTopic = ShadowTopics::topic(shadow, Operation::Get);
    QCOMPARE(subscribeAndWait(peer, getTopic), QString());

    ShadowClient client(&session);
    QSignalSpy finished(&client, &ShadowClient::requestFinished);
    QSignalSpy errors(&client, &ShadowClient::errorOccurred);
    const QString token = client.get(shadow);
    QVERIFY2(log.waitFor(getTopic).has_value(), "no get request");
    const QString accepted = ShadowTopics::topic(shadow, Operation::Get, Kind::Accepted);
    QVERIFY(peer.publish({accepted, QByteArray("{not json"), 1, false, {}}) > 0);
    QVERIFY2(errors.wait(WaitMs), "unreadable reply not reported");
    QCOMPARE(client.unreadableReplyCount(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(accepted), qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(client.pendingCount(), 1);  // still waiting for a readable reply
    const QJsonObject good{{QStringLiteral("state"), QJsonObject()}, {QStringLiteral("version"), 1},
                           {QStringLiteral("clientToken"), token}};
    QVERIFY(peer.publish({accepted, compact(good), 1, false, {}}) > 0);
    ShadowResult result;
    QString problem;
    QVERIFY2(waitForResult(finished, token, &result, &problem), qPrintable(problem));
    QVERIFY2(result.isAccepted(), qPrintable(describe(result)));
}

void TestShadowClient::deltaAndDocumentsSignals()
{
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    MqttSession peer;
    QVERIFY2(connectSession(peer, *m_broker).isEmpty(), "peer session");
    const ShadowName shadow = ShadowName::named(nextThing("live"), QStringLiteral("control"));
    const ShadowName other = ShadowName::classic(shadow.thing);

    ShadowClient client(&session);
    QSignalSpy subscribed(&session, &MqttSession::subscribed);
    QVERIFY2(client.watch(shadow), qPrintable(client.errorString()));
    // Wait until all eight reply topics are granted.
    QElapsedTimer clock;
    clock.start();
    int granted = 0;
    while (granted < 8 && clock.elapsed() < WaitMs) {
        if (!subscribed.wait(200)) {
            continue;
        }
        granted = 0;
        for (const QList<QVariant> &arguments : std::as_const(subscribed)) {
            for (const MqttSubscribeResult &r : arguments.at(0).value<QList<MqttSubscribeResult>>()) {
                granted += r.isGranted() ? 1 : 0;
            }
        }
    }
    QCOMPARE(granted, 8);

    QSignalSpy deltas(&client, &ShadowClient::deltaReceived);
    QSignalSpy documents(&client, &ShadowClient::documentsReceived);
    const QJsonObject delta{{QStringLiteral("state"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("maintenance")}}},
                            {QStringLiteral("version"), 7}};
    const QJsonObject docs{{QStringLiteral("current"), QJsonObject{{QStringLiteral("version"), 7}}},
                           {QStringLiteral("timestamp"), 1}};
    // The classic shadow of the same thing is not watched: its delta is not reported.
    QVERIFY(peer.publish({ShadowTopics::topic(other, Operation::Update, Kind::Delta), compact(delta), 1, false, {}}) > 0);
    QVERIFY(peer.publish({ShadowTopics::topic(shadow, Operation::Update, Kind::Delta), compact(delta), 1, false, {}}) > 0);
    QVERIFY(peer.publish({ShadowTopics::topic(shadow, Operation::Update, Kind::Documents), compact(docs), 1, false, {}})
            > 0);
    QVERIFY2(documents.size() == 1 || documents.wait(WaitMs), "no documents signal");
    QCOMPARE(deltas.size(), 1);
    QCOMPARE(deltas.at(0).at(0).value<ShadowName>(), shadow);
    QCOMPARE(deltas.at(0).at(1).toJsonObject(), delta);
    QCOMPARE(documents.at(0).at(0).value<ShadowName>(), shadow);
    QCOMPARE(documents.at(0).at(1).toJsonObject(), docs);
}

void TestShadowClient::discoversNamedShadows()
{
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    MqttSession peer;
    QVERIFY2(connectSession(peer, *m_broker).isEmpty(), "peer session");
    const QString thing = nextThing("discover");
    ShadowClient client(&session);
    QSignalSpy changed(&client, &ShadowClient::namedShadowsChanged);
    QVERIFY(!client.discoverNamedShadows(QStringLiteral("bad thing")));
    QVERIFY2(client.errorString().startsWith(QLatin1String("Thing name:")), qPrintable(client.errorString()));
    QVERIFY2(client.discoverNamedShadows(thing), qPrintable(client.errorString()));
    QCOMPARE(subscribeAndWait(session, ShadowTopics::namedShadowsFilter(thing)), QString());

    const auto publish = [&](const ShadowName &name, Operation operation, Kind kind) {
        QVERIFY(peer.publish({ShadowTopics::topic(name, operation, kind), QByteArray("{}"), 1, false, {}}) > 0);
    };
    publish(ShadowName::named(thing, QStringLiteral("telemetry")), Operation::Get, Kind::Request);
    publish(ShadowName::named(thing, QStringLiteral("control")), Operation::Update, Kind::Accepted);
    publish(ShadowName::named(thing, QStringLiteral("control")), Operation::Update, Kind::Documents);
    publish(ShadowName::named(QStringLiteral("other-thing"), QStringLiteral("quality")), Operation::Get, Kind::Request);
    QElapsedTimer clock;
    clock.start();
    while (client.namedShadows(thing).size() < 2 && clock.elapsed() < WaitMs) {
        changed.wait(100);
    }
    QCOMPARE(client.namedShadows(thing), (QStringList{QStringLiteral("control"), QStringLiteral("telemetry")}));
    QCOMPARE(changed.size(), 2);
    QVERIFY(client.namedShadows(QStringLiteral("other-thing")).isEmpty());
}

void TestShadowClient::unwatchFailsPendingRequests()
{
    MqttSession session;  // not connected: the request stays queued
    ShadowClient client(&session);
    QSignalSpy finished(&client, &ShadowClient::requestFinished);
    const ShadowName shadow = ShadowName::classic(QStringLiteral("press-1"));
    const QString token = client.get(shadow);
    QVERIFY(!token.isEmpty());
    QCOMPARE(session.subscriptions().size(), 8);
    client.unwatch(shadow);
    QCOMPARE(finished.size(), 1);
    const ShadowResult result = finished.at(0).at(1).value<ShadowResult>();
    QCOMPARE(result.status, ShadowResult::Status::Failed);
    QVERIFY2(result.errorString.contains(QLatin1String("no longer watched")), qPrintable(result.errorString));
    QVERIFY(session.subscriptions().isEmpty());
    QVERIFY(client.watchedShadows().isEmpty());
}

void TestShadowClient::duplicateTokenIsRefused()
{
    MqttSession session;
    ShadowClient client(&session);
    const ShadowName shadow = ShadowName::classic(QStringLiteral("press-1"));
    const QString token = QStringLiteral("fixed-token");
    QCOMPARE(client.update(shadow, desired({{QStringLiteral("a"), 1}}), std::nullopt, token), token);
    QVERIFY(client.update(shadow, desired({{QStringLiteral("a"), 2}}), std::nullopt, token).isEmpty());
    QVERIFY2(client.errorString().contains(token), qPrintable(client.errorString()));
    QCOMPARE(client.pendingCount(), 1);
}

void TestShadowClient::inFlightRequestsAreCapped()
{
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    MqttSession peer;
    QVERIFY2(connectSession(peer, *m_broker).isEmpty(), "peer session");
    const QString thing = nextThing("cap");
    const QList<ShadowName> shadows{ShadowName::classic(thing), ShadowName::named(thing, QStringLiteral("control"))};
    MessageLog log(&peer);
    for (const ShadowName &shadow : shadows) {
        QCOMPARE(subscribeAndWait(peer, ShadowTopics::topic(shadow, Operation::Get)), QString());
    }
    const auto requestsSeen = [&] {
        QStringList tokens;
        for (const MqttMessage &message : log.messages()) {
            tokens.append(object(message.payload).value(QStringLiteral("clientToken")).toString());
        }
        return tokens;
    };

    ShadowClient client(&session);
    QSignalSpy finished(&client, &ShadowClient::requestFinished);
    constexpr int Requests = 25;
    QStringList tokens;
    for (int i = 0; i < Requests; ++i) {
        const QString token = client.get(shadows.at(i % shadows.size()));
        QVERIFY2(!token.isEmpty(), qPrintable(client.errorString()));
        tokens.append(token);
    }
    QCOMPARE(client.pendingCount(), Requests);

    // Nobody answers yet: exactly the first ten go out, and no more follow.
    QElapsedTimer clock;
    clock.start();
    while (log.messages().size() < ShadowClient::MaxInFlightRequests && clock.elapsed() < WaitMs) {
        QTest::qWait(10);
    }
    QTest::qWait(300);
    QCOMPARE(requestsSeen().size(), ShadowClient::MaxInFlightRequests);
    QCOMPARE(client.inFlightCount(), ShadowClient::MaxInFlightRequests);
    QCOMPARE(client.pendingCount(), Requests);

    // From now on the peer answers each request: every answer frees a slot
    // for the next queued request, in the order of the calls.
    int answered = 0;
    int mostInFlight = 0;
    const auto answer = [&](const MqttMessage &message) {
        const std::optional<ShadowTopics::Parsed> parsed = ShadowTopics::parse(message.topic);
        QVERIFY2(parsed.has_value(), qPrintable(message.topic));
        const QJsonObject reply{{QStringLiteral("state"), QJsonObject()},
                                {QStringLiteral("version"), ++answered},
                                {QStringLiteral("clientToken"),
                                 object(message.payload).value(QStringLiteral("clientToken"))}};
        QVERIFY(peer.publish({ShadowTopics::topic(parsed->shadow, Operation::Get, Kind::Accepted), compact(reply), 1,
                              false, {}})
                > 0);
    };
    QObject context;
    connect(&client, &ShadowClient::requestFinished, &context,
            [&] { mostInFlight = std::max(mostInFlight, client.inFlightCount()); });
    connect(&peer, &MqttSession::messagesReceived, &context, [&](const QList<MqttMessage> &messages) {
        for (const MqttMessage &message : messages) {
            answer(message);
        }
    });
    for (const MqttMessage &message : log.messages()) {
        answer(message);
    }
    clock.restart();
    while (finished.size() < Requests && clock.elapsed() < WaitMs) {
        finished.wait(100);
    }
    QVERIFY2(finished.size() == Requests, qPrintable(QStringLiteral("%1 of %2 requests finished, %3 sent")
                                                         .arg(finished.size())
                                                         .arg(Requests)
                                                         .arg(log.messages().size())));
    for (const QList<QVariant> &arguments : std::as_const(finished)) {
        const ShadowResult result = arguments.at(1).value<ShadowResult>();
        QVERIFY2(result.isAccepted(), qPrintable(describe(result)));
    }
    // Each shadow's requests go out in the order of the calls; the two
    // shadows interleave as their reply subscriptions were granted.
    const QStringList seen = requestsSeen();
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), Requests);
    for (qsizetype first = 0; first < shadows.size(); ++first) {
        QStringList called;
        QStringList sent;
        for (qsizetype i = first; i < tokens.size(); i += shadows.size()) {
            called.append(tokens.at(i));
        }
        for (const QString &token : seen) {
            if (called.contains(token)) {
                sent.append(token);
            }
        }
        QCOMPARE(sent, called);
    }
    QVERIFY2(mostInFlight <= ShadowClient::MaxInFlightRequests, qPrintable(QString::number(mostInFlight)));
    QCOMPARE(client.inFlightCount(), 0);
    QCOMPARE(client.pendingCount(), 0);
}

void TestShadowClient::queuedRequestsTimeOutOnlyAfterSending()
{
    MqttSession session;
    QVERIFY2(connectSession(session, *m_broker).isEmpty(), "client session");
    ShadowClient client(&session);
    constexpr int TimeoutMs = 1500;
    client.setRequestTimeout(TimeoutMs);
    QSignalSpy finished(&client, &ShadowClient::requestFinished);
    const ShadowName shadow = ShadowName::classic(nextThing("unanswered"));
    QStringList tokens;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < ShadowClient::MaxInFlightRequests + 2; ++i) {
        tokens.append(client.get(shadow));
        QVERIFY2(!tokens.constLast().isEmpty(), qPrintable(client.errorString()));
    }
    ShadowResult result;
    QString problem;
    QVERIFY2(waitForResult(finished, tokens.at(ShadowClient::MaxInFlightRequests - 1), &result, &problem),
             qPrintable(problem));
    QCOMPARE(result.status, ShadowResult::Status::TimedOut);
    // The two queued requests went out only when the first ten timed out, so
    // they get their full timeout from then on instead of failing with them.
    QVERIFY2(waitForResult(finished, tokens.constLast(), &result, &problem), qPrintable(problem));
    // Two timeouts in a row (coarse timers may fire up to 5 % early each);
    // counted from the call it would have been one.
    QVERIFY2(clock.elapsed() >= 2 * TimeoutMs * 9 / 10, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(result.status, ShadowResult::Status::TimedOut);
    QVERIFY2(result.errorString.startsWith(QLatin1String("No reply from the shadow service within 1.5 s")),
             qPrintable(result.errorString));
    QCOMPARE(finished.size(), ShadowClient::MaxInFlightRequests + 2);
    // Timers of one interval may fire slightly out of order (coarse timers),
    // so compare which requests finished first, not their exact order.
    QSet<QString> firstFinished;
    for (int i = 0; i < ShadowClient::MaxInFlightRequests; ++i) {
        firstFinished.insert(finished.at(i).at(0).toString());
    }
    const QStringList firstSent = tokens.mid(0, ShadowClient::MaxInFlightRequests);
    QCOMPARE(firstFinished, QSet<QString>(firstSent.begin(), firstSent.end()));
}

QTEST_GUILESS_MAIN(TestShadowClient)
#include "tst_shadow_client.moc"
