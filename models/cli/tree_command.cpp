#include "tree_command.h"

#include "cli_connection_options.h"
#include "mqtt/mqtt_message.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <vector>

namespace {

// One topic level of the printed tree. Levels live in one flat vector (index 0
// is the unnamed root) so that neither building nor destroying a tree of a
// topic with thousands of levels recurses; a child always comes after its parent.
struct Level
{
    QString name;
    QString topic;              // full path; only kept for levels that are printed
    int parent = -1;
    int depth = 0;              // 0 for the first level of a topic
    bool isTopic = false;
    qint64 topicMessages = 0;   // on exactly this topic
    qint64 messages = 0;        // this level and everything below
    qint64 topics = 0;          // topics at and below this level
    QMap<QString, int> children;   // by level name, so siblings come out sorted
};

std::vector<Level> buildLevels(const QHash<QString, qint64> &messagesPerTopic)
{
    std::vector<Level> levels(1);
    for (auto it = messagesPerTopic.cbegin(); it != messagesPerTopic.cend(); ++it) {
        const QString &topic = it.key();
        int current = 0;
        int depth = 0;
        qsizetype start = 0;
        for (;;) {
            const qsizetype slash = topic.indexOf(u'/', start);
            const qsizetype end = slash < 0 ? topic.size() : slash;
            const QString name = topic.mid(start, end - start);
            const auto found = levels[current].children.constFind(name);
            if (found != levels[current].children.cend()) {
                current = *found;
            } else {
                Level level;
                level.name = name;
                level.parent = current;
                level.depth = depth;
                if (depth < TreeCommand::MaximumPrintedDepth)
                    level.topic = topic.left(end);
                const int index = int(levels.size());
                levels.push_back(std::move(level));
                levels[current].children.insert(name, index);
                current = index;
            }
            if (slash < 0)
                break;
            start = slash + 1;
            ++depth;
        }
        levels[current].isTopic = true;
        levels[current].topicMessages += it.value();
    }

    for (Level &level : levels) {
        level.messages = level.topicMessages;
        level.topics = level.isTopic ? 1 : 0;
    }
    for (std::size_t i = levels.size() - 1; i > 0; --i) {
        Level &parent = levels[std::size_t(levels[i].parent)];
        parent.messages += levels[i].messages;
        parent.topics += levels[i].topics;
    }
    return levels;
}

// Plural forms by hand: without an English translation loaded, "%n msg(s)"
// would print literally. Translators of languages with more forms use the comment.
QString topicsText(qint64 count)
{
    //: Number of topics in a subtree of `linescope-cli tree`; singular / plural
    return count == 1 ? TreeCommand::tr("1 topic") : TreeCommand::tr("%1 topics").arg(count);
}

QString messagesText(qint64 count)
{
    //: Number of messages in `linescope-cli tree`; singular / plural
    return count == 1 ? TreeCommand::tr("1 msg") : TreeCommand::tr("%1 msgs").arg(count);
}

bool isCutOff(const Level &level)
{
    return level.depth + 1 >= TreeCommand::MaximumPrintedDepth && !level.children.isEmpty();
}

QString levelLine(const Level &level)
{
    //: Shown for an empty topic level, as in "a//b"
    const QString name = level.name.isEmpty() ? TreeCommand::tr("(empty)") : level.name;
    if (level.children.isEmpty())
        return TreeCommand::tr("%1 (%2)").arg(name, messagesText(level.messages));
    if (!level.isTopic)
        return TreeCommand::tr("%1 (%2, %3)").arg(name, topicsText(level.topics), messagesText(level.messages));
    //: %1 level name, %2 topics and %3 messages at and below it, %4 messages on exactly this topic
    return TreeCommand::tr("%1 (%2, %3; %4 on this topic)")
        .arg(name, topicsText(level.topics), messagesText(level.messages), messagesText(level.topicMessages));
}

// Recursion is bounded by MaximumPrintedDepth.
void appendText(const std::vector<Level> &levels, int index, QString *text)
{
    const Level &level = levels[std::size_t(index)];
    const QString indent(level.depth * 2, u' ');
    *text += indent + levelLine(level) + u'\n';
    if (isCutOff(level)) {
        *text += indent + QStringLiteral("  ")
            + TreeCommand::tr("(levels below not shown: deeper than %1 levels)").arg(TreeCommand::MaximumPrintedDepth)
            + u'\n';
        return;
    }
    for (const int child : level.children)
        appendText(levels, child, text);
}

QJsonArray childrenJson(const std::vector<Level> &levels, const Level &level)
{
    QJsonArray children;
    for (const int index : level.children) {
        const Level &child = levels[std::size_t(index)];
        QJsonObject object{
            {QStringLiteral("name"), child.name},
            {QStringLiteral("topic"), child.topic},
            {QStringLiteral("topics"), child.topics},
            {QStringLiteral("messages"), child.messages},
            {QStringLiteral("topic_messages"), child.topicMessages},
        };
        if (isCutOff(child)) {
            object.insert(QStringLiteral("truncated"), true);
            object.insert(QStringLiteral("children"), QJsonArray());
        } else {
            object.insert(QStringLiteral("children"), childrenJson(levels, child));
        }
        children.append(object);
    }
    return children;
}

} // namespace

TreeCommand::TreeCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliSubscribeCommand(out, err, parent)
{
}

TreeCommand::~TreeCommand() = default;

QString TreeCommand::name() const
{
    return QStringLiteral("tree");
}

TreeCommand::Options TreeCommand::options() const
{
    return m_options;
}

QList<QCommandLineOption> TreeCommand::commandOptions() const
{
    QList<QCommandLineOption> options =
        subscriptionOptions(tr("Topic filter to subscribe to; repeat for several. Default: #."));
    options += {
        {QStringLiteral("W"),
         tr("Listen for this many seconds, then print the tree. Default: %1.").arg(DefaultWaitSeconds),
         tr("SECONDS")},
        {QStringLiteral("json"), tr("Print the tree as one JSON document.")},
    };
    return options;
}

QString TreeCommand::synopsis() const
{
    return tr("tree [-t FILTER ...] [-W SECONDS] [options]");
}

QString TreeCommand::description() const
{
    return tr("Subscribe for a while, then print the topic tree seen, with the number of topics\n"
              "and messages at and below every level.");
}

QString TreeCommand::helpFooter() const
{
    return tr("Exit status: 0 after -W seconds or Ctrl+C (also when nothing arrived), 1 on errors,\n"
              "the CONNACK reason code when the broker refused the connection.");
}

QString TreeCommand::readOptions(const QCommandLineParser &parser)
{
    Options options;
    if (const QString error = readConnection(parser, &options.connection); !error.isEmpty())
        return error;
    if (const QString error = readFilters(parser, {QStringLiteral("#")}, &options.filters); !error.isEmpty())
        return error;
    if (const QString error = readQos(parser, &options.qos); !error.isEmpty())
        return error;
    if (parser.isSet(QStringLiteral("W"))) {
        const QString text = parser.value(QStringLiteral("W"));
        qint64 seconds = 0;
        if (!CliConnectionOptions::parseNumber(text, 1, MaximumSeconds, &seconds))
            return tr("Invalid time \"%1\" for -W; use seconds from 1 to %2.").arg(text).arg(MaximumSeconds);
        options.waitSeconds = int(seconds);
    }
    options.json = parser.isSet(QStringLiteral("json"));

    if (const QString error = options.connection.validate(); !error.isEmpty())
        return error;
    m_options = options;
    return {};
}

QString TreeCommand::treeText(const QHash<QString, qint64> &messagesPerTopic)
{
    const std::vector<Level> levels = buildLevels(messagesPerTopic);
    QString text;
    for (const int child : levels.front().children)
        appendText(levels, child, &text);
    return text;
}

QJsonObject TreeCommand::treeJson(const QHash<QString, qint64> &messagesPerTopic)
{
    const std::vector<Level> levels = buildLevels(messagesPerTopic);
    const Level &root = levels.front();
    return QJsonObject{
        {QStringLiteral("topics"), root.topics},
        {QStringLiteral("messages"), root.messages},
        {QStringLiteral("children"), childrenJson(levels, root)},
    };
}

void TreeCommand::start()
{
    startSubscriptions(m_options.connection, m_options.filters, m_options.qos, m_options.waitSeconds);
}

void TreeCommand::interrupt()
{
    if (!isClosing()) {
        stopTimeout();
        const qint64 waited = m_listening.isValid() ? (m_listening.elapsed() + 500) / 1000 : 0;
        if (!printTree(waited))
            return;
    }
    CliCommand::interrupt();
}

bool TreeCommand::aboutToSubscribe()
{
    // As sub -W: the time starts once the client has connected.
    m_listening.start();
    return true;
}

void TreeCommand::handleMessages(const QList<MqttMessage> &messages)
{
    // What arrives while the connection closes came after the -W window.
    if (isClosing())
        return;
    for (const MqttMessage &message : messages)
        ++m_messagesPerTopic[message.topic];
}

void TreeCommand::handleTimeout()
{
    if (printTree(m_options.waitSeconds))
        closeSessionAndFinish(ExitSuccess);
}

bool TreeCommand::printTree(qint64 waitedSeconds)
{
    if (m_messagesPerTopic.isEmpty())
        writeError(tr("No messages received in %1 s.").arg(waitedSeconds));
    if (m_options.json)
        return writeOut(QJsonDocument(treeJson(m_messagesPerTopic)).toJson(QJsonDocument::Indented));
    const QString text = treeText(m_messagesPerTopic);
    return text.isEmpty() || writeOut(text.toUtf8());
}
