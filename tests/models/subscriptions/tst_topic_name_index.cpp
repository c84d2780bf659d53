#include "subscriptions/topic_name_index.h"
#include "topics/topic_filter.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

namespace {

// Known topics for the table tests, in insertion order.
const QStringList knownTopics = {
    QStringLiteral("sport/tennis/player1"),
    QStringLiteral("sport/tennis/player1/ranking"),
    QStringLiteral("sport/tennis/player1/score/wimbledon"),
    QStringLiteral("sport/tennis/player2"),
    QStringLiteral("sport"),
    QStringLiteral("sport/"),
    QStringLiteral("sport/golf/player3"),
    QStringLiteral("/finance"),
    QStringLiteral("finance"),
    QStringLiteral("/"),
    QStringLiteral("a//b"),
    QStringLiteral("a/x/b"),
    QStringLiteral("$SYS/broker/load"),
    QStringLiteral("$SYS"),
    QStringLiteral("$app/line/1"),
    QStringLiteral("factory/chicago/building-a/line-3/press-7/telemetry"),
    QStringLiteral("factory/chicago/building-a/line-3/press-7/status"),
    QStringLiteral("factory/dallas/building-a/line-1/oven-2/status"),
};

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestTopicNameIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchingTopics_data();
    void matchingTopics();
    void limit_data();
    void limit();
    void siblingOrder();
    void hashSubtree();
    void insertAndContains();
    void invalidFilter();
    void deepTopic();
    void randomCrossCheck();

private:
    TopicNameIndex m_index;
};

void TestTopicNameIndex::initTestCase()
{
    for (const QString &topic : knownTopics) {
        QString error;
        QVERIFY2(m_index.insert(topic, &error), qPrintable(QStringLiteral("%1: %2").arg(topic, error)));
    }
    QCOMPARE(m_index.size(), knownTopics.size());
}

void TestTopicNameIndex::matchingTopics_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("exact") << "sport/tennis/player1" << QStringList{QStringLiteral("sport/tennis/player1")};
    QTest::newRow("exact unknown") << "sport/tennis/player9" << QStringList{};
    QTest::newRow("exact prefix only") << "sport/tennis" << QStringList{};
    QTest::newRow("unknown level") << "nowhere/at/all" << QStringList{};
    QTest::newRow("hash includes parent")
        << "sport/tennis/player1/#"
        << QStringList{QStringLiteral("sport/tennis/player1"), QStringLiteral("sport/tennis/player1/ranking"),
                       QStringLiteral("sport/tennis/player1/score/wimbledon")};
    QTest::newRow("plus one level")
        << "sport/tennis/+" << QStringList{QStringLiteral("sport/tennis/player1"), QStringLiteral("sport/tennis/player2")};
    QTest::newRow("plus matches empty level") << "sport/+" << QStringList{QStringLiteral("sport/")};
    QTest::newRow("plus then hash")
        << "sport/+/#"
        << QStringList{QStringLiteral("sport/"), QStringLiteral("sport/tennis/player1"),
                       QStringLiteral("sport/tennis/player1/ranking"), QStringLiteral("sport/tennis/player1/score/wimbledon"),
                       QStringLiteral("sport/tennis/player2"), QStringLiteral("sport/golf/player3")};
    QTest::newRow("+/+ vs /finance") << "+/+" << QStringList{QStringLiteral("/finance"), QStringLiteral("sport/"), QStringLiteral("/")};
    QTest::newRow("+ excludes dollar") << "+" << QStringList{QStringLiteral("sport"), QStringLiteral("finance")};
    QTest::newRow("/+") << "/+" << QStringList{QStringLiteral("/finance"), QStringLiteral("/")};
    QTest::newRow("empty levels") << "a/+/b" << QStringList{QStringLiteral("a//b"), QStringLiteral("a/x/b")};
    QTest::newRow("dollar hash") << "$SYS/#" << QStringList{QStringLiteral("$SYS"), QStringLiteral("$SYS/broker/load")};
    QTest::newRow("dollar plus") << "$app/+/+" << QStringList{QStringLiteral("$app/line/1")};
    QTest::newRow("plus hash excludes dollar")
        << "+/+/+/+/+/status"
        << QStringList{QStringLiteral("factory/chicago/building-a/line-3/press-7/status"),
                       QStringLiteral("factory/dallas/building-a/line-1/oven-2/status")};
    QTest::newRow("share prefix ignored")
        << "$share/grp/factory/+/building-a/+/+/status"
        << QStringList{QStringLiteral("factory/chicago/building-a/line-3/press-7/status"),
                       QStringLiteral("factory/dallas/building-a/line-1/oven-2/status")};

    // "#" alone: everything except the '$' topics, computed from the list.
    QStringList all;
    for (const QString &topic : knownTopics) {
        if (!topic.startsWith(u'$'))
            all.append(topic);
    }
    QTest::newRow("hash alone excludes dollar") << "#" << all;
}

void TestTopicNameIndex::matchingTopics()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);

    qint64 total = -1;
    TopicFilter::ValidationError error;
    const QStringList got = m_index.matchingTopics(filter, -1, &total, &error);
    QVERIFY2(error.isValid(), qPrintable(error.message));
    QVERIFY2(sorted(got) == sorted(expected), qPrintable(QStringLiteral("filter %1: got [%2], want [%3]")
                                                             .arg(filter, got.join(u", "), expected.join(u", "))));
    QCOMPARE(total, qint64(expected.size()));
    // Each reported topic really matches per the reference matcher.
    for (const QString &topic : got)
        QVERIFY2(TopicFilter::matches(filter, topic), qPrintable(QStringLiteral("%1 vs %2").arg(filter, topic)));
}

void TestTopicNameIndex::limit_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("limit");

    QTest::newRow("count only") << "#" << 0;
    QTest::newRow("one of many") << "#" << 1;
    QTest::newRow("some of a subtree") << "sport/#" << 3;
    QTest::newRow("limit above total") << "sport/#" << 1000;
    QTest::newRow("plus with limit") << "+/+/+/+/+/+" << 2;
    QTest::newRow("exact with limit 0") << "sport/tennis/player1" << 0;
}

void TestTopicNameIndex::limit()
{
    QFETCH(QString, filter);
    QFETCH(int, limit);

    qint64 allTotal = 0;
    const QStringList all = m_index.matchingTopics(filter, -1, &allTotal);
    QCOMPARE(allTotal, qint64(all.size()));
    QVERIFY2(!all.isEmpty(), "the row needs a filter that matches something");

    qint64 total = -1;
    const QStringList some = m_index.matchingTopics(filter, limit, &total);
    QCOMPARE(total, allTotal);   // the count ignores the limit
    QCOMPARE(some.size(), qMin(qsizetype(limit), all.size()));
    // The limited result is the beginning of the full one.
    QCOMPARE(some, all.mid(0, some.size()));
}

void TestTopicNameIndex::siblingOrder()
{
    TopicNameIndex index;
    const QStringList topics = {QStringLiteral("z/2"), QStringLiteral("a/1"), QStringLiteral("z/1"),
                                QStringLiteral("z"), QStringLiteral("m")};
    for (const QString &topic : topics)
        QVERIFY(index.insert(topic));
    // Depth-first, siblings in first-insertion order, a topic before its children.
    QCOMPARE(index.matchingTopics(QStringLiteral("#"), -1),
             (QStringList{QStringLiteral("z"), QStringLiteral("z/2"), QStringLiteral("z/1"), QStringLiteral("a/1"),
                          QStringLiteral("m")}));
}

void TestTopicNameIndex::hashSubtree()
{
    TopicNameIndex index;
    QSet<QString> line3;
    for (int building = 0; building < 4; ++building) {
        for (int asset = 0; asset < 25; ++asset) {
            for (int m = 0; m < 10; ++m) {
                const QString topic = QStringLiteral("factory/chicago/b%1/line-3/asset-%2/m%3").arg(building).arg(asset).arg(m);
                QVERIFY(index.insert(topic));
                if (building == 2)
                    line3.insert(topic);
            }
        }
    }
    QVERIFY(index.insert(QStringLiteral("factory/chicago/b2")));   // the subtree root itself is a topic too
    line3.insert(QStringLiteral("factory/chicago/b2"));
    QCOMPARE(index.size(), 4 * 25 * 10 + 1);

    qint64 total = 0;
    const QStringList all = index.matchingTopics(QStringLiteral("factory/chicago/b2/#"), -1, &total);
    QCOMPARE(total, qint64(line3.size()));
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()), line3);

    const QStringList ten = index.matchingTopics(QStringLiteral("factory/chicago/b2/#"), 10, &total);
    QCOMPARE(total, qint64(line3.size()));
    QCOMPARE(ten.size(), 10);
    QCOMPARE(QSet<QString>(ten.cbegin(), ten.cend()).size(), 10);
    for (const QString &topic : ten)
        QVERIFY2(line3.contains(topic), qPrintable(topic));

    index.matchingTopics(QStringLiteral("factory/+/+/line-3/+/m7"), 0, &total);
    QCOMPARE(total, qint64(4 * 25));
    index.matchingTopics(QStringLiteral("#"), 0, &total);
    QCOMPARE(total, qint64(index.size()));

    index.clear();
    QVERIFY(index.isEmpty());
    QVERIFY(index.matchingTopics(QStringLiteral("#"), -1, &total).isEmpty());
    QCOMPARE(total, qint64(0));
}

void TestTopicNameIndex::insertAndContains()
{
    TopicNameIndex index;
    QVERIFY(index.insert(QStringLiteral("a/b/c")));
    QVERIFY(index.insert(QStringLiteral("a/b/c")));   // known already: not counted twice
    QCOMPARE(index.size(), 1);
    QVERIFY(index.contains(u"a/b/c"));
    QVERIFY2(!index.contains(u"a/b"), "a prefix of a topic is not a topic");
    QVERIFY(!index.contains(u"a/b/c/d"));
    QVERIFY(!index.contains(u""));
    QVERIFY(index.insert(QStringLiteral("a/b")));
    QVERIFY(index.contains(u"a/b"));
    QCOMPARE(index.size(), 2);

    for (const QString &bad : {QString(), QStringLiteral("a/+/c"), QStringLiteral("a/#")}) {
        QString error;
        QVERIFY2(!index.insert(bad, &error), qPrintable(QStringLiteral("'%1' accepted").arg(bad)));
        QVERIFY2(!error.isEmpty(), qPrintable(QStringLiteral("no reason given for '%1'").arg(bad)));
    }
    QCOMPARE(index.size(), 2);
}

void TestTopicNameIndex::invalidFilter()
{
    qint64 total = -1;
    TopicFilter::ValidationError error;
    const QStringList got = m_index.matchingTopics(QStringLiteral("sport/#/x"), -1, &total, &error);
    QVERIFY(got.isEmpty());
    QCOMPARE(total, qint64(0));
    QVERIFY2(!error.isValid() && !error.message.isEmpty(), "an invalid filter must report why");
}

void TestTopicNameIndex::deepTopic()
{
    // Subtree collection must not recurse per level: topic depth comes from
    // the network.
    TopicNameIndex index;
    QStringList levels(20000, QStringLiteral("a"));
    const QString deep = levels.join(u'/');
    QString error;
    QVERIFY2(index.insert(deep, &error), qPrintable(error));
    QVERIFY(index.insert(QStringLiteral("a/b")));
    qint64 total = 0;
    const QStringList got = index.matchingTopics(QStringLiteral("a/#"), -1, &total);
    QCOMPARE(total, qint64(2));
    QCOMPARE(sorted(got), sorted(QStringList{deep, QStringLiteral("a/b")}));
}

void TestTopicNameIndex::randomCrossCheck()
{
    QRandomGenerator random(4711);
    const QStringList alphabet = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QString(),
                                  QStringLiteral("$s")};
    auto pick = [&] { return alphabet.at(random.bounded(int(alphabet.size()))); };

    TopicNameIndex index;
    QStringList topics;
    QSet<QString> seen;
    while (topics.size() < 1500) {
        QStringList levels;
        const int depth = random.bounded(1, 6);
        for (int i = 0; i < depth; ++i)
            levels.append(pick());
        const QString topic = levels.join(u'/');
        if (topic.isEmpty())
            continue;
        QVERIFY(index.insert(topic));
        if (!seen.contains(topic)) {
            seen.insert(topic);
            topics.append(topic);
        }
    }
    QCOMPARE(index.size(), topics.size());

    for (int f = 0; f < 200; ++f) {
        QStringList levels;
        const int depth = random.bounded(1, 5);
        for (int i = 0; i < depth; ++i)
            levels.append(random.bounded(4) == 0 ? QStringLiteral("+") : pick());
        if (random.bounded(3) == 0)
            levels.append(QStringLiteral("#"));
        const QString filter = levels.join(u'/');

        QStringList want;
        for (const QString &topic : topics) {
            if (TopicFilter::matches(filter, topic))
                want.append(topic);
        }
        qint64 total = -1;
        const QStringList got = index.matchingTopics(filter, -1, &total);
        QVERIFY2(sorted(got) == sorted(want),
                 qPrintable(QStringLiteral("filter '%1': index [%2], TopicFilter::matches [%3]")
                                .arg(filter, sorted(got).join(u", "), sorted(want).join(u", "))));
        QCOMPARE(total, qint64(want.size()));
    }
}

QTEST_GUILESS_MAIN(TestTopicNameIndex)
#include "tst_topic_name_index.moc"
