#pragma once

#include <QString>

#include <functional>

class BrokerSupervisor;
class QCoreApplication;
class QObject;
class QProcess;
class TestBroker;

// Pieces shared by the ingest benchmarks: one stream from fast_publisher,
// received by mosquitto_sub (the baseline) or by LineScope.
namespace IngestRun {

struct Result
{
    qint64 received = 0;
    double seconds = 0;
    QString error;
};

// Command line shared by the ingest benchmarks: --smoke, --messages, --topics, --json.
struct Options
{
    qint64 messages = 0;
    int topics = 0;
    QString jsonPath;
};
Options parseOptions(const QCoreApplication &app, qint64 defaultMessages);

// Starts the broker the ingest benchmarks use (subscriptions logged, so a
// subscriber can be waited for); prints the reason and returns false on failure.
bool startBroker(TestBroker &broker);

// Spins the event loop until done() or no progress for stallMs; false on stall.
bool waitUntil(const std::function<bool()> &done, const std::function<qint64()> &progress, int stallMs);

// True once the broker logged needle (the broker runs with "log_type subscribe").
bool waitForLog(BrokerSupervisor *broker, const QString &needle, int timeoutMs);

// Starts fast_publisher: COUNT QoS 0 messages over TOPICS topics under "bench/".
QProcess *startPublisher(int port, qint64 messages, int topics, QObject *parent);

// mosquitto_sub on bench/# writing to outFile, timed from the publisher's start
// until it exits after the last message.
Result runMosquittoSub(TestBroker &broker, qint64 messages, int topics, const QString &outFile);

} // namespace IngestRun
