#include "broker_supervisor.h"

#include "broker_accounts.h"
#include "broker_platform.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>

namespace {

constexpr int kMaxLogLines = 2000;
constexpr int kMaxPartialLineBytes = 64 * 1024;
constexpr int kPollIntervalMs = 50;
constexpr int kStartTimeoutMs = 10000;
// mosquitto writes its persistence file when asked to stop; on a busy
// machine with many retained messages that takes seconds, and a kill loses
// everything since the last autosave.
constexpr int kStopGraceMs = 10000;
constexpr int kInitialBackoffMs = 250;
constexpr int kMaxBackoffMs = 30000;
constexpr int kCrashLimit = 5;
constexpr qint64 kCrashWindowMs = 60000;
constexpr int kReasonLogLines = 10;

// Outcome of the checks that run before mosquitto is launched.
struct Preflight
{
    BrokerSupervisor::Error error = BrokerSupervisor::Error::NoError;
    QString message;
    QString executable;
    BrokerConfig config;  // effective port and runAsUser filled in
    QString adminPassword;
};

QString findExecutable(const QString &requested)
{
    QString name = QStringLiteral("mosquitto");
    if (!requested.isEmpty()) {
        const QFileInfo info(requested);
        if (info.isAbsolute() || requested.contains(QLatin1Char('/')) || requested.contains(QLatin1Char('\\')))
            return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
        name = requested;
    }
    QString found = QStandardPaths::findExecutable(name);
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(name, BrokerPlatform::extraExecutableSearchPaths());
    return found;
}

// Binds the address and port like mosquitto will, so "in use" is known
// before anything starts; port 0 lets the OS choose a free port, which is
// written back.
bool checkListener(const QString &bindAddress, int *port, Preflight *result)
{
    using Error = BrokerSupervisor::Error;
    QHostAddress address;
    if (!address.setAddress(bindAddress)) {
        result->error = Error::AddressNotUsable;
        result->message = BrokerSupervisor::tr("\"%1\" is not an IP address the broker can listen on. "
                                               "Use 127.0.0.1 for local connections only, or 0.0.0.0 for all network interfaces.")
                              .arg(bindAddress);
        return false;
    }
    if (*port < 0 || *port > 65535) {
        result->error = Error::AddressNotUsable;
        result->message = BrokerSupervisor::tr("Port %1 is not a valid TCP port. Choose a port between 1 and 65535.").arg(*port);
        return false;
    }
    QTcpServer server;
    if (!server.listen(address, quint16(*port))) {
        if (server.serverError() == QAbstractSocket::AddressInUseError) {
            result->error = Error::PortInUse;
            result->message = BrokerSupervisor::tr("Port %1 on %2 is already in use by another program. "
                                                   "Choose another port or stop that program.")
                                  .arg(*port)
                                  .arg(bindAddress);
        } else {
            result->error = Error::AddressNotUsable;
            result->message = BrokerSupervisor::tr("The broker cannot listen on %1 port %2: %3. "
                                                   "Choose another address or port.")
                                  .arg(bindAddress)
                                  .arg(*port)
                                  .arg(server.errorString());
        }
        return false;
    }
    *port = server.serverPort();
    return true;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

// The LAN listener's plugin, admin password and dynamic-security.json.
bool prepareSecurity(Preflight *result)
{
    using Error = BrokerSupervisor::Error;
    BrokerConfig &config = result->config;
    if (config.lan.securityPluginPath.isEmpty()) {
        const QStringList candidates = BrokerPlatform::securityPluginCandidates(result->executable);
        for (const QString &candidate : candidates) {
            if (QFileInfo::exists(candidate)) {
                config.lan.securityPluginPath = candidate;
                break;
            }
        }
    } else if (!QFileInfo::exists(config.lan.securityPluginPath)) {
        result->error = Error::SecurityNotAvailable;
        result->message = BrokerSupervisor::tr("The dynamic-security plugin \"%1\" does not exist. "
                                               "Choose the mosquitto_dynamic_security library of your mosquitto installation.")
                              .arg(QDir::toNativeSeparators(config.lan.securityPluginPath));
        return false;
    }
    const QString problem = config.validate();
    if (!problem.isEmpty()) {
        result->error = Error::SecurityNotAvailable;
        result->message = problem;
        return false;
    }

    QString error;
    QFile passwordFile(config.adminPasswordFilePath());
    if (passwordFile.exists()) {
        if (!passwordFile.open(QIODevice::ReadOnly)) {
            result->error = Error::SecurityNotAvailable;
            result->message = BrokerSupervisor::tr("The broker's admin password file \"%1\" cannot be read: %2.")
                                  .arg(QDir::toNativeSeparators(passwordFile.fileName()), passwordFile.errorString());
            return false;
        }
        result->adminPassword = QString::fromUtf8(passwordFile.readAll().trimmed());
    }
    if (result->adminPassword.isEmpty()) {
        result->adminPassword = BrokerAccounts::generatePassword();
        if (!writeFile(passwordFile.fileName(), result->adminPassword.toUtf8(), &error)
            || !BrokerPlatform::restrictToOwner(passwordFile.fileName())) {
            result->error = Error::SecurityNotAvailable;
            result->message = BrokerSupervisor::tr("The broker's admin password file \"%1\" cannot be written: %2.")
                                  .arg(QDir::toNativeSeparators(passwordFile.fileName()), error);
            return false;
        }
    }

    QJsonObject security = BrokerAccounts::initialSecurityConfig(result->adminPassword);
    QFile securityFile(config.securityFilePath());
    if (securityFile.exists()) {
        QJsonParseError parseError;
        const QJsonDocument document = securityFile.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(securityFile.readAll(), &parseError)
            : QJsonDocument();
        if (!document.isObject()) {
            result->error = Error::SecurityNotAvailable;
            result->message = BrokerSupervisor::tr("The broker's account file \"%1\" cannot be read: %2. "
                                                   "Restore it from a backup, or delete it to start without accounts.")
                                  .arg(QDir::toNativeSeparators(securityFile.fileName()),
                                       securityFile.error() != QFile::NoError ? securityFile.errorString() : parseError.errorString());
            return false;
        }
        security = document.object();
        // Keeps LineScope's admin login working even if the file was
        // copied from another data directory.
        BrokerAccounts::setAdminPassword(security, result->adminPassword);
    }
    if (!writeFile(securityFile.fileName(), QJsonDocument(security).toJson(), &error)
        || !BrokerPlatform::restrictToOwner(securityFile.fileName())) {
        result->error = Error::SecurityNotAvailable;
        result->message = BrokerSupervisor::tr("The broker's account file \"%1\" cannot be written: %2.")
                              .arg(QDir::toNativeSeparators(securityFile.fileName()), error);
        return false;
    }
    return true;
}

// Runs on a worker thread: only touches its arguments and the file system.
Preflight runPreflight(const BrokerConfig &config, const QString &requestedExecutable)
{
    using Error = BrokerSupervisor::Error;
    Preflight result;
    result.config = config;

    result.executable = findExecutable(requestedExecutable);
    if (result.executable.isEmpty()) {
        result.error = Error::ExecutableNotFound;
        if (requestedExecutable.isEmpty()) {
            result.message = BrokerSupervisor::tr("The mosquitto broker was not found on the PATH or in %1. "
                                                  "Install mosquitto, or choose the mosquitto program in the broker settings.")
                                 .arg(QDir::toNativeSeparators(BrokerPlatform::extraExecutableSearchPaths().join(QStringLiteral(", "))));
        } else {
            result.message = BrokerSupervisor::tr("The broker program \"%1\" was not found or is not executable. "
                                                  "Install mosquitto, or choose the mosquitto program in the broker settings.")
                                 .arg(QDir::toNativeSeparators(requestedExecutable));
        }
        return result;
    }

    if (config.dataDirectory.isEmpty()) {
        result.error = Error::DataDirectoryNotWritable;
        result.message = BrokerSupervisor::tr("No data directory is set for the broker. "
                                              "Choose a folder for its configuration and retained messages.");
        return result;
    }
    const QString nativeDir = QDir::toNativeSeparators(config.dataDirectory);
    if (!QDir().mkpath(config.dataDirectory)) {
        result.error = Error::DataDirectoryNotWritable;
        result.message = BrokerSupervisor::tr("The broker data directory \"%1\" cannot be created. "
                                              "Check that the folder above it exists and is writable, or choose another folder.")
                             .arg(nativeDir);
        return result;
    }
    {
        QTemporaryFile probe(QDir(config.dataDirectory).filePath(QStringLiteral("write-test-XXXXXX")));
        if (!probe.open()) {
            result.error = Error::DataDirectoryNotWritable;
            result.message = BrokerSupervisor::tr("The broker data directory \"%1\" is not writable: %2. "
                                                  "Fix its permissions or choose another folder.")
                                 .arg(nativeDir, probe.errorString());
            return result;
        }
    }

    if (!checkListener(config.bindAddress, &result.config.port, &result))
        return result;
    if (config.lan.enabled) {
        if (!checkListener(config.lan.bindAddress, &result.config.lan.port, &result))
            return result;
        if (result.config.lan.port == result.config.port && QHostAddress(config.lan.bindAddress) == QHostAddress(config.bindAddress)) {
            result.error = Error::AddressNotUsable;
            result.message = BrokerSupervisor::tr("The LAN listener and the local listener cannot both use port %1. Choose another port.")
                                 .arg(result.config.port);
            return result;
        }
        if (!prepareSecurity(&result))
            return result;
    }

    if (result.config.runAsUser.isEmpty())
        result.config.runAsUser = BrokerPlatform::privilegedUserName();

    QSaveFile file(result.config.configFilePath());
    const QByteArray text = result.config.render().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        result.error = Error::DataDirectoryNotWritable;
        result.message = BrokerSupervisor::tr("The broker configuration \"%1\" cannot be written: %2.")
                             .arg(QDir::toNativeSeparators(result.config.configFilePath()), file.errorString());
        return result;
    }
    return result;
}

} // namespace

class BrokerSupervisor::Private
{
public:
    explicit Private(BrokerSupervisor *qq)
        : q(qq)
    {
    }

    // What the next exit of the current process means.
    enum class ExitPlan { Crash, Stop, AlreadyReported };

    BrokerSupervisor *const q;
    BrokerConfig config;
    QString requestedExecutable;
    QString executable;
    QString adminPassword;
    State state = State::Stopped;
    Error error = Error::NoError;
    QString errorString;

    QStringList log;
    qint64 totalLogLines = 0;
    qint64 runFirstLine = 0;        // totalLogLines when the current process was launched
    QByteArray partialLine;
    QString lastExitReason;

    int restartCount = 0;
    int backoffMs = kInitialBackoffMs;
    QList<qint64> crashTimesMs;     // clock times of recent unexpected exits
    QElapsedTimer clock;
    QElapsedTimer startupClock;
    qint64 runningSinceMs = -1;
    bool everRunning = false;       // accepted connections at least once since start()
    ExitPlan exitPlan = ExitPlan::Crash;
    bool startAfterStop = false;
    bool preflightPending = false;
    quint64 generation = 0;         // bumped by stop(): stale preflight results are ignored

    QProcess *process = nullptr;    // child of q, one per launch
    QTcpSocket *probe = nullptr;    // child of q
    QTimer pollTimer;
    QTimer restartTimer;
    QTimer killTimer;
    QThreadPool pool;

    void setState(State newState)
    {
        if (state == newState)
            return;
        state = newState;
        Q_EMIT q->stateChanged(newState);
    }

    void fail(Error newError, const QString &message)
    {
        error = newError;
        errorString = message;
        setState(State::Failed);
        Q_EMIT q->errorOccurred(newError, message);
    }

    bool processRunning() const { return process && process->state() != QProcess::NotRunning; }

    void beginStart()
    {
        error = Error::NoError;
        errorString.clear();
        restartCount = 0;
        backoffMs = kInitialBackoffMs;
        crashTimesMs.clear();
        everRunning = false;
        setState(State::Starting);

        preflightPending = true;
        const quint64 token = ++generation;
        const BrokerConfig wanted = config;
        const QString wantedExecutable = requestedExecutable;
        // The destructor waits for the pool, so `this` outlives the job; the
        // queued call is dropped with q's posted events if q goes first.
        pool.start([this, wanted, wantedExecutable, token] {
            const Preflight result = runPreflight(wanted, wantedExecutable);
            QMetaObject::invokeMethod(q, [this, result, token] { onPreflight(result, token); }, Qt::QueuedConnection);
        });
    }

    void onPreflight(const Preflight &result, quint64 token)
    {
        if (token != generation)
            return;  // stop() or restart() came in between; its outcome was already reported
        preflightPending = false;
        if (result.error != Error::NoError) {
            fail(result.error, result.message);
            return;
        }
        config.port = result.config.port;
        config.lan.port = result.config.lan.port;
        config.lan.securityPluginPath = result.config.lan.securityPluginPath;
        config.runAsUser = result.config.runAsUser;
        adminPassword = result.adminPassword;
        executable = result.executable;
        launch();
    }

    void launch()
    {
        if (process) {
            process->disconnect(q);
            process->deleteLater();
        }
        process = new QProcess(q);
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->setWorkingDirectory(config.dataDirectory);
        process->setProgram(executable);
        process->setArguments({QStringLiteral("-c"), QDir::toNativeSeparators(config.configFilePath())});
        QObject::connect(process, &QProcess::readyReadStandardOutput, q, [this] { readOutput(); });
        QObject::connect(process, &QProcess::started, q, [this] {
            startupClock.start();
            pollTimer.start();
        });
        QObject::connect(process, &QProcess::finished, q,
                         [this](int exitCode, QProcess::ExitStatus status) { onFinished(exitCode, status); });
        QObject::connect(process, &QProcess::errorOccurred, q,
                         [this](QProcess::ProcessError processError) { onProcessError(processError); });
        exitPlan = ExitPlan::Crash;
        runFirstLine = totalLogLines;
        partialLine.clear();
        process->start();
    }

    void appendLog(const QString &line)
    {
        log.append(line);
        if (log.size() > kMaxLogLines)
            log.removeFirst();
        ++totalLogLines;
        Q_EMIT q->logLine(line);
    }

    void readOutput()
    {
        partialLine += process->readAllStandardOutput();
        qsizetype newline = -1;
        while ((newline = partialLine.indexOf('\n')) >= 0) {
            QByteArray raw = partialLine.left(newline);
            partialLine.remove(0, newline + 1);
            if (raw.endsWith('\r'))
                raw.chop(1);
            appendLog(QString::fromLocal8Bit(raw));
        }
        if (partialLine.size() > kMaxPartialLineBytes)
            flushPartialLine();
    }

    void flushPartialLine()
    {
        if (partialLine.isEmpty())
            return;
        appendLog(QString::fromLocal8Bit(partialLine));
        partialLine.clear();
    }

    // Lines logged by the current (or last) process only.
    QStringList runLines() const
    {
        const qint64 firstKept = totalLogLines - log.size();
        const qsizetype from = qsizetype(std::max<qint64>(0, runFirstLine - firstKept));
        return log.mid(from);
    }

    QString describeExit(int exitCode, QProcess::ExitStatus status) const
    {
        QStringList parts;
        parts << (status == QProcess::CrashExit ? tr("mosquitto crashed or was killed.")
                                                : tr("mosquitto exited with code %1.").arg(exitCode));
        const QStringList lines = runLines();
        const QStringList tail = lines.mid(std::max<qsizetype>(0, lines.size() - kReasonLogLines));
        // mosquitto reports configuration problems as "Error: ..." followed
        // by "Error found at <file>:<line>."; keep them even when they
        // scrolled out of the tail.
        for (const QString &line : lines) {
            if (line.contains(QLatin1String("Error"), Qt::CaseInsensitive) && !tail.contains(line))
                parts << line;
        }
        if (!tail.isEmpty())
            parts << tr("Last log lines:") << tail;
        return parts.join(QLatin1Char('\n'));
    }

    QHostAddress probeAddress() const
    {
        const QHostAddress bound(config.bindAddress);
        if (bound == QHostAddress::AnyIPv6)
            return QHostAddress(QHostAddress::LocalHostIPv6);
        if (bound == QHostAddress::AnyIPv4 || bound == QHostAddress::Any)
            return QHostAddress(QHostAddress::LocalHost);
        return bound;
    }

    void pollOnce()
    {
        if (startupClock.elapsed() > kStartTimeoutMs) {
            pollTimer.stop();
            probe->abort();
            exitPlan = ExitPlan::AlreadyReported;
            QString message = tr("The broker did not accept connections on %1 port %2 within %3 seconds and was stopped.")
                                  .arg(config.bindAddress)
                                  .arg(config.port)
                                  .arg(kStartTimeoutMs / 1000);
            const QStringList lines = runLines();
            if (!lines.isEmpty())
                message += QLatin1Char('\n') + tr("Last log lines:") + QLatin1Char('\n')
                    + lines.mid(std::max<qsizetype>(0, lines.size() - kReasonLogLines)).join(QLatin1Char('\n'));
            fail(Error::StartTimeout, message);
            process->kill();
            return;
        }
        if (probe->state() == QAbstractSocket::UnconnectedState)
            probe->connectToHost(probeAddress(), quint16(config.port));
    }

    void onProbeConnected()
    {
        probe->abort();
        pollTimer.stop();
        if (!processRunning())
            return;  // something else answered; the exit handler reports it
        runningSinceMs = clock.elapsed();
        everRunning = true;
        setState(State::Running);
        Q_EMIT q->started();
    }

    void onProcessError(QProcess::ProcessError processError)
    {
        switch (processError) {
        case QProcess::FailedToStart:
            // No finished() follows this one.
            pollTimer.stop();
            fail(Error::ExecutableNotFound,
                 tr("The broker program \"%1\" could not be started: %2. "
                    "Check that it is a working mosquitto installation, or choose another program.")
                     .arg(QDir::toNativeSeparators(executable), process->errorString()));
            return;
        case QProcess::Crashed:
            return;  // finished() follows and reports it
        case QProcess::Timedout:
        case QProcess::ReadError:
        case QProcess::WriteError:
        case QProcess::UnknownError:
            appendLog(tr("LineScope: communication with the broker process failed: %1").arg(process->errorString()));
            return;
        }
    }

    void onFinished(int exitCode, QProcess::ExitStatus status)
    {
        readOutput();
        flushPartialLine();
        pollTimer.stop();
        killTimer.stop();
        probe->abort();
        const qint64 uptimeMs = runningSinceMs >= 0 ? clock.elapsed() - runningSinceMs : 0;
        runningSinceMs = -1;

        switch (exitPlan) {
        case ExitPlan::AlreadyReported:
            return;
        case ExitPlan::Stop:
            setState(State::Stopped);
            Q_EMIT q->stopped();
            if (startAfterStop) {
                startAfterStop = false;
                beginStart();
            }
            return;
        case ExitPlan::Crash:
            break;
        }

        lastExitReason = describeExit(exitCode, status);
        if (!everRunning) {
            fail(Error::ExitedDuringStartup,
                 tr("The broker stopped before it accepted connections. %1").arg(lastExitReason));
            return;
        }

        if (uptimeMs > kCrashWindowMs)
            backoffMs = kInitialBackoffMs;  // it ran fine for a while: this is a new incident
        const qint64 now = clock.elapsed();
        crashTimesMs.append(now);
        crashTimesMs.removeIf([now](qint64 t) { return now - t > kCrashWindowMs; });
        if (crashTimesMs.size() >= kCrashLimit) {
            fail(Error::CrashedTooOften,
                 tr("The broker stopped unexpectedly %1 times within %2 seconds and is not restarted again. "
                    "Last exit: %3")
                     .arg(crashTimesMs.size())
                     .arg(kCrashWindowMs / 1000)
                     .arg(lastExitReason));
            return;
        }
        setState(State::Restarting);
        restartTimer.start(backoffMs);
        backoffMs = std::min(backoffMs * 2, kMaxBackoffMs);
        Q_EMIT q->crashed(lastExitReason);
    }

};

BrokerSupervisor::BrokerSupervisor(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->clock.start();
    d->pool.setMaxThreadCount(1);

    d->probe = new QTcpSocket(this);
    connect(d->probe, &QTcpSocket::connected, this, [this] { d->onProbeConnected(); });

    d->pollTimer.setInterval(kPollIntervalMs);
    connect(&d->pollTimer, &QTimer::timeout, this, [this] { d->pollOnce(); });

    d->restartTimer.setSingleShot(true);
    connect(&d->restartTimer, &QTimer::timeout, this, [this] {
        ++d->restartCount;
        d->launch();
    });

    d->killTimer.setSingleShot(true);
    connect(&d->killTimer, &QTimer::timeout, this, [this] {
        if (d->processRunning()) {
            d->appendLog(tr("LineScope: the broker did not stop within %1 seconds and was killed.").arg(kStopGraceMs / 1000));
            d->process->kill();
        }
    });
}

BrokerSupervisor::~BrokerSupervisor()
{
    d->pool.waitForDone();
    d->pollTimer.stop();
    d->restartTimer.stop();
    d->killTimer.stop();
    d->probe->disconnect(this);
    if (d->process) {
        // Nothing may call back into d while it is being destroyed.
        d->process->disconnect(this);
        if (d->process->state() != QProcess::NotRunning) {
            d->process->terminate();
            if (!d->process->waitForFinished(kStopGraceMs)) {
                d->process->kill();
                d->process->waitForFinished(1000);
            }
        }
        delete d->process;
        d->process = nullptr;
    }
}

void BrokerSupervisor::setConfig(const BrokerConfig &config)
{
    d->config = config;
}

BrokerConfig BrokerSupervisor::config() const
{
    return d->config;
}

void BrokerSupervisor::setExecutable(const QString &path)
{
    d->requestedExecutable = path;
}

BrokerSupervisor::State BrokerSupervisor::state() const
{
    return d->state;
}

BrokerSupervisor::Error BrokerSupervisor::error() const
{
    return d->error;
}

QString BrokerSupervisor::errorString() const
{
    return d->errorString;
}

int BrokerSupervisor::port() const
{
    return d->config.port;
}

qint64 BrokerSupervisor::processId() const
{
    return d->processRunning() ? d->process->processId() : 0;
}

QStringList BrokerSupervisor::logLines() const
{
    return d->log;
}

QString BrokerSupervisor::lastExitReason() const
{
    return d->lastExitReason;
}

int BrokerSupervisor::restartCount() const
{
    return d->restartCount;
}

int BrokerSupervisor::lanPort() const
{
    return d->config.lan.enabled ? d->config.lan.port : 0;
}

QString BrokerSupervisor::adminPassword() const
{
    return d->adminPassword;
}

void BrokerSupervisor::start()
{
    if (d->processRunning() && d->exitPlan == Private::ExitPlan::Stop) {
        d->startAfterStop = true;
        return;
    }
    if (d->preflightPending || d->state == State::Starting || d->state == State::Running || d->state == State::Restarting)
        return;
    d->beginStart();
}

void BrokerSupervisor::stop()
{
    d->startAfterStop = false;
    d->restartTimer.stop();
    d->pollTimer.stop();
    d->probe->abort();
    ++d->generation;
    d->preflightPending = false;

    if (d->processRunning()) {
        if (d->exitPlan == Private::ExitPlan::Stop)
            return;  // already stopping
        d->exitPlan = Private::ExitPlan::Stop;
        d->process->terminate();
        d->killTimer.start(kStopGraceMs);
        return;
    }
    if (d->state == State::Stopped)
        return;
    d->setState(State::Stopped);
    // Asynchronous like the running case, so callers can connect after calling stop().
    QMetaObject::invokeMethod(this, [this] { Q_EMIT stopped(); }, Qt::QueuedConnection);
}

void BrokerSupervisor::restart()
{
    const bool running = d->processRunning();
    stop();
    if (running)
        d->startAfterStop = true;
    else
        d->beginStart();
}
