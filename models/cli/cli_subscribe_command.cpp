#include "cli_subscribe_command.h"

#include "cli_connection_options.h"
#include "mqtt/mqtt_message.h"
#include "mqtt/mqtt_session.h"
#include "topics/topic_filter.h"

#include <QCommandLineParser>
#include <QTimer>

CliSubscribeCommand::CliSubscribeCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliCommand(out, err, parent)
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    // A coarse timer may fire up to 5 % early; -W promises at least that long.
    m_timeout->setTimerType(Qt::PreciseTimer);
    connect(m_timeout, &QTimer::timeout, this, &CliSubscribeCommand::handleTimer);
}

CliSubscribeCommand::~CliSubscribeCommand() = default;

QList<QCommandLineOption> CliSubscribeCommand::subscriptionOptions(const QString &topicHelp)
{
    QList<QCommandLineOption> options = CliConnectionOptions::options();
    options += {
        {{QStringLiteral("t"), QStringLiteral("topic")},
         topicHelp.isEmpty() ? tr("Topic filter to subscribe to; repeat for several.") : topicHelp,
         tr("FILTER")},
        {{QStringLiteral("q"), QStringLiteral("qos")},
         tr("QoS of the subscriptions: 0, 1 or 2. Default: 0."), tr("QOS")},
    };
    return options;
}

QCommandLineOption CliSubscribeCommand::timeoutOption()
{
    return {QStringLiteral("W"), tr("Give up after this many seconds (exit code 27)."), tr("SECONDS")};
}

QString CliSubscribeCommand::readConnection(const QCommandLineParser &parser, ConnectionSettings *settings)
{
    if (const QString error = CliConnectionOptions::read(parser, settings); !error.isEmpty())
        return error;
    // As mosquitto_sub: retry after the first connection, give up before it.
    settings->autoReconnect = true;
    return {};
}

QString CliSubscribeCommand::readFilters(const QCommandLineParser &parser, const QStringList &defaultFilters,
                                         QStringList *filters)
{
    *filters = parser.values(QStringLiteral("topic"));
    if (filters->isEmpty())
        *filters = defaultFilters;
    if (filters->isEmpty())
        return tr("No topic filter given; use -t FILTER (repeat it for several filters).");
    for (const QString &filter : std::as_const(*filters)) {
        const TopicFilter::ValidationError invalid = TopicFilter::validate(filter);
        if (!invalid.isValid())
            return tr("Invalid topic filter \"%1\" for -t: %2").arg(filter, invalid.message);
    }
    return {};
}

QString CliSubscribeCommand::readQos(const QCommandLineParser &parser, quint8 *qos)
{
    if (!parser.isSet(QStringLiteral("qos")))
        return {};
    const QString text = parser.value(QStringLiteral("qos"));
    qint64 value = 0;
    if (!CliConnectionOptions::parseNumber(text, 0, 2, &value))
        return tr("Invalid QoS \"%1\" for -q; use 0, 1 or 2.").arg(text);
    *qos = quint8(value);
    return {};
}

QString CliSubscribeCommand::readMessageCount(const QCommandLineParser &parser, int *count)
{
    if (!parser.isSet(QStringLiteral("C")))
        return {};
    const QString text = parser.value(QStringLiteral("C"));
    qint64 value = 0;
    if (!CliConnectionOptions::parseNumber(text, 1, std::numeric_limits<int>::max(), &value))
        return tr("Invalid message count \"%1\" for -C; use a number of 1 or more.").arg(text);
    *count = int(value);
    return {};
}

QString CliSubscribeCommand::readTimeout(const QCommandLineParser &parser, int *seconds)
{
    if (!parser.isSet(QStringLiteral("W")))
        return {};
    const QString text = parser.value(QStringLiteral("W"));
    qint64 value = 0;
    if (!CliConnectionOptions::parseNumber(text, 1, MaximumSeconds, &value))
        return tr("Invalid timeout \"%1\" for -W; use seconds from 1 to %2.").arg(text).arg(MaximumSeconds);
    *seconds = int(value);
    return {};
}

void CliSubscribeCommand::startSubscriptions(const ConnectionSettings &settings, const QStringList &filters,
                                             quint8 qos, int timeoutSeconds)
{
    m_filters = filters;
    m_qos = qos;
    m_timeoutSeconds = timeoutSeconds;
    openSession(settings);
    connect(session(), &MqttSession::messagesReceived, this, &CliSubscribeCommand::handleMessages);
    connect(session(), &MqttSession::subscribed, this, &CliSubscribeCommand::handleSubscribed);
}

void CliSubscribeCommand::sessionConnected()
{
    // The session re-sends its subscriptions after a reconnect by itself.
    if (m_subscribed)
        return;
    m_subscribed = true;
    // As mosquitto_sub: the -W timeout starts once the client has connected.
    if (m_timeoutSeconds > 0)
        m_timeout->start(m_timeoutSeconds * 1000);
    if (!aboutToSubscribe())
        return;
    for (const QString &filter : std::as_const(m_filters)) {
        MqttSubscription subscription;
        subscription.filter = filter;
        subscription.qos = m_qos;
        if (!session()->subscribe(subscription)) {
            writeError(tr("Error: cannot subscribe to \"%1\": %2").arg(filter, session()->errorString()));
            fail();
            return;
        }
    }
}

bool CliSubscribeCommand::aboutToSubscribe()
{
    return true;
}

void CliSubscribeCommand::handleSubscribed(const QList<MqttSubscribeResult> &results)
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
    if (m_granted == 0 && m_subscribeAnswers >= m_filters.size()) {
        writeError(tr("Error: All subscription requests were denied."));
        fail();
    }
}

void CliSubscribeCommand::handleTimeout()
{
    writeError(tr("Timed out"));
    closeSessionAndFinish(ExitTimedOut);
}

void CliSubscribeCommand::stopTimeout()
{
    m_timeout->stop();
}

void CliSubscribeCommand::handleTimer()
{
    if (isClosing())
        return;
    handleTimeout();
}

void CliSubscribeCommand::fail()
{
    m_timeout->stop();
    closeSessionAndFinish(ExitFailure);
}
