#include "pub_command.h"

#include "cli_connection_options.h"
#include "input_reader.h"
#include "mqtt/mqtt_session.h"
#include "topics/topic_name.h"

#include <QCommandLineParser>
#include <QFile>

#include <limits>

namespace {

// The largest payload MQTT can carry (its remaining-length limit; topic and
// header make the real limit slightly lower). Larger ones are refused before connecting.
constexpr qint64 MaxPayloadBytes = 268435455;

const QString PropertyOptionShort = QStringLiteral("-D");
const QString PropertyOptionLong = QStringLiteral("--property");

} // namespace

PubCommand::PubCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliCommand(out, err, parent)
{
}

PubCommand::~PubCommand() = default;

void PubCommand::setStandardInput(std::unique_ptr<QIODevice> input)
{
    m_input = std::move(input);
}

QString PubCommand::name() const
{
    return QStringLiteral("pub");
}

PubCommand::Options PubCommand::options() const
{
    return m_options;
}

QList<QCommandLineOption> PubCommand::commandOptions() const
{
    QList<QCommandLineOption> options = CliConnectionOptions::options();
    options += {
        {{QStringLiteral("t"), QStringLiteral("topic")}, tr("Topic to publish to."), tr("TOPIC")},
        {{QStringLiteral("m"), QStringLiteral("message")}, tr("Publish this text (UTF-8)."), tr("MESSAGE")},
        {{QStringLiteral("f"), QStringLiteral("file")}, tr("Publish the bytes of this file."), tr("FILE")},
        {{QStringLiteral("s"), QStringLiteral("stdin-file")}, tr("Publish everything read from stdin as one message.")},
        {{QStringLiteral("l"), QStringLiteral("stdin-line")},
         tr("Publish each line read from stdin as its own message.")},
        {{QStringLiteral("n"), QStringLiteral("null-message")}, tr("Publish an empty (zero length) message.")},
        {{QStringLiteral("q"), QStringLiteral("qos")}, tr("QoS: 0, 1 or 2. Default: 0."), tr("QOS")},
        {{QStringLiteral("r"), QStringLiteral("retain")}, tr("Ask the broker to retain the message.")},
        {{QStringLiteral("D"), QStringLiteral("property")},
         tr("MQTT 5 PUBLISH property (needs -V 5); see below. Repeatable."),
         tr("publish IDENTIFIER VALUE")},
    };
    return options;
}

QString PubCommand::synopsis() const
{
    return tr("pub -t TOPIC {-m MESSAGE | -f FILE | -s | -l | -n} [options]");
}

QString PubCommand::description() const
{
    return tr("Publish a message, like mosquitto_pub. With QoS 1 or 2 it waits for the broker's acknowledgement.");
}

QString PubCommand::helpFooter() const
{
    return tr("MQTT 5 properties (-V 5):\n"
              "  -D publish user-property KEY VALUE         repeatable, order is kept\n"
              "  -D publish content-type TYPE\n"
              "  -D publish response-topic TOPIC\n"
              "  -D publish correlation-data DATA\n"
              "  -D publish message-expiry-interval SECONDS\n"
              "  -D publish payload-format-indicator 0|1\n"
              "\n"
              "Exit status: 0 once every message was acknowledged, 1 on errors (nothing is published\n"
              "when an argument is invalid), the CONNACK reason code when the broker refused the connection.");
}

QString PubCommand::extractSpecialArguments(QStringList *arguments)
{
    // -D takes three or four values, which QCommandLineParser cannot express.
    // Walk the arguments as the parser will, so a value such as `-m -D` stays a value.
    const QStringList valueOptions = valueOptionSpellings();
    QStringList kept;
    QString error;
    for (qsizetype i = 0; i < arguments->size(); ++i) {
        const QString &argument = arguments->at(i);
        if (argument == u"--") {
            kept += arguments->mid(i);
            break;
        }
        if (argument == PropertyOptionShort || argument == PropertyOptionLong) {
            const bool isUserProperty = i + 2 < arguments->size() && arguments->at(i + 2) == u"user-property";
            const qsizetype valueCount = isUserProperty ? 4 : 3;
            if (i + valueCount >= arguments->size()) {
                if (error.isEmpty())
                    error = tr("-D needs a command, a property and its value, "
                               "e.g. -D publish user-property KEY VALUE.");
                break;
            }
            m_rawProperties.append(arguments->mid(i + 1, valueCount));
            i += valueCount;
            continue;
        }
        kept.append(argument);
        if (valueOptions.contains(argument) && i + 1 < arguments->size())
            kept.append(arguments->at(++i));
    }
    *arguments = kept;
    return error;
}

QString PubCommand::readProperty(const QStringList &property, MqttProperties *properties, QSet<QString> *seen) const
{
    const QString &command = property.at(0);
    const QString &identifier = property.at(1);
    const QString &value = property.at(2);
    if (command != u"publish")
        return tr("-D %1 is not supported; pub sends PUBLISH properties only (-D publish ...).").arg(command);

    if (identifier == u"user-property") {
        properties->userProperties.append({value, property.at(3)});
        return {};
    }
    if (seen->contains(identifier))
        return tr("-D publish %1 was given twice; it may appear only once.").arg(identifier);
    seen->insert(identifier);

    if (identifier == u"content-type") {
        if (value.isEmpty())
            return tr("-D publish content-type needs a non-empty value.");
        properties->contentType = value;
    } else if (identifier == u"response-topic") {
        if (const QString invalid = TopicName::validateForPublish(value); !invalid.isEmpty())
            return tr("Invalid response topic for -D publish response-topic: %1").arg(invalid);
        properties->responseTopic = value;
    } else if (identifier == u"correlation-data") {
        if (value.isEmpty())
            return tr("-D publish correlation-data needs a non-empty value.");
        properties->correlationData = value.toUtf8();
    } else if (identifier == u"message-expiry-interval") {
        qint64 seconds = 0;
        if (!CliConnectionOptions::parseNumber(value, 0, std::numeric_limits<quint32>::max(), &seconds))
            return tr("Invalid message expiry interval \"%1\" for -D publish message-expiry-interval; "
                      "use seconds from 0 to 4294967295.")
                .arg(value);
        properties->messageExpirySeconds = quint32(seconds);
    } else if (identifier == u"payload-format-indicator") {
        qint64 indicator = 0;
        if (!CliConnectionOptions::parseNumber(value, 0, 1, &indicator))
            return tr("Invalid payload format indicator \"%1\" for -D publish payload-format-indicator; "
                      "use 0 (bytes) or 1 (UTF-8).")
                .arg(value);
        properties->payloadFormatIndicator = quint8(indicator);
    } else {
        return tr("Unsupported property \"%1\" for -D publish; use user-property, content-type, response-topic, "
                  "correlation-data, message-expiry-interval or payload-format-indicator.")
            .arg(identifier);
    }
    return {};
}

QString PubCommand::readOptions(const QCommandLineParser &parser)
{
    Options options;
    if (const QString error = CliConnectionOptions::read(parser, &options.connection); !error.isEmpty())
        return error;
    options.connection.autoReconnect = false;

    const QStringList topics = parser.values(QStringLiteral("topic"));
    if (topics.isEmpty())
        return tr("No topic given; use -t TOPIC.");
    if (topics.size() > 1)
        return tr("-t was given %1 times; pub publishes to exactly one topic.").arg(topics.size());
    if (const QString invalid = TopicName::validateForPublish(topics.constFirst()); !invalid.isEmpty())
        return tr("Invalid topic for -t: %1").arg(invalid);
    options.request.topic = topics.constFirst();

    if (parser.isSet(QStringLiteral("qos"))) {
        const QString text = parser.value(QStringLiteral("qos"));
        qint64 qos = 0;
        if (!CliConnectionOptions::parseNumber(text, 0, 2, &qos))
            return tr("Invalid QoS \"%1\" for -q; use 0, 1 or 2.").arg(text);
        options.request.qos = quint8(qos);
    }
    options.request.retain = parser.isSet(QStringLiteral("retain"));

    const QList<std::pair<QString, MessageSource>> sources = {
        {QStringLiteral("message"), MessageSource::Message},
        {QStringLiteral("file"), MessageSource::File},
        {QStringLiteral("stdin-file"), MessageSource::StdinWhole},
        {QStringLiteral("stdin-line"), MessageSource::StdinLines},
        {QStringLiteral("null-message"), MessageSource::Null},
    };
    int sourceCount = 0;
    for (const auto &[optionName, source] : sources) {
        if (parser.isSet(optionName)) {
            ++sourceCount;
            options.source = source;
        }
    }
    if (sourceCount == 0)
        return tr("No message given; use one of -m MESSAGE, -f FILE, -s, -l or -n.");
    if (sourceCount > 1)
        return tr("Give only one of -m, -f, -s, -l and -n.");

    if (options.source == MessageSource::Message) {
        options.request.payload = parser.value(QStringLiteral("message")).toUtf8();
    } else if (options.source == MessageSource::File) {
        options.filePath = parser.value(QStringLiteral("file"));
        QFile file(options.filePath);
        if (!file.open(QIODevice::ReadOnly))
            return tr("Cannot read the message file \"%1\" given with -f: %2").arg(options.filePath, file.errorString());
        if (file.size() > MaxPayloadBytes)
            return tr("The message file \"%1\" has %2 bytes; MQTT allows at most %3.")
                .arg(options.filePath)
                .arg(file.size())
                .arg(MaxPayloadBytes);
        options.request.payload = file.readAll();
        if (file.error() != QFileDevice::NoError)
            return tr("Cannot read the message file \"%1\" given with -f: %2").arg(options.filePath, file.errorString());
    }
    if (options.request.payload.size() > MaxPayloadBytes)
        return tr("The message has %1 bytes; MQTT allows at most %2.").arg(options.request.payload.size()).arg(MaxPayloadBytes);

    QSet<QString> seenProperties;
    for (const QStringList &property : std::as_const(m_rawProperties)) {
        if (const QString error = readProperty(property, &options.request.properties, &seenProperties);
            !error.isEmpty())
            return error;
    }
    if (!m_rawProperties.isEmpty() && options.connection.protocolVersion != ConnectionSettings::ProtocolVersion::V5)
        return tr("-D needs MQTT 5 (-V 5); MQTT 3.1.1 messages cannot carry properties.");
    // The rules MqttSession::publish() applies (e.g. a UTF-8 payload when
    // payload-format-indicator is 1); -s and -l payloads meet them on publishing.
    if (const QString invalid = validatePublishRequest(options.request, options.connection.protocolVersion);
        !invalid.isEmpty())
        return tr("Invalid message: %1").arg(invalid);

    if (const QString error = options.connection.validate(); !error.isEmpty())
        return error;
    m_options = options;
    return {};
}

void PubCommand::start()
{
    switch (m_options.source) {
    case MessageSource::StdinWhole:
        // As mosquitto_pub -s: read everything first, then connect.
        startReading(InputReader::Mode::Whole);
        return;
    case MessageSource::Message:
    case MessageSource::File:
    case MessageSource::StdinLines:
    case MessageSource::Null:
        break;
    }
    openSession(m_options.connection);
    connect(session(), &MqttSession::published, this, &PubCommand::handlePublished);
}

void PubCommand::startReading(InputReader::Mode mode)
{
    if (!m_input) {
        writeError(tr("Error: no standard input is available to read the message from."));
        closeSessionAndFinish(ExitFailure);
        return;
    }
    m_reader = std::make_unique<InputReader>(std::move(m_input), mode);
    if (mode == InputReader::Mode::Whole) {
        connect(m_reader.get(), &InputReader::allRead, this, [this](const QByteArray &data) {
            m_options.request.payload = data;
        });
    } else {
        connect(m_reader.get(), &InputReader::lineRead, this, &PubCommand::publishPayload);
    }
    connect(m_reader.get(), &InputReader::finished, this, &PubCommand::handleInputFinished);
    m_reader->start();
}

void PubCommand::handleInputFinished(const QString &error)
{
    if (isClosing())
        return;
    if (!error.isEmpty()) {
        writeError(tr("Error: %1").arg(error));
        closeSessionAndFinish(ExitFailure);
        return;
    }
    if (m_options.source == MessageSource::StdinWhole) {
        if (m_options.request.payload.size() > MaxPayloadBytes) {
            writeError(tr("Error: the message read from stdin has %1 bytes; MQTT allows at most %2.")
                           .arg(m_options.request.payload.size())
                           .arg(MaxPayloadBytes));
            closeSessionAndFinish(ExitFailure);
            return;
        }
        openSession(m_options.connection);
        connect(session(), &MqttSession::published, this, &PubCommand::handlePublished);
        return;
    }
    m_inputDone = true;
    finishWhenDone();
}

void PubCommand::sessionConnected()
{
    if (m_options.source == MessageSource::StdinLines) {
        if (!m_reader)
            startReading(InputReader::Mode::Lines);
        return;
    }
    if (m_published)
        return;
    m_published = true;
    m_inputDone = true;
    publishPayload(m_options.request.payload);
}

void PubCommand::publishPayload(const QByteArray &payload)
{
    if (isClosing())
        return;
    MqttPublishRequest request = m_options.request;
    request.payload = payload;
    const int requestId = session()->publish(request);
    if (requestId <= 0) {
        writeError(tr("Error: cannot publish to \"%1\": %2").arg(request.topic, session()->errorString()));
        closeSessionAndFinish(ExitFailure);
        return;
    }
    m_unacknowledged.insert(requestId);
}

void PubCommand::handlePublished(int requestId, bool ok, const QString &reason)
{
    if (!m_unacknowledged.remove(requestId) || isClosing())
        return;
    if (!ok) {
        writeError(tr("Error: publishing to \"%1\" failed: %2").arg(m_options.request.topic, reason));
        closeSessionAndFinish(ExitFailure);
        return;
    }
    finishWhenDone();
}

void PubCommand::finishWhenDone()
{
    if (m_inputDone && m_unacknowledged.isEmpty())
        closeSessionAndFinish(ExitSuccess);
}

void PubCommand::interrupt()
{
    if (isClosing())
        return;
    if (!m_unacknowledged.isEmpty()) {
        writeError(tr("Error: interrupted before the broker acknowledged %n message(s).", nullptr,
                      int(m_unacknowledged.size())));
        closeSessionAndFinish(ExitFailure);
        return;
    }
    // Ending a -l stream early is normal use; a single message must have gone out.
    if (m_options.source != MessageSource::StdinLines && !m_published) {
        writeError(tr("Error: interrupted before the message was sent."));
        closeSessionAndFinish(ExitFailure);
        return;
    }
    closeSessionAndFinish(ExitSuccess);
}
