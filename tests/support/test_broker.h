#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class BrokerSupervisor;

// A real mosquitto on a free loopback port, started through our own
// BrokerSupervisor, for one test case. start() blocks the *test* thread
// (spinning the event loop) until the broker accepts connections.
//
// The broker keeps its port across stop()/start(), so tests can take the
// broker away and bring it back for reconnect scenarios; retained messages
// survive that too (persistence into dataDirectory()).
//
// With setTlsListener() it also listens with TLS on a second loopback port
// (tlsPort(), likewise kept across restarts), and start() returns only once
// that port accepts connections too. TestTlsPki makes the certificates.
class TestBroker
{
public:
    struct TlsListener
    {
        QString caFile;            // CA of the client certificates
        QString certificateFile;   // the broker's certificate (PEM)
        QString keyFile;           // its key (PEM)
        bool requireCertificate = true;
    };

    explicit TestBroker(const QStringList &extraConfigLines = {});
    ~TestBroker();

    void setTlsListener(const TlsListener &listener);  // before the first start()
    bool start(QString *error = nullptr);   // false + error text (with the broker log) on failure
    void stop();                            // synchronous; returns once mosquitto has exited
    int port() const;
    int tlsPort() const;                    // 0 without a TLS listener or before the first start()
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString dataDirectory() const;
    BrokerSupervisor *supervisor() const;
    QString logText() const;                // everything mosquitto printed, for failure messages

    // Absolute path of a mosquitto client program ("mosquitto_pub",
    // "mosquitto_sub", ...), or an empty string when it is not installed.
    static QString mosquittoClientPath(const QString &name);
    // A loopback TCP port that was free a moment ago, or 0.
    static int freePort();

private:
    QTemporaryDir m_dir;
    QStringList m_extra;
    std::unique_ptr<BrokerSupervisor> m_supervisor;
    int m_port = 0;  // 0 until the first successful start(), then kept for restarts
    std::optional<TlsListener> m_tls;
    int m_tlsPort = 0;
};
