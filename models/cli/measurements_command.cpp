#include "measurements_command.h"

#include "cli_connection_options.h"
#include "measurement/measurement_csv.h"
#include "mqtt/mqtt_message.h"
#include "mqtt/mqtt_session.h"
#include "topics/topic_filter.h"

#include <QCommandLineParser>
#include <QTimer>

#include <limits>

MeasurementsCommand::MeasurementsCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliCommand(out, err, parent)
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    // A coarse timer may fire up to 5 % early; -W promises at least that long.
    m_timeout->setTimerType(Qt::PreciseTimer);
    connect(m_timeout, &QTimer::timeout, this, &MeasurementsCommand::handleTimeout);
}

MeasurementsCommand::~MeasurementsCommand() = default;

QString MeasurementsCommand::name() const
{
    return QStringLiteral("measurements");
}

MeasurementsCommand::Options MeasurementsCommand::options() const
{
    return m_options;
}

QList<QCommandLineOption> MeasurementsCommand::commandOptions() const
{
    QList<QCommandLineOption> options = CliConnectionOptions::options();
    options += {
        {{QStringLiteral("t"), QStringLiteral("topic")},
         tr("Topic filter to subscribe to; repeat for several."), tr("FILTER")},
        {{QStringLiteral("q"), QStringLiteral("qos")},
         tr("QoS of the subscriptions: 0, 1 or 2. Default: 0."), tr("QOS")},
        {QStringLiteral("csv"),
         tr("Print CSV: a header line, then device_time,receive_time,device_id,topic,measurement,value,unit,quality "
            "per sample.")},
        {QStringLiteral("C"), tr("Exit after this many messages (with or without measurements)."), tr("COUNT")},
        {QStringLiteral("W"), tr("Give up after this many seconds (exit code 27)."), tr("SECONDS")},
    };
    return options;
}

QString MeasurementsCommand::synopsis() const
{
    return tr("measurements -t FILTER [-t FILTER ...] [-C COUNT] [-W SECONDS] [--csv] [options]");
}

QString MeasurementsCommand::description() const
{
    return tr("Subscribe and print the measurements in the messages that arrive: the batched\n"
              "{\"timestamp\", \"deviceId\", \"measurements\": [...]} schema and plain numbers.\n"
              "Input that cannot be read cleanly (non-numeric values, missing or unknown\n"
              "quality, bad timestamps, malformed JSON, ...) is reported on stderr with the reason.");
}

QString MeasurementsCommand::helpFooter() const
{
    return tr("Exit status: 0 after -C messages or Ctrl+C, 1 on errors, 27 when -W timed out,\n"
              "the CONNACK reason code when the broker refused the connection. Problems in the\n"
              "data do not change the exit status.");
}

QString MeasurementsCommand::readOptions(const QCommandLineParser &parser)
{
    Options options;
    if (const QString error = CliConnectionOptions::read(parser, &options.connection); !error.isEmpty())
        return error;
    // As sub: retry after the first connection, give up before it.
    options.connection.autoReconnect = true;

    options.filters = parser.values(QStringLiteral("topic"));
    if (options.filters.isEmpty())
        return tr("No topic filter given; use -t FILTER (repeat it for several filters).");
    for (const QString &filter : std::as_const(options.filters)) {
        const TopicFilter::ValidationError invalid = TopicFilter::validate(filter);
        if (!invalid.isValid())
            return tr("Invalid topic filter \"%1\" for -t: %2").arg(filter, invalid.message);
    }

    if (parser.isSet(QStringLiteral("qos"))) {
        const QString text = parser.value(QStringLiteral("qos"));
        qint64 qos = 0;
        if (!CliConnectionOptions::parseNumber(text, 0, 2, &qos))
            return tr("Invalid QoS \"%1\" for -q; use 0, 1 or 2.").arg(text);
        options.qos = quint8(qos);
    }
    options.csv = parser.isSet(QStringLiteral("csv"));

    if (parser.isSet(QStringLiteral("C"))) {
        const QString text = parser.value(QStringLiteral("C"));
        qint64 count = 0;
        if (!CliConnectionOptions::parseNumber(text, 1, std::numeric_limits<int>::max(), &count))
            return tr("Invalid message count \"%1\" for -C; use a number of 1 or more.").arg(text);
        options.messageCount = int(count);
    }
    if (parser.isSet(QStringLiteral("W"))) {
        const QString text = parser.value(QStringLiteral("W"));
        qint64 seconds = 0;
        // QTimer counts milliseconds in an int.
        if (!CliConnectionOptions::parseNumber(text, 1, std::numeric_limits<int>::max() / 1000, &seconds))
            return tr("Invalid timeout \"%1\" for -W; use seconds from 1 to %2.")
                .arg(text)
                .arg(std::numeric_limits<int>::max() / 1000);
        options.timeoutSeconds = int(seconds);
    }

    if (const QString error = options.connection.validate(); !error.isEmpty())
        return error;
    m_options = options;
    return {};
}

QString MeasurementsCommand::formatReadable(const ExtractedSample &sample)
{
    QString line = MeasurementCsv::formatTime(sample.sample.deviceTimeMs) + u' ' + sample.key.source + u' '
        + sample.key.measurement + QStringLiteral(" = ") + MeasurementCsv::formatValue(sample.sample.value);
    if (!sample.unit.isEmpty())
        line += u' ' + sample.unit;
    return line + QStringLiteral(" [") + MeasurementQuality::name(sample.sample.quality) + u']';
}

void MeasurementsCommand::start()
{
    openSession(m_options.connection);
    connect(session(), &MqttSession::messagesReceived, this, &MeasurementsCommand::handleMessages);
    connect(session(), &MqttSession::subscribed, this, &MeasurementsCommand::handleSubscribed);
}

void MeasurementsCommand::sessionConnected()
{
    // The session re-sends its subscriptions after a reconnect by itself.
    if (m_subscribed)
        return;
    m_subscribed = true;
    if (m_options.timeoutSeconds > 0)
        m_timeout->start(m_options.timeoutSeconds * 1000);
    // The header comes first even when no sample ever arrives, so the output
    // is always a valid CSV file.
    if (m_options.csv && !m_headerWritten) {
        m_headerWritten = true;
        if (!writeOut(MeasurementCsv::header().toUtf8() + '\n'))
            return;
    }
    for (const QString &filter : std::as_const(m_options.filters)) {
        MqttSubscription subscription;
        subscription.filter = filter;
        subscription.qos = m_options.qos;
        if (!session()->subscribe(subscription)) {
            writeError(tr("Error: cannot subscribe to \"%1\": %2").arg(filter, session()->errorString()));
            closeSessionAndFinish(ExitFailure);
            return;
        }
    }
}

void MeasurementsCommand::handleSubscribed(const QList<MqttSubscribeResult> &results)
{
    if (isClosing())
        return;
    for (const MqttSubscribeResult &result : results) {
        ++m_subscribeAnswers;
        if (result.isGranted()) {
            ++m_granted;
            continue;
        }
        writeError(tr("Warning: the broker denied the subscription to \"%1\": %2").arg(result.filter, result.reason));
    }
    if (m_granted == 0 && m_subscribeAnswers >= m_options.filters.size()) {
        writeError(tr("Error: All subscription requests were denied."));
        closeSessionAndFinish(ExitFailure);
    }
}

void MeasurementsCommand::handleMessages(const QList<MqttMessage> &messages)
{
    for (const MqttMessage &message : messages) {
        if (isClosing())
            return;
        const ExtractionResult result = m_extractor.extract(message);
        ++m_messages;
        if (result.format == ExtractionResult::Format::None)
            ++m_ignored;
        // Problems first: a kept sample with unknown quality is explained
        // before it shows up in the output.
        for (const MeasurementProblem &problem : result.problems) {
            writeError(problem.toString());
            ++m_problems;
        }
        if (!result.samples.isEmpty()) {
            QByteArray lines;
            for (const ExtractedSample &sample : result.samples) {
                lines += (m_options.csv ? MeasurementCsv::row(sample) : formatReadable(sample)).toUtf8();
                lines += '\n';
            }
            if (!writeOut(lines))
                return;
            m_samples += result.samples.size();
        }
        if (m_options.messageCount > 0 && m_messages >= m_options.messageCount) {
            m_timeout->stop();
            closeSessionAndFinish(ExitSuccess);
            return;
        }
    }
}

void MeasurementsCommand::handleTimeout()
{
    if (isClosing())
        return;
    writeError(tr("Timed out"));
    closeSessionAndFinish(ExitTimedOut);
}

int MeasurementsCommand::aboutToFinish(int exitCode)
{
    if (m_problems > 0 || m_ignored > 0) {
        writeError(tr("%1 messages, %2 samples, %3 problems, %4 messages without measurements.")
                       .arg(m_messages)
                       .arg(m_samples)
                       .arg(m_problems)
                       .arg(m_ignored));
    }
    return exitCode;
}
