#include "test_broker.h"

#include "broker/broker_supervisor.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QObject>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace {

constexpr int kStartTimeoutMs = 15000;
constexpr int kStopTimeoutMs = 10000;

bool acceptsConnections(int port)
{
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(port));
    return probe.waitForConnected(1000);
}

} // namespace

TestBroker::TestBroker(const QStringList &extraConfigLines)
    : m_extra(extraConfigLines)
    , m_supervisor(std::make_unique<BrokerSupervisor>())
{
    // QTemporaryDir is private (0700). The supervisor keeps a root-run
    // mosquitto as root, but tests may also point extra lines at files in
    // here for a broker that runs as "mosquitto", so let it read them.
    QFile::setPermissions(m_dir.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                              | QFile::ReadOther | QFile::ExeOther);
}

TestBroker::~TestBroker()
{
    stop();
}

bool TestBroker::start(QString *error)
{
    auto report = [error](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    if (!m_dir.isValid())
        return report(QStringLiteral("Cannot create a temporary broker directory: %1").arg(m_dir.errorString()));

    BrokerConfig config;
    config.dataDirectory = m_dir.path();
    config.port = m_port;  // a free port the first time, the same one after stop()
    config.allowAnonymous = true;
    config.extraLines = m_extra;
    if (m_tls) {
        if (m_tlsPort == 0)
            m_tlsPort = freePort();
        if (m_tlsPort == 0)
            return report(QStringLiteral("No free loopback port for the TLS listener."));
        config.extraLines << QStringLiteral("listener %1 127.0.0.1").arg(m_tlsPort)
                          << QStringLiteral("cafile ") + m_tls->caFile
                          << QStringLiteral("certfile ") + m_tls->certificateFile
                          << QStringLiteral("keyfile ") + m_tls->keyFile
                          << QStringLiteral("require_certificate %1").arg(m_tls->requireCertificate ? QStringLiteral("true") : QStringLiteral("false"));
    }
    m_supervisor->setConfig(config);

    QEventLoop loop;
    QString failure;
    QObject::connect(m_supervisor.get(), &BrokerSupervisor::started, &loop, &QEventLoop::quit);
    QObject::connect(m_supervisor.get(), &BrokerSupervisor::errorOccurred, &loop,
                     [&loop, &failure](BrokerSupervisor::Error, const QString &message) {
                         failure = message;
                         loop.quit();
                     });
    QTimer::singleShot(kStartTimeoutMs, &loop, [&loop, &failure] {
        failure = QStringLiteral("The test broker did not start within %1 ms.").arg(kStartTimeoutMs);
        loop.quit();
    });
    m_supervisor->start();
    if (m_supervisor->state() != BrokerSupervisor::State::Running)
        loop.exec();

    if (m_supervisor->state() == BrokerSupervisor::State::Running) {
        m_port = m_supervisor->port();
        if (m_tls && !QTest::qWaitFor([this] { return acceptsConnections(m_tlsPort); }, kStartTimeoutMs))
            failure = QStringLiteral("The TLS listener on port %1 does not accept connections.").arg(m_tlsPort);
        else
            return true;
    }
    if (failure.isEmpty())
        failure = m_supervisor->errorString();
    const QString text = QStringLiteral("%1\nBroker log:\n%2").arg(failure, logText());
    stop();
    return report(text);
}

void TestBroker::stop()
{
    if (m_supervisor->state() == BrokerSupervisor::State::Stopped)
        return;
    QEventLoop loop;
    QObject::connect(m_supervisor.get(), &BrokerSupervisor::stopped, &loop, &QEventLoop::quit);
    QTimer::singleShot(kStopTimeoutMs, &loop, &QEventLoop::quit);
    m_supervisor->stop();
    loop.exec();
    if (m_supervisor->state() != BrokerSupervisor::State::Stopped)
        qWarning("TestBroker: the broker did not stop within %d ms", kStopTimeoutMs);
}

void TestBroker::setTlsListener(const TlsListener &listener)
{
    m_tls = listener;
}

int TestBroker::tlsPort() const
{
    return m_tlsPort;
}

int TestBroker::freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

int TestBroker::port() const
{
    return m_port;
}

QString TestBroker::dataDirectory() const
{
    return m_dir.path();
}

BrokerSupervisor *TestBroker::supervisor() const
{
    return m_supervisor.get();
}

QString TestBroker::logText() const
{
    return m_supervisor->logLines().join(QLatin1Char('\n'));
}

QString TestBroker::mosquittoClientPath(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) {
        QStringList extra = {QStringLiteral("/usr/local/bin"), QStringLiteral("/opt/homebrew/bin")};
        const QString programFiles = qEnvironmentVariable("ProgramFiles");
        if (!programFiles.isEmpty())
            extra << QDir(programFiles).filePath(QStringLiteral("mosquitto"));
        path = QStandardPaths::findExecutable(name, extra);
    }
    return path;
}
