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
// test time); the recorder watches on the cloud's plain loopback listener.
struct UplinkFixture
{
    QTemporaryDir dir;
    UplinkTestRig::CloudPki pki{dir.path()};
    int cloudTlsPort = UplinkTestRig::freePort();
    TestBroker local{UplinkTestRig::brokerConfigLines()};
    TestBroker cloud{UplinkTestRig::brokerConfigLines() + UplinkTestRig::tlsListenerLines(pki, cloudTlsPort)};
    std::unique_ptr<UplinkTestRig::CloudRecorder> recorder = std::make_unique<UplinkTestRig::CloudRecorder>();
    std::unique_ptr<StoreAndForwardUplink> uplink = std::make_unique<StoreAndForwardUplink>();

    // Starts both brokers and the recorder; empty string or the problem.
    QString startBrokers()
    {
        if (!pki.error.isEmpty()) {
            return QStringLiteral("test certificates: %1").arg(pki.error);
        }
        if (cloudTlsPort <= 0) {
            return QStringLiteral("no free port for the cloud's TLS listener");
        }
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
        UplinkTestRig::useMutualTls(&c, pki, cloudTlsPort);
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
