#pragma once

// Helpers shared by the shadow tests that run against a real mosquitto.

#include "mqtt/mqtt_session.h"
#include "shadow/shadow_client.h"
#include "shadow/shadow_result.h"
#include "test_broker.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSignalSpy>
#include <QTest>

namespace ShadowTest {

// Generous: the machine is shared and loaded; normally everything is fast.
constexpr int WaitMs = 20000;

inline QString connectSession(MqttSession &session, const TestBroker &broker)
{
    ConnectionSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    session.setSettings(settings);
    session.connectToBroker();
    QElapsedTimer clock;
    clock.start();
    while (session.state() != MqttSession::State::Connected && clock.elapsed() < WaitMs) {
        QTest::qWait(10);
    }
    if (session.state() == MqttSession::State::Connected) {
        return {};
    }
    return QStringLiteral("session did not connect: %1 (state %2)\n%3")
        .arg(session.errorString())
        .arg(int(session.state()))
        .arg(broker.logText());
}

// Subscribes and waits for the SUBACK of `filter`; empty on success.
inline QString subscribeAndWait(MqttSession &session, const QString &filter)
{
    QSignalSpy spy(&session, &MqttSession::subscribed);
    if (!session.subscribe(MqttSubscription{filter, 1})) {
        return session.errorString();
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < WaitMs) {
        for (const QList<QVariant> &arguments : std::as_const(spy)) {
            const auto results = arguments.at(0).value<QList<MqttSubscribeResult>>();
            for (const MqttSubscribeResult &result : results) {
                if (result.filter == filter) {
                    return result.isGranted() ? QString() : result.reason;
                }
            }
        }
        spy.wait(100);
    }
    return QStringLiteral("no SUBACK for %1").arg(filter);
}

// Waits for requestFinished(token, ...) of `client`, collected by `spy`.
// Returns false (with *problem) on timeout.
inline bool waitForResult(QSignalSpy &spy, const QString &token, ShadowResult *result, QString *problem,
                          int timeoutMs = WaitMs)
{
    QElapsedTimer clock;
    clock.start();
    while (true) {
        for (const QList<QVariant> &arguments : std::as_const(spy)) {
            if (arguments.at(0).toString() == token) {
                *result = arguments.at(1).value<ShadowResult>();
                return true;
            }
        }
        if (clock.elapsed() >= timeoutMs) {
            *problem = QStringLiteral("no requestFinished for token %1 within %2 ms").arg(token).arg(timeoutMs);
            return false;
        }
        spy.wait(50);
    }
}

// Collects every message a session receives.
class MessageLog : public QObject
{
public:
    explicit MessageLog(MqttSession *session)
    {
        connect(session, &MqttSession::messagesReceived, this,
                [this](const QList<MqttMessage> &messages) { m_messages += messages; });
    }

    const QList<MqttMessage> &messages() const { return m_messages; }
    void clear() { m_messages.clear(); }

    // The first message on `topic` after index `from`, waiting for it.
    std::optional<MqttMessage> waitFor(const QString &topic, int timeoutMs = WaitMs, qsizetype from = 0)
    {
        QElapsedTimer clock;
        clock.start();
        while (true) {
            for (qsizetype i = from; i < m_messages.size(); ++i) {
                if (m_messages.at(i).topic == topic) {
                    return m_messages.at(i);
                }
            }
            if (clock.elapsed() >= timeoutMs) {
                return std::nullopt;
            }
            QTest::qWait(10);
        }
    }

    QList<MqttMessage> on(const QString &topic) const
    {
        QList<MqttMessage> found;
        for (const MqttMessage &message : m_messages) {
            if (message.topic == topic) {
                found.append(message);
            }
        }
        return found;
    }

private:
    QList<MqttMessage> m_messages;
};

inline QJsonObject object(const QByteArray &payload)
{
    return QJsonDocument::fromJson(payload).object();
}

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QString describe(const ShadowResult &result)
{
    return QStringLiteral("status %1, code %2, message \"%3\", error \"%4\", payload %5")
        .arg(int(result.status))
        .arg(result.code)
        .arg(result.serviceMessage, result.errorString, QString::fromUtf8(compact(result.payload)));
}

} // namespace ShadowTest
