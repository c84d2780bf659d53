#pragma once

#include "cli_command.h"
#include "input_reader.h"

#include "mqtt/mqtt_message.h"

#include <QSet>
#include <QStringList>

#include <memory>

// `linescope-cli pub`: publishes one message (-m, -f, -s, -n) or one message
// per input line (-l), like mosquitto_pub.
//
// Everything that can be checked is checked before connecting (topic, QoS,
// properties, the -f file), so a bad invocation publishes nothing. With QoS
// 1 and 2 it waits for the broker's acknowledgement of every message, then
// disconnects cleanly. pub does not reconnect: a lost connection ends it with
// exit code 1.
class PubCommand : public CliCommand
{
    Q_OBJECT
public:
    enum class MessageSource {
        Message,      // -m
        File,         // -f, read while parsing
        StdinWhole,   // -s
        StdinLines,   // -l
        Null          // -n
    };
    Q_ENUM(MessageSource)

    struct Options
    {
        ConnectionSettings connection;
        MessageSource source = MessageSource::Message;
        QString filePath;                // -f
        MqttPublishRequest request;      // topic, qos, retain, properties; payload for -m/-f/-n
    };

    PubCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~PubCommand() override;

    // Where -s and -l read from (normally stdin). Must be open for reading;
    // call before start(). Not needed for the other message sources.
    void setStandardInput(std::unique_ptr<QIODevice> input);

    QString name() const override;
    // Valid after parseArguments() returned true.
    Options options() const;
    void start() override;
    // Ctrl+C: exits 0 when every message sent so far was acknowledged (and,
    // except with -l, the message was sent at all), else 1.
    void interrupt() override;

protected:
    QList<QCommandLineOption> commandOptions() const override;
    QString synopsis() const override;
    QString description() const override;
    QString helpFooter() const override;
    QString extractSpecialArguments(QStringList *arguments) override;
    QString readOptions(const QCommandLineParser &parser) override;
    void sessionConnected() override;

private:
    QString readProperty(const QStringList &property, MqttProperties *properties, QSet<QString> *seen) const;
    void startReading(InputReader::Mode mode);
    void publishPayload(const QByteArray &payload);
    void handlePublished(int requestId, bool ok, const QString &reason);
    void handleInputFinished(const QString &error);
    void finishWhenDone();

    Options m_options;
    QList<QStringList> m_rawProperties;   // -D COMMAND IDENTIFIER VALUE [VALUE]
    std::unique_ptr<QIODevice> m_input;
    std::unique_ptr<InputReader> m_reader;
    QSet<int> m_unacknowledged;
    bool m_inputDone = false;
    bool m_published = false;   // the single message (not -l) went out
};
