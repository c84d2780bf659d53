#pragma once

#include "cli_command.h"

#include <QStringList>

#include <limits>

QT_FORWARD_DECLARE_CLASS(QTimer)
struct MqttMessage;
struct MqttSubscribeResult;

// Base of the linescope-cli commands that subscribe and wait for messages
// (sub, measurements, tree).
//
// It owns what they share: reading -t/-q/-C/-W, subscribing once the session
// first connects (the session re-sends its subscriptions after a reconnect by
// itself), warning about each denied subscription and giving up with exit
// code 1 once every filter was denied, and the -W timer, which starts once the
// client has connected (as mosquitto_sub -W) and by default ends the command
// with "Timed out" and exit code 27.
//
// Threading: create and use on one thread that runs an event loop.
class CliSubscribeCommand : public CliCommand
{
    Q_OBJECT
public:
    // The longest -W: QTimer counts milliseconds in an int.
    static constexpr int MaximumSeconds = std::numeric_limits<int>::max() / 1000;

    ~CliSubscribeCommand() override;

protected:
    CliSubscribeCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);

    /* Options; each read*() returns an empty string or a translated error. */
    // The connection options (CliConnectionOptions), -t FILTER (described by
    // topicHelp; empty: the filters are required) and -q QOS.
    static QList<QCommandLineOption> subscriptionOptions(const QString &topicHelp = QString());
    // -W SECONDS as a timeout (see readTimeout()).
    static QCommandLineOption timeoutOption();
    // The connection options (CliConnectionOptions); the session reconnects by
    // itself after the first connection, as mosquitto_sub does.
    static QString readConnection(const QCommandLineParser &parser, ConnectionSettings *settings);
    // -t, in the order given, each validated; defaultFilters without -t (an
    // error when that is empty too).
    static QString readFilters(const QCommandLineParser &parser, const QStringList &defaultFilters,
                               QStringList *filters);
    static QString readQos(const QCommandLineParser &parser, quint8 *qos);
    // -C COUNT (1 or more); *count unchanged without -C.
    static QString readMessageCount(const QCommandLineParser &parser, int *count);
    // -W SECONDS (1 to MaximumSeconds) as a timeout; *seconds unchanged without -W.
    static QString readTimeout(const QCommandLineParser &parser, int *seconds);

    // Opens the session and subscribes to filters with qos once it has
    // connected; timeoutSeconds > 0 starts the -W timer then.
    void startSubscriptions(const ConnectionSettings &settings, const QStringList &filters, quint8 qos,
                            int timeoutSeconds);
    void sessionConnected() final;
    // Called once, right before the subscriptions go out. Returns false when
    // the command finished instead (nothing is subscribed then).
    virtual bool aboutToSubscribe();
    virtual void handleMessages(const QList<MqttMessage> &messages) = 0;
    // The -W timer fired while the command was not closing.
    virtual void handleTimeout();
    void stopTimeout();

private:
    void handleSubscribed(const QList<MqttSubscribeResult> &results);
    void handleTimer();
    // Stops the -W timer and finishes with exit code 1.
    void fail();

    QTimer *const m_timeout;
    QStringList m_filters;
    quint8 m_qos = 0;
    int m_timeoutSeconds = 0;
    qsizetype m_subscribeAnswers = 0;   // SUBACK results received for our filters
    qsizetype m_granted = 0;
    bool m_subscribed = false;
};
