#include "topics/topic_tree_model.h"

#include "topics/topic_filter.h"
#include "tree_dump.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <set>

namespace {

MqttMessage message(const QString &topic, const QByteArray &payload = QByteArrayLiteral("1"),
                    quint8 qos = 0, bool retained = false, qint64 receivedAtMs = 1700000000000)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.qos = qos;
    m.retained = retained;
    m.receivedAtMs = receivedAtMs;
    return m;
}

QList<MqttMessage> messages(const QStringList &topics)
{
    QList<MqttMessage> batch;
    for (const QString &topic : topics)
        batch.append(message(topic));
    return batch;
}

// A payload whose content says which message it was: "<index>:xxxx", `size` bytes.
QByteArray numberedPayload(int index, int size)
{
    QByteArray payload = QByteArray::number(index) + ':';
    if (payload.size() < size)
        payload.append(QByteArray(size - payload.size(), 'x'));
    return payload;
}

// The model under QAbstractItemModelTester for the whole test function.
struct Fixture
{
    TopicTreeModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

QString describe(const QStringList &lines)
{
    return QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
}

// Topics for the search tests: case, empty levels, $SYS, case folding
// beyond ASCII, surrogate pairs, and enough branches to split the work.
QStringList searchTopics()
{
    QStringList topics{QStringLiteral("plant/Oven/temp"), QStringLiteral("plant/oven-2/temp"),
                       QStringLiteral("$SYS/broker/uptime"), QStringLiteral("a//b"), QStringLiteral("/lead"),
                       QStringLiteral("kelvin/\u212A"), QStringLiteral("kelvin/K"), QStringLiteral("city/straße"),
                       QStringLiteral("city/STRASSE"), QStringLiteral("greek/ΣΊΣΥΦΟΣ"),
                       QStringLiteral("deseret/\U00010400/x"), QStringLiteral("emoji/\U0001F600/y")};
    // Enough branches that the search is split over threads.
    for (int i = 0; i < 40; ++i) {
        for (int j = 0; j < 5; ++j)
            topics.append(QStringLiteral("gen/%1%2/b%3/leaf").arg(i % 2 ? u'a' : u'A').arg(i).arg(j));
    }
    return topics;
}

// Full QAbstractItemModelTester pass over a populated model (the fixture's
// tester ran its full pass on the empty model and then follows the signals).
void checkWholeModel(QAbstractItemModel *model)
{
    QAbstractItemModelTester full(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

// The search tests' oracle: walks every row of the model and collects the
// rows whose full topic `accepts`, plus everything above them. With
// OutermostOnly, a row below an accepted row is not collected again (the
// substring search reports only the topmost match of a subtree).
enum class Collect { Every, OutermostOnly };
struct ExpectedMatches
{
    std::set<quintptr> matched;
    std::set<quintptr> ancestors;
};

ExpectedMatches expectedMatches(const TopicTreeModel &model, const std::function<bool(const QString &)> &accepts,
                                Collect collect)
{
    ExpectedMatches expected;
    std::set<quintptr> accepted;
    std::vector<QModelIndex> pending{QModelIndex()};
    while (!pending.empty()) {
        const QModelIndex parent = pending.back();
        pending.pop_back();
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            pending.push_back(index);
            if (!accepts(index.data(TopicTreeModel::FullTopicRole).toString()))
                continue;
            accepted.insert(index.internalId());
            if (collect == Collect::OutermostOnly && parent.isValid() && accepted.count(parent.internalId()))
                continue;
            expected.matched.insert(index.internalId());
            for (QModelIndex above = parent; above.isValid(); above = above.parent())
                expected.ancestors.insert(above.internalId());
        }
    }
    return expected;
}

// Each row once, and the same rows as the oracle.
void compareMatches(const std::vector<quintptr> &matchedRows, const std::vector<quintptr> &ancestorRows,
                    const ExpectedMatches &expected)
{
    const std::set<quintptr> matched(matchedRows.cbegin(), matchedRows.cend());
    const std::set<quintptr> ancestors(ancestorRows.cbegin(), ancestorRows.cend());
    QCOMPARE(matchedRows.size(), matched.size());
    QCOMPARE(ancestorRows.size(), ancestors.size());
    QVERIFY2(matched == expected.matched, qPrintable(QStringLiteral("%1 matched rows, expected %2")
                                                         .arg(matched.size()).arg(expected.matched.size())));
    QVERIFY2(ancestors == expected.ancestors, qPrintable(QStringLiteral("%1 ancestors, expected %2")
                                                             .arg(ancestors.size()).arg(expected.ancestors.size())));
}

} // namespace

class TestTopicTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeShape_data();
    void treeShape();
    void insertionsArePerParentPerBatch_data();
    void insertionsArePerParentPerBatch();
    void counts();
    void historyBounds_data();
    void historyBounds();
    void tighterLimitsTrimExistingHistory();
    void sysTopicsHaveTheirOwnRoot();
    void emptyLevelsArePlaceholdersWithExactTopic();
    void retainedClearKeepsTopic();
    void dataRoles();
    void pathLevelsWithoutMessage();
    void valuePreview_data();
    void valuePreview();
    void dataChangedIsCoalescedPerParent();
    void dataChangedOnlyForObservedParents();
    void dataChangedPacedByUpdateInterval();
    void findSubstring_data();
    void findSubstring();
    void findFilterMatches_data();
    void findFilterMatches();
    void topicUpdatedOncePerTopicPerBatch();
    void topicUpdatedSlotMayClearTheModel();
    void indexForTopic();
    void clearResets();
    void headerAndRoleNames();
    void deepTopic();
    void scaleHundredThousandTopics();
};

void TestTopicTreeModel::treeShape_data()
{
    QTest::addColumn<QList<QStringList>>("batches");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("single topic") << QList<QStringList>{{QStringLiteral("a/b/c")}}
                                  << QStringList{QStringLiteral("a | 1 | 1"),
                                                 QStringLiteral("  b | 1 | 1"),
                                                 QStringLiteral("    c | 1 | 1 *")};
    QTest::newRow("siblings keep arrival order")
        << QList<QStringList>{{QStringLiteral("line/press-10"), QStringLiteral("line/press-2"),
                               QStringLiteral("line/oven")}}
        << QStringList{QStringLiteral("line | 3 | 3"), QStringLiteral("  press-10 | 1 | 1 *"),
                       QStringLiteral("  press-2 | 1 | 1 *"), QStringLiteral("  oven | 1 | 1 *")};
    QTest::newRow("topic with subtopics")
        << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("a/b"), QStringLiteral("a")}}
        << QStringList{QStringLiteral("a | 3 | 2 *"), QStringLiteral("  b | 1 | 1 *")};
    QTest::newRow("empty levels")
        << QList<QStringList>{{QStringLiteral("a//b"), QStringLiteral("/x"), QStringLiteral("a/")}}
        << QStringList{QStringLiteral("a | 2 | 2"), QStringLiteral("  (empty) | 2 | 2 *"),
                       QStringLiteral("    b | 1 | 1 *"), QStringLiteral("(empty) | 1 | 1"),
                       QStringLiteral("  x | 1 | 1 *")};
    QTest::newRow("$SYS root")
        << QList<QStringList>{{QStringLiteral("plant/a"), QStringLiteral("$SYS/broker/uptime"),
                               QStringLiteral("$SYS/broker/clients/connected")}}
        << QStringList{QStringLiteral("plant | 1 | 1"), QStringLiteral("  a | 1 | 1 *"),
                       QStringLiteral("$SYS | 2 | 2"), QStringLiteral("  broker | 2 | 2"),
                       QStringLiteral("    uptime | 1 | 1 *"), QStringLiteral("    clients | 1 | 1"),
                       QStringLiteral("      connected | 1 | 1 *")};
    QTest::newRow("growth across batches")
        << QList<QStringList>{{QStringLiteral("f/l1/temp")},
                              {QStringLiteral("f/l2/temp"), QStringLiteral("f/l1/temp")},
                              {QStringLiteral("f/l1/press"), QStringLiteral("g")}}
        << QStringList{QStringLiteral("f | 4 | 3"), QStringLiteral("  l1 | 3 | 2"),
                       QStringLiteral("    temp | 2 | 1 *"), QStringLiteral("    press | 1 | 1 *"),
                       QStringLiteral("  l2 | 1 | 1"), QStringLiteral("    temp | 1 | 1 *"),
                       QStringLiteral("g | 1 | 1 *")};
    QTest::newRow("wide node switches to hashed lookup")
        << QList<QStringList>{[] {
               QStringList topics;
               for (int i = 0; i < 40; ++i)
                   topics.append(QStringLiteral("w/%1").arg(i % 20));
               return topics;
           }()}
        << [] {
               QStringList lines{QStringLiteral("w | 40 | 20")};
               for (int i = 0; i < 20; ++i)
                   lines.append(QStringLiteral("  %1 | 2 | 1 *").arg(i));
               return lines;
           }();
}

void TestTopicTreeModel::treeShape()
{
    QFETCH(QList<QStringList>, batches);
    QFETCH(QStringList, expected);

    Fixture f;
    for (const QStringList &batch : batches)
        f.model.addMessages(messages(batch));
    const QStringList actual = dumpTree(f.model);
    QVERIFY2(actual == expected, qPrintable(QStringLiteral("actual:%1\nexpected:%2")
                                                .arg(describe(actual), describe(expected))));
    checkWholeModel(&f.model);
}

void TestTopicTreeModel::insertionsArePerParentPerBatch_data()
{
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QStringList>("second");
    QTest::addColumn<QStringList>("expectedInserts");   // "<parent topic>:<first>-<last>"

    QTest::newRow("new root rows in one batch")
        << QStringList()
        << QStringList{QStringLiteral("a/x"), QStringLiteral("b/x"), QStringLiteral("a/y"),
                       QStringLiteral("c")}
        << QStringList{QStringLiteral(":0-2")};
    QTest::newRow("siblings under an existing parent")
        << QStringList{QStringLiteral("line/m1")}
        << QStringList{QStringLiteral("line/m2"), QStringLiteral("line/m3"), QStringLiteral("line/m1"),
                       QStringLiteral("line/m4")}
        << QStringList{QStringLiteral("line:1-3")};
    QTest::newRow("several existing parents")
        << QStringList{QStringLiteral("a/1"), QStringLiteral("b/1")}
        << QStringList{QStringLiteral("b/2"), QStringLiteral("a/2"), QStringLiteral("b/3"),
                       QStringLiteral("a/3/deep/er"), QStringLiteral("c/1")}
        << QStringList{QStringLiteral("b:1-2"), QStringLiteral("a:1-2"), QStringLiteral(":2-2")};
    QTest::newRow("subtree under a new node comes with it")
        << QStringList{QStringLiteral("plant/l1/m1")}
        << QStringList{QStringLiteral("plant/l2/m1"), QStringLiteral("plant/l2/m2"),
                       QStringLiteral("plant/l2/m2/x")}
        << QStringList{QStringLiteral("plant:1-1")};
    QTest::newRow("only known topics") << QStringList{QStringLiteral("a/b")}
                                       << QStringList{QStringLiteral("a/b"), QStringLiteral("a")}
                                       << QStringList();
    QTest::newRow("empty level under existing parent")
        << QStringList{QStringLiteral("a/b")} << QStringList{QStringLiteral("a//c")}
        << QStringList{QStringLiteral("a:1-1")};
}

void TestTopicTreeModel::insertionsArePerParentPerBatch()
{
    QFETCH(QStringList, first);
    QFETCH(QStringList, second);
    QFETCH(QStringList, expectedInserts);

    Fixture f;
    f.model.addMessages(messages(first));
    QSignalSpy aboutToInsert(&f.model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    f.model.addMessages(messages(second));

    QStringList actual;
    for (const QList<QVariant> &args : std::as_const(inserted)) {
        const QModelIndex parent = args.at(0).value<QModelIndex>();
        actual.append(QStringLiteral("%1:%2-%3")
                          .arg(parent.data(TopicTreeModel::FullTopicRole).toString())
                          .arg(args.at(1).toInt())
                          .arg(args.at(2).toInt()));
    }
    QVERIFY2(actual == expectedInserts,
             qPrintable(QStringLiteral("rowsInserted: %1, expected %2")
                            .arg(actual.join(u' '), expectedInserts.join(u' '))));
    QCOMPARE(aboutToInsert.count(), inserted.count());
    for (const QString &topic : std::as_const(second))
        QVERIFY2(f.model.indexForTopic(topic).isValid(), qPrintable(topic));
    checkWholeModel(&f.model);
}

void TestTopicTreeModel::counts()
{
    Fixture f;
    f.model.addMessages(messages({QStringLiteral("p/l1/t"), QStringLiteral("p/l1/t"),
                                  QStringLiteral("p/l2/t"), QStringLiteral("p")}));
    f.model.addMessages(messages({QStringLiteral("p/l1/t"), QStringLiteral("q")}));

    QCOMPARE(f.model.topicCount(), 4);
    QCOMPARE(f.model.messageCount(), 6);

    struct Expected
    {
        QString topic;
        qint64 messages;
        qint64 subtreeMessages;
        qint64 subtreeTopics;
    };
    const QList<Expected> table{
        {QStringLiteral("p"), 1, 5, 3},
        {QStringLiteral("p/l1"), 0, 3, 1},
        {QStringLiteral("p/l1/t"), 3, 3, 1},
        {QStringLiteral("p/l2/t"), 1, 1, 1},
        {QStringLiteral("q"), 1, 1, 1},
    };
    for (const Expected &e : table) {
        const QModelIndex index = f.model.indexForTopic(e.topic);
        QVERIFY2(index.isValid(), qPrintable(e.topic));
        QCOMPARE(index.data(TopicTreeModel::MessageCountRole).toLongLong(), e.messages);
        QCOMPARE(index.data(TopicTreeModel::SubtreeMessageCountRole).toLongLong(), e.subtreeMessages);
        QCOMPARE(index.data(TopicTreeModel::SubtreeTopicCountRole).toLongLong(), e.subtreeTopics);
        QCOMPARE(index.siblingAtColumn(TopicTreeModel::MessagesColumn).data().toLongLong(),
                 e.subtreeMessages);
        QCOMPARE(index.siblingAtColumn(TopicTreeModel::TopicsColumn).data().toLongLong(),
                 e.subtreeTopics);
    }
}

void TestTopicTreeModel::historyBounds_data()
{
    QTest::addColumn<int>("maxMessages");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<QList<int>>("payloadSizes");      // one message each, in order
    QTest::addColumn<int>("batchSize");                // messages per addMessages call
    QTest::addColumn<QList<int>>("expectedKept");      // indices into payloadSizes
    QTest::addColumn<qint64>("expectedEvicted");

    QTest::newRow("under both limits") << 5 << qint64(1000) << QList<int>{10, 10, 10} << 1
                                       << QList<int>{0, 1, 2} << qint64(0);
    QTest::newRow("by count") << 3 << qint64(1000000) << QList<int>{10, 10, 10, 10, 10} << 1
                              << QList<int>{2, 3, 4} << qint64(2);
    QTest::newRow("by count within one batch") << 3 << qint64(1000000)
                                               << QList<int>{10, 10, 10, 10, 10, 10, 10} << 7
                                               << QList<int>{4, 5, 6} << qint64(4);
    QTest::newRow("by bytes") << 100 << qint64(100) << QList<int>{40, 40, 40, 10} << 1
                              << QList<int>{1, 2, 3} << qint64(1);
    QTest::newRow("bytes exactly at limit") << 100 << qint64(100) << QList<int>{50, 50} << 1
                                            << QList<int>{0, 1} << qint64(0);
    QTest::newRow("one oversize message") << 100 << qint64(100) << QList<int>{500} << 1
                                          << QList<int>{0} << qint64(0);
    QTest::newRow("oversize message evicts all older") << 100 << qint64(100)
                                                       << QList<int>{10, 20, 30, 500} << 2
                                                       << QList<int>{3} << qint64(3);
    QTest::newRow("small message after oversize one") << 100 << qint64(100)
                                                      << QList<int>{500, 10} << 1
                                                      << QList<int>{1} << qint64(1);
    QTest::newRow("count and bytes") << 3 << qint64(50) << QList<int>{20, 20, 5, 5, 45} << 1
                                     << QList<int>{3, 4} << qint64(3);
    QTest::newRow("one message history") << 1 << qint64(1000) << QList<int>{5, 6, 7} << 3
                                         << QList<int>{2} << qint64(2);
    QTest::newRow("zero limits keep the newest") << 0 << qint64(0) << QList<int>{5, 6} << 1
                                                 << QList<int>{1} << qint64(1);
}

void TestTopicTreeModel::historyBounds()
{
    QFETCH(int, maxMessages);
    QFETCH(qint64, maxBytes);
    QFETCH(QList<int>, payloadSizes);
    QFETCH(int, batchSize);
    QFETCH(QList<int>, expectedKept);
    QFETCH(qint64, expectedEvicted);

    Fixture f;
    f.model.setHistoryLimits({maxMessages, maxBytes});
    const QString topic = QStringLiteral("line/1/press");
    QList<MqttMessage> batch;
    for (int i = 0; i < payloadSizes.size(); ++i) {
        batch.append(message(topic, numberedPayload(i, payloadSizes.at(i)), 1, false, 1000 + i));
        if (batch.size() == batchSize || i + 1 == payloadSizes.size()) {
            f.model.addMessages(batch);
            batch.clear();
        }
    }

    const QModelIndex index = f.model.indexForTopic(topic);
    QVERIFY(index.isValid());
    const QList<MqttMessage> history = f.model.history(index);
    QList<int> kept;
    for (const MqttMessage &m : history) {
        QCOMPARE(m.topic, topic);
        kept.append(m.payload.left(m.payload.indexOf(':')).toInt());
    }
    QCOMPARE(kept, expectedKept);
    QCOMPARE(index.data(TopicTreeModel::EvictedCountRole).toLongLong(), expectedEvicted);
    QCOMPARE(index.data(TopicTreeModel::MessageCountRole).toLongLong(), payloadSizes.size());
    // the newest message is always the last one, whatever was evicted
    QCOMPARE(index.data(TopicTreeModel::PayloadSizeRole).toLongLong(), payloadSizes.constLast());
    QCOMPARE(history.constLast().receivedAtMs, 1000 + payloadSizes.size() - 1);
}

void TestTopicTreeModel::tighterLimitsTrimExistingHistory()
{
    Fixture f;
    QList<MqttMessage> batch;
    for (int i = 0; i < 10; ++i)
        batch.append(message(QStringLiteral("a/b"), numberedPayload(i, 10)));
    batch.append(message(QStringLiteral("a/c"), numberedPayload(0, 10)));
    f.model.addMessages(batch);
    QCOMPARE(f.model.history(f.model.indexForTopic(QStringLiteral("a/b"))).size(), 10);

    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.model.setHistoryLimits({3, 1000});
    QCOMPARE(f.model.historyLimits().maxMessages, 3);

    const QModelIndex b = f.model.indexForTopic(QStringLiteral("a/b"));
    const QList<MqttMessage> history = f.model.history(b);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.constFirst().payload.left(2), QByteArrayLiteral("7:"));
    QCOMPARE(b.data(TopicTreeModel::EvictedCountRole).toLongLong(), 7);
    QCOMPARE(b.data(TopicTreeModel::MessageCountRole).toLongLong(), 10);
    QCOMPARE(f.model.indexForTopic(QStringLiteral("a/c")).data(TopicTreeModel::EvictedCountRole).toLongLong(), 0);

    bool announced = false;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex topLeft = args.at(0).value<QModelIndex>();
        const QModelIndex bottomRight = args.at(1).value<QModelIndex>();
        const QList<int> roles = args.at(2).value<QList<int>>();
        QVERIFY2(!roles.isEmpty(), "dataChanged without explicit roles");
        if (topLeft.parent() == b.parent() && topLeft.row() <= b.row() && b.row() <= bottomRight.row()
            && roles.contains(TopicTreeModel::EvictedCountRole))
            announced = true;
    }
    QVERIFY2(announced, "the trimmed topic was not announced with EvictedCountRole");
}

void TestTopicTreeModel::sysTopicsHaveTheirOwnRoot()
{
    Fixture f;
    f.model.addMessages(messages({QStringLiteral("plant/l1"), QStringLiteral("$SYS/broker/uptime"),
                                  QStringLiteral("$SYS/broker/load/bytes/received")}));
    const QModelIndex sys = f.model.indexForTopic(QStringLiteral("$SYS"));
    QVERIFY(sys.isValid());
    QVERIFY2(!sys.parent().isValid(), "$SYS is not a top-level row");
    QCOMPARE(sys.data().toString(), QStringLiteral("$SYS"));
    QCOMPARE(sys.data(TopicTreeModel::SubtreeTopicCountRole).toLongLong(), 2);
    QCOMPARE(sys.data(TopicTreeModel::HasMessageRole).toBool(), false);
    const QModelIndex uptime = f.model.indexForTopic(QStringLiteral("$SYS/broker/uptime"));
    QCOMPARE(uptime.parent().parent(), sys);
    QCOMPARE(uptime.data(TopicTreeModel::FullTopicRole).toString(), QStringLiteral("$SYS/broker/uptime"));
}

void TestTopicTreeModel::emptyLevelsArePlaceholdersWithExactTopic()
{
    Fixture f;
    f.model.addMessages(messages({QStringLiteral("a//b"), QStringLiteral("/"), QStringLiteral("a/")}));

    struct Expected
    {
        QString topic;
        QString display;
        bool hasMessage;
    };
    const QList<Expected> table{
        {QStringLiteral("a"), QStringLiteral("a"), false},
        {QStringLiteral("a/"), QStringLiteral("(empty)"), true},
        {QStringLiteral("a//b"), QStringLiteral("b"), true},
        {QStringLiteral(""), QStringLiteral("(empty)"), false},
        {QStringLiteral("/"), QStringLiteral("(empty)"), true},
    };
    for (const Expected &e : table) {
        const QModelIndex index = f.model.indexForTopic(e.topic);
        QVERIFY2(index.isValid(), qPrintable(e.topic));
        QCOMPARE(index.data(TopicTreeModel::FullTopicRole).toString(), e.topic);
        QCOMPARE(index.data(Qt::ToolTipRole).toString(), e.topic);
        QCOMPARE(index.data().toString(), e.display);
        QCOMPARE(index.data(TopicTreeModel::HasMessageRole).toBool(), e.hasMessage);
    }
    QCOMPARE(f.model.topicCount(), 3);
}

void TestTopicTreeModel::retainedClearKeepsTopic()
{
    Fixture f;
    const QString topic = QStringLiteral("line/2/state");
    f.model.addMessages({message(topic, QByteArrayLiteral("running"), 1, true, 1000)});
    f.model.addMessages({message(topic, QByteArray(), 1, true, 2000)});

    const QModelIndex index = f.model.indexForTopic(topic);
    QVERIFY2(index.isValid(), "the cleared topic disappeared");
    QCOMPARE(index.data(TopicTreeModel::HasMessageRole).toBool(), true);
    QCOMPARE(index.data(TopicTreeModel::LastPayloadRole).toByteArray(), QByteArray());
    QCOMPARE(index.data(TopicTreeModel::PayloadSizeRole).toLongLong(), 0);
    QCOMPARE(index.data(TopicTreeModel::RetainedRole).toBool(), true);
    QCOMPARE(index.data(TopicTreeModel::MessageCountRole).toLongLong(), 2);
    QCOMPARE(index.data(TopicTreeModel::LastReceivedRole).toDateTime().toMSecsSinceEpoch(), 2000);
    QCOMPARE(index.siblingAtColumn(TopicTreeModel::ValueColumn).data().toString(),
             QStringLiteral("(retained message cleared)"));
    const QList<MqttMessage> history = f.model.history(index);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.constLast().payload, QByteArray());
    QCOMPARE(history.constLast().retained, true);
    QCOMPARE(f.model.topicCount(), 1);
}

void TestTopicTreeModel::dataRoles()
{
    Fixture f;
    MqttMessage m = message(QStringLiteral("plant/oven/temp"), QByteArrayLiteral("231.5"), 2, true,
                            1700000123456);
    m.properties.contentType = QStringLiteral("text/plain");
    m.properties.userProperties.append({QStringLiteral("unit"), QStringLiteral("degC")});
    f.model.addMessages({message(QStringLiteral("plant/oven/temp"), QByteArrayLiteral("230"), 0), m});

    const QModelIndex index = f.model.indexForTopic(QStringLiteral("plant/oven/temp"));
    QVERIFY(index.isValid());
    for (int column = 0; column < TopicTreeModel::ColumnCount; ++column) {
        const QModelIndex cell = index.siblingAtColumn(column);
        QCOMPARE(cell.data(TopicTreeModel::FullTopicRole).toString(), QStringLiteral("plant/oven/temp"));
        QCOMPARE(cell.data(TopicTreeModel::HasMessageRole).toBool(), true);
        QCOMPARE(cell.data(TopicTreeModel::LastPayloadRole).toByteArray(), QByteArrayLiteral("231.5"));
        QCOMPARE(cell.data(TopicTreeModel::PayloadSizeRole).toLongLong(), 5);
        QCOMPARE(cell.data(TopicTreeModel::QosRole).toInt(), 2);
        QCOMPARE(cell.data(TopicTreeModel::RetainedRole).toBool(), true);
        QCOMPARE(cell.data(TopicTreeModel::MessageCountRole).toLongLong(), 2);
        QCOMPARE(cell.data(TopicTreeModel::SubtreeMessageCountRole).toLongLong(), 2);
        QCOMPARE(cell.data(TopicTreeModel::SubtreeTopicCountRole).toLongLong(), 1);
        QCOMPARE(cell.data(TopicTreeModel::LastReceivedRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(1700000123456));
        QCOMPARE(cell.data(TopicTreeModel::EvictedCountRole).toLongLong(), 0);
    }
    QCOMPARE(index.data().toString(), QStringLiteral("temp"));
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), QStringLiteral("plant/oven/temp"));
    QCOMPARE(index.siblingAtColumn(TopicTreeModel::ValueColumn).data().toString(), QStringLiteral("231.5"));
    QCOMPARE(index.siblingAtColumn(TopicTreeModel::MessagesColumn).data().toLongLong(), 2);
    QCOMPARE(index.siblingAtColumn(TopicTreeModel::TopicsColumn).data().toLongLong(), 1);

    const QList<MqttMessage> history = f.model.history(index.siblingAtColumn(TopicTreeModel::ValueColumn));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).payload, QByteArrayLiteral("230"));
    QCOMPARE(history.at(0).qos, 0);
    QVERIFY(history.at(0).properties.isEmpty());
    QCOMPARE(history.at(1).topic, QStringLiteral("plant/oven/temp"));
    QCOMPARE(history.at(1).receivedAtMs, 1700000123456);
    QCOMPARE(history.at(1).properties, m.properties);
}

void TestTopicTreeModel::pathLevelsWithoutMessage()
{
    Fixture f;
    f.model.addMessages(messages({QStringLiteral("plant/oven/temp")}));
    const QModelIndex oven = f.model.indexForTopic(QStringLiteral("plant/oven"));
    QVERIFY(oven.isValid());
    QCOMPARE(oven.data(TopicTreeModel::HasMessageRole).toBool(), false);
    QCOMPARE(oven.data(TopicTreeModel::MessageCountRole).toLongLong(), 0);
    QCOMPARE(oven.data(TopicTreeModel::SubtreeMessageCountRole).toLongLong(), 1);
    QVERIFY(!oven.data(TopicTreeModel::LastPayloadRole).isValid());
    QVERIFY(!oven.data(TopicTreeModel::LastReceivedRole).isValid());
    QVERIFY(!oven.siblingAtColumn(TopicTreeModel::ValueColumn).data().isValid());
    QVERIFY(f.model.history(oven).isEmpty());
}

void TestTopicTreeModel::valuePreview_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("retained");
    QTest::addColumn<QString>("expected");

    QTest::newRow("number") << QByteArrayLiteral("42.5") << false << QStringLiteral("42.5");
    QTest::newRow("json") << QByteArrayLiteral("{\"t\": 21}") << false << QStringLiteral("{\"t\": 21}");
    QTest::newRow("utf-8") << QByteArray("temp\xc3\xa9rature") << false
                           << QString::fromUtf8("temp\xc3\xa9rature");
    QTest::newRow("line breaks become spaces") << QByteArrayLiteral("a\r\nb\tc") << false
                                               << QStringLiteral("a  b c");
    QTest::newRow("100 chars fit") << QByteArray(100, 'x') << false << QString(100, u'x');
    QTest::newRow("long text is cut") << QByteArray(101, 'x') << false
                                      << QString(QString(100, u'x') + QChar(0x2026));
    QTest::newRow("very long text is cut") << QByteArray(100000, 'y') << false
                                           << QString(QString(100, u'y') + QChar(0x2026));
    QTest::newRow("multi-byte text is cut") << QByteArray(QByteArray(300, 'a') + QByteArray("\xe6\xb8\xa9").repeated(200))
                                            << false << QString(QString(100, u'a') + QChar(0x2026));
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4) << false
                            << QStringLiteral("<4 bytes binary>");
    QTest::newRow("invalid utf-8") << QByteArray("ab\xff\xfe") << false
                                   << QStringLiteral("<4 bytes binary>");
    QTest::newRow("control character") << QByteArray("ab\x07") << false
                                       << QStringLiteral("<3 bytes binary>");
    QTest::newRow("empty") << QByteArray() << false << QStringLiteral("(empty payload)");
    QTest::newRow("retained cleared") << QByteArray() << true
                                      << QStringLiteral("(retained message cleared)");
}

void TestTopicTreeModel::valuePreview()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, retained);
    QFETCH(QString, expected);

    Fixture f;
    f.model.addMessages({message(QStringLiteral("t"), payload, 0, retained)});
    const QModelIndex value = f.model.indexForTopic(QStringLiteral("t")).siblingAtColumn(TopicTreeModel::ValueColumn);
    QCOMPARE(value.data().toString(), expected);
    QCOMPARE(value.data(TopicTreeModel::LastPayloadRole).toByteArray(), payload);
}

void TestTopicTreeModel::dataChangedIsCoalescedPerParent()
{
    Fixture f;
    QStringList topics;
    for (int i = 0; i < 50; ++i)
        topics.append(QStringLiteral("line/m%1").arg(i));
    topics.append(QStringLiteral("other/x"));
    f.model.addMessages(messages(topics));

    // 200 messages on rows 10..29 of "line": one range under "line", one for
    // "line" itself under the root, each as Name column + other columns.
    QList<MqttMessage> batch;
    for (int round = 0; round < 10; ++round) {
        for (int i = 10; i < 30; ++i)
            batch.append(message(QStringLiteral("line/m%1").arg(i)));
    }
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    f.model.addMessages(batch);

    QCOMPARE(inserted.count(), 0);
    QStringList actual;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex topLeft = args.at(0).value<QModelIndex>();
        const QModelIndex bottomRight = args.at(1).value<QModelIndex>();
        const QList<int> roles = args.at(2).value<QList<int>>();
        QVERIFY2(!roles.isEmpty(), "dataChanged without explicit roles");
        QVERIFY(roles.contains(TopicTreeModel::SubtreeMessageCountRole));
        QCOMPARE(roles.contains(Qt::DisplayRole), topLeft.column() != TopicTreeModel::NameColumn);
        QCOMPARE(topLeft.parent(), bottomRight.parent());
        actual.append(QStringLiteral("%1:%2,%3-%4,%5")
                          .arg(topLeft.parent().data(TopicTreeModel::FullTopicRole).toString())
                          .arg(topLeft.row())
                          .arg(topLeft.column())
                          .arg(bottomRight.row())
                          .arg(bottomRight.column()));
    }
    actual.sort();
    const QStringList expected{QStringLiteral(":0,0-0,0"), QStringLiteral(":0,1-0,3"),
                               QStringLiteral("line:10,0-29,0"), QStringLiteral("line:10,1-29,3")};
    QVERIFY2(actual == expected, qPrintable(QStringLiteral("dataChanged: %1").arg(actual.join(u' '))));

    const QModelIndex line = f.model.indexForTopic(QStringLiteral("line"));
    QCOMPARE(line.data(TopicTreeModel::SubtreeMessageCountRole).toLongLong(), 250);
}

void TestTopicTreeModel::dataChangedOnlyForObservedParents()
{
    // No tester here: it would ask for every row.
    TopicTreeModel model;
    model.addMessages(messages({QStringLiteral("a/b/c"), QStringLiteral("x/y")}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const auto changedParents = [&changed] {
        QStringList parents;
        for (const QList<QVariant> &args : std::as_const(changed))
            parents.append(args.at(0).value<QModelIndex>().parent().data(TopicTreeModel::FullTopicRole).toString());
        parents.removeDuplicates();
        parents.sort();
        changed.clear();
        return parents;
    };

    // Nobody asked for any children yet except the top level (the root is always known).
    model.addMessages(messages({QStringLiteral("a/b/c")}));
    QCOMPARE(changedParents(), QStringList{QString()});

    // Looking at "a"'s rows (as an expanding view does) subscribes them.
    const QModelIndex a = model.index(0, 0);
    QCOMPARE(model.rowCount(a), 1);
    model.addMessages(messages({QStringLiteral("a/b/c"), QStringLiteral("x/y")}));
    QCOMPARE(changedParents(), (QStringList{QString(), QStringLiteral("a")}));

    // indexForTopic() hands out indexes along the whole path.
    const QModelIndex c = model.indexForTopic(QStringLiteral("a/b/c"));
    model.addMessages(messages({QStringLiteral("a/b/c")}));
    QCOMPARE(changedParents(), (QStringList{QString(), QStringLiteral("a"), QStringLiteral("a/b")}));
    QCOMPARE(c.data(TopicTreeModel::MessageCountRole).toLongLong(), 4);
    // Values of unobserved rows are current when they are asked for later.
    QCOMPARE(model.indexForTopic(QStringLiteral("x/y")).data(TopicTreeModel::MessageCountRole).toLongLong(), 2);
}

void TestTopicTreeModel::dataChangedPacedByUpdateInterval()
{
    Fixture f;
    f.model.addMessages(messages({QStringLiteral("line/a"), QStringLiteral("line/b"), QStringLiteral("line/c")}));
    f.model.setUpdateIntervalMs(200);
    QCOMPARE(f.model.updateIntervalMs(), 200);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy updated(&f.model, &TopicTreeModel::topicUpdated);

    // Two batches: insertions and topicUpdated at once, values together later.
    f.model.addMessages(messages({QStringLiteral("line/a"), QStringLiteral("line/d")}));
    f.model.addMessages(messages({QStringLiteral("line/c")}));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(updated.count(), 3);
    QCOMPARE(changed.count(), 0);
    // Values are current before they are announced.
    QCOMPARE(f.model.indexForTopic(QStringLiteral("line")).data(TopicTreeModel::SubtreeMessageCountRole).toLongLong(), 6);

    QTRY_VERIFY2_WITH_TIMEOUT(changed.count() > 0, "the paced dataChanged never came", 10000);
    QStringList ranges;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex topLeft = args.at(0).value<QModelIndex>();
        ranges.append(QStringLiteral("%1:%2-%3")
                          .arg(topLeft.parent().data(TopicTreeModel::FullTopicRole).toString())
                          .arg(topLeft.row())
                          .arg(args.at(1).value<QModelIndex>().row()));
    }
    ranges.sort();
    const QStringList expected{QStringLiteral(":0-0"), QStringLiteral(":0-0"), QStringLiteral("line:0-3"),
                               QStringLiteral("line:0-3")};
    QVERIFY2(ranges == expected, qPrintable(ranges.join(u' ')));

    // Back to 0: what is pending is announced at once, later batches immediately.
    changed.clear();
    f.model.addMessages(messages({QStringLiteral("line/b")}));
    QCOMPARE(changed.count(), 0);
    f.model.setUpdateIntervalMs(0);
    QCOMPARE(changed.count(), 4);
    f.model.addMessages(messages({QStringLiteral("line/b")}));
    QCOMPARE(changed.count(), 8);
}

void TestTopicTreeModel::findSubstring_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("one level") << QStringLiteral("oven");
    QTest::newRow("case-insensitive") << QStringLiteral("OVEN");
    QTest::newRow("across levels") << QStringLiteral("a1/b");
    QTest::newRow("separator only") << QStringLiteral("/");
    QTest::newRow("empty level") << QStringLiteral("//");
    QTest::newRow("$SYS") << QStringLiteral("$sys/broker");
    QTest::newRow("no match") << QStringLiteral("nothing-like-this");
    QTest::newRow("whole topic") << QStringLiteral("gen/A12/b3");
    QTest::newRow("kelvin sign folds to k") << QStringLiteral("kelvin/k");
    QTest::newRow("sharp s") << QStringLiteral("STRASSE");
    QTest::newRow("greek sigma") << QStringLiteral("σίσυφος");
    QTest::newRow("non-ASCII needle") << QStringLiteral("ΣΊΣ");
    QTest::newRow("surrogate needle") << QStringLiteral("\U00010428");
    QTest::newRow("emoji") << QStringLiteral("\U0001F600/");
}

void TestTopicTreeModel::findSubstring()
{
    // The oracle is QString::contains(text, Qt::CaseInsensitive) on every
    // row's full topic: matched are the matching rows whose parent does not
    // match, ancestors everything above them.
    QFETCH(QString, text);
    TopicTreeModel model;
    model.addMessages(messages(searchTopics()));

    const ExpectedMatches expected = expectedMatches(
        model, [&text](const QString &topic) { return topic.contains(text, Qt::CaseInsensitive); },
        Collect::OutermostOnly);
    const TopicTreeModel::SubstringMatches found = model.findSubstring(text);
    compareMatches(found.matched, found.ancestors, expected);
}

void TestTopicTreeModel::findFilterMatches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("+ per level") << QStringLiteral("plant/+/temp");
    QTest::newRow("# below a level") << QStringLiteral("plant/#");
    QTest::newRow("# alone skips $SYS") << QStringLiteral("#");
    QTest::newRow("+ alone") << QStringLiteral("+");
    QTest::newRow("$SYS/#") << QStringLiteral("$SYS/#");
    QTest::newRow("empty first level") << QStringLiteral("/+");
    QTest::newRow("empty middle level") << QStringLiteral("a//b");
    QTest::newRow("case-sensitive") << QStringLiteral("PLANT/#");
    QTest::newRow("shared subscription") << QStringLiteral("$share/g/plant/+/temp");
    QTest::newRow("+ then #") << QStringLiteral("gen/+/b3/#");
    QTest::newRow("too deep") << QStringLiteral("plant/+/temp/+");
    QTest::newRow("non-ASCII level") << QStringLiteral("kelvin/\u212A");
}

void TestTopicTreeModel::findFilterMatches()
{
    // The oracle is TopicFilter::matches() on every row's full topic.
    QFETCH(QString, filter);
    TopicTreeModel model;
    model.addMessages(messages(searchTopics()));

    const ExpectedMatches expected = expectedMatches(
        model, [&filter](const QString &topic) { return TopicFilter::matches(filter, topic); }, Collect::Every);
    QVERIFY2(!expected.matched.empty() || QTest::currentDataTag() == QLatin1String("case-sensitive")
                 || QTest::currentDataTag() == QLatin1String("too deep"),
             "the row tests nothing: no topic matches");

    const TopicTreeModel::FilterMatches found = model.findFilterMatches(filter);
    compareMatches(found.matched, found.ancestors, expected);
}

void TestTopicTreeModel::topicUpdatedOncePerTopicPerBatch()
{
    Fixture f;
    QSignalSpy updated(&f.model, &TopicTreeModel::topicUpdated);
    f.model.addMessages(messages({QStringLiteral("a"), QStringLiteral("b/c"), QStringLiteral("a"),
                                  QStringLiteral("b/c"), QStringLiteral("a/d")}));
    QStringList topics;
    for (const QList<QVariant> &args : std::as_const(updated))
        topics.append(args.at(0).toString());
    QCOMPARE(topics, (QStringList{QStringLiteral("a"), QStringLiteral("b/c"), QStringLiteral("a/d")}));

    updated.clear();
    f.model.addMessages(messages({QStringLiteral("b/c")}));
    QCOMPARE(updated.count(), 1);
    QCOMPARE(updated.at(0).at(0).toString(), QStringLiteral("b/c"));

    updated.clear();
    f.model.addMessages({});
    QCOMPARE(updated.count(), 0);
}

void TestTopicTreeModel::topicUpdatedSlotMayClearTheModel()
{
    Fixture f;
    QStringList seen;
    connect(&f.model, &TopicTreeModel::topicUpdated, &f.model, [&f, &seen](const QString &topic) {
        seen.append(topic);
        if (topic == QStringLiteral("a"))
            f.model.clear();
    });
    f.model.addMessages(messages({QStringLiteral("a"), QStringLiteral("b/c"), QStringLiteral("d")}));
    QCOMPARE(seen, (QStringList{QStringLiteral("a"), QStringLiteral("b/c"), QStringLiteral("d")}));
    QCOMPARE(f.model.rowCount(), 0);
    f.model.addMessages(messages({QStringLiteral("b/c")}));
    QCOMPARE(f.model.topicCount(), 1);
}

void TestTopicTreeModel::indexForTopic()
{
    Fixture f;
    f.model.addMessages(messages({QStringLiteral("a/b/c"), QStringLiteral("a/x")}));
    QVERIFY(!f.model.indexForTopic(QStringLiteral("a/b/c/d")).isValid());
    QVERIFY(!f.model.indexForTopic(QStringLiteral("b")).isValid());
    QVERIFY(!f.model.indexForTopic(QStringLiteral("a/b/")).isValid());
    const QModelIndex c = f.model.indexForTopic(QStringLiteral("a/b/c"));
    QVERIFY(c.isValid());
    QCOMPARE(c.column(), int(TopicTreeModel::NameColumn));
    QCOMPARE(c.row(), 0);
    QCOMPARE(f.model.indexForTopic(QStringLiteral("a/x")).row(), 1);
    QCOMPARE(c.parent(), f.model.indexForTopic(QStringLiteral("a/b")));
}

void TestTopicTreeModel::clearResets()
{
    Fixture f;
    f.model.addMessages(messages({QStringLiteral("a/b"), QStringLiteral("c")}));
    QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
    f.model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(f.model.rowCount(), 0);
    QCOMPARE(f.model.topicCount(), 0);
    QCOMPARE(f.model.messageCount(), 0);
    QVERIFY(!f.model.indexForTopic(QStringLiteral("a/b")).isValid());

    f.model.addMessages(messages({QStringLiteral("a/b")}));
    QCOMPARE(dumpTree(f.model), (QStringList{QStringLiteral("a | 1 | 1"), QStringLiteral("  b | 1 | 1 *")}));
}

void TestTopicTreeModel::headerAndRoleNames()
{
    Fixture f;
    QCOMPARE(f.model.columnCount(), int(TopicTreeModel::ColumnCount));
    const QStringList headers{QStringLiteral("Name"), QStringLiteral("Value"), QStringLiteral("Messages"),
                              QStringLiteral("Topics")};
    for (int section = 0; section < headers.size(); ++section)
        QCOMPARE(f.model.headerData(section, Qt::Horizontal).toString(), headers.at(section));
    const QHash<int, QByteArray> names = f.model.roleNames();
    QCOMPARE(names.value(TopicTreeModel::FullTopicRole), QByteArrayLiteral("fullTopic"));
    QCOMPARE(names.value(TopicTreeModel::EvictedCountRole), QByteArrayLiteral("evictedCount"));
    QCOMPARE(names.value(Qt::DisplayRole), QByteArrayLiteral("display"));
}

void TestTopicTreeModel::deepTopic()
{
    // The deepest possible topic: 65535 bytes of '/' are 65536 empty levels.
    // Nothing may recurse once per level (Windows threads have 1 MB stacks).
    // One dataChanged pair per level makes the per-signal
    // QAbstractItemModelTester walk too slow here; it runs one full pass.
    auto model = std::make_unique<TopicTreeModel>();
    const QString topic(65535, u'/');
    model->addMessages(messages({topic, QStringLiteral("x")}));
    const QModelIndex leaf = model->indexForTopic(topic);
    QVERIFY(leaf.isValid());
    QCOMPARE(leaf.data(TopicTreeModel::FullTopicRole).toString(), topic);
    QCOMPARE(leaf.data(TopicTreeModel::HasMessageRole).toBool(), true);
    QCOMPARE(model->index(0, 0).data(TopicTreeModel::SubtreeTopicCountRole).toLongLong(), 1);
    QCOMPARE(model->topicCount(), 2);
    checkWholeModel(model.get());
    model->clear();
    QCOMPARE(model->rowCount(), 0);
    model->addMessages(messages({topic}));
    model.reset();
}

void TestTopicTreeModel::scaleHundredThousandTopics()
{
    // A sanity check of the batch path at scale, not a timing assertion.
    // QAbstractItemModelTester re-walks the whole tree on every model signal,
    // which is quadratic here, so it runs one full pass at the end instead.
    struct
    {
        TopicTreeModel model;
    } f;
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    constexpr int Batches = 100;
    constexpr int BatchSize = 1000;
    for (int b = 0; b < Batches; ++b) {
        QList<MqttMessage> batch;
        batch.reserve(BatchSize);
        for (int i = 0; i < BatchSize; ++i) {
            const int n = b * BatchSize + i;
            batch.append(message(QStringLiteral("plant/line%1/cell%2/sensor%3")
                                     .arg(n % 10)
                                     .arg((n / 10) % 100)
                                     .arg(n / 1000),
                                 QByteArray::number(n)));
        }
        f.model.addMessages(batch);
    }
    QCOMPARE(f.model.topicCount(), qint64(Batches) * BatchSize);
    QCOMPARE(f.model.messageCount(), qint64(Batches) * BatchSize);
    const QModelIndex plant = f.model.indexForTopic(QStringLiteral("plant"));
    QCOMPARE(plant.data(TopicTreeModel::SubtreeTopicCountRole).toLongLong(), qint64(Batches) * BatchSize);
    QCOMPARE(f.model.rowCount(plant), 10);
    const QModelIndex cell = f.model.indexForTopic(QStringLiteral("plant/line3/cell42"));
    QCOMPARE(f.model.rowCount(cell), Batches);
    // batch b adds sensor<b> under each of the 1000 cells: one insertion per cell
    QCOMPARE(inserted.count(), 1 + (Batches - 1) * 1000);
    QCOMPARE(f.model.indexForTopic(QStringLiteral("plant/line7/cell99/sensor57"))
                 .data(TopicTreeModel::LastPayloadRole)
                 .toByteArray(),
             QByteArray::number(57997));
    checkWholeModel(&f.model);
}

QTEST_GUILESS_MAIN(TestTopicTreeModel)
#include "tst_topic_tree_model.moc"
