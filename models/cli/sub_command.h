#pragma once

#include "cli_subscribe_command.h"

#include <QStringList>

#include <memory>

class PayloadDecoderRegistry;
struct MqttMessage;

// `linescope-cli sub`: subscribes and prints what arrives, like mosquitto_sub.
//
// Output per message, flushed at once: the payload bytes exactly as received
// and "\n" (-N: nothing after the payload); with -v "<topic> <payload>\n";
// with --json one MessageJsonFormatter line.
//
// --decode auto|text|json|cbor|hex|base64 prints the decoder's rendering
// instead of the raw bytes (auto: PayloadDecoderRegistry::detect()), multi-line
// renderings as they are; --json then adds "decoder" (the id used),
// "decoded" (the rendering) and "decode_error" (null, or the decoder's error
// with reason and byte position). A payload the decoder rejects is never
// dropped: its hex dump takes the place of the rendering and a warning with
// the decoder's error goes to err. After the first connection the
// session reconnects by itself and re-subscribes; lost connections are
// reported as warnings on err.
class SubCommand : public CliSubscribeCommand
{
    Q_OBJECT
public:
    enum class OutputFormat { Payload, Verbose, Json };
    Q_ENUM(OutputFormat)

    struct Options
    {
        ConnectionSettings connection;
        QStringList filters;          // -t, in the order given
        quint8 qos = 0;               // -q
        OutputFormat format = OutputFormat::Payload;
        bool noEndOfLine = false;     // -N
        bool skipRetained = false;    // -R
        int messageCount = 0;         // -C; 0 = no limit
        int timeoutSeconds = 0;       // -W; 0 = none
        QString decoder;              // --decode: empty = raw payload, "auto" or a decoder id
    };

    // What one message prints: `out` for out and, when --decode failed, a
    // warning line (without line end) for err.
    struct FormattedMessage
    {
        QByteArray out;
        QString warning;
    };

    SubCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~SubCommand() override;

    QString name() const override;
    // Valid after parseArguments() returned true.
    Options options() const;
    void start() override;

    // What is printed for one message with the given options. registry
    // decodes when options.decoder is set. Pure; callable from any thread.
    static FormattedMessage formatMessage(const MqttMessage &message, const Options &options,
                                          const PayloadDecoderRegistry &registry);

protected:
    QList<QCommandLineOption> commandOptions() const override;
    QString synopsis() const override;
    QString description() const override;
    QString helpFooter() const override;
    QString readOptions(const QCommandLineParser &parser) override;
    void handleMessages(const QList<MqttMessage> &messages) override;

private:
    Options m_options;
    std::unique_ptr<PayloadDecoderRegistry> const m_decoders;
    int m_printed = 0;
};
