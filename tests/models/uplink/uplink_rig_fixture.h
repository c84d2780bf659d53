#pragma once

#include "test_broker.h"
#include "uplink/store_and_forward_uplink.h"
#include "uplink_test_rig.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

// A local broker, a "cloud" broker with a recorder on it, and the uplink
// between them, for one test function.
struct UplinkFixture
{
    TestBroker local{UplinkTestRig::brokerConfigLines()};
    TestBroker cloud{UplinkTestRig::brokerConfigLines()};
    QTemporaryDir dir;
    std::unique_ptr<UplinkTestRig::CloudRecorder> recorder = std::make_unique<UplinkTestRig::CloudRecorder>();
    std::unique_ptr<StoreAndForwardUplink> uplink = std::make_unique<StoreAndForwardUplink>();

    // Starts both brokers and the recorder; empty string or the problem.
    QString startBrokers()
    {
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
