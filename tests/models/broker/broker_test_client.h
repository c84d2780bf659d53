#pragma once

#include "mqtt/mqtt_session.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

// An MqttSession with the waits the broker tests need. Header-only test
// helper; every wait is generous (busy machine) and reports the cause.
class BrokerTestClient
{
public:
    static constexpr int kWaitMs = 20000;

    BrokerTestClient(int port, const QString &username = {}, const QString &password = {},
                     const QString &clientId = {}, bool cleanSession = true)
        : m_session(std::make_unique<MqttSession>())
        , m_messages(m_session.get(), &MqttSession::messagesReceived)
    {
        ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = port;
        settings.username = username;
        settings.password = password;
        settings.clientId = clientId;
        settings.cleanSession = cleanSession;
        settings.sessionExpirySeconds = cleanSession ? 0 : 3600;
        settings.autoReconnect = true;
        settings.reconnectMinDelayMs = 200;
        settings.reconnectMaxDelayMs = 1000;
        m_session->setSettings(settings);
    }

    MqttSession *session() const { return m_session.get(); }

    // Connected, or false with the reason in *problem (e.g. refused).
    bool connect(QString *problem)
    {
        m_session->connectToBroker();
        return waitForState(MqttSession::State::Connected, problem);
    }

    bool waitForState(MqttSession::State wanted, QString *problem)
    {
        QSignalSpy states(m_session.get(), &MqttSession::stateChanged);
        QElapsedTimer timer;
        timer.start();
        while (m_session->state() != wanted && timer.elapsed() < kWaitMs) {
            if (m_session->state() == MqttSession::State::Failed && wanted != MqttSession::State::Failed)
                break;
            states.wait(200);
        }
        if (m_session->state() == wanted)
            return true;
        *problem = QStringLiteral("state %1, wanted %2: %3")
                       .arg(QVariant::fromValue(m_session->state()).toString(), QVariant::fromValue(wanted).toString(),
                            m_session->errorString());
        return false;
    }

    // True when the broker on port turns away a client without login because
    // of its credentials; false with the cause when it lets it in or refuses
    // it for another reason (a closed port, a listener that is not up).
    static bool refusesAnonymous(int port, QString *problem)
    {
        BrokerTestClient anonymous(port);
        QString reason;
        if (anonymous.connect(&reason)) {
            *problem = QStringLiteral("an anonymous client got in on port %1").arg(port);
            return false;
        }
        const MqttSession::Error error = anonymous.session()->error();
        if (error != MqttSession::Error::NotAuthorized && error != MqttSession::Error::BadCredentials) {
            *problem = QStringLiteral("refused on port %1 for another reason (is the listener up?): %2").arg(port).arg(reason);
            return false;
        }
        return true;
    }

    // Granted (true) or refused (false); *problem set when no SUBACK came.
    bool subscribe(const QString &filter, int qos, QString *problem)
    {
        QSignalSpy subacks(m_session.get(), &MqttSession::subscribed);
        MqttSubscription subscription;
        subscription.filter = filter;
        subscription.qos = quint8(qos);
        if (!m_session->subscribe(subscription)) {
            *problem = m_session->errorString();
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < kWaitMs) {
            for (const QList<QVariant> &arguments : std::as_const(subacks)) {
                const auto results = arguments.at(0).value<QList<MqttSubscribeResult>>();
                for (const MqttSubscribeResult &result : results) {
                    if (result.filter == filter)
                        return result.isGranted();
                }
            }
            subacks.wait(200);
        }
        *problem = QStringLiteral("no SUBACK for %1").arg(filter);
        return false;
    }

    // QoS 1 publish: true when acknowledged, false when refused (MQTT 5
    // PUBACK reason code) or failed; *reason carries the broker's reason.
    bool publish(const QString &topic, const QByteArray &payload, int qos, bool retain, QString *reason)
    {
        QSignalSpy published(m_session.get(), &MqttSession::published);
        MqttPublishRequest request;
        request.topic = topic;
        request.payload = payload;
        request.qos = quint8(qos);
        request.retain = retain;
        const int id = m_session->publish(request);
        if (id == 0) {
            *reason = m_session->errorString();
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < kWaitMs) {
            for (const QList<QVariant> &arguments : std::as_const(published)) {
                if (arguments.at(0).toInt() == id) {
                    *reason = arguments.at(2).toString();
                    return arguments.at(1).toBool();
                }
            }
            published.wait(200);
        }
        *reason = QStringLiteral("no acknowledgement for %1").arg(topic);
        return false;
    }

    QList<MqttMessage> messages() const
    {
        QList<MqttMessage> all;
        for (const QList<QVariant> &arguments : std::as_const(m_messages))
            all += arguments.at(0).value<QList<MqttMessage>>();
        return all;
    }

    bool hasMessage(const QString &topic) const
    {
        const QList<MqttMessage> all = messages();
        return std::any_of(all.cbegin(), all.cend(), [&topic](const MqttMessage &m) { return m.topic == topic; });
    }

    bool waitForMessage(const QString &topic, int timeoutMs = kWaitMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!hasMessage(topic) && timer.elapsed() < timeoutMs)
            m_messages.wait(100);
        return hasMessage(topic);
    }

    int messageCount() const
    {
        int count = 0;
        for (const QList<QVariant> &arguments : std::as_const(m_messages))
            count += int(arguments.at(0).value<QList<MqttMessage>>().size());
        return count;
    }

    void clearMessages() { m_messages.clear(); }

private:
    std::unique_ptr<MqttSession> m_session;
    QSignalSpy m_messages;
};
