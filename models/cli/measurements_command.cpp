#include "measurements_command.h"

#include "measurement/measurement_csv.h"
#include "mqtt/mqtt_message.h"

#include <QCommandLineParser>

MeasurementsCommand::MeasurementsCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliSubscribeCommand(out, err, parent)
{
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
    QList<QCommandLineOption> options = subscriptionOptions();
    options += {
        {QStringLiteral("csv"),
         tr("Print CSV: a header line, then device_time,receive_time,device_id,topic,measurement,value,unit,quality "
            "per sample.")},
        {QStringLiteral("C"), tr("Exit after this many messages (with or without measurements)."), tr("COUNT")},
        {QStringLiteral("rule"),
         tr("Read JSON payloads on topics matching FILTER with JSON pointers (repeatable; the first matching rule "
            "wins): FILTER=VALUE_POINTER[,quality=PTR][,time=PTR][,unit=PTR][,source=PTR][,fixed-unit=TEXT]"
            "[,name=TEXT]."),
         tr("RULE")},
        timeoutOption(),
    };
    return options;
}

QString MeasurementsCommand::synopsis() const
{
    return tr("measurements -t FILTER [-t FILTER ...] [--rule RULE ...] [-C COUNT] [-W SECONDS] [--csv] [options]");
}

QString MeasurementsCommand::description() const
{
    return tr("Subscribe and print the measurements in the messages that arrive: the batched\n"
              "{\"timestamp\", \"deviceId\", \"measurements\": [...]} schema, plain numbers, and other\n"
              "JSON payloads read with --rule, e.g.\n"
              "  --rule 'factory/+/+/+/+/temp=/value,quality=/q,time=/ts,unit=/unit'\n"
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
    if (const QString error = readConnection(parser, &options.connection); !error.isEmpty())
        return error;
    if (const QString error = readFilters(parser, {}, &options.filters); !error.isEmpty())
        return error;
    if (const QString error = readQos(parser, &options.qos); !error.isEmpty())
        return error;
    options.csv = parser.isSet(QStringLiteral("csv"));
    if (const QString error = readMessageCount(parser, &options.messageCount); !error.isEmpty())
        return error;
    if (const QString error = readTimeout(parser, &options.timeoutSeconds); !error.isEmpty())
        return error;
    for (const QString &text : parser.values(QStringLiteral("rule"))) {
        QString error;
        const std::optional<MeasurementRule> rule = MeasurementRule::parse(text, &error);
        if (!rule)
            return tr("--rule: %1").arg(error);
        options.rules.append(*rule);
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
    m_extractor.setRules(m_options.rules);
    startSubscriptions(m_options.connection, m_options.filters, m_options.qos, m_options.timeoutSeconds);
}

bool MeasurementsCommand::aboutToSubscribe()
{
    // The header comes first even when no sample ever arrives, so the output
    // is always a valid CSV file.
    if (m_options.csv && !m_headerWritten) {
        m_headerWritten = true;
        return writeOut(MeasurementCsv::header().toUtf8() + '\n');
    }
    return true;
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
            stopTimeout();
            closeSessionAndFinish(ExitSuccess);
            return;
        }
    }
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
