#include "cli_process.h"

#include "cli/cli_application.h"
#include "cli/filter_command.h"
#include "cli/tree_command.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QOperatingSystemVersion>
#include <QTest>

// `linescope-cli filter check` and `linescope-cli tree`: in-process (parsing,
// exact output of the renderers and of filter check) and the real binary
// (LINESCOPE_CLI) against a real mosquitto fed by mosquitto_pub.
class TestCliTreeFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void filterCheck_data();
    void filterCheck();
    void filterCheckBinary_data();
    void filterCheckBinary();
    void filterUsage_data();
    void filterUsage();
    void treeParse_data();
    void treeParse();
    void treeText_data();
    void treeText();
    void treeJson();
    void deepTopic();
    void treeFromBroker();
    void treeNothingReceived_data();
    void treeNothingReceived();
    void treeInterrupted();

private:
    QString m_cli;
    QString m_mosquittoPub;
};

namespace {

using Counts = QHash<QString, qint64>;

struct InProcess
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a command that needs no broker (filter check) through the same front as main().
InProcess runInProcess(const QStringList &arguments)
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    CliApplication cli(&out, &err);
    if (cli.prepare(QStringList{"linescope-cli"} + arguments))
        cli.start();
    InProcess result;
    result.exitCode = cli.command() && !cli.command()->isFinished() ? -1 : cli.exitCode();
    result.out = out.data();
    result.err = err.data();
    return result;
}

QByteArray caretError(const QString &message, const QString &shownFilter, int column)
{
    return ("Error: " + message + "\n  " + shownFilter + "\n  " + QString(column, u' ') + "^\n").toUtf8();
}

QJsonObject node(const QString &name, const QString &topic, qint64 topics, qint64 messages, qint64 topicMessages,
                 const QJsonArray &children = {})
{
    return QJsonObject{{"name", name},         {"topic", topic},
                       {"topics", topics},     {"messages", messages},
                       {"topic_messages", topicMessages}, {"children", children}};
}

} // namespace

void TestCliTreeFilter::initTestCase()
{
    m_cli = CliProcess::cliPath();
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable("linescope-cli not found at " + m_cli));
    m_mosquittoPub = TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub"));
    QVERIFY2(!m_mosquittoPub.isEmpty(), "mosquitto_pub (package mosquitto-clients) is the reference publisher");
}

void TestCliTreeFilter::filterCheck_data()
{
    QTest::addColumn<QStringList>("arguments");   // after "filter"
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArray>("err");

    // MQTT 3.1.1 §4.7.1 and §4.7.2 examples.
    QTest::newRow("spec: sport/tennis/player1/# takes the parent level and all below")
        << QStringList{"check", "sport/tennis/player1/#", "sport/tennis/player1", "sport/tennis/player1/ranking",
                       "sport/tennis/player1/score/wimbledon", "sport/tennis/player2"}
        << 0
        << QByteArray("match     sport/tennis/player1\n"
                      "match     sport/tennis/player1/ranking\n"
                      "match     sport/tennis/player1/score/wimbledon\n"
                      "no match  sport/tennis/player2\n")
        << QByteArray();
    QTest::newRow("spec: sport/# matches sport") << QStringList{"check", "sport/#", "sport"} << 0
                                                 << QByteArray("match     sport\n") << QByteArray();
    QTest::newRow("spec: sport/+ is one level")
        << QStringList{"check", "sport/+", "sport/", "sport", "sport/tennis/player1"} << 0
        << QByteArray("match     sport/\nno match  sport\nno match  sport/tennis/player1\n") << QByteArray();
    QTest::newRow("spec: +/+ matches /finance") << QStringList{"check", "+/+", "/finance"} << 0
                                                << QByteArray("match     /finance\n") << QByteArray();
    QTest::newRow("spec: /+ matches /finance") << QStringList{"check", "/+", "/finance"} << 0
                                               << QByteArray("match     /finance\n") << QByteArray();
    QTest::newRow("spec: + does not match /finance") << QStringList{"check", "+", "/finance"} << 0
                                                     << QByteArray("no match  /finance\n") << QByteArray();
    QTest::newRow("spec: # does not match $SYS topics")
        << QStringList{"check", "#", "$SYS/broker/uptime", "factory/line1"} << 0
        << QByteArray("no match  $SYS/broker/uptime\nmatch     factory/line1\n") << QByteArray();
    QTest::newRow("spec: +/monitor/Clients does not match $SYS")
        << QStringList{"check", "+/monitor/Clients", "$SYS/monitor/Clients"} << 0
        << QByteArray("no match  $SYS/monitor/Clients\n") << QByteArray();
    QTest::newRow("spec: $SYS/monitor/+ matches") << QStringList{"check", "$SYS/monitor/+", "$SYS/monitor/Clients"} << 0
                                                  << QByteArray("match     $SYS/monitor/Clients\n") << QByteArray();
    QTest::newRow("$share: the group is not part of the match")
        << QStringList{"check", "$share/group1/factory/+/temp", "factory/line1/temp", "factory/temp"} << 0
        << QByteArray("match     factory/line1/temp\nno match  factory/temp\n") << QByteArray();
    QTest::newRow("no topics: the filter is valid") << QStringList{"check", "a/#"} << 0
                                                    << QByteArray("The topic filter \"a/#\" is valid.\n") << QByteArray();
    QTest::newRow("invalid topic is reported, exit stays 0")
        << QStringList{"check", "a/#", "a/+", "a/b"} << 0 << QByteArray("invalid   a/+\nmatch     a/b\n")
        << QByteArray("Warning: \"a/+\" is not a valid topic name: Topic must not contain the wildcard '+' "
                      "(position 2). Wildcards are only allowed in subscription filters.\n");
    QTest::newRow("-- makes a topic starting with '-' literal")
        << QStringList{"check", "--", "+/x", "-a/x"} << 0 << QByteArray("match     -a/x\n") << QByteArray();

    QTest::newRow("spec: sport/tennis# is invalid")
        << QStringList{"check", "sport/tennis#", "sport/tennis"} << 1 << QByteArray()
        << caretError("'#' must occupy a whole topic level, as in a/# (position 12).", "sport/tennis#", 12);
    QTest::newRow("spec: sport/tennis/#/ranking is invalid")
        << QStringList{"check", "sport/tennis/#/ranking"} << 1 << QByteArray()
        << caretError("'#' must be the last level (position 13).", "sport/tennis/#/ranking", 13);
    QTest::newRow("spec: sport+ is invalid")
        << QStringList{"check", "sport+"} << 1 << QByteArray()
        << caretError("'+' must occupy a whole topic level, as in a/+/c (position 5).", "sport+", 5);
    QTest::newRow("empty filter") << QStringList{"check", ""} << 1 << QByteArray()
                                  << caretError("Topic filter must not be empty.", "", 0);
    QTest::newRow("$share without a group")
        << QStringList{"check", "$share//a"} << 1 << QByteArray()
        << caretError("A shared subscription needs a share name after '$share/' (position 7).", "$share//a", 7);
    QTest::newRow("$share without a filter")
        << QStringList{"check", "$share/g"} << 1 << QByteArray()
        << caretError("A shared subscription needs a topic filter after '$share/g/' (position 8).", "$share/g", 8);
    QTest::newRow("$share group with a wildcard")
        << QStringList{"check", "$share/g+/a"} << 1 << QByteArray()
        << caretError("The share name of a shared subscription must not contain '+' (position 8).", "$share/g+/a", 8);
    QTest::newRow("caret follows a tab")
        << QStringList{"check", "a\tb#"} << 1 << QByteArray()
        << QByteArray("Error: '#' must occupy a whole topic level, as in a/# (position 3).\n  a\tb#\n   \t ^\n");
    QTest::newRow("control characters shown as pictures")
        << QStringList{"check", "a\nb#"} << 1 << QByteArray()
        << caretError("'#' must occupy a whole topic level, as in a/# (position 3).", "a\u240Ab#", 3);
}

void TestCliTreeFilter::filterCheck()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, out);
    QFETCH(QByteArray, err);

    const InProcess result = runInProcess(QStringList{"filter"} + arguments);
    QCOMPARE(result.err, err);
    QCOMPARE(result.out, out);
    QCOMPARE(result.exitCode, exitCode);
}

void TestCliTreeFilter::filterCheckBinary_data()
{
    filterCheck_data();
}

void TestCliTreeFilter::filterCheckBinary()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, out);
    QFETCH(QByteArray, err);

    const CliProcess::Outcome outcome = CliProcess::run(m_cli, QStringList{"filter"} + arguments);
    QVERIFY2(outcome.exited && outcome.exitCode == exitCode, qPrintable(outcome.describe()));
    QCOMPARE(outcome.err, err);
    QCOMPARE(outcome.out, out);
}

void TestCliTreeFilter::filterUsage_data()
{
    QTest::addColumn<QStringList>("arguments");   // after "filter"
    QTest::addColumn<QString>("error");

    QTest::newRow("no action") << QStringList{} << "No action given; use \"filter check FILTER [TOPIC ...]\".";
    QTest::newRow("unknown action") << QStringList{"test", "a"} << "Unknown action \"test\"; the only action is \"check\".";
    QTest::newRow("no filter") << QStringList{"check"} << "No topic filter given; use \"filter check FILTER [TOPIC ...]\".";
    QTest::newRow("unknown option") << QStringList{"check", "a", "--bogus"} << "Unknown option 'bogus'.";
    QTest::newRow("-h is no option here") << QStringList{"check", "-h", "a"} << "Unknown option 'h'.";
}

void TestCliTreeFilter::filterUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);

    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    FilterCommand command(&out, &err);
    QVERIFY(!command.parseArguments(arguments));
    QCOMPARE(command.parseError(), error);
    QCOMPARE(command.exitCode(), 1);
    const QString expected = "Error: " + error + "\nUsage: linescope-cli filter check FILTER [TOPIC ...]\n"
                             "Run \"linescope-cli filter --help\" to see all options.\n";
    QCOMPARE(QString::fromUtf8(err.data()), expected);
    QVERIFY2(out.data().isEmpty(), out.data().constData());
}

void TestCliTreeFilter::treeParse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<int>("qos");
    QTest::addColumn<int>("seconds");
    QTest::addColumn<bool>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("defaults: everything for 5 s") << QStringList{} << QStringList{"#"} << 0 << 5 << false << QString();
    QTest::newRow("all options")
        << QStringList{"-t", "factory/#", "-t", "plant/+", "-q", "1", "-W", "2", "--json", "-h", "broker", "-p", "1884"}
        << QStringList{"factory/#", "plant/+"} << 1 << 2 << true << QString();
    QTest::newRow("-W 0") << QStringList{"-W", "0"} << QStringList{} << 0 << 0 << false
                          << "Invalid time \"0\" for -W; use seconds from 1 to 2147483.";
    QTest::newRow("-W text") << QStringList{"-W", "soon"} << QStringList{} << 0 << 0 << false
                             << "Invalid time \"soon\" for -W; use seconds from 1 to 2147483.";
    QTest::newRow("invalid filter") << QStringList{"-t", "a/#/b"} << QStringList{} << 0 << 0 << false
                                    << "Invalid topic filter \"a/#/b\" for -t: '#' must be the last level (position 2).";
    QTest::newRow("-q 3") << QStringList{"-q", "3"} << QStringList{} << 0 << 0 << false
                          << "Invalid QoS \"3\" for -q; use 0, 1 or 2.";
    QTest::newRow("positional") << QStringList{"factory"} << QStringList{} << 0 << 0 << false
                                << "Unexpected argument \"factory\".";
}

void TestCliTreeFilter::treeParse()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, filters);
    QFETCH(int, qos);
    QFETCH(int, seconds);
    QFETCH(bool, json);
    QFETCH(QString, error);

    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    TreeCommand command(&out, &err);
    const bool ok = command.parseArguments(arguments);
    QVERIFY2(ok == error.isEmpty(), err.data().constData());
    if (!ok) {
        QCOMPARE(command.parseError(), error);
        QCOMPARE(command.exitCode(), 1);
        return;
    }
    const TreeCommand::Options options = command.options();
    QCOMPARE(options.filters, filters);
    QCOMPARE(int(options.qos), qos);
    QCOMPARE(options.waitSeconds, seconds);
    QCOMPARE(options.json, json);
    QVERIFY2(options.connection.autoReconnect, "tree reconnects after the first connection, as sub does");
    if (arguments.contains("-h")) {
        QCOMPARE(options.connection.host, QStringLiteral("broker"));
        QCOMPARE(options.connection.port, 1884);
    }
}

void TestCliTreeFilter::treeText_data()
{
    QTest::addColumn<Counts>("counts");
    QTest::addColumn<QString>("text");

    QTest::newRow("nothing") << Counts{} << QString();
    QTest::newRow("one topic") << Counts{{"plant", 1}} << "plant (1 msg)\n";
    QTest::newRow("nested, counts per subtree")
        << Counts{{"factory/chicago/line1/temp", 2}, {"factory/chicago/line1/pressure", 1}, {"factory/chicago/line2/temp", 1}}
        << "factory (3 topics, 4 msgs)\n"
           "  chicago (3 topics, 4 msgs)\n"
           "    line1 (2 topics, 3 msgs)\n"
           "      pressure (1 msg)\n"
           "      temp (2 msgs)\n"
           "    line2 (1 topic, 1 msg)\n"
           "      temp (1 msg)\n";
    QTest::newRow("topic with topics below it") << Counts{{"a", 2}, {"a/b", 3}}
                                                << "a (2 topics, 5 msgs; 2 msgs on this topic)\n"
                                                   "  b (3 msgs)\n";
    QTest::newRow("empty levels") << Counts{{"/finance", 1}, {"a//b", 2}, {"a/", 1}}
                                  << "(empty) (1 topic, 1 msg)\n"
                                     "  finance (1 msg)\n"
                                     "a (2 topics, 3 msgs)\n"
                                     "  (empty) (2 topics, 3 msgs; 1 msg on this topic)\n"
                                     "    b (2 msgs)\n";
    QTest::newRow("siblings sorted by name") << Counts{{"zeta", 1}, {"$SYS/broker/uptime", 4}, {"alpha", 1}, {"Beta", 1}}
                                             << "$SYS (1 topic, 4 msgs)\n"
                                                "  broker (1 topic, 4 msgs)\n"
                                                "    uptime (4 msgs)\n"
                                                "Beta (1 msg)\n"
                                                "alpha (1 msg)\n"
                                                "zeta (1 msg)\n";
}

void TestCliTreeFilter::treeText()
{
    QFETCH(Counts, counts);
    QFETCH(QString, text);
    QCOMPARE(TreeCommand::treeText(counts), text);
}

void TestCliTreeFilter::treeJson()
{
    const Counts counts{{"a", 2}, {"a/b", 3}, {"c", 1}};
    const QJsonObject expected{
        {"topics", 3},
        {"messages", 6},
        {"children", QJsonArray{node("a", "a", 2, 5, 2, QJsonArray{node("b", "a/b", 1, 3, 3)}), node("c", "c", 1, 1, 1)}},
    };
    const QJsonObject actual = TreeCommand::treeJson(counts);
    QVERIFY2(actual == expected, QJsonDocument(actual).toJson().constData());
    QCOMPARE(TreeCommand::treeJson({}), (QJsonObject{{"topics", 0}, {"messages", 0}, {"children", QJsonArray()}}));
}

// A hostile topic with 20000 levels: no stack overflow, bounded output.
void TestCliTreeFilter::deepTopic()
{
    constexpr int depth = 20000;
    QStringList levels;
    for (int i = 0; i < depth; ++i)
        levels << QStringLiteral("l");
    const Counts counts{{levels.join(u'/'), 7}};

    const QStringList lines = TreeCommand::treeText(counts).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), TreeCommand::MaximumPrintedDepth + 1);
    QCOMPARE(lines.constFirst(), QStringLiteral("l (1 topic, 7 msgs)"));
    QCOMPARE(lines.constLast(), QString(TreeCommand::MaximumPrintedDepth * 2, u' ')
                                    + QStringLiteral("(levels below not shown: deeper than 128 levels)"));

    QJsonObject current = TreeCommand::treeJson(counts);
    QCOMPARE(current.value("topics").toInteger(), 1);
    int nesting = 0;
    while (!current.value("children").toArray().isEmpty()) {
        current = current.value("children").toArray().first().toObject();
        ++nesting;
        QCOMPARE(current.value("messages").toInteger(), 7);
    }
    QCOMPARE(nesting, TreeCommand::MaximumPrintedDepth);
    QVERIFY2(current.value("truncated").toBool(), QJsonDocument(current).toJson().constData());
}

void TestCliTreeFilter::treeFromBroker()
{
    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const QStringList hostPort = CliProcess::hostPort(broker);

    // Retained, so they reach the tree whenever it subscribes.
    const QStringList retained{"factory/chicago/line1",          "factory/chicago/line1/press/temp",
                               "factory/chicago/line1/press/pressure", "factory/chicago/line2/robot/state",
                               "factory/detroit/line1/oven/temp", "/finance",
                               "plant"};
    for (const QString &topic : retained) {
        const CliProcess::Outcome pub =
            CliProcess::run(m_mosquittoPub, hostPort + QStringList{"-t", topic, "-q", "1", "-r", "-m", "kept"});
        QVERIFY2(pub.exited && pub.exitCode == 0, qPrintable(pub.describe()));
    }

    constexpr int seconds = 6;
    const auto tree = CliProcess::launch(m_cli, QStringList{"tree"} + hostPort
                                                    + QStringList{"-i", "cli-tree", "-q", "1", "-W", QString::number(seconds)});
    if (!CliProcess::waitForSubscription(broker, QStringLiteral("cli-tree"), 1, QStringLiteral("#")))
        QFAIL(qPrintable("no subscription; " + CliProcess::collect(*tree, 0).describe() + CliProcess::brokerLog(broker)));

    // Live messages while the tree listens: 3 more on temp, 2 more on line1.
    QElapsedTimer publishing;
    publishing.start();
    const QList<QPair<QString, QByteArray>> live{{"factory/chicago/line1/press/temp", "1\n2\n3\n"},
                                                 {"factory/chicago/line1", "a\nb\n"}};
    for (const auto &[topic, lines] : live) {
        const CliProcess::Outcome pub = CliProcess::run(m_mosquittoPub, hostPort + QStringList{"-t", topic, "-q", "1", "-l"}, lines);
        QVERIFY2(pub.exited && pub.exitCode == 0, qPrintable(pub.describe()));
    }
    const qint64 publishMs = publishing.elapsed();

    const CliProcess::Outcome printed = CliProcess::collect(*tree);
    QVERIFY2(printed.exited && printed.exitCode == 0 && printed.err.isEmpty(), qPrintable(printed.describe()));
    // '#' does not match $SYS, so the broker's own topics stay out.
    const QByteArray expected("(empty) (1 topic, 1 msg)\n"
                              "  finance (1 msg)\n"
                              "factory (5 topics, 10 msgs)\n"
                              "  chicago (4 topics, 9 msgs)\n"
                              "    line1 (3 topics, 8 msgs; 3 msgs on this topic)\n"
                              "      press (2 topics, 5 msgs)\n"
                              "        pressure (1 msg)\n"
                              "        temp (4 msgs)\n"
                              "    line2 (1 topic, 1 msg)\n"
                              "      robot (1 topic, 1 msg)\n"
                              "        state (1 msg)\n"
                              "  detroit (1 topic, 1 msg)\n"
                              "    line1 (1 topic, 1 msg)\n"
                              "      oven (1 topic, 1 msg)\n"
                              "        temp (1 msg)\n"
                              "plant (1 msg)\n");
    QVERIFY2(printed.out == expected,
             qPrintable(QStringLiteral("publishing the live messages took %1 ms of the %2 s window\n%3")
                            .arg(publishMs)
                            .arg(seconds)
                            .arg(printed.describe())));

    // --json with a narrower filter: only the retained message below it.
    const CliProcess::Outcome json = CliProcess::run(
        m_cli, QStringList{"tree"} + hostPort + QStringList{"-t", "factory/detroit/#", "-W", "2", "--json"});
    QVERIFY2(json.exited && json.exitCode == 0 && json.err.isEmpty(), qPrintable(json.describe()));
    QJsonParseError parseError;
    const QJsonObject actual = QJsonDocument::fromJson(json.out, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString() + json.describe()));
    const QJsonObject expectedJson{
        {"topics", 1},
        {"messages", 1},
        {"children",
         QJsonArray{node("factory", "factory", 1, 1, 0,
                         QJsonArray{node("detroit", "factory/detroit", 1, 1, 0,
                                         QJsonArray{node("line1", "factory/detroit/line1", 1, 1, 0,
                                                         QJsonArray{node("oven", "factory/detroit/line1/oven", 1, 1, 0,
                                                                         QJsonArray{node("temp", "factory/detroit/line1/oven/temp",
                                                                                         1, 1, 1)})})})})}},
    };
    QVERIFY2(actual == expectedJson, qPrintable(json.describe()));
}

void TestCliTreeFilter::treeNothingReceived_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("text: nothing on stdout") << false;
    QTest::newRow("--json: the empty tree") << true;
}

void TestCliTreeFilter::treeNothingReceived()
{
    QFETCH(bool, json);

    TestBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    QStringList arguments = QStringList{"tree"} + CliProcess::hostPort(broker) + QStringList{"-t", "nothing/here/#", "-W", "1"};
    if (json)
        arguments << QStringLiteral("--json");
    const CliProcess::Outcome outcome = CliProcess::run(m_cli, arguments);
    QVERIFY2(outcome.exited && outcome.exitCode == 0, qPrintable(outcome.describe()));
    QCOMPARE(outcome.err, QByteArray("No messages received in 1 s.\n"));
    if (json) {
        QCOMPARE(QJsonDocument::fromJson(outcome.out).object(),
                 (QJsonObject{{"topics", 0}, {"messages", 0}, {"children", QJsonArray()}}));
    } else {
        QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));
    }
}

// Ctrl+C / SIGTERM prints the tree seen so far and exits 0.
void TestCliTreeFilter::treeInterrupted()
{
    if (QOperatingSystemVersion::currentType() == QOperatingSystemVersion::Windows)
        QSKIP("QProcess::terminate() sends no console control event on Windows");

    // log_type debug logs "Sending PUBLISH to <client id> ..." per delivery.
    TestBroker broker({QStringLiteral("log_type subscribe"), QStringLiteral("log_type debug")});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const QStringList hostPort = CliProcess::hostPort(broker);
    const CliProcess::Outcome pub =
        CliProcess::run(m_mosquittoPub, hostPort + QStringList{"-t", "plant/status", "-q", "1", "-r", "-m", "running"});
    QVERIFY2(pub.exited && pub.exitCode == 0, qPrintable(pub.describe()));

    const auto tree = CliProcess::launch(m_cli, QStringList{"tree"} + hostPort + QStringList{"-i", "cli-tree-stop", "-W", "60"});
    if (!CliProcess::waitForSubscription(broker, QStringLiteral("cli-tree-stop"), 0, QStringLiteral("#")))
        QFAIL(qPrintable("no subscription; " + CliProcess::collect(*tree, 0).describe() + CliProcess::brokerLog(broker)));
    QElapsedTimer waiting;
    waiting.start();
    while (!broker.logText().contains(QStringLiteral("Sending PUBLISH to cli-tree-stop")) && waiting.elapsed() < CliProcess::TimeoutMs)
        QTest::qWait(20);
    QVERIFY2(broker.logText().contains(QStringLiteral("Sending PUBLISH to cli-tree-stop")),
             qPrintable("the retained message was never sent" + CliProcess::brokerLog(broker)));
    // The broker sent it; let the client read it off the socket before the signal.
    QTest::qWait(300);
    tree->terminate();

    const CliProcess::Outcome outcome = CliProcess::collect(*tree);
    QVERIFY2(outcome.exited && outcome.exitCode == 0 && outcome.err.isEmpty(), qPrintable(outcome.describe()));
    QCOMPARE(outcome.out, QByteArray("plant (1 topic, 1 msg)\n  status (1 msg)\n"));
}

QTEST_GUILESS_MAIN(TestCliTreeFilter)
#include "tst_cli_tree_filter.moc"
