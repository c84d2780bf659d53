#include "simulate_command.h"

#include "cli_connection_options.h"
#include "topics/topic_name.h"

#include <QCommandLineParser>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace {

constexpr int MaxAssets = 10000;
constexpr double MaxRate = 100000.0;
// After the last message: how long no acknowledgement must arrive before the
// tail counts as settled, and the most time settling may take.
constexpr int QuietMs = 200;
constexpr int SettleLimitMs = 10000;

} // namespace

SimulateCommand::SimulateCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliCommand(out, err, parent)
    , m_quietTimer(new QTimer(this))
{
    m_quietTimer->setSingleShot(true);
    m_quietTimer->setInterval(QuietMs);
    connect(m_quietTimer, &QTimer::timeout, this, &SimulateCommand::checkSettled);
}

SimulateCommand::~SimulateCommand() = default;

QString SimulateCommand::name() const
{
    return QStringLiteral("simulate");
}

SimulateCommand::Options SimulateCommand::options() const
{
    return m_options;
}

QList<QCommandLineOption> SimulateCommand::commandOptions() const
{
    const LineSimulatorConfig defaults;
    QList<QCommandLineOption> options = CliConnectionOptions::options();
    options += {
        {QStringLiteral("site"), tr("Site topic level. Default: %1.").arg(defaults.site), tr("SITE")},
        {QStringLiteral("building"), tr("Building topic level. Default: %1.").arg(defaults.building), tr("BUILDING")},
        {QStringLiteral("line"), tr("Production line topic level. Default: %1.").arg(defaults.line), tr("LINE")},
        {QStringLiteral("assets"), tr("Number of assets on the line, 1 to %1. Default: %2.").arg(MaxAssets).arg(defaults.assetCount),
         tr("N")},
        {QStringLiteral("rate"),
         tr("Telemetry messages per second, all assets together. Default: %1.").arg(defaults.messagesPerSecond),
         tr("MSGS_PER_S")},
        {QStringLiteral("count"), tr("Stop after this many telemetry messages. Default: run until Ctrl+C."), tr("N")},
        {QStringLiteral("uncertain"),
         tr("Share of measurements with quality \"uncertain\", 0 to 1. Default: %1.").arg(defaults.uncertainShare),
         tr("SHARE")},
        {QStringLiteral("bad"), tr("Share of measurements with quality \"bad\", 0 to 1. Default: %1.").arg(defaults.badShare),
         tr("SHARE")},
        {QStringLiteral("seed"), tr("Random seed for a repeatable run; 0 picks one. Default: 0."), tr("N")},
        {{QStringLiteral("q"), QStringLiteral("qos")}, tr("QoS of the published messages: 0, 1 or 2. Default: 0."),
         tr("QOS")},
    };
    return options;
}

QString SimulateCommand::synopsis() const
{
    return tr("simulate [-h HOST] [-p PORT] [--assets N] [--rate MSGS_PER_S] [--count N] [options]");
}

QString SimulateCommand::description() const
{
    return tr("Publish a simulated production line: telemetry on factory/SITE/BUILDING/LINE/ASSET/telemetry\n"
              "and a retained status per asset.");
}

QString SimulateCommand::helpFooter() const
{
    return tr("Prints one summary line at the end. Exit status: 0 after --count messages or Ctrl+C,\n"
              "1 on errors or when messages failed, the CONNACK reason code when the broker refused\n"
              "the connection.");
}

QString SimulateCommand::readOptions(const QCommandLineParser &parser)
{
    Options options;
    if (const QString error = CliConnectionOptions::read(parser, &options.connection); !error.isEmpty())
        return error;
    options.connection.autoReconnect = true;

    const auto readLevel = [&parser](const QString &option, QString *level) -> QString {
        if (!parser.isSet(option))
            return {};
        const QString value = parser.value(option);
        QString problem = TopicName::validateForPublish(value);
        if (problem.isEmpty() && value.contains(u'/'))
            problem = tr("A topic level must not contain '/'.");
        if (!problem.isEmpty())
            return tr("Invalid value \"%1\" for --%2: %3").arg(value, option, problem);
        *level = value;
        return {};
    };
    for (const auto &[option, level] : {std::pair{QStringLiteral("site"), &options.simulator.site},
                                        std::pair{QStringLiteral("building"), &options.simulator.building},
                                        std::pair{QStringLiteral("line"), &options.simulator.line}}) {
        if (const QString error = readLevel(option, level); !error.isEmpty())
            return error;
    }

    if (parser.isSet(QStringLiteral("assets"))) {
        const QString text = parser.value(QStringLiteral("assets"));
        qint64 assets = 0;
        if (!CliConnectionOptions::parseNumber(text, 1, MaxAssets, &assets))
            return tr("Invalid asset count \"%1\" for --assets; use a number from 1 to %2.").arg(text).arg(MaxAssets);
        options.simulator.assetCount = int(assets);
    }
    if (parser.isSet(QStringLiteral("rate"))) {
        const QString text = parser.value(QStringLiteral("rate"));
        bool ok = false;
        const double rate = text.toDouble(&ok);
        if (!ok || !(rate > 0.0) || rate > MaxRate)
            return tr("Invalid rate \"%1\" for --rate; use messages per second above 0, up to %2.")
                .arg(text)
                .arg(MaxRate);
        options.simulator.messagesPerSecond = rate;
    }
    if (parser.isSet(QStringLiteral("count"))) {
        const QString text = parser.value(QStringLiteral("count"));
        qint64 count = 0;
        if (!CliConnectionOptions::parseNumber(text, 1, std::numeric_limits<qint64>::max(), &count))
            return tr("Invalid message count \"%1\" for --count; use a number of 1 or more.").arg(text);
        options.simulator.maxMessages = count;
    }
    for (const auto &[option, share] : {std::pair{QStringLiteral("uncertain"), &options.simulator.uncertainShare},
                                        std::pair{QStringLiteral("bad"), &options.simulator.badShare}}) {
        if (!parser.isSet(option))
            continue;
        const QString text = parser.value(option);
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok || !(value >= 0.0 && value <= 1.0))
            return tr("Invalid share \"%1\" for --%2; use a number from 0 to 1.").arg(text, option);
        *share = value;
    }
    if (options.simulator.uncertainShare + options.simulator.badShare > 1.0)
        return tr("--uncertain and --bad add up to %1; together they may be at most 1.")
            .arg(options.simulator.uncertainShare + options.simulator.badShare);
    if (parser.isSet(QStringLiteral("seed"))) {
        const QString text = parser.value(QStringLiteral("seed"));
        qint64 seed = 0;
        if (!CliConnectionOptions::parseNumber(text, 0, std::numeric_limits<quint32>::max(), &seed))
            return tr("Invalid seed \"%1\" for --seed; use a number from 0 to 4294967295.").arg(text);
        options.simulator.seed = quint32(seed);
    }
    if (parser.isSet(QStringLiteral("qos"))) {
        const QString text = parser.value(QStringLiteral("qos"));
        qint64 qos = 0;
        if (!CliConnectionOptions::parseNumber(text, 0, 2, &qos))
            return tr("Invalid QoS \"%1\" for -q; use 0, 1 or 2.").arg(text);
        options.simulator.qos = quint8(qos);
    }

    if (const QString error = options.connection.validate(); !error.isEmpty())
        return error;
    m_options = options;
    return {};
}

void SimulateCommand::start()
{
    openSession(m_options.connection);
    // Only the simulator publishes on this session, so these are its requests.
    connect(session(), &MqttSession::published, this, [this](int requestId) {
        m_completedRequests.insert(requestId);
        if (m_settling)
            m_quietTimer->start();
    });
}

void SimulateCommand::sessionConnected()
{
    // The simulator pauses by itself while the session reconnects.
    if (m_simulator)
        return;
    m_simulator = std::make_unique<LineSimulator>(session(), m_options.simulator);
    connect(m_simulator.get(), &LineSimulator::finished, this, &SimulateCommand::settle);
    connect(m_simulator.get(), &LineSimulator::publishFailed, this, [this](const QString &reason) {
        writeError(tr("Warning: %1").arg(reason));
    });
    m_simulator->start();
}

void SimulateCommand::interrupt()
{
    settle();
}

void SimulateCommand::settle()
{
    if (isClosing() || m_settling)
        return;
    if (!m_simulator) {
        closeSessionAndFinish(ExitSuccess);
        return;
    }
    m_simulator->stop();
    m_settling = true;
    m_settleDeadline.setRemainingTime(SettleLimitMs);
    m_quietTimer->start();
}

void SimulateCommand::checkSettled()
{
    if (isClosing())
        return;
    // The session numbers requests 1, 2, 3, ... and reports each exactly once.
    // A gap means an earlier request (a QoS 1 status, say) is still waiting
    // for its acknowledgement; quiet without a gap means the tail is done too.
    const bool contiguous = m_completedRequests.isEmpty()
        || *std::max_element(m_completedRequests.cbegin(), m_completedRequests.cend()) == m_completedRequests.size();
    if (contiguous || m_settleDeadline.hasExpired()) {
        closeSessionAndFinish(ExitSuccess);
        return;
    }
    m_quietTimer->start();
}

int SimulateCommand::aboutToFinish(int exitCode)
{
    if (!m_simulator)
        return exitCode;
    // After the session went down every request has been reported, so the counts are final.
    const QString summary = tr("Published %1 telemetry messages (measurements: %2 good, %3 uncertain, %4 bad); "
                               "%5 failed.")
                                .arg(m_simulator->publishedCount())
                                .arg(m_simulator->qualityCount(QStringLiteral("good")))
                                .arg(m_simulator->qualityCount(QStringLiteral("uncertain")))
                                .arg(m_simulator->qualityCount(QStringLiteral("bad")))
                                .arg(m_simulator->failedCount());
    writeOut(summary.toUtf8() + '\n');
    if (exitCode == ExitSuccess && m_simulator->failedCount() > 0)
        return ExitFailure;
    return exitCode;
}
