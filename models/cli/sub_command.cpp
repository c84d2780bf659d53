#include "sub_command.h"

#include "message_json_formatter.h"
#include "mqtt/mqtt_message.h"
#include "payload/hex_decoder.h"
#include "payload/payload_decoder.h"
#include "payload/payload_decoder_registry.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace {

const QLatin1String AutoDecoder("auto");

// "auto, text, json, ..." for help and error texts.
QString decoderChoices(const PayloadDecoderRegistry &registry)
{
    return (QStringList{AutoDecoder} + registry.decoderIds()).join(QStringLiteral(", "));
}

} // namespace

SubCommand::SubCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliSubscribeCommand(out, err, parent)
    , m_decoders(std::make_unique<PayloadDecoderRegistry>())
{
}

SubCommand::~SubCommand() = default;

QString SubCommand::name() const
{
    return QStringLiteral("sub");
}

SubCommand::Options SubCommand::options() const
{
    return m_options;
}

QList<QCommandLineOption> SubCommand::commandOptions() const
{
    QList<QCommandLineOption> options = subscriptionOptions();
    options += {
        {{QStringLiteral("v"), QStringLiteral("verbose")},
         tr("Print \"topic payload\" instead of the payload alone.")},
        {QStringLiteral("json"),
         tr("Print one JSON object per message (topic, payload, qos, retain, time, properties); overrides -v.")},
        {QStringLiteral("decode"),
         tr("Print each payload decoded with this decoder: %1 (auto detects the format).")
             .arg(decoderChoices(*m_decoders)),
         tr("DECODER")},
        {QStringLiteral("N"), tr("Do not print a line end after the payload.")},
        {QStringLiteral("C"), tr("Exit after printing this many messages."), tr("COUNT")},
        timeoutOption(),
        {QStringLiteral("R"), tr("Skip retained messages (they are neither printed nor counted).")},
        {{QStringLiteral("c"), QStringLiteral("disable-clean-session")},
         tr("Keep the session on the broker after disconnecting (needs -i).")},
    };
    return options;
}

QString SubCommand::synopsis() const
{
    return tr("sub -t FILTER [-t FILTER ...] [options]");
}

QString SubCommand::description() const
{
    return tr("Subscribe to topic filters and print the messages that arrive, like mosquitto_sub.");
}

QString SubCommand::helpFooter() const
{
    return tr("Exit status: 0 after -C messages or Ctrl+C, 1 on errors, 27 when -W timed out,\n"
              "the CONNACK reason code when the broker refused the connection.");
}

QString SubCommand::readOptions(const QCommandLineParser &parser)
{
    Options options;
    if (const QString error = readConnection(parser, &options.connection); !error.isEmpty())
        return error;
    if (const QString error = readFilters(parser, {}, &options.filters); !error.isEmpty())
        return error;
    if (const QString error = readQos(parser, &options.qos); !error.isEmpty())
        return error;

    if (parser.isSet(QStringLiteral("json")))
        options.format = OutputFormat::Json;
    else if (parser.isSet(QStringLiteral("verbose")))
        options.format = OutputFormat::Verbose;
    options.noEndOfLine = parser.isSet(QStringLiteral("N"));
    if (options.noEndOfLine && options.format == OutputFormat::Json)
        return tr("-N cannot be combined with --json, which prints one object per line.");
    options.skipRetained = parser.isSet(QStringLiteral("R"));

    if (parser.isSet(QStringLiteral("decode"))) {
        const QString decoder = parser.value(QStringLiteral("decode"));
        if (decoder != AutoDecoder && !m_decoders->decoder(decoder))
            return tr("Invalid decoder \"%1\" for --decode; use one of %2.").arg(decoder, decoderChoices(*m_decoders));
        options.decoder = decoder;
    }

    if (const QString error = readMessageCount(parser, &options.messageCount); !error.isEmpty())
        return error;
    if (const QString error = readTimeout(parser, &options.timeoutSeconds); !error.isEmpty())
        return error;

    if (parser.isSet(QStringLiteral("disable-clean-session"))) {
        if (options.connection.clientId.isEmpty())
            return tr("-c needs a client id (-i ID); the broker keeps the session under that id.");
        options.connection.cleanSession = false;
        // As mosquitto_sub -c: on MQTT 5 the session never expires.
        options.connection.sessionExpirySeconds = std::numeric_limits<quint32>::max();
    }

    if (const QString error = options.connection.validate(); !error.isEmpty())
        return error;
    m_options = options;
    return {};
}

SubCommand::FormattedMessage SubCommand::formatMessage(const MqttMessage &message, const Options &options,
                                                      const PayloadDecoderRegistry &registry)
{
    FormattedMessage formatted;
    QByteArray body = message.payload;
    QJsonObject decodedJson;
    if (!options.decoder.isEmpty()) {
        const PayloadDecoder *decoder = registry.decoder(
            options.decoder == AutoDecoder ? registry.detect(message.payload) : options.decoder);
        Q_ASSERT_X(decoder, "SubCommand::formatMessage", "options.decoder was validated by readOptions()");
        const DecodedPayload decoded = decoder->decode(message.payload);
        QString rendering = decoded.text;
        if (!decoded.ok) {
            // The decoder's text is its error or a lossy rendering; the bytes say more.
            rendering = HexDecoder().decode(message.payload).text;
            formatted.warning = tr("Warning: cannot decode the message on \"%1\" (%2); printed as a hex dump instead.")
                                    .arg(message.topic, decoded.errorString);
        }
        body = rendering.toUtf8();
        decodedJson.insert(QStringLiteral("decoder"), decoded.decoderId);
        decodedJson.insert(QStringLiteral("decoded"), rendering);
        decodedJson.insert(QStringLiteral("decode_error"),
                           decoded.ok ? QJsonValue(QJsonValue::Null) : QJsonValue(decoded.errorString));
    }

    switch (options.format) {
    case OutputFormat::Json: {
        QJsonObject object = MessageJsonFormatter::toJson(message);
        for (auto it = decodedJson.constBegin(); it != decodedJson.constEnd(); ++it)
            object.insert(it.key(), it.value());
        formatted.out = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        return formatted;
    }
    case OutputFormat::Verbose:
        formatted.out = message.topic.toUtf8() + ' ' + body;
        break;
    case OutputFormat::Payload:
        formatted.out = body;
        break;
    }
    if (!options.noEndOfLine)
        formatted.out.append('\n');
    return formatted;
}

void SubCommand::start()
{
    startSubscriptions(m_options.connection, m_options.filters, m_options.qos, m_options.timeoutSeconds);
}

void SubCommand::handleMessages(const QList<MqttMessage> &messages)
{
    for (const MqttMessage &message : messages) {
        if (isClosing())
            return;
        if (m_options.skipRetained && message.retained)
            continue;
        const FormattedMessage formatted = formatMessage(message, m_options, *m_decoders);
        if (!formatted.warning.isEmpty())
            writeError(formatted.warning);
        if (!writeOut(formatted.out))
            return;
        ++m_printed;
        if (m_options.messageCount > 0 && m_printed >= m_options.messageCount) {
            stopTimeout();
            closeSessionAndFinish(ExitSuccess);
            return;
        }
    }
}
