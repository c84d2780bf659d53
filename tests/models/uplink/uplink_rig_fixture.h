#pragma once

#include "test_broker.h"
#include "uplink/store_and_forward_uplink.h"
#include "uplink_test_rig.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

// A local broker, a "cloud" broker with a recorder on it, and the uplink
// between them, for one test function. The uplink reaches the cloud only
// through its TLS listener, which requires a client certificate (made at
// test time, TestTlsPki); the recorder watches on the cloud's plain loopback listener.
struct UplinkFixture
{
    QTemporaryDir dir;
    TestTlsPki pki{dir.path()};
    TestBroker local{UplinkTestRig::brokerConfigLines()};
    TestBroker cloud{UplinkTestRig::brokerConfigLines()};
    std::unique_ptr<UplinkTestRig::CloudRecorder> recorder = std::make_unique<UplinkTestRig::CloudRecorder>();
    std::unique_ptr<StoreAndForwardUplink> uplink = std::make_unique<StoreAndForwardUplink>();

    // Starts both brokers and the recorder; empty string or the problem.
    QString startBrokers()
    {
        if (!pki.isValid()) {
            return QStringLiteral("test certificates: %1").arg(pki.error());
        }
        cloud.setTlsListener(pki.listener());
        QString error;
        if (!local.start(&error) || !cloud.start(&error)) {
            return error;
        }
        return recorder->start(cloud.port());
    }

    UplinkConfiguration configuration() const
    {
        UplinkConfiguration c;
        c.local = UplinkTestRig::settingsFor(local.port(), QStringLiteral("uplink-local"));
        c.cloud = UplinkTestRig::settingsFor(cloud.port(), QStringLiteral("uplink-cloud"));
        c.cloud.keepAliveSeconds = 5;
        UplinkTestRig::useMutualTls(&c, pki, cloud.tlsPort());
        c.topicFilters = {QStringLiteral("plant/#")};
        c.queueFile = dir.filePath(QStringLiteral("uplink/queue.db"));
        return c;
    }

    bool waitFor(const std::function<bool(const UplinkStatus &)> &predicate, int timeoutMs)
    {
        return QTest::qWaitFor([&] { return predicate(uplink->status()); }, timeoutMs);
    }

    bool waitUntilSubscribed()
    {
        // The local session is up and the cloud is reachable.
        return waitFor(
            [](const UplinkStatus &s) {
                return s.localState == MqttSession::State::Connected && s.cloudState == MqttSession::State::Connected;
            },
            20000);
    }

    QString state() const { return UplinkTestRig::describe(uplink->status()); }
};
