#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class BrokerSupervisor;

// A real mosquitto on a free loopback port, started through our own
// BrokerSupervisor, for one test case. start() blocks the *test* thread
// (spinning the event loop) until the broker accepts connections.
class TestBroker
{
public:
    explicit TestBroker(const QStringList &extraConfigLines = {});
    ~TestBroker();

    bool start(QString *error = nullptr);   // false + error text on failure
    void stop();
    int port() const;
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString dataDirectory() const;
    BrokerSupervisor *supervisor() const;

private:
    QTemporaryDir m_dir;
    QStringList m_extra;
    std::unique_ptr<BrokerSupervisor> m_supervisor;
};
