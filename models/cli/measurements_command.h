#pragma once

#include "cli_subscribe_command.h"

#include "measurement/measurement_extractor.h"

#include <QStringList>

#include <memory>

struct MqttMessage;

// `linescope-cli measurements`: subscribes, extracts measurements with
// MeasurementExtractor and prints one line per sample as it arrives.
//
// Output (out): with --csv the MeasurementCsv header once, then one
// MeasurementCsv row per sample, "\n"-terminated; without --csv a readable
// line per sample ("<device time> <source> <measurement> = <value> <unit> [<quality>]").
// Problems (err): one line per problem, "<topic>: <reason>", e.g.
// factory/.../telemetry: measurement 'pressure' has non-numeric value "n/a".
// At the end, one summary line on err when there were problems or messages
// without measurements.
//
// --rule FILTER=VALUE_POINTER[,KEY=VALUE]... (repeatable) reads JSON payloads
// outside the seed schema, see MeasurementRule::parse().
// -C counts messages (as sub -C does), whether or not they held measurements.
// -W gives up after that many seconds with exit code 27, as sub -W.
// Exit status otherwise as CliCommand; problems in the data do not change it.
class MeasurementsCommand : public CliSubscribeCommand
{
    Q_OBJECT
public:
    struct Options
    {
        ConnectionSettings connection;
        QStringList filters;       // -t, in the order given
        quint8 qos = 0;            // -q
        bool csv = false;          // --csv
        int messageCount = 0;      // -C; 0 = no limit
        int timeoutSeconds = 0;    // -W; 0 = none
        QList<MeasurementRule> rules;   // --rule, in the order given (first match wins)
    };

    MeasurementsCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~MeasurementsCommand() override;

    QString name() const override;
    // Valid after parseArguments() returned true.
    Options options() const;
    void start() override;

    // The text printed for one sample without --csv (no line end).
    static QString formatReadable(const ExtractedSample &sample);

protected:
    QList<QCommandLineOption> commandOptions() const override;
    QString synopsis() const override;
    QString description() const override;
    QString helpFooter() const override;
    QString readOptions(const QCommandLineParser &parser) override;
    int aboutToFinish(int exitCode) override;
    bool aboutToSubscribe() override;
    void handleMessages(const QList<MqttMessage> &messages) override;

private:
    Options m_options;
    MeasurementExtractor m_extractor;
    qint64 m_messages = 0;
    qint64 m_samples = 0;
    qint64 m_problems = 0;
    qint64 m_ignored = 0;
    bool m_headerWritten = false;
};
