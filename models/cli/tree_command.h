#pragma once

#include "cli_subscribe_command.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

struct MqttMessage;

// `linescope-cli tree -t FILTER [-t FILTER ...] -W SECONDS`: subscribes for
// that long, then prints the topic tree seen, one level per line, indented
// by two spaces per level, siblings sorted by name:
//
//   factory (12 topics, 340 msgs)          a level with topics below it
//     chicago (12 topics, 340 msgs)
//       ...
//         temperature (20 msgs)            a topic without topics below it
//   line1 (3 topics, 30 msgs; 10 msgs on this topic)   a topic with topics below
//
// Counts of a level cover the level and everything below it; empty levels
// ("a//b") are shown as "(empty)". --json prints the same tree as one JSON
// document (see treeJson()). Retained messages count like any other.
//
// Exit status: 0 once -W elapsed or on Ctrl+C (the tree seen so far is
// printed), also when nothing arrived ("No messages received in N s." on
// err); 1 on errors, including every subscription being denied; the CONNACK
// reason code when the broker refused the connection.
class TreeCommand : public CliSubscribeCommand
{
    Q_OBJECT
public:
    static constexpr int DefaultWaitSeconds = 5;
    // Deeper levels are summarised in their ancestor at this depth, so a
    // hostile topic with thousands of levels cannot blow up the output.
    static constexpr int MaximumPrintedDepth = 128;

    struct Options
    {
        ConnectionSettings connection;
        QStringList filters;   // -t, in the order given; {"#"} without -t
        quint8 qos = 0;        // -q
        int waitSeconds = DefaultWaitSeconds;   // -W
        bool json = false;     // --json
    };

    TreeCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~TreeCommand() override;

    QString name() const override;
    // Valid after parseArguments() returned true.
    Options options() const;
    void start() override;
    void interrupt() override;

    // The renderings of a topic -> message count table. Pure functions.
    // treeText() is the text above, one line per level, each ending in "\n"
    // (empty for an empty table).
    static QString treeText(const QHash<QString, qint64> &messagesPerTopic);
    // {"topics": n, "messages": n, "children": [node, ...]} with each node
    //   {"name": level, "topic": full path, "topics": n, "messages": n,
    //    "topic_messages": n (on exactly this topic, 0 for a pure level),
    //    "children": [...]}
    // and "truncated": true on a node at MaximumPrintedDepth whose levels
    // below are left out. Keys are a stable interface and not translated.
    static QJsonObject treeJson(const QHash<QString, qint64> &messagesPerTopic);

protected:
    QList<QCommandLineOption> commandOptions() const override;
    QString synopsis() const override;
    QString description() const override;
    QString helpFooter() const override;
    QString readOptions(const QCommandLineParser &parser) override;
    bool aboutToSubscribe() override;
    void handleMessages(const QList<MqttMessage> &messages) override;
    // -W elapsed: prints the tree and finishes with 0.
    void handleTimeout() override;

private:
    // Prints the tree (or the "nothing received" note); false when writing failed.
    bool printTree(qint64 waitedSeconds);

    Options m_options;
    QElapsedTimer m_listening;                 // since the subscriptions went out
    QHash<QString, qint64> m_messagesPerTopic;
};
