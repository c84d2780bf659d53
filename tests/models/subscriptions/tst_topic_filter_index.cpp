#include "subscriptions/topic_filter_index.h"
#include "topics/topic_filter.h"

#include "test_broker.h"

#include <QList>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

QList<int> sorted(QList<int> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

QString describe(const QList<int> &ids)
{
    QStringList parts;
    for (const int id : ids)
        parts.append(QString::number(id));
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

// Random names from a tiny alphabet so that filters and topics collide often;
// "" gives empty levels and "$s" exercises the '$' rule at every depth.
const QStringList alphabet = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QString(),
                              QStringLiteral("$s")};

QString randomTopic(QRandomGenerator &random)
{
    for (;;) {
        QStringList levels;
        const int depth = random.bounded(1, 6);
        for (int i = 0; i < depth; ++i)
            levels.append(alphabet.at(random.bounded(int(alphabet.size()))));
        const QString topic = levels.join(QLatin1Char('/'));
        if (!topic.isEmpty())
            return topic;
    }
}

QString randomFilter(QRandomGenerator &random)
{
    QStringList levels;
    const int depth = random.bounded(1, 5);
    for (int i = 0; i < depth; ++i) {
        if (random.bounded(4) == 0)
            levels.append(QStringLiteral("+"));
        else
            levels.append(alphabet.at(random.bounded(int(alphabet.size()))));
    }
    if (random.bounded(3) == 0) {
        if (random.bounded(2) == 0)
            levels.last() = QStringLiteral("#");
        else
            levels.append(QStringLiteral("#"));
    }
    QString filter = levels.join(QLatin1Char('/'));
    if (filter.isEmpty())
        filter = QStringLiteral("+");
    if (random.bounded(10) == 0)
        filter.prepend(QStringLiteral("$share/g%1/").arg(random.bounded(3)));
    return filter;
}

// A mosquitto client process that is always reaped, also when a check fails.
struct ClientProcess
{
    ClientProcess() = default;
    Q_DISABLE_COPY_MOVE(ClientProcess)
    ~ClientProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }

    QProcess process;
    QByteArray output;
};

} // namespace

class TestTopicFilterIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void match_data();
    void match();
    void invalidFilters_data();
    void invalidFilters();
    void severalFilters();
    void removeAndPrune();
    void duplicateRegistrations();
    void randomCrossCheck();
    void mosquittoCrossCheck();
};

void TestTopicFilterIndex::match_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("expected");

    // Spec examples (MQTT 5 §4.7) and mosquitto's test/unit/util_topic_test.c.
    QTest::newRow("exact") << "foo/bar" << "foo/bar" << true;
    QTest::newRow("exact shorter topic") << "foo/bar" << "foo" << false;
    QTest::newRow("exact longer topic") << "foo/bar" << "foo/bar/baz" << false;
    QTest::newRow("exact trailing slash") << "foo/bar" << "foo/bar/" << false;
    QTest::newRow("case sensitive") << "ACCOUNTS" << "Accounts" << false;
    QTest::newRow("plus last") << "foo/+" << "foo/bar" << true;
    QTest::newRow("plus one level only") << "foo/+" << "foo/bar/baz" << false;
    QTest::newRow("plus needs the level") << "foo/+" << "foo" << false;
    QTest::newRow("plus matches empty level") << "foo/+" << "foo/" << true;
    QTest::newRow("plus middle") << "foo/+/baz" << "foo/bar/baz" << true;
    QTest::newRow("plus middle mismatch") << "foo/+/baz" << "foo/bar/bar" << false;
    QTest::newRow("plus middle empty level") << "foo/+/bar" << "foo//bar" << true;
    QTest::newRow("plus then hash") << "foo/+/#" << "foo/bar/baz" << true;
    QTest::newRow("plus then hash parent") << "foo/+/#" << "foo/bar" << true;
    QTest::newRow("plus then hash too short") << "foo/+/#" << "foo" << false;
    QTest::newRow("plus then hash other root") << "foo/+/#" << "fo2/bar/baz" << false;
    QTest::newRow("A/B/+/#") << "A/B/+/#" << "A/B/B/C" << true;
    QTest::newRow("hash subtree") << "sport/tennis/player1/#" << "sport/tennis/player1/score/wimbledon" << true;
    QTest::newRow("hash parent level") << "sport/tennis/player1/#" << "sport/tennis/player1" << true;
    QTest::newRow("hash sibling prefix") << "sport/tennis/#" << "sport/tennis2" << false;
    QTest::newRow("hash other branch") << "test/6/#" << "test/3" << false;
    QTest::newRow("hash on dollar child") << "foo/#" << "foo/$bar" << true;
    QTest::newRow("plus on dollar middle level") << "foo/+/baz" << "foo/$bar/baz" << true;
    QTest::newRow("hash alone") << "#" << "foo/bar/baz" << true;
    QTest::newRow("hash alone leading slash") << "#" << "/foo/bar" << true;
    QTest::newRow("hash alone single slash") << "#" << "/" << true;
    QTest::newRow("hash alone empty levels") << "#" << "foo//bar" << true;
    QTest::newRow("slash hash") << "/#" << "/foo/bar" << true;
    QTest::newRow("slash hash no leading slash") << "/#" << "foo/bar" << false;
    QTest::newRow("+/+ vs /finance") << "+/+" << "/finance" << true;
    QTest::newRow("/+ vs /finance") << "/+" << "/finance" << true;
    QTest::newRow("+ vs /finance") << "+" << "/finance" << false;
    QTest::newRow("+/+ vs /") << "+/+" << "/" << true;
    QTest::newRow("+/+/+ empty middle") << "+/+/+" << "foo//bar" << true;
    QTest::newRow("empty levels exact") << "a//b" << "a//b" << true;
    QTest::newRow("empty levels vs single slash") << "a//b" << "a/b" << false;
    QTest::newRow("dollar exact") << "$SYS/bar" << "$SYS/bar" << true;
    QTest::newRow("dollar other") << "$BOB/bar" << "$SYS/bar" << false;
    QTest::newRow("hash excludes dollar") << "#" << "$SYS/bar" << false;
    QTest::newRow("hash excludes dollar single level") << "#" << "$SYS" << false;
    QTest::newRow("plus excludes dollar") << "+/bar" << "$SYS/bar" << false;
    QTest::newRow("plus alone excludes dollar") << "+" << "$SYS" << false;
    QTest::newRow("plus hash excludes dollar") << "+/#" << "$SYS/broker/load" << false;
    QTest::newRow("dollar then hash") << "$SYS/#" << "$SYS/broker/load" << true;
    QTest::newRow("dollar then hash parent") << "$SYS/#" << "$SYS" << true;
    QTest::newRow("dollar then plus") << "$SYS/+/load" << "$SYS/broker/load" << true;
    QTest::newRow("dollar not first level") << "#" << "a/$SYS" << true;
    QTest::newRow("share plus") << "$share/grp/foo/+" << "foo/bar" << true;
    QTest::newRow("share exact") << "$share/grp/foo/bar" << "foo/bar" << true;
    QTest::newRow("share not literal") << "$share/grp/foo/bar" << "$share/grp/foo/bar" << false;
    QTest::newRow("share hash excludes dollar") << "$share/grp/#" << "$SYS/x" << false;
    QTest::newRow("share dollar filter") << "$share/grp/$SYS/#" << "$SYS/x" << true;
    QTest::newRow("wildcard chars literal in topic") << "foo/bar" << "foo/+" << false;
}

void TestTopicFilterIndex::match()
{
    QFETCH(QString, filter);
    QFETCH(QString, topic);
    QFETCH(bool, expected);

    TopicFilterIndex index;
    const TopicFilter::ValidationError error = index.insert(filter, 7);
    QVERIFY2(error.isValid(), qPrintable(QStringLiteral("insert(%1) failed: %2").arg(filter, error.message)));
    QCOMPARE(index.size(), 1);

    const QList<int> ids = index.match(topic);
    const QList<int> want = expected ? QList<int>{7} : QList<int>{};
    QVERIFY2(ids == want, qPrintable(QStringLiteral("filter %1, topic %2: got %3, want %4")
                                         .arg(filter, topic, describe(ids), describe(want))));

    // The buffer-reusing overload appends to what is there.
    QList<int> buffer{-1};
    index.match(topic, buffer);
    QCOMPARE(buffer, QList<int>{-1} + want);
}

void TestTopicFilterIndex::invalidFilters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("empty") << QString();
    QTest::newRow("hash not last") << "a/#/b";
    QTest::newRow("hash inside level") << "a/b#";
    QTest::newRow("plus inside level") << "a/b+/c";
    QTest::newRow("share without filter") << "$share/grp";
    QTest::newRow("share with empty group") << "$share//a";
}

void TestTopicFilterIndex::invalidFilters()
{
    QFETCH(QString, filter);
    TopicFilterIndex index;
    const TopicFilter::ValidationError error = index.insert(filter, 1);
    QVERIFY2(!error.isValid(), qPrintable(QStringLiteral("'%1' was accepted").arg(filter)));
    QVERIFY2(!error.message.isEmpty(), "a rejected filter must say why");
    QVERIFY(index.isEmpty());
    QVERIFY(index.match(u"a/b").isEmpty());
    QVERIFY(!index.remove(filter, 1));
}

void TestTopicFilterIndex::severalFilters()
{
    const QList<QPair<QString, int>> filters = {
        {QStringLiteral("factory/#"), 1},
        {QStringLiteral("factory/+/building-a/#"), 2},
        {QStringLiteral("factory/chicago/building-a/line-3/press-7/telemetry"), 3},
        {QStringLiteral("factory/+/+/+/+/status"), 4},
        {QStringLiteral("#"), 5},
        {QStringLiteral("$share/ops/factory/chicago/#"), 6},
        {QStringLiteral("$SYS/#"), 7},
        {QStringLiteral("factory/chicago/building-a/line-3/press-7/telemetry"), 8},
    };
    TopicFilterIndex index;
    for (const auto &[filter, id] : filters)
        QVERIFY2(index.insert(filter, id).isValid(), qPrintable(filter));
    QCOMPARE(index.size(), filters.size());

    // Expected ids are derived from the filter definitions above by the
    // reference matcher, so this checks the trie's combination of branches.
    const QStringList topics = {
        QStringLiteral("factory/chicago/building-a/line-3/press-7/telemetry"),
        QStringLiteral("factory/chicago/building-a/line-3/press-7/status"),
        QStringLiteral("factory/dallas/building-b/line-1/oven-2/status"),
        QStringLiteral("factory"),
        QStringLiteral("$SYS/broker/uptime"),
        QStringLiteral("office/printer"),
    };
    for (const QString &topic : topics) {
        QList<int> want;
        for (const auto &[filter, id] : filters) {
            if (TopicFilter::matches(filter, topic))
                want.append(id);
        }
        const QList<int> got = sorted(index.match(topic));
        QVERIFY2(got == sorted(want), qPrintable(QStringLiteral("topic %1: got %2, want %3")
                                                     .arg(topic, describe(got), describe(sorted(want)))));
    }
    // Spot checks that do not depend on the reference matcher.
    QCOMPARE(sorted(index.match(topics.at(0))), (QList<int>{1, 2, 3, 5, 6, 8}));
    QCOMPARE(sorted(index.match(u"$SYS/broker/uptime")), QList<int>{7});
}

void TestTopicFilterIndex::removeAndPrune()
{
    TopicFilterIndex index;
    QVERIFY(index.insert(QStringLiteral("a/+/c"), 1).isValid());
    QVERIFY(index.insert(QStringLiteral("a/b/c"), 2).isValid());
    QVERIFY(index.insert(QStringLiteral("a/#"), 3).isValid());
    QVERIFY(index.insert(QStringLiteral("$share/g/a/b/c"), 4).isValid());
    QCOMPARE(sorted(index.match(u"a/b/c")), (QList<int>{1, 2, 3, 4}));

    QVERIFY2(!index.remove(QStringLiteral("a/+/c"), 2), "id 2 is registered under a/b/c, not a/+/c");
    QVERIFY2(!index.remove(QStringLiteral("a/x/c"), 1), "no such filter");
    QVERIFY2(!index.remove(QStringLiteral("a/b"), 2), "a/b is only a prefix of a registered filter");
    QCOMPARE(index.size(), 4);

    QVERIFY(index.remove(QStringLiteral("a/+/c"), 1));
    QCOMPARE(sorted(index.match(u"a/b/c")), (QList<int>{2, 3, 4}));
    QVERIFY(index.remove(QStringLiteral("a/#"), 3));
    QCOMPARE(sorted(index.match(u"a/b/c")), (QList<int>{2, 4}));
    QVERIFY(index.match(u"a").isEmpty());
    QVERIFY(index.remove(QStringLiteral("$share/g/a/b/c"), 4));
    QCOMPARE(index.match(u"a/b/c"), QList<int>{2});
    QVERIFY(index.remove(QStringLiteral("a/b/c"), 2));
    QVERIFY(index.isEmpty());
    QVERIFY(index.match(u"a/b/c").isEmpty());

    // Pruned branches can be grown again.
    QVERIFY(index.insert(QStringLiteral("a/b/c"), 5).isValid());
    QCOMPARE(index.match(u"a/b/c"), QList<int>{5});
    index.clear();
    QVERIFY(index.isEmpty());
    QVERIFY(index.match(u"a/b/c").isEmpty());
}

void TestTopicFilterIndex::duplicateRegistrations()
{
    TopicFilterIndex index;
    QVERIFY(index.insert(QStringLiteral("x/+"), 9).isValid());
    QVERIFY(index.insert(QStringLiteral("x/+"), 9).isValid());
    QVERIFY(index.insert(QStringLiteral("$share/g/x/+"), 9).isValid());
    QCOMPARE(index.size(), 3);
    QCOMPARE(index.match(u"x/y"), (QList<int>{9, 9, 9}));
    QVERIFY(index.remove(QStringLiteral("x/+"), 9));
    QCOMPARE(index.match(u"x/y"), (QList<int>{9, 9}));
}

void TestTopicFilterIndex::randomCrossCheck()
{
    QRandomGenerator random(20240607);
    QStringList filters;
    TopicFilterIndex index;
    for (int id = 0; id < 200; ++id) {
        const QString filter = randomFilter(random);
        const TopicFilter::ValidationError error = index.insert(filter, id);
        QVERIFY2(error.isValid(), qPrintable(QStringLiteral("generated filter %1 rejected: %2").arg(filter, error.message)));
        filters.append(filter);
    }

    qint64 matched = 0;
    for (int t = 0; t < 5000; ++t) {
        const QString topic = randomTopic(random);
        QList<int> want;
        for (int id = 0; id < filters.size(); ++id) {
            if (TopicFilter::matches(filters.at(id), topic))
                want.append(id);
        }
        const QList<int> got = sorted(index.match(topic));
        if (got != want) {
            QStringList diff;
            for (int id = 0; id < filters.size(); ++id) {
                if (got.contains(id) != want.contains(id))
                    diff.append(QStringLiteral("%1 (index %2, TopicFilter::matches %3)")
                                    .arg(filters.at(id), got.contains(id) ? u"yes" : u"no",
                                         want.contains(id) ? u"yes" : u"no"));
            }
            QFAIL(qPrintable(QStringLiteral("topic '%1' disagrees on: %2").arg(topic, diff.join(u"; "))));
        }
        matched += got.size();
    }
    // The alphabet is small on purpose: make sure the data exercised matches.
    QVERIFY2(matched > 5000, qPrintable(QStringLiteral("only %1 matches; generator too sparse").arg(matched)));
}

void TestTopicFilterIndex::mosquittoCrossCheck()
{
    const QString subExe = TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_sub"));
    const QString pubExe = TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub"));
    QVERIFY2(!subExe.isEmpty() && !pubExe.isEmpty(),
             "mosquitto_sub/mosquitto_pub not found (package mosquitto-clients)");

    TestBroker broker;
    QString brokerError;
    QVERIFY2(broker.start(&brokerError), qPrintable(QStringLiteral("broker did not start: %1").arg(brokerError)));
    const QStringList connection = {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"),
                                    QString::number(broker.port()), QStringLiteral("-q"), QStringLiteral("1")};

    const QStringList filters = {
        QStringLiteral("#"),
        QStringLiteral("+"),
        QStringLiteral("+/+"),
        QStringLiteral("/+"),
        QStringLiteral("+/#"),
        QStringLiteral("sport/#"),
        QStringLiteral("sport/+"),
        QStringLiteral("sport/tennis/+"),
        QStringLiteral("+/tennis/#"),
        QStringLiteral("$app/#"),
        QStringLiteral("$app/+"),
        QStringLiteral("a/+/b"),
        QStringLiteral("a//b"),
        QStringLiteral("factory/+/building-a/#"),
        QStringLiteral("factory/+/+/+/+/status"),
        QStringLiteral("$share/grp/sport/tennis/#"),
    };
    const QStringList topics = {
        QStringLiteral("sport"),
        QStringLiteral("sport/"),
        QStringLiteral("sport/tennis"),
        QStringLiteral("sport/tennis/player1"),
        QStringLiteral("sport/tennis/player1/ranking"),
        QStringLiteral("sport/tennis/player1/score/wimbledon"),
        QStringLiteral("sport/tennis2"),
        QStringLiteral("sport/golf/player2"),
        QStringLiteral("sport/$tennis/x"),
        QStringLiteral("/finance"),
        QStringLiteral("/"),
        QStringLiteral("//"),
        QStringLiteral("finance"),
        QStringLiteral("finance/"),
        QStringLiteral("a/b"),
        QStringLiteral("a//b"),
        QStringLiteral("a/x/b"),
        QStringLiteral("a/x/y/b"),
        QStringLiteral("a/x/b/"),
        QStringLiteral("$app"),
        QStringLiteral("$app/"),
        QStringLiteral("$app/line"),
        QStringLiteral("$app/line/1"),
        QStringLiteral("$other/line"),
        QStringLiteral("x/tennis"),
        QStringLiteral("x/tennis/y/z"),
        QStringLiteral("/tennis/y"),
        QStringLiteral("$x/tennis/y"),
        QStringLiteral("factory"),
        QStringLiteral("factory/chicago/building-a"),
        QStringLiteral("factory/chicago/building-a/line-3/press-7/telemetry"),
        QStringLiteral("factory/chicago/building-a/line-3/press-7/status"),
        QStringLiteral("factory/chicago/building-b/line-3/press-7/status"),
        QStringLiteral("factory/chicago/building-b/line-3/press-7/status/extra"),
        QStringLiteral("factory/dallas/building-a/line-1/oven-2/status"),
        QStringLiteral("Sport/tennis/player1"),
        QStringLiteral("x"),
        QStringLiteral("x/y/z/w/v/u/t"),
        QStringLiteral("unicode/\u00fcber/\u6e29\u5ea6"),
        QStringLiteral("tennis/player1"),
    };
    // Marks the start (retained "ready", delivered once the subscription is
    // active) and the end ("done", published after every test message was
    // acknowledged) of each subscriber's stream.
    const QString syncTopic = QStringLiteral("linescope-sync");
    QVERIFY(!topics.contains(syncTopic));

    auto publish = [&](const QString &topic, const QString &payload, bool retain) {
        auto client = std::make_unique<ClientProcess>();
        QStringList args = connection;
        args << QStringLiteral("-t") << topic << QStringLiteral("-m") << payload;
        if (retain)
            args << QStringLiteral("-r");
        client->process.start(pubExe, args);
        return client;
    };
    auto waitPublished = [](ClientProcess &client, const QString &topic) {
        const bool finished = client.process.waitForFinished(20000);
        const QString why = QString::fromLocal8Bit(client.process.readAllStandardError());
        return finished && client.process.exitStatus() == QProcess::NormalExit && client.process.exitCode() == 0
            ? QString()
            : QStringLiteral("mosquitto_pub -t %1 failed (exit %2): %3 %4")
                  .arg(topic, QString::number(client.process.exitCode()), client.process.errorString(), why);
    };

    {
        auto ready = publish(syncTopic, QStringLiteral("ready"), true);
        const QString problem = waitPublished(*ready, syncTopic);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    std::vector<std::unique_ptr<ClientProcess>> subscribers;
    for (const QString &filter : filters) {
        auto client = std::make_unique<ClientProcess>();
        QStringList args = connection;
        args << QStringLiteral("-F") << QStringLiteral("%t %p") << QStringLiteral("-t") << filter
             << QStringLiteral("-t") << syncTopic;
        client->process.start(subExe, args);
        QVERIFY2(client->process.waitForStarted(20000),
                 qPrintable(QStringLiteral("mosquitto_sub for %1: %2").arg(filter, client->process.errorString())));
        subscribers.push_back(std::move(client));
    }

    const QByteArray readyLine = syncTopic.toUtf8() + " ready\n";
    const QByteArray doneLine = syncTopic.toUtf8() + " done\n";
    auto allSaw = [&](const QByteArray &line, QString *missing) {
        missing->clear();
        for (qsizetype i = 0; i < qsizetype(subscribers.size()); ++i) {
            ClientProcess &client = *subscribers[size_t(i)];
            client.output += client.process.readAllStandardOutput();
            if (client.process.state() != QProcess::Running) {
                *missing = QStringLiteral("mosquitto_sub for %1 exited: %2")
                               .arg(filters.at(i), QString::fromLocal8Bit(client.process.readAllStandardError()));
                return false;
            }
            if (!client.output.contains(line)) {
                *missing = QStringLiteral("no '%1' yet for %2").arg(QString::fromUtf8(line.trimmed()), filters.at(i));
                return false;
            }
        }
        return true;
    };

    QString missing;
    QTRY_VERIFY2_WITH_TIMEOUT(allSaw(readyLine, &missing), qPrintable(missing + u'\n' + broker.logText()), 20000);

    std::vector<std::unique_ptr<ClientProcess>> publishers;
    for (const QString &topic : topics)
        publishers.push_back(publish(topic, QStringLiteral("m"), false));
    for (qsizetype i = 0; i < topics.size(); ++i) {
        const QString problem = waitPublished(*publishers[size_t(i)], topics.at(i));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    {
        auto done = publish(syncTopic, QStringLiteral("done"), false);
        const QString problem = waitPublished(*done, syncTopic);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QTRY_VERIFY2_WITH_TIMEOUT(allSaw(doneLine, &missing), qPrintable(missing + u'\n' + broker.logText()), 20000);

    TopicFilterIndex index;
    for (int id = 0; id < filters.size(); ++id)
        QVERIFY2(index.insert(filters.at(id), id).isValid(), qPrintable(filters.at(id)));
    std::vector<QStringList> predicted(size_t(filters.size()));
    for (const QString &topic : topics) {
        for (const int id : index.match(topic))
            predicted[size_t(id)].append(topic);
    }

    qsizetype delivered = 0;
    for (int id = 0; id < filters.size(); ++id) {
        QStringList received;
        const QList<QByteArray> lines = subscribers[size_t(id)]->output.split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype space = line.lastIndexOf(' ');
            if (space < 0)
                continue;   // the empty tail after the last newline
            const QString topic = QString::fromUtf8(line.left(space));
            if (topic != syncTopic)
                received.append(topic);
        }
        received.sort();
        QStringList want = predicted[size_t(id)];
        want.sort();
        delivered += received.size();
        QVERIFY2(received == want,
                 qPrintable(QStringLiteral("filter %1:\n  mosquitto delivered [%2]\n  index predicts     [%3]")
                                .arg(filters.at(id), received.join(u", "), want.join(u", "))));
    }
    QVERIFY2(delivered > topics.size(), qPrintable(QStringLiteral("only %1 deliveries in total").arg(delivered)));
}

QTEST_GUILESS_MAIN(TestTopicFilterIndex)
#include "tst_topic_filter_index.moc"
