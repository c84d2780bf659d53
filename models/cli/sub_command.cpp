#include "sub_command.h"

#include "cli_connection_options.h"
#include "message_json_formatter.h"
#include "mqtt/mqtt_message.h"
#include "mqtt/mqtt_session.h"
#include "payload/hex_decoder.h"
#include "payload/payload_decoder.h"
#include "payload/payload_decoder_registry.h"
#include "topics/topic_filter.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

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
    : CliCommand(out, err, parent)
    , m_decoders(std::make_unique<PayloadDecoderRegistry>())
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    // A coarse timer may fire up to 5 % early; -W promises at least that long.
    m_timeout->setTimerType(Qt::PreciseTimer);
    connect(m_timeout, &QTimer::timeout, this, &SubCommand::handleTimeout);
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
    QList<QCommandLineOption> options = CliConnectionOptions::options();
    options += {
        {{QStringLiteral("t"), QStringLiteral("topic")},
         tr("Topic filter to subscribe to; repeat for several."), tr("FILTER")},
        {{QStringLiteral("q"), QStringLiteral("qos")},
         tr("QoS of the subscriptions: 0, 1 or 2. Default: 0."), tr("QOS")},
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
        {QStringLiteral("W"), tr("Give up after this many seconds (exit code 27)."), tr("SECONDS")},
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
    if (const QString error = CliConnectionOptions::read(parser, &options.connection); !error.isEmpty())
        return error;
    // As mosquitto_sub: retry after the first connection, give up before it.
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
    openSession(m_options.connection);
    connect(session(), &MqttSession::messagesReceived, this, &SubCommand::handleMessages);
    connect(session(), &MqttSession::subscribed, this, &SubCommand::handleSubscribed);
}

void SubCommand::sessionConnected()
{
    // The session re-sends its subscriptions after a reconnect by itself.
    if (m_subscribed)
        return;
    m_subscribed = true;
    // As mosquitto_sub: the -W timeout starts once the client has connected.
    if (m_options.timeoutSeconds > 0)
        m_timeout->start(m_options.timeoutSeconds * 1000);
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

void SubCommand::handleSubscribed(const QList<MqttSubscribeResult> &results)
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
    // Nothing will ever arrive once every filter was refused: say so instead of waiting.
    if (m_granted == 0 && m_subscribeAnswers >= m_options.filters.size()) {
        writeError(tr("Error: All subscription requests were denied."));
        closeSessionAndFinish(ExitFailure);
    }
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
            m_timeout->stop();
            closeSessionAndFinish(ExitSuccess);
            return;
        }
    }
}

void SubCommand::handleTimeout()
{
    if (isClosing())
        return;
    writeError(tr("Timed out"));
    closeSessionAndFinish(ExitTimedOut);
}
